// SPDX-License-Identifier: Apache-2.0

internal import GRDB
import SecureVisionCore

/// One row of the `plate_list_entries` table: a plate on the allow or deny list.
struct PlateListRecord: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "plate_list_entries"

    var list: String
    var plate: String
    var note: String?
    var createdAtMs: Int64

    enum CodingKeys: String, CodingKey {
        case list, plate, note
        case createdAtMs = "created_at_ms"
    }

    enum Columns {
        static let list = Column(CodingKeys.list)
        static let plate = Column(CodingKeys.plate)
    }

    /// The Core entry, or `nil` for a list this version does not know.
    var entry: PlateListEntry? {
        PlateList(rawValue: list).map { PlateListEntry(list: $0, plate: plate, note: note, createdAtMs: createdAtMs) }
    }

    /// Plate text as lists store it: uppercase, without whitespace.
    static func normalise(_ plate: String) -> String {
        String(plate.unicodeScalars.filter { !$0.properties.isWhitespace }).uppercased()
    }
}
