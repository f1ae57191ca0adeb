// SPDX-License-Identifier: Apache-2.0

internal import HTTPTypes
internal import Hummingbird
internal import SecureVisionCore

/// Decides who a request comes from: the environment token, a named token, or nobody.
///
/// Every API route needs a token as soon as `SECUREVISION__API__AUTH_TOKEN` is set or a named token
/// has been created (revoking the last one locks the API; it never opens it again). A client address that keeps failing is answered 429 for the rest of the minute, even
/// with a right token, so guessing gains nothing; each token also has a request budget per minute.
struct Authenticator: Sendable {
    let environmentToken: String?
    let tokens: any TokenRepository
    let failures: SlidingWindowLimiter
    let requests: SlidingWindowLimiter
    let nowMs: @Sendable () -> Int64

    init(
        environmentToken: String?,
        tokens: any TokenRepository,
        failuresPerMinute: Int,
        requestsPerMinute: Int,
        nowMs: @escaping @Sendable () -> Int64
    ) {
        self.environmentToken = environmentToken
        self.tokens = tokens
        self.failures = SlidingWindowLimiter(limit: failuresPerMinute)
        self.requests = SlidingWindowLimiter(limit: requestsPerMinute)
        self.nowMs = nowMs
    }

    /// Whether requests must carry a token right now.
    func isRequired() async throws -> Bool {
        if environmentToken != nil { return true }
        return try await tokens.hasTokens()
    }

    /// The principal for a request's `Authorization` header value.
    /// - Throws: `HTTPError` 401 for a missing or wrong token, 429 with `Retry-After` when rate limited.
    func authenticate(authorization: String?, clientAddress: String) async throws -> Principal {
        let now = nowMs()
        if let wait = failures.retryAfter(clientAddress, nowMs: now) {
            throw Self.tooManyRequests(wait, "too many failed authentications; try again later")
        }
        guard try await isRequired() else { return .local }
        guard let secret = Self.bearerSecret(authorization) else {
            throw fail(clientAddress, now, "missing bearer token")
        }
        let principal: Principal
        if let environmentToken, TokenSecret.constantTimeEquals(secret, environmentToken) {
            principal = .environmentToken
        } else if let token = try await tokens.activeToken(secretHash: TokenSecret.hash(secret)) {
            principal = Principal(name: token.name, scopes: token.scopes)
        } else {
            throw fail(clientAddress, now, "invalid token")
        }
        if let wait = requests.record(principal.name, nowMs: now) {
            throw Self.tooManyRequests(wait, "request rate limit of this token exceeded")
        }
        return principal
    }

    private func fail(_ clientAddress: String, _ now: Int64, _ message: String) -> HTTPError {
        if let wait = failures.record(clientAddress, nowMs: now) {
            return Self.tooManyRequests(wait, "too many failed authentications; try again later")
        }
        return HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer"], message: message)
    }

    static func tooManyRequests(_ seconds: Int, _ message: String) -> HTTPError {
        HTTPError(.tooManyRequests, headers: [.retryAfter: String(max(1, seconds))], message: message)
    }

    /// The secret of `Bearer <secret>`; the scheme is case-insensitive, as RFC 7235 says.
    static func bearerSecret(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let secret = parts[1].trimmingPrefix(while: { $0 == " " })
        return secret.isEmpty ? nil : String(secret)
    }
}
