// SPDX-License-Identifier: Apache-2.0

internal import GRDB
import SecureVisionCore

extension EventStore {
    /// Copies the database to a new file while the store stays in use (SQLite's online backup).
    ///
    /// The copy is a consistent snapshot, created with mode 0600. Snapshot files are not copied: back up the
    /// data directory's `snapshots/` folder alongside it. This method blocks the calling thread.
    /// - Parameter path: The new file; it must not exist yet.
    /// - Throws: ``StoreError`` `.conflict` if something exists at `path`, or another ``StoreError`` if the copy
    ///   fails (nothing is left at `path` then).
    public func backup(to path: String) throws {
        // Creating the file exclusively (O_EXCL) refuses any existing file and fixes the mode at 0600.
        guard !POSIXFiles.exists(path), try POSIXFiles.createFileIfMissing(path, code: .io) else {
            throw StoreError(
                .conflict,
                "The backup destination \(path) already exists. Choose a new file name; a backup never "
                    + "overwrites a file."
            )
        }
        do {
            let destination = try DatabaseQueue(path: path, configuration: DatabaseOpener.configuration())
            try writer.backup(to: destination)
            try destination.close()
        } catch {
            POSIXFiles.removeFile(path)
            POSIXFiles.removeFile(path + "-journal")
            POSIXFiles.removeFile(path + "-wal")
            POSIXFiles.removeFile(path + "-shm")
            throw StoreError(mapping: error, databasePath: path)
        }
    }
}
