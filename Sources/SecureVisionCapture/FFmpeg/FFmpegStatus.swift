// SPDX-License-Identifier: Apache-2.0

internal import CFFmpeg
internal import Glibc

/// The one place where an FFmpeg status code becomes a ``CaptureError``.
enum FFmpegStatus {
    /// What the failing call was doing; decides the kind when the status alone does not.
    enum Operation: String {
        case open = "opening"
        case streamInfo = "reading stream information"
        case openDecoder = "opening the decoder"
        case read = "reading"
        case decode = "decoding"
        case allocate = "allocating"
    }

    /// Returns `status` when it is not an error, and throws the matching ``CaptureError`` otherwise.
    /// - Parameters:
    ///   - status: The return value of an FFmpeg call.
    ///   - operation: What the call was doing.
    ///   - location: The redacted source, for the message.
    ///   - interrupt: The source's interrupt state, to tell a timeout from a stop.
    /// - Returns: `status` when it is zero or positive.
    /// - Throws: ``CaptureError`` when `status` is negative.
    @discardableResult
    static func check(
        _ status: Int32,
        _ operation: Operation,
        location: String,
        interrupt: InterruptHandle? = nil
    ) throws(CaptureError) -> Int32 {
        guard status < 0 else { return status }
        throw error(status, operation, location: location, interrupt: interrupt)
    }

    /// The ``CaptureError`` for a negative FFmpeg status.
    static func error(
        _ status: Int32,
        _ operation: Operation,
        location: String,
        interrupt: InterruptHandle? = nil
    ) -> CaptureError {
        let text = "\(operation.rawValue) \(location): \(describe(status))"
        if status == sv_averror_exit() || interrupt?.timedOut == true || interrupt?.aborted == true {
            if interrupt?.aborted == true { return CaptureError(.stopped, text, ffmpegStatus: status) }
            return CaptureError(.timedOut, "\(operation.rawValue) \(location): no data within the read timeout")
        }
        let code: CaptureError.Code
        switch status {
        case sv_averror(ENOENT), sv_averror_http_not_found(): code = .notFound
        case sv_averror(ETIMEDOUT): code = .timedOut
        case sv_averror(ECONNREFUSED), sv_averror(EHOSTUNREACH), sv_averror(ENETUNREACH), sv_averror(ECONNRESET),
            sv_averror(EPIPE), sv_averror(EACCES), sv_averror_http_other():
            code = operation == .read ? .disconnected : .unreachable
        case sv_averror(ENOMEM): code = .internalFailure
        case sv_averror_eof(): code = operation == .open || operation == .streamInfo ? .undecodable : .disconnected
        case sv_averror_invaliddata(): code = .undecodable
        case sv_averror_decoder_not_found(): code = .unsupportedCodec
        case sv_averror_stream_not_found(): code = .noVideoStream
        default:
            switch operation {
            case .open: code = .unreachable
            case .read: code = .disconnected
            case .streamInfo, .decode: code = .undecodable
            case .openDecoder: code = .unsupportedCodec
            case .allocate: code = .internalFailure
            }
        }
        return CaptureError(code, text, ffmpegStatus: status)
    }

    /// FFmpeg's text for a status code.
    static func describe(_ status: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        buffer.withUnsafeMutableBufferPointer { sv_err2str(status, $0.baseAddress, $0.count) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
