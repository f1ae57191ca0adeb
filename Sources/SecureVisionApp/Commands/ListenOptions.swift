// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Logging
internal import SecureVisionCore
internal import SecureVisionServer

/// `--host` and `--port`, shared by the commands that run the server (`serve`, `demo`).
struct ListenOptions: ParsableArguments {
    @Option(help: "Address to bind (default 127.0.0.1; a non-loopback address needs an auth token).")
    var host: String?

    @Option(help: "Port to listen on (default 8000; 0 picks a free port).")
    var port: String?

    /// Port 0 is only meaningful on the command line (tests and scripts); the configuration keeps 1...65535.
    var ephemeralPort: Bool { port == "0" }

    /// The options as configuration values, so they are validated and shown like any other setting.
    var flags: [String: RawConfigValue] {
        var flags: [String: RawConfigValue] = [:]
        if let host { flags["API__HOST"] = RawConfigValue(host, origin: .flag("--host")) }
        if let port, !ephemeralPort { flags["API__PORT"] = RawConfigValue(port, origin: .flag("--port")) }
        return flags
    }

    /// Applies what the flags cannot say through the configuration: port 0.
    /// - Parameter loaded: The configuration loaded with ``flags``.
    func apply(to loaded: inout LoadedConfiguration) {
        if ephemeralPort { loaded.configuration.api.port = 0 }
    }

    /// Runs the server until SIGTERM or SIGINT, mapping its failures to the CLI's exit statuses.
    /// - Parameters:
    ///   - loaded: The configuration.
    ///   - reload: Loads the configuration again, for SIGHUP.
    /// - Throws: ``ExitStatus`` on failure.
    static func serve(
        _ loaded: LoadedConfiguration,
        reload: @escaping @Sendable () throws -> LoadedConfiguration
    ) async throws {
        let configuration = loaded.configuration
        let logger = Logger.secureVision(
            level: configuration.logLevel,
            secrets: [configuration.api.authToken].compactMap { $0 }
        )
        do {
            try await ServeRunner.run(loaded, reload: reload, logger: logger)
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
