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
        /// JSON Schema keywords beside `type` (`minimum`, `enum`, `pattern`...): what the route accepts, so
        /// clients and fuzzers can tell a valid value from one answered 422 or 404.
        var constraints: [String: JSONValue] = [:]
    }

    var method: String
    var path: String
    var summary: String
    /// `nil` for the public routes.
    var scope: TokenScope?
    /// The token may instead come after the request, as the WebSocket's first message: the header is optional.
    var tokenMayFollow = false
    var parameters: [Parameter] = []
    /// A schema in `components/schemas` for the JSON body, if the route takes one.
    var requestSchema: String?
    /// The media types of a raw (non-JSON) body, such as an uploaded image.
    var requestMediaTypes: [String] = []
    /// The success status and a schema reference (or a media type for non-JSON bodies).
    var success: (status: Int, schema: JSONValue?)
    /// Further success statuses with the same body, such as 200 beside 201 when nothing was created.
    var otherSuccess: [Int] = []
    /// Headers of the success response: name, JSON type, whether every response has it, description.
    var successHeaders: [(name: String, type: String, required: Bool, description: String)] = []
    /// The error statuses this route can answer besides 401/403/429, which every protected route can.
    var errors: [Int] = []
}

extension RouteDoc.Parameter {
    static func query(
        _ name: String,
        _ type: String,
        _ description: String,
        _ constraints: [String: JSONValue] = [:]
    ) -> Self {
        .init(name: name, location: .query, type: type, description: description, constraints: constraints)
    }

    static func path(
        _ name: String,
        _ type: String,
        _ description: String,
        _ constraints: [String: JSONValue] = [:]
    ) -> Self {
        .init(name: name, location: .path, type: type, description: description, constraints: constraints)
    }
}
