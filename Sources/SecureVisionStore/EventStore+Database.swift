// SPDX-License-Identifier: Apache-2.0

internal import GRDB
import SecureVisionCore

/// Database access with every error converted to ``StoreError``.
extension EventStore {
    /// Runs `body` in a read transaction, off the cooperative thread pool.
    func reading<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.read(body)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw StoreError(mapping: error, databasePath: databasePath)
        }
    }

    /// Runs `body` in a write transaction, off the cooperative thread pool.
    func writing<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(body)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw StoreError(mapping: error, databasePath: databasePath)
        }
    }

    /// Runs `body` with the writer outside any transaction, for work that must follow a commit.
    func writingWithoutTransaction<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.writeWithoutTransaction(body)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw StoreError(mapping: error, databasePath: databasePath)
        }
    }

    /// Runs `body` synchronously, for the blocking maintenance API (migrations, integrity, backup).
    func mappingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw StoreError(mapping: error, databasePath: databasePath)
        }
    }
}
