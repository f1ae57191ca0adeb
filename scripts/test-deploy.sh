#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Checks the deployment examples in deploy/ with the tools that will read them (Debian's systemd and
# nginx), without installing or starting anything. Ends with "deploy: N passed, M failed".
#
# Usage: scripts/test-deploy.sh PATH/TO/securevision   (make test-scripts passes the built binary)
#
#   (a) `systemd-analyze verify` accepts deploy/securevision.service with no warning at all;
#   (b) `systemd-analyze security --offline` rates it at most 2.0 ("OK"), so hardening cannot erode;
#   (c) `nginx -t` accepts deploy/nginx-securevision.conf inside a minimal http {} block.
set -euo pipefail

binary=${1:?usage: scripts/test-deploy.sh PATH/TO/securevision}
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
unit=$repo_root/deploy/securevision.service
site=$repo_root/deploy/nginx-securevision.conf
# systemd-analyze prints exposure x 10 for --threshold: 20 is 2.0, well inside "OK" (up to 4.9).
max_exposure=20

[[ -x $binary ]] || { echo "test-deploy: $binary is not an executable; build it first" >&2; exit 1; }
binary=$(realpath "$binary")
for tool in systemd-analyze nginx openssl; do
    command -v "$tool" >/dev/null 2>&1 \
        || { echo "test-deploy: $tool not found; run scripts/install-deps.sh" >&2; exit 1; }
done

tmp_root=$(mktemp -d)
trap 'rm -rf -- "$tmp_root"' EXIT

fail() { printf 'assertion failed: %s\n' "$*"; exit 1; }

case_unit_verifies() {
    # verify refuses an ExecStart= binary that does not exist, and /usr/local/bin/securevision is only
    # there once installed; --root does not help (it does not resolve Exec paths in 252). So a copy of
    # the unit, identical except that ExecStart= names the binary just built, is verified instead.
    sed "s#^ExecStart=/usr/local/bin/securevision #ExecStart=$binary #" "$unit" >securevision.service
    grep -qF "ExecStart=$binary serve " securevision.service || fail "ExecStart= line not found in $unit"
    # verify exits 0 on unknown keys and bad values (it only logs "ignoring"): any output is a failure.
    systemd-analyze verify ./securevision.service >verify.log 2>&1 || { cat verify.log; fail "verify failed"; }
    [[ ! -s verify.log ]] || { cat verify.log; fail "systemd-analyze verify printed warnings"; }
}

case_unit_hardened() {
    if ! systemd-analyze security --offline=yes --threshold="$max_exposure" "$unit" >security.log 2>&1; then
        cat security.log
        fail "exposure above $((max_exposure / 10)).$((max_exposure % 10))"
    fi
    grep -F 'Overall exposure level' security.log
}

case_nginx_config() {
    # A self-signed certificate in place of the real one: nginx -t loads the files it names.
    openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=securevision.test \
        -keyout key.pem -out cert.pem >openssl.log 2>&1 || { cat openssl.log; fail "openssl req failed"; }
    sed -e "s#/etc/ssl/certs/securevision.crt#$PWD/cert.pem#" \
        -e "s#/etc/ssl/private/securevision.key#$PWD/key.pem#" "$site" >site.conf
    grep -qF "$PWD/cert.pem" site.conf || fail "ssl_certificate line not found in $site"
    grep -qF "$PWD/key.pem" site.conf || fail "ssl_certificate_key line not found in $site"
    # As Debian's nginx.conf includes a site: inside http {}. Every path nginx might write is in this
    # directory, so the check needs no root and leaves nothing behind.
    cat >nginx.conf <<CONF
pid $PWD/nginx.pid;
error_log $PWD/error.log;
events {}
http {
    access_log off;
    client_body_temp_path $PWD/body;
    proxy_temp_path $PWD/proxy;
    fastcgi_temp_path $PWD/fastcgi;
    uwsgi_temp_path $PWD/uwsgi;
    scgi_temp_path $PWD/scgi;
    include $PWD/site.conf;
}
CONF
    # -e: the error log before the configuration is read (the default, /var/log/nginx, needs root).
    nginx -t -q -p "$PWD" -e "$PWD/error.log" -c "$PWD/nginx.conf" >nginx.log 2>&1 \
        || { cat nginx.log; fail "nginx -t failed"; }
    # -q leaves only warnings; nginx -t succeeds despite them, this test does not.
    [[ ! -s nginx.log ]] || { cat nginx.log; fail "nginx -t printed warnings"; }
}

# The security score and the tools' own remarks are worth seeing even when a case passes.
RUN_CASE_SHOW_OUTPUT=always
# shellcheck source=lib/run-case.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/run-case.sh"

run_case "(a) systemd-analyze verify accepts deploy/securevision.service" case_unit_verifies
run_case "(b) systemd-analyze security rates the unit at most $((max_exposure / 10)).$((max_exposure % 10))" \
    case_unit_hardened
run_case "(c) nginx -t accepts deploy/nginx-securevision.conf" case_nginx_config

echo "deploy: $passed passed, $failed failed"
((failed == 0))
