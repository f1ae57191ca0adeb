// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A camera on loopback: Tests/Support/rtsp_server.py (Debian's gst-rtsp-server) serving one MP4 file.
///
/// It can be killed and started again on the same port, as a camera that loses power and comes back.
final class RTSPCamera: @unchecked Sendable {
    // Only the test that owns it touches it, from one task at a time.
    private var process: Process?
    private let file: String
    /// The port it listens on; kept across restarts.
    private(set) var port: Int

    struct StartFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts serving `file` on a free port.
    init(file: String) throws {
        self.file = file
        self.port = 0
        try start()
    }

    /// The URL a client plays.
    var url: String { "rtsp://127.0.0.1:\(port)/cam" }

    /// Starts the server again on the same port (a free one the first time).
    func start() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Support/rtsp_server.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script.path, file, "\(port)"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != 10 {
            line.append(first)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let bound = Int(text.dropFirst(5)) else {
            process.terminate()
            throw StartFailure(description: "rtsp_server.py did not start: \(text)")
        }
        port = bound
        self.process = process
    }

    /// Kills the server, as a camera losing power would.
    func kill() {
        guard let process, process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit {
        kill()
    }
}
