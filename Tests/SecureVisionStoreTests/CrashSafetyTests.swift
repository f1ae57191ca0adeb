// SPDX-License-Identifier: Apache-2.0

import Dispatch
import Foundation
import SecureVisionCore
import SecureVisionStore
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Crash safety")
struct CrashSafetyTests {
    /// The `StoreCrashWriter` executable, built next to the test bundle.
    static func crashWriterPath() throws -> String {
        let testExecutable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folders = [
            testExecutable.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        // An Xcode-style `.xctest` bundle sits one or three levels below the products folder.
        folders.append(testExecutable.deletingLastPathComponent().deletingLastPathComponent())
        folders.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/.build/debug"))
        for folder in folders {
            let candidate = folder.appendingPathComponent("StoreCrashWriter").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw StoreError(.notFound, "StoreCrashWriter not found near \(testExecutable.path)")
    }

    /// Runs the writer until it has reported at least `atLeast` commits, kills it with SIGKILL, and returns every
    /// id it reported (including lines still in the pipe when it died).
    static func runAndKill(dataDirectory: String, atLeast: Int) async throws -> [Int64] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try crashWriterPath())
        process.arguments = [dataDirectory, "1000000"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        try? output.fileHandleForWriting.close()
        try? errors.fileHandleForWriting.close()
        let pid = process.processIdentifier
        let reader = output.fileHandleForReading

        let ids: [Int64] = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var ids: [Int64] = []
                var pending = Data()
                var killed = false
                while true {
                    let chunk = reader.availableData
                    if chunk.isEmpty { break }
                    pending.append(chunk)
                    while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                        let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                        pending.removeSubrange(pending.startIndex...newline)
                        if line.hasPrefix("committed "), let id = Int64(line.dropFirst("committed ".count)) {
                            ids.append(id)
                        }
                    }
                    if !killed, ids.count >= atLeast {
                        kill(pid, SIGKILL)
                        killed = true
                    }
                }
                if !killed { kill(pid, SIGKILL) }
                continuation.resume(returning: ids)
            }
        }
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .uncaughtSignal, "writer ended early: \(stderr)")
        return ids
    }

    @Test("every reported commit survives SIGKILL, twice in a row", .timeLimit(.minutes(1)))
    func killedWriter() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var reported: [Int64] = []
        for (round, atLeast) in [150, 260].enumerated() {
            let ids = try await Self.runAndKill(dataDirectory: directory.path, atLeast: atLeast)
            #expect(ids.count >= atLeast, "round \(round)")
            reported += ids

            let store = try EventStore.open(databasePath: directory.file("events.db"), dataDirectory: directory.path)
            try store.checkIntegrity()
            for id in reported {
                let event = try #require(try await store.event(id: id), "event \(id) of round \(round) lost")
                let snapshot = try #require(event.snapshotPath)
                #expect(Fixtures.exists(directory.file(snapshot)), "snapshot of event \(id)")
            }
            #expect(try await store.statistics().eventCount >= reported.count)
            try store.close()
        }
        #expect(Set(reported).count == reported.count)
    }
}
