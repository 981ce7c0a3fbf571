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
#   4. `--gpu-layers 0` runs on the CPU (status says so).
# Without a GPU, Vulkan runs on Mesa's software driver, lavapipe:
#   apt-get install mesa-vulkan-drivers libvulkan-dev glslc spirv-headers
set -euo pipefail
cd "$(dirname "$0")/.."

backend="${1:?usage: scripts/check-gpu.sh vulkan|cuda|rocm|metal [MODEL.gguf]}"
model="${2:-$(scripts/fetch-test-model.sh)}"
case "$backend" in
    vulkan | cuda | rocm | metal) ;;
    *) echo "error: unknown backend $backend (vulkan, cuda, rocm or metal)" >&2; exit 2 ;;
esac
cargo build --release --locked >&2
CARGO_TARGET_DIR="target-$backend" cargo build --release --locked --features "$backend" >&2
cpu=target/release/flashchat
gpu="target-$backend/release/flashchat"
export FLASHCHAT_HOME="$(mktemp -d)" FLASHCHAT_USE_SERVER=never
trap 'rm -rf "$FLASHCHAT_HOME"' EXIT
failed=0
check() { if "$@"; then echo "PASS  $name"; else echo "FAIL  $name"; failed=1; fi; }

devices="$("$gpu" -q --model "$model" status --json | python3 -c '
import json, sys
print("\n".join(f"{d[\"backend\"]} {d[\"name\"]}: {d[\"description\"]}" for d in json.load(sys.stdin)["devices"] if d["gpu"]))')"
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
exit "$failed"
