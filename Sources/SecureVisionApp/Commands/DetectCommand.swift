// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import SecureVisionCore
internal import SecureVisionDetection
internal import SecureVisionStore

/// `securevision detect IMAGE... [--json]`: faces, people, vehicles and plates on still images.
///
/// Uses the gallery and plate lists of the configured data directory (and the CSV lists of the `PLATES`
/// settings). An unreadable image is reported and the others are still processed; the exit status is then 1.
struct DetectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Run the detectors on still images and print faces, objects and plates."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The directory holding the model files (default: SECUREVISION__MODELS_DIR, ./models).")
    var models: String?

    @Flag(help: "Print one JSON object per image per line.")
    var json = false

    @Argument(help: "Image files (JPEG, PNG, ...).")
    var images: [String]

    func validate() throws {
        guard !images.isEmpty else { throw ValidationError("give at least one image") }
    }

    func run() async throws {
        let configuration = try global.loadConfiguration().configuration
        let analyzer = try await makeAnalyzer(configuration)
        var failed = false
        for path in images {
            do {
                let analysis = try analyzer.analyze(try ImageCodec.load(contentsOf: path))
                print(json ? try DetectionJSON.line(file: path, analysis: analysis) : Self.text(file: path, analysis))
            } catch let error as VisionError {
                StandardError.write("securevision: \(error.message)")
                failed = true
            }
        }
        if failed { throw ExitStatus.failure }
    }

    private func makeAnalyzer(_ configuration: AppConfiguration) async throws -> StillImageAnalyzer {
        do {
            let store = StoreOpener.databaseExists(configuration) ? try StoreOpener.open(configuration) : nil
            let threshold = configuration.face.similarityThreshold
            var gallery = FaceGallery(embeddings: [], similarityThreshold: threshold)
            if let store { gallery = try await FaceGallery.load(from: store, similarityThreshold: threshold) }
            let normalizer = try PlateTextNormalizer(settings: configuration.plates)
            let lists = try await PlateListMatcher.load(
                settings: configuration.plates,
                repository: store,
                normalizer: normalizer
            )
            return try StillImageAnalyzer(
                models: ModelFiles(directory: models ?? configuration.modelsDirectory),
                face: configuration.face,
                plates: configuration.plates,
                gallery: gallery,
                lists: lists
            )
        } catch let error as VisionError {
            StandardError.write("securevision: \(error.message)")
            throw ExitStatus.failure
        }
    }

    static func text(file: String, _ analysis: ImageAnalysis) -> String {
        var lines = [
            "\(file): \(analysis.faces.count) faces, \(analysis.objects.count) objects, \(analysis.plates.count) plates"
        ]
        for face in analysis.faces {
            let who = face.match.personID ?? "unknown"
            lines.append(
                "  face \(who) similarity=\(fixed(face.match.similarity)) score=\(fixed(face.detection.score)) \(box(face.detection.box))"
            )
        }
        for object in analysis.objects {
            lines.append("  \(object.label.rawValue) score=\(fixed(object.score)) \(box(object.box))")
        }
        for plate in analysis.plates {
            let list = plate.matchedList.map { " list=\($0.rawValue)" } ?? ""
            lines.append(
                "  plate \(plate.textClean ?? "?") raw=\(plate.textRaw) confidence=\(fixed(plate.confidence))\(list) \(box(plate.detection.box))"
            )
        }
        return lines.joined(separator: "\n")
    }

    private static func fixed(_ value: Double) -> String { String(format: "%.2f", value) }

    private static func box(_ box: BoundingBox) -> String {
        "[\(Int(box.x1)),\(Int(box.y1)),\(Int(box.x2)),\(Int(box.y2))]"
    }
}

/// The `detect --json` line: `{"file", "faces", "objects", "plates"}` with snake_case keys and explicit nulls.
enum DetectionJSON {
    static func line(file: String, analysis: ImageAnalysis) throws -> String {
        let object: [String: Any] = [
            "file": file,
            "faces": analysis.faces.map { face -> [String: Any] in
                [
                    "box": box(face.detection.box),
                    "score": face.detection.score,
                    "landmarks": face.detection.landmarks.map { [$0.x, $0.y] },
                    "person_id": face.match.personID ?? NSNull(),
                    "similarity": face.match.similarity,
                ]
            },
            "objects": analysis.objects.map { object -> [String: Any] in
                ["label": object.label.rawValue, "box": box(object.box), "score": object.score]
            },
            "plates": analysis.plates.map { plate -> [String: Any] in
                [
                    "box": box(plate.detection.box),
                    "corners": plate.detection.corners.map { [$0.x, $0.y] },
                    "text_raw": plate.textRaw,
                    "text_clean": plate.textClean ?? NSNull(),
                    "confidence": plate.confidence,
                    "matched_list": plate.matchedList?.rawValue ?? NSNull(),
                ]
            },
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    private static func box(_ box: BoundingBox) -> [String: Double] {
        ["x1": box.x1, "y1": box.y1, "x2": box.x2, "y2": box.y2]
    }
}
