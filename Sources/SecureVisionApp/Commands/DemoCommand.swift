// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import SecureVisionCore
internal import SecureVisionDetection
internal import SecureVisionStore

/// `securevision demo`: the product on a recorded clip, with nothing to set up.
///
/// It enrols a person from one photo, puts a plate on the deny list (both idempotent, both audited),
/// and serves the clip as a looping camera named `demo`, replacing any configured cameras. Everything
/// else (data directory, API, token) comes from the usual configuration, so the demo is the real server.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Serve a looping clip as a camera, with a person enrolled and a plate on the deny list."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The video file served as the looping camera `demo`.")
    var clip: String

    @Option(help: "A photo of the person to enrol (a different photo from the one in the clip).")
    var personPhoto: String

    @Option(help: "The id the person is enrolled under.")
    var personID = "demo-person"

    @Option(help: "A plate to put on the deny list.")
    var denyPlate = "KX19ABC"

    @OptionGroup var listen: ListenOptions

    @Option(help: "Frames analysed per second of the demo camera.")
    var fps = 5

    func run() async throws {
        var loaded = try global.loadConfiguration(flags: listen.flags)
        listen.apply(to: &loaded)
        var camera = CameraSettings(id: "demo", name: "Demo clip", fpsTarget: max(1, fps))
        camera.sourceType = .file
        camera.url = clip
        camera.loop = true
        loaded.configuration.cameras = [camera]
        try await prepare(loaded.configuration)
        let demo = loaded
        // A demo has nothing to reload; SIGHUP keeps the same camera.
        try await ListenOptions.serve(loaded) { demo }
    }

    /// Enrols the person and lists the plate, in a store that is closed again before serving opens it.
    private func prepare(_ configuration: AppConfiguration) async throws {
        let store = try StoreOpener.open(configuration)
        do {
            let enroller = Enroller(
                recognizer: try FaceRecognizer(
                    models: ModelFiles(directory: configuration.modelsDirectory),
                    settings: configuration.face
                ),
                gallery: store
            )
            for result in try await enroller.enroll(personID: personID, images: [personPhoto]) {
                switch result.outcome {
                case .added:
                    print("demo: enrolled \(personID) from \(personPhoto)")
                    try await store.appendAudit(
                        actor: "cli",
                        action: "person.enroll",
                        target: personID,
                        detail: "demo",
                        clientAddress: nil
                    )
                case .alreadyEnrolled:
                    print("demo: \(personID) is already enrolled")
                case .rejected(let message), .failed(let message):
                    StandardError.write("securevision: the demo person was not enrolled: \(message)")
                    throw ExitStatus.failure
                }
            }
        } catch let error as VisionError {
            StandardError.write("securevision: \(error.message) (run `make models`)")
            throw ExitStatus.failure
        }
        if try await store.addPlate(denyPlate, to: .deny, note: "demo") {
            print("demo: \(denyPlate) added to the deny list")
            try await store.appendAudit(
                actor: "cli",
                action: "plate_list.add",
                target: "\(PlateList.deny.rawValue):\(denyPlate)",
                detail: "demo",
                clientAddress: nil
            )
        }
    }
}
