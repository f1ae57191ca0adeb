// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation

extension SecureVisionCommand {
    /// The process entry point: files it creates are private to its user, then the command runs.
    public static func launch() async {
        // Snapshots of faces and plates, the database and backups must not be readable by other users.
        umask(0o077)
        await main()
    }
}
