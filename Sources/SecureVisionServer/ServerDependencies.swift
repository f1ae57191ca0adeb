// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// The ports the HTTP server reads through; the App chooses their implementations.
public struct ServerDependencies: Sendable {
    public var events: any EventRepository
    /// Milliseconds since the Unix epoch; injectable so tests control time.
    public var nowMs: @Sendable () -> Int64
    /// When the process started, for uptime.
    public var startedAtMs: Int64

    public init(events: any EventRepository, nowMs: @escaping @Sendable () -> Int64, startedAtMs: Int64) {
        self.events = events
        self.nowMs = nowMs
        self.startedAtMs = startedAtMs
    }
}
