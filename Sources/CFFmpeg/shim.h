// SPDX-License-Identifier: Apache-2.0
//
// Static-inline wrappers for the FFmpeg macros and tuple-typed fields that Swift cannot import.
// Every symbol here is prefixed `sv_`. Imported only by SecureVisionCapture (`internal import CFFmpeg`).

#ifndef SECUREVISION_CFFMPEG_SHIM_H
#define SECUREVISION_CFFMPEG_SHIM_H

#include <errno.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <libavcodec/avcodec.h>
#include <libavdevice/avdevice.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libavutil/log.h>
#include <libavutil/time.h>
#include <libswscale/swscale.h>

static inline int sv_averror(int posix_error) { return AVERROR(posix_error); }
static inline int sv_averror_eof(void) { return AVERROR_EOF; }
static inline int sv_averror_eagain(void) { return AVERROR(EAGAIN); }
static inline int sv_averror_exit(void) { return AVERROR_EXIT; }
static inline int sv_averror_invaliddata(void) { return AVERROR_INVALIDDATA; }
static inline int sv_averror_decoder_not_found(void) { return AVERROR_DECODER_NOT_FOUND; }
static inline int sv_averror_stream_not_found(void) { return AVERROR_STREAM_NOT_FOUND; }
static inline int sv_averror_http_not_found(void) { return AVERROR_HTTP_NOT_FOUND; }
static inline int sv_averror_http_other(void) { return AVERROR_HTTP_OTHER_4XX; }
static inline int sv_pkt_flag_corrupt(void) { return AV_PKT_FLAG_CORRUPT; }
static inline int sv_thread_frame_and_slice(void) { return FF_THREAD_FRAME | FF_THREAD_SLICE; }
static inline int64_t sv_nopts_value(void) { return AV_NOPTS_VALUE; }

/// Writes FFmpeg's description of `error` into `buffer` (what `av_err2str` does without a compound literal).
static inline void sv_err2str(int error, char *buffer, size_t size) {
    if (av_strerror(error, buffer, size) < 0) {
        snprintf(buffer, size, "FFmpeg error %d", error);
    }
}

/// Plane `index` of a frame (`AVFrame.data` arrives in Swift as an 8-tuple).
static inline uint8_t *sv_frame_data(const AVFrame *frame, int index) { return frame->data[index]; }
static inline int sv_frame_linesize(const AVFrame *frame, int index) { return frame->linesize[index]; }

/// Scales all of `src` into one packed destination plane (BGR24 or GRAY8).
static inline int sv_scale_frame(struct SwsContext *context, const AVFrame *src, uint8_t *dst, int dst_stride) {
    uint8_t *planes[4] = { dst, NULL, NULL, NULL };
    int strides[4] = { dst_stride, 0, 0, 0 };
    return sws_scale(context, (const uint8_t *const *)src->data, src->linesize, 0, src->height, planes, strides);
}

/// State of the interrupt callback: a deadline on FFmpeg's monotonic clock and an abort flag.
/// Both are read by FFmpeg's thread and written from any thread, through atomic builtins only.
typedef struct sv_interrupt_state {
    int64_t deadline_us;
    int32_t abort_requested;
    int32_t timed_out;
} sv_interrupt_state;

static inline int sv_interrupt_check(void *opaque) {
    sv_interrupt_state *state = (sv_interrupt_state *)opaque;
    if (__atomic_load_n(&state->abort_requested, __ATOMIC_ACQUIRE)) {
        return 1;
    }
    int64_t deadline = __atomic_load_n(&state->deadline_us, __ATOMIC_ACQUIRE);
    if (deadline > 0 && av_gettime_relative() > deadline) {
        __atomic_store_n(&state->timed_out, 1, __ATOMIC_RELEASE);
        return 1;
    }
    return 0;
}

static inline void *sv_interrupt_create(void) { return calloc(1, sizeof(sv_interrupt_state)); }
static inline void sv_interrupt_destroy(void *state) { free(state); }

/// Re-arms the deadline `timeout_us` from now; 0 or less disarms it. Clears the timed-out flag.
static inline void sv_interrupt_arm(void *opaque, int64_t timeout_us) {
    sv_interrupt_state *state = (sv_interrupt_state *)opaque;
    __atomic_store_n(&state->timed_out, 0, __ATOMIC_RELEASE);
    __atomic_store_n(&state->deadline_us, timeout_us > 0 ? av_gettime_relative() + timeout_us : 0, __ATOMIC_RELEASE);
}

static inline void sv_interrupt_abort(void *opaque) {
    __atomic_store_n(&((sv_interrupt_state *)opaque)->abort_requested, 1, __ATOMIC_RELEASE);
}

static inline int sv_interrupt_aborted(void *opaque) {
    return __atomic_load_n(&((sv_interrupt_state *)opaque)->abort_requested, __ATOMIC_ACQUIRE);
}

static inline int sv_interrupt_timed_out(void *opaque) {
    return __atomic_load_n(&((sv_interrupt_state *)opaque)->timed_out, __ATOMIC_ACQUIRE);
}

/// Installs the interrupt callback on a context made by `avformat_alloc_context`.
static inline void sv_interrupt_install(AVFormatContext *context, void *state) {
    context->interrupt_callback.callback = sv_interrupt_check;
    context->interrupt_callback.opaque = state;
}

/// Defined in Swift (SecureVisionCapture's `CaptureLog`): receives each formatted FFmpeg log line.
extern void sv_swift_log_sink(int level, const char *line);

/// FFmpeg's log callback: formats the line and hands it to Swift, which redacts and forwards it.
/// Stateless, so the copy each translation unit gets is harmless.
static inline void sv_log_callback(void *avcl, int level, const char *format, va_list arguments) {
    if (level > av_log_get_level()) {
        return;
    }
    char line[1024];
    int print_prefix = 1;
    av_log_format_line2(avcl, level, format, arguments, line, (int)sizeof(line), &print_prefix);
    sv_swift_log_sink(level, line);
}

/// Routes every FFmpeg log line through `sv_log_callback` at `level` (AV_LOG_QUIET drops all).
static inline void sv_log_install(int level) {
    av_log_set_level(level);
    av_log_set_callback(sv_log_callback);
}

/// Names the calling thread (at most 15 bytes are kept) so top and gdb show which camera it reads.
static inline void sv_set_thread_name(const char *name) { prctl(PR_SET_NAME, name, 0, 0, 0); }

/// Registers the V4L2 and other input devices once (idempotent in FFmpeg 5).
static inline void sv_register_devices(void) { avdevice_register_all(); }

#endif
