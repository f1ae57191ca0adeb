// SPDX-License-Identifier: Apache-2.0

internal import GRDB
public import SecureVisionCore

extension EventStore: TokenRepository {
    /// Stores a new token under a name that no unrevoked token uses.
    /// - Parameters:
    ///   - name: A unique name among unrevoked tokens.
    ///   - scopes: What the token may do.
    ///   - secretHash: Hex SHA-256 of the secret; the secret itself is never stored.
    /// - Returns: The stored token.
    /// - Throws: ``StoreError`` `.conflict` if the name is taken or the hash is already stored.
    public func createToken(name: String, scopes: Set<TokenScope>, secretHash: String) async throws -> APIToken {
        let now = nowMs()
        return try await writing { db in
            if try TokenRecord.all().active().filter(TokenRecord.Columns.name == name).isEmpty(db) == false {
                throw StoreError(
                    .conflict,
                    "A token named \(name) already exists. Revoke it first or pick another name."
                )
            }
            var record = TokenRecord(
                id: nil,
                name: name,
                scopes: TokenRecord.encode(scopes),
                secretHash: secretHash,
                createdAtMs: now
            )
            try record.insert(db)
            return record.token
        }
    }

    /// Every token, revoked ones included, by id.
    /// - Returns: The tokens.
    /// - Throws: ``StoreError`` if the database cannot be read.
    public func tokens() async throws -> [APIToken] {
        try await reading { db in
            try TokenRecord.order(TokenRecord.Columns.id).fetchAll(db).map(\.token)
        }
    }

    /// Whether any token was ever created, revoked ones included.
    /// - Returns: `true` once the API has been locked with named tokens.
    /// - Throws: ``StoreError`` if the database cannot be read.
    public func hasTokens() async throws -> Bool {
        try await reading { db in
            try TokenRecord.all().isEmpty(db) == false
        }
    }

    /// The unrevoked token whose secret hashes to `secretHash`.
    /// - Parameter secretHash: Hex SHA-256 of the presented secret.
    /// - Returns: The token, or `nil`.
    /// - Throws: ``StoreError`` if the database cannot be read.
    public func activeToken(secretHash: String) async throws -> APIToken? {
        try await reading { db in
            try TokenRecord.all().active().filter(TokenRecord.Columns.secretHash == secretHash).fetchOne(db)?.token
        }
    }

    /// Marks the token revoked now.
    /// - Parameter id: The token's id.
    /// - Returns: `false` if there was no such unrevoked token.
    /// - Throws: ``StoreError`` if the database cannot be written.
    public func revokeToken(id: Int64) async throws -> Bool {
        let now = nowMs()
        return try await writing { db in
            let changed = try TokenRecord.all().active()
                .filter(TokenRecord.Columns.id == id)
                .updateAll(db, TokenRecord.Columns.revokedAtMs.set(to: now))
            return changed > 0
        }
    }
}
