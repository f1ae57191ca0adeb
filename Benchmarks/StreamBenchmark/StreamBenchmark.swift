// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdWSClient
import Logging
import NIOWebSocket
import SecureVisionCore
import SecureVisionServer
import SecureVisionStore
import Synchronization

/// WebSocket delivery latency: the real server on a loopback socket, N real clients on `WS /stream`,
/// events published through the broadcaster as the pipeline publishes them; each client timestamps
/// every event it receives against the moment it was published (one process, one monotonic clock).
///
/// Usage: StreamBenchmark [CLIENTS] [EVENTS] [EVENTS_PER_SECOND]   (defaults 100, 200, 50)
@main
struct StreamBenchmark {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
        try await measure(
            clients: arguments.first ?? 100,
            eventCount: arguments.dropFirst().first ?? 200,
            rate: arguments.dropFirst(2).first ?? 50
        )
    }

    /// Off the main actor: the clients and the server run on the cooperative pool as in production.
    nonisolated static func measure(clients: Int, eventCount: Int, rate: Int) async throws {
        let token = "stream-benchmark-token-0123456789"
        let logger = {
            var logger = Logger(label: "stream-benchmark")
            logger.logLevel = .warning
            return logger
        }()

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sv-stream-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try EventStore.open(databasePath: directory + "/events.db", dataDirectory: directory)
        let broadcaster = EventBroadcaster()
        let dependencies = ServerDependencies(
            events: store,
            tokens: store,
            audit: store,
            plates: store,
            gallery: store,
            broadcaster: broadcaster,
            nowMs: { Int64(Date().timeIntervalSince1970 * 1000) },
            startedAtMs: Int64(Date().timeIntervalSince1970 * 1000)
        )
        let settings = ServerSettings(port: 0, environmentToken: token, requestsPerMinute: 1_000_000)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = try buildApplication(settings: settings, dependencies: dependencies, logger: logger) { _, port in
            portContinuation.yield(port)
        }
        let recorder = Recorder()

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var portIterator = ports.makeAsyncIterator()
            guard let port = await portIterator.next() else { return }
            let url = "ws://127.0.0.1:\(port)/stream"
            try await withThrowingTaskGroup(of: Void.self) { clientGroup in
                for _ in 0..<clients {
                    clientGroup.addTask {
                        try await WebSocketClient.connect(
                            url: url,
                            configuration: .init(additionalHeaders: [.authorization: "Bearer \(token)"]),
                            logger: logger
                        ) { inbound, outbound, _ in
                            var received = 0
                            for try await message in inbound.messages(maxSize: 1 << 20) {
                                guard case .text(let text) = message else { continue }
                                let now = ContinuousClock.now
                                guard
                                    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
                                        as? [String: Any],
                                    let id = (object["id"] as? NSNumber)?.int64Value,
                                    let sent = recorder.published.withLock({ $0[id] })
                                else { continue }
                                recorder.latencies.withLock { $0.append(now - sent) }
                                received += 1
                                if received == eventCount { break }
                            }
                            if received < eventCount { recorder.missing.withLock { $0 += eventCount - received } }
                            try await outbound.close(.normalClosure, reason: nil)
                        }
                    }
                }
                let deadline = ContinuousClock.now + .seconds(60)
                while broadcaster.subscriberCount < clients, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(20))
                }
                let interval = Duration.milliseconds(1000 / max(1, rate))
                for index in 1...eventCount {
                    let event = Event(
                        id: Int64(index),
                        type: .plateRead,
                        timestampMs: Int64(Date().timeIntervalSince1970 * 1000),
                        cameraID: "gate",
                        createdAtMs: Int64(Date().timeIntervalSince1970 * 1000),
                        trackID: Int64(index),
                        payload: ["text_clean": "KX19ABC", "matched_list": .null, "ocr_confidence": 0.93]
                    )
                    recorder.published.withLock { $0[event.id] = ContinuousClock.now }
                    broadcaster.publish(event)
                    try await Task.sleep(for: interval)
                }
                try await clientGroup.waitForAll()
            }
            group.cancelAll()
        }
        report(
            recorder.latencies.withLock { $0 },
            clients: clients,
            events: eventCount,
            rate: rate,
            missing: recorder.missing.withLock { $0 }
        )
    }

    static func report(_ samples: [Duration], clients: Int, events: Int, rate: Int, missing: Int) {
        let milliseconds = samples.map {
            Double($0.components.attoseconds) / 1e15 + Double($0.components.seconds) * 1000
        }
        .sorted()
        func quantile(_ q: Double) -> String {
            guard !milliseconds.isEmpty else { return "n/a" }
            let index = min(milliseconds.count - 1, Int((Double(milliseconds.count - 1) * q).rounded()))
            return String(format: "%.2f ms", milliseconds[index])
        }
        print("| clients | events | rate | deliveries | missing | p50 | p95 | p99 | max |")
        print("|---|---|---|---|---|---|---|---|---|")
        print(
            "| \(clients) | \(events) | \(rate)/s | \(milliseconds.count) | \(missing) | \(quantile(0.5)) | "
                + "\(quantile(0.95)) | \(quantile(0.99)) | \(quantile(1)) |"
        )
    }
}

/// What the clients and the publisher share: when each event was published and how long each delivery took.
final class Recorder: Sendable {
    let published = Mutex<[Int64: ContinuousClock.Instant]>([:])
    let latencies = Mutex<[Duration]>([])
    let missing = Mutex(0)
}
