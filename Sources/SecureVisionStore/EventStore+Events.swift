// SPDX-License-Identifier: Apache-2.0

internal import GRDB
public import SecureVisionCore

extension EventStore: EventRepository {
    /// Writes the event's JPEG files (mode 0600, synced with their directory), then inserts its row.
    ///
    /// The files are written on the database writer's queue, just before the insert, so the row never commits
    /// before its files are on disk. If the insert or the commit fails, the files are removed again.
    /// - Parameter event: The event and its JPEG bytes.
    /// - Returns: The stored event, with its id and relative file paths.
    /// - Throws: ``StoreError`` if a file or the row cannot be written.
    public func append(_ event: NewEvent) async throws -> Event {
        guard let stored = try await append(contentsOf: [event]).first else {
            throw StoreError(.io, "the event was not stored")
        }
        return stored
    }

    public func append(contentsOf events: [NewEvent]) async throws -> [Event] {
        guard !events.isEmpty else { return [] }
        let createdAtMs = nowMs()
        var prepared: [(record: EventRecord, event: NewEvent, placement: SnapshotFiles.Placement)] = []
        do {
            for event in events {
                let placement = files.placement(for: event)
                let fileBytes = Int64((event.snapshotJPEG?.count ?? 0) + (event.cropJPEG?.count ?? 0))
                let record = try EventRecord(
                    event,
                    placement: placement,
                    fileBytes: fileBytes,
                    createdAtMs: createdAtMs
                )
                prepared.append((record, event, placement))
            }
        } catch {
            throw StoreError(mapping: error, databasePath: databasePath)
        }
        let batch = prepared
        do {
            return try await writing { [files] db in
                try batch.map { item in
                    _ = try files.write(item.event, to: item.placement)
                    var inserted = item.record
                    try inserted.insert(db)
                    return try inserted.event()
                }
            }
        } catch {
            for item in batch { files.remove(item.placement.paths) }
            throw error
        }
    }

    /// One page of events matching `query`, newest first, read in one transaction so that the page and the
    /// total agree.
    ///
    /// The limit is clamped to `1...EventQuery.maximumLimit`. `nextCursor` is set only when more events follow.
    /// - Parameter query: Filters, page size and cursor.
    /// - Returns: The page, its next cursor, and the number of events matching the filters.
    /// - Throws: ``StoreError`` if the database cannot be read.
    public func events(matching query: EventQuery) async throws -> EventPage {
        let limit = min(max(query.limit, 1), EventQuery.maximumLimit)
        return try await reading { db in
            let filtered = EventRecord.all().filtered(by: query)
            let totalCount = try Self.totalFromRunningTotals(query, db) ?? filtered.fetchCount(db)
            let page = query.cursor.map { filtered.after($0) } ?? filtered
            let records = try page.newestFirst().limit(limit + 1).fetchAll(db)
            let events = try records.prefix(limit).map { try $0.event() }
            let nextCursor =
                records.count > limit ? events.last.map { EventCursor(timestampMs: $0.timestampMs, id: $0.id) } : nil
            return EventPage(events: events, nextCursor: nextCursor, totalCount: totalCount)
        }
    }

    /// The event with `id`, or `nil`.
    /// - Parameter id: The event's id.
    /// - Returns: The event, if it exists.
    /// - Throws: ``StoreError`` if the database cannot be read.
    public func event(id: Int64) async throws -> Event? {
        try await reading { db in
            try EventRecord.fetchOne(db, key: id)?.event()
        }
    }

    /// The number of events with `ts_ms >= since`.
    /// - Parameter timestampMs: The earliest timestamp counted, in milliseconds since the Unix epoch.
    /// - Returns: The count.
    /// - Throws: ``StoreError`` if the database cannot be read.
    public func countEvents(since timestampMs: Int64) async throws -> Int {
        try await reading { db in
            try EventRecord.filter(EventRecord.Columns.timestampMs >= timestampMs).fetchCount(db)
        }
    }

    /// The total of a query filtered by type at most, from the trigger-kept totals instead of a count over
    /// every matching row; `nil` when other filters need the real count.
    static func totalFromRunningTotals(_ query: EventQuery, _ db: Database) throws -> Int? {
        guard query.cameraID == nil, query.personID == nil, query.plateText == nil, query.matchedList == nil,
            query.since == nil, query.until == nil
        else { return nil }
        guard !query.types.isEmpty else {
            return try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(count), 0) FROM event_totals") ?? 0
        }
        let types = query.types.map(\.rawValue)
        let placeholders = Array(repeating: "?", count: types.count).joined(separator: ", ")
        return try Int.fetchOne(
            db,
            sql: "SELECT COALESCE(SUM(count), 0) FROM event_totals WHERE type IN (\(placeholders))",
            arguments: StatementArguments(types)
        ) ?? 0
    }
}
