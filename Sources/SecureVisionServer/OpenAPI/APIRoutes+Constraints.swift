// SPDX-License-Identifier: Apache-2.0

internal import SecureVisionCore

/// What the routes accept, as JSON Schema keywords, so the document says exactly which values get 422.
///
/// Each mirrors a check in a controller; path values arrive exactly as sent (not percent-decoded), so
/// the patterns only admit characters a client never needs to encode.
extension APIRoutes {
    /// `QueryParameters.pathID()`: a positive 64-bit integer.
    static let positiveID: [String: JSONValue] = ["minimum": 1, "maximum": .int(Int64.max)]
    /// `QueryParameters.integer(_:in:)` for timestamps.
    static let timestamp: [String: JSONValue] = ["minimum": 0, "maximum": .int(Int64.max)]
    /// `limit` of `/events` and `/audit`.
    static let pageLimit: [String: JSONValue] = ["minimum": 1, "maximum": .int(Int64(EventQuery.maximumLimit))]
    /// `PlateListsController.list(_:)`; anything else is 404.
    static let plateListNames: [String: JSONValue] = ["enum": .array(["allow", "deny", "whitelist", "blacklist"])]
    /// `matched_list` of `/events`, the stored names.
    static let storedListNames: [String: JSONValue] = ["enum": .array(PlateList.allCases.map { .string($0.rawValue) })]
    /// `PlateListsController.validated(_:)` on a path: 2-16 letters and digits, dashes ignored.
    static let plateInPath: [String: JSONValue] = ["pattern": "^-*(?:[A-Za-z0-9]-*){2,16}$"]
    /// `PlateListsController.validated(_:)` in a JSON body, where spaces are ignored too.
    static let plateInBody: [String: JSONValue] = ["pattern": "^[ -]*(?:[A-Za-z0-9][ -]*){2,16}$"]
    /// `PeopleController.personID(_:)`: 1-64 of letters, digits, `_`, `-`, `.`, but not `.` or `..`.
    static let personID: [String: JSONValue] = [
        "pattern": "^(?:[A-Za-z0-9_.-]{3,64}|[A-Za-z0-9_-][A-Za-z0-9_.-]?|\\.[A-Za-z0-9_-])$"
    ]
    /// The uploads of `/people/{id}/faces` and `/faces/recognize`: the image itself, never JSON.
    static let imageTypes = ["image/jpeg", "image/png"]
}
