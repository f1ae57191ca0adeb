// SPDX-License-Identifier: Apache-2.0

internal import Hummingbird
internal import SecureVisionCore

/// `GET /stats` (JSON for the dashboard) and `GET /metrics` (Prometheus text format).
struct StatsController {
    let dependencies: ServerDependencies

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/stats", use: stats)
        router.get("/metrics", use: metrics)
    }

    /// Everything both routes report, read once.
    struct Figures {
        var statistics: StoreStatistics
        var recentEvents: Int
        var people: Int
        var plates: [PlateList: Int]
        var webSocketClients: Int
        var uptimeSeconds: Int64
    }

    func figures() async throws -> Figures {
        let now = dependencies.nowMs()
        let entries = try await dependencies.plates.plates(in: nil)
        return Figures(
            statistics: try await dependencies.events.statistics(),
            recentEvents: try await dependencies.events.countEvents(since: now - 5 * 60_000),
            people: try await dependencies.gallery.people().count,
            plates: Dictionary(grouping: entries, by: \.list).mapValues(\.count),
            webSocketClients: dependencies.broadcaster.subscriberCount,
            uptimeSeconds: max(0, (now - dependencies.startedAtMs) / 1000)
        )
    }

    @Sendable func stats(request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.read)
        let figures = try await figures()
        let statistics = figures.statistics
        let body: [String: JSONValue] = [
            "version": .string(SecureVisionVersion.current),
            "uptime_s": .int(figures.uptimeSeconds),
            "events": .object([
                "total": .int(Int64(statistics.eventCount)),
                "last_5m": .int(Int64(figures.recentEvents)),
                "by_type": .object(
                    Dictionary(
                        uniqueKeysWithValues: statistics.countsByType.map { ($0.key.rawValue, .int(Int64($0.value))) }
                    )
                ),
                "oldest_ts_ms": statistics.oldestTimestampMs.map(JSONValue.int) ?? .null,
                "newest_ts_ms": statistics.newestTimestampMs.map(JSONValue.int) ?? .null,
            ]),
            "store": .object([
                "database_bytes": .int(statistics.databaseBytes), "file_bytes": .int(statistics.fileBytes),
            ]),
            "people": .int(Int64(figures.people)),
            "plates": .object(
                Dictionary(
                    uniqueKeysWithValues: PlateList.allCases.map { ($0.rawValue, .int(Int64(figures.plates[$0] ?? 0))) }
                )
            ),
            "websocket_clients": .int(Int64(figures.webSocketClients)),
        ]
        return try JSONResponse.make(body)
    }

    @Sendable func metrics(request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.read)
        let figures = try await figures()
        var text = PrometheusText()
        text.gauge(
            "securevision_uptime_seconds",
            "Seconds since the server started.",
            [([:], Double(figures.uptimeSeconds))]
        )
        text.gauge(
            "securevision_events_stored",
            "Events in the store, by type.",
            figures.statistics.countsByType.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { (["type": $0.key.rawValue], Double($0.value)) }
        )
        text.gauge(
            "securevision_events_last_5m",
            "Events stored in the last five minutes.",
            [([:], Double(figures.recentEvents))]
        )
        text.gauge(
            "securevision_store_bytes",
            "Bytes used by the event store.",
            [
                (["kind": "database"], Double(figures.statistics.databaseBytes)),
                (["kind": "files"], Double(figures.statistics.fileBytes)),
            ]
        )
        text.gauge("securevision_people_enrolled", "People in the face gallery.", [([:], Double(figures.people))])
        text.gauge(
            "securevision_plate_list_entries",
            "Plates on the allow and deny lists.",
            PlateList.allCases.map { (["list": $0.rawValue], Double(figures.plates[$0] ?? 0)) }
        )
        let cameras = dependencies.cameras?.allCameraStatistics() ?? []
        func perCamera(_ value: (CaptureStatistics) -> Double) -> [([String: String], Double)] {
            cameras.map { (["camera": $0.cameraID], value($0)) }
        }
        text.gauge(
            "securevision_camera_up",
            "1 when the camera delivers frames.",
            perCamera { $0.state == .online ? 1 : 0 }
        )
        text.gauge("securevision_camera_fps", "Frames decoded per second.", perCamera(\.currentFPS))
        text.counter(
            "securevision_camera_frames_decoded_total",
            "Frames decoded.",
            perCamera { Double($0.framesDecoded) }
        )
        text.counter(
            "securevision_camera_frames_analysed_total",
            "Frames handed to analysis.",
            perCamera { Double($0.framesAnalysed) }
        )
        text.counter(
            "securevision_camera_frames_dropped_total",
            "Frames dropped because analysis was behind.",
            perCamera { Double($0.framesDropped) }
        )
        text.counter(
            "securevision_camera_decode_errors_total",
            "Corrupt packets and decode errors skipped.",
            perCamera { Double($0.decodeErrors) }
        )
        text.counter("securevision_camera_reconnects_total", "Reconnect attempts.", perCamera { Double($0.reconnects) })
        appendPipelineMetrics(to: &text)
        text.gauge(
            "securevision_websocket_clients",
            "Connected /stream clients.",
            [([:], Double(figures.webSocketClients))]
        )
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text.output))
        )
    }
}
