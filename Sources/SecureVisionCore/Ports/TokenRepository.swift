// SPDX-License-Identifier: Apache-2.0

/// Named API tokens, stored hashed.
public protocol TokenRepository: Sendable {
    /// Stores a new token; the name must be unique among tokens that are not revoked.
    func createToken(name: String, scopes: Set<TokenScope>, secretHash: String) async throws -> APIToken
    /// Every token, revoked ones included, by id.
    func tokens() async throws -> [APIToken]
    /// Whether any named token was ever created, revoked ones included.
    ///
    /// Once one exists every API request needs a token, so revoking the last token locks the API
    /// rather than opening it.
    func hasTokens() async throws -> Bool
    /// The unrevoked token with this hash, or `nil`.
    func activeToken(secretHash: String) async throws -> APIToken?
    /// Marks the token revoked; returns `false` if there was no such unrevoked token.
    func revokeToken(id: Int64) async throws -> Bool
}
