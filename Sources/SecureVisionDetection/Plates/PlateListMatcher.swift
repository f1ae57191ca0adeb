// SPDX-License-Identifier: Apache-2.0

internal import Foundation
public import SecureVisionCore

/// Matches clean plate text against the allow and deny lists, exactly or within an edit distance.
///
/// The deny list wins: a plate near a denied entry is reported as denied even when it is also allowed.
public struct PlateListMatcher: Sendable {
    /// A plate that matched a list.
    public struct Match: Sendable, Hashable {
        public var list: PlateList
        /// The list entry that matched.
        public var plate: String
        /// The edit distance between the read and the entry (0 for an exact match).
        public var distance: Int

        /// Creates a match.
        /// - Parameters:
        ///   - list: The list matched.
        ///   - plate: The entry matched.
        ///   - distance: The edit distance to it.
        public init(list: PlateList, plate: String, distance: Int) {
            self.list = list
            self.plate = plate
            self.distance = distance
        }
    }

    private let allow: Set<String>
    private let deny: Set<String>
    /// The largest edit distance that still matches (0 = exact only).
    public let maxDistance: Int

    /// Creates a matcher over canonical plates.
    /// - Parameters:
    ///   - allow: Allowed plates, already normalised.
    ///   - deny: Denied plates, already normalised.
    ///   - maxDistance: `PLATES__MATCH_MAX_DISTANCE`.
    public init(allow: some Sequence<String> = [], deny: some Sequence<String> = [], maxDistance: Int = 0) {
        self.allow = Set(allow)
        self.deny = Set(deny)
        self.maxDistance = max(0, maxDistance)
    }

    /// Loads both lists from the CSV files of the settings and from the store, normalising every entry.
    /// - Parameters:
    ///   - settings: Paths (`WHITELIST_PATH`, `BLACKLIST_PATH`) and `MATCH_MAX_DISTANCE`; a missing file is empty.
    ///   - repository: The store's lists, or `nil`.
    ///   - normalizer: How entries are normalised, the same as reads.
    /// - Returns: The matcher.
    /// - Throws: ``VisionError`` with code `io` when a list file exists but cannot be read, or a store error.
    public static func load(
        settings: PlateSettings,
        repository: (any PlateListRepository)?,
        normalizer: PlateTextNormalizer
    ) async throws -> PlateListMatcher {
        var allow = try PlateListFile.read(settings.whitelistPath).map(normalizer.canonical)
        var deny = try PlateListFile.read(settings.blacklistPath).map(normalizer.canonical)
        if let repository {
            for entry in try await repository.plates(in: nil) {
                switch entry.list {
                case .allow: allow.append(normalizer.canonical(entry.plate))
                case .deny: deny.append(normalizer.canonical(entry.plate))
                }
            }
        }
        return PlateListMatcher(
            allow: allow.filter { !$0.isEmpty },
            deny: deny.filter { !$0.isEmpty },
            maxDistance: settings.matchMaxDistance
        )
    }

    /// The list a clean plate belongs to.
    /// - Parameter plate: A normalised read.
    /// - Returns: The deny match if any, else the allow match, else `nil`.
    public func match(_ plate: String) -> Match? {
        if let denied = Self.nearest(plate, in: deny, maxDistance: maxDistance) {
            return Match(list: .deny, plate: denied.plate, distance: denied.distance)
        }
        if let allowed = Self.nearest(plate, in: allow, maxDistance: maxDistance) {
            return Match(list: .allow, plate: allowed.plate, distance: allowed.distance)
        }
        return nil
    }

    private static func nearest(_ plate: String, in list: Set<String>, maxDistance: Int) -> (
        plate: String, distance: Int
    )? {
        if list.contains(plate) { return (plate, 0) }
        guard maxDistance > 0 else { return nil }
        var best: (plate: String, distance: Int)?
        for entry in list where abs(entry.count - plate.count) <= maxDistance {
            let distance = editDistance(plate, entry)
            if distance <= maxDistance,
                distance < (best?.distance ?? .max) || (distance == best?.distance && entry < (best?.plate ?? ""))
            {
                best = (entry, distance)
            }
        }
        return best
    }
}
