// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import SecureVisionCore
internal import SecureVisionStore

/// `securevision backup DEST`: an online copy of the database, safe while the server runs.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the event database to DEST while the server keeps running."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The new database file to write; it must not exist.")
    var destination: String

    func run() throws {
        let configuration = try global.loadConfiguration().configuration
        guard StoreOpener.databaseExists(configuration) else {
            StandardError.write("securevision: no database at \(configuration.databasePath)")
            throw ExitStatus.failure
        }
        let store = try StoreOpener.open(configuration)
        do {
            try store.backup(to: destination)
        } catch let error as StoreError {
            StandardError.write("securevision: backup failed: \(error.message)")
            throw ExitStatus.failure
        }
        print("backed up \(configuration.databasePath) to \(destination)")
    }
}
