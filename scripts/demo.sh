#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Runs SecureVision on its built-in demo: a clip composed from the test photos (a person walks in,
# a car with a plate drives past), served as a looping camera. The person is enrolled from a different
# photo and the plate is on the deny list, so within a minute `face_match`, `plate_read` and
# `plate_alert` events appear. Stop it with Ctrl-C.
#
# Usage: scripts/demo.sh PATH/TO/securevision
set -euo pipefail

binary=${1:?usage: scripts/demo.sh PATH/TO/securevision}
binary=$(realpath "$binary")
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data_dir=${SECUREVISION_DEMO_DATA:-$repo_root/demo-data}
host=127.0.0.1
port=${SECUREVISION_DEMO_PORT:-8000}

mkdir -p -m 700 "$data_dir"
clip="$data_dir/demo-clip.mp4"
bash "$repo_root/scripts/make-demo-clip.sh" "$clip"

cat <<MSG

  SecureVision demo
  -----------------
  Camera:   $clip (looping), camera id "demo"
  Known:    obama (enrolled from test-data/obama2.jpg); deny list: KX19ABC
  Events:   http://$host:$port/events       or: $binary events --data-dir $data_dir
  Cameras:  http://$host:$port/cameras      latest frame: http://$host:$port/cameras/demo/latest.jpg
  Live:     ws://$host:$port/stream
  Data:     $data_dir (database and snapshots, private to this user)

  The first events appear within a minute. Stop with Ctrl-C.

MSG
# The demo must not pick up a user's settings by accident: run it from its own directory so
# no .env is read, and give the flags explicitly.
cd "$data_dir"
SECUREVISION__MODELS_DIR="$repo_root/models" exec "$binary" demo \
    --clip "$clip" --person-photo "$repo_root/test-data/obama2.jpg" --person-id obama --deny-plate KX19ABC \
    --data-dir "$data_dir" --host "$host" --port "$port"
