#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Fuzzes the live HTTP API: starts the real binary on a free loopback port with a token, a fresh data
# directory, an enrolled person and a short clip as a camera (so events, snapshots, crops and a camera
# frame exist), then runs Schemathesis against its own /openapi.json. Every response must be free of
# 5xx and match the document: status codes, content types, headers and JSON schemas.
#
# Usage: scripts/test-api-fuzz.sh PATH/TO/securevision   (make test-scripts passes the built binary)
#
# Environment:
#   SECUREVISION_FUZZ_EXAMPLES  test cases per operation and phase (default 30)
#   SECUREVISION_FUZZ_SEED      the Hypothesis seed (default fixed, so a run can be repeated)
#
# Needs test-data/ (make test-data) and models/ (make models). Schemathesis goes into a venv under
# .build the first time (about 20 s); later runs reuse it. A run takes about 35 s, the fuzzing 30.
set -euo pipefail

binary=${1:?usage: scripts/test-api-fuzz.sh PATH/TO/securevision}
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
venv=$repo_root/.build/venv-fuzz
# 4.x runs on Debian 12's Python 3.11; pinned so that a new release cannot change what is checked.
schemathesis_version=4.32.5
examples=${SECUREVISION_FUZZ_EXAMPLES:-30}
seed=${SECUREVISION_FUZZ_SEED:-20261129}
# not_a_server_error is the point; the conformance checks hold /openapi.json to what the server
# really answers, and the auth checks make sure no protected route answers without a valid token.
# Left out, with reasons: positive_data_acceptance (a schema cannot say "a JPEG with one face", so
# random upload bytes are rightly 422), negative_data_rejection (the server is more lenient than the
# patterns on purpose: any whitespace in a plate, letters in any case), and unsupported_method
# (Hummingbird answers 404, not 405, to a method a path does not serve).
checks=not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance
checks+=,response_schema_conformance,ignored_auth,missing_required_header

say() { printf 'test-api-fuzz: %s\n' "$*"; }
die() { printf 'test-api-fuzz: error: %s\n' "$*" >&2; exit 1; }

[[ -x $binary ]] || die "$binary is not an executable; build it first"
binary=$(realpath "$binary")
photo=$repo_root/test-data/obama.jpg
enrol_photo=$repo_root/test-data/obama2.jpg
[[ -f $photo && -f $enrol_photo ]] || die "test photos missing; run make test-data"
[[ -d $repo_root/models ]] || die "models/ missing; run make models"

if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -qF "version $schemathesis_version"; then
    say "installing schemathesis $schemathesis_version into $venv"
    rm -rf -- "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$schemathesis_version"
fi

