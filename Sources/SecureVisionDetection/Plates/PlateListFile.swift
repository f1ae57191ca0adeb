// SPDX-License-Identifier: Apache-2.0

internal import Foundation

/// Reads the earlier version's plate list CSV: the first column of each line, with an optional header.
enum PlateListFile {
    private static let headers: Set<String> = ["plate", "plates", "license_plate", "licence_plate", "number", "text"]

    /// The plates of a CSV file, or none when the file does not exist.
    /// - Parameter path: The CSV file.
    /// - Returns: The first cells, trimmed, header and blank lines and `#` comments skipped.
    /// - Throws: ``VisionError`` with code `io` when the file exists but cannot be read.
    static func read(_ path: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let text: String
        do {
            text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        } catch {
            throw VisionError(.io, "cannot read plate list \(path)")
        }
        return parse(text)
    }

    /// The plates of CSV text.
    /// - Parameter text: The file's contents.
    /// - Returns: The first cells.
    static func parse(_ text: String) -> [String] {
        var plates: [String] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let cell = firstCell(of: String(line))
            if cell.isEmpty || cell.hasPrefix("#") { continue }
            if index == 0, headers.contains(cell.lowercased()) { continue }
            plates.append(cell)
        }
        return plates
    }

    private static func firstCell(of line: String) -> String {
        let cell = line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return cell.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"")))
    }
}
