// SPDX-License-Identifier: Apache-2.0

internal import Hummingbird

/// `GET /health`: whether the process and its store work, and what the pipeline is doing.
struct HealthReport: ResponseCodable, Sendable {
    /// `ok`, or `degraded` when the store cannot be read.
    var status: String
    var version: String
    var uptimeSeconds: Int64
    var store: Store
    var cameras: Cameras
    var eventsLast5Min: Int?

    struct Store: Codable, Sendable {
        var ok: Bool
        var events: Int?
        var bytes: Int64?
    }

    struct Cameras: Codable, Sendable {
        var configured: Int
        var online: Int
        var fps: Double
    }

    enum CodingKeys: String, CodingKey {
        case status, version, store, cameras
        case uptimeSeconds = "uptime_s"
        case eventsLast5Min = "events_last_5m"
    }
}
