// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import SecureVisionCore
internal import SecureVisionStore

/// `securevision migrate`: create or upgrade the database schema and report it.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or upgrade the event database, then print the applied migrations."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let configuration = try global.loadConfiguration().configuration
        let store = try StoreOpener.open(configuration, applyingMigrations: false)
        do {
            let pending = try store.pendingMigrations
            try store.migrate()
            let applied = try store.appliedMigrations
            print(
                "database \(configuration.databasePath): \(applied.count) migrations applied, \(pending.count) of them now"
            )
            for name in pending {
                print("  applied \(name)")
            }
        } catch let error as StoreError {
            StandardError.write("securevision: migration failed: \(error.message)")
            throw ExitStatus.storeUnusable
        }
    }
}
