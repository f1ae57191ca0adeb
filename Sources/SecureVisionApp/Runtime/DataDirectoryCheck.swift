// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import Logging

/// Warns when the data directory, which holds face crops and plate snapshots, is open to other users.
///
/// New directories are created 0700; an existing one (such as the earlier version's `./data`) is
/// left as the owner set it, but the owner is told.
enum DataDirectoryCheck {
    static func warnIfShared(_ path: String, logger: Logger) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0
        else { return }
        logger.warning(
            "the data directory is readable by other users; snapshots of faces and plates are private",
            metadata: ["path": "\(path)", "mode": "\(String(mode, radix: 8))", "fix": "chmod 700 \(path)"]
        )
    }
}
