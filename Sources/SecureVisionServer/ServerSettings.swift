// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// What the HTTP server needs to know, taken from the validated configuration.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    public var wsEnabled: Bool
    public var authEnabled: Bool
    /// How many cameras are configured, for `/health` until the pipeline reports its own figures.
    public var configuredCameras: Int

    public init(host: String, port: Int, wsEnabled: Bool, authEnabled: Bool, configuredCameras: Int) {
        self.host = host
        self.port = port
        self.wsEnabled = wsEnabled
        self.authEnabled = authEnabled
        self.configuredCameras = configuredCameras
    }

    /// The server settings of a configuration.
    public init(_ configuration: AppConfiguration) {
        self.init(
            host: configuration.api.host,
            port: configuration.api.port,
            wsEnabled: configuration.api.wsEnabled,
            authEnabled: configuration.api.authEnabled,
            configuredCameras: configuration.cameras.filter(\.enabled).count
        )
    }
}
