// SPDX-License-Identifier: Apache-2.0

import Foundation
internal import GRDB
public import SecureVisionCore

extension EventStore {
    /// Reads an event's snapshot or crop JPEG, found through the event's row.
    ///
    /// The read runs on the database reader's queue, off the cooperative pool.
    /// - Parameters:
    ///   - kind: The snapshot or the crop.
    ///   - id: The event's id.
    /// - Returns: The bytes, or `nil` if the event, its file reference or the file is missing.
    /// - Throws: ``StoreError`` if the database cannot be read or a stored path is unsafe.
    public func attachment(_ kind: EventAttachment, ofEvent id: Int64) async throws -> [UInt8]? {
        let files = self.files
        return try await reading { db in
            guard let record = try EventRecord.fetchOne(db, key: id) else { return nil }
            let relative = kind == .snapshot ? record.snapshotPath : record.cropPath
            guard let relative else { return nil }
            let path = try files.absolutePath(for: relative)
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            return [UInt8](data)
        }
    }
}
