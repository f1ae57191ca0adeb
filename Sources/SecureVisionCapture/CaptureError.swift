// SPDX-License-Identifier: Apache-2.0

internal import SecureVisionCore

/// Why a camera source could not be opened or read.
///
/// Messages never carry credentials: every text that may quote a URL goes through ``Redaction``
/// when the error is made.
public struct CaptureError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure, stable for callers to switch on; new kinds may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Base: String, Hashable, Sendable {
            case invalidSource = "invalid source"
            case notFound = "not found"
            case unreachable
            case timedOut = "timed out"
            case noVideoStream = "no video stream"
            case unsupportedCodec = "unsupported codec"
            case undecodable
            case disconnected
            case stopped
            case internalFailure = "internal failure"
        }

        fileprivate let base: Base

        /// The configuration does not name a usable source (no URL, bad device index).
        public static let invalidSource = Code(base: .invalidSource)
        /// The file, device or remote resource does not exist.
        public static let notFound = Code(base: .notFound)
        /// The host refused or could not be reached.
        public static let unreachable = Code(base: .unreachable)
        /// Opening or reading took longer than the read timeout.
        public static let timedOut = Code(base: .timedOut)
        /// The source has no video stream.
        public static let noVideoStream = Code(base: .noVideoStream)
        /// No decoder for the stream's codec.
        public static let unsupportedCodec = Code(base: .unsupportedCodec)
        /// The data is not a decodable container or stream.
        public static let undecodable = Code(base: .undecodable)
        /// A live stream ended or its connection broke.
        public static let disconnected = Code(base: .disconnected)
        /// The source was stopped while a call was in progress.
        public static let stopped = Code(base: .stopped)
        /// FFmpeg failed in a way that is not about the source (out of memory).
        public static let internalFailure = Code(base: .internalFailure)

        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// What happened, in words, with credentials redacted.
    public let message: String
    /// The FFmpeg status code behind the failure, when there was one.
    public let ffmpegStatus: Int32?
    /// Where the error was made.
    public let fileID: String
    /// The line where the error was made.
    public let line: Int

    /// Makes an error; `message` is redacted here.
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: What happened; any URL credentials in it are removed.
    ///   - ffmpegStatus: The FFmpeg status code, if any.
    ///   - fileID: The source file, filled in by the compiler.
    ///   - line: The source line, filled in by the compiler.
    public init(
        _ code: Code,
        _ message: String,
        ffmpegStatus: Int32? = nil,
        fileID: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.message = Redaction.redactingCredentials(in: message)
        self.ffmpegStatus = ffmpegStatus
        self.fileID = fileID
        self.line = line
    }

    public var description: String { "\(code): \(message)" }
}
