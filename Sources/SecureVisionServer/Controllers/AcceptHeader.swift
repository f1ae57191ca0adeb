// SPDX-License-Identifier: Apache-2.0

/// The media ranges of an `Accept` header, enough to tell a browser from an API client.
///
/// Browsers ask for `text/html` first; curl, scripts and the earlier clients send `*/*`, `application/json`
/// or nothing, and keep getting JSON: a tie goes to JSON.
struct AcceptHeader {
    private struct Range {
        var type: Substring
        var subtype: Substring
        var quality: Double
    }

    private let ranges: [Range]

    init(_ value: String?) {
        ranges = (value ?? "").split(separator: ",").compactMap { item in
            let parts = item.split(separator: ";").map { $0.trimmingWhitespace() }
            guard let media = parts.first else { return nil }
            let names = media.lowercased().split(separator: "/", maxSplits: 1)
            guard names.count == 2 else { return nil }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)).map { min(max($0, 0), 1) } ?? 0
            }
            return Range(type: names[0], subtype: names[1], quality: quality)
        }
    }

    /// The quality given to `type/subtype` by its most specific matching range (0 when none matches).
    func quality(of type: String, _ subtype: String) -> Double {
        if let exact = ranges.first(where: { $0.type == type && $0.subtype == subtype }) { return exact.quality }
        if let anySubtype = ranges.first(where: { $0.type == type && $0.subtype == "*" }) { return anySubtype.quality }
        if let any = ranges.first(where: { $0.type == "*" && $0.subtype == "*" }) { return any.quality }
        return 0
    }

    /// Whether HTML is wanted strictly more than JSON.
    var prefersHTML: Bool {
        let html = quality(of: "text", "html")
        return html > 0 && html > quality(of: "application", "json")
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        var text = self
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return text
    }
}
