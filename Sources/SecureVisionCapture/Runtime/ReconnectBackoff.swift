// SPDX-License-Identifier: Apache-2.0

/// Reconnect delays: exponential from a first interval, capped, with jitter.
///
/// Attempt `n` (from 0) waits `min(cap, initial * 2^n)` scaled by a random factor in
/// `[1 - jitter, 1]`, so cameras that dropped together do not reconnect in lock-step.
struct ReconnectBackoff: Sendable {
    let initial: Double
    let cap: Double
    let jitter: Double

    /// Makes a policy.
    /// - Parameters:
    ///   - initial: The first delay in seconds (`RECONNECT_INTERVAL_S`); at least 10 ms.
    ///   - cap: The longest delay (`RECONNECT_MAX_S`); never below `initial`.
    ///   - jitter: The fraction of a delay that may be taken off at random, 0...1.
    init(initial: Double, cap: Double, jitter: Double = 0.2) {
        self.initial = max(0.01, initial)
        self.cap = max(self.initial, cap)
        self.jitter = min(1, max(0, jitter))
    }

    /// The delay before reconnect attempt `attempt` without jitter.
    func baseDelay(attempt: Int) -> Double {
        let exponent = Double(min(max(0, attempt), 30))
        return min(cap, initial * pow2(exponent))
    }

    /// The delay before reconnect attempt `attempt` with jitter.
    func delay<R: RandomNumberGenerator>(attempt: Int, using generator: inout R) -> Double {
        let base = baseDelay(attempt: attempt)
        guard jitter > 0 else { return base }
        return base * Double.random(in: (1 - jitter)...1, using: &generator)
    }

    /// The delay before reconnect attempt `attempt` with jitter from the system generator.
    func delay(attempt: Int) -> Double {
        var generator = SystemRandomNumberGenerator()
        return delay(attempt: attempt, using: &generator)
    }

    private func pow2(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent) { result *= 2 }
        return result
    }
}
