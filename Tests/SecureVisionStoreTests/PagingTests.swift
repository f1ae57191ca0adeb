// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore
import SecureVisionStore
import Testing

@Suite("Cursor paging")
struct PagingTests {
    @Test("paging sees every event exactly once while newer events are inserted")
    func pagingUnderConcurrentInserts() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore.open(databasePath: directory.file("events.db"), dataDirectory: directory.path)
        var originals = Set<Int64>()
        for index in 0..<500 {
            // Three events share each timestamp, so the id breaks ties.
            let event = NewEvent(type: .object, timestampMs: 1_000_000 + Int64(index / 3), cameraID: "c\(index % 4)")
            originals.insert(try await store.append(event).id)
        }

        let writer = Task {
            var inserted = 0
            for index in 0..<300 {
                _ = try await store.append(
                    NewEvent(type: .object, timestampMs: 2_000_000 + Int64(index), cameraID: "new")
                )
                inserted += 1
                if index % 10 == 0 { await Task.yield() }
            }
            return inserted
        }

        var seen: [Int64: Int] = [:]
        var previous: (Int64, Int64)?
        var query = EventQuery()
        query.limit = 37
        var pages = 0
        while true {
            let page = try await store.events(matching: query)
            pages += 1
            for event in page.events {
                seen[event.id, default: 0] += 1
                if let previous {
                    #expect(
                        event.timestampMs < previous.0 || (event.timestampMs == previous.0 && event.id < previous.1),
                        "order broken at event \(event.id)"
                    )
                }
                previous = (event.timestampMs, event.id)
            }
            guard let cursor = page.nextCursor else { break }
            query.cursor = cursor
            await Task.yield()
        }
        let inserted = try await writer.value

        #expect(inserted == 300)
        #expect(pages >= 500 / 37)
        #expect(seen.values.allSatisfy { $0 == 1 })
        #expect(originals.isSubset(of: Set(seen.keys)))
        #expect(try await store.statistics().eventCount == 800)
    }
}
