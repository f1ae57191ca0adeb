// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import SecureVisionPipeline
import Testing

@Suite("Event builder")
struct EventBuilderTests {
    private let snapshot: [UInt8] = [0xFF, 0xD8, 0xFF, 0xD9]
    private let crop: [UInt8] = [0xFF, 0xD8, 0x00, 0xFF, 0xD9]

    private func decide(_ frames: [[TrackObservation]], camera: String = "gate", face: FaceSettings = FaceSettings())
        -> [TrackDecision]
    {
        var tracking = TrackingSettings()
        tracking.maxAgeFrames = 2
        var confirmer = TrackConfirmer(cameraID: camera, tracking: tracking, face: face)
        return TestSightings.run(&confirmer, frames: frames) + confirmer.finish()
    }

    @Test("a deny-listed plate gives plate_read and plate_alert with the earlier payload")
    func denyListedPlate() throws {
        let frames = (0..<4).map { step in [TestSightings.plate("ABC123", at: 400 + Double(step) * 3, list: .deny)] }
        let decision = try #require(decide(frames).first)
        let events = EventBuilder().events(for: decision, snapshotJPEG: snapshot, cropJPEG: crop)
        #expect(events.map(\.type) == [.plateRead, .plateAlert])
        let read = try #require(events.first)
        #expect(read.cameraID == "gate")
        #expect(read.trackID == decision.track.id)
        #expect(read.payload["text_clean"] == "ABC123")
        #expect(read.payload["text_raw"] == "ABC123")
        #expect(read.payload["matched_list"] == "blacklist")
        #expect(read.payload["ocr_confidence"]?.doubleValue == 0.9)
        #expect(read.payload["detector_score"]?.doubleValue == 0.8)
        #expect(read.payload["track_id"] == .int(decision.track.id))
        guard case .object(let bbox) = read.payload["bbox"] else {
            Issue.record("bbox is not an object")
            return
        }
        #expect(Set(bbox.keys) == ["x1", "y1", "x2", "y2"])
        #expect(read.snapshotJPEG == snapshot)
        #expect(read.cropJPEG == crop)
        #expect(read.timestampMs == decision.track.best.timeMs)
    }

    @Test("an allow-listed or unlisted plate gives plate_read only")
    func unlistedPlate() throws {
        let allowed = (0..<4).map { _ in [TestSightings.plate("XYZ789", list: .allow)] }
        let allowedEvents = EventBuilder().events(for: try #require(decide(allowed).first))
        #expect(allowedEvents.map(\.type) == [.plateRead])
        #expect(allowedEvents.first?.payload["matched_list"] == "whitelist")
        let unlisted = (0..<4).map { _ in [TestSightings.plate("XYZ789")] }
        let unlistedEvents = EventBuilder().events(for: try #require(decide(unlisted).first))
        #expect(unlistedEvents.first?.payload["matched_list"] == .null)
    }

    @Test("a known face gives face_match with person_id, similarity and detection_score")
    func faceMatch() throws {
        let frames = (0..<4).map { _ in [TestSightings.face("obama", similarity: 0.66)] }
        let decision = try #require(decide(frames).first)
        let events = EventBuilder().events(for: decision, snapshotJPEG: snapshot, cropJPEG: crop)
        #expect(events.map(\.type) == [.faceMatch])
        let event = try #require(events.first)
        #expect(event.payload["person_id"] == "obama")
        #expect(event.payload["similarity"]?.doubleValue == 0.66)
        #expect(event.payload["detection_score"]?.doubleValue == 0.95)
        #expect(event.payload["track_id"] == .int(decision.track.id))
        #expect(event.payload["bbox"] != nil)
    }

    @Test("face_unknown only when FACE__UNKNOWN_EVENTS is on")
    func faceUnknown() throws {
        let frames = (0..<4).map { _ in [TestSightings.face(nil)] }
        let decision = try #require(decide(frames).first)
        #expect(EventBuilder().events(for: decision).isEmpty)
        #expect(!EventBuilder().producesEvents(for: decision))
        var face = FaceSettings()
        face.unknownEvents = true
        let events = EventBuilder(face: face).events(for: decision)
        #expect(events.map(\.type) == [.faceUnknown])
        #expect(events.first?.payload["person_id"] == .null)
    }

    @Test("an object gives object with label, bbox, score and track_id, for the enabled labels")
    func object() throws {
        let frames = (0..<4).map { step in [TestSightings.person(at: 100 + Double(step) * 10)] }
        let decision = try #require(decide(frames).first)
        let events = EventBuilder().events(for: decision, snapshotJPEG: snapshot)
        #expect(events.map(\.type) == [.object])
        #expect(events.first?.payload["label"] == "person")
        #expect(events.first?.payload["score"]?.doubleValue == 0.9)
        #expect(events.first?.cropJPEG == nil)
        #expect(!EventBuilder().wantsCrop(for: decision))
        #expect(EventBuilder(objectLabels: [.car, .truck]).events(for: decision).isEmpty)
    }
}
