#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Puts every image the detection tests use into test-data/ (beside this script's parent), from Debian
# packages (opencv-doc, darknet) and pinned PyPI downloads (never installed). Idempotent: files already
# present are kept, so a second run takes well under a second.
#
#   Debian: opencv-doc  -> messi5.jpg vtest.avi licenseplate_motion.jpg (+ vtest_frame*.png via ffmpeg)
#           darknet     -> person.jpg dog.jpg horses.jpg
#   PyPI:   scikit-image==0.22.0 wheel       -> astronaut.png coffee.png
#           face-recognition==1.3.0 sdist    -> obama.jpg obama2.jpg obama3.jpg biden.jpg
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/test-data"
mkdir -p "$out"

need() {
    for file in "$@"; do [[ -s "$out/$file" ]] || return 0; done
    return 1
}

copy_from_package() {
    local package="$1" dir="$2"; shift 2
    need "$@" || return 0
    if [[ ! -d "$dir" ]]; then
        echo "fetch-test-data: $dir is missing; install it with: apt-get install $package" >&2
        exit 1
    fi
    for file in "$@"; do cp "$dir/$file" "$out/$file"; done
}

copy_from_package opencv-doc /usr/share/doc/opencv-doc/examples/data messi5.jpg vtest.avi licenseplate_motion.jpg
copy_from_package darknet /usr/share/darknet/data person.jpg dog.jpg horses.jpg

# Frames of the surveillance clip, for people and motion tests.
for n in 0 10 100; do
    frame="$out/vtest_frame$n.png"
    if [[ ! -s "$frame" ]]; then
        command -v ffmpeg >/dev/null || { echo "fetch-test-data: ffmpeg is missing (apt-get install ffmpeg)" >&2; exit 1; }
        ffmpeg -loglevel error -y -i "$out/vtest.avi" -vf "select=eq(n\,$n)" -frames:v 1 "$frame"
    fi
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

if need astronaut.png coffee.png; then
    python3 -m pip download --quiet --no-deps --only-binary=:all: --platform manylinux_2_17_x86_64 \
        --python-version 3.11 --dest "$tmp" "scikit-image==0.22.0"
    wheel="$(ls "$tmp"/scikit_image-0.22.0-*.whl)"
    python3 - "$wheel" "$out" <<'PY'
import sys, zipfile
wheel, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as archive:
    for name in ("astronaut.png", "coffee.png"):
        with open(f"{out}/{name}", "wb") as target:
            target.write(archive.read(f"skimage/data/{name}"))
PY
fi

faces=(obama.jpg obama2.jpg obama3.jpg biden.jpg)
if need "${faces[@]}"; then
    python3 -m pip download --quiet --no-deps --no-binary=:all: --dest "$tmp" "face-recognition==1.3.0"
    python3 - "$tmp/face_recognition-1.3.0.tar.gz" "$out" "${faces[@]}" <<'PY'
import sys, tarfile
sdist, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
with tarfile.open(sdist) as archive:
    for name in names:
        member = archive.extractfile(f"face_recognition-1.3.0/tests/test_images/{name}")
        with open(f"{out}/{name}", "wb") as target:
            target.write(member.read())
PY
fi

echo "fetch-test-data: $(ls "$out" | wc -l) files in $out"
