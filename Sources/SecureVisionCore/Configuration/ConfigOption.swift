// SPDX-License-Identifier: Apache-2.0

/// One known configuration name and how its text becomes a field of `Root`.
///
/// Built on demand by ``ConfigSchema`` (key paths are not `Sendable`, so the table is never stored globally).
struct ConfigOption<Root> {
    /// The canonical name below its section, such as `VIDEO__FPS_TARGET` or, for a camera, `URL`.
    let name: String
    let expected: String
    /// Secrets are never printed; only whether they are set.
    let secret: Bool
    /// Sets the field from text; returns `false` when the text is not acceptable.
    let apply: (String, inout Root) -> Bool
    /// The field's current value as text, or `nil` when unset.
    let render: (Root) -> String?

    init<Value>(
        _ name: String,
        _ keyPath: WritableKeyPath<Root, Value>,
        _ parser: ValueParser<Value>,
        secret: Bool = false
    ) {
        self.name = name
        self.expected = parser.expected
        self.secret = secret
        self.apply = { text, root in
            guard let value = parser.parse(text) else { return false }
            root[keyPath: keyPath] = value
            return true
        }
        self.render = { parser.render($0[keyPath: keyPath]) }
    }

    /// An optional field.
    ///
    /// An empty value unsets it unless `emptyIsError` (a token must never be empty).
    init<Value>(
        _ name: String,
        _ keyPath: WritableKeyPath<Root, Value?>,
        _ parser: ValueParser<Value>,
        secret: Bool = false,
        emptyIsError: Bool = false
    ) {
        self.name = name
        self.expected = parser.expected
        self.secret = secret
        self.apply = { text, root in
            if text.isEmpty && !emptyIsError {
                root[keyPath: keyPath] = nil
                return true
            }
            guard let value = parser.parse(text) else { return false }
            root[keyPath: keyPath] = value
            return true
        }
        self.render = { root in root[keyPath: keyPath].map(parser.render) }
    }
}
