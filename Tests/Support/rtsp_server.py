#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
#
# A loopback RTSP server for the capture tests: serves an H.264 MP4 file at rtsp://127.0.0.1:PORT/cam.
# Run with Debian's /usr/bin/python3 (it has `gi`). Usage: rtsp_server.py FILE PORT [tls] (PORT 0 picks
# one). With `tls` it serves RTSPS instead: RTSP over TLS with a fresh self-signed certificate, and
# Basic authentication as user "user", password "secret", as a camera with HTTPS-style setup would.
# Prints "PORT <n>" once listening; exits on SIGTERM.
import os
import shutil
import signal
import subprocess
import sys
import tempfile

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import Gio, GLib, Gst, GstRtspServer  # noqa: E402


def self_signed_certificate() -> Gio.TlsCertificate:
    # Made per run with the openssl CLI, so no key is checked in; the files go as soon as GLib has
    # read them, because the tests stop this server with SIGKILL.
    directory = tempfile.mkdtemp(prefix="sv-rtsps-")
    try:
        key, cert = os.path.join(directory, "key.pem"), os.path.join(directory, "cert.pem")
        subprocess.run(
            [
                "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert,
            ],
            check=True,
            capture_output=True,
        )
        with open(cert, encoding="ascii") as certificate, open(key, encoding="ascii") as private_key:
            return Gio.TlsCertificate.new_from_pem(certificate.read() + private_key.read(), -1)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def require_tls(server: GstRtspServer.RTSPServer, factory: GstRtspServer.RTSPMediaFactory) -> None:
    # Setting a certificate on the server's auth object makes every connection TLS; the auth object
    # then also decides access, so the user gets a role that may open and build the media.
    auth = GstRtspServer.RTSPAuth()
    auth.set_tls_certificate(self_signed_certificate())
    token = GstRtspServer.RTSPToken.new()
    token.set_string("media.factory.role", "user")
    auth.add_basic(GstRtspServer.RTSPAuth.make_basic("user", "secret"), token)
    server.set_auth(auth)
    permissions = GstRtspServer.RTSPPermissions.new()
    permissions.add_permission_for_role("user", "media.factory.access", True)
    permissions.add_permission_for_role("user", "media.factory.construct", True)
    factory.set_permissions(permissions)


def main() -> None:
    path, port = sys.argv[1], sys.argv[2]
    tls = sys.argv[3:] == ["tls"]
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(port)
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(
        f'( filesrc location="{path}" ! qtdemux ! h264parse config-interval=-1 ! rtph264pay name=pay0 pt=96 )'
    )
    factory.set_shared(True)
    if tls:
        require_tls(server, factory)
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
