// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import SecureVisionPipeline
import Testing

@Suite("Plate vote and face consensus")
struct ConsensusTests {
    private static let noisyReads = ["ABC123", "A8C123", "ABC123", "ABC123"]

    private func confirmer(agreement: Double = 0.6, maxAge: Int = 3) -> TrackConfirmer {
        var tracking = TrackingSettings()
        tracking.ocrAgreementThreshold = agreement
        tracking.maxAgeFrames = maxAge
        return TrackConfirmer(cameraID: "gate", tracking: tracking, face: FaceSettings())
    }

    @Test("noisy OCR decides ABC123 at 0.6 and nothing at 0.9")
    func plateVote() {
        var vote = PlateVote()
        for text in Self.noisyReads { vote.add(PlateTextRead(textRaw: text, textClean: text, confidence: 0.9)) }
        let verdict = vote.verdict(agreementThreshold: 0.6)
        #expect(verdict?.textClean == "ABC123")
        #expect(verdict?.votes == 3)
        #expect(verdict?.totalVotes == 4)
        #expect(abs((verdict?.agreement ?? 0) - 0.75) < 1e-9)
        #expect(vote.verdict(agreementThreshold: 0.9) == nil)
    }

    @Test("votes are weighted by OCR confidence, and unusable reads do not vote")
    func plateWeighting() {
        var vote = PlateVote()
        vote.add(PlateTextRead(textRaw: "ABC123", textClean: "ABC123", confidence: 0.95))
        vote.add(PlateTextRead(textRaw: "A8C123", textClean: "A8C123", confidence: 0.3))
        vote.add(PlateTextRead(textRaw: "A8C123", textClean: "A8C123", confidence: 0.3))
        vote.add(PlateTextRead(textRaw: "AB", textClean: nil, confidence: 0.9))
        #expect(vote.readCount == 3)
        #expect(vote.verdict(agreementThreshold: 0.6)?.textClean == "ABC123")
        #expect(vote.verdict(agreementThreshold: 0.6, minimumReads: 4) == nil)
    }

    @Test("a plate track decides once through the confirmer, at 0.6 but not at 0.9")
    func plateTrack() {
        let frames = Self.noisyReads.enumerated().map { [TestSightings.plate($1, at: 400 + Double($0) * 5)] }
        let trailing = [[TrackObservation]](repeating: [], count: 5)
        var loose = confirmer(agreement: 0.6)
        let decided = TestSightings.run(&loose, frames: frames + trailing)
        #expect(decided.count == 1)
        guard case .plate(let verdict) = decided.first?.outcome else {
            Issue.record("expected a plate decision")
            return
        }
        #expect(verdict.textClean == "ABC123")
        var strict = confirmer(agreement: 0.9)
        #expect(TestSightings.run(&strict, frames: frames + trailing).isEmpty)
    }

    @Test("obama four times and unknown once is obama")
    func faceConsensus() {
        var consensus = FaceConsensus()
        for person in ["obama", "obama", nil, "obama", "obama"] {
            consensus.add(FaceCandidate(personID: person, similarity: 0.62, faceSize: 90, quality: 0.9))
        }
        let verdict = consensus.knownVerdict(similarityThreshold: 0.4)
        #expect(verdict?.personID == "obama")
        #expect(verdict?.votes == 4)
        #expect(consensus.knownVerdict(similarityThreshold: 0.7) == nil)
    }

    @Test("unknown votes count against a person, weighted by size and quality")
    func unknownOutweighs() {
        var consensus = FaceConsensus()
        consensus.add(FaceCandidate(personID: "obama", similarity: 0.5, faceSize: 30, quality: 0.6))
        consensus.add(FaceCandidate(personID: "obama", similarity: 0.5, faceSize: 30, quality: 0.6))
        consensus.add(FaceCandidate(personID: nil, similarity: 0.1, faceSize: 120, quality: 0.95))
        #expect(consensus.knownVerdict(similarityThreshold: 0.4) == nil)
        #expect(consensus.unknownVerdict()?.personID == nil)
        #expect(consensus.unknownVerdict()?.similarity == 0.5)
    }

    @Test("a face track decides obama once, even as it continues")
    func faceTrackOnce() {
        var faces: [[TrackObservation]] = ["obama", "obama", nil, "obama", "obama"].enumerated().map {
            [TestSightings.face($1, at: 200 + Double($0) * 4)]
        }
        faces += (0..<20).map { [TestSightings.face("obama", at: 220 + Double($0) * 2)] }
        var confirmer = confirmer()
        var decisions = TestSightings.run(&confirmer, frames: faces)
        decisions += confirmer.finish()
        #expect(decisions.count == 1)
        guard case .knownFace(let verdict) = decisions.first?.outcome else {
            Issue.record("expected a known face")
            return
        }
        #expect(verdict.personID == "obama")
        #expect(decisions.first?.cooldownKey == .person("obama"))
    }

    @Test("a face track with no winner is unknown when it ends")
    func unknownFaceTrack() {
        let faces = (0..<4).map { [TestSightings.face(nil, at: 200 + Double($0) * 4)] }
        var confirmer = confirmer()
        let live = TestSightings.run(&confirmer, frames: faces)
        #expect(live.isEmpty)
        let ended = TestSightings.run(&confirmer, frames: [[], [], []], startSequence: 10)
        #expect(ended.count == 1)
        guard case .unknownFace = ended.first?.outcome else {
            Issue.record("expected an unknown face")
            return
        }
        #expect(ended.first?.cooldownKey == nil)
    }

    @Test("an unconfirmed track never decides")
    func unconfirmedNeverDecides() {
        var confirmer = confirmer()
        var decisions = TestSightings.run(
            &confirmer,
            frames: [[TestSightings.face("obama")], [TestSightings.face("obama")]]
        )
        decisions += confirmer.finish()
        #expect(decisions.isEmpty)
    }
}
