// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SecureVisionCore
import SecureVisionServer
import Testing

@Suite("Event routes")
struct EventsRoutesTests {
    static let now: Int64 = 1_800_000_000_000

    static func sampleEvents() -> [Event] {
        (1...5).map { index in
            let plate = index.isMultiple(of: 2)
            return Event(
                id: Int64(index),
                type: plate ? .plateRead : .faceMatch,
                timestampMs: now - Int64(10 - index) * 1000,
                cameraID: "gate",
                createdAtMs: now,
                trackID: Int64(index),
                payload: plate
                    ? ["text_clean": .string("ABC12\(index)"), "matched_list": "blacklist"]
                    : ["person_id": "john_doe", "similarity": 0.71],
                snapshotPath: index == 1 ? "snapshots/x.jpg" : nil
            )
        }
    }

    let server = TestServer(
        events: FakeEventRepository(events: sampleEvents(), snapshots: [1: [0xFF, 0xD8, 0xFF, 0xD9]])
    )

    @Test("GET /events is the earlier JSON array, newest first, with the total and next cursor in headers")
    func list() async throws {
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/events?limit=2", method: .get) { response in
                #expect(response.status == .ok)
                let events = try jsonArray(response.body)
                #expect(events.map { $0["id"] as? Int } == [5, 4])
                #expect(
                    Set(events[0].keys).isSuperset(of: [
                        "id", "type", "ts_ms", "frame_source_id", "created_at", "payload",
                    ])
                )
                #expect(response.headers[.init("X-Total-Count")!] == "5")
                #expect(response.headers[.init("X-Next-Cursor")!] == "\(Self.now - 6000)_4")
            }
            try await client.execute(uri: "/events", method: .get) { response in
                #expect(response.headers[.init("X-Next-Cursor")!] == nil)
            }
        }
    }

    @Test("every filter is parsed and passed to the store")
    func filters() async throws {
        try await server.application().test(.router) { client in
            let uri =
                "/events?type=face_match,plate_alert&camera=gate&person_id=john_doe&plate=ab%20c%20123"
                + "&matched_list=blacklist&since=5&until=9&limit=7&cursor=100_3"
            try await client.execute(uri: uri, method: .get) { #expect($0.status == .ok) }
        }
        let query = try #require(server.events.lastQuery)
        #expect(query.types == [.faceMatch, .plateAlert])
        #expect(query.cameraID == "gate")
        #expect(query.personID == "john_doe")
        #expect(query.plateText == "ABC123")
        #expect(query.matchedList == "blacklist")
        #expect(query.since == 5 && query.until == 9 && query.limit == 7)
        #expect(query.cursor == EventCursor(timestampMs: 100, id: 3))
    }

    @Test(
        "malformed parameters are 422 with a detail naming them",
        arguments: [
            ("/events?limit=0", "limit"), ("/events?limit=1001", "limit"), ("/events?limit=ten", "limit"),
            ("/events?since=-5", "since"), ("/events?until=yesterday", "until"), ("/events?cursor=abc", "cursor"),
            ("/events?matched_list=greylist", "matched_list"), ("/events/abc", "id"), ("/events/0", "id"),
            ("/faces/-1", "id"),
        ]
    )
    func badParameters(uri: String, name: String) async throws {
        try await server.application().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .unprocessableContent)
                let detail = try #require(try jsonObject(response.body)["detail"] as? String)
                #expect(detail.hasPrefix(name))
            }
        }
    }

    @Test("single events, typed lookups and images by id")
    func single() async throws {
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/events/2", method: .get) { response in
                let body = try jsonObject(response.body)
                #expect(body["type"] as? String == "plate_read")
                #expect((body["payload"] as? [String: Any])?["text_clean"] as? String == "ABC122")
            }
            try await client.execute(uri: "/events/99", method: .get) { response in
                #expect(response.status == .notFound)
                let value = try jsonObject(response.body)["detail"] as? String
                #expect(value == "event 99 not found")
            }
            try await client.execute(uri: "/faces/1", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/faces/2", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/plates/2", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/plates/1", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/events/1/snapshot.jpg", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/jpeg")
                #expect(Array(response.body.readableBytesView) == [0xFF, 0xD8, 0xFF, 0xD9])
            }
            try await client.execute(uri: "/events/1/crop.jpg", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/events/2/snapshot.jpg", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test("POST /cleanup applies retention, answers the earlier fields and writes an audit row")
    func cleanup() async throws {
        let old = Event(id: 1, type: .object, timestampMs: Self.now - 40 * 86_400_000, cameraID: "c", createdAtMs: 0)
        let server = TestServer(events: FakeEventRepository(events: [old]))
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/cleanup", method: .post) { response in
                #expect(response.status == .ok)
                let body = try jsonObject(response.body)
                #expect(body["deleted"] as? Int == 1)
                #expect(body["retention_days"] as? Int == 30)
            }
        }
        let audit = try await server.audit.auditEntries(limit: 10)
        #expect(audit.map(\.action) == ["events.cleanup"])
        #expect(audit.first?.actor == "local")
    }
}
