// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import HummingbirdWebSocket
import NIOWebSocket
import SecureVisionCore
import SecureVisionServer
import Synchronization
import Testing

/// `WS /stream` over a real loopback socket.
@Suite("Live event stream")
struct StreamTests {
    static let token = "stream-token-0123456789"

    static func event(_ id: Int64, _ type: EventType = .plateAlert, camera: String = "gate") -> Event {
        Event(
            id: id,
            type: type,
            timestampMs: 1_800_000_000_000 + id,
            cameraID: camera,
            createdAtMs: 1_800_000_000_000,
            payload: ["text_clean": "ABC123", "matched_list": "blacklist"]
        )
    }

    /// Publishes `events` once the session has subscribed, so that none is published before it listens.
    static func publishWhenSubscribed(_ server: TestServer, _ events: [Event]) async throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while server.broadcaster.subscriberCount == 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        for event in events { server.broadcaster.publish(event) }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("a header token streams events as the REST JSON; a text message gets the earlier pong")
    func headerAuth() async throws {
        let server = TestServer(environmentToken: Self.token)
        _ = try await server.application().test(.live) { client in
            let close = try await client.ws(
                "/stream",
                configuration: .init(additionalHeaders: [.authorization: "Bearer \(Self.token)"])
            ) { inbound, outbound, _ in
                try await outbound.write(.text("ping"))
                var messages = inbound.messages(maxSize: 1 << 16).makeAsyncIterator()
                guard case .text(let pong) = try await messages.next() else { throw CancellationError() }
                let pongBody = try Self.json(pong)
                #expect(pongBody["type"] as? String == "pong")
                #expect(pongBody["data"] as? String == "ping")
                try await Self.publishWhenSubscribed(server, [Self.event(7)])
                guard case .text(let text) = try await messages.next() else { throw CancellationError() }
                let event = try Self.json(text)
                #expect(event["id"] as? Int == 7)
                #expect(event["type"] as? String == "plate_alert")
                #expect(event["frame_source_id"] as? String == "gate")
                #expect((event["payload"] as? [String: Any])?["matched_list"] as? String == "blacklist")
                try await outbound.close(.normalClosure, reason: nil)
            }
            #expect(close?.closeCode == .normalClosure)
        }
    }

    @Test("a browser authenticates with its first message, then may narrow what it receives")
    func firstMessageAuthAndFilter() async throws {
        let server = TestServer(environmentToken: Self.token)
        _ = try await server.application().test(.live) { client in
            try await client.ws("/stream") { inbound, outbound, _ in
                var messages = inbound.messages(maxSize: 1 << 16).makeAsyncIterator()
                try await outbound.write(.text(#"{"type":"auth","token":"\#(Self.token)"}"#))
                guard case .text(let ok) = try await messages.next() else { throw CancellationError() }
                #expect(try Self.json(ok)["type"] as? String == "auth_ok")
                try await outbound.write(.text(#"{"type":"subscribe","types":["face_match"],"cameras":["door"]}"#))
                guard case .text(let subscribed) = try await messages.next() else { throw CancellationError() }
                #expect(try Self.json(subscribed)["type"] as? String == "subscribed")
                try await Self.publishWhenSubscribed(
                    server,
                    [
                        Self.event(1, .plateAlert, camera: "door"), Self.event(2, .faceMatch, camera: "gate"),
                        Self.event(3, .faceMatch, camera: "door"),
                    ]
                )
                guard case .text(let text) = try await messages.next() else { throw CancellationError() }
                #expect(try Self.json(text)["id"] as? Int == 3)
                try await outbound.close(.normalClosure, reason: nil)
            }
        }
    }

    @Test("a wrong token, a token in the URL, or silence past the timeout all close with 1008")
    func refusals() async throws {
        let server = TestServer(environmentToken: Self.token) { $0.streamAuthTimeout = .milliseconds(300) }
        _ = try await server.application().test(.live) { client in
            let wrong = try await client.ws("/stream") { inbound, outbound, _ in
                try await outbound.write(.text(#"{"type":"auth","token":"nope-nope-nope-nope"}"#))
                for try await _ in inbound {}
            }
            #expect(wrong?.closeCode == .policyViolation)

            let notFirst = try await client.ws("/stream") { inbound, outbound, _ in
                try await outbound.write(.text("ping"))
                for try await _ in inbound {}
            }
            #expect(notFirst?.closeCode == .policyViolation)

            let inURL = try await client.ws("/stream?token=\(Self.token)") { inbound, _, _ in
                for try await _ in inbound {}
            }
            #expect(inURL?.closeCode == .policyViolation)
            #expect(server.broadcaster.subscriberCount == 0)
        }
        // A wrong header is refused at the upgrade itself.
        _ = try await server.application().test(.live) { client in
            await #expect(throws: (any Error).self) {
                try await client.ws(
                    "/stream",
                    configuration: .init(additionalHeaders: [.authorization: "Bearer wrong-token-xxxxxxxx"])
                ) { _, _, _ in }
            }
        }
    }

    @Test("WS_ENABLED=false closes with 1008")
    func disabled() async throws {
        let server = TestServer { $0.wsEnabled = false }
        _ = try await server.application().test(.live) { client in
            // A bare socket rather than client.ws, which can miss a close sent with the 101 (see RawWebSocket).
            let reply = try await RawWebSocket.upgrade(port: try #require(client.port), path: "/stream")
            #expect(reply.statusLine.hasPrefix("HTTP/1.1 101"))
            let close = try #require(reply.close)
            #expect(WebSocketErrorCode(codeNumber: close.code) == .policyViolation)
            #expect(close.reason == "WebSocket streaming is disabled")
        }
    }

    @Test("50 concurrent clients each receive every event, in order")
    func fanOut() async throws {
        let server = TestServer()
        let clients = 50
        let count = 40
        _ = try await server.application().test(.live) { client in
            try await withThrowingTaskGroup(of: [Int].self) { group in
                for _ in 0..<clients {
                    group.addTask {
                        let received = IDs()
                        _ = try await client.ws("/stream") { inbound, outbound, _ in
                            for try await message in inbound.messages(maxSize: 1 << 16) {
                                guard case .text(let text) = message, let id = try? Self.json(text)["id"] as? Int else {
                                    continue
                                }
                                if received.append(id) == count { break }
                            }
                            try await outbound.close(.normalClosure, reason: nil)
                        }
                        return received.all
                    }
                }
                let deadline = ContinuousClock.now + .seconds(20)
                while server.broadcaster.subscriberCount < clients, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(20))
                }
                #expect(server.broadcaster.subscriberCount == clients)
                for id in 1...count { server.broadcaster.publish(Self.event(Int64(id))) }
                var results: [[Int]] = []
                for try await ids in group { results.append(ids) }
                #expect(results.count == clients)
                #expect(results.allSatisfy { $0 == Array(1...count) })
            }
        }
    }
}

/// Event ids received by one test client.
final class IDs: Sendable {
    private let ids = Mutex<[Int]>([])

    /// Appends and returns how many there are now.
    func append(_ id: Int) -> Int {
        ids.withLock {
            $0.append(id); return $0.count
        }
    }

    var all: [Int] { ids.withLock { $0 } }
}
