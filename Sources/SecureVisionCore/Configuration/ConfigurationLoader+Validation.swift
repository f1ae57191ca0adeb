// SPDX-License-Identifier: Apache-2.0

extension ConfigurationLoader {
    /// Rules that involve more than one value, checked after every value has parsed.
    enum Validation {
        static func crossFieldIssues(
            _ config: AppConfiguration,
            origins: [String: ConfigOrigin]
        ) -> [ConfigurationIssue] {
            var issues: [ConfigurationIssue] = []
            func add(_ name: String, _ value: String?, _ problem: String, _ expected: String? = nil) {
                issues.append(
                    ConfigurationIssue(
                        key: ConfigSchema.prefix + name,
                        value: value,
                        origin: origins[name],
                        problem: problem,
                        expected: expected
                    )
                )
            }

            let api = config.api
            if !APISettings.isLoopback(api.host) && api.authToken == nil && !api.allowUnauthenticatedRemote {
                add(
                    "API__HOST",
                    api.host,
                    "binds a non-loopback address without SECUREVISION__API__AUTH_TOKEN, which would let anyone on the network in",
                    "a loopback address (127.0.0.1, ::1), or an AUTH_TOKEN, or SECUREVISION__API__ALLOW_UNAUTHENTICATED_REMOTE=true to accept the risk"
                )
            }

            if (api.tlsCertPath == nil) != (api.tlsKeyPath == nil) {
                let missing = api.tlsCertPath == nil ? "API__TLS_CERT_PATH" : "API__TLS_KEY_PATH"
                add(missing, nil, "is required when the other TLS file is set", "a PEM file path")
            }

            if let url = config.events.dbURL, SQLiteURL.path(of: url) == nil {
                let problem =
                    url.hasPrefix("postgres") ? "PostgreSQL is not supported by this version" : "is not a SQLite URL"
                add(
                    "EVENTS__DB_URL",
                    Redaction.redactingCredentials(in: url),
                    problem,
                    "sqlite:///PATH, such as sqlite:///./data/events.db"
                )
            }

            let post = config.plates.postprocess
            if post.minLength > post.maxLength {
                add(
                    "PLATES__POSTPROCESS__MIN_LENGTH",
                    String(post.minLength),
                    "is greater than SECUREVISION__PLATES__POSTPROCESS__MAX_LENGTH (\(post.maxLength))",
                    "a value no greater than MAX_LENGTH"
                )
            }
            let roi = config.plates.roi
            if roi.x2 != 0 && roi.x2 <= roi.x1 {
                add(
                    "PLATES__ROI__X2",
                    String(roi.x2),
                    "is not right of X1 (\(roi.x1))",
                    "0 (frame edge) or a value greater than X1"
                )
            }
            if roi.y2 != 0 && roi.y2 <= roi.y1 {
                add(
                    "PLATES__ROI__Y2",
                    String(roi.y2),
                    "is not below Y1 (\(roi.y1))",
                    "0 (frame edge) or a value greater than Y1"
                )
            }

            let video = config.video
            if video.reconnectIntervalSeconds > video.reconnectMaxSeconds {
                add(
                    "VIDEO__RECONNECT_INTERVAL_S",
                    String(video.reconnectIntervalSeconds),
                    "is greater than SECUREVISION__VIDEO__RECONNECT_MAX_S (\(video.reconnectMaxSeconds))",
                    "a value no greater than RECONNECT_MAX_S"
                )
            }

            for camera in config.cameras where camera.enabled {
                issues += cameraIssues(camera, origins: origins)
            }
            return issues
        }

        /// A network or file camera needs a URL whose scheme fits its type.
        static func cameraIssues(_ camera: CameraSettings, origins: [String: ConfigOrigin]) -> [ConfigurationIssue] {
            let schemes: [String]
            switch camera.sourceType {
            case .device: return []
            case .rtsp: schemes = ["rtsp://", "rtsps://"]
            case .httpMJPEG, .hls: schemes = ["http://", "https://"]
            case .rtmp: schemes = ["rtmp://", "rtmps://"]
            case .file: schemes = []
            }
            var issues: [ConfigurationIssue] = []
            for (name, value) in [("URL", camera.url), ("DETECT_URL", camera.detectURL)] {
                let key = CameraSettings.key(name, camera: camera.id)
                guard let value else {
                    if name == "URL" {
                        issues.append(
                            ConfigurationIssue(
                                key: ConfigSchema.prefix + key,
                                value: nil,
                                origin: nil,
                                problem: "is required for a \(camera.sourceType.rawValue) camera",
                                expected: schemes.isEmpty
                                    ? "a file path" : "a URL starting with " + schemes.joined(separator: " or ")
                            )
                        )
                    }
                    continue
                }
                let lowered = value.lowercased()
                let fits =
                    schemes.isEmpty
                    ? !lowered.contains("://") || lowered.hasPrefix("file://")
                    : schemes.contains { lowered.hasPrefix($0) }
                if !fits {
                    issues.append(
                        ConfigurationIssue(
                            key: ConfigSchema.prefix + key,
                            value: Redaction.redactingCredentials(in: value),
                            origin: origins[key],
                            problem: "does not fit a \(camera.sourceType.rawValue) camera",
                            expected: schemes.isEmpty
                                ? "a file path" : "a URL starting with " + schemes.joined(separator: " or ")
                        )
                    )
                }
            }
            return issues
        }
    }
}
