// SPDX-License-Identifier: Apache-2.0

internal import CFFmpeg
internal import Foundation
public import SecureVisionCore
internal import Synchronization

/// One camera's frame source over FFmpeg, running on its own thread.
///
/// It opens the source, decodes with libavcodec threading, selects frames at the analysis rate,
/// scales them to BGR and a small grey motion image, and hands them over through a keep-newest
/// buffer. A live source that fails or ends is reopened with exponential backoff and jitter; a
/// file stops or loops at its end. State changes are published on ``stateChanges``.
///
/// ```swift
/// let capture = try CameraCapture(configuration: CaptureConfiguration(camera: camera, video: video))
/// capture.start()
/// for await frame in capture.frames { ... }
/// ```
public final class CameraCapture: FrameSource {
    public let cameraID: String
    public let frames: KeepNewestBuffer<Frame>
    public let stateChanges: AsyncStream<CameraStateChange>
    /// The configuration the source runs with.
    public let configuration: CaptureConfiguration
    private let shared: CaptureShared
    private let started = Mutex(false)

    private static let ffmpegSetUp: Bool = {
        // FFmpeg's own log lines may quote URLs with credentials: off stderr, redacted (CaptureLog).
        CaptureLog.installDefault()
        sv_register_devices()
        avformat_network_init()
        return true
    }()

    /// Prepares a source; nothing is opened until ``start()``.
    /// - Parameter configuration: Where and how to read.
    /// - Throws: ``CaptureError`` when the interrupt state cannot be allocated.
    public init(configuration: CaptureConfiguration) throws {
        _ = Self.ffmpegSetUp
        guard let interrupt = InterruptHandle() else {
            throw CaptureError(.internalFailure, "allocating the interrupt state of camera \(configuration.cameraID)")
        }
        self.configuration = configuration
        self.cameraID = configuration.cameraID
        self.frames = KeepNewestBuffer(capacity: configuration.bufferCapacity)
        let (stream, continuation) = AsyncStream.makeStream(
            of: CameraStateChange.self,
            bufferingPolicy: .bufferingNewest(256)
        )
        self.stateChanges = stream
        self.shared = CaptureShared(
            cameraID: configuration.cameraID,
            frames: frames,
            interrupt: interrupt,
            stateContinuation: continuation
        )
    }

    deinit {
        stop()
    }

    public var statistics: CaptureStatistics {
        var statistics = shared.recorder.snapshot
        statistics.framesDropped = frames.droppedCount
        return statistics
    }

    /// The last failure, whole, for callers that switch on its code; `nil` while healthy.
    public var lastError: CaptureError? { shared.recorder.lastError }

    public func start() {
        let first = started.withLock { started in
            defer { started = true }
            return !started
        }
        guard first, !shared.stop.isStopped else { return }
        let configuration = configuration
        let shared = shared
        let thread = Thread {
            // Linux threads inherit their creator's name; name this one for top and gdb (15 bytes max).
            sv_set_thread_name("cap-\(configuration.cameraID)")
            CaptureWorker(configuration: configuration, shared: shared).run()
        }
        thread.start()
    }

    public func stop() {
        shared.stop.stop()
        shared.interrupt.abort()
        let wasStarted = started.withLock { started in
            defer { started = true }
            return started
        }
        if !wasStarted {
            _ = shared.recorder.setState(.offline)
            shared.finish()
        }
    }
}
