// SPDX-License-Identifier: Apache-2.0

internal import CFFmpeg

/// One connection to a source: the demuxer and decoder, and the packet loop between them.
///
/// Not `Sendable`: lives on the capture thread for as long as the connection lasts.
final class CaptureSession {
    /// Why ``pump(stop:onCorrupt:onFrame:)`` returned.
    enum Outcome {
        /// The input ended (end of file, or a live stream that closed).
        case endOfStream
        /// The source was asked to stop.
        case stopped
    }

    let input: DemuxedInput
    let decoder: VideoDecoder

    /// Opens the source and its decoder.
    /// - Throws: ``CaptureError`` when either cannot be opened.
    init(target: SourceTarget, threads: Int, interrupt: InterruptHandle) throws(CaptureError) {
        input = try DemuxedInput(target: target, interrupt: interrupt)
        decoder = try VideoDecoder(input: input, threads: threads, location: target.redactedLocation)
    }

    /// The time of `ticks` in seconds.
    func seconds(_ ticks: Int64) -> Double { Double(ticks) * input.timeBase }

    /// Reads and decodes until the input ends, fails or `stop` says so.
    /// - Parameters:
    ///   - stop: Polled before every read.
    ///   - onError: Called for each corrupt packet and each packet or frame the decoder rejects.
    ///   - onFrame: Called with each decoded frame in ``decoder``; returns `false` to stop.
    /// - Returns: Why the loop ended.
    /// - Throws: ``CaptureError`` when a read fails or times out.
    func pump(
        stop: () -> Bool,
        onError: () -> Void,
        onFrame: (VideoDecoder) -> Bool
    ) throws(CaptureError) -> Outcome {
        while true {
            if stop() { return .stopped }
            switch try input.read() {
            case .other:
                continue
            case .endOfStream:
                _ = decoder.send(nil)
                return drain(onError: onError, onFrame: onFrame) ? .endOfStream : .stopped
            case .video:
                if input.packetIsCorrupt {
                    input.releasePacket()
                    onError()
                    continue
                }
                let accepted = decoder.send(input.packet)
                input.releasePacket()
                if !accepted {
                    onError()
                    continue
                }
                if !drain(onError: onError, onFrame: onFrame) { return .stopped }
            }
        }
    }

    /// Takes every frame the decoder has ready; `false` when `onFrame` asked to stop.
    private func drain(onError: () -> Void, onFrame: (VideoDecoder) -> Bool) -> Bool {
        while true {
            switch decoder.receive() {
            case .frame:
                if !onFrame(decoder) { return false }
            case .needsInput, .endOfStream:
                return true
            case .error:
                onError()
                return true
            }
        }
    }
}
