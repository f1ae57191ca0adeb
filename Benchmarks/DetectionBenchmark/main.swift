// SPDX-License-Identifier: Apache-2.0
//
// Milliseconds per call of every detection stage, and accuracy on the test images.
// Run in release: swift build -c release --product DetectionBenchmark && .build/release/DetectionBenchmark [ROOT]
// ROOT holds models/ and test-data/ (scripts/fetch-models.sh, scripts/fetch-test-data.sh); default ".".

import Foundation
import SecureVisionCore
import SecureVisionDetection

let root = CommandLine.arguments.dropFirst().first ?? "."
let models = ModelFiles(directory: root + "/models")
func image(_ name: String) throws -> ImageBuffer { try ImageCodec.load(contentsOf: root + "/test-data/" + name) }

do {
    let faces = try FaceRecognizer(models: models, settings: FaceSettings())
    let objects = try ObjectDetector(modelPath: models.objectDetector)
    var plateSettings = PlateSettings()
    let reader320 = try PlateReader(models: models, settings: plateSettings, lists: PlateListMatcher())
    plateSettings.detector.inputSize = 640
    let reader640 = try PlateReader(models: models, settings: plateSettings, lists: PlateListMatcher())
    let stopwatch = Stopwatch()

    print("# Detection benchmark\n")
    print("OpenCV threads: \(NativeThreads.current); cores: \(ProcessInfo.processInfo.activeProcessorCount); ")
    print("OpenBLAS threads (dlib): \(ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] ?? "default"); ")
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
    print(
        "load average at start: \(load?.joined(separator: " ") ?? "unknown") (other work on the machine slows every stage)\n"
    )
    let table = Table(["stage", "input", "median ms", "mean ms"])

    let portrait = try image("obama2.jpg")
    for size in [PixelSize(width: 640, height: 360), PixelSize(width: 1280, height: 720)] {
        let frame = try ImageCodec.resize(portrait, to: size)
        let timing = try stopwatch.measure { _ = try faces.detector.detect(in: frame) }
        table.row([
            "face detection (YuNet)", "\(size.width)x\(size.height)", format(timing.median), format(timing.mean),
        ])
    }
    let face = try faces.detector.detect(in: portrait).first.map(\.box) ?? BoundingBox(x1: 0, y1: 0, x2: 1, y2: 1)
    let embedding = try stopwatch.measure { _ = try faces.embedder.embed(portrait, box: face) }
    table.row(["face embedding (dlib ResNet)", "per face", format(embedding.median), format(embedding.mean)])

    let street = try image("vtest_frame100.png")
    let yolox = try stopwatch.measure { _ = try objects.detect(in: street) }
    table.row(["objects (YOLOX-Nano 416)", "768x576", format(yolox.median), format(yolox.mean)])

    let scene = try PlateScenes.make(root: root, carScale: 0.5, count: 1)[0]
    let vehicles = try objects.detect(in: scene.image)
    for (name, reader) in [("320", reader320), ("640", reader640)] {
        var full = reader
        full.searchArea = .fullFrame
        let timing = try stopwatch.measure { _ = try full.detect(in: scene.image) }
        table.row(["plate detection \(name), full frame", "1280x720", format(timing.median), format(timing.mean)])
    }
    var inVehicles = reader320
    inVehicles.searchArea = .vehicles
    let vehicleTiming = try stopwatch.measure { _ = try inVehicles.detect(in: scene.image, vehicles: vehicles) }
    table.row([
        "plate detection 320, in \(vehicles.filter(\.label.isVehicle).count) vehicle boxes", "1280x720",
        format(vehicleTiming.median), format(vehicleTiming.mean),
    ])
    if let plate = try reader320.detect(in: scene.image, vehicles: vehicles).first {
        let ocr = try stopwatch.measure { _ = try reader320.read(plate, in: scene.image) }
        table.row(["plate OCR (PP-OCRv3) incl. rectification", "per plate", format(ocr.median), format(ocr.mean)])
    }

    try Accuracy.faces(faces, root: root)
    try Accuracy.plates(root: root, objects: objects, reader320: reader320, reader640: reader640)
} catch {
    FileHandle.standardError.write(Data("DetectionBenchmark: \(error)\n".utf8))
    exit(1)
}
