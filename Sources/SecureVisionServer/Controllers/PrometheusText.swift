// SPDX-License-Identifier: Apache-2.0

/// Writes the Prometheus text exposition format.
struct PrometheusText {
    private(set) var output = ""

    /// Appends one gauge family with its samples.
    mutating func gauge(_ name: String, _ help: String, _ samples: [([String: String], Double)]) {
        family(name, help, type: "gauge", samples)
    }

    /// Appends one counter family (a value that only grows while the process runs).
    mutating func counter(_ name: String, _ help: String, _ samples: [([String: String], Double)]) {
        family(name, help, type: "counter", samples)
    }

    private mutating func family(_ name: String, _ help: String, type: String, _ samples: [([String: String], Double)])
    {
        output += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        for (labels, value) in samples {
            let rendered = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\(Self.escape($0.value))\"" }
            output += name + (rendered.isEmpty ? "" : "{" + rendered.joined(separator: ",") + "}")
            output += " " + Self.format(value) + "\n"
        }
    }

    /// Label values escape backslash, double quote and newline, as the format requires.
    static func escape(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
