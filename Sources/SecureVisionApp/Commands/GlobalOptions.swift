// SPDX-License-Identifier: Apache-2.0

public import ArgumentParser
internal import SecureVisionCore

/// Options every command shares.
///
/// Their values go through the same validation as every other source, with the highest precedence.
public struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "A YAML configuration file (sections video, face, plates, events, tracking, pipeline, api, cameras)."
    )
    var config: String?

    @Option(name: .customLong("data-dir"), help: "Where the database and snapshots live (default ./data).")
    var dataDir: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String?

    public init() {}

    /// These options as configuration values, plus a command's own.
    /// - Parameter flags: The command's own values.
    /// - Returns: Every value given on the command line.
    func allFlags(adding flags: [String: RawConfigValue] = [:]) -> [String: RawConfigValue] {
        var all = flags
        if let dataDir { all["DATA_DIR"] = RawConfigValue(dataDir, origin: .flag("--data-dir")) }
        if let logLevel { all["LOG_LEVEL"] = RawConfigValue(logLevel, origin: .flag("--log-level")) }
        return all
    }

    /// Loads and validates the configuration, or prints every problem and exits with status 2.
    /// - Parameter flags: More flag values of the command, keyed by canonical name.
    /// - Returns: The validated configuration.
    /// - Throws: `ExitCode` 2 after printing the problems.
    func loadConfiguration(flags: [String: RawConfigValue] = [:]) throws -> LoadedConfiguration {
        do {
            return try ConfigurationSources.load(configFile: config, flags: allFlags(adding: flags))
        } catch {
            StandardError.write("securevision: \(error)")
            throw ExitStatus.invalidConfiguration
        }
    }
}
