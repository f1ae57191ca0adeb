// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Where the model files are, by the names `scripts/fetch-models.sh` gives them.
public struct ModelFiles: Sendable, Hashable {
    /// The models directory, `models` beside the working directory by default.
    public var directory: String

    /// Creates the set of model paths under `directory`.
    /// - Parameter directory: The directory holding the model files.
    public init(directory: String = "models") {
        self.directory = directory
    }

    public var faceDetector: String { path("face_detection_yunet_120x160.onnx") }
    public var faceLandmarks: String { path("shape_predictor_5_face_landmarks.dat") }
    public var faceEmbedding: String { path("dlib_face_recognition_resnet_model_v1.dat") }
    public var objectDetector: String { path("yolox_nano.onnx") }
    public var textRecognizer: String { path("en_PP-OCRv3_rec_cv46.onnx") }
    public var textDictionary: String { path("en_dict.txt") }

    /// The plate detector for an input size of 320 or 640.
    /// - Parameter inputSize: The network input size.
    /// - Returns: The model path.
    public func plateDetector(inputSize: Int) -> String { path("y5fu_\(inputSize)x_sim.onnx") }

    /// Throws unless `file` exists, naming it and how to get it.
    /// - Parameter file: A path returned by this type.
    /// - Throws: ``VisionError`` with code `modelLoad`.
    public static func requireExists(_ file: String) throws {
        guard FileManager.default.fileExists(atPath: file) else {
            throw VisionError(.modelLoad, "model file \(file) is missing; run scripts/fetch-models.sh")
        }
    }

    private func path(_ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }
}
