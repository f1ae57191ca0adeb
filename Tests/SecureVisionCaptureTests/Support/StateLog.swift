// SPDX-License-Identifier: Apache-2.0

import SecureVisionCapture
import SecureVisionCore
import Synchronization

/// Collects a capture's state changes in the background so tests can wait for one.
final class StateLog: Sendable {
    private final class Box: Sendable {
        let changes = Mutex<[CameraStateChange]>([])
    }

    private let box = Box()
    private let task: Task<Void, Never>

    init(_ capture: CameraCapture) {
        let box = box
        task = Task {
            for await change in capture.stateChanges { box.changes.withLock { $0.append(change) } }
        }
    }

    /// Every change so far.
    var all: [CameraStateChange] { box.changes.withLock { $0 } }

    /// Waits until the `count`-th change to `state` has been seen, up to `timeout` seconds.
    /// - Returns: Seconds waited, or `nil` on timeout.
    func wait(for state: CameraState, count: Int = 1, timeout: Double) async -> Double? {
        let clock = ContinuousClock()
        let start = clock.now
        while clock.now - start < .seconds(timeout) {
            if all.filter({ $0.state == state }).count >= count {
                let elapsed = clock.now - start
                return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// Waits for the capture to end its state stream.
    func finished() async {
        await task.value
    }
}

/// Polls `condition` every 20 ms for up to `timeout` seconds.
func eventually(timeout: Double, _ condition: () -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let start = clock.now
    while clock.now - start < .seconds(timeout) {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}
