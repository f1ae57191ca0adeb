// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SecureVisionCore
import Testing

@testable import SecureVisionServer

@Suite("OpenAPI, stats and metrics")
struct OpenAPIAndStatsTests {
    @Test("/openapi.json documents exactly the routes the router serves")
    func openAPIMatchesRouter() async throws {
        let server = TestServer()
        let dependencies = ServerDependencies(
            events: server.events,
            tokens: server.tokens,
            audit: server.audit,
            plates: server.plates,
            gallery: server.gallery,
            broadcaster: server.broadcaster,
            nowMs: { 0 },
            startedAtMs: 0
        )
        let router = buildRouter(settings: server.settings, dependencies: dependencies)
        let served = Set(router.routes.map { "\($0.method.rawValue.lowercased()) \($0.path)" })

        let documented = try await server.application().test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let document = try jsonObject(response.body)
                #expect(document["openapi"] as? String == "3.1.0")
                let paths = try #require(document["paths"] as? [String: [String: Any]])
                var documented = Set<String>()
                for (path, operations) in paths {
                    for (method, operation) in operations {
                        documented.insert("\(method) \(path)")
                        let responses = (operation as? [String: Any])?["responses"] as? [String: Any]
                        #expect(responses?.isEmpty == false, "\(method) \(path) has no responses")
                    }
                }
                return documented
            }
        }
        #expect(served.isEmpty == false)
        #expect(served.subtracting(documented).isEmpty, "undocumented routes: \(served.subtracting(documented))")
        #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served))")
    }

    @Test("/stats and /metrics report what the store and hub hold")
    func statsAndMetrics() async throws {
        let now: Int64 = 1_800_000_000_000
        let events = FakeEventRepository(events: [
            Event(id: 1, type: .faceMatch, timestampMs: now - 1000, cameraID: "a", createdAtMs: now),
            Event(id: 2, type: .plateAlert, timestampMs: now - 2000, cameraID: "a", createdAtMs: now),
        ])
        let server = TestServer(events: events)
        _ = try await server.plates.addPlate("ABC123", to: .deny, note: nil)
        _ = try await server.gallery.upsertPerson(id: "ann", displayName: "Ann")
        let subscription = server.broadcaster.subscribe()
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/stats", method: .get) { response in
                let body = try jsonObject(response.body)
                #expect((body["events"] as? [String: Any])?["total"] as? Int == 2)
                #expect((body["events"] as? [String: Any])?["last_5m"] as? Int == 2)
                #expect(body["people"] as? Int == 1)
                #expect((body["plates"] as? [String: Any])?["blacklist"] as? Int == 1)
                #expect(body["websocket_clients"] as? Int == 1)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                let text = String(decoding: response.body.readableBytesView, as: UTF8.self)
                #expect(text.contains("# TYPE securevision_events_stored gauge"))
                #expect(text.contains("securevision_websocket_clients 1\n"))
                #expect(text.contains("securevision_plate_list_entries{list=\"blacklist\"} 1\n"))
                #expect(text.contains("securevision_people_enrolled 1\n"))
                #expect(text.contains("securevision_store_bytes{kind=\"database\"} 4096\n"))
            }
        }
        _ = subscription
    }

    @Test("/metrics reports each camera's analysis: frames, events, inference seconds per detector, latency")
    func pipelineMetrics() async throws {
        struct Pipelines: PipelineStatusProvider {
            func allPipelineStatistics() -> [PipelineStatistics] {
                var door = PipelineStatistics(cameraID: "door")
                door.framesAnalysed = 40
                door.framesSkipped = 3
                door.eventsStored = 2
                door.inferenceSeconds = [.faces: 1.5, .plates: 0.25]
                door.recentEventLatenciesMs = [900, 300, 500]
                return [door]
            }
        }
        var server = TestServer()
        server.pipelines = Pipelines()
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(decoding: response.body.readableBytesView, as: UTF8.self)
                #expect(text.contains("securevision_pipeline_frames_analysed_total{camera=\"door\"} 40\n"))
                #expect(text.contains("securevision_pipeline_frames_skipped_total{camera=\"door\"} 3\n"))
                #expect(text.contains("securevision_pipeline_events_total{camera=\"door\"} 2\n"))
                #expect(text.contains("securevision_inference_seconds_total{camera=\"door\",detector=\"faces\"} 1.5\n"))
                #expect(text.contains("securevision_inference_seconds_total{camera=\"door\",detector=\"objects\"} 0\n"))
                #expect(text.contains("securevision_event_latency_ms{camera=\"door\",quantile=\"0.5\"} 500\n"))
                #expect(text.contains("securevision_event_latency_ms{camera=\"door\",quantile=\"0.95\"} 900\n"))
            }
        }
    }

    @Test("Prometheus label values are escaped")
    func escaping() {
        var text = PrometheusText()
        text.gauge("m", "help", [(["type": "a\"b\\c\nd"], 1.5)])
        #expect(text.output.hasSuffix(#"m{type="a\"b\\c\nd"} 1.5"# + "\n"))
    }
}
