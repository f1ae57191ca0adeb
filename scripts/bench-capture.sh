#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Capture benchmark: decode throughput of SecureVision's capture path against
# `ffmpeg -benchmark -threads N -i clip -f null -` on the same 1080p H.264 clip in the same run,
# then one real-time run of the clip as a 15 fps camera (CPU per minute, memory, hand-off latency).
#
#   scripts/bench-capture.sh [THREADS]        (default 2)
#   CAPTURE_BENCHMARK=/path/to/CaptureBenchmark scripts/bench-capture.sh   (skip the release build)
# Prints a markdown table for BENCHMARKS.md.
set -euo pipefail

THREADS="${1:-2}"
RUNS="${RUNS:-5}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
CLIP="$WORK/clip-1080p.mp4"

if [[ -z "${CAPTURE_BENCHMARK:-}" ]]; then
    (cd "$ROOT" && swift build -c release --product CaptureBenchmark >&2)
    CAPTURE_BENCHMARK="$(cd "$ROOT" && swift build -c release --show-bin-path)/CaptureBenchmark"
fi

echo "generating a 20 s 1080p30 H.264 clip (testsrc2, x264 preset fast)..." >&2
ffmpeg -loglevel error -y -f lavfi -i testsrc2=size=1920x1080:rate=30:duration=20 \
    -c:v libx264 -preset fast -pix_fmt yuv420p "$CLIP"
FRAMES="$(ffprobe -v error -count_packets -select_streams v:0 -show_entries stream=nb_read_packets -of csv=p=0 "$CLIP")"

# Best of $RUNS for each, interleaved so both see the same machine state. Wall-clock fps is the
# headline; CPU seconds (user + system) are compared too because they suffer less from other load.
best_ffmpeg=0
best_capture=0
best_ffmpeg_cpu=1e9
best_capture_cpu=1e9
capture_json=""
for ((run = 1; run <= RUNS; run++)); do
    bench="$(ffmpeg -hide_banner -nostats -benchmark -threads "$THREADS" -i "$CLIP" -f null - 2>&1 | grep 'rtime=' | tail -1)"
    rtime="$(sed -n 's/.*rtime=\([0-9.]*\)s.*/\1/p' <<<"$bench")"
    cpu="$(awk -v u="$(sed -n 's/.*utime=\([0-9.]*\)s.*/\1/p' <<<"$bench")" \
        -v s="$(sed -n 's/.*stime=\([0-9.]*\)s.*/\1/p' <<<"$bench")" 'BEGIN { print u + s }')"
    best_ffmpeg_cpu="$(awk -v a="$best_ffmpeg_cpu" -v b="$cpu" 'BEGIN { print (b < a ? b : a) }')"
    fps="$(awk -v f="$FRAMES" -v t="$rtime" 'BEGIN { printf "%.1f", f / t }')"
    best_ffmpeg="$(awk -v a="$best_ffmpeg" -v b="$fps" 'BEGIN { print (b > a ? b : a) }')"
    json="$("$CAPTURE_BENCHMARK" "$CLIP" --threads "$THREADS")"
    fps="$(sed -n 's/.*"fps":\([0-9.]*\).*/\1/p' <<<"$json")"
    cpu="$(sed -n 's/.*"cpu_seconds":\([0-9.]*\).*/\1/p' <<<"$json")"
    best_capture_cpu="$(awk -v a="$best_capture_cpu" -v b="$cpu" 'BEGIN { print (b < a ? b : a) }')"
    if awk -v a="$best_capture" -v b="$fps" 'BEGIN { exit !(b > a) }'; then
        best_capture="$fps"
        capture_json="$json"
    fi
done
best_capture="$(awk -v v="$best_capture" 'BEGIN { printf "%.1f", v }')"
best_ffmpeg_cpu="$(awk -v v="$best_ffmpeg_cpu" 'BEGIN { printf "%.2f", v }')"
best_capture_cpu="$(awk -v v="$best_capture_cpu" 'BEGIN { printf "%.2f", v }')"
cpu_ratio="$(awk -v a="$best_ffmpeg_cpu" -v b="$best_capture_cpu" 'BEGIN { printf "%.3f", a / b }')"
ratio="$(awk -v a="$best_capture" -v b="$best_ffmpeg" 'BEGIN { printf "%.3f", a / b }')"
field() { sed -n "s/.*\"$1\":\([0-9.e+-]*\).*/\1/p" <<<"$2" | awk '{ printf "%.1f", $1 }'; }

echo "running the clip in real time as a 15 fps camera (20 s)..." >&2
live="$("$CAPTURE_BENCHMARK" "$CLIP" --threads "$THREADS" --realtime --analyse-fps 15 --analysis-size 1280x720)"
cpu_per_minute="$(awk -v c="$(field cpu_seconds "$live")" -v s="$(field seconds "$live")" 'BEGIN { printf "%.1f", c * 60 / s }')"

cat <<TABLE
Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); $(ffmpeg -version | head -1 | cut -d' ' -f1-3)
Clip: 1920x1080 30 fps H.264 (x264 fast), $FRAMES frames; decoder threads $THREADS; best of $RUNS; load average $(cut -d' ' -f1 /proc/loadavg).

| measure | ffmpeg -benchmark | SecureVision capture | ratio |
|---|---|---|---|
| decode fps (decode only) | $best_ffmpeg | $best_capture | $ratio |
| CPU seconds for the clip, user + system (decode only; ratio = ffmpeg / capture) | $best_ffmpeg_cpu | $best_capture_cpu | $cpu_ratio |
| max RSS MiB (decode only run) | | $(field max_rss_mib "$capture_json") | |
| CPU seconds per minute, 1080p camera paced in real time, 15 fps analysed at 1280x720 + grey motion | | $cpu_per_minute | |
| max RSS MiB of that camera (whole process) | | $(field max_rss_mib "$live") | |
| median hand-off latency ms (capture time to consumer) | | $(field handoff_latency_ms_median "$live") | |
TABLE
