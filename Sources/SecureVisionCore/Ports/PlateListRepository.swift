// SPDX-License-Identifier: Apache-2.0

/// The plate allow and deny lists.
public protocol PlateListRepository: Sendable {
    /// Adds `plate` to `list`; returns `false` if it was already there.
    func addPlate(_ plate: String, to list: PlateList, note: String?) async throws -> Bool
    /// Removes `plate` from `list`; returns `false` if it was not there.
    func removePlate(_ plate: String, from list: PlateList) async throws -> Bool
    /// The entries of `list`, or of both lists when `nil`, by plate.
    func plates(in list: PlateList?) async throws -> [PlateListEntry]
}
