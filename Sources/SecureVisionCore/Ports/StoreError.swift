// SPDX-License-Identifier: Apache-2.0

/// An error from the event store, described without SQL, stack traces or internal detail.
///
/// The `code` is stable; new codes may be added without breaking callers.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure it was.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case corrupt, unavailable, io, notFound, conflict, invalidInput
        }
        private let base: Base

        /// The database file is not a valid SQLite database or failed its integrity check.
        public static let corrupt = Code(base: .corrupt)
        /// The database cannot be opened (permissions, locked, missing directory).
        public static let unavailable = Code(base: .unavailable)
        /// A snapshot file could not be written, read or removed.
        public static let io = Code(base: .io)
        /// The referenced row does not exist.
        public static let notFound = Code(base: .notFound)
        /// The change conflicts with existing data (a duplicate name).
        public static let conflict = Code(base: .conflict)
        /// The input is not acceptable (a vector of the wrong size).
        public static let invalidInput = Code(base: .invalidInput)

        public var description: String { base.rawValue }
    }

    public var code: Code
    /// A message fit for an operator: what failed and what to do.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