tmp=$(mktemp -d)
server_pid=
stop_server() {
    [[ -n $server_pid ]] || return 0
    if kill -0 "$server_pid" 2>/dev/null; then
        # SIGTERM is the graceful stop; a server that ignores it for 15 s is killed.
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in {1..150}; do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    wait "$server_pid" 2>/dev/null || true
    server_pid=
}
# shellcheck disable=SC2317  # run by the EXIT trap
cleanup() {
    stop_server
    rm -rf -- "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Only what this script sets reaches the server: no SECUREVISION__* from the caller's shell, and the
# working directory is the temporary one, so no .env file is read either.
while IFS= read -r name; do
    [[ $name == SECUREVISION__* ]] && unset "$name"
done < <(compgen -e)
export SECUREVISION__MODELS_DIR=$repo_root/models
data_dir=$tmp/data
token=$(openssl rand -hex 32)

# A still photo as a 3 s clip: the enrolled person is seen, so a face_match event with a snapshot and a
# crop is stored, and the camera keeps its last frame for /cameras/fuzz/latest.jpg.
ffmpeg -nostdin -v error -loop 1 -framerate 5 -i "$photo" -t 3 -vf scale=640:-2 -c:v libx264 -pix_fmt yuv420p \
    -g 5 "$tmp/clip.mp4"
(cd "$tmp" && "$binary" enroll --person fuzz "$enrol_photo" --data-dir "$data_dir") >"$tmp/enroll.log" 2>&1 \
    || { cat "$tmp/enroll.log"; die "enrolment failed"; }

# The limits are raised because the fuzzer is one client address making thousands of requests, many
# with missing or wrong tokens on purpose: at the defaults every later request is 429 and nothing
# behind it is tested. The limiter itself is covered by the Swift tests.
(
    cd "$tmp"
    export SECUREVISION__API__AUTH_TOKEN=$token
    export SECUREVISION__API__RATE_LIMIT_PER_MINUTE=1000000
    export SECUREVISION__API__AUTH_FAILURES_PER_MINUTE=10000
    export SECUREVISION__CAMERAS__FUZZ__TYPE=file
    export SECUREVISION__CAMERAS__FUZZ__URL=$tmp/clip.mp4
    export SECUREVISION__CAMERAS__FUZZ__DETECTORS=faces
    export SECUREVISION__CAMERAS__FUZZ__LOOP=false
    # A still image never moves; without this the detector would only see the safety-net frames.
    export SECUREVISION__PIPELINE__MOTION_GATING=false
    exec "$binary" serve --port 0 --data-dir "$data_dir"
) >"$tmp/server.out" 2>"$tmp/server.log" &
server_pid=$!

server_failed() {
    sed 's/^/      | /' "$tmp/server.log" >&2
    die "$*"
}

port=
for _ in {1..300}; do
    if port=$(grep -soE 'listening on http://127\.0\.0\.1:[0-9]+' "$tmp/server.log" | grep -oE '[0-9]+$'); then
        break
    fi
    kill -0 "$server_pid" 2>/dev/null || server_failed "the server exited during startup"
    sleep 0.1
done
[[ -n $port ]] || server_failed "the server did not report its port within 30 s"
base=http://127.0.0.1:$port
say "server on $base (pid $server_pid)"

# Fuzz only once the face event exists (about 6 s: the track ends when the clip does).
auth=(-H "Authorization: Bearer $token")
for _ in {1..60}; do
    if curl -fsS "${auth[@]}" "$base/events?type=face_match" | grep -qF '"face_match"'; then
        break
    fi
    sleep 0.5
done
curl -fsS "${auth[@]}" "$base/events?type=face_match" | grep -qF '"face_match"' \
    || server_failed "no face_match event within 30 s"

say "schemathesis $schemathesis_version: $examples examples per operation, seed $seed, checks $checks"
start=$(date +%s)
status=0
# Run in the temporary directory: Schemathesis reads a schemathesis.toml from its working directory,
# and the example database is off so that a run depends only on the seed.
(
    cd "$tmp"
    timeout 150 "$venv/bin/schemathesis" --no-color run "$base/openapi.json" \
        --header "Authorization: Bearer $token" \
        --checks "$checks" \
        --max-examples "$examples" \
        --seed "$seed" \
        --generation-database none \
        --workers 1 \
        --request-timeout 10 \
        --output-truncate false
) || status=$?
say "schemathesis finished in $(($(date +%s) - start)) s with status $status"

# A 5xx is logged by the server with its cause (JSONErrorMiddleware); show each distinct one (without its
# timestamp) beside the failure, and fail on it even if the fuzzer missed the response.
errors=$(grep -E '^[^ ]+ (error|critical) ' "$tmp/server.log" | cut -d' ' -f2- | sort | uniq -c | sort -rn || true)
if [[ -n $errors ]]; then
    say "server errors (count, message):"
    head -n 20 <<<"$errors" | sed 's/^/      | /'
    if ((status == 0)); then status=1; fi
fi
kill -0 "$server_pid" 2>/dev/null || server_failed "the server died during the run"
stop_server

if ((status == 0)); then
    say "passed"
else
    say "FAILED (status $status)"
fi
exit "$status"
