// SPDX-License-Identifier: Apache-2.0

internal import GRDB
public import SecureVisionCore

extension EventStore: PlateListRepository {
    /// Adds `plate` (normalised: uppercase, no whitespace) to `list`.
    /// - Parameters:
    ///   - plate: The plate text as typed.
    ///   - list: The allow or deny list.
    ///   - note: A remark for the operator.
    /// - Returns: `false` if the plate was already on the list (its note is then left unchanged).
    /// - Throws: ``StoreError`` `.invalidInput` for a plate with no characters besides whitespace.
    public func addPlate(_ plate: String, to list: PlateList, note: String?) async throws -> Bool {
        let normalised = try Self.normalisedPlate(plate)
        let now = nowMs()
        return try await writing { db in
            let record = PlateListRecord(list: list.rawValue, plate: normalised, note: note, createdAtMs: now)
            try record.insert(db, onConflict: .ignore)
            return db.changesCount > 0
        }
    }

    /// Removes `plate` (normalised) from `list`.
    /// - Parameters:
    ///   - plate: The plate text as typed.
    ///   - list: The allow or deny list.
    /// - Returns: `false` if the plate was not on the list.
    /// - Throws: ``StoreError`` `.invalidInput` for a plate with no characters besides whitespace.
    public func removePlate(_ plate: String, from list: PlateList) async throws -> Bool {
        let normalised = try Self.normalisedPlate(plate)
        return try await writing { db in
            try PlateListRecord.deleteOne(
                db,
                key: [
                    PlateListRecord.CodingKeys.list.rawValue: list.rawValue,
                    PlateListRecord.CodingKeys.plate.rawValue: normalised,
                ]
            )
        }
    }

    /// The entries of `list`, or of both lists when `nil`, by plate.
    /// - Parameter list: The list, or `nil` for both.
    /// - Returns: The entries.
    /// - Throws: ``StoreError`` if the database cannot be read.
    public func plates(in list: PlateList?) async throws -> [PlateListEntry] {
        try await reading { db in
            var request = PlateListRecord.order(PlateListRecord.Columns.plate, PlateListRecord.Columns.list)
            if let list {
                request = request.filter(PlateListRecord.Columns.list == list.rawValue)
            }
            return try request.fetchAll(db).compactMap(\.entry)
        }
    }

    private static func normalisedPlate(_ plate: String) throws -> String {
        let normalised = PlateListRecord.normalise(plate)
        guard !normalised.isEmpty else {
            throw StoreError(.invalidInput, "A plate needs at least one character besides whitespace.")
        }
        return normalised
    }
}
