// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import SecureVisionCore
internal import SecureVisionServer
internal import SecureVisionStore

/// `securevision events`: the newest events, as a table or as the API's JSON.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List the newest events."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only events of this type (face_match, plate_read, plate_alert, ...).")
    var type: String?

    @Option(help: "Only events at or after this time, in milliseconds since the Unix epoch.")
    var since: Int64?

    @Option(help: "At most this many events, 1 to 1000.")
    var limit: Int = 100

    @Flag(help: "Print the same JSON array as GET /events.")
    var json = false

    func validate() throws {
        guard (1...EventQuery.maximumLimit).contains(limit) else {
            throw ValidationError("--limit must be from 1 to \(EventQuery.maximumLimit)")
        }
    }

    func run() async throws {
        let configuration = try global.loadConfiguration().configuration
        var events: [Event] = []
        if StoreOpener.databaseExists(configuration) {
            let store = try StoreOpener.open(configuration)
            var query = EventQuery()
            if let type { query.types = [EventType(rawValue: type)] }
            query.since = since
            query.limit = limit
            events = try await store.events(matching: query).events
        }
        if json {
            let data = try EventDTO.makeEncoder(pretty: true).encode(events.map(EventDTO.init))
            print(String(decoding: data, as: UTF8.self))
            return
        }
        guard !events.isEmpty else {
            print("no events")
            return
        }
        for event in events {
            print(Self.line(for: event))
        }
    }

    static func line(for event: Event) -> String {
        var summary: [String] = []
        if let person = event.personID { summary.append("person=\(person)") }
        if let plate = event.plateText { summary.append("plate=\(plate)") }
        if let list = event.matchedList { summary.append("list=\(list)") }
        if let similarity = event.payload["similarity"]?.doubleValue {
            summary.append("similarity=\(String(format: "%.2f", similarity))")
        }
        return [
            String(event.id), EventDTO.isoTimestamp(ms: event.timestampMs), event.type.rawValue, event.cameraID,
            summary.joined(separator: " "),
        ].joined(separator: "  ")
    }
}
