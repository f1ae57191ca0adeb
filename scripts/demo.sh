#!/usr/bin/env bash
# Runs SecureVision on its built-in demo. Until the camera pipeline lands this is the server on
# 127.0.0.1:8000 over an empty store in ./demo-data; stop it with Ctrl-C.
#
# Usage: scripts/demo.sh PATH/TO/securevision
set -euo pipefail

binary=${1:?usage: scripts/demo.sh PATH/TO/securevision}
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data_dir=${SECUREVISION_DEMO_DATA:-$repo_root/demo-data}
host=127.0.0.1
port=${SECUREVISION_DEMO_PORT:-8000}

cat <<MSG

  SecureVision demo
  -----------------
  Server:   http://$host:$port/          (service, version, auth)
  Health:   http://$host:$port/health    (store, cameras, recent events)
  Events:   $binary events --data-dir $data_dir
  Data:     $data_dir (database and snapshots, private to this user)

  Stop with Ctrl-C.

MSG
# The demo must not pick up a user's settings by accident: run it from its own directory so
# no .env is read, and give the flags explicitly.
mkdir -p -m 700 "$data_dir"
cd "$data_dir"
SECUREVISION__MODELS_DIR="$repo_root/models" exec "$binary" serve --data-dir "$data_dir" --host "$host" --port "$port"
