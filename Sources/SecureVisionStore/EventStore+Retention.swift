// SPDX-License-Identifier: Apache-2.0

internal import GRDB
public import SecureVisionCore

extension EventStore {
    /// Events deleted per transaction, so that appends are not held up for long.
    static let retentionBatchSize = 500
    /// A rough size of an event row and its index entries beyond the payload, for choosing how many to delete.
    static let estimatedRowOverhead: Int64 = 160

    /// Deletes events older than the policy's age, then the oldest events until the database's live pages plus
    /// the snapshot files fit the policy's size cap.
    ///
    /// Rows are deleted in batches, each in its own transaction; the files of a batch are removed after it
    /// commits (a file that is already missing is fine).
    /// - Parameters:
    ///   - policy: The age and size limits; 0 turns a limit off.
    ///   - nowMs: The current time, in milliseconds since the Unix epoch.
    /// - Returns: How many events were deleted for each reason, and how many files were removed.
    /// - Throws: ``StoreError`` if the database cannot be written; batches already committed stay deleted.
    public func applyRetention(_ policy: RetentionPolicy, nowMs: Int64) async throws -> RetentionResult {
        var result = RetentionResult()
        if policy.maxAgeDays > 0 {
            let (age, overflow) = Int64(policy.maxAgeDays).multipliedReportingOverflow(by: 86_400_000)
            let (cutoff, underflow) = nowMs.subtractingReportingOverflow(age)
            if !overflow, !underflow {
                let batchSize = Self.retentionBatchSize
                while true {
                    let batch = try await deleteBatch { db in
                        try EventRecord.all().older(than: cutoff).oldestFirst().limit(batchSize).fetchAll(db)
                    }
                    result.deletedByAge += batch.events
                    result.deletedFiles += batch.files
                    if batch.events < batchSize { break }
                }
            }
        }
        if policy.maxBytes > 0 {
            while true {
                let batch = try await deleteBatch { db in try Self.oldestEventsOverCap(policy.maxBytes, db) }
                if batch.events == 0 { break }
                result.deletedBySize += batch.events
                result.deletedFiles += batch.files
            }
        }
        return result
    }

    /// Counts and sizes of the store.
    /// - Returns: The number of events, the live database bytes, the bytes of their files, and the time span.
    /// - Throws: ``StoreError`` if the database cannot be read.
    public func statistics() async throws -> StoreStatistics {
        try await reading { db in
            // Totals come from the trigger-kept table; the time range from the time index's two ends.
            var counts: [EventType: Int] = [:]
            var eventCount = 0
            var fileBytes: Int64 = 0
            for row in try Row.fetchAll(db, sql: "SELECT type, count, file_bytes FROM event_totals WHERE count > 0") {
                let count: Int = row[1]
                counts[EventType(rawValue: row[0])] = count
                eventCount += count
                fileBytes += row[2]
            }
            let oldest = try Int64.fetchOne(db, sql: "SELECT MIN(ts_ms) FROM events")
            let newest = try Int64.fetchOne(db, sql: "SELECT MAX(ts_ms) FROM events")
            return StoreStatistics(
                eventCount: eventCount,
                databaseBytes: try Self.liveDatabaseBytes(db),
                fileBytes: fileBytes,
                oldestTimestampMs: oldest,
                newestTimestampMs: newest,
                countsByType: counts
            )
        }
    }

    /// Bytes of the database's pages that hold data: `(page_count - freelist_count) * page_size`.
    static func liveDatabaseBytes(_ db: Database) throws -> Int64 {
        let pageCount = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
        let freePages = try Int64.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
        let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0
        return (pageCount - freePages) * pageSize
    }

    /// The oldest events whose estimated size covers what the store is over `maxBytes`; empty when under.
    private static func oldestEventsOverCap(_ maxBytes: Int64, _ db: Database) throws -> [EventRecord] {
        let fileBytes = try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(file_bytes), 0) FROM event_totals") ?? 0
        let excess = try liveDatabaseBytes(db) + fileBytes - maxBytes
        guard excess > 0 else { return [] }
        let candidates = try EventRecord.all().oldestFirst().limit(retentionBatchSize).fetchAll(db)
        var covered: Int64 = 0
        var chosen: [EventRecord] = []
        for record in candidates where covered < excess {
            chosen.append(record)
            covered += record.fileBytes + Int64(record.payloadJSON.utf8.count) + estimatedRowOverhead
        }
        return chosen
    }

    /// Deletes the events `select` picks in one transaction, then removes their files.
    /// - Returns: How many events were deleted and how many files were removed.
    private func deleteBatch(
        _ select: @escaping @Sendable (Database) throws -> [EventRecord]
    ) async throws -> (events: Int, files: Int) {
        try await writingWithoutTransaction { [files] db in
            var paths: [String] = []
            var deleted = 0
            try db.inTransaction {
                let records = try select(db)
                deleted = try EventRecord.deleteAll(db, keys: records.compactMap(\.id))
                paths = records.flatMap(\.filePaths)
                return .commit
            }
            return (deleted, files.remove(paths))
        }
    }
}
