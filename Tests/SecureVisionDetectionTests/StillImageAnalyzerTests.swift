// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import SecureVisionDetection
import Testing

@Suite("Everything on one still image")
struct StillImageAnalyzerTests {
    @Test("a large portrait is analysed at 1280 and reported in its own pixels")
    func largePortrait() throws {
        let faces = try Shared.faces.get()
        let image = try TestData.image("obama3.jpg")
        let enrolled = FaceEmbedding(
            id: 1,
            personID: "obama",
            vector: try faces.embedder.embed(
                try TestData.image("obama.jpg"),
                box: try #require(try faces.detector.detect(in: try TestData.image("obama.jpg")).first).box
            ),
            source: nil,
            sourceDigest: nil,
            createdAtMs: 0
        )
        let analyzer = try StillImageAnalyzer(
            models: TestData.models,
            face: FaceSettings(),
            plates: PlateSettings(),
            gallery: FaceGallery(embeddings: [enrolled], similarityThreshold: 0.4),
            lists: PlateListMatcher()
        )
        let analysis = try analyzer.analyze(image)
        let face = try #require(analysis.faces.first)
        #expect(analysis.faces.count == 1)
        #expect(face.match.personID == "obama")
        // Reported in obama3.jpg's 1434x2333 pixels, not the 787x1280 analysis image.
        #expect(face.detection.box.x2 > 800 || face.detection.box.y2 > 1280)
        #expect(face.detection.box.x2 <= Double(image.width) + 1)
        #expect(analysis.objects.contains { $0.label == .person })
        #expect(analysis.plates.isEmpty)
    }
}
