// SPDX-License-Identifier: Apache-2.0

internal import CVisionKit
internal import Foundation
public import SecureVisionCore

/// Reads one line of text with the PP-OCRv3 English recogniser (converted for OpenCV 4.6).
///
/// The plate is rectified from its four corners to its true aspect (not the corner distances, which
/// squash a plate seen at an angle), scaled to height 48, normalised to -1...1 and zero-padded to 320;
/// the output is decoded greedily (CTC, index 0 blank). Calls are serialised.
public final class TextRecognizer: @unchecked Sendable {
    // Invariant: `handle` is created in init, freed only in deinit, and used only while `lock` is held,
    // so its cv::dnn::Net (not thread-safe) never sees two threads at once.
    private let handle: OpaquePointer
    private let lock = NSLock()

    /// What the recogniser read.
    public struct Reading: Sendable, Hashable {
        /// The text as decoded, every dictionary character included.
        public var text: String
        /// The mean probability of the decoded characters, 0...1.
        public var confidence: Double
    }

    /// Loads the recogniser.
    /// - Parameters:
    ///   - modelPath: `en_PP-OCRv3_rec_cv46.onnx`.
    ///   - dictionaryPath: `en_dict.txt`.
    /// - Throws: ``VisionError`` with code `modelLoad`.
    public init(modelPath: String, dictionaryPath: String) throws {
        try ModelFiles.requireExists(modelPath)
        try ModelFiles.requireExists(dictionaryPath)
        _ = NativeCall.configureThreads()
        var created: OpaquePointer?
        try NativeCall.run("text recogniser") {
            sv_text_recognizer_create(modelPath, dictionaryPath, &created, $0)
        }
        guard let created else { throw VisionError(.modelLoad, "text recogniser was not created") }
        handle = created
    }

    deinit { sv_text_recognizer_destroy(handle) }

    /// Rectifies a quadrilateral and reads it.
    /// - Parameters:
    ///   - image: The BGR image the plate was found in.
    ///   - corners: Top-left, top-right, bottom-right, bottom-left, in the pixels of `image`.
    ///   - aspect: The width-to-height ratio of the real plate (about 3.1 for a one-row plate).
    /// - Returns: The text and its confidence.
    /// - Throws: ``VisionError`` when the native call fails.
    public func read(_ image: ImageBuffer, corners: [ImagePoint], aspect: Double = 3.1) throws -> Reading {
        guard corners.count == 4 else { throw VisionError(.invalidArgument, "a plate needs four corners") }
        let quad = corners.flatMap { [Float($0.x), Float($0.y)] }
        var text = [CChar](repeating: 0, count: 128)
        var confidence: Float = 0
        try lock.withLock {
            try image.withNativeView { view in
                try text.withUnsafeMutableBufferPointer { output in
                    try NativeCall.run("text recognition") {
                        sv_text_recognizer_read(
                            handle,
                            view,
                            quad,
                            Float(aspect),
                            output.baseAddress,
                            output.count,
                            &confidence,
                            $0
                        )
                    }
                }
            }
        }
        let bytes = text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return Reading(text: String(decoding: bytes, as: UTF8.self), confidence: Double(confidence))
    }
}
