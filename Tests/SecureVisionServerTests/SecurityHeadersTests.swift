// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SecureVisionCore
import SecureVisionServer
import Testing

@Suite("Security headers, body limits and CORS")
struct SecurityHeadersTests {
    @Test("every response, refused ones included, carries the security headers")
    func headers() async throws {
        try await TestServer(environmentToken: "0123456789abcdef-xyz").application().test(.router) { client in
            for uri in ["/", "/events", "/nope"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                    #expect(response.headers[.init("X-Frame-Options")!] == "DENY", "\(uri)")
                    #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                    #expect(response.headers[.cacheControl] == "no-store")
                }
            }
        }
    }

    @Test("a body over the limit is refused with 413 before it is read")
    func bodyLimit() async throws {
        let server = TestServer { $0.maxBodyBytes = 1024 }
        try await server.application().test(.router) { client in
            let body = ByteBuffer(bytes: [UInt8](repeating: 0x41, count: 4096))
            try await client.execute(uri: "/cleanup", method: .post, body: body) { response in
                #expect(response.status == .contentTooLarge)
                let value = try jsonObject(response.body)["detail"]
                #expect(value is String)
            }
        }
    }

    @Test("CORS answers only listed origins, never with credentials")
    func cors() async throws {
        let server = TestServer { $0.corsOrigins = ["https://dash.example:8443"] }
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/events", method: .get, headers: [.origin: "https://dash.example:8443"]) {
                response in
                #expect(response.headers[.accessControlAllowOrigin] == "https://dash.example:8443")
                #expect(response.headers[.accessControlAllowCredentials] == nil)
                #expect(response.headers[.vary] == "Origin")
            }
            try await client.execute(uri: "/events", method: .get, headers: [.origin: "https://evil.example"]) {
                response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
            try await client.execute(
                uri: "/events",
                method: .options,
                headers: [.origin: "https://dash.example:8443", .accessControlRequestMethod: "GET"]
            ) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowHeaders]?.contains("Authorization") == true)
            }
        }
        try await TestServer().application().test(.router) { client in
            try await client.execute(uri: "/events", method: .get, headers: [.origin: "https://dash.example:8443"]) {
                #expect($0.headers[.accessControlAllowOrigin] == nil)
            }
        }
    }
}
