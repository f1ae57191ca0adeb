// SPDX-License-Identifier: Apache-2.0

import Foundation
internal import GRDB
import SecureVisionCore

extension StoreError {
    /// Converts any error raised inside the store into a ``StoreError``.
    ///
    /// This is the one place where GRDB and SQLite errors become store errors. Messages name the database file
    /// and SQLite's generic description of the result code, never the SQL text or its arguments.
    /// A ``StoreError`` passes through unchanged.
    /// - Parameters:
    ///   - error: What was thrown.
    ///   - databasePath: The database file, for the operator.
    init(mapping error: any Error, databasePath: String) {
        switch error {
        case let error as StoreError:
            self = error
        case let error as DatabaseError:
            self = Self.fromDatabaseError(error, databasePath: databasePath)
        case is RowDecodingError, is DecodingError:
            self.init(
                .corrupt,
                "A row of the database \(databasePath) could not be read; the file may be damaged. "
                    + "Run `PRAGMA integrity_check`, or restore the database from a backup."
            )
        case is EncodingError:
            self.init(.invalidInput, "The value could not be encoded for storage.")
        default:
            self.init(.unavailable, "The event store failed unexpectedly (\(type(of: error))).")
        }
    }

    /// The operator's message for a file that is not a database or is damaged.
    static func corruptDatabase(_ databasePath: String, reason: String) -> StoreError {
        StoreError(
            .corrupt,
            "The database file \(databasePath) \(reason). Restore it from a backup, or move it aside to start "
                + "with an empty database; SecureVision will not create a new database over it."
        )
    }

    private static func fromDatabaseError(_ error: DatabaseError, databasePath: String) -> StoreError {
        let sqlite = "SQLite error \(error.extendedResultCode)"
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return corruptDatabase(databasePath, reason: "is not a valid SQLite database (\(sqlite))")
        case .SQLITE_CORRUPT:
            return corruptDatabase(databasePath, reason: "is damaged and failed an integrity check (\(sqlite))")
        case .SQLITE_CANTOPEN:
            return StoreError(
                .unavailable,
                "Unable to open the database file \(databasePath) (\(sqlite)). Check that the path is a file "
                    + "in an existing directory that this user can read and write."
            )
        case .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return StoreError(
                .unavailable,
                "The database file \(databasePath) cannot be written (\(sqlite)). Check its permissions and "
                    + "those of its directory."
            )
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(
                .unavailable,
                "The database file \(databasePath) is locked (\(sqlite)). Is another SecureVision process "
                    + "using it?"
            )
        case .SQLITE_FULL:
            return StoreError(.io, "The disk holding \(databasePath) is full (\(sqlite)).")
        case .SQLITE_IOERR:
            return StoreError(.io, "Reading or writing the database file \(databasePath) failed (\(sqlite)).")
        case .SQLITE_CONSTRAINT:
            return fromConstraint(error, sqlite: sqlite)
        case .SQLITE_TOOBIG, .SQLITE_MISMATCH, .SQLITE_RANGE:
            return StoreError(.invalidInput, "The value cannot be stored (\(sqlite)).")
        default:
            return StoreError(.unavailable, "The database \(databasePath) failed (\(sqlite)).")
        }
    }

    private static func fromConstraint(_ error: DatabaseError, sqlite: String) -> StoreError {
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            StoreError(.notFound, "The referenced record does not exist (\(sqlite)).")
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
            StoreError(.conflict, "A record with the same key already exists (\(sqlite)).")
        default:
            StoreError(.invalidInput, "The value breaks a rule of the database (\(sqlite)).")
        }
    }
}
