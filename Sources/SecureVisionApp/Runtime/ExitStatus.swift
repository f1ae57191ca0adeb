// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser

/// The process exit codes that scripts and service managers can rely on.
enum ExitStatus {
    /// Something failed at run time (a port in use, a write error).
    static let failure = ExitCode(1)
    /// The configuration is invalid; every problem was printed.
    static let invalidConfiguration = ExitCode(2)
    /// The event store cannot be used (corrupt or unreadable); nothing was changed.
    static let storeUnusable = ExitCode(3)
}
