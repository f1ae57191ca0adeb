# SPDX-License-Identifier: Apache-2.0
#
# The case runner of the script tests (test-fetch-models.sh, test-deploy.sh); source it after setting
# tmp_root. `run_case NAME FUNCTION` runs FUNCTION with `set -e` in a fresh directory under tmp_root,
# prints ok/FAIL with the time taken, and counts into `passed` and `failed`. A failing case's output is
# always shown; set RUN_CASE_SHOW_OUTPUT=always to show a passing case's too.

passed=0 failed=0
run_case() { # NAME FUNCTION
    local name=$1 fn=$2 dir start ms rc
    dir=$(mktemp -d "$tmp_root/case.XXXXXX")
    start=$(date +%s%N)
    set +e
    (set -e; cd "$dir" && "$fn") >"$dir.log" 2>&1
    rc=$?
    set -e
    ms=$((($(date +%s%N) - start) / 1000000))
    if ((rc == 0)); then
        passed=$((passed + 1))
        printf 'ok    %s (%d.%03d s)\n' "$name" $((ms / 1000)) $((ms % 1000))
        if [[ ${RUN_CASE_SHOW_OUTPUT:-} == always ]]; then sed 's/^/      | /' "$dir.log"; fi
    else
        failed=$((failed + 1))
        printf 'FAIL  %s (%d.%03d s)\n' "$name" $((ms / 1000)) $((ms % 1000))
        sed 's/^/      | /' "$dir.log"
    fi
}
