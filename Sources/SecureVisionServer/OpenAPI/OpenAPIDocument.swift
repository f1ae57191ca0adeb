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
        switch route.success.schema {
        case .object(let object) where object["content"] != nil:
            let media = object["content"]?.stringValue ?? "application/octet-stream"
            responses[String(route.success.status)] = .object([
                "description": "OK", "content": .object([media: .object(["schema": .object(["type": "string"])])]),
            ])
        case .some(let schema):
            responses[String(route.success.status)] = .object([
                "description": "OK", "content": .object(["application/json": .object(["schema": schema])]),
            ])
        case .none:
            responses[String(route.success.status)] = .object(["description": "OK"])
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
            operation["security"] = .array([.object(["bearer": .array([])])])
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
                        "schema": .object(["type": .string($0.type)]),
                    ])
                }
            )
        }
        if let schema = route.requestSchema {
            operation["requestBody"] = .object([
                "required": true,
                "content": .object(["application/json": .object(["schema": APIRoutes.ref(schema)])]),
            ])
        }
        return .object(operation)
    }
}
