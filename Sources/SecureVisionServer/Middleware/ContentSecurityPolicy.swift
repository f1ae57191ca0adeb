// SPDX-License-Identifier: Apache-2.0

/// The `Content-Security-Policy` values the server sends.
///
/// API responses get the strict policy they always had. The dashboard page gets one that is just as
/// closed to other origins and to inline code, and opens only what the page itself needs: its own
/// scripts and styles, `blob:` images (snapshots are fetched with the bearer token and shown from
/// memory) and a WebSocket back to the same host.
enum ContentSecurityPolicy {
    /// Every response that is not the dashboard page.
    static let api = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// The policy of the dashboard page served for `authority` (the request's `Host`).
    ///
    /// `'self'` covers `ws:`/`wss:` to the same host in CSP Level 3 browsers; the host is also named
    /// with both schemes for browsers that predate that rule. A host with any character outside a
    /// host name, an IP literal and a port is left out, so the header cannot be extended through it.
    static func dashboard(authority: String?) -> String {
        var connect = "'self'"
        if let authority, isPlainAuthority(authority) {
            connect += " ws://\(authority) wss://\(authority)"
        }
        return [
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' blob:",
            "connect-src \(connect)", "object-src 'none'", "form-action 'none'", "frame-ancestors 'none'",
            "base-uri 'none'",
        ].joined(separator: "; ")
    }

    /// Letters, digits, `.`, `-`, `:` and IPv6 brackets, at most 255 of them.
    static func isPlainAuthority(_ authority: String) -> Bool {
        (1...255).contains(authority.utf8.count)
            && authority.unicodeScalars.allSatisfy {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-:[]".unicodeScalars.contains($0))
            }
    }
}
