// SPDX-License-Identifier: Apache-2.0

internal import Synchronization

/// A ``CooldownLedger`` shared by every camera's runner and kept across pipeline restarts and reloads,
/// so a camera that reconnects or is restarted does not repeat an event inside the cooldown.
public final class SharedCooldown: Sendable {
    private let ledger: Mutex<CooldownLedger>

    /// Makes an empty ledger.
    /// - Parameter cooldownSeconds: `TRACKING__COOLDOWN_SECONDS`.
    public init(cooldownSeconds: Int) {
        ledger = Mutex(CooldownLedger(cooldownSeconds: cooldownSeconds))
    }

    /// Whether an event for `key` on `cameraID` at `atMs` may go out; if so, it is recorded.
    /// - Parameters:
    ///   - key: The person or plate.
    ///   - cameraID: The camera.
    ///   - atMs: The time in milliseconds.
    /// - Returns: `true` when the event may go out.
    public func admit(_ key: CooldownKey, cameraID: String, atMs: Int64) -> Bool {
        ledger.withLock { $0.admit(key, cameraID: cameraID, atMs: atMs) }
    }

    /// Forgets every key of `cameraID`.
    /// - Parameter cameraID: The camera.
    public func forget(cameraID: String) {
        ledger.withLock { $0.forget(cameraID: cameraID) }
    }
}
