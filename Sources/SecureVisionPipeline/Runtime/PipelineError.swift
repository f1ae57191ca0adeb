// SPDX-License-Identifier: Apache-2.0

/// Why a camera's pipeline gave up; its supervisor restarts it with backoff.
public struct PipelineError: Error, Sendable, CustomStringConvertible {
    /// What failed, in words, ending with the last underlying error.
    public var message: String

    /// Makes an error.
    /// - Parameter message: What failed.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
