#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
#
# A loopback RTMP server for the capture tests: Debian's nginx with its RTMP module, and an ffmpeg
# publisher that pushes an H.264 MP4 file (in real time, round and round) to
# rtmp://127.0.0.1:PORT/live/cam. Standard library only. Usage: rtmp_server.py FILE PORT (PORT 0
# picks one). Prints "PORT <n>" once the stream is being published; exits on SIGTERM.
#
# nginx and ffmpeg die with this script, even when it is killed with SIGKILL as TestServer.stop
# does: a test kills the script to make the camera vanish as a powered-off one would.
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

NGINX = "/usr/sbin/nginx"
RTMP_MODULE = "/usr/lib/nginx/modules/ngx_rtmp_module.so"
PR_SET_PDEATHSIG = 1
START_TIMEOUT = 15.0

# One process, in the foreground, with every path in the private directory: no root-owned default
# (/run/nginx.pid, /var/lib/nginx) is touched and nothing outlives the test. wait_key starts a new
# player at a keyframe, so the decoder is never handed frames it cannot decode.
CONFIG = """\
daemon off;
master_process off;
pid {dir}/nginx.pid;
lock_file {dir}/nginx.lock;
error_log {dir}/error.log info;
load_module {module};
events {{
    worker_connections 64;
}}
rtmp {{
    access_log off;
    server {{
        listen 127.0.0.1:{port};
        application live {{
            live on;
            wait_key on;
        }}
    }}
}}
"""


def die_with_parent() -> None:
    """Runs in the child before exec: the kernel sends it SIGKILL when this script exits."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def spawn(arguments: list[str]) -> subprocess.Popen:
    # Never the inherited stdout: TestServer reads one line from it and then nobody drains it.
    return subprocess.Popen(
        arguments,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=die_with_parent,
    )


def wait_until(condition, processes: list[subprocess.Popen], what: str, directory: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while not condition():
        if any(process.poll() is not None for process in processes) or time.monotonic() > deadline:
            print(f"FAILED waiting for {what}", flush=True)
            shutil.rmtree(directory, ignore_errors=True)
            sys.exit(1)
        time.sleep(0.02)


def listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return True
    except OSError:
        return False


def published(log: str) -> bool:
    # nginx-rtmp logs this at info level once it has accepted the publisher's `publish` command.
    try:
        with open(log, encoding="utf-8", errors="replace") as handle:
            return "publish: name='cam'" in handle.read()
    except FileNotFoundError:
        return False


def main() -> None:
    path, port = sys.argv[1], int(sys.argv[2])
    if not (os.path.exists(NGINX) and os.path.exists(RTMP_MODULE)):
        print("FAILED: nginx or its RTMP module is missing; scripts/install-deps.sh installs them", flush=True)
        sys.exit(1)
    if port == 0:
        port = free_port()
    directory = tempfile.mkdtemp(prefix="sv-rtmp-")
    config = os.path.join(directory, "nginx.conf")
    with open(config, "w", encoding="utf-8") as handle:
        handle.write(CONFIG.format(dir=directory, module=RTMP_MODULE, port=port))
    log = os.path.join(directory, "error.log")
    nginx = spawn([NGINX, "-p", directory, "-e", log, "-c", config])
    wait_until(lambda: listening(port), [nginx], f"nginx on port {port}", directory)
    publisher = spawn(
        [
            "/usr/bin/ffmpeg", "-nostdin", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i", path,
            "-c", "copy", "-f", "flv", f"rtmp://127.0.0.1:{port}/live/cam",
        ]
    )
    wait_until(lambda: published(log), [nginx, publisher], "the publisher", directory)
    # Remove the directory now (nginx keeps its open files): TestServer.stop's SIGKILL leaves this
    # script no chance to do it later.
    shutil.rmtree(directory, ignore_errors=True)

    def stop(_signal: int, _frame: object) -> None:
        for process in (publisher, nginx):
            process.terminate()
        for process in (publisher, nginx):
            process.wait()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    print(f"PORT {port}", flush=True)
    # A child that dies on its own ends the server, as a crashed camera would.
    while publisher.poll() is None and nginx.poll() is None:
        time.sleep(0.2)
    stop(signal.SIGTERM, None)


if __name__ == "__main__":
    main()
