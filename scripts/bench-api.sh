#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# API benchmark: wrk on loopback against the real binary over a store of 1,000,000 events.
# Requests/s and p99 for /health and for /events (newest 100, and filtered by camera), with a
# bearer token, rate limits raised out of the way. wrk and the server share this machine's cores.
#
#   scripts/bench-api.sh PATH/TO/securevision [DURATION_S]     (prints a markdown table)
set -euo pipefail

binary="$(realpath "${1:?usage: scripts/bench-api.sh PATH/TO/securevision [DURATION_S]}")"
duration="${2:-15}"
command -v wrk >/dev/null || { echo "bench-api: wrk is missing (apt-get install wrk)" >&2; exit 1; }
work="$(mktemp -d)"
server=""
cleanup() { [[ -n "$server" ]] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

"$binary" migrate --data-dir "$work/data" >/dev/null
# One statement, one transaction: a million rows in seconds, with the payloads the API decodes.
sqlite3 "$work/data/events.db" <<'SQL'
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
INSERT INTO events (type, ts_ms, camera_id, created_at_ms, track_id, person_id, plate_text, matched_list,
                    similarity, payload_json, file_bytes)
SELECT CASE i % 3 WHEN 0 THEN 'face_match' WHEN 1 THEN 'plate_read' ELSE 'object' END,
       1700000000000 + i * 1000, 'cam' || (i % 4), 1700000000000 + i * 1000, i,
       CASE i % 3 WHEN 0 THEN 'person' || (i % 50) END,
       CASE i % 3 WHEN 1 THEN 'AB' || (i % 1000) || 'CD' END,
       CASE i % 3 WHEN 1 THEN 'whitelist' END,
       CASE i % 3 WHEN 0 THEN 0.7 END,
       CASE i % 3
           WHEN 0 THEN '{"person_id":"person' || (i % 50) || '","similarity":0.7,"detection_score":0.9,"bbox":{"x1":1,"y1":2,"x2":3,"y2":4},"track_id":' || i || '}'
           WHEN 1 THEN '{"text_raw":"AB' || (i % 1000) || 'CD","text_clean":"AB' || (i % 1000) || 'CD","ocr_confidence":0.9,"detector_score":0.8,"matched_list":"whitelist","bbox":{"x1":1,"y1":2,"x2":3,"y2":4},"track_id":' || i || '}'
           ELSE '{"label":"person","score":0.8,"bbox":{"x1":1,"y1":2,"x2":3,"y2":4},"track_id":' || i || '}'
       END,
       0
FROM n;
SQL

token="bench-token-$(openssl rand -hex 16)"
SECUREVISION__API__AUTH_TOKEN="$token" SECUREVISION__API__RATE_LIMIT_PER_MINUTE=1000000 \
    SECUREVISION__LOG_LEVEL=warning SECUREVISION__VIDEO__SOURCE__TYPE=file \
    SECUREVISION__VIDEO__SOURCE__URL=/nonexistent.mp4 \
    "$binary" serve --data-dir "$work/data" --port 0 --log-level notice 2>"$work/serve.log" &
server=$!
port=""
for _ in $(seq 1 300); do
    port="$(sed -n 's#.*listening on http://127\.0\.0\.1:\([0-9]*\).*#\1#p' "$work/serve.log" | head -1)"
    [[ -n "$port" ]] && break
    sleep 0.2
done
[[ -n "$port" ]] || { echo "bench-api: the server did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }

echo "| endpoint | connections | requests/s | p50 | p99 |"
echo "|---|---|---|---|---|"
for target in "/health" "/events?limit=100" "/events?camera=cam2&type=plate_read&limit=100"; do
    for connections in 16 64; do
        out="$(wrk -t2 -c"$connections" -d"${duration}s" --latency -H "Authorization: Bearer $token" \
            "http://127.0.0.1:$port$target")"
        rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
        p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
        p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
        errors="$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ' || true)"
        echo "| \`$target\` | $connections | $rps | $p50 | $p99 |${errors:+ $errors}"
    done
done
