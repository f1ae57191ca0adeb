// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore
import SecureVisionStore
import Testing

@Suite("Damaged and unusable database files")
struct CorruptionTests {
    private func randomBytes(_ count: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    @Test("a file of random bytes is reported as corrupt, named, and left untouched")
    func randomBytesFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("events.db")
        let garbage = randomBytes(16384)
        try garbage.write(to: URL(fileURLWithPath: path))

        let error = #expect(throws: StoreError.self) {
            try EventStore.open(databasePath: path, dataDirectory: directory.path)
        }
        #expect(error?.code == .corrupt)
        #expect(error?.message.contains(path) == true)
        #expect(error?.message.contains("not a valid SQLite database") == true)
        #expect(error?.message.contains("backup") == true)
        #expect(error?.message.contains("move it aside") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test("a database with a damaged page fails its integrity check and is left untouched")
    func damagedPage() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("events.db")
        do {
            let store = try EventStore.open(databasePath: path, dataDirectory: directory.path)
            for index in 0..<300 {
                var event = Fixtures.plate("PAGE\(index)", at: Int64(index))
                event.payload["filler"] = .string(String(repeating: "x", count: 400))
                _ = try await store.append(event)
            }
            try store.checkIntegrity()
            try store.close()
        }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let pageSize = 4096
        let pages = bytes.count / pageSize
        try #require(pages > 20)
        let middle = (pages / 2) * pageSize
        bytes.replaceSubrange(middle..<(middle + pageSize), with: randomBytes(pageSize))
        try bytes.write(to: URL(fileURLWithPath: path))

        let error = #expect(throws: StoreError.self) {
            try EventStore.open(databasePath: path, dataDirectory: directory.path)
        }
        #expect(error?.code == .corrupt)
        #expect(error?.message.contains(path) == true)
        #expect(error?.message.contains("backup") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("a directory where the database file should be is reported as unavailable")
    func directoryInsteadOfFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("events.db")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        let error = #expect(throws: StoreError.self) {
            try EventStore.open(databasePath: path, dataDirectory: directory.path)
        }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains(path) == true)
    }

    @Test("a database path under a regular file is reported as unavailable")
    func parentIsAFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Data("not a directory".utf8).write(to: URL(fileURLWithPath: directory.file("blocker")))
        let error = #expect(throws: StoreError.self) {
            try EventStore.open(databasePath: directory.file("blocker/events.db"), dataDirectory: directory.path)
        }
        #expect(error?.code == .unavailable)
    }

    @Test("a healthy database passes the integrity check")
    func healthy() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore.open(databasePath: directory.file("events.db"), dataDirectory: directory.path)
        _ = try await store.append(Fixtures.plate("OK", at: 1))
        try store.checkIntegrity()
    }
}
