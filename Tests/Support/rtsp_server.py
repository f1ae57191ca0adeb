#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
#
# A loopback RTSP server for the capture tests: serves an H.264 MP4 file at rtsp://127.0.0.1:PORT/cam.
# Run with Debian's /usr/bin/python3 (it has `gi`). Usage: rtsp_server.py FILE PORT (PORT 0 picks one).
# Prints "PORT <n>" once listening; exits on SIGTERM.
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def main() -> None:
    path, port = sys.argv[1], sys.argv[2]
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(port)
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(
        f'( filesrc location="{path}" ! qtdemux ! h264parse config-interval=-1 ! rtph264pay name=pay0 pt=96 )'
    )
    factory.set_shared(True)
    server.get_mount_points().add_factory("/cam", factory)
    if server.attach(None) == 0:
        print("FAILED to bind", flush=True)
        sys.exit(1)
    loop = GLib.MainLoop()
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)
    print(f"PORT {server.get_bound_port()}", flush=True)
    loop.run()


if __name__ == "__main__":
    main()
