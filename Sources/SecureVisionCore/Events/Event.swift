// SPDX-License-Identifier: Apache-2.0

/// An event as stored: what was seen, where, when, and the files that show it.
public struct Event: Sendable, Hashable, Identifiable {
    /// Assigned by the store, increasing.
    public var id: Int64
    public var type: EventType
    /// When it was seen, in milliseconds since the Unix epoch (the frame's capture time).
    public var timestampMs: Int64
    /// The camera it was seen on (`frame_source_id` in the API).
    public var cameraID: String
    /// When the row was written, in milliseconds since the Unix epoch.
    public var createdAtMs: Int64
    public var trackID: Int64?
    /// The type-specific fields (DESIGN.md section 5), such as `person_id` and `similarity`.
    public var payload: [String: JSONValue]
    /// The full-frame JPEG, relative to the data directory.
    public var snapshotPath: String?
    /// The face or plate crop JPEG, relative to the data directory.
    public var cropPath: String?

    public init(
        id: Int64,
        type: EventType,
        timestampMs: Int64,
        cameraID: String,
        createdAtMs: Int64,
        trackID: Int64? = nil,
        payload: [String: JSONValue] = [:],
        snapshotPath: String? = nil,
        cropPath: String? = nil
    ) {
        self.id = id
        self.type = type
        self.timestampMs = timestampMs
        self.cameraID = cameraID
        self.createdAtMs = createdAtMs
        self.trackID = trackID
        self.payload = payload
        self.snapshotPath = snapshotPath
        self.cropPath = cropPath
    }

    /// The recognised person, for `face_match` events.
    public var personID: String? { payload["person_id"]?.stringValue }
    /// The cleaned plate text, for plate events.
    public var plateText: String? { payload["text_clean"]?.stringValue }
    /// `whitelist`, `blacklist` or `nil`, for plate events.
    public var matchedList: String? { payload["matched_list"]?.stringValue }
}

/// An event to be stored, with the JPEG files that go with it.
public struct NewEvent: Sendable, Hashable {
    public var type: EventType
    public var timestampMs: Int64
    public var cameraID: String
    public var trackID: Int64?
    public var payload: [String: JSONValue]
    /// JPEG bytes of the best full frame; written to disk before the row commits.
    public var snapshotJPEG: [UInt8]?
    /// JPEG bytes of the face or plate crop.
    public var cropJPEG: [UInt8]?

    public init(
        type: EventType,
        timestampMs: Int64,
        cameraID: String,
        trackID: Int64? = nil,
        payload: [String: JSONValue] = [:],
        snapshotJPEG: [UInt8]? = nil,
        cropJPEG: [UInt8]? = nil
    ) {
        self.type = type
        self.timestampMs = timestampMs
        self.cameraID = cameraID
        self.trackID = trackID
        self.payload = payload
        self.snapshotJPEG = snapshotJPEG
        self.cropJPEG = cropJPEG
    }
}
