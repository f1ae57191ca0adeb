// SPDX-License-Identifier: Apache-2.0

internal import GRDB

/// The schema of the store, as one append-only list of named migrations.
///
/// A migration is never edited or removed once released: a schema change is a new migration appended at the
/// end. `eraseDatabaseOnSchemaChange` is never set, because development and test databases are real files
/// whose contents matter.
enum StoreMigrator {
    /// The migrator with every migration, in order.
    static func make() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-events", migrate: createEvents)
        migrator.registerMigration("v1-gallery", migrate: createGallery)
        migrator.registerMigration("v1-plate-lists", migrate: createPlateLists)
        migrator.registerMigration("v1-tokens", migrate: createTokens)
        migrator.registerMigration("v1-audit", migrate: createAuditLog)
        migrator.registerMigration("v2-event-totals", migrate: createEventTotals)
        migrator.registerMigration("v2-camera-type-index", migrate: createCameraTypeIndex)
        return migrator
    }

    private static func createEvents(_ db: Database) throws {
        try db.create(table: "events", options: .strict) { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("type", .text).notNull()
            table.column("ts_ms", .integer).notNull()
            table.column("camera_id", .text).notNull()
            table.column("created_at_ms", .integer).notNull()
            table.column("track_id", .integer)
            table.column("person_id", .text)
            table.column("plate_text", .text)
            table.column("matched_list", .text)
            table.column("similarity", .real)
            table.column("payload_json", .text).notNull()
            table.column("snapshot_path", .text)
            table.column("crop_path", .text)
            table.column("file_bytes", .integer).notNull().defaults(to: 0)
        }
        // Static DDL: GRDB's index builder has no descending columns.
        try db.execute(sql: "CREATE INDEX events_by_time ON events(ts_ms DESC, id DESC)")
        try db.create(index: "events_by_type", on: "events", columns: ["type", "ts_ms"])
        try db.create(index: "events_by_camera", on: "events", columns: ["camera_id", "ts_ms"])
        try db.create(index: "events_by_person", on: "events", columns: ["person_id"])
        try db.create(index: "events_by_plate", on: "events", columns: ["plate_text"])
    }

    private static func createGallery(_ db: Database) throws {
        try db.create(table: "people", options: .strict) { table in
            table.primaryKey("id", .text)
            table.column("display_name", .text).notNull()
            table.column("created_at_ms", .integer).notNull()
        }
        try db.create(table: "face_embeddings", options: .strict) { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("person_id", .text).notNull().references("people", onDelete: .cascade)
            table.column("vector", .blob).notNull()
            table.column("source", .text)
            table.column("source_digest", .text)
            table.column("created_at_ms", .integer).notNull()
            // NULL digests never collide, so faces without a digest can always be added.
            table.uniqueKey(["person_id", "source_digest"])
        }
    }

    private static func createPlateLists(_ db: Database) throws {
        try db.create(table: "plate_list_entries", options: .strict) { table in
            table.column("list", .text).notNull()
            table.column("plate", .text).notNull()
            table.column("note", .text)
            table.column("created_at_ms", .integer).notNull()
            table.primaryKey(["list", "plate"])
        }
    }

    private static func createTokens(_ db: Database) throws {
        try db.create(table: "api_tokens", options: .strict) { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("name", .text).notNull()
            table.column("scopes", .text).notNull()
            table.column("secret_hash", .text).notNull().unique()
            table.column("created_at_ms", .integer).notNull()
            table.column("last_used_at_ms", .integer)
            table.column("revoked_at_ms", .integer)
        }
        try db.create(
            index: "api_tokens_active_name",
            on: "api_tokens",
            columns: ["name"],
            options: .unique,
            condition: Column("revoked_at_ms") == nil
        )
    }

    private static func createAuditLog(_ db: Database) throws {
        try db.create(table: "audit_log", options: .strict) { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("ts_ms", .integer).notNull()
            table.column("actor", .text).notNull()
            table.column("action", .text).notNull()
            table.column("target", .text)
            table.column("detail", .text)
            table.column("client_address", .text)
        }
    }
}
