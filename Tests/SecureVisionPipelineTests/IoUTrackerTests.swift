// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import SecureVisionPipeline
import Testing

@Suite("IoU tracker")
struct IoUTrackerTests {
    private var settings: TrackingSettings {
        var settings = TrackingSettings()
        settings.framesRequired = 3
        settings.maxAgeFrames = 5
        settings.iouThreshold = 0.5
        return settings
    }

    @Test("a person walking across frames is one track, confirmed once")
    func walkingPersonIsOneTrack() {
        var tracker = IoUTracker(cameraID: "door", settings: settings)
        var confirmed: [Int64] = []
        var started: [Int64] = []
        for step in 0..<20 {
            let update = tracker.update(
                [TestSightings.person(at: 100 + Double(step) * 10)],
                frameSequence: UInt64(step),
                timeMs: Int64(step) * 66
            )
            confirmed += update.newlyConfirmed
            started += update.started
        }
        #expect(started == [1])
        #expect(confirmed == [1])
        let track = tracker.activeTracks.first
        #expect(tracker.activeTracks.count == 1)
        #expect(track?.hits == 20)
        #expect(track?.recent.count == 20)
        #expect(track?.first.frameSequence == 0)
        #expect(track?.latest.frameSequence == 19)
    }

    @Test("the best frame is the one with the highest score times area")
    func bestFrame() {
        var tracker = IoUTracker(cameraID: "door", settings: settings)
        _ = tracker.update([TestSightings.person(at: 100, score: 0.5)], frameSequence: 1, timeMs: 0)
        let better = tracker.update([TestSightings.person(at: 105, score: 0.95)], frameSequence: 2, timeMs: 66)
        let worse = tracker.update([TestSightings.person(at: 110, score: 0.6)], frameSequence: 3, timeMs: 132)
        #expect(better.bestImproved == [1])
        #expect(worse.bestImproved.isEmpty)
        #expect(tracker.track(id: 1)?.best.frameSequence == 2)
    }

    @Test("tracks age out after MAX_AGE_FRAMES misses, and a return is a new track")
    func tracksAgeOut() {
        var tracker = IoUTracker(cameraID: "door", settings: settings)
        _ = tracker.update([TestSightings.person(at: 100)], frameSequence: 1, timeMs: 0)
        var ended: [Track] = []
        for step in 2...5 {
            ended += tracker.update([], frameSequence: UInt64(step), timeMs: 0).ended
        }
        #expect(ended.isEmpty)
        #expect(tracker.activeTracks.count == 1)
        ended += tracker.update([], frameSequence: 6, timeMs: 0).ended
        #expect(ended.map(\.id) == [1])
        #expect(tracker.activeTracks.isEmpty)
        let back = tracker.update([TestSightings.person(at: 100)], frameSequence: 7, timeMs: 0)
        #expect(back.started == [2])
    }

    @Test("a frame that did not run a detector does not age that detector's tracks")
    func onlyAnalysedClassesAge() {
        var tracker = IoUTracker(cameraID: "door", settings: settings)
        _ = tracker.update([TestSightings.person(at: 100)], frameSequence: 1, timeMs: 0)
        for step in 2...20 {
            _ = tracker.update([], frameSequence: UInt64(step), timeMs: 0, analysed: [.faces, .plates])
        }
        #expect(tracker.activeTracks.first?.misses == 0)
    }

    @Test("classes are tracked apart, and low overlap starts a new track")
    func classesAndOverlap() {
        var tracker = IoUTracker(cameraID: "door", settings: settings)
        _ = tracker.update([TestSightings.person(at: 100)], frameSequence: 1, timeMs: 0)
        var car = TestSightings.person(at: 100)
        car.trackClass = .object(.car)
        let update = tracker.update([car, TestSightings.person(at: 300)], frameSequence: 2, timeMs: 66)
        #expect(update.started == [2, 3])
        #expect(tracker.activeTracks.count == 3)
    }

    @Test("two people crossing keep their own tracks")
    func twoPeople() {
        var tracker = IoUTracker(cameraID: "door", settings: settings)
        for step in 0..<10 {
            let x = Double(step) * 8
            _ = tracker.update(
                [TestSightings.person(at: 600 - x), TestSightings.person(at: 100 + x)],
                frameSequence: UInt64(step),
                timeMs: 0
            )
        }
        let tracks = tracker.activeTracks.sorted { $0.id < $1.id }
        #expect(tracks.map(\.hits) == [10, 10])
        #expect(tracks.first?.latest.box.x1 == 528.0)
        #expect(tracks.last?.latest.box.x1 == 172.0)
    }

    @Test("two cameras keep separate tracks and id sequences")
    func camerasAreSeparate() {
        var door = IoUTracker(cameraID: "door", settings: settings)
        var yard = IoUTracker(cameraID: "yard", settings: settings)
        _ = door.update([TestSightings.person(at: 100)], frameSequence: 1, timeMs: 0)
        _ = yard.update([TestSightings.person(at: 100), TestSightings.person(at: 500)], frameSequence: 1, timeMs: 0)
        let next = door.update(
            [TestSightings.person(at: 100), TestSightings.person(at: 800)],
            frameSequence: 2,
            timeMs: 0
        )
        #expect(next.started == [2])
        #expect(door.activeTracks.allSatisfy { $0.cameraID == "door" })
        #expect(yard.activeTracks.allSatisfy { $0.cameraID == "yard" })
        #expect(door.track(id: 1)?.hits == 2)
        #expect(yard.track(id: 1)?.hits == 1)
    }

    @Test("the live track count is bounded")
    func boundedTracks() {
        var tracker = IoUTracker(cameraID: "door", settings: settings, maxTracks: 4)
        var ended = 0
        for step in 0..<10 {
            let update = tracker.update(
                [TestSightings.person(at: Double(step) * 1000)],
                frameSequence: UInt64(step),
                timeMs: 0
            )
            ended += update.ended.count
        }
        #expect(tracker.activeTracks.count == 4)
        #expect(ended == 6)
    }
}
