// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import SecureVisionCore
internal import SecureVisionDetection
internal import SecureVisionStore

/// `securevision enroll`: add faces to the gallery in the event store.
///
/// `--gallery DIR` reads `DIR/<person_id>/*.jpg|png` (the earlier layout; `FACE__GALLERY_PATH`,
/// `./data/faces/trusted`, by default); `--person ID IMAGE...` adds images for one person. Each image must
/// hold exactly one face; re-running is idempotent. Rejected images are listed on standard error; an
/// unreadable image makes the exit status 1 after the others are enrolled.
struct EnrollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll",
        abstract: "Enrol faces into the gallery from a directory or from images of one person."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "A directory of DIR/<person_id>/*.jpg|png (default: FACE__GALLERY_PATH).")
    var gallery: String?

    @Option(help: "Enrol the images given as arguments for this person id.")
    var person: String?

    @Option(help: "The directory holding the model files (default: SECUREVISION__MODELS_DIR, ./models).")
    var models: String?

    @Argument(help: "Images of the person given with --person.")
    var images: [String] = []

    func validate() throws {
        if person != nil {
            guard gallery == nil else { throw ValidationError("use either --gallery or --person, not both") }
            guard !images.isEmpty else { throw ValidationError("--person needs at least one image") }
            guard let person, !person.isEmpty, !person.contains("/") else {
                throw ValidationError("--person must be a non-empty id without '/'")
            }
        } else if !images.isEmpty {
            throw ValidationError("images are only taken with --person ID")
        }
    }

    func run() async throws {
        let configuration = try global.loadConfiguration().configuration
        let store = try StoreOpener.open(configuration)
        let results: [Enroller.FileResult]
        do {
            let enroller = Enroller(
                recognizer: try FaceRecognizer(
                    models: ModelFiles(directory: models ?? configuration.modelsDirectory),
                    settings: configuration.face
                ),
                gallery: store
            )
            if let person {
                results = try await enroller.enroll(personID: person, images: images)
            } else {
                results = try await enroller.enrollDirectory(gallery ?? configuration.face.galleryPath)
            }
        } catch let error as VisionError {
            StandardError.write("securevision: \(error.message)")
            throw ExitStatus.failure
        }
        try await report(results, store: store)
    }

    private func report(_ results: [Enroller.FileResult], store: EventStore) async throws {
        var added = 0
        var failed = false
        for result in results {
            switch result.outcome {
            case .added:
                added += 1
                print("added \(result.personID): \(result.file)")
            case .alreadyEnrolled:
                print("already enrolled \(result.personID): \(result.file)")
            case .rejected(let message):
                StandardError.write("rejected: \(message)")
            case .failed(let message):
                StandardError.write("error: \(message)")
                failed = true
            }
        }
        for personID in Set(results.filter { $0.outcome == .added }.map(\.personID)).sorted() {
            let count = results.filter { $0.personID == personID && $0.outcome == .added }.count
            try await store.appendAudit(
                actor: "cli",
                action: "person.enroll",
                target: personID,
                detail: "\(count) faces",
                clientAddress: nil
            )
        }
        print("\(added) faces added, \(results.count - added) not added")
        if failed { throw ExitStatus.failure }
    }
}
