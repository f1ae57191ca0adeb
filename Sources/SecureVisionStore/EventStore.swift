// SPDX-License-Identifier: Apache-2.0

import Foundation
internal import GRDB
import SecureVisionCore

/// The SQLite event store: events with their snapshot files, the face gallery, plate lists, API tokens and the
/// audit log.
///
/// Production code opens a WAL database file with ``open(databasePath:dataDirectory:applyingMigrations:nowMs:)``;
/// tests may use ``inMemory(dataDirectory:nowMs:)``. Every method is safe to call from many tasks at once:
/// writes are serialised by SQLite's single writer, and reads see a consistent snapshot.
///
/// ```swift
/// let store = try EventStore.open(databasePath: "data/events.db", dataDirectory: "data")
/// let event = try await store.append(NewEvent(type: .plateRead, timestampMs: now, cameraID: "gate"))
/// ```
public final class EventStore: Sendable {
    /// The wall clock in milliseconds since the Unix epoch.
    public static let wallClock: @Sendable () -> Int64 = {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The directory that holds the snapshot files; stored file paths are relative to it.
    public let dataDirectory: String
    /// The database file, or `:memory:`, as named in messages.
    public let databasePath: String

    let writer: any DatabaseWriter
    let files: SnapshotFiles
    let nowMs: @Sendable () -> Int64

    init(
        writer: any DatabaseWriter,
        databasePath: String,
        dataDirectory: String,
        nowMs: @escaping @Sendable () -> Int64
    ) {
        self.writer = writer
        self.databasePath = databasePath
        self.dataDirectory = dataDirectory
        self.files = SnapshotFiles(dataDirectory: dataDirectory)
        self.nowMs = nowMs
    }

    /// Opens (or creates) the database file in WAL mode, checks its integrity and applies pending migrations.
    ///
    /// A new data directory and database file are created owner-only (0700 and 0600); existing ones are left as
    /// they are. An existing file that is not a database, or that fails `PRAGMA integrity_check`, is never
    /// replaced: opening fails instead.
    /// - Parameters:
    ///   - databasePath: The SQLite file, such as `data/events.db`.
    ///   - dataDirectory: Where snapshot files live, under `snapshots/`.
    ///   - applyingMigrations: `false` only for tools that report pending migrations before applying them.
    ///   - nowMs: The clock that stamps `created_at`; the wall clock by default.
    /// - Returns: The open store.
    /// - Throws: ``StoreError`` `.corrupt` for a damaged file, `.unavailable` if it cannot be opened.
    public static func open(
        databasePath: String,
        dataDirectory: String,
        applyingMigrations: Bool = true,
        nowMs: @escaping @Sendable () -> Int64 = EventStore.wallClock
    ) throws -> EventStore {
        try DatabaseOpener.prepareFiles(databasePath: databasePath, dataDirectory: dataDirectory)
        try DatabaseOpener.verifyIntegrity(ofFileAt: databasePath)
        let pool = try DatabaseOpener.openPool(at: databasePath)
        let store = EventStore(writer: pool, databasePath: databasePath, dataDirectory: dataDirectory, nowMs: nowMs)
        if applyingMigrations {
            try store.migrate()
        }
        return store
    }

    /// Creates an empty, migrated in-memory database, with snapshot files under `dataDirectory`.
    /// - Parameters:
    ///   - dataDirectory: Where snapshot files live; created (0700) if missing.
    ///   - nowMs: The clock that stamps `created_at`; the wall clock by default.
    /// - Returns: The store.
    /// - Throws: ``StoreError`` if the directory cannot be created.
    public static func inMemory(
        dataDirectory: String,
        nowMs: @escaping @Sendable () -> Int64 = EventStore.wallClock
    ) throws -> EventStore {
        try POSIXFiles.ensureDirectory(dataDirectory, code: .unavailable)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: DatabaseOpener.configuration())
        } catch {
            throw StoreError(mapping: error, databasePath: ":memory:")
        }
        let store = EventStore(writer: queue, databasePath: ":memory:", dataDirectory: dataDirectory, nowMs: nowMs)
        try store.migrate()
        return store
    }
}
