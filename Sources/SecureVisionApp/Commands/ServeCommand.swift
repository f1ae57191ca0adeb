// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Logging
internal import SecureVisionCore
internal import SecureVisionServer

/// `securevision serve`: run the server until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the server (the default command)."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Address to bind (default 127.0.0.1; a non-loopback address needs an auth token).")
    var host: String?

    @Option(help: "Port to listen on (default 8000; 0 picks a free port).")
    var port: String?

    func run() async throws {
        var flags: [String: RawConfigValue] = [:]
        if let host { flags["API__HOST"] = RawConfigValue(host, origin: .flag("--host")) }
        // Port 0 is only meaningful on the command line (tests and scripts); the config keeps 1...65535.
        let ephemeral = port == "0"
        if let port, !ephemeral { flags["API__PORT"] = RawConfigValue(port, origin: .flag("--port")) }
        var loaded = try global.loadConfiguration(flags: flags)
        if ephemeral { loaded.configuration.api.port = 0 }
        let configuration = loaded.configuration
        let logger = Logger.secureVision(
            level: configuration.logLevel,
            secrets: [configuration.api.authToken].compactMap { $0 }
        )
        do {
            let configFile = global.config
            let allFlags = global.allFlags(adding: flags)
            try await ServeRunner.run(
                loaded,
                reload: {
                    var reloaded = try ConfigurationSources.load(configFile: configFile, flags: allFlags)
                    if ephemeral { reloaded.configuration.api.port = 0 }
                    return reloaded
                },
                logger: logger
            )
        } catch let exit as ExitCode {
            throw exit
        } catch let error as ServerStartupError {
            StandardError.write("securevision: \(error.message)")
            throw ExitStatus.invalidConfiguration
        } catch {
            logger.critical("server failed", metadata: ["error": "\(error)"])
            throw ExitStatus.failure
        }
    }
}
