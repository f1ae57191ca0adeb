// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Runs helper programs (ffmpeg, the Python test servers) for the tests.
enum ProcessRunner {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs a program to completion and throws when it fails.
    static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(executable) failed: \(String(decoding: output, as: UTF8.self))")
        }
    }
}

/// A Python test server from Tests/Support, started and stopped by a test.
final class TestServer: @unchecked Sendable {
    // Only touched by the test that owns it, from one task at a time.
    private let process = Process()
    /// The port it listens on.
    let port: Int

    /// Starts `script` with `arguments` and waits for its "PORT n" line.
    init(script: String, arguments: [String]) throws {
        let support = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Support")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [support.appendingPathComponent(script).path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != 10 {
            line.append(first)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            process.terminate()
            throw ProcessRunner.Failure(description: "\(script) did not start: \(text)")
        }
        self.port = port
    }

    /// Suspends the server: its sockets stay open but send nothing.
    func freeze() {
        kill(process.processIdentifier, SIGSTOP)
    }

    /// Resumes a frozen server.
    func thaw() {
        kill(process.processIdentifier, SIGCONT)
    }

    /// Kills the server (as a camera losing power would) and waits for it to exit.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit {
        stop()
    }
}
