#!/usr/bin/env bash
# Checks a GPU build against the CPU build, by hand (not part of CI):
#
#   scripts/check-gpu.sh vulkan|cuda|rocm|metal [MODEL.gguf]
#
# Builds flashchat with `--features BACKEND` (in target-BACKEND/, beside the
# CPU build in target/), then, with every layer on the first GPU device:
#   1. `flashchat status` lists a GPU device of that backend;
#   2. `benchmark verify` passes, its GPU-vs-CPU logits check included, on
#      the model and on the synthetic MoE model;
#   3. a greedy `prompt` gives the same text as the CPU build;
#   4. `--gpu-layers 0` runs on the CPU (status and the benchmark's device
#      field say so).
# Without a GPU, Vulkan runs on Mesa's software driver, lavapipe
# (`scripts/install-build-deps.sh vulkan` installs it); llama.cpp skips
# CPU-type Vulkan devices unless GGML_VK_VISIBLE_DEVICES names them, so the
# script sets it when lavapipe is the only one. Set GPU_TARGET_DIR to build
# elsewhere than target-BACKEND/.
set -euo pipefail
cd "$(dirname "$0")/.."

backend="${1:?usage: scripts/check-gpu.sh vulkan|cuda|rocm|metal [MODEL.gguf]}"
model="${2:-$(scripts/fetch-test-model.sh)}"
case "$backend" in
    vulkan | cuda | rocm | metal) ;;
    *) echo "error: unknown backend $backend (vulkan, cuda, rocm or metal)" >&2; exit 2 ;;
esac
gpu_target="${GPU_TARGET_DIR:-target-$backend}"
if [ "$backend" = vulkan ]; then
    # Only the GPU build: a changed CPATH rebuilds llama.cpp.
    headers="$(scripts/vulkan-headers.sh)"
    [ -z "$headers" ] || gpu_cpath="$headers${CPATH:+:$CPATH}"
    if [ -z "${GGML_VK_VISIBLE_DEVICES:-}" ] && command -v vulkaninfo >/dev/null \
        && ! vulkaninfo --summary 2>/dev/null | grep deviceType | grep -qv PHYSICAL_DEVICE_TYPE_CPU; then
        echo "only a CPU Vulkan device (lavapipe): GGML_VK_VISIBLE_DEVICES=0" >&2
        export GGML_VK_VISIBLE_DEVICES=0
    fi
fi
started=$SECONDS
cargo build --release --locked >&2
CPATH="${gpu_cpath:-${CPATH:-}}" CARGO_TARGET_DIR="$gpu_target" \
    cargo build --release --locked --features "$backend" >&2
echo "built in $((SECONDS - started)) s" >&2
cpu=target/release/flashchat
gpu="$gpu_target/release/flashchat"
export FLASHCHAT_HOME="$(mktemp -d)" FLASHCHAT_USE_SERVER=never
trap 'rm -rf "$FLASHCHAT_HOME"' EXIT
failed=0
check() { if "$@"; then echo "PASS  $name"; else echo "FAIL  $name"; failed=1; fi; }

devices="$("$gpu" -q --model "$model" status --json | python3 -c '
import json, sys
for d in json.load(sys.stdin)["devices"]:
    if d["gpu"]:
        print(d["backend"], d["name"] + ":", d["description"])')"
echo "GPU devices:"; echo "${devices:-  (none)}"
name="status lists a $backend device"
check grep -qi "^$backend" <<<"$devices"

name="benchmark verify on $(basename "$model"), every layer on the GPU"
check "$gpu" -q --model "$model" --gpu-layers all benchmark verify
name="benchmark verify on the synthetic MoE model"
check "$gpu" -q benchmark verify --synthetic

prompt="The capital of France is"
run() { "$1" -q --model "$model" "${@:2}" prompt --local --temperature 0 -n 24 "$prompt"; }
cpu_text="$(run "$cpu")"
gpu_text="$(run "$gpu" --gpu-layers all)"
name="a greedy prompt gives the CPU build's text"
check test "$cpu_text" = "$gpu_text"
[ "$cpu_text" = "$gpu_text" ] || printf 'CPU: %s\nGPU: %s\n' "$cpu_text" "$gpu_text"
name="--gpu-layers 0 runs on the CPU"
check test "$(run "$gpu" --gpu-layers 0)" = "$cpu_text"
name="status says the model runs on the CPU with --gpu-layers 0"
check grep -q "the model runs on the CPU" <<<"$("$gpu" -q --model "$model" --gpu-layers 0 status)"
device() { "$gpu" -q --model "$model" "$@" benchmark verify --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["settings"]["device"])'; }
name="the benchmark's device is the CPU with --gpu-layers 0"
check test "$(device --gpu-layers 0)" = CPU
echo "checked in $((SECONDS - started)) s"
exit "$failed"
