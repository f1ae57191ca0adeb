// SPDX-License-Identifier: Apache-2.0

internal import SecureVisionCore

/// Reads a `.env` file: `KEY=VALUE` lines, optional `export`, `#` comments and quoted values.
///
/// Only `SECUREVISION__` names become configuration; other names are left for other tools.
enum DotEnvFile {
    /// Parses `text` read from `path` into a configuration layer.
    static func parse(_ text: String, path: String) -> ConfigurationLayer {
        var variables: [String: String] = [:]
        var issues: [ConfigurationIssue] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine).trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = line.dropFirst("export ".count).trimmingWhitespace() }
            guard let equals = line.firstIndex(of: "=") else {
                issues.append(
                    ConfigurationIssue(
                        key: "\(path) line \(index + 1)",
                        value: nil,
                        origin: .dotenv(path: path),
                        problem: "is not a KEY=VALUE line"
                    )
                )
                continue
            }
            let name = String(line[..<equals].trimmingWhitespace())
            variables[name] = value(of: line[line.index(after: equals)...].trimmingWhitespace())
        }
        var layer = ConfigurationLayer.fromEnvironment(variables, origin: .dotenv(path: path))
        layer.issues = issues
        return layer
    }

    /// A quoted value keeps everything between its quotes; an unquoted one ends at ` #`.
    private static func value(of text: Substring) -> String {
        if let quote = text.first, quote == "\"" || quote == "'", let end = text.dropFirst().firstIndex(of: quote) {
            let inner = text[text.index(after: text.startIndex)..<end]
            return quote == "\""
                ? String(inner.replacing("\\n", with: "\n").replacing("\\\"", with: "\"")) : String(inner)
        }
        if let comment = text.firstRange(of: " #") {
            return String(text[..<comment.lowerBound].trimmingWhitespace())
        }
        return String(text)
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var slice = self
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return slice
    }
}
