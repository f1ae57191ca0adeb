// SPDX-License-Identifier: Apache-2.0

internal import Foundation
public import SecureVisionCore

/// Reads every configuration source and hands them to the loader in precedence order:
/// defaults < YAML file < `.env` < environment < flags.
public enum ConfigurationSources {
    /// Loads and validates the configuration.
    /// - Parameters:
    ///   - configFile: The YAML file from `--config`, if any; it must exist when given.
    ///   - flags: Values from command-line flags, keyed by canonical name (`API__PORT`).
    ///   - environment: The environment variables; the process environment when `nil`.
    ///   - dotEnvPath: The `.env` file to read if it exists (the working directory's by default).
    /// - Returns: The validated configuration.
    /// - Throws: ``ConfigurationError`` with every problem found.
    public static func load(
        configFile: String?,
        flags: [String: RawConfigValue] = [:],
        environment: [String: String]? = nil,
        dotEnvPath: String = ".env"
    ) throws(ConfigurationError) -> LoadedConfiguration {
        var layers: [ConfigurationLayer] = []
        if let configFile {
            switch readText(configFile) {
            case .success(let text): layers.append(YAMLConfigurationFile.parse(text, path: configFile))
            case .failure(let failure):
                throw ConfigurationError(issues: [
                    ConfigurationIssue(key: "--config", value: configFile, origin: nil, problem: failure.message)
                ])
            }
        }
        if FileManager.default.fileExists(atPath: dotEnvPath), case .success(let text) = readText(dotEnvPath) {
            layers.append(DotEnvFile.parse(text, path: dotEnvPath))
        }
        layers.append(ConfigurationLayer.fromEnvironment(environment ?? ProcessInfo.processInfo.environment))
        layers.append(ConfigurationLayer(values: flags))
        return try ConfigurationLoader.load(layers: layers)
    }

    private static func readText(_ path: String) -> Result<String, FileProblem> {
        guard FileManager.default.fileExists(atPath: path) else {
            return .failure(FileProblem(message: "file does not exist"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(FileProblem(message: "file cannot be read"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(FileProblem(message: "file is not UTF-8 text"))
        }
        return .success(text)
    }
}

/// Why a configuration file could not be read.
private struct FileProblem: Error {
    let message: String
}
