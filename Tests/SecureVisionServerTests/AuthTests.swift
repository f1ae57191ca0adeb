// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SecureVisionCore
import SecureVisionServer
import Testing

@Suite("Authentication, scopes and rate limits")
struct AuthTests {
    let envToken = "env-token-0123456789abcdef"

    @Test("with no token anywhere the (loopback-only) server is open, as before")
    func openWhenNoToken() async throws {
        try await TestServer().application().test(.router) { client in
            try await client.execute(uri: "/events", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/", method: .get) { response in
                let value = try jsonObject(response.body)["auth_enabled"] as? Bool
                #expect(value == false)
            }
        }
    }

    @Test("the environment token: missing or wrong is 401 with WWW-Authenticate, right is 200")
    func environmentToken() async throws {
        try await TestServer(environmentToken: envToken).application().test(.router) { client in
            try await client.execute(uri: "/events", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
                let value = try jsonObject(response.body)["detail"] as? String
                #expect(value == "missing bearer token")
            }
            try await client.execute(uri: "/events", method: .get, headers: bearer(envToken + "x")) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/events", method: .get, headers: bearer(String(envToken.dropLast()))) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/events", method: .get, headers: [.authorization: "Basic \(envToken)"]) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/events", method: .get, headers: bearer(envToken)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/events", method: .get, headers: [.authorization: "bearer \(envToken)"]) {
                #expect($0.status == .ok)
            }
            // Never a token in the URL.
            try await client.execute(uri: "/events?token=\(envToken)&access_token=\(envToken)", method: .get) {
                #expect($0.status == .unauthorized)
            }
            // The status routes stay open for monitors.
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test("an empty bearer value never authenticates")
    func emptyBearer() async throws {
        try await TestServer(environmentToken: envToken).application().test(.router) { client in
            for header in ["Bearer", "Bearer ", "Bearer    ", ""] {
                try await client.execute(uri: "/events", method: .get, headers: [.authorization: header]) {
                    #expect($0.status == .unauthorized, "header \"\(header)\"")
                }
            }
        }
    }

    @Test("named tokens: read can read, write can change, only admin sees the audit log; revoked stops")
    func scopes() async throws {
        let server = TestServer()
        let reader = try await server.addToken("phone", [.read])
        let writer = try await server.addToken("script", [.write])
        let admin = try await server.addToken("owner", [.admin])
        try await server.application().test(.router) { client in
            // A named token existing turns auth on even without the environment token.
            try await client.execute(uri: "/events", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/", method: .get) { response in
                let value = try jsonObject(response.body)["auth_enabled"] as? Bool
                #expect(value == true)
            }
            try await client.execute(uri: "/events", method: .get, headers: bearer(reader)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/cleanup", method: .post, headers: bearer(reader)) { response in
                #expect(response.status == .forbidden)
                let value = try jsonObject(response.body)["detail"] as? String
                #expect(value == "this token lacks the write scope")
            }
            try await client.execute(uri: "/cleanup", method: .post, headers: bearer(writer)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/audit", method: .get, headers: bearer(writer)) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/audit", method: .get, headers: bearer(admin)) { response in
                #expect(response.status == .ok)
                let entries = try jsonArray(response.body)
                #expect(entries.first?["actor"] as? String == "script")
                #expect(entries.first?["action"] as? String == "events.cleanup")
            }
            // Revoking every token locks the API; it never falls back to open access.
            for id in Int64(1)...3 { #expect(try await server.tokens.revokeToken(id: id)) }
            try await client.execute(uri: "/events", method: .get, headers: bearer(reader)) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/events", method: .get) { #expect($0.status == .unauthorized) }
        }
    }

    @Test(
        "repeated failures from one address get 429 with Retry-After, even with the right token, until the minute ends"
    )
    func failedAuthRateLimit() async throws {
        let server = TestServer(environmentToken: envToken) { $0.authFailuresPerMinute = 5 }
        try await server.application().test(.router) { client in
            for _ in 0..<5 {
                try await client.execute(uri: "/events", method: .get, headers: bearer("guess-\(UUID())")) {
                    #expect($0.status == .unauthorized)
                }
            }
            try await client.execute(uri: "/events", method: .get, headers: bearer("guess")) { response in
                #expect(response.status == .tooManyRequests)
                let retry = try #require(response.headers[.retryAfter].flatMap(Int.init))
                #expect((1...60).contains(retry))
            }
            try await client.execute(uri: "/events", method: .get, headers: bearer(envToken)) {
                #expect($0.status == .tooManyRequests)
            }
            server.advance(ms: 61_000)
            try await client.execute(uri: "/events", method: .get, headers: bearer(envToken)) {
                #expect($0.status == .ok)
            }
        }
    }

    @Test("each token has a request budget per minute")
    func perTokenRateLimit() async throws {
        let server = TestServer(environmentToken: envToken) { $0.requestsPerMinute = 3 }
        try await server.application().test(.router) { client in
            for _ in 0..<3 {
                try await client.execute(uri: "/events", method: .get, headers: bearer(envToken)) {
                    #expect($0.status == .ok)
                }
            }
            try await client.execute(uri: "/events", method: .get, headers: bearer(envToken)) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] != nil)
            }
        }
    }

    @Test("token secrets: random, prefixed, hashed, compared whole")
    func secrets() {
        let a = TokenSecret.generate()
        let b = TokenSecret.generate()
        #expect(a != b)
        #expect(a.hasPrefix("svt_") && a.count == 68)
        #expect(TokenSecret.hash(a).count == 64)
        #expect(TokenSecret.hash(a) != TokenSecret.hash(b))
        #expect(TokenSecret.constantTimeEquals(a, a))
        #expect(!TokenSecret.constantTimeEquals(a, b))
        #expect(!TokenSecret.constantTimeEquals(a, String(a.dropLast())))
        #expect(!TokenSecret.constantTimeEquals(a, ""))
    }
}
