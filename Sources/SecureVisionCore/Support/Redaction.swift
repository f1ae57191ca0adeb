// SPDX-License-Identifier: Apache-2.0

/// Removes secrets from text before it is printed, logged or returned by the API.
///
/// Camera URLs often carry `user:password@`; tokens must never be echoed back.
public enum Redaction {
    /// The text that replaces a secret.
    public static let marker = "<redacted>"

    /// Replaces the user-info part of every URL in `text` (`scheme://user:pass@host`).
    ///
    /// Works on free text too (an FFmpeg error message that quotes the URL), so it scans for
    /// every `://` rather than parsing a single URL.
    /// - Parameter text: Any text that may contain URLs.
    /// - Returns: The text with each URL's credentials replaced by ``marker``.
    public static func redactingCredentials(in text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let schemeEnd = rest.firstRange(of: "://") {
            result += rest[..<schemeEnd.upperBound]
            rest = rest[schemeEnd.upperBound...]
            // The authority ends at the first '/', '?', '#' or whitespace; user-info ends at its last '@'.
            let authorityEnd =
                rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" || $0.isWhitespace } ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@") {
                result += marker + "@"
                rest = rest[rest.index(after: at)...]
            }
        }
        return result + rest
    }
}
