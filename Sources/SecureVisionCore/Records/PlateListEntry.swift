// SPDX-License-Identifier: Apache-2.0

/// An allow or deny list of plates.
///
/// The raw values are the earlier version's `matched_list` values.
public enum PlateList: String, Sendable, CaseIterable, Codable {
    case allow = "whitelist"
    case deny = "blacklist"
}

/// One plate on a list.
public struct PlateListEntry: Sendable, Hashable {
    public var list: PlateList
    /// Normalised text (uppercase, no spaces).
    public var plate: String
    public var note: String?
    public var createdAtMs: Int64

    public init(list: PlateList, plate: String, note: String?, createdAtMs: Int64) {
        self.list = list
        self.plate = plate
        self.note = note
        self.createdAtMs = createdAtMs
    }
}
