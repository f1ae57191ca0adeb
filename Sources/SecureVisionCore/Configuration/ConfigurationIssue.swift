// SPDX-License-Identifier: Apache-2.0

/// One problem with the configuration: which key, what value was given, and what was expected.
public struct ConfigurationIssue: Sendable, Hashable, CustomStringConvertible {
    /// The full environment name, such as `SECUREVISION__VIDEO__FPS_TARGET`.
    public var key: String
    /// The value as given, already redacted if it is a secret; `nil` when the problem is a missing value.
    public var value: String?
    public var origin: ConfigOrigin?
    /// What is wrong, such as `not an integer`.
    public var problem: String
    /// What would be accepted, such as `an integer from 1 to 60`.
    public var expected: String?

    public init(key: String, value: String?, origin: ConfigOrigin?, problem: String, expected: String? = nil) {
        self.key = key
        self.value = value
        self.origin = origin
        self.problem = problem
        self.expected = expected
    }

    public var description: String {
        var text = key
        if let value { text += "=\"\(value)\"" }
        if let origin, origin != .environment, origin != .defaultValue { text += " (\(origin))" }
        text += ": \(problem)"
        if let expected { text += "; expected \(expected)" }
        return text
    }
}

/// Thrown when the configuration has one or more problems; it carries all of them.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var issues: [ConfigurationIssue]

    public init(issues: [ConfigurationIssue]) {
        self.issues = issues
    }

    public var description: String {
        let lines = issues.map { "  - \($0)" }.joined(separator: "\n")
        return "invalid configuration (\(issues.count) problem\(issues.count == 1 ? "" : "s")):\n" + lines
    }
}
