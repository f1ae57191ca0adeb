// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import SecureVisionCapture
internal import SecureVisionCore

/// `securevision probe URL`: open one source through the capture path and report what it delivers.
///
/// A file is decoded as fast as possible unless `--realtime`; a live source is read for `--duration`
/// seconds (10 by default). Exits 1 with a clear, credential-free message when the source cannot
/// be opened or decoded.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Open a camera URL, file or /dev/videoN and report codec, size, fps and decode speed."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "rtsp://, rtsps://, http(s):// (MJPEG or .m3u8), rtmp://, a file path or /dev/videoN.")
    var url: String

    @Option(help: "Stop after this many seconds (default: the end of a file, 10 s for a live source).")
    var duration: Double?

    @Option(help: "libavcodec decoder threads; 0 lets FFmpeg choose.")
    var threads: Int = 2

    @Option(help: "Open and read timeout in seconds (default: VIDEO__READ_TIMEOUT_S).")
    var timeout: Double?

    @Flag(help: "Pace a file to its timestamps as a camera would deliver it.")
    var realtime = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        if let duration, !(duration > 0) { throw ValidationError("--duration must be greater than 0") }
        guard (0...64).contains(threads) else { throw ValidationError("--threads must be from 0 to 64") }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be greater than 0") }
    }

    func run() async throws {
        let readTimeout = try timeout ?? global.loadConfiguration().configuration.video.readTimeoutSeconds
        let report: ProbeReport
        do {
            report = try await CaptureProbe.run(
                url: url,
                duration: duration,
                threads: threads,
                realtime: realtime,
                readTimeoutSeconds: readTimeout
            )
        } catch let error as CaptureError {
            // CaptureError messages are redacted when made; the URL is redacted here too.
            StandardError.write(
                "securevision probe: cannot read \(Redaction.redactingCredentials(in: url)): \(error)"
            )
            throw ExitStatus.failure
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
            return
        }
        let streamFPS = report.streamFPS.map { String(format: "%.2f", $0) } ?? "unknown"
        print("source      \(Redaction.redactingCredentials(in: url))")
        print("codec       \(report.codec)")
        print("resolution  \(report.width)x\(report.height)")
        print("stream fps  \(streamFPS)")
        print("frames      \(report.frames) in \(String(format: "%.2f", report.seconds)) s")
        print("decode fps  \(String(format: "%.1f", report.decodeFPS))")
        print("dropped     \(report.dropped)")
        print("errors      \(report.decodeErrors)")
        print("reconnects  \(report.reconnects)")
    }
}
