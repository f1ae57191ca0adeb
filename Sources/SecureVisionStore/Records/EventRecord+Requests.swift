// SPDX-License-Identifier: Apache-2.0

internal import GRDB
import SecureVisionCore

/// Named event queries. Every value reaches SQLite as a bound argument.
extension DerivableRequest<EventRecord> {
    /// The events that pass every filter of `query`; the cursor and limit are not applied here.
    func filtered(by query: EventQuery) -> Self {
        var request = self
        if !query.types.isEmpty {
            request = request.filter(query.types.map(\.rawValue).contains(EventRecord.Columns.type))
        }
        if let cameraID = query.cameraID {
            request = request.filter(EventRecord.Columns.cameraID == cameraID)
        }
        if let personID = query.personID {
            request = request.filter(EventRecord.Columns.personID == personID)
        }
        if let plateText = query.plateText {
            request = request.filter(EventRecord.Columns.plateText == plateText)
        }
        if let matchedList = query.matchedList {
            request = request.filter(EventRecord.Columns.matchedList == matchedList)
        }
        if let since = query.since {
            request = request.filter(EventRecord.Columns.timestampMs >= since)
        }
        if let until = query.until {
            request = request.filter(EventRecord.Columns.timestampMs <= until)
        }
        return request
    }

    /// The events that come after `cursor` in the newest-first order.
    func after(_ cursor: EventCursor) -> Self {
        let timestamp = EventRecord.Columns.timestampMs
        let id = EventRecord.Columns.id
        return filter(timestamp < cursor.timestampMs || (timestamp == cursor.timestampMs && id < cursor.id))
    }

    /// Events with a timestamp before `timestampMs`.
    func older(than timestampMs: Int64) -> Self {
        filter(EventRecord.Columns.timestampMs < timestampMs)
    }

    /// Newest first: by timestamp, then by id, both descending.
    func newestFirst() -> Self {
        order(EventRecord.Columns.timestampMs.desc, EventRecord.Columns.id.desc)
    }

    /// Oldest first: by timestamp, then by id, both ascending.
    func oldestFirst() -> Self {
        order(EventRecord.Columns.timestampMs.asc, EventRecord.Columns.id.asc)
    }
}
