// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import SecureVisionCore
internal import SecureVisionStore

/// Opens the event store for a command, turning a store failure into a clear message and exit code.
enum StoreOpener {
    static func open(_ configuration: AppConfiguration, applyingMigrations: Bool = true) throws -> EventStore {
        do {
            return try EventStore.open(
                databasePath: configuration.databasePath,
                dataDirectory: configuration.dataDirectory,
                applyingMigrations: applyingMigrations
            )
        } catch let error as StoreError {
            StandardError.write("securevision: \(error.message)")
            throw ExitStatus.storeUnusable
        }
    }

    /// Whether the configured database file exists, so read-only commands need not create one.
    static func databaseExists(_ configuration: AppConfiguration) -> Bool {
        FileManager.default.fileExists(atPath: configuration.databasePath)
    }
}
