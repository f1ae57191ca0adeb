// SPDX-License-Identifier: Apache-2.0

internal import SecureVisionCore

/// The documentation of one route, from which `/openapi.json` is built.
///
/// A test compares these with the router's routes, so the document cannot drift from the server.
struct RouteDoc {
    struct Parameter {
        enum Location: String { case query, path }
        var name: String
        var location: Location
        var type: String
        var description: String
    }

    var method: String
    var path: String
    var summary: String
    /// `nil` for the public routes.
    var scope: TokenScope?
    var parameters: [Parameter] = []
    /// A schema in `components/schemas` for the JSON body, if the route takes one.
    var requestSchema: String?
    /// The success status and a schema reference (or a media type for non-JSON bodies).
    var success: (status: Int, schema: JSONValue?)
    /// The error statuses this route can answer besides 401/403/429, which every protected route can.
    var errors: [Int] = []
}

extension RouteDoc.Parameter {
    static func query(_ name: String, _ type: String, _ description: String) -> Self {
        .init(name: name, location: .query, type: type, description: description)
    }

    static func path(_ name: String, _ type: String, _ description: String) -> Self {
        .init(name: name, location: .path, type: type, description: description)
    }
}
