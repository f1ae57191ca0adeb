// SPDX-License-Identifier: Apache-2.0

/// The `API` section.
public struct APISettings: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8000
    public var wsEnabled = true
    /// The admin bearer token.
    ///
    /// Never empty when set: validation rejects an empty value.
    public var authToken: String?
    /// Must be set explicitly to bind a non-loopback address without a token.
    public var allowUnauthenticatedRemote = false
    /// Browser origins allowed to call the API from other sites (CORS); empty means none.
    public var corsOrigins: [String] = []
    /// The largest request body accepted, in megabytes (413 above it).
    public var maxBodyMB = 10
    /// Requests a token may make per minute before it gets 429.
    public var rateLimitPerMinute = 600
    /// Failed authentications a client address may make per minute before it gets 429.
    public var authFailuresPerMinute = 10
    /// A PEM certificate chain; with ``tlsKeyPath`` the server speaks HTTPS and WSS only.
    public var tlsCertPath: String?
    /// The PEM private key of ``tlsCertPath``.
    public var tlsKeyPath: String?

    public init() {}

    /// Whether requests must carry a token.
    public var authEnabled: Bool { authToken != nil }
}

extension APISettings {
    /// Shorter tokens are refused at startup: they can be guessed.
    public static let minimumTokenLength = 16

    /// Whether `host` only accepts connections from this machine.
    public static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered == "::1" || lowered == "[::1]" { return true }
        let octets = lowered.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
