// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// Who is making a request, and what they may do.
public struct Principal: Sendable, Hashable {
    /// The token's name, `env-token` for `SECUREVISION__API__AUTH_TOKEN`, or `local` when auth is off.
    public var name: String
    public var scopes: Set<TokenScope>

    public init(name: String, scopes: Set<TokenScope>) {
        self.name = name
        self.scopes = scopes
    }

    /// Whether the principal may do what `scope` allows; `admin` includes `write` includes `read`.
    public func allows(_ scope: TokenScope) -> Bool {
        scopes.contains { $0 >= scope }
    }

    /// The environment token acts as an administrator.
    static let environmentToken = Principal(name: "env-token", scopes: [.admin])
    /// With no token configured the server only listens on loopback (or was told to accept the risk).
    static let local = Principal(name: "local", scopes: [.admin])
}
