// SPDX-License-Identifier: Apache-2.0

/// Named API tokens, stored hashed.
public protocol TokenRepository: Sendable {
    /// Stores a new token; the name must be unique among tokens that are not revoked.
    func createToken(name: String, scopes: Set<TokenScope>, secretHash: String) async throws -> APIToken
    /// Every token, revoked ones included, by id.
    func tokens() async throws -> [APIToken]
    /// The unrevoked token with this hash, or `nil`.
    func activeToken(secretHash: String) async throws -> APIToken?
    /// Marks the token revoked; returns `false` if there was no such unrevoked token.
    func revokeToken(id: Int64) async throws -> Bool
}
