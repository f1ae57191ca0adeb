// SPDX-License-Identifier: Apache-2.0

internal import CVisionKit

/// The one place where CVisionKit status codes become ``VisionError``s.
enum NativeCall {
    /// Runs `body` with a fresh status and throws when it returns anything but `SV_OK`.
    /// - Parameters:
    ///   - context: Prefixed to the native message, such as "face detection".
    ///   - body: The native call; it receives the status to fill.
    /// - Throws: ``VisionError`` when the native call fails.
    static func run(_ context: String, _ body: (UnsafeMutablePointer<sv_status>) -> Int32) throws(VisionError) {
        var status = sv_status()
        let result = body(&status)
        guard result != Int32(SV_OK.rawValue) else { return }
        let message = withUnsafeBytes(of: &status.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        throw VisionError(code(for: result), message.isEmpty ? context : "\(context): \(message)")
    }

    private static func code(for result: Int32) -> VisionError.Code {
        switch UInt32(bitPattern: result) {
        case SV_ERR_INVALID_ARGUMENT.rawValue: .invalidArgument
        case SV_ERR_MODEL_LOAD.rawValue: .modelLoad
        case SV_ERR_DECODE.rawValue: .decode
        case SV_ERR_INFERENCE.rawValue: .inference
        case SV_ERR_OUT_OF_MEMORY.rawValue: .outOfMemory
        default: .internalError
        }
    }

    /// Sets the native thread count once per process and returns the count in use.
    static func configureThreads() -> Int {
        Int(sv_configure_threads(Int32(NativeThreads.requested)))
    }
}
