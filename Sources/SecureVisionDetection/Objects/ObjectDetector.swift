// SPDX-License-Identifier: Apache-2.0

internal import CVisionKit
internal import Foundation
public import SecureVisionCore

/// Finds people and vehicles with YOLOX-Nano (COCO) through OpenCV DNN.
///
/// Preprocessing is YOLOX's own: BGR letterbox at the top-left with pad 114 and no normalisation; the raw
/// grid outputs are decoded with strides 8, 16 and 32, and NMS runs per class. Calls are serialised.
public final class ObjectDetector: @unchecked Sendable {
    // Invariant: `handle` is created in init, freed only in deinit, and used only while `lock` is held,
    // so its cv::dnn::Net (not thread-safe) never sees two threads at once.
    private let handle: OpaquePointer
    private let lock = NSLock()
    /// The lowest score kept.
    public let scoreThreshold: Double
    /// The overlap above which the weaker of two boxes of one class is dropped.
    public let nmsThreshold: Double

    /// Loads YOLOX.
    /// - Parameters:
    ///   - modelPath: `yolox_nano.onnx`.
    ///   - inputSize: The network input size (416 for YOLOX-Nano).
    ///   - scoreThreshold: The lowest objectness x class score kept.
    ///   - nmsThreshold: The per-class NMS overlap.
    /// - Throws: ``VisionError`` with code `modelLoad`.
    public init(
        modelPath: String,
        inputSize: Int = 416,
        scoreThreshold: Double = 0.35,
        nmsThreshold: Double = 0.45
    ) throws {
        try ModelFiles.requireExists(modelPath)
        _ = NativeCall.configureThreads()
        var created: OpaquePointer?
        try NativeCall.run("object detector") { sv_object_detector_create(modelPath, Int32(inputSize), &created, $0) }
        guard let created else { throw VisionError(.modelLoad, "object detector was not created") }
        handle = created
        self.scoreThreshold = scoreThreshold
        self.nmsThreshold = nmsThreshold
    }

    deinit { sv_object_detector_destroy(handle) }

    /// Detects objects of the given labels.
    /// - Parameters:
    ///   - image: A BGR image.
    ///   - labels: The labels to keep; every SecureVision label by default.
    /// - Returns: The objects in the pixels of `image`, best score first.
    /// - Throws: ``VisionError`` when the native call fails.
    public func detect(
        in image: ImageBuffer,
        labels: Set<ObjectLabel> = Set(ObjectLabel.allCases)
    ) throws -> [ObjectDetection] {
        var mask = [UInt8](repeating: 0, count: 80)
        for label in labels { mask[label.cocoIndex] = 1 }
        var objects: UnsafeMutablePointer<sv_object>?
        var count: Int32 = 0
        try lock.withLock {
            try image.withNativeView { view in
                try mask.withUnsafeBufferPointer { classes in
                    try NativeCall.run("object detection") {
                        sv_object_detector_detect(
                            handle,
                            view,
                            Float(scoreThreshold),
                            Float(nmsThreshold),
                            classes.baseAddress,
                            &objects,
                            &count,
                            $0
                        )
                    }
                }
            }
        }
        return adoptArray(objects, count: count)
            .compactMap { object in
                ObjectLabel(cocoIndex: Int(object.class_id)).map { label in
                    ObjectDetection(
                        label: label,
                        box: BoundingBox(
                            x1: Double(object.x1),
                            y1: Double(object.y1),
                            x2: Double(object.x2),
                            y2: Double(object.y2)
                        ),
                        score: Double(object.score)
                    )
                }
            }
            .sorted { $0.score > $1.score }
    }
}
