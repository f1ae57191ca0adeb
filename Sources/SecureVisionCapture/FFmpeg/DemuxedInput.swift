// SPDX-License-Identifier: Apache-2.0

internal import CFFmpeg

/// An open `AVFormatContext` and its best video stream; one connection to a source.
///
/// Not `Sendable`: made, used and freed on the capture thread only.
final class DemuxedInput {
    /// The result of reading one packet.
    enum ReadResult {
        /// A video packet is in ``packet``; call ``releasePacket()`` when done.
        case video
        /// A packet of another stream was skipped.
        case other
        /// The input ended.
        case endOfStream
    }

    private var context: UnsafeMutablePointer<AVFormatContext>?
    /// The packet buffer ``read()`` fills.
    let packet: UnsafeMutablePointer<AVPacket>
    /// The index of the video stream.
    let streamIndex: Int32
    /// The video stream's codec parameters.
    let parameters: UnsafeMutablePointer<AVCodecParameters>
    /// The decoder chosen for the stream.
    let codec: UnsafePointer<AVCodec>
    /// The stream's time base in seconds per tick.
    let timeBase: Double
    /// The stream's time base as FFmpeg holds it.
    let rawTimeBase: AVRational
    /// The declared frame rate, if any.
    let streamFPS: Double?
    private let interrupt: InterruptHandle
    private var deadlinePassed = false
    private let target: SourceTarget

    /// Opens `target`, reads its stream information and picks the video stream.
    /// - Throws: ``CaptureError`` for an unreachable, missing or undecodable source.
    init(target: SourceTarget, interrupt: InterruptHandle) throws(CaptureError) {
        self.interrupt = interrupt
        self.target = target
        let location = target.redactedLocation
        guard var context = avformat_alloc_context(), let packet = av_packet_alloc() else {
            throw CaptureError(.internalFailure, "allocating the demuxer for \(location)")
        }
        sv_interrupt_install(context, interrupt.state)
        var options: OpaquePointer?
        for (key, value) in target.options { av_dict_set(&options, key, value, 0) }
        let format: UnsafePointer<AVInputFormat>? = target.formatName.flatMap { av_find_input_format($0) }
        interrupt.arm(seconds: target.openTimeoutSeconds)
        var maybeContext: UnsafeMutablePointer<AVFormatContext>? = context
        let opened = avformat_open_input(&maybeContext, target.url, format, &options)
        av_dict_free(&options)
        if opened < 0 {
            // avformat_open_input frees the context on failure.
            var packetToFree: UnsafeMutablePointer<AVPacket>? = packet
            av_packet_free(&packetToFree)
            throw FFmpegStatus.error(opened, .open, location: location, interrupt: interrupt)
        }
        guard let openedContext = maybeContext else {
            var packetToFree: UnsafeMutablePointer<AVPacket>? = packet
            av_packet_free(&packetToFree)
            throw CaptureError(.internalFailure, "opening \(location): no context")
        }
        context = openedContext
        self.context = context
        self.packet = packet
        do throws(CaptureError) {
            interrupt.arm(seconds: target.openTimeoutSeconds)
            try FFmpegStatus.check(
                avformat_find_stream_info(context, nil),
                .streamInfo,
                location: location,
                interrupt: interrupt
            )
            var decoder: UnsafePointer<AVCodec>?
            let index = try FFmpegStatus.check(
                av_find_best_stream(context, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0),
                .streamInfo,
                location: location
            )
            guard let stream = context.pointee.streams[Int(index)], let parameters = stream.pointee.codecpar else {
                throw CaptureError(.noVideoStream, "\(location) has no video stream")
            }
            guard let decoder else {
                let name = String(cString: avcodec_get_name(parameters.pointee.codec_id))
                throw CaptureError(.unsupportedCodec, "no decoder for \(name) in \(location)")
            }
            self.streamIndex = index
            self.parameters = parameters
            self.codec = decoder
            self.rawTimeBase = stream.pointee.time_base
            self.timeBase = av_q2d(stream.pointee.time_base)
            let rate = av_q2d(stream.pointee.avg_frame_rate)
            let fallback = av_q2d(stream.pointee.r_frame_rate)
            self.streamFPS = rate.isFinite && rate > 0 ? rate : (fallback.isFinite && fallback > 0 ? fallback : nil)
        } catch {
            // A throwing init never runs deinit: free here.
            var contextToClose: UnsafeMutablePointer<AVFormatContext>? = context
            avformat_close_input(&contextToClose)
            var packetToFree: UnsafeMutablePointer<AVPacket>? = packet
            av_packet_free(&packetToFree)
            throw error
        }
    }

    deinit {
        var packetToFree: UnsafeMutablePointer<AVPacket>? = packet
        av_packet_free(&packetToFree)
        avformat_close_input(&context)
    }

    /// Reads the next packet, bounded by the read timeout.
    /// - Returns: What was read.
    /// - Throws: ``CaptureError`` when the read fails or times out.
    func read() throws(CaptureError) -> ReadResult {
        guard let context else { return .endOfStream }
        if deadlinePassed {
            // The last read hit the deadline but still returned the parser's buffered packet.
            throw FFmpegStatus.error(sv_averror_exit(), .read, location: target.redactedLocation, interrupt: interrupt)
        }
        interrupt.arm(seconds: target.readTimeoutSeconds)
        let status = av_read_frame(context, packet)
        deadlinePassed = status >= 0 && interrupt.timedOut
        if status == sv_averror_eof() && !interrupt.timedOut && !interrupt.aborted { return .endOfStream }
        if status == sv_averror_eagain() {
            // A demuxer may turn an interrupted read into EAGAIN; re-arming would hide the timeout.
            if interrupt.timedOut || interrupt.aborted {
                throw FFmpegStatus.error(
                    sv_averror_exit(),
                    .read,
                    location: target.redactedLocation,
                    interrupt: interrupt
                )
            }
            return .other
        }
        try FFmpegStatus.check(status, .read, location: target.redactedLocation, interrupt: interrupt)
        if packet.pointee.stream_index != streamIndex {
            av_packet_unref(packet)
            return .other
        }
        return .video
    }

    /// Whether the packet in ``packet`` is flagged corrupt by the demuxer.
    var packetIsCorrupt: Bool { packet.pointee.flags & sv_pkt_flag_corrupt() != 0 }

    /// Releases the data of the packet in ``packet``.
    func releasePacket() {
        av_packet_unref(packet)
    }
}
