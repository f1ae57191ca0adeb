// SPDX-License-Identifier: Apache-2.0

internal import GRDB
import SecureVisionCore

/// Migrations and integrity, for `securevision migrate` and startup. These methods block the calling thread.
extension EventStore {
    /// The names of every migration this version knows, in the order they apply.
    public static var knownMigrations: [String] {
        StoreMigrator.make().migrations
    }

    /// The migrations already applied to the database, in order.
    /// - Throws: ``StoreError`` if the database cannot be read.
    public var appliedMigrations: [String] {
        get throws {
            try mappingErrors {
                try writer.read { db in try StoreMigrator.make().appliedMigrations(db) }
            }
        }
    }

    /// The known migrations not yet applied, in the order ``migrate()`` would apply them.
    /// - Throws: ``StoreError`` if the database cannot be read.
    public var pendingMigrations: [String] {
        get throws {
            let applied = Set(try appliedMigrations)
            return Self.knownMigrations.filter { !applied.contains($0) }
        }
    }

    /// Applies pending migrations, each in its own transaction.
    /// - Throws: ``StoreError`` if a migration fails; the migrations before it stay applied.
    public func migrate() throws {
        try mappingErrors {
            try StoreMigrator.make().migrate(writer)
        }
    }

    /// Runs `PRAGMA integrity_check` on the open database.
    ///
    /// This reads every page, so it takes time proportional to the size of the database.
    /// - Throws: ``StoreError`` `.corrupt` naming the file and the first problem found.
    public func checkIntegrity() throws {
        let problems = try mappingErrors {
            try writer.read(DatabaseOpener.integrityProblems)
        }
        try DatabaseOpener.throwIfDamaged(problems, databasePath: databasePath)
    }
}

extension EventStore {
    /// Closes the database connections; every later call fails with ``StoreError``.
    ///
    /// Closing is optional: releasing the last reference closes the store too. An explicit close lets
    /// shutdown report a failure and makes SQLite checkpoint and remove the `-wal` file at a known point.
    /// - Throws: ``StoreError`` if a connection cannot be closed.
    public func close() throws {
        try mappingErrors {
            try writer.close()
        }
    }
}

#if DEBUG
    /// Hooks for the store's own tests.
    extension EventStore {
        /// The connection settings that durability depends on, read from the writer connection.
        func durabilitySettings() async throws -> (journalMode: String, synchronous: Int, foreignKeys: Bool) {
            try await writingWithoutTransaction { db in
                (
                    try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "",
                    try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1,
                    try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false
                )
            }
        }

        /// Runs a fixed SQL statement on the writer; only for tests that need to break the database on purpose.
        func executeForTesting(_ sql: String) async throws {
            try await writingWithoutTransaction { db in
                try db.execute(sql: sql)
            }
        }
    }
#endif
