// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SecureVisionCore
import Testing

@testable import SecureVisionServer

/// Every protected route, every way a request can fail to authenticate, from the route catalogue
/// that also produces `/openapi.json` (so a new route is covered as soon as it is documented).
@Suite("Auth matrix over every route")
struct AuthMatrixTests {
    static let envToken = "matrix-env-token-0123456789"

    static func concretePath(_ path: String) -> String {
        path.replacing("{id}", with: "1").replacing("{list}", with: "deny").replacing("{plate}", with: "ABC123")
    }

    static func method(_ name: String) -> HTTPRequest.Method {
        switch name {
        case "post": .post
        case "delete": .delete
        case "put": .put
        default: .get
        }
    }

    @Test("no header, wrong scheme, wrong, empty or revoked token: 401; too small a scope: 403; right token: allowed")
    func matrix() async throws {
        let server = TestServer(environmentToken: Self.envToken) { $0.authFailuresPerMinute = 10_000 }
        let reader = try await server.addToken("reader", [.read])
        let writer = try await server.addToken("writer", [.write])
        let revoked = try await server.addToken("revoked", [.admin])
        #expect(try await server.tokens.revokeToken(id: 3))
        let routes = APIRoutes.all.filter { $0.scope != nil && $0.path != "/stream" }
        #expect(routes.count >= 15)
        try await server.application().test(.router) { client in
            for route in routes {
                let uri = Self.concretePath(route.path)
                let method = Self.method(route.method)
                let body = ByteBuffer(bytes: [0x01, 0x02])
                let refused: [HTTPFields] = [
                    [:], [.authorization: "Basic \(Self.envToken)"], [.authorization: "Bearer wrong-token-value-xyz"],
                    [.authorization: "Bearer "], [.authorization: "Bearer \(revoked)"],
                    [.authorization: Self.envToken],
                ]
                for headers in refused {
                    try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
                        #expect(response.status == .unauthorized, "\(route.method) \(uri) with \(headers)")
                    }
                }
                let lower: String? =
                    switch route.scope {
                    case .write: reader
                    case .admin: writer
                    default: nil
                    }
                if let lower {
                    try await client.execute(uri: uri, method: method, headers: bearer(lower), body: body) { response in
                        #expect(response.status == .forbidden, "\(route.method) \(uri) with a lower scope")
                    }
                }
                try await client.execute(uri: uri, method: method, headers: bearer(Self.envToken), body: body) {
                    response in
                    #expect(
                        ![.unauthorized, .forbidden].contains(response.status) && response.status.code < 500,
                        "\(route.method) \(uri) with the admin token gave \(response.status)"
                    )
                }
            }
        }
    }
}
