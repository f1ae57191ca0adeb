// SPDX-License-Identifier: Apache-2.0

/// Merges configuration layers and validates the result before anything starts.
///
/// Layers are given lowest precedence first (file, `.env`, environment, flags); defaults sit below
/// them all. Every problem is collected so that the user sees all of them at once.
public enum ConfigurationLoader {
    /// Builds the configuration from `layers`, or throws every problem found.
    /// - Parameter layers: Configuration sources, lowest precedence first.
    /// - Returns: The validated configuration and where each value came from.
    /// - Throws: ``ConfigurationError`` listing every invalid or unknown value.
    public static func load(layers: [ConfigurationLayer]) throws(ConfigurationError) -> LoadedConfiguration {
        var issues = layers.flatMap(\.issues)
        var merged: [String: RawConfigValue] = [:]
        for layer in layers {
            merged.merge(layer.values) { _, newer in newer }
        }

        var configuration = AppConfiguration()
        let options = ConfigSchema.options
        let known = Set(options.map(\.name))
        var cameraValues: [String: [String: RawConfigValue]] = [:]
        let cameraKeys = Set(ConfigSchema.cameraKeys)

        for (name, raw) in merged.sorted(by: { $0.key < $1.key }) where !known.contains(name) {
            let parts = name.splitting(on: "__")
            if parts.count == 3, parts[0] == ConfigSchema.camerasSection, cameraKeys.contains(parts[2]) {
                let id = parts[1].lowercased()
                if CameraSettings.isValidID(id) {
                    cameraValues[id, default: [:]][parts[2]] = raw
                } else {
                    issues.append(
                        ConfigurationIssue(
                            key: ConfigSchema.prefix + name,
                            value: nil,
                            origin: raw.origin,
                            problem: "camera id \"\(id)\" is not valid",
                            expected: CameraSettings.idRule
                        )
                    )
                }
                continue
            }
            var problem = "unknown setting"
            if let suggestion = ConfigSchema.suggestion(for: name) { problem += "; did you mean \(suggestion)?" }
            issues.append(
                ConfigurationIssue(
                    key: ConfigSchema.prefix + name,
                    value: nil,
                    origin: raw.origin,
                    problem: problem
                )
            )
        }

        for option in options {
            guard let raw = merged[option.name] else { continue }
            if !option.apply(raw.value, &configuration) {
                issues.append(issue(for: option, key: ConfigSchema.prefix + option.name, raw: raw))
            }
        }

        configuration.cameras = buildCameras(
            configuration: configuration,
            merged: merged,
            named: cameraValues,
            issues: &issues
        )
        issues += Validation.crossFieldIssues(configuration, origins: merged.mapValues(\.origin))

        guard issues.isEmpty else { throw ConfigurationError(issues: issues) }
        return LoadedConfiguration(configuration: configuration, origins: merged.mapValues(\.origin))
    }

    static func issue<Root>(for option: ConfigOption<Root>, key: String, raw: RawConfigValue) -> ConfigurationIssue {
        let shown =
            option.secret && !raw.value.isEmpty ? Redaction.marker : Redaction.redactingCredentials(in: raw.value)
        return ConfigurationIssue(
            key: key,
            value: shown,
            origin: raw.origin,
            problem: raw.value.isEmpty ? "is set but empty" : "is not valid",
            expected: option.expected
        )
    }

    /// The `default` camera from `VIDEO__SOURCE__*` (when it is configured or no other camera is),
    /// then the named cameras in id order.
    private static func buildCameras(
        configuration: AppConfiguration,
        merged: [String: RawConfigValue],
        named: [String: [String: RawConfigValue]],
        issues: inout [ConfigurationIssue]
    ) -> [CameraSettings] {
        let video = configuration.video
        var base = CameraSettings(id: CameraSettings.defaultID, fpsTarget: video.fpsTarget)
        base.sourceType = video.sourceType
        base.url = video.sourceURL
        base.detectURL = video.detectURL
        base.deviceIndex = video.deviceIndex
        base.rtspTransport = video.rtspTransport
        base.loop = video.loop

        var cameras: [CameraSettings] = []
        let sourceGiven = merged.keys.contains { $0.hasPrefix("VIDEO__SOURCE__") }
        if named.isEmpty || sourceGiven || named[CameraSettings.defaultID] != nil {
            cameras.append(base)
        }
        let options = ConfigSchema.cameraOptions
        for id in named.keys.sorted() {
            let values = named[id, default: [:]]
            var camera: CameraSettings
            if id == CameraSettings.defaultID {
                camera = cameras.removeFirst()
            } else {
                camera = CameraSettings(id: id, fpsTarget: video.fpsTarget)
                camera.rtspTransport = video.rtspTransport
                camera.loop = video.loop
            }
            for option in options {
                guard let raw = values[option.name] else { continue }
                if !option.apply(raw.value, &camera) {
                    let key =
                        ConfigSchema.prefix + ConfigSchema.camerasSection + "__" + id.uppercased() + "__" + option.name
                    issues.append(issue(for: option, key: key, raw: raw))
                }
            }
            if id == CameraSettings.defaultID { cameras.insert(camera, at: 0) } else { cameras.append(camera) }
        }
        return cameras
    }
}

/// A validated configuration and where each value came from.
public struct LoadedConfiguration: Sendable {
    public var configuration: AppConfiguration
    /// The origin of each value that was given, keyed by canonical name; absent means default.
    public var origins: [String: ConfigOrigin]

    public init(configuration: AppConfiguration, origins: [String: ConfigOrigin]) {
        self.configuration = configuration
        self.origins = origins
    }
}

extension CameraSettings {
    /// The id of the camera built from the earlier `VIDEO__SOURCE__*` names.
    public static let defaultID = "default"
    static let idRule = "lowercase letters, digits, _ and -, at most 64 characters"

    /// Whether `id` can name a camera (it appears in URLs, file names and environment names).
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64
            && id.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
            }
    }

    /// The canonical name of a camera's key; the default camera's keys are the earlier `VIDEO__SOURCE__*` ones.
    static func key(_ name: String, camera id: String) -> String {
        if id == defaultID {
            switch name {
            case "TYPE", "URL", "DETECT_URL", "DEVICE_INDEX", "RTSP_TRANSPORT": return "VIDEO__SOURCE__" + name
            case "FPS_TARGET", "LOOP": return "VIDEO__" + name
            default: break
            }
        }
        return ConfigSchema.camerasSection + "__" + id.uppercased() + "__" + name
    }
}
