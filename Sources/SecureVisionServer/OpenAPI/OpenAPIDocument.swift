// SPDX-License-Identifier: Apache-2.0

internal import SecureVisionCore

/// Builds the OpenAPI 3.1 description of the API from ``APIRoutes``.
enum OpenAPIDocument {
    static func make() -> JSONValue {
        var operationsByPath: [String: [String: JSONValue]] = [:]
        for route in APIRoutes.all {
            operationsByPath[route.path, default: [:]][route.method] = operation(route)
        }
        let paths = operationsByPath.mapValues(JSONValue.object)
        return .object([
            "openapi": "3.1.0",
            "info": .object([
                "title": "SecureVision API", "version": .string(SecureVisionVersion.current),
                "description": "Local-first video analytics. Errors are {\"detail\": \"...\"}.",
            ]),
            "paths": .object(paths),
            "components": .object([
                "schemas": .object(OpenAPISchemas.all),
                "securitySchemes": .object(["bearer": .object(["type": "http", "scheme": "bearer"])]),
            ]),
        ])
    }

    private static func operation(_ route: RouteDoc) -> JSONValue {
        var responses: [String: JSONValue] = [:]
        var success: [String: JSONValue] = ["description": "OK"]
        switch route.success.schema {
        case .object(let object) where object["content"] != nil:
            // One media type, or several when the route serves files of different kinds.
            let media: [String]
            if case .array(let types)? = object["content"] {
                media = types.compactMap(\.stringValue)
            } else {
                media = [object["content"]?.stringValue ?? "application/octet-stream"]
            }
            let text: JSONValue = .object(["schema": .object(["type": "string"])])
            success["content"] = .object(Dictionary(uniqueKeysWithValues: media.map { ($0, text) }))
        case .some(let schema):
            success["content"] = .object(["application/json": .object(["schema": schema])])
        case .none:
            break
        }
        if !route.successHeaders.isEmpty {
            var headers: [String: JSONValue] = [:]
            for header in route.successHeaders {
                headers[header.name] = .object([
                    "description": .string(header.description), "required": .bool(header.required),
                    "schema": .object(["type": .string(header.type)]),
                ])
            }
            success["headers"] = .object(headers)
        }
        for status in [route.success.status] + route.otherSuccess {
            responses[String(status)] = .object(success)
        }
        var errors = route.errors
        if route.scope != nil { errors += [401, 403, 429] }
        for status in Set(errors).sorted() {
            responses[String(status)] = .object([
                "description": "Error",
                "content": .object(["application/json": .object(["schema": APIRoutes.ref("Error")])]),
            ])
        }
        var operation: [String: JSONValue] = [
            "summary": .string(route.summary),
            "operationId": .string(route.method + route.path.replacing("/", with: "_").replacing(".", with: "_")),
            "responses": .object(responses),
        ]
        if let scope = route.scope {
            // An empty Security Requirement Object makes the header optional.
            let requirements: [JSONValue] =
                [.object(["bearer": .array([])])] + (route.tokenMayFollow ? [.object([:])] : [])
            operation["security"] = .array(requirements)
            operation["x-scope"] = .string(scope.rawValue)
        } else {
            operation["security"] = .array([])
        }
        if !route.parameters.isEmpty {
            operation["parameters"] = .array(
                route.parameters.map {
                    .object([
                        "name": .string($0.name), "in": .string($0.location.rawValue),
                        "required": .bool($0.location == .path), "description": .string($0.description),
                        "schema": .object($0.constraints.merging(["type": .string($0.type)]) { _, type in type }),
                    ])
                }
            )
        }
        if let schema = route.requestSchema {
            operation["requestBody"] = .object([
                "required": true,
                "content": .object(["application/json": .object(["schema": APIRoutes.ref(schema)])]),
            ])
        } else if !route.requestMediaTypes.isEmpty {
            let binary: JSONValue = .object(["schema": .object(["type": "string", "format": "binary"])])
            operation["requestBody"] = .object([
                "required": true,
                "content": .object(Dictionary(uniqueKeysWithValues: route.requestMediaTypes.map { ($0, binary) })),
            ])
        }
        return .object(operation)
    }
}
