// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SecureVisionCore
import SecureVisionServer
import Testing

@Suite("GET / and /health")
struct StatusRoutesTests {
    @Test("GET / keeps the earlier fields")
    func root() async throws {
        try await TestServer(environmentToken: "0123456789abcdef-token").application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let body = try jsonObject(response.body)
                #expect(body["service"] as? String == SecureVisionVersion.serviceName)
                #expect(body["version"] as? String == SecureVisionVersion.current)
                #expect(body["ws_enabled"] as? Bool == true)
                #expect(body["auth_enabled"] as? Bool == true)
            }
        }
    }

    @Test("GET /health reports the store, cameras, uptime and events of the last five minutes")
    func health() async throws {
        let now: Int64 = 1_800_000_000_000
        let old = Event(id: 1, type: .object, timestampMs: now - 10 * 60_000, cameraID: "a", createdAtMs: now)
        let recent = Event(id: 2, type: .faceMatch, timestampMs: now - 60_000, cameraID: "a", createdAtMs: now)
        let server = TestServer(events: FakeEventRepository(events: [old, recent]))
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let body = try jsonObject(response.body)
                #expect(body["status"] as? String == "ok")
                #expect(body["uptime_s"] as? Int == 90)
                #expect(body["events_last_5m"] as? Int == 1)
                let store = try #require(body["store"] as? [String: Any])
                #expect(store["ok"] as? Bool == true)
                #expect(store["events"] as? Int == 2)
                #expect((body["cameras"] as? [String: Any])?["configured"] as? Int == 2)
            }
        }
    }

    @Test("a failing store degrades /health without leaking paths or SQL")
    func degraded() async throws {
        try await TestServer(events: FakeEventRepository(failing: true)).application().test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(decoding: response.body.readableBytesView, as: UTF8.self)
                #expect(text.contains("\"degraded\""))
                #expect(!text.contains("/secret/path"))
                #expect(!text.contains("SQLite"))
            }
            try await client.execute(uri: "/events", method: .get) { response in
                #expect(response.status == .internalServerError)
                let text = String(decoding: response.body.readableBytesView, as: UTF8.self)
                #expect(text == #"{"detail":"internal server error"}"#)
            }
        }
    }

    @Test("an unknown route is a 404 with a JSON detail")
    func notFound() async throws {
        try await TestServer().application().test(.router) { client in
            try await client.execute(uri: "/../../etc/passwd", method: .get) { response in
                #expect(response.status == .notFound)
                let value = try jsonObject(response.body)["detail"] as? String
                #expect(value == "Not Found")
            }
            try await client.execute(uri: "/", method: .delete) { response in
                #expect([.notFound, .methodNotAllowed].contains(response.status))
                let detail = try jsonObject(response.body)["detail"]
                #expect(detail is String)
            }
        }
    }

    @Test("created_at is ISO 8601 UTC with milliseconds")
    func isoTimestamps() {
        #expect(EventDTO.isoTimestamp(ms: 0) == "1970-01-01T00:00:00.000+00:00")
        #expect(EventDTO.isoTimestamp(ms: 1_700_000_000_123) == "2023-11-14T22:13:20.123+00:00")
        #expect(EventDTO.isoTimestamp(ms: -1) == "1969-12-31T23:59:59.999+00:00")
    }
}
