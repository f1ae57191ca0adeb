// SPDX-License-Identifier: Apache-2.0

/// Where events are kept.
///
/// The pipeline appends; the API and CLI read. Implementations are safe to call from many tasks at once.
public protocol EventRepository: Sendable {
    /// Writes the event's JPEG files, then its row, in one transaction; returns it once committed.
    /// - Throws: ``StoreError`` if the files or the row cannot be written; nothing is left behind then.
    func append(_ event: NewEvent) async throws -> Event

    /// Writes several events (a plate read and its alert, say) in one transaction: all or none.
    /// - Throws: ``StoreError`` if any file or row cannot be written; nothing is left behind then.
    func append(contentsOf events: [NewEvent]) async throws -> [Event]

    /// One page of events matching `query`, newest first.
    func events(matching query: EventQuery) async throws -> EventPage

    /// The event with `id`, or `nil`.
    func event(id: Int64) async throws -> Event?

    /// The JPEG bytes of an event's snapshot or crop, or `nil` when the event has none or the file is gone.
    ///
    /// The file is found from the event id only; callers never pass a path.
    func attachment(_ kind: EventAttachment, ofEvent id: Int64) async throws -> [UInt8]?

    /// The number of events with `ts_ms >= since`.
    func countEvents(since timestampMs: Int64) async throws -> Int

    /// Deletes events (and their files) older than the policy's age, then the oldest ones until
    /// the store fits the policy's size cap.
    func applyRetention(_ policy: RetentionPolicy, nowMs: Int64) async throws -> RetentionResult

    /// Sizes and counts, for `/health`, `/stats` and metrics.
    func statistics() async throws -> StoreStatistics
}

/// What retention keeps.
public struct RetentionPolicy: Sendable, Hashable {
    /// Events older than this many days are deleted; 0 keeps them regardless of age.
    public var maxAgeDays: Int
    /// The database plus snapshot files may use at most this many bytes; 0 means no cap.
    public var maxBytes: Int64

    public init(maxAgeDays: Int, maxBytes: Int64) {
        self.maxAgeDays = maxAgeDays
        self.maxBytes = maxBytes
    }
}

/// What one retention pass removed.
public struct RetentionResult: Sendable, Hashable {
    public var deletedByAge: Int
    public var deletedBySize: Int
    public var deletedFiles: Int

    public init(deletedByAge: Int = 0, deletedBySize: Int = 0, deletedFiles: Int = 0) {
        self.deletedByAge = deletedByAge
        self.deletedBySize = deletedBySize
        self.deletedFiles = deletedFiles
    }

    public var deletedEvents: Int { deletedByAge + deletedBySize }
}

/// Counts and sizes of the store.
public struct StoreStatistics: Sendable, Hashable {
    public var eventCount: Int
    /// Bytes of live database pages (not counting free pages that SQLite will reuse).
    public var databaseBytes: Int64
    /// Bytes of snapshot and crop files referenced by events.
    public var fileBytes: Int64
    public var oldestTimestampMs: Int64?
    public var newestTimestampMs: Int64?
    /// Events per type, for `/stats` and `/metrics`.
    public var countsByType: [EventType: Int]

    public init(
        eventCount: Int,
        databaseBytes: Int64,
        fileBytes: Int64,
        oldestTimestampMs: Int64?,
        newestTimestampMs: Int64?,
        countsByType: [EventType: Int] = [:]
    ) {
        self.countsByType = countsByType
        self.eventCount = eventCount
        self.databaseBytes = databaseBytes
        self.fileBytes = fileBytes
        self.oldestTimestampMs = oldestTimestampMs
        self.newestTimestampMs = newestTimestampMs
    }

    public var totalBytes: Int64 { databaseBytes + fileBytes }
}

/// Which image of an event.
public enum EventAttachment: String, Sendable, CaseIterable {
    /// The full frame.
    case snapshot
    /// The face or plate crop.
    case crop
}
