// SPDX-License-Identifier: Apache-2.0

// A test-only writer that the crash-safety test kills with SIGKILL mid-stream.
//
// Usage: StoreCrashWriter <dataDir> <count>
// Opens the store on <dataDir>/events.db and appends <count> events, each with a small fake JPEG snapshot.
// After each append returns (the row and its file are durable), prints `committed <id>` on standard output.

import SecureVisionCore
import SecureVisionStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes `text` to a file descriptor with write(2), unbuffered, so that a SIGKILL cannot lose a printed line.
/// (Glibc's `stdout` is a shared mutable global that Swift 6 rejects; write(2) needs no buffer.)
func emit(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { buffer in
            write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        }
        if written < 0 {
            if errno == EINTR { continue }
            return
        }
        offset += written
    }
    bytes.removeAll()
}

let arguments = CommandLine.arguments
guard arguments.count == 3, let count = Int(arguments[2]), count >= 0 else {
    emit("usage: StoreCrashWriter <dataDir> <count>\n", to: 2)
    exit(2)
}
let dataDirectory = arguments[1]

// A minimal JPEG-looking byte array: SOI, an APP0 marker, filler, EOI.
let fakeJPEG: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0x42, count: 2048) + [0xFF, 0xD9]

do {
    let store = try EventStore.open(databasePath: dataDirectory + "/events.db", dataDirectory: dataDirectory)
    let start = EventStore.wallClock()
    for index in 0..<count {
        let event = NewEvent(
            type: .plateRead,
            timestampMs: start + Int64(index),
            cameraID: "crash-writer",
            trackID: Int64(index),
            payload: ["text_clean": .string("CRASH\(index)"), "ocr_confidence": 0.75],
            snapshotJPEG: fakeJPEG
        )
        let stored = try await store.append(event)
        emit("committed \(stored.id)\n", to: 1)
    }
} catch {
    emit("StoreCrashWriter: \(error)\n", to: 2)
    exit(1)
}
exit(0)
