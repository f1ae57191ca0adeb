// SPDX-License-Identifier: Apache-2.0

internal import SecureVisionCore

/// Every HTTP route of the server, documented.
enum APIRoutes {
    static func ref(_ name: String) -> JSONValue { .object(["$ref": .string("#/components/schemas/\(name)")]) }
    static func array(_ name: String) -> JSONValue { .object(["type": "array", "items": ref(name)]) }
    static let jpeg: JSONValue = .object(["content": "image/jpeg"])

    static let eventID = RouteDoc.Parameter.path("id", "integer", "The event id.", positiveID)
    static let listName = RouteDoc.Parameter.path(
        "list",
        "string",
        "allow (whitelist) or deny (blacklist).",
        plateListNames
    )

    static let all: [RouteDoc] = [
        RouteDoc(
            method: "get",
            path: "/",
            summary:
                "Service name, version and whether auth is on. A client whose Accept header prefers text/html gets the dashboard page instead.",
            success: (200, ref("ServiceInfo"))
        ),
        RouteDoc(
            method: "get",
            path: "/health",
            summary: "Store, cameras and recent events.",
            success: (200, ref("Health"))
        ),
        RouteDoc(
            method: "get",
            path: "/openapi.json",
            summary: "This document.",
            success: (200, .object(["type": "object"]))
        ),
        RouteDoc(
            method: "get",
            path: "/events",
            summary: "Events, newest first. Paging: X-Total-Count and X-Next-Cursor response headers.",
            scope: .read,
            parameters: [
                .query("type", "string", "Comma-separated event types."), .query("camera", "string", "Camera id."),
                .query("person_id", "string", "Recognised person."), .query("plate", "string", "Cleaned plate text."),
                .query("matched_list", "string", "whitelist or blacklist.", storedListNames),
                .query("since", "integer", "Earliest ts_ms, inclusive.", timestamp),
                .query("until", "integer", "Latest ts_ms, inclusive.", timestamp),
                .query("limit", "integer", "1-1000, default 100.", pageLimit),
                .query("cursor", "string", "X-Next-Cursor of the previous page."),
            ],
            success: (200, array("Event")),
            successHeaders: [
                ("X-Total-Count", "integer", true, "Events matching the filters, on every page."),
                ("X-Next-Cursor", "string", false, "The cursor of the next page; absent on the last."),
            ],
            errors: [422]
        ),
        RouteDoc(
            method: "get",
            path: "/events/{id}",
            summary: "One event.",
            scope: .read,
            parameters: [eventID],
            success: (200, ref("Event")),
            errors: [404, 422]
        ),
        RouteDoc(
            method: "get",
            path: "/events/{id}/snapshot.jpg",
            summary: "The event's full-frame JPEG.",
            scope: .read,
            parameters: [eventID],
            success: (200, jpeg),
            errors: [404, 422]
        ),
        RouteDoc(
            method: "get",
            path: "/events/{id}/crop.jpg",
            summary: "The event's face or plate crop.",
            scope: .read,
            parameters: [eventID],
            success: (200, jpeg),
            errors: [404, 422]
        ),
        RouteDoc(
            method: "get",
            path: "/faces/{id}",
            summary: "A face event (earlier path).",
            scope: .read,
            parameters: [eventID],
            success: (200, ref("Event")),
            errors: [404, 422]
        ),
        RouteDoc(
            method: "get",
            path: "/plates/{id}",
            summary: "A plate event (earlier path).",
            scope: .read,
            parameters: [eventID],
            success: (200, ref("Event")),
            errors: [404, 422]
        ),
        RouteDoc(
            method: "post",
            path: "/cleanup",
            summary: "Apply retention now.",
            scope: .write,
            success: (200, ref("CleanupResult"))
        ),
        RouteDoc(
            method: "get",
            path: "/audit",
            summary: "The newest audit log entries.",
            scope: .admin,
            parameters: [.query("limit", "integer", "1-1000, default 100.", pageLimit)],
            success: (200, array("AuditEntry")),
            errors: [422]
        ),
        RouteDoc(
            method: "get",
            path: "/plate-lists",
            summary: "Both plate lists.",
            scope: .read,
            success: (200, ref("PlateLists"))
        ),
        RouteDoc(
            method: "get",
            path: "/plate-lists/{list}",
            summary: "One plate list.",
            scope: .read,
            parameters: [listName],
            success: (200, array("PlateListEntry")),
            errors: [404]
        ),
        RouteDoc(
            method: "post",
            path: "/plate-lists/{list}",
            summary: "Add a plate.",
            scope: .write,
            parameters: [listName],
            requestSchema: "PlateListAdd",
            success: (201, ref("PlateListEntry")),
            errors: [400, 404, 409, 413, 422]
        ),
        RouteDoc(
            method: "delete",
            path: "/plate-lists/{list}/{plate}",
            summary: "Remove a plate.",
            scope: .write,
            parameters: [listName, .path("plate", "string", "The plate text.", plateInPath)],
            success: (204, nil),
            errors: [404, 422]
        ),
        RouteDoc(
            method: "get",
            path: "/people",
            summary: "Enrolled people.",
            scope: .read,
            success: (200, array("Person"))
        ),
        RouteDoc(
            method: "post",
            path: "/people/{id}/faces",
            summary:
                "Enrol a face: the body is a JPEG or PNG with exactly one face; ?name= names a new person; 422 with the reason otherwise.",
            scope: .write,
            parameters: [
                .path("id", "string", "The person id.", personID),
                .query("name", "string", "Display name of a new person."),
            ],
            requestMediaTypes: imageTypes,
            success: (201, ref("Enrollment")),
            otherSuccess: [200],
            errors: [413, 422, 503]
        ),
        RouteDoc(
            method: "post",
            path: "/faces/recognize",
            summary: "Find and identify the faces in an uploaded JPEG or PNG.",
            scope: .read,
            requestMediaTypes: imageTypes,
            success: (200, ref("Recognition")),
            errors: [413, 422, 503]
        ),
        RouteDoc(
            method: "delete",
            path: "/people/{id}",
            summary: "Delete a person and their faces.",
            scope: .write,
            parameters: [.path("id", "string", "The person id.", personID)],
            success: (204, nil),
            errors: [404, 422]
        ),
        RouteDoc(
            method: "get",
            path: "/cameras",
            summary: "Configured cameras with state, fps, resolution, last frame and counters.",
            scope: .read,
            success: (200, .object(["type": "array", "items": .object(["type": "object"])]))
        ),
        RouteDoc(
            method: "get",
            path: "/cameras/{id}/latest.jpg",
            summary: "The camera's newest frame.",
            scope: .read,
            parameters: [.path("id", "string", "The camera id.")],
            success: (200, jpeg),
            errors: [404]
        ),
        RouteDoc(
            method: "get",
            path: "/stats",
            summary: "Counts and sizes.",
            scope: .read,
            success: (200, .object(["type": "object"]))
        ),
        RouteDoc(
            method: "get",
            path: "/metrics",
            summary: "Prometheus text format.",
            scope: .read,
            success: (200, .object(["content": "text/plain"]))
        ),
        RouteDoc(
            method: "get",
            path: "/stream",
            summary:
                "WebSocket of live events. Authenticate with the Authorization header or a first message {\"type\":\"auth\",\"token\":...} within 5 s; {\"type\":\"subscribe\",\"types\":[],\"cameras\":[]} filters; other text is answered {\"type\":\"pong\",\"data\":...}.",
            scope: .read,
            tokenMayFollow: true,
            success: (101, nil),
            errors: [426]
        ),
        RouteDoc(
            method: "get",
            path: "/ui/{asset}",
            summary: "A file of the dashboard (script, style sheet or icon) from a fixed list, without a token.",
            parameters: [
                .path(
                    "asset",
                    "string",
                    "The file name, such as main.js.",
                    ["enum": .array(DashboardAsset.assets.keys.sorted().map(JSONValue.string))]
                )
            ],
            success: (
                200,
                .object([
                    "content": .array(
                        Set(DashboardAsset.assets.values.map(\.contentType)).sorted().map(JSONValue.string)
                    )
                ])
            ),
            errors: [404]
        ),
    ]
}
