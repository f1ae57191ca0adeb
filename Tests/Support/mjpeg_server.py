#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
#
# A loopback MJPEG camera for the capture tests: serves the JPEG files of a directory, in name
# order and round and round, as multipart/x-mixed-replace at /video, and any other file of the
# directory as itself (an HLS playlist and its segments). Usage: mjpeg_server.py DIR FPS.
# Prints "PORT <n>" once listening; exits on SIGTERM.
import os
import signal
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BOUNDARY = "svframe"


def load_frames(directory: str) -> list[bytes]:
    names = sorted(n for n in os.listdir(directory) if n.endswith(".jpg"))
    frames = []
    for name in names:
        with open(os.path.join(directory, name), "rb") as handle:
            frames.append(handle.read())
    return frames


class Handler(BaseHTTPRequestHandler):
    frames: list[bytes] = []
    interval = 0.1
    directory = "."

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        if self.path != "/video":
            self.send_file()
            return
        self.send_response(200)
        self.send_header("Content-Type", f"multipart/x-mixed-replace; boundary={BOUNDARY}")
        self.end_headers()
        index = 0
        deadline = time.monotonic() + 120
        try:
            while time.monotonic() < deadline:
                frame = self.frames[index % len(self.frames)]
                header = f"--{BOUNDARY}\r\nContent-Type: image/jpeg\r\nContent-Length: {len(frame)}\r\n\r\n"
                self.wfile.write(header.encode() + frame + b"\r\n")
                self.wfile.flush()
                index += 1
                time.sleep(self.interval)
        except (BrokenPipeError, ConnectionResetError):
            pass


    def send_file(self) -> None:
        name = os.path.basename(self.path.split("?")[0])
        path = os.path.join(self.directory, name)
        if not name or not os.path.isfile(path):
            self.send_error(404)
            return
        with open(path, "rb") as handle:
            body = handle.read()
        kind = "application/vnd.apple.mpegurl" if name.endswith(".m3u8") else "video/mp2t"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main() -> None:
    Handler.directory = sys.argv[1]
    Handler.frames = load_frames(sys.argv[1])
    Handler.interval = 1.0 / float(sys.argv[2])
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
