// SPDX-License-Identifier: Apache-2.0

/// Which events to read: filters, newest first, one page at a time.
public struct EventQuery: Sendable, Hashable {
    /// Only these types; empty means all.
    public var types: Set<EventType> = []
    public var cameraID: String?
    public var personID: String?
    /// Exact cleaned plate text.
    public var plateText: String?
    /// `whitelist` or `blacklist`.
    public var matchedList: String?
    /// Only events with `ts_ms >= since`.
    public var since: Int64?
    /// Only events with `ts_ms <= until`.
    public var until: Int64?
    /// Page size, 1...1000.
    public var limit = 100
    /// Continue after the last event of a previous page.
    public var cursor: EventCursor?

    public static let maximumLimit = 1000

    public init() {}
}

/// A position in the newest-first order of events: the `(ts_ms, id)` of the last event returned.
///
/// Paging by position rather than by offset stays correct while events are being inserted.
public struct EventCursor: Sendable, Hashable, CustomStringConvertible {
    public var timestampMs: Int64
    public var id: Int64

    public init(timestampMs: Int64, id: Int64) {
        self.timestampMs = timestampMs
        self.id = id
    }

    /// Parses the text form `"<ts_ms>_<id>"` that the API hands out.
    public init?(_ text: String) {
        let parts = text.split(separator: "_")
        guard parts.count == 2, let ts = Int64(parts[0]), let id = Int64(parts[1]) else { return nil }
        self.init(timestampMs: ts, id: id)
    }

    public var description: String { "\(timestampMs)_\(id)" }
}

/// One page of events with the cursor to the next one and the total number matching the filters.
public struct EventPage: Sendable, Hashable {
    public var events: [Event]
    /// `nil` on the last page.
    public var nextCursor: EventCursor?
    /// Events matching the filters, ignoring the cursor and limit.
    public var totalCount: Int

    public init(events: [Event], nextCursor: EventCursor?, totalCount: Int) {
        self.events = events
        self.nextCursor = nextCursor
        self.totalCount = totalCount
    }
}
