// SPDX-License-Identifier: Apache-2.0

public import Foundation
public import SecureVisionCore

/// Adds people's faces to the gallery from image files.
///
/// Each image must hold exactly one face. Re-enrolling the same file is a no-op: the embedding is keyed by
/// the person and the SHA-256 of the file's bytes.
public struct Enroller: Sendable {
    /// What happened to one image.
    public enum Outcome: Sendable, Hashable {
        /// A new embedding was stored.
        case added
        /// The same image was already enrolled for this person.
        case alreadyEnrolled
        /// The image holds no face or more than one; the message names the file.
        case rejected(String)
        /// The image could not be read or decoded; the message names the file.
        case failed(String)
    }

    /// One image's result.
    public struct FileResult: Sendable, Hashable {
        public var personID: String
        public var file: String
        public var outcome: Outcome
    }

    private let gallery: any GalleryRepository
    private let detector: FaceDetector
    private let embedder: FaceEmbedder
    /// The smallest face, in pixels, that may be enrolled.
    public var minFaceSize: Int

    /// Creates an enroller over a gallery.
    /// - Parameters:
    ///   - gallery: Where people and embeddings are stored.
    ///   - detector: The face detector.
    ///   - embedder: The face embedder.
    ///   - minFaceSize: Smaller faces do not count.
    public init(gallery: any GalleryRepository, detector: FaceDetector, embedder: FaceEmbedder, minFaceSize: Int = 40) {
        self.gallery = gallery
        self.detector = detector
        self.embedder = embedder
        self.minFaceSize = minFaceSize
    }

    /// Makes an enroller over the face models of `recognizer`, with its minimum face size.
    /// - Parameters:
    ///   - recognizer: The face detector and embedder.
    ///   - gallery: Where people and embeddings are stored.
    public init(recognizer: FaceRecognizer, gallery: any GalleryRepository) {
        self.init(
            gallery: gallery,
            detector: recognizer.detector,
            embedder: recognizer.embedder,
            minFaceSize: recognizer.minFaceSize
        )
    }

    /// Enrols a directory laid out as `DIR/<person_id>/*.jpg|jpeg|png`.
    /// - Parameter directory: The gallery directory (the earlier `./data/faces/trusted`).
    /// - Returns: One result per image, by person then file name.
    /// - Throws: ``VisionError`` with code `io` when the directory cannot be listed, or a store error.
    public func enrollDirectory(_ directory: String) async throws -> [FileResult] {
        let manager = FileManager.default
        let people: [String]
        do {
            people = try manager.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw VisionError(.io, "cannot list gallery directory \(directory)")
        }
        var results: [FileResult] = []
        for person in people where !person.hasPrefix(".") {
            let folder = (directory as NSString).appendingPathComponent(person)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let files = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
            let images = files.filter { Self.isImageName($0) }.sorted().map {
                (folder as NSString).appendingPathComponent($0)
            }
            results += try await enroll(personID: person, images: images)
        }
        return results
    }

    /// Enrols images of one person, creating the person when new.
    /// - Parameters:
    ///   - personID: The person's id (also the display name of a new person).
    ///   - images: Image files, each with exactly one face.
    /// - Returns: One result per image, in order.
    /// - Throws: A store error; image problems are reported per file instead.
    public func enroll(personID: String, images: [String]) async throws -> [FileResult] {
        var results: [FileResult] = []
        var personExists = false
        var digests = Set(try await gallery.faces().filter { $0.personID == personID }.compactMap(\.sourceDigest))
        for file in images {
            let prepared = prepare(file)
            guard case .success(let (vector, digest)) = prepared else {
                if case .failure(let failure) = prepared {
                    results.append(FileResult(personID: personID, file: file, outcome: failure.outcome))
                }
                continue
            }
            if !personExists {
                if try await !gallery.people().contains(where: { $0.id == personID }) {
                    _ = try await gallery.upsertPerson(id: personID, displayName: personID)
                }
                personExists = true
            }
            let before = digests.contains(digest)
            digests.insert(digest)
            _ = try await gallery.addFace(
                personID: personID,
                vector: vector,
                source: (file as NSString).lastPathComponent,
                sourceDigest: digest
            )
            results.append(FileResult(personID: personID, file: file, outcome: before ? .alreadyEnrolled : .added))
        }
        return results
    }

    /// One image made ready for the gallery: its embedding and digest, or why it cannot be used.
    public enum PreparedImage: Sendable {
        case face(vector: [Float], digest: String)
        case unusable(Outcome)
    }

    /// Decodes an image given as bytes (an upload), finds exactly one face and embeds it.
    ///
    /// Blocking native work: call it from a thread that may block, not from the cooperative pool.
    /// - Parameters:
    ///   - imageData: The encoded image.
    ///   - source: A name for the image in messages, such as the uploaded file name.
    /// - Returns: The embedding, or the rejection with its reason.
    public func prepare(imageData: Data, source: String) -> PreparedImage {
        switch prepare(imageData, name: source) {
        case .success(let (vector, digest)): .face(vector: vector, digest: digest)
        case .failure(let rejection): .unusable(rejection.outcome)
        }
    }

    /// Stores a prepared face for `personID`, creating the person (named `displayName`) when new.
    /// - Returns: `.added`, or `.alreadyEnrolled` when this image was enrolled for the person before.
    /// - Throws: A store error.
    public func store(vector: [Float], digest: String, personID: String, displayName: String?, source: String)
        async throws -> Outcome
    {
        let existing = try await gallery.faces().contains { $0.personID == personID && $0.sourceDigest == digest }
        if try await !gallery.people().contains(where: { $0.id == personID }) {
            _ = try await gallery.upsertPerson(id: personID, displayName: displayName ?? personID)
        }
        _ = try await gallery.addFace(personID: personID, vector: vector, source: source, sourceDigest: digest)
        return existing ? .alreadyEnrolled : .added
    }

    private struct Rejection: Error {
        var outcome: Outcome
    }

    private func prepare(_ file: String) -> Result<([Float], String), Rejection> {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            return .failure(Rejection(outcome: .failed("\(file): cannot be read")))
        }
        return prepare(data, name: file)
    }

    /// Decodes `data`, finds exactly one face and embeds it; blocking native work.
    private func prepare(_ data: Data, name file: String) -> Result<([Float], String), Rejection> {
        do {
            let image = try ImageCodec.decode(data)
            let faces = try detector.detect(in: image, minFaceSize: minFaceSize)
            guard faces.count == 1, let face = faces.first else {
                let reason = faces.isEmpty ? "no face found" : "\(faces.count) faces found, expected one"
                return .failure(Rejection(outcome: .rejected("\(file): \(reason)")))
            }
            return .success((try embedder.embed(image, box: face.box), SHA256.hex(data)))
        } catch {
            return .failure(Rejection(outcome: .failed("\(file): \(error)")))
        }
    }

    private static func isImageName(_ name: String) -> Bool {
        ["jpg", "jpeg", "png"].contains((name as NSString).pathExtension.lowercased())
    }
}
