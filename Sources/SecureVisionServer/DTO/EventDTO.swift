// SPDX-License-Identifier: Apache-2.0

public import Foundation
public import Hummingbird
public import SecureVisionCore

/// An event as the API sends it: the earlier version's `{id, type, ts_ms, frame_source_id,
/// created_at, payload}`, plus links to its snapshot and crop when it has them.
public struct EventDTO: ResponseCodable, Sendable, Equatable {
    public var id: Int64
    public var type: String
    public var tsMs: Int64
    public var frameSourceID: String
    /// ISO 8601 in UTC with milliseconds, such as `2026-11-29T19:20:00.123+00:00`.
    public var createdAt: String
    public var trackID: Int64?
    public var payload: [String: JSONValue]
    public var snapshotURL: String?
    public var cropURL: String?

    enum CodingKeys: String, CodingKey {
        case id, type, payload
        case tsMs = "ts_ms"
        case frameSourceID = "frame_source_id"
        case createdAt = "created_at"
        case trackID = "track_id"
        case snapshotURL = "snapshot_url"
        case cropURL = "crop_url"
    }

    /// The API form of a stored event.
    ///
    /// Snapshot links go through the event id, never a file path.
    public init(_ event: Event) {
        id = event.id
        type = event.type.rawValue
        tsMs = event.timestampMs
        frameSourceID = event.cameraID
        createdAt = Self.isoTimestamp(ms: event.createdAtMs)
        trackID = event.trackID
        payload = event.payload
        snapshotURL = event.snapshotPath == nil ? nil : "/events/\(event.id)/snapshot.jpg"
        cropURL = event.cropPath == nil ? nil : "/events/\(event.id)/crop.jpg"
    }

    /// Formats milliseconds since the epoch as ISO 8601 UTC with an explicit offset, which both
    /// JavaScript's `Date` and Python's `datetime.fromisoformat` parse.
    public static func isoTimestamp(ms: Int64) -> String {
        UTCTimestamp(ms: ms).iso8601
    }

    /// The encoder every event JSON goes through, so the CLI and the API print the same bytes.
    public static func makeEncoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
