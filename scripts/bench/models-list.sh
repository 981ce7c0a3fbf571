#!/usr/bin/env bash
# Times `flashchat models list` over 100 real GGUF files (hard links to the
# Gemma test model, so each header carries its 262k-token vocabulary): 40 in
# the Hugging Face cache layout, 30 in a folder from `models.dirs`, 30
# registered with `models add`. A benchmark, not a test.
#
#   scripts/bench/models-list.sh [MODEL.gguf]
set -euo pipefail
cd "$(dirname "$0")/../.."

model="${1:-${FLASHCHAT_TEST_MODEL:-$HOME/.cache/flashchat-test-models/gemma-3-270m-q4_k_m.gguf}}"
[ -f "$model" ] || { echo "error: no model at $model (scripts/fetch-test-model.sh)" >&2; exit 1; }
cargo build --release --locked >&2
work="$(mktemp -d "$(dirname "$model")/bench-models.XXXXXX")"  # same filesystem: hard links work
trap 'rm -rf "$work"' EXIT
export FLASHCHAT_HOME="$work/home" HF_HOME="$work/hf"
commit=0123456789abcdef0123456789abcdef01234567
for i in $(seq 0 39); do
    repo="$HF_HOME/hub/models--org--repo$i-GGUF"
    mkdir -p "$repo/snapshots/$commit" "$repo/refs"
    echo -n "$commit" > "$repo/refs/main"
    ln "$model" "$repo/snapshots/$commit/repo$i-Q4_K_M.gguf"
done
mkdir -p "$work/folder" "$work/registered" "$FLASHCHAT_HOME"
for i in $(seq 0 29); do ln "$model" "$work/folder/folder$i.gguf"; done
printf '[models]\ndirs = ["%s"]\n' "$work/folder" > "$FLASHCHAT_HOME/config.toml"
for i in $(seq 0 29); do
    ln "$model" "$work/registered/registered$i.gguf"
    target/release/flashchat models add "$work/registered/registered$i.gguf" 2>/dev/null
done
count=$(target/release/flashchat models list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
echo "models found: $count"
python3 - <<'PY'
import statistics, subprocess, time
for args in (["models", "list"], ["models", "list", "--json"]):
    runs = []
    for _ in range(10):
        t = time.perf_counter()
        subprocess.run(["target/release/flashchat", *args], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        runs.append((time.perf_counter() - t) * 1000)
    print(f"{' '.join(args):<24} median {statistics.median(runs):6.1f} ms   max {max(runs):6.1f} ms")
PY
