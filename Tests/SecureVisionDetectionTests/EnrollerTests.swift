// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore
import SecureVisionDetection
import Testing

@Suite("Enrolment into the gallery")
struct EnrollerTests {
    private func makeEnroller(_ gallery: InMemoryGallery) throws -> Enroller {
        let faces = try Shared.faces.get()
        return Enroller(gallery: gallery, detector: faces.detector, embedder: faces.embedder)
    }

    /// A scratch directory removed by the caller.
    private func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "enroll-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("a gallery directory enrols each person; a second run is a no-op; obama2 then matches")
    func directory() async throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/obama", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/biden", withIntermediateDirectories: true)
        try manager.copyItem(atPath: TestData.path("obama.jpg"), toPath: root + "/obama/1.jpg")
        try manager.copyItem(atPath: TestData.path("obama3.jpg"), toPath: root + "/obama/2.jpg")
        try manager.copyItem(atPath: TestData.path("biden.jpg"), toPath: root + "/biden/a.jpg")
        try Data("not an image".utf8).write(to: URL(fileURLWithPath: root + "/obama/notes.txt"))

        let gallery = InMemoryGallery()
        let enroller = try makeEnroller(gallery)
        let first = try await enroller.enrollDirectory(root)
        #expect(first.map(\.outcome) == [.added, .added, .added])
        #expect(try await gallery.people().map(\.faceCount) == [1, 2])

        let second = try await enroller.enrollDirectory(root)
        #expect(second.map(\.outcome) == [.alreadyEnrolled, .alreadyEnrolled, .alreadyEnrolled])
        #expect(try await gallery.faces().count == 3)

        let matcher = try await FaceGallery.load(from: gallery, similarityThreshold: 0.4)
        let faces = try Shared.faces.get().recognize(in: try TestData.image("obama2.jpg"), gallery: matcher)
        #expect(faces.first?.match.personID == "obama")
    }

    @Test("images with no face or two faces are rejected naming the file")
    func rejections() async throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let pair = try ImageComposer.sideBySide(
            [try TestData.image("obama.jpg"), try TestData.image("biden.jpg")],
            height: 480
        )
        let pairPath = root + "/pair.jpg"
        try ImageCodec.encodeJPEG(pair).write(to: URL(fileURLWithPath: pairPath))

        let gallery = InMemoryGallery()
        let results = try await makeEnroller(gallery).enroll(
            personID: "someone",
            images: [TestData.path("coffee.png"), pairPath]
        )
        guard case .rejected(let noFace) = results[0].outcome, case .rejected(let twoFaces) = results[1].outcome else {
            Issue.record("expected two rejections, got \(results.map(\.outcome))")
            return
        }
        #expect(noFace.contains("coffee.png") && noFace.contains("no face"))
        #expect(twoFaces.contains("pair.jpg") && twoFaces.contains("2 faces"))
        #expect(try await gallery.people().isEmpty)
    }

    @Test("corrupt, empty and missing files are errors, not crashes")
    func unreadable() async throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let corrupt = root + "/corrupt.jpg"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: TestData.path("obama.jpg")))
        bytes = bytes.prefix(200) + Data(repeating: 0x42, count: 5000)
        try bytes.write(to: URL(fileURLWithPath: corrupt))
        let empty = root + "/empty.png"
        try Data().write(to: URL(fileURLWithPath: empty))

        let results = try await makeEnroller(InMemoryGallery()).enroll(
            personID: "obama",
            images: [corrupt, empty, root + "/missing.jpg", TestData.path("obama.jpg")]
        )
        #expect(results.count == 4)
        for (result, name) in zip(results.prefix(3), ["corrupt.jpg", "empty.png", "missing.jpg"]) {
            guard case .failed(let message) = result.outcome else {
                Issue.record("\(name): \(result.outcome)")
                continue
            }
            #expect(message.contains(name))
        }
        #expect(results[3].outcome == .added)
    }
}
