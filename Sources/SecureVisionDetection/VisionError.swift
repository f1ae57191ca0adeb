// SPDX-License-Identifier: Apache-2.0

/// An error from the detection module: a model that did not load, an image that did not decode,
/// an inference failure, or invalid input.
public struct VisionError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Wrapped: Hashable, Sendable {
            case invalidArgument, modelLoad, decode, inference, outOfMemory, io, internalError
        }

        fileprivate let wrapped: Wrapped

        /// A caller passed something unusable (an empty box, a bad size).
        public static let invalidArgument = Code(wrapped: .invalidArgument)
        /// A model file is missing or did not load.
        public static let modelLoad = Code(wrapped: .modelLoad)
        /// An image is empty, corrupt or in an unknown format.
        public static let decode = Code(wrapped: .decode)
        /// A network failed while running.
        public static let inference = Code(wrapped: .inference)
        /// The native library ran out of memory.
        public static let outOfMemory = Code(wrapped: .outOfMemory)
        /// A file could not be read.
        public static let io = Code(wrapped: .io)
        /// Anything else from the native library.
        public static let internalError = Code(wrapped: .internalError)

        public var description: String {
            switch wrapped {
            case .invalidArgument: "invalid argument"
            case .modelLoad: "model load"
            case .decode: "decode"
            case .inference: "inference"
            case .outOfMemory: "out of memory"
            case .io: "io"
            case .internalError: "internal"
            }
        }
    }

    public let code: Code
    /// A human-readable explanation without paths from inside the native library.
    public let message: String
    /// Where the error was raised in this module.
    public let location: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: What went wrong.
    ///   - fileID: The raising file, filled in by the compiler.
    ///   - line: The raising line, filled in by the compiler.
    public init(_ code: Code, _ message: String, fileID: StaticString = #fileID, line: UInt = #line) {
        self.code = code
        self.message = message
        self.location = "\(fileID):\(line)"
    }

    public var description: String { message }
}
