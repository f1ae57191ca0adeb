// SPDX-License-Identifier: Apache-2.0

/// Where a configuration value came from, so that a problem can be traced to its line.
public enum ConfigOrigin: Sendable, Hashable, CustomStringConvertible {
    /// The built-in default.
    case defaultValue
    /// A key of the YAML file given with `--config`, written as its dotted path (`video.fps_target`).
    case file(path: String, key: String)
    /// A line of the `.env` file in the working directory.
    case dotenv(path: String)
    /// The process environment.
    case environment
    /// A command-line flag such as `--port`.
    case flag(String)

    public var description: String {
        switch self {
        case .defaultValue: "default"
        case .file(let path, let key): "\(key) in \(path)"
        case .dotenv(let path): path
        case .environment: "environment"
        case .flag(let name): name
        }
    }
}

/// One configuration value as given, before it is parsed.
public struct RawConfigValue: Sendable, Hashable {
    public var value: String
    public var origin: ConfigOrigin

    public init(_ value: String, origin: ConfigOrigin) {
        self.value = value
        self.origin = origin
    }
}

/// The values of one configuration source, keyed by canonical name without the `SECUREVISION__`
/// prefix (`VIDEO__FPS_TARGET`, `CAMERAS__FRONT__URL`).
public struct ConfigurationLayer: Sendable, Equatable {
    public var values: [String: RawConfigValue]
    /// Problems found while reading the source itself (a YAML type error, a duplicate camera id).
    public var issues: [ConfigurationIssue]

    public init(values: [String: RawConfigValue] = [:], issues: [ConfigurationIssue] = []) {
        self.values = values
        self.issues = issues
    }

    /// A layer from `SECUREVISION__...` variables; other variables are ignored.
    /// - Parameters:
    ///   - environment: Variable names and values, such as the process environment.
    ///   - origin: Where the variables came from.
    /// - Returns: The layer.
    public static func fromEnvironment(
        _ environment: [String: String],
        origin: ConfigOrigin = .environment
    ) -> ConfigurationLayer {
        var layer = ConfigurationLayer()
        for (name, value) in environment where name.hasPrefix(ConfigSchema.prefix) {
            layer.values[String(name.dropFirst(ConfigSchema.prefix.count))] = RawConfigValue(value, origin: origin)
        }
        return layer
    }
}
