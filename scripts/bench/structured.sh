#!/usr/bin/env bash
# Constrained generation speed: tg128 with a JSON schema against tg128
# without one, on `flashchat serve` and on llama.cpp's `llama-server` with
# the same schema (its `json_schema` field), same model and threads, one
# slot each, both running and measured in alternation. A benchmark, not a
# test.
#
#   scripts/bench/structured.sh [MODEL.gguf]
#
# LLAMA_SERVER: path to a llama-server binary; without it one is built from
#   source (scripts/bench/build-llama-cpp-tools.sh). THREADS (default:
#   physical cores), ROUNDS (default 5).
set -euo pipefail
cd "$(dirname "$0")/../.."

model="${1:-$(scripts/fetch-test-model.sh)}"
threads="${THREADS:-$(lscpu -p=CORE 2>/dev/null | grep -v '^#' | sort -u | wc -l)}"
rounds="${ROUNDS:-5}"
llama_server="${LLAMA_SERVER:-$(scripts/bench/build-llama-cpp-tools.sh)/llama-server}"
cargo build --release --locked >&2

# shellcheck source=scripts/bench/servers.sh
. scripts/bench/servers.sh

export FLASHCHAT_HOME="$(mktemp -d)" FLASHCHAT_THREADS="$threads" FLASHCHAT_CONTEXT_SIZE=2048
llama_pid=""
cleanup() {
    target/release/flashchat -q serve --stop --force || true
    [ -n "$llama_pid" ] && kill "$llama_pid" 2>/dev/null || true
    rm -rf "$FLASHCHAT_HOME"
}
trap cleanup EXIT

ours_port="$(free_port)"
target/release/flashchat -q --model "$model" serve --port "$ours_port" --parallel 1 >/dev/null
ref_port="$(free_port)"
"$llama_server" -m "$model" -t "$threads" -np 1 -c 2048 --port "$ref_port" \
    > "$FLASHCHAT_HOME/llama-server.log" 2>&1 &
llama_pid=$!
wait_ready "$ref_port"
echo "measuring both, round by round" >&2
results="$(python3 scripts/bench/structured.py "http://127.0.0.1:$ours_port/v1" \
    "http://127.0.0.1:$ref_port/v1" --rounds "$rounds")"
ours="$(echo "$results" | sed -n 1p)"
ref="$(echo "$results" | sed -n 2p)"

python3 - "$ours" "$ref" <<'PY'
import json, sys
ours, ref = (json.loads(a) for a in sys.argv[1:3])
print(f"{'':24}{'flashchat':>12}{'llama-server':>14}")
print(f"{'tg128 tok/s':24}{ours['unconstrained_tps']:12.1f}{ref['unconstrained_tps']:14.1f}")
print(f"{'tg128 + schema tok/s':24}{ours['schema_tps']:12.1f}{ref['schema_tps']:14.1f}")
print(f"{'schema / unconstrained':24}{ours['ratio']:12.3f}{ref['ratio']:14.3f}")
print(f"flashchat with a schema vs llama-server with it: {ours['schema_tps'] / ref['schema_tps']:.3f}")
PY
