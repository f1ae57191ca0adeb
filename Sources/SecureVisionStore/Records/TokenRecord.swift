// SPDX-License-Identifier: Apache-2.0

internal import GRDB
import SecureVisionCore

/// One row of the `api_tokens` table.
///
/// Scopes are stored as sorted, comma-separated names.
struct TokenRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "api_tokens"

    var id: Int64?
    var name: String
    var scopes: String
    var secretHash: String
    var createdAtMs: Int64
    var lastUsedAtMs: Int64?
    var revokedAtMs: Int64?

    enum CodingKeys: String, CodingKey {
        case id, name, scopes
        case secretHash = "secret_hash"
        case createdAtMs = "created_at_ms"
        case lastUsedAtMs = "last_used_at_ms"
        case revokedAtMs = "revoked_at_ms"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let name = Column(CodingKeys.name)
        static let secretHash = Column(CodingKeys.secretHash)
        static let revokedAtMs = Column(CodingKeys.revokedAtMs)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The stored form of a set of scopes.
    static func encode(_ scopes: Set<TokenScope>) -> String {
        scopes.sorted().map(\.rawValue).joined(separator: ",")
    }

    /// The Core token.
    ///
    /// Scope names this version does not know are dropped, never widened.
    var token: APIToken {
        APIToken(
            id: id ?? 0,
            name: name,
            scopes: Set(scopes.split(separator: ",").compactMap { TokenScope(rawValue: String($0)) }),
            secretHash: secretHash,
            createdAtMs: createdAtMs,
            lastUsedAtMs: lastUsedAtMs,
            revokedAtMs: revokedAtMs
        )
    }
}

extension DerivableRequest<TokenRecord> {
    /// Tokens that have not been revoked.
    func active() -> Self {
        filter(TokenRecord.Columns.revokedAtMs == nil)
    }
}
