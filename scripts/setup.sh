#!/usr/bin/env bash
# One command on a fresh machine: install build dependencies, build
# flashchat (release, native CPU kernels), fetch the demo model, and answer
# a prompt with it.
#
#   scripts/setup.sh [cpu|vulkan|cuda|rocm|metal]
#
# A GPU backend also installs what its build needs (where the system's
# package manager has it) and builds with `--features BACKEND`.
set -euo pipefail
cd "$(dirname "$0")/.."

backend="${1:-cpu}"
scripts/install-build-deps.sh "$backend"
features=()
if [ "$backend" != cpu ]; then
    features=(--features "$backend")
fi
if [ "$backend" = vulkan ]; then
    headers="$(scripts/vulkan-headers.sh)"
    if [ -n "$headers" ]; then
        echo "building with the Vulkan headers in $headers (CPATH)" >&2
        export CPATH="$headers${CPATH:+:$CPATH}"
    fi
fi
cargo build --release --locked "${features[@]}"
model="$(scripts/fetch-test-model.sh smollm2)"
echo "built target/release/flashchat ($backend); demo model (SmolLM2-135M-Instruct) at $model" >&2
target/release/flashchat status | grep -E "^(Backends|Devices|GPU offload|  model) " >&2 || true
target/release/flashchat --model "$model" prompt "What is the capital of France?" -n 64 --temperature 0 --stats
