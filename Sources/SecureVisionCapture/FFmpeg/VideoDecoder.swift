// SPDX-License-Identifier: Apache-2.0

internal import CFFmpeg

/// An open `AVCodecContext` and the frame it decodes into.
///
/// Not `Sendable`: made, used and freed on the capture thread only.
final class VideoDecoder {
    /// The result of asking for a decoded frame.
    enum ReceiveResult {
        /// A frame is in ``frame``.
        case frame
        /// The decoder needs more input.
        case needsInput
        /// The decoder is drained.
        case endOfStream
        /// The decoder rejected data; the frame was skipped.
        case error
    }

    private var context: UnsafeMutablePointer<AVCodecContext>?
    private var decodedFrame: UnsafeMutablePointer<AVFrame>?
    /// The frame ``receive()`` fills.
    let frame: UnsafeMutablePointer<AVFrame>
    /// The codec's short name.
    let codecName: String

    /// Opens a decoder for the input's video stream.
    /// - Parameters:
    ///   - input: The demuxed input.
    ///   - threads: libavcodec threads; 0 lets FFmpeg choose.
    ///   - location: The redacted source, for messages.
    /// - Throws: ``CaptureError`` when the decoder cannot be opened.
    init(input: DemuxedInput, threads: Int, location: String) throws(CaptureError) {
        guard let context = avcodec_alloc_context3(input.codec), let frame = av_frame_alloc() else {
            throw CaptureError(.internalFailure, "allocating a decoder for \(location)")
        }
        do throws(CaptureError) {
            try FFmpegStatus.check(
                avcodec_parameters_to_context(context, input.parameters),
                .openDecoder,
                location: location
            )
            context.pointee.thread_count = Int32(clamping: max(0, threads))
            context.pointee.thread_type = sv_thread_frame_and_slice()
            context.pointee.pkt_timebase = input.rawTimeBase
            try FFmpegStatus.check(avcodec_open2(context, input.codec, nil), .openDecoder, location: location)
        } catch {
            // A throwing init never runs deinit: free here.
            var contextToFree: UnsafeMutablePointer<AVCodecContext>? = context
            avcodec_free_context(&contextToFree)
            var frameToFree: UnsafeMutablePointer<AVFrame>? = frame
            av_frame_free(&frameToFree)
            throw error
        }
        self.context = context
        self.decodedFrame = frame
        self.frame = frame
        self.codecName = String(cString: avcodec_get_name(input.parameters.pointee.codec_id))
    }

    deinit {
        av_frame_free(&decodedFrame)
        avcodec_free_context(&context)
    }

    /// Sends one packet, or `nil` to start draining.
    /// - Returns: `false` when the decoder rejected the packet (counted as a decode error).
    func send(_ packet: UnsafeMutablePointer<AVPacket>?) -> Bool {
        guard let context else { return false }
        let status = avcodec_send_packet(context, packet)
        return status >= 0 || status == sv_averror_eagain() || status == sv_averror_eof()
    }

    /// Takes the next decoded frame into ``frame``.
    func receive() -> ReceiveResult {
        guard let context else { return .endOfStream }
        let status = avcodec_receive_frame(context, frame)
        if status >= 0 { return .frame }
        if status == sv_averror_eagain() { return .needsInput }
        if status == sv_averror_eof() { return .endOfStream }
        return .error
    }

    /// Forgets buffered frames, after a seek or before reuse.
    func flush() {
        guard let context else { return }
        avcodec_flush_buffers(context)
    }

    /// Decodes only reference frames when `true` (saves work on streams with B-frames).
    /// - Parameter skip: Whether to skip non-reference frames.
    func skipNonReferenceFrames(_ skip: Bool) {
        context?.pointee.skip_frame = skip ? AVDISCARD_NONREF : AVDISCARD_DEFAULT
    }

    /// The presentation time of ``frame`` in stream ticks, if it has one.
    var framePTS: Int64? {
        let pts = frame.pointee.best_effort_timestamp
        return pts == sv_nopts_value() ? nil : pts
    }
}
