// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// Turns a decided track into the events to store, with the earlier version's payload fields.
///
/// | decision | events | payload |
/// |---|---|---|
/// | known face | `face_match` | `person_id, similarity, bbox{x1,y1,x2,y2}, detection_score, track_id` |
/// | unknown face | `face_unknown` when enabled | the same, `person_id` null |
/// | plate | `plate_read`, plus `plate_alert` on the deny list | `text_raw, text_clean, ocr_confidence, detector_score, matched_list, bbox, track_id` |
/// | object | `object` for the enabled labels | `label, bbox, score, track_id` |
///
/// Payloads also carry a few newer fields (`agreement`, `votes`, `matched_plate`) that older clients ignore.
/// The JPEG bytes come from the caller, which encodes the track's best frame and its crop.
public struct EventBuilder: Sendable, Hashable {
    /// Whether unknown faces give `face_unknown` events (`FACE__UNKNOWN_EVENTS`).
    public var unknownFaceEvents: Bool
    /// The object labels that give `object` events; empty turns object events off.
    public var objectLabels: Set<ObjectLabel>

    /// Makes a builder.
    /// - Parameters:
    ///   - unknownFaceEvents: Whether unknown faces give events.
    ///   - objectLabels: The object labels that give events.
    public init(unknownFaceEvents: Bool = false, objectLabels: Set<ObjectLabel> = Set(ObjectLabel.allCases)) {
        self.unknownFaceEvents = unknownFaceEvents
        self.objectLabels = objectLabels
    }

    /// Makes the builder the configuration asks for.
    /// - Parameters:
    ///   - face: The `FACE` section.
    ///   - objectLabels: The object labels that give events.
    public init(face: FaceSettings, objectLabels: Set<ObjectLabel> = Set(ObjectLabel.allCases)) {
        self.init(unknownFaceEvents: face.unknownEvents, objectLabels: objectLabels)
    }

    /// The events for one decision, in the order they should be stored.
    /// - Parameters:
    ///   - decision: The decided track.
    ///   - snapshotJPEG: The best frame as JPEG, if encoded.
    ///   - cropJPEG: The face or plate crop of the best frame as JPEG, if encoded.
    /// - Returns: No events when the decision's kind is turned off; two for a deny-listed plate.
    public func events(for decision: TrackDecision, snapshotJPEG: [UInt8]? = nil, cropJPEG: [UInt8]? = nil)
        -> [NewEvent]
    {
        let track = decision.track
        let best = track.best
        var payload: [String: JSONValue] = [
            "bbox": Self.json(best.box),
            "track_id": .int(track.id),
        ]
        let types: [EventType]
        switch decision.outcome {
        case .knownFace(let verdict), .unknownFace(let verdict):
            if verdict.personID == nil, !unknownFaceEvents { return [] }
            payload["person_id"] = verdict.personID.map(JSONValue.string) ?? .null
            payload["similarity"] = .double(verdict.similarity)
            payload["detection_score"] = .double(best.score)
            payload["agreement"] = .double(verdict.agreement)
            payload["votes"] = .int(Int64(verdict.votes))
            types = [verdict.personID == nil ? .faceUnknown : .faceMatch]
        case .plate(let verdict):
            payload["text_raw"] = .string(verdict.textRaw)
            payload["text_clean"] = .string(verdict.textClean)
            payload["ocr_confidence"] = .double(verdict.confidence)
            payload["detector_score"] = .double(best.score)
            payload["matched_list"] = verdict.matchedList.map { .string($0.rawValue) } ?? .null
            if let matched = verdict.matchedPlate { payload["matched_plate"] = .string(matched) }
            payload["agreement"] = .double(verdict.agreement)
            payload["votes"] = .int(Int64(verdict.votes))
            types = verdict.matchedList == .deny ? [.plateRead, .plateAlert] : [.plateRead]
        case .object(let label):
            guard objectLabels.contains(label) else { return [] }
            payload["label"] = .string(label.rawValue)
            payload["score"] = .double(best.score)
            types = [.object]
        }
        return types.map { type in
            NewEvent(
                type: type,
                timestampMs: best.timeMs,
                cameraID: track.cameraID,
                trackID: track.id,
                payload: payload,
                snapshotJPEG: snapshotJPEG,
                cropJPEG: cropJPEG
            )
        }
    }

    /// Whether ``events(for:snapshotJPEG:cropJPEG:)`` would give any event, so the caller can skip encoding.
    /// - Parameter decision: The decided track.
    /// - Returns: `false` for turned-off unknown faces and object labels.
    public func producesEvents(for decision: TrackDecision) -> Bool {
        switch decision.outcome {
        case .knownFace, .plate: true
        case .unknownFace: unknownFaceEvents
        case .object(let label): objectLabels.contains(label)
        }
    }

    /// Whether the decision wants a crop next to the snapshot: faces and plates do, whole objects do not.
    /// - Parameter decision: The decided track.
    /// - Returns: `true` for faces and plates.
    public func wantsCrop(for decision: TrackDecision) -> Bool {
        if case .object = decision.outcome { return false }
        return true
    }

    private static func json(_ box: BoundingBox) -> JSONValue {
        .object(["x1": .double(box.x1), "y1": .double(box.y1), "x2": .double(box.x2), "y2": .double(box.y2)])
    }
}
