// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore
import SecureVisionDetection
import Testing

@Suite("Plate text normalisation and list matching")
struct PlateTextTests {
    private func normalizer(_ change: (inout PlateSettings) -> Void = { _ in }) throws -> PlateTextNormalizer {
        var settings = PlateSettings()
        change(&settings)
        return try PlateTextNormalizer(settings: settings)
    }

    @Test("uppercase, whitespace and punctuation stripped, accents folded")
    func basics() throws {
        let normalizer = try normalizer()
        #expect(normalizer.normalize(" ab-12 cdé ") == "AB12CDE")
        #expect(normalizer.normalize("Ö1 23") == "O123")
        #expect(normalizer.normalize("A1") == nil)
        #expect(normalizer.normalize("ABCDEFGHIJK") == nil)
    }

    @Test("optional O->0 and I->1")
    func substitutions() throws {
        let normalizer = try normalizer {
            $0.ocr.substituteOTo0 = true
            $0.ocr.substituteITo1 = true
        }
        #expect(normalizer.normalize("OI23ABC") == "0123ABC")
    }

    @Test("a format regex must match in full; a bad regex is an error")
    func regex() throws {
        let normalizer = try normalizer { $0.postprocess.regex = "[A-Z]{2}[0-9]{2}[A-Z]{3}" }
        #expect(normalizer.normalize("AB12CDE") == "AB12CDE")
        #expect(normalizer.normalize("AB12CD") == nil)
        #expect(normalizer.normalize("XAB12CDE") == nil)
        #expect(throws: VisionError.self) { try PlateTextNormalizer(settings: Self.settings(regex: "([A-Z")) }
    }

    private static func settings(regex: String) -> PlateSettings {
        var settings = PlateSettings()
        settings.postprocess.regex = regex
        return settings
    }

    @Test("deny wins over allow; fuzzy matches within the distance only")
    func lists() {
        let matcher = PlateListMatcher(allow: ["AB12CDE", "XY99ZZZ"], deny: ["AB12CDE", "KK11KKK"], maxDistance: 1)
        #expect(matcher.match("AB12CDE")?.list == .deny)
        #expect(matcher.match("XY99ZZZ") == PlateListMatcher.Match(list: .allow, plate: "XY99ZZZ", distance: 0))
        #expect(matcher.match("KK11KKX") == PlateListMatcher.Match(list: .deny, plate: "KK11KKK", distance: 1))
        #expect(matcher.match("KK11XXX") == nil)
        #expect(PlateListMatcher(allow: ["XY99ZZZ"], maxDistance: 0).match("XY99ZZ") == nil)
    }

    @Test("CSV lists: first column, optional header; the store's lists are added")
    func loading() async throws {
        let directory = NSTemporaryDirectory() + "plates-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "plate,owner\nab 12 cde,Alice\n\nXY99ZZZ,Bob\n".write(
            toFile: directory + "/white.csv",
            atomically: true,
            encoding: .utf8
        )
        try "KK11KKK\n".write(toFile: directory + "/black.csv", atomically: true, encoding: .utf8)
        var settings = PlateSettings()
        settings.whitelistPath = directory + "/white.csv"
        settings.blacklistPath = directory + "/black.csv"
        let store = InMemoryPlateLists(entries: [
            PlateListEntry(list: .deny, plate: "ZZ00ZZZ", note: nil, createdAtMs: 0)
        ])
        let matcher = try await PlateListMatcher.load(
            settings: settings,
            repository: store,
            normalizer: try PlateTextNormalizer(settings: settings)
        )
        #expect(matcher.match("AB12CDE")?.list == .allow)
        #expect(matcher.match("XY99ZZZ")?.list == .allow)
        #expect(matcher.match("KK11KKK")?.list == .deny)
        #expect(matcher.match("ZZ00ZZZ")?.list == .deny)
        #expect(matcher.match("PLATE") == nil)

        settings.whitelistPath = directory + "/missing.csv"
        let empty = try await PlateListMatcher.load(
            settings: settings,
            repository: nil,
            normalizer: try PlateTextNormalizer(settings: settings)
        )
        #expect(empty.match("AB12CDE") == nil)
    }
}

/// Plate lists held in memory.
struct InMemoryPlateLists: PlateListRepository {
    var entries: [PlateListEntry]

    func addPlate(_ plate: String, to list: PlateList, note: String?) async throws -> Bool { false }
    func removePlate(_ plate: String, from list: PlateList) async throws -> Bool { false }
    func plates(in list: PlateList?) async throws -> [PlateListEntry] {
        entries.filter { list == nil || $0.list == list }
    }
}
