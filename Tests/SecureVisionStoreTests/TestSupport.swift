// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore
import SecureVisionStore
import Synchronization

/// A unique directory under the system's temporary directory, removed by ``remove()``.
struct TemporaryDirectory: Sendable {
    let path: String

    init(_ label: String = #function) throws {
        let name = "SecureVisionStoreTests-\(label.filter(\.isLetter).prefix(40))-\(UUID().uuidString)"
        path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A path inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A clock that tests set by hand.
final class ManualClock: Sendable {
    private let value: Mutex<Int64>

    init(_ start: Int64 = 1_700_000_000_000) { value = Mutex(start) }

    var now: Int64 { value.withLock { $0 } }

    func set(_ newValue: Int64) { value.withLock { $0 = newValue } }

    /// The closure the store calls.
    var closure: @Sendable () -> Int64 { { [self] in now } }
}

enum Fixtures {
    static let day: Int64 = 86_400_000

    /// Bytes that start and end like a JPEG, filled with `fill`.
    static func jpeg(size: Int, fill: UInt8 = 0x42) -> [UInt8] {
        [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: fill, count: max(0, size - 6)) + [0xFF, 0xD9]
    }

    static func plate(
        _ text: String,
        at timestampMs: Int64,
        camera: String = "gate",
        list: String? = nil,
        snapshot: [UInt8]? = nil,
        crop: [UInt8]? = nil
    ) -> NewEvent {
        var payload: [String: JSONValue] = [
            "text_raw": .string(text.lowercased()), "text_clean": .string(text), "ocr_confidence": 0.87,
        ]
        if let list { payload["matched_list"] = .string(list) }
        return NewEvent(
            type: list == "blacklist" ? .plateAlert : .plateRead,
            timestampMs: timestampMs,
            cameraID: camera,
            trackID: 7,
            payload: payload,
            snapshotJPEG: snapshot,
            cropJPEG: crop
        )
    }

    static func face(_ person: String?, at timestampMs: Int64, camera: String = "door") -> NewEvent {
        var payload: [String: JSONValue] = ["similarity": 0.61, "detection_score": 0.93]
        if let person { payload["person_id"] = .string(person) }
        return NewEvent(
            type: person == nil ? .faceUnknown : .faceMatch,
            timestampMs: timestampMs,
            cameraID: camera,
            payload: payload
        )
    }

    /// The permission bits of a file, or `nil` if it does not exist.
    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }
}

extension EventStore {
    /// Every event, newest first, by following cursors.
    func allEvents(_ base: EventQuery = EventQuery()) async throws -> [Event] {
        var query = base
        query.limit = EventQuery.maximumLimit
        var events: [Event] = []
        while true {
            let page = try await self.events(matching: query)
            events += page.events
            guard let cursor = page.nextCursor else { return events }
            query.cursor = cursor
        }
    }
}
