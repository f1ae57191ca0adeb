// SPDX-License-Identifier: Apache-2.0

internal import CFFmpeg
internal import SecureVisionCore
internal import Synchronization

/// Where FFmpeg's own diagnostics go: nowhere by default, or to a handler with credentials removed.
///
/// FFmpeg prints URLs (with `user:password@`) and request headers in its log; every line passes
/// through ``Redaction`` and loses any `Authorization` value before a handler sees it.
///
/// ```swift
/// CaptureLog.setHandler(level: .warning) { level, line in logger.warning("\(line)") }
/// ```
public enum CaptureLog {
    /// The most detailed FFmpeg lines passed on.
    public enum Level: Int, Sendable, Comparable, CaseIterable {
        case error = 16
        case warning = 24
        case info = 32
        case debug = 48

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

        init(ffmpeg: Int32) {
            self = Level.allCases.first { Int(ffmpeg) <= $0.rawValue } ?? .debug
        }
    }

    /// Receives one redacted FFmpeg line without its trailing newline.
    public typealias Handler = @Sendable (Level, String) -> Void

    private static let handler = Mutex<Handler?>(nil)

    /// Sends FFmpeg's lines up to `level` to `handler`, or silences FFmpeg when `handler` is `nil`.
    /// - Parameters:
    ///   - level: The most detailed level passed on.
    ///   - handler: Called on FFmpeg's threads with each redacted line; keep it quick.
    public static func setHandler(level: Level = .warning, _ handler: Handler?) {
        self.handler.withLock { $0 = handler }
        sv_log_install(handler == nil ? AV_LOG_QUIET : Int32(level.rawValue))
    }

    /// Silences FFmpeg unless a handler was set; called once before the first source opens.
    static func installDefault() {
        if handler.withLock({ $0 == nil }) { sv_log_install(AV_LOG_QUIET) }
    }

    /// Removes credentials from one line: URL user-info and any `Authorization` header value.
    static func redact(_ line: String) -> String {
        let text = Redaction.redactingCredentials(in: line)
        let lower = text.lowercased()
        guard let range = lower.firstRange(of: "authorization:") else { return text }
        // Drop everything after the header name (Basic credentials are only base64).
        let keep = lower.distance(from: lower.startIndex, to: range.upperBound)
        return String(text.prefix(keep)) + " " + Redaction.marker
    }

    static func deliver(level: Int32, line: String) {
        guard let handler = handler.withLock({ $0 }) else { return }
        let trimmed = line.hasSuffix("\n") ? String(line.dropLast()) : line
        guard !trimmed.isEmpty else { return }
        handler(Level(ffmpeg: level), redact(trimmed))
    }
}

/// The C entry point FFmpeg's log callback calls (declared in the CFFmpeg shim).
@_cdecl("sv_swift_log_sink")
func svSwiftLogSink(_ level: Int32, _ line: UnsafePointer<CChar>?) {
    guard let line else { return }
    CaptureLog.deliver(level: level, line: String(cString: line))
}
