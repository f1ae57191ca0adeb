// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import SecureVisionCore

/// `securevision serve`: run the server until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the server (the default command)."
    )

    @OptionGroup var global: GlobalOptions

    @OptionGroup var listen: ListenOptions

    func run() async throws {
        let flags = listen.flags
        var loaded = try global.loadConfiguration(flags: flags)
        listen.apply(to: &loaded)
        let configFile = global.config
        let allFlags = global.allFlags(adding: flags)
        let listen = self.listen
        try await ListenOptions.serve(loaded) {
            var reloaded = try ConfigurationSources.load(configFile: configFile, flags: allFlags)
            listen.apply(to: &reloaded)
            return reloaded
        }
    }
}
