// SPDX-License-Identifier: Apache-2.0

internal import CVisionKit
internal import Foundation
public import SecureVisionCore

/// Finds licence plates (box and four corners) with HyperLPR's y5fu network at 320 or 640.
///
/// The 320 model misses plates that are small in the frame; run it inside vehicle boxes, or use 640.
/// Calls are serialised.
public final class PlateDetector: @unchecked Sendable {
    // Invariant: `handle` is created in init, freed only in deinit, and used only while `lock` is held,
    // so its cv::dnn::Net (not thread-safe) never sees two threads at once.
    private let handle: OpaquePointer
    private let lock = NSLock()
    /// The network input size.
    public let inputSize: Int

    /// Loads the plate detector.
    /// - Parameters:
    ///   - modelPath: `y5fu_320x_sim.onnx` or `y5fu_640x_sim.onnx`.
    ///   - inputSize: The size the model was exported for.
    /// - Throws: ``VisionError`` with code `modelLoad`.
    public init(modelPath: String, inputSize: Int) throws {
        try ModelFiles.requireExists(modelPath)
        _ = NativeCall.configureThreads()
        var created: OpaquePointer?
        try NativeCall.run("plate detector") { sv_plate_detector_create(modelPath, Int32(inputSize), &created, $0) }
        guard let created else { throw VisionError(.modelLoad, "plate detector was not created") }
        handle = created
        self.inputSize = inputSize
    }

    deinit { sv_plate_detector_destroy(handle) }

    /// Detects plates in the image or in one region of it.
    /// - Parameters:
    ///   - image: A BGR image.
    ///   - region: Where to look (such as a vehicle box), or `nil` for the whole image.
    ///   - scoreThreshold: The lowest objectness x class score kept.
    ///   - nmsThreshold: The overlap above which the weaker of two plates is dropped.
    /// - Returns: The plates in the pixels of `image`, best score first.
    /// - Throws: ``VisionError`` when the native call fails.
    public func detect(
        in image: ImageBuffer,
        region: BoundingBox? = nil,
        scoreThreshold: Double = 0.25,
        nmsThreshold: Double = 0.45
    ) throws -> [PlateDetection] {
        let roi = region.map { box in
            (
                x: Int32(box.x1.rounded(.down)), y: Int32(box.y1.rounded(.down)), w: Int32(box.width.rounded(.up)),
                h: Int32(box.height.rounded(.up))
            )
        }
        var plates: UnsafeMutablePointer<sv_plate>?
        var count: Int32 = 0
        try lock.withLock {
            try image.withNativeView { view in
                try NativeCall.run("plate detection") {
                    sv_plate_detector_detect(
                        handle,
                        view,
                        roi?.x ?? 0,
                        roi?.y ?? 0,
                        roi?.w ?? 0,
                        roi?.h ?? 0,
                        Float(scoreThreshold),
                        Float(nmsThreshold),
                        &plates,
                        &count,
                        $0
                    )
                }
            }
        }
        return adoptArray(plates, count: count).map(Self.detection).sorted { $0.score > $1.score }
    }

    private static func detection(_ plate: sv_plate) -> PlateDetection {
        let values = withUnsafeBytes(of: plate.corners) { Array($0.bindMemory(to: Float.self)) }
        let corners = stride(from: 0, to: 8, by: 2).map { ImagePoint(x: Double(values[$0]), y: Double(values[$0 + 1])) }
        return PlateDetection(
            box: BoundingBox(x1: Double(plate.x1), y1: Double(plate.y1), x2: Double(plate.x2), y2: Double(plate.y2)),
            corners: corners,
            score: Double(plate.score),
            isTwoRow: plate.layers == 1
        )
    }
}
