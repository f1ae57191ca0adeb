// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SecureVisionCore
import SecureVisionServer
import Testing

@Suite("GET / and /health")
struct StatusRoutesTests {
    let now: Int64 = 1_800_000_000_000

    func makeApp(repository: FakeEventRepository, authEnabled: Bool = false) -> some ApplicationProtocol {
        let settings = ServerSettings(
            host: "127.0.0.1",
            port: 0,
            wsEnabled: true,
            authEnabled: authEnabled,
            configuredCameras: 2
        )
        let now = self.now
        let dependencies = ServerDependencies(events: repository, nowMs: { now }, startedAtMs: now - 90_000)
        return Application(router: buildRouter(settings: settings, dependencies: dependencies))
    }

    func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
    }

    @Test("GET / keeps the earlier fields")
    func root() async throws {
        try await makeApp(repository: FakeEventRepository(), authEnabled: true).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let body = try json(response.body)
                #expect(body["service"] as? String == SecureVisionVersion.serviceName)
                #expect(body["version"] as? String == SecureVisionVersion.current)
                #expect(body["ws_enabled"] as? Bool == true)
                #expect(body["auth_enabled"] as? Bool == true)
            }
        }
    }

    @Test("GET /health reports the store, cameras, uptime and events of the last five minutes")
    func health() async throws {
        let old = Event(id: 1, type: .object, timestampMs: now - 10 * 60_000, cameraID: "a", createdAtMs: now)
        let recent = Event(id: 2, type: .faceMatch, timestampMs: now - 60_000, cameraID: "a", createdAtMs: now)
        try await makeApp(repository: FakeEventRepository(events: [old, recent])).test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let body = try json(response.body)
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
        try await makeApp(repository: FakeEventRepository(failing: true)).test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(decoding: response.body.readableBytesView, as: UTF8.self)
                #expect(text.contains("\"degraded\""))
                #expect(!text.contains("/secret/path"))
                #expect(!text.contains("SQLite"))
            }
        }
    }

    @Test("an unknown route is a 404 with a JSON detail")
    func notFound() async throws {
        try await makeApp(repository: FakeEventRepository()).test(.router) { client in
            try await client.execute(uri: "/../../etc/passwd", method: .get) { response in
                #expect(response.status == .notFound)
                let body = try json(response.body)
                #expect(body["detail"] as? String == "Not Found")
            }
            try await client.execute(uri: "/", method: .delete) { response in
                #expect([.notFound, .methodNotAllowed].contains(response.status))
                let detail = try json(response.body)["detail"]
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
