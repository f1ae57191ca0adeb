// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import SecureVisionDetection
import Testing

@Suite("Face embedding and gallery matching")
struct FaceRecognitionTests {
    private func embedding(_ name: String) throws -> [Float] {
        let recognizer = try Shared.faces.get()
        let image = try TestData.image(name)
        let face = try #require(try recognizer.detector.detect(in: image).first, "no face on \(name)")
        return try recognizer.embedder.embed(image, box: face.box)
    }

    @Test("same person is near, different people are far")
    func distances() throws {
        let obama = try embedding("obama.jpg")
        let obama2 = try embedding("obama2.jpg")
        let biden = try embedding("biden.jpg")
        #expect(obama.count == 128)
        let same = FaceGallery.distance(obama, obama2)
        let different = FaceGallery.distance(obama, biden)
        #expect(same < 0.5, "obama/obama2 \(same)")
        #expect(different > 0.7, "obama/biden \(different)")
    }

    @Test("obama2 matches the enrolled obama and biden is unknown")
    func gallery() throws {
        let enrolled = FaceEmbedding(
            id: 1,
            personID: "obama",
            vector: try embedding("obama.jpg"),
            source: "obama.jpg",
            sourceDigest: nil,
            createdAtMs: 0
        )
        let gallery = FaceGallery(embeddings: [enrolled], similarityThreshold: FaceSettings().similarityThreshold)
        let recognizer = try Shared.faces.get()

        let known = try recognizer.recognize(in: try TestData.image("obama2.jpg"), gallery: gallery)
        #expect(known.count == 1)
        #expect(known.first?.match.personID == "obama")
        #expect((known.first?.match.similarity ?? 0) >= 0.4)

        let stranger = try recognizer.recognize(in: try TestData.image("biden.jpg"), gallery: gallery)
        #expect(stranger.count == 1)
        #expect(stranger.first?.match.personID == nil)
        #expect(stranger.first?.match.nearestPersonID == "obama")
    }

    @Test("a stricter threshold turns a match into unknown")
    func threshold() throws {
        let vector = try embedding("obama.jpg")
        let enrolled = FaceEmbedding(
            id: 1,
            personID: "obama",
            vector: vector,
            source: nil,
            sourceDigest: nil,
            createdAtMs: 0
        )
        let other = try embedding("obama2.jpg")
        #expect(FaceGallery(embeddings: [enrolled], similarityThreshold: 0.4).match(other).isKnown)
        #expect(!FaceGallery(embeddings: [enrolled], similarityThreshold: 0.99).match(other).isKnown)
        #expect(FaceGallery(embeddings: [], similarityThreshold: 0.4).match(other) == .unknown)
    }
}
