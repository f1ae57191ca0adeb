// SPDX-License-Identifier: Apache-2.0

/// The `EVENTS` section: where events are kept and for how long.
public struct EventSettings: Sendable, Equatable {
    /// The database as `sqlite:///PATH`, or `nil` for `events.db` inside the data directory.
    ///
    /// A relative path is relative to the working directory, as before.
    public var dbURL: String?
    /// Events older than this are deleted with their snapshots; 0 keeps them forever.
    public var retentionDays = 30
    /// Oldest events are deleted when the database and snapshots exceed this; 0 means no cap.
    public var maxDiskMB = 10_240
    /// How often the retention service runs.
    public var retentionIntervalSeconds = 3600

    public init() {}
}
