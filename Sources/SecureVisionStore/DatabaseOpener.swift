// SPDX-License-Identifier: Apache-2.0

internal import GRDB
import SecureVisionCore

/// The steps of opening a database file safely: owner-only files, a read-only integrity check before anything
/// writes to the file, then the WAL pool with durable settings.
enum DatabaseOpener {
    /// How long a connection waits for a lock before failing with "database is locked".
    static let busyTimeoutSeconds = 5.0

    /// The settings of every connection.
    ///
    /// `synchronous = FULL` makes each commit durable across a power cut, in WAL mode too (where SQLite's usual
    /// advice, and GRDB's default, is `NORMAL`, which may lose the last commits).
    static func configuration(readonly: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.label = "SecureVisionStore"
        configuration.readonly = readonly
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeoutSeconds)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }

    /// Creates the data directory, the snapshot folder and the database file (mode 0600) if they are missing.
    ///
    /// The file is created before SQLite opens it so that SQLite gives its `-wal` and `-shm` files the same mode.
    static func prepareFiles(databasePath: String, dataDirectory: String) throws {
        try POSIXFiles.ensureDirectory(dataDirectory, code: .unavailable)
        try POSIXFiles.ensureDirectory(
            POSIXFiles.join(dataDirectory, SnapshotFiles.folderName),
            code: .unavailable
        )
        try POSIXFiles.ensureDirectory(POSIXFiles.parentDirectory(of: databasePath), code: .unavailable)
        var isDirectory = false
        if POSIXFiles.exists(databasePath, isDirectory: &isDirectory) {
            if isDirectory {
                throw StoreError(
                    .unavailable,
                    "Unable to open the database file \(databasePath): it is a directory. Point the database "
                        + "path at a file."
                )
            }
            return
        }
        try POSIXFiles.createFileIfMissing(databasePath)
    }

    /// Runs `PRAGMA integrity_check` through a read-only connection, so that a damaged file is not written to.
    /// - Throws: ``StoreError`` `.corrupt` naming the file if it is not a database or fails the check.
    static func verifyIntegrity(ofFileAt databasePath: String) throws {
        do {
            let queue = try DatabaseQueue(path: databasePath, configuration: configuration(readonly: true))
            let problems = try queue.read(integrityProblems)
            try queue.close()
            try throwIfDamaged(problems, databasePath: databasePath)
        } catch {
            throw StoreError(mapping: error, databasePath: databasePath)
        }
    }

    /// Opens the WAL connection pool and makes its writer durable.
    static func openPool(at databasePath: String) throws -> DatabasePool {
        do {
            let pool = try DatabasePool(path: databasePath, configuration: configuration())
            // DatabasePool switches its writer to `synchronous = NORMAL` after `prepareDatabase` has run.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            return pool
        } catch {
            throw StoreError(mapping: error, databasePath: databasePath)
        }
    }

    /// The problems `PRAGMA integrity_check` reports (at most 20); empty when the database is sound.
    static func integrityProblems(_ db: Database) throws -> [String] {
        let rows = try String.fetchAll(db, sql: "PRAGMA integrity_check(20)")
        return rows == ["ok"] ? [] : rows
    }

    /// Throws ``StoreError`` `.corrupt` if `problems` is not empty.
    static func throwIfDamaged(_ problems: [String], databasePath: String) throws {
        guard let first = problems.first else { return }
        let summary = first.count > 200 ? String(first.prefix(200)) + "..." : first
        throw StoreError.corruptDatabase(
            databasePath,
            reason: "failed its integrity check (\(problems.count) problem(s), first: \(summary))"
        )
    }
}
