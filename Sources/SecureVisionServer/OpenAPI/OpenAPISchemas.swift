// SPDX-License-Identifier: Apache-2.0

internal import SecureVisionCore

/// The JSON schemas of `components/schemas`.
enum OpenAPISchemas {
    static func object(_ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
        .object([
            "type": "object", "properties": .object(properties), "required": .array(required.map(JSONValue.string)),
        ])
    }

    static let string: JSONValue = .object(["type": "string"])
    static let nullableString: JSONValue = .object(["type": .array(["string", "null"])])
    static let integer: JSONValue = .object(["type": "integer"])
    static let boolean: JSONValue = .object(["type": "boolean"])

    static let all: [String: JSONValue] = [
        "Error": object(["detail": string], required: ["detail"]),
        "ServiceInfo": object(
            ["service": string, "version": string, "ws_enabled": boolean, "auth_enabled": boolean],
            required: ["service", "version", "ws_enabled", "auth_enabled"]
        ),
        "Health": object(
            [
                "status": string, "version": string, "uptime_s": integer, "events_last_5m": integer,
                "store": .object(["type": "object"]), "cameras": .object(["type": "object"]),
            ],
            required: ["status", "version", "store", "cameras"]
        ),
        "Event": object(
            [
                "id": integer, "type": string, "ts_ms": integer, "frame_source_id": string, "created_at": string,
                "track_id": .object(["type": .array(["integer", "null"])]),
                "payload": .object([
                    "type": "object",
                    "description":
                        "face: person_id, similarity, bbox {x1,y1,x2,y2}, detection_score, track_id; plate: text_raw, text_clean, ocr_confidence, detector_score, matched_list, bbox, track_id",
                ]),
                "snapshot_url": nullableString, "crop_url": nullableString,
            ],
            required: ["id", "type", "ts_ms", "frame_source_id", "created_at", "payload"]
        ),
        "CleanupResult": object(
            ["deleted": integer, "retention_days": integer],
            required: ["deleted", "retention_days"]
        ),
        "AuditEntry": object(
            [
                "id": integer, "ts_ms": integer, "actor": string, "action": string, "target": nullableString,
                "detail": nullableString, "client_address": nullableString,
            ],
            required: ["id", "ts_ms", "actor", "action"]
        ),
        "PlateListEntry": object(
            ["plate": string, "list": string, "note": nullableString, "created_at": string],
            required: ["plate", "list", "created_at"]
        ),
        // PlateListsController.add: the note has at most 200 characters.
        "PlateListAdd": object(
            [
                "plate": .object(APIRoutes.plateInBody.merging(["type": "string"]) { _, type in type }),
                "note": .object(["type": .array(["string", "null"]), "maxLength": 200]),
            ],
            required: ["plate"]
        ),
        "PlateLists": object([
            "whitelist": .object(["type": "array", "items": APIRoutes.ref("PlateListEntry")]),
            "blacklist": .object(["type": "array", "items": APIRoutes.ref("PlateListEntry")]),
        ]),
        "Enrollment": object(["person_id": string, "outcome": string], required: ["person_id", "outcome"]),
        "Recognition": object([
            "faces": .object([
                "type": "array",
                "items": object([
                    "box": .object(["type": "object"]), "score": .object(["type": "number"]),
                    "person_id": nullableString, "similarity": .object(["type": "number"]),
                ]),
            ])
        ]),
        "Person": object(
            ["id": string, "display_name": string, "face_count": integer, "created_at": string],
            required: ["id", "display_name", "face_count", "created_at"]
        ),
    ]
}
