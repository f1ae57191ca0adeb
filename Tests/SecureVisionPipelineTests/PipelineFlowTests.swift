// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import SecureVisionPipeline
import Testing

/// The pure pipeline end to end: observations -> tracks -> decisions -> cooldown -> events.
@Suite("Tracking to events")
struct PipelineFlowTests {
    /// What a camera pipeline does with each frame's observations, minus detection and storage.
    private struct CameraFlow {
        var confirmer: TrackConfirmer
        let builder = EventBuilder()

        init(cameraID: String) {
            var tracking = TrackingSettings()
            tracking.maxAgeFrames = 5
            confirmer = TrackConfirmer(cameraID: cameraID, tracking: tracking, face: FaceSettings())
        }

        mutating func feed(
            _ frames: [[TrackObservation]],
            ledger: inout CooldownLedger,
            startMs: Int64,
            startSequence: UInt64 = 1
        ) -> [NewEvent] {
            TestSightings.run(&confirmer, frames: frames, startSequence: startSequence, startMs: startMs)
                .flatMap { decision in
                    if let key = decision.cooldownKey,
                        !ledger.admit(key, cameraID: decision.track.cameraID, atMs: decision.track.best.timeMs)
                    {
                        return [NewEvent]()
                    }
                    return builder.events(for: decision, snapshotJPEG: [0xFF, 0xD8])
                }
        }
    }

    private static let walk: [[TrackObservation]] = (0..<30).map { [TestSightings.person(at: 50 + Double($0) * 12)] }
    private static let plateVisit: [[TrackObservation]] =
        (0..<6).map { [TestSightings.plate("ABC123", at: 400 + Double($0) * 4)] } + Array(repeating: [], count: 6)

    @Test("a person walking across frames gives one track and one event")
    func walkingPerson() {
        var flow = CameraFlow(cameraID: "door")
        var ledger = CooldownLedger(cooldownSeconds: 30)
        let events = flow.feed(Self.walk + Array(repeating: [], count: 6), ledger: &ledger, startMs: 0)
        #expect(events.count == 1)
        #expect(events.first?.type == .object)
        #expect(events.first?.trackID == 1)
        #expect(flow.confirmer.tracker.activeTracks.isEmpty)
    }

    @Test("the same plate twice within the cooldown is one event; after it, two")
    func plateCooldownAcrossTracks() {
        var flow = CameraFlow(cameraID: "gate")
        var ledger = CooldownLedger(cooldownSeconds: 30)
        let first = flow.feed(Self.plateVisit, ledger: &ledger, startMs: 0)
        let again = flow.feed(Self.plateVisit, ledger: &ledger, startMs: 10_000, startSequence: 100)
        let later = flow.feed(Self.plateVisit, ledger: &ledger, startMs: 40_000, startSequence: 200)
        #expect(first.map(\.type) == [.plateRead])
        #expect(again.isEmpty)
        #expect(later.map(\.type) == [.plateRead])
        #expect(later.first?.trackID == 3)
    }

    @Test("two cameras share neither cooldowns nor tracks")
    func twoCameras() {
        var gate = CameraFlow(cameraID: "gate")
        var yard = CameraFlow(cameraID: "yard")
        var ledger = CooldownLedger(cooldownSeconds: 30)
        let gateEvents = gate.feed(Self.plateVisit, ledger: &ledger, startMs: 0)
        let yardEvents = yard.feed(Self.plateVisit, ledger: &ledger, startMs: 1_000)
        #expect(gateEvents.map(\.cameraID) == ["gate"])
        #expect(yardEvents.map(\.cameraID) == ["yard"])
        #expect(yardEvents.first?.trackID == 1)
        _ = gate.feed([[TestSightings.person(at: 10)]], ledger: &ledger, startMs: 2_000, startSequence: 50)
        #expect(gate.confirmer.tracker.activeTracks.map(\.id) == [2])
        #expect(yard.confirmer.tracker.activeTracks.isEmpty)
    }
}
