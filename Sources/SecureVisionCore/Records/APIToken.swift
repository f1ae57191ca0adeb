// SPDX-License-Identifier: Apache-2.0

/// What a token may do.
public enum TokenScope: String, Sendable, CaseIterable, Codable, Comparable {
    case read, write, admin

    /// `read` < `write` < `admin`: a higher scope includes the lower ones.
    public static func < (lhs: TokenScope, rhs: TokenScope) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .read: 0
        case .write: 1
        case .admin: 2
        }
    }
}

/// A named API token.
///
/// Only a hash of the secret is stored.
public struct APIToken: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var name: String
    public var scopes: Set<TokenScope>
    /// Hex SHA-256 of the secret.
    public var secretHash: String
    public var createdAtMs: Int64
    public var lastUsedAtMs: Int64?
    public var revokedAtMs: Int64?

    public init(
        id: Int64,
        name: String,
        scopes: Set<TokenScope>,
        secretHash: String,
        createdAtMs: Int64,
        lastUsedAtMs: Int64? = nil,
        revokedAtMs: Int64? = nil
    ) {
        self.id = id
        self.name = name
        self.scopes = scopes
        self.secretHash = secretHash
        self.createdAtMs = createdAtMs
        self.lastUsedAtMs = lastUsedAtMs
        self.revokedAtMs = revokedAtMs
    }
}
