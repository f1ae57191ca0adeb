// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore

/// The snapshot and crop JPEGs of events, under `<dataDirectory>/snapshots/YYYY/MM/DD/`.
///
/// Paths handed to and from the database are relative to the data directory, so that the directory can be moved.
struct SnapshotFiles: Sendable {
    /// The folder under the data directory that holds every snapshot.
    static let folderName = "snapshots"

    /// Where the files of one event go, relative to the data directory.
    struct Placement: Sendable, Hashable {
        var snapshotPath: String?
        var cropPath: String?

        var paths: [String] { [snapshotPath, cropPath].compactMap(\.self) }
    }

    let dataDirectory: String

    /// Chooses the relative paths for the event's files: the event's UTC day and a fresh UUID.
    func placement(for event: NewEvent) -> Placement {
        let name = UUID().uuidString.lowercased()
        let folder = "\(Self.folderName)/\(Self.dayFolder(timestampMs: event.timestampMs))"
        return Placement(
            snapshotPath: event.snapshotJPEG.map { _ in "\(folder)/\(name)-snapshot.jpg" },
            cropPath: event.cropJPEG.map { _ in "\(folder)/\(name)-crop.jpg" }
        )
    }

    /// Writes the event's JPEGs to `placement` (mode 0600, synced), creating day folders with mode 0700.
    ///
    /// Removes what it wrote if any file fails.
    /// - Returns: The number of bytes written.
    func write(_ event: NewEvent, to placement: Placement) throws -> Int64 {
        let pairs = [(event.snapshotJPEG, placement.snapshotPath), (event.cropJPEG, placement.cropPath)]
        var written: [String] = []
        var total: Int64 = 0
        do {
            for case let (bytes?, relative?) in pairs {
                let path = try absolutePath(for: relative)
                try POSIXFiles.ensureDirectory(POSIXFiles.parentDirectory(of: path))
                try POSIXFiles.writeNewFile(bytes, to: path)
                written.append(relative)
                total += Int64(bytes.count)
            }
        } catch {
            remove(written)
            throw error
        }
        return total
    }

    /// Removes files by their relative paths; a file that is already gone is not an error.
    /// - Returns: How many files were removed.
    @discardableResult
    func remove(_ relativePaths: [String]) -> Int {
        relativePaths.reduce(0) { count, relative in
            guard let path = try? absolutePath(for: relative) else { return count }
            return POSIXFiles.removeFile(path) ? count + 1 : count
        }
    }

    /// The absolute path of a stored relative path.
    ///
    /// - Throws: ``StoreError`` `.invalidInput` for a path that could leave the data directory.
    func absolutePath(for relative: String) throws -> String {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !relative.isEmpty, !relative.hasPrefix("/"), !parts.contains(".."), !relative.contains("\0") else {
            throw StoreError(.invalidInput, "The stored file path \(relative) is not inside the data directory.")
        }
        return POSIXFiles.join(dataDirectory, relative)
    }

    /// `YYYY/MM/DD` of a Unix time in milliseconds, in UTC.
    static func dayFolder(timestampMs: Int64) -> String {
        UTCTimestamp(ms: timestampMs).dayPath
    }
}
