// SPDX-License-Identifier: Apache-2.0

import Foundation
internal import GRDB
import SecureVisionCore

/// One row of the `events` table.
///
/// `person_id`, `plate_text`, `matched_list` and `similarity` are copies of payload fields, kept in columns so
/// that they can be filtered and indexed; `payload_json` stays the exact source of the payload.
struct EventRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "events"

    var id: Int64?
    var type: String
    var timestampMs: Int64
    var cameraID: String
    var createdAtMs: Int64
    var trackID: Int64?
    var personID: String?
    var plateText: String?
    var matchedList: String?
    var similarity: Double?
    var payloadJSON: String
    var snapshotPath: String?
    var cropPath: String?
    var fileBytes: Int64

    enum CodingKeys: String, CodingKey {
        case id, type
        case timestampMs = "ts_ms"
        case cameraID = "camera_id"
        case createdAtMs = "created_at_ms"
        case trackID = "track_id"
        case personID = "person_id"
        case plateText = "plate_text"
        case matchedList = "matched_list"
        case similarity
        case payloadJSON = "payload_json"
        case snapshotPath = "snapshot_path"
        case cropPath = "crop_path"
        case fileBytes = "file_bytes"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let type = Column(CodingKeys.type)
        static let timestampMs = Column(CodingKeys.timestampMs)
        static let cameraID = Column(CodingKeys.cameraID)
        static let personID = Column(CodingKeys.personID)
        static let plateText = Column(CodingKeys.plateText)
        static let matchedList = Column(CodingKeys.matchedList)
        static let payloadJSON = Column(CodingKeys.payloadJSON)
        static let fileBytes = Column(CodingKeys.fileBytes)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The paths of the event's files, relative to the data directory.
    var filePaths: [String] { [snapshotPath, cropPath].compactMap(\.self) }
}

extension EventRecord {
    /// A row for a new event whose files were placed at `placement`.
    init(_ event: NewEvent, placement: SnapshotFiles.Placement, fileBytes: Int64, createdAtMs: Int64) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(event.payload)
        self.init(
            id: nil,
            type: event.type.rawValue,
            timestampMs: event.timestampMs,
            cameraID: event.cameraID,
            createdAtMs: createdAtMs,
            trackID: event.trackID,
            personID: event.payload["person_id"]?.stringValue,
            plateText: event.payload["text_clean"]?.stringValue,
            matchedList: event.payload["matched_list"]?.stringValue,
            similarity: event.payload["similarity"]?.doubleValue,
            payloadJSON: String(decoding: json, as: UTF8.self),
            snapshotPath: placement.snapshotPath,
            cropPath: placement.cropPath,
            fileBytes: fileBytes
        )
    }

    /// The Core event of a stored row.
    /// - Throws: A decoding error if the payload is not a JSON object.
    func event() throws -> Event {
        let payload = try JSONDecoder().decode([String: JSONValue].self, from: Data(payloadJSON.utf8))
        return Event(
            id: id ?? 0,
            type: EventType(rawValue: type),
            timestampMs: timestampMs,
            cameraID: cameraID,
            createdAtMs: createdAtMs,
            trackID: trackID,
            payload: payload,
            snapshotPath: snapshotPath,
            cropPath: cropPath
        )
    }
}
