// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// What the HTTP server needs to know, taken from the validated configuration.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    public var wsEnabled: Bool
    /// `SECUREVISION__API__AUTH_TOKEN`, which acts as an admin token; never logged.
    public var environmentToken: String?
    /// How many cameras are configured and enabled.
    public var configuredCameras: Int
    /// The configured cameras, for `GET /cameras`; only their redacted locations are ever sent.
    public var cameras: [CameraSettings] = []
    public var corsOrigins: [String]
    public var maxBodyBytes: Int
    public var requestsPerMinute: Int
    public var authFailuresPerMinute: Int
    /// What `POST /cleanup` applies, as the retention service does.
    public var retentionPolicy: RetentionPolicy
    /// How long a `/stream` client has to send its auth message.
    public var streamAuthTimeout: Duration = .seconds(5)
    /// Events a `/stream` client may have waiting before it is disconnected as too slow.
    public var streamQueueSize = 256
    /// PEM certificate chain and key; when set the server speaks only HTTPS and WSS.
    public var tls: TLSFiles?

    /// The files of built-in TLS.
    public struct TLSFiles: Sendable, Hashable {
        public var certificatePath: String
        public var privateKeyPath: String

        public init(certificatePath: String, privateKeyPath: String) {
            self.certificatePath = certificatePath
            self.privateKeyPath = privateKeyPath
        }
    }

    public init(
        host: String = "127.0.0.1",
        port: Int = 8000,
        wsEnabled: Bool = true,
        environmentToken: String? = nil,
        configuredCameras: Int = 0,
        corsOrigins: [String] = [],
        maxBodyBytes: Int = 10 << 20,
        requestsPerMinute: Int = 600,
        authFailuresPerMinute: Int = 10,
        retentionPolicy: RetentionPolicy = RetentionPolicy(maxAgeDays: 30, maxBytes: 0)
    ) {
        self.host = host
        self.port = port
        self.wsEnabled = wsEnabled
        self.environmentToken = environmentToken
        self.configuredCameras = configuredCameras
        self.corsOrigins = corsOrigins
        self.maxBodyBytes = maxBodyBytes
        self.requestsPerMinute = requestsPerMinute
        self.authFailuresPerMinute = authFailuresPerMinute
        self.retentionPolicy = retentionPolicy
    }

    /// The server settings of a configuration.
    public init(_ configuration: AppConfiguration) {
        let api = configuration.api
        self.init(
            host: api.host,
            port: api.port,
            wsEnabled: api.wsEnabled,
            environmentToken: api.authToken,
            configuredCameras: configuration.cameras.filter(\.enabled).count,
            corsOrigins: api.corsOrigins,
            maxBodyBytes: api.maxBodyMB << 20,
            requestsPerMinute: api.rateLimitPerMinute,
            authFailuresPerMinute: api.authFailuresPerMinute,
            retentionPolicy: RetentionPolicy(
                maxAgeDays: configuration.events.retentionDays,
                maxBytes: Int64(configuration.events.maxDiskMB) << 20
            )
        )
        cameras = configuration.cameras
        if let certificate = api.tlsCertPath, let key = api.tlsKeyPath {
            tls = TLSFiles(certificatePath: certificate, privateKeyPath: key)
        }
    }
}
