// SPDX-License-Identifier: Apache-2.0

internal import Hummingbird

/// `GET /`: the earlier version's fields, unchanged.
struct ServiceInfo: ResponseCodable, Sendable {
    var service: String
    var version: String
    var wsEnabled: Bool
    var authEnabled: Bool

    enum CodingKeys: String, CodingKey {
        case service, version
        case wsEnabled = "ws_enabled"
        case authEnabled = "auth_enabled"
    }
}
