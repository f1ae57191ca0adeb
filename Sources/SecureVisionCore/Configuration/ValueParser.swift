// SPDX-License-Identifier: Apache-2.0

/// Parses one configuration value from text and describes what it accepts.
struct ValueParser<Value> {
    /// Shown after "expected", such as `an integer from 1 to 60`.
    let expected: String
    let parse: (String) -> Value?
    let render: (Value) -> String

    static func int(_ range: ClosedRange<Int>) -> ValueParser<Int> {
        ValueParser<Int>(expected: "an integer from \(range.lowerBound) to \(range.upperBound)") { text in
            Int(text).flatMap { range.contains($0) ? $0 : nil }
        } render: {
            String($0)
        }
    }

    static func double(_ range: ClosedRange<Double>) -> ValueParser<Double> {
        ValueParser<Double>(expected: "a number from \(range.lowerBound) to \(range.upperBound)") { text in
            Double(text).flatMap { $0.isFinite && range.contains($0) ? $0 : nil }
        } render: {
            String($0)
        }
    }

    static var bool: ValueParser<Bool> {
        ValueParser<Bool>(expected: "true or false") { text in
            switch text.lowercased() {
            case "true", "1", "yes", "on": true
            case "false", "0", "no", "off": false
            default: nil
            }
        } render: {
            String($0)
        }
    }

    static var string: ValueParser<String> {
        ValueParser<String>(expected: "a non-empty string") {
            $0.isEmpty ? nil : $0
        } render: {
            $0
        }
    }

    static func oneOf<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> ValueParser<E> where E.RawValue == String {
        let names = E.allCases.map(\.rawValue)
        return ValueParser<E>(expected: "one of " + names.joined(separator: ", ")) { text in
            E(rawValue: text.lowercased())
        } render: {
            $0.rawValue
        }
    }

    static func choice(_ values: [Int]) -> ValueParser<Int> {
        ValueParser<Int>(expected: "one of " + values.map(String.init).joined(separator: ", ")) { text in
            Int(text).flatMap { values.contains($0) ? $0 : nil }
        } render: {
            String($0)
        }
    }

    /// `WIDTH,HEIGHT` (the earlier `FRAME_RESIZE` form); `x` is accepted as the separator too.
    static var pixelSize: ValueParser<PixelSize> {
        ValueParser<PixelSize>(expected: "WIDTH,HEIGHT with each from 16 to 8192, such as 640,480") { text in
            let parts = text.split(whereSeparator: { $0 == "," || $0 == "x" }).map {
                $0.trimming(" ")
            }
            guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]),
                (16...8192).contains(w), (16...8192).contains(h)
            else { return nil }
            return PixelSize(width: w, height: h)
        } render: {
            $0.description
        }
    }

    /// A comma-separated set of detector names (`faces,plates`); a YAML list arrives joined the same way.
    static var detectors: ValueParser<Set<DetectorKind>> {
        let names = DetectorKind.allCases.map(\.rawValue).joined(separator: ", ")
        return ValueParser<Set<DetectorKind>>(expected: "a comma-separated list of \(names) (or none)") { text in
            let parts = text.split(separator: ",").map { $0.trimming(" ").lowercased() }
            if parts == ["none"] { return [] }
            var result = Set<DetectorKind>()
            for part in parts where !part.isEmpty {
                guard let kind = DetectorKind(rawValue: part) else { return nil }
                result.insert(kind)
            }
            return result
        } render: {
            $0.map(\.rawValue).sorted().joined(separator: ",")
        }
    }

    /// A regular expression that must compile.
    static var regex: ValueParser<String> {
        ValueParser<String>(expected: "a valid regular expression") { text in
            (try? Regex(text)) == nil ? nil : text
        } render: {
            $0
        }
    }
}

extension StringProtocol {
    /// Drops leading and trailing characters in `set`, without Foundation.
    func trimming(_ set: Character) -> String {
        var slice = Substring(self)
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return String(slice)
    }
}

extension ValueParser where Value == String {
    /// A host name or IP literal to bind to.
    static var host: ValueParser<String> {
        ValueParser<String>(expected: "a host name or IP address such as 127.0.0.1, ::1 or 0.0.0.0") { text in
            let allowed = text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == ":" }
            return !text.isEmpty && allowed && text.count <= 253 ? text : nil
        } render: {
            $0
        }
    }

    /// A bearer token: long enough not to be guessed, and printable without spaces.
    static var token: ValueParser<String> {
        ValueParser<String>(
            expected: "a token of at least \(APISettings.minimumTokenLength) printable characters without spaces"
                + " (for example the output of `openssl rand -hex 32`)"
        ) { text in
            let printable = text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F }
            return printable && text.count >= APISettings.minimumTokenLength ? text : nil
        } render: {
            $0
        }
    }
}

extension ValueParser where Value == [String] {
    /// A comma-separated list of web origins (`https://host[:port]`), each without a path; empty means none.
    static var origins: ValueParser<[String]> {
        ValueParser<[String]>(expected: "a comma-separated list of origins such as https://dashboard.example:8443") {
            text in
            var result: [String] = []
            for part in text.split(separator: ",") {
                let origin = part.trimming(" ")
                let rest =
                    origin.hasPrefix("https://")
                    ? origin.dropFirst(8) : origin.hasPrefix("http://") ? origin.dropFirst(7) : nil
                // "*" is refused on purpose: the earlier version's `*` let any site read the API.
                guard let rest, !rest.isEmpty, !rest.contains("/"), !rest.contains("*") else { return nil }
                result.append(origin.lowercased())
            }
            return result
        } render: {
            $0.joined(separator: ",")
        }
    }
}
