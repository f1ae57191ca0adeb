#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Pipeline benchmark: the real `securevision` binary on real clips, measured through /metrics.

1. Latency: the demo clip as one camera (cooldown 0, so every pass gives events) for DURATION s:
   capture-to-commit p50/p95 of the stored events, analysed frames per second per core, and the
   seconds each detector took per analysed frame.
2. Capacity: N cameras of a 1080p 15 fps clip, for a quiet scene (a still street) and a busy one
   (the demo clip scaled to 1080p, with a person and a car moving), N = 1, 2, 4, 8; reports the frames
   analysed, skipped by the shared scheduler and dropped by the capture buffers.

Usage: scripts/bench-pipeline.py PATH/TO/securevision [DURATION_S]   (prints markdown tables)
"""
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def metrics(port):
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
    samples = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, value = line.rsplit(" ", 1)
        samples[name] = float(value)
    return samples


def total(samples, family):
    return sum(v for k, v in samples.items() if k == family or k.startswith(family + "{"))


def serve(binary, config, data, duration, extra_env=None):
    """Runs serve for `duration` seconds after it listens; returns (metrics, cpu seconds)."""
    port = free_port()
    env = {"PATH": "/usr/bin:/bin", "SECUREVISION__MODELS_DIR": os.path.join(ROOT, "models"),
           "SECUREVISION__LOG_LEVEL": "warning", **(extra_env or {})}
    process = subprocess.Popen([binary, "serve", "--config", config, "--data-dir", data, "--port", str(port)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            metrics(port)
            break
        except OSError:
            time.sleep(0.2)
    start_cpu = cpu_seconds(process.pid)
    time.sleep(duration)
    samples = metrics(port)
    cpu = cpu_seconds(process.pid) - start_cpu
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=60)
    return samples, cpu


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def camera_yaml(clips):
    lines = ["pipeline:", "  snapshot_quality: 85", "cameras:"]
    for index, clip in enumerate(clips):
        lines += [f"  - id: cam{index}", "    type: file", f"    url: {clip}", "    loop: true", "    fps_target: 15"]
    return "\n".join(lines) + "\n"


def main():
    binary = os.path.abspath(sys.argv[1])
    duration = float(sys.argv[2]) if len(sys.argv) > 2 else 60
    work = tempfile.mkdtemp(prefix="sv-bench-")
    media = os.path.join(ROOT, ".build", "bench-media")
    os.makedirs(media, exist_ok=True)
    demo = os.path.join(media, "demo-clip.mp4")
    subprocess.run(["bash", os.path.join(ROOT, "scripts", "make-demo-clip.sh"), demo], check=True)
    busy = os.path.join(media, "busy-1080p.mp4")
    quiet = os.path.join(media, "quiet-1080p.mp4")
    if not os.path.exists(busy):
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", demo, "-vf", "scale=1920:1080", "-c:v", "libx264",
                        "-preset", "fast", "-g", "15", "-pix_fmt", "yuv420p", busy], check=True)
    if not os.path.exists(quiet):
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-loop", "1", "-framerate", "15", "-t", "18", "-i",
                        os.path.join(ROOT, "test-data", "vtest_frame0.png"), "-vf", "scale=1920:1080",
                        "-c:v", "libx264", "-preset", "fast", "-g", "15", "-pix_fmt", "yuv420p", quiet], check=True)
    cores = os.cpu_count() or 1

    # 1. Latency on the demo clip, with the person enrolled and the plate deny-listed.
    data = os.path.join(work, "latency")
    subprocess.run([binary, "enroll", "--data-dir", data, "--person", "obama",
                    os.path.join(ROOT, "test-data", "obama2.jpg")],
                   env={"SECUREVISION__MODELS_DIR": os.path.join(ROOT, "models"), "PATH": "/usr/bin:/bin"},
                   check=True, stdout=subprocess.DEVNULL)
    deny = os.path.join(work, "deny.csv")
    open(deny, "w").write("KX19ABC\n")
    config = os.path.join(work, "latency.yaml")
    open(config, "w").write(camera_yaml([demo]).replace("fps_target: 15", "fps_target: 5")
                            + f"plates:\n  blacklist_path: {deny}\ntracking:\n  cooldown_seconds: 0\n")
    samples, cpu = serve(binary, config, data, duration)
    analysed = total(samples, "securevision_pipeline_frames_analysed_total")
    events = total(samples, "securevision_pipeline_events_total")
    p50 = samples.get('securevision_event_latency_ms{camera="cam0",quantile="0.5"}', float("nan"))
    p95 = samples.get('securevision_event_latency_ms{camera="cam0",quantile="0.95"}', float("nan"))
    print(f"## Pipeline latency (demo clip, 720p, FPS_TARGET 5, {duration:.0f} s, {cores} cores)\n")
    print("| measure | value |\n|---|---|")
    print(f"| events stored | {events:.0f} |")
    print(f"| capture -> commit p50 / p95 | {p50:.0f} ms / {p95:.0f} ms |")
    print(f"| frames analysed per second | {analysed / duration:.2f} ({analysed / duration / cores:.2f} per core) |")
    print(f"| process CPU | {cpu / duration * 100:.0f} % of one core |")
    for detector in ("faces", "objects", "plates"):
        seconds = samples.get(f'securevision_inference_seconds_total{{camera="cam0",detector="{detector}"}}', 0)
        if analysed:
            print(f"| {detector} per analysed frame | {seconds / analysed * 1000:.0f} ms |")
    print()

    # 2. Capacity: 1080p 15 fps cameras, quiet and busy.
    print(f"## Pipeline capacity (1080p 15 fps file cameras, motion gating on, {duration:.0f} s each)\n")
    print("| scene | cameras | analysed/s | skipped (scheduler) | dropped (capture) | CPU % of one core |")
    print("|---|---|---|---|---|---|")
    for scene, clip in (("quiet", quiet), ("busy", busy)):
        for count in (1, 2, 4, 8):
            config = os.path.join(work, f"{scene}-{count}.yaml")
            open(config, "w").write(camera_yaml([clip] * count))
            samples, cpu = serve(binary, config, os.path.join(work, f"{scene}-{count}"), duration)
            analysed = total(samples, "securevision_pipeline_frames_analysed_total")
            skipped = total(samples, "securevision_pipeline_frames_skipped_total")
            dropped = total(samples, "securevision_camera_frames_dropped_total")
            print(f"| {scene} | {count} | {analysed / duration:.1f} | {skipped:.0f} | {dropped:.0f} "
                  f"| {cpu / duration * 100:.0f} |", flush=True)


if __name__ == "__main__":
    main()
