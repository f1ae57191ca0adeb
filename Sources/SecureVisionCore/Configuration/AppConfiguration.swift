// SPDX-License-Identifier: Apache-2.0

/// The log verbosity, from `--log-level` or `SECUREVISION__LOG_LEVEL`.
public enum LogLevel: String, Sendable, CaseIterable, Codable {
    case trace, debug, info, notice, warning, error, critical
}

/// The whole validated configuration of a SecureVision process.
///
/// Build one with ``ConfigurationLoader``; every value in it has passed validation.
public struct AppConfiguration: Sendable, Equatable {
    public var dataDirectory = "./data"
    /// Where the model files are (`make models` puts them in `./models`).
    public var modelsDirectory = "./models"
    public var logLevel = LogLevel.info
    public var video = VideoSettings()
    public var face = FaceSettings()
    public var plates = PlateSettings()
    public var events = EventSettings()
    public var tracking = TrackingSettings()
    public var pipeline = PipelineSettings()
    public var api = APISettings()
    /// Every configured camera, `default` first when present.
    public var cameras: [CameraSettings] = []

    public init() {}

    /// The SQLite file of the event store: the `DB_URL` path, or `events.db` in the data directory.
    public var databasePath: String {
        if let url = events.dbURL, let path = SQLiteURL.path(of: url) { return path }
        return dataDirectory + "/events.db"
    }
}

/// Parses the earlier version's `sqlite:///path` database URLs.
public enum SQLiteURL {
    /// The file path in `sqlite:///relative/path` or `sqlite:////absolute/path`, or `nil` if `url` is not one.
    public static func path(of url: String) -> String? {
        let prefix = "sqlite:///"
        guard url.hasPrefix(prefix) else { return nil }
        let path = String(url.dropFirst(prefix.count))
        return path.isEmpty ? nil : path
    }
}
