#!/usr/bin/env bash
# Compares `flashchat serve --parallel 4` with llama.cpp's `llama-server -np 4`
# on the same model and threads: one stream's tok/s, four concurrent
# streams' aggregate tok/s, and the time to first token of a conversation's
# next turn while the other slots are busy. A benchmark, not a test.
#
#   scripts/bench/server-vs-llama-server.sh [MODEL.gguf]
#
# LLAMA_SERVER: path to a llama-server binary; without it one is built from
#   source with native CPU flags (scripts/bench/build-llama-cpp-tools.sh).
# THREADS (default: physical cores), ROUNDS (default 3), RESULTS_DIR (keep
#   the raw flashchat.json and llama.json there).
set -euo pipefail
cd "$(dirname "$0")/../.."

model="${1:-$(scripts/fetch-test-model.sh)}"
threads="${THREADS:-$(lscpu -p=CORE 2>/dev/null | grep -v '^#' | sort -u | wc -l)}"
rounds="${ROUNDS:-3}"
llama_server="${LLAMA_SERVER:-$(scripts/bench/build-llama-cpp-tools.sh)/llama-server}"
cargo build --release --locked >&2

# shellcheck source=scripts/bench/servers.sh
. scripts/bench/servers.sh

export FLASHCHAT_HOME="$(mktemp -d)" FLASHCHAT_THREADS="$threads" FLASHCHAT_CONTEXT_SIZE=4096
out="${RESULTS_DIR:-$FLASHCHAT_HOME}"
mkdir -p "$out"
llama_pid=""
cleanup() {
    target/release/flashchat -q serve --stop --force || true
    [ -n "$llama_pid" ] && kill "$llama_pid" 2>/dev/null || true
    rm -rf "$FLASHCHAT_HOME"
}
trap cleanup EXIT

port="$(free_port)"
target/release/flashchat -q --model "$model" serve --port "$port" --parallel 4 >/dev/null
echo "flashchat serve: measuring" >&2
python3 scripts/bench/load.py "http://127.0.0.1:$port/v1" --rounds "$rounds" > "$out/flashchat.json"
target/release/flashchat -q serve --stop

port="$(free_port)"
"$llama_server" -m "$model" -t "$threads" -np 4 -c $((4 * 4096)) --port "$port" \
    > "$FLASHCHAT_HOME/llama-server.log" 2>&1 &
llama_pid=$!
wait_ready "$port"
echo "llama-server: measuring" >&2
python3 scripts/bench/load.py "http://127.0.0.1:$port/v1" --rounds "$rounds" > "$out/llama.json"
kill "$llama_pid"; wait "$llama_pid" 2>/dev/null || true; llama_pid=""

python3 - "$out" <<'PY'
import json, sys
home = sys.argv[1]
ours, ref = (json.load(open(f"{home}/{n}.json")) for n in ("flashchat", "llama"))
print(f"{'measure':<28} {'llama-server':>13} {'flashchat':>11}")
print(f"{'one stream tok/s':<28} {ref['single_tok_s']:>13.1f} {ours['single_tok_s']:>11.1f}")
print(f"{'4 streams aggregate tok/s':<28} {ref['aggregate_tok_s']:>13.1f} {ours['aggregate_tok_s']:>11.1f}")
for i, (r, o) in enumerate(zip(ref["follow_up"], ours["follow_up"])):
    print(f"{'follow-up TTFT ratio #' + str(i + 1):<28} {r['ratio']:>13.2f} {o['ratio']:>11.2f}")
PY
