// SPDX-License-Identifier: Apache-2.0

/// What a cooldown is kept for: a person or a plate.
public enum CooldownKey: Sendable, Hashable {
    /// A known person, by id.
    case person(String)
    /// A plate, by clean text.
    case plate(String)
}

/// Suppresses a repeat event for the same person or plate on the same camera within the cooldown.
///
/// Time is passed in, never read from a clock, so tests and replays are exact. The window runs from
/// the last event that was let through; suppressed sightings do not extend it.
///
/// ```swift
/// var ledger = CooldownLedger(cooldownSeconds: 30)
/// ledger.admit(.plate("ABC123"), cameraID: "gate", atMs: 0)        // true
/// ledger.admit(.plate("ABC123"), cameraID: "gate", atMs: 10_000)   // false
/// ledger.admit(.plate("ABC123"), cameraID: "yard", atMs: 10_000)   // true: another camera
/// ledger.admit(.plate("ABC123"), cameraID: "gate", atMs: 30_000)   // true
/// ```
///
/// Entries older than the cooldown are pruned as the ledger grows, so memory stays bounded by the
/// number of distinct keys seen within one cooldown.
public struct CooldownLedger: Sendable {
    private struct Entry: Hashable {
        var cameraID: String
        var key: CooldownKey
    }

    /// The cooldown in milliseconds; 0 lets every event through.
    public let cooldownMs: Int64
    private var lastAdmitted: [Entry: Int64] = [:]
    private var pruneAt = 256

    /// Makes an empty ledger.
    /// - Parameter cooldownSeconds: The cooldown (`TRACKING__COOLDOWN_SECONDS`); negative means 0.
    public init(cooldownSeconds: Int) {
        self.cooldownMs = Int64(max(0, cooldownSeconds)) * 1000
    }

    /// The number of keys remembered, for tests and metrics.
    public var count: Int { lastAdmitted.count }

    /// Whether an event for `key` on `cameraID` at `atMs` may go out; if so, it is recorded.
    /// - Parameters:
    ///   - key: The person or plate.
    ///   - cameraID: The camera; cameras never share cooldowns.
    ///   - atMs: The event's time in milliseconds. A time before the last recorded one (a clock step back)
    ///     is treated as outside the cooldown, so a clock change can never silence a camera.
    /// - Returns: `true` when the event may go out.
    @discardableResult
    public mutating func admit(_ key: CooldownKey, cameraID: String, atMs: Int64) -> Bool {
        let entry = Entry(cameraID: cameraID, key: key)
        if let last = lastAdmitted[entry] {
            let elapsed = atMs - last
            if elapsed >= 0, elapsed < cooldownMs { return false }
        }
        lastAdmitted[entry] = atMs
        if lastAdmitted.count >= pruneAt { prune(nowMs: atMs) }
        return true
    }

    /// Whether an event for `key` on `cameraID` at `atMs` would be suppressed, without recording anything.
    /// - Parameters:
    ///   - key: The person or plate.
    ///   - cameraID: The camera.
    ///   - atMs: The time in milliseconds.
    /// - Returns: `true` while the key is cooling down.
    public func isCoolingDown(_ key: CooldownKey, cameraID: String, atMs: Int64) -> Bool {
        guard let last = lastAdmitted[Entry(cameraID: cameraID, key: key)] else { return false }
        let elapsed = atMs - last
        return elapsed >= 0 && elapsed < cooldownMs
    }

    /// Forgets every key of `cameraID`, as when the camera is removed.
    /// - Parameter cameraID: The camera.
    public mutating func forget(cameraID: String) {
        lastAdmitted = lastAdmitted.filter { $0.key.cameraID != cameraID }
    }

    private mutating func prune(nowMs: Int64) {
        lastAdmitted = lastAdmitted.filter { nowMs - $0.value < cooldownMs }
        // Prune again only after the ledger doubles, so pruning stays amortised O(1) per admit.
        pruneAt = max(256, lastAdmitted.count * 2)
    }
}
