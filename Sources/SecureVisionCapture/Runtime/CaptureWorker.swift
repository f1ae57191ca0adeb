// SPDX-License-Identifier: Apache-2.0

internal import CFFmpeg
internal import SecureVisionCore

/// The body of one camera's capture thread: connect, decode, hand over, reconnect.
///
/// Made on the capture thread and never leaves it.
final class CaptureWorker {
    private let configuration: CaptureConfiguration
    private let target: SourceTarget
    private let shared: CaptureShared
    private let backoff: ReconnectBackoff
    private let converter = FrameConverter()
    private var selector: FrameSelector
    private var sequence: UInt64 = 0
    private var everOnline = false
    private var sessionFrames = 0
    private var pacing = PlaybackPacing()

    init(configuration: CaptureConfiguration, shared: CaptureShared) {
        self.configuration = configuration
        self.target = SourceTarget(configuration)
        self.shared = shared
        self.backoff = ReconnectBackoff(
            initial: configuration.reconnectIntervalSeconds,
            cap: configuration.reconnectMaxSeconds
        )
        self.selector = FrameSelector(rate: configuration.analysisRate)
    }

    /// Runs until stopped, a file ends without `loop`, or a probe's first open fails.
    func run() {
        defer { shared.finish() }
        // Consecutive failures without a decoded frame; a session that delivered frames resets it.
        var failures = 0
        connection: while !shared.stop.isStopped {
            let outcome: CaptureSession.Outcome
            do {
                outcome = try connectAndPump()
            } catch {
                if error.code == .stopped || shared.stop.isStopped { break connection }
                if sessionFrames > 0 { failures = 0 }
                shared.recorder.recordError(error)
                shared.transition(to: .offline, reason: error.description)
                let isFinal = !configuration.isLive || (configuration.stopOnFirstFailure && !everOnline)
                if isFinal || !waitBeforeReconnect(attempt: failures) { return }
                failures += 1
                continue connection
            }
            switch outcome {
            case .stopped:
                break connection
            case .endOfStream where configuration.isLive:
                // EOF on a live URL is a disconnect (a killed RTSP server looks exactly like this).
                let error = CaptureError(.disconnected, "\(target.redactedLocation): the stream ended")
                shared.recorder.recordError(error)
                shared.transition(to: .offline, reason: error.description)
                if !waitBeforeReconnect(attempt: 0) { return }
                failures = 1
            case .endOfStream where configuration.loop:
                pacing.prepareLoop()
                selector.reset()
            case .endOfStream:
                shared.transition(to: .offline, reason: "end of file")
                return
            }
        }
        shared.transition(to: .offline, reason: "stopped")
    }

    /// Sleeps the backoff delay and counts a reconnect; `false` when stopped meanwhile.
    private func waitBeforeReconnect(attempt: Int) -> Bool {
        if shared.stop.wait(seconds: backoff.delay(attempt: attempt)) { return false }
        shared.recorder.update { $0.reconnects += 1 }
        return true
    }

    private func connectAndPump() throws(CaptureError) -> CaptureSession.Outcome {
        sessionFrames = 0
        let session = try CaptureSession(
            target: target,
            threads: configuration.decoderThreads,
            interrupt: shared.interrupt
        )
        let streamFPS = session.input.streamFPS
        shared.recorder.update { statistics in
            statistics.codec = session.decoder.codecName
            statistics.streamFPS = streamFPS
        }
        session.decoder.skipNonReferenceFrames(
            selector.allowsSkippingNonReference(streamFPS: streamFPS)
        )
        selector.reset()
        pacing.startSession()
        let outcome = try session.pump(
            stop: { shared.stop.isStopped },
            onError: { shared.recorder.update { $0.decodeErrors += 1 } },
            onFrame: { decoder in
                if sessionFrames == 0 {
                    // Online means frames flow, not merely that the stream opened.
                    everOnline = true
                    shared.recorder.recordError(nil)
                    shared.transition(
                        to: .online,
                        reason: "receiving \(session.decoder.codecName) from \(target.redactedLocation)"
                    )
                }
                sessionFrames += 1
                return handle(decoder, session: session)
            }
        )
        if outcome == .endOfStream, sessionFrames == 0 {
            throw CaptureError(.undecodable, "\(target.redactedLocation): no frame could be decoded")
        }
        return outcome
    }

    /// Counts, paces and, when selected, converts and hands over one decoded frame.
    private func handle(_ decoder: VideoDecoder, session: CaptureSession) -> Bool {
        let frame = decoder.frame
        let sourceSize = PixelSize(width: Int(frame.pointee.width), height: Int(frame.pointee.height))
        let presentation = decoder.framePTS.map { pacing.presentationTime(streamSeconds: session.seconds($0)) }
        if !configuration.isLive, configuration.realtime, let presentation {
            let delay = pacing.delay(presentation: presentation, now: MediaClock.monotonicSeconds())
            if delay > 0, shared.stop.wait(seconds: delay) { return false }
        }
        let now = MediaClock.monotonicSeconds()
        let wallClockMs = MediaClock.wallClockMs()
        shared.recorder.recordDecodedFrame(monotonicSeconds: now, wallClockMs: wallClockMs, size: sourceSize)
        let mediaTime = configuration.isLive ? now : (presentation ?? now)
        guard selector.shouldAnalyse(at: mediaTime) else { return true }
        let analysisSize = configuration.analysisSize ?? sourceSize
        guard var image = converter.bgr(frame, size: analysisSize) else {
            shared.recorder.update { $0.decodeErrors += 1 }
            return true
        }
        var motion = motionSize(for: sourceSize).flatMap { converter.grey(frame, size: $0) }
        if configuration.rotate180 {
            image = image.rotated180()
            motion = motion?.rotated180()
        }
        let analysed = Frame(
            cameraID: configuration.cameraID,
            sequence: sequence,
            presentationTime: presentation,
            captureTimeMs: wallClockMs,
            sourceSize: sourceSize,
            image: image,
            motionImage: motion
        )
        sequence += 1
        shared.recorder.update { $0.framesAnalysed += 1 }
        shared.frames.push(analysed)
        return true
    }

    /// About `motionHeight` pixels high, same aspect, even width; `nil` when motion frames are off.
    private func motionSize(for source: PixelSize) -> PixelSize? {
        guard configuration.motionHeight > 0, source.width > 0, source.height > 0 else { return nil }
        let height = min(configuration.motionHeight, source.height)
        let width = max(2, (source.width * height / source.height + 1) & ~1)
        return PixelSize(width: width, height: height)
    }
}
