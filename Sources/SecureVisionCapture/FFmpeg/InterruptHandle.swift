// SPDX-License-Identifier: Apache-2.0

internal import CFFmpeg

/// Owns the C state behind FFmpeg's interrupt callback: a deadline and an abort flag.
///
/// `@unchecked Sendable` invariant: the pointer is allocated in `init`, freed only in `deinit`,
/// never reassigned, and its fields are read and written solely through the shim's atomic
/// builtins, so any thread may arm, abort or read it. Every `AVFormatContext` that uses it is
/// closed before the last reference to this handle goes away (the input holds a reference).
final class InterruptHandle: @unchecked Sendable {
    /// The `opaque` pointer given to FFmpeg.
    let state: UnsafeMutableRawPointer

    /// Allocates the state, or returns `nil` when memory is exhausted.
    init?() {
        guard let state = sv_interrupt_create() else { return nil }
        self.state = state
    }

    deinit {
        sv_interrupt_destroy(state)
    }

    /// Sets the deadline of the next blocking call `seconds` from now; 0 or less disarms it.
    /// - Parameter seconds: The longest the call may block.
    func arm(seconds: Double) {
        sv_interrupt_arm(state, Int64(seconds * 1_000_000))
    }

    /// Makes every current and later blocking call return at once.
    func abort() {
        sv_interrupt_abort(state)
    }

    /// Whether ``abort()`` was called.
    var aborted: Bool { sv_interrupt_aborted(state) != 0 }

    /// Whether the last armed deadline passed during a call.
    var timedOut: Bool { sv_interrupt_timed_out(state) != 0 }
}
