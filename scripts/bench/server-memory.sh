#!/usr/bin/env bash
# Resident memory of `flashchat serve --parallel 4` against llama.cpp's
# `llama-server -np 4` with the same model, threads and context (4 slots of
# CONTEXT tokens each): idle after loading, and after a four-stream load
# (scripts/bench/load.py, one round). Prints both and their ratios. A
# benchmark, not a test.
#
#   scripts/bench/server-memory.sh [MODEL.gguf]
#
# LLAMA_SERVER: a llama-server binary (built from source without it);
# THREADS (default: physical cores); CONTEXT per slot (default 8192).
set -euo pipefail
cd "$(dirname "$0")/../.."

model="${1:-$(scripts/fetch-test-model.sh)}"
threads="${THREADS:-$(lscpu -p=CORE 2>/dev/null | grep -v '^#' | sort -u | wc -l)}"
context="${CONTEXT:-8192}"
llama_server="${LLAMA_SERVER:-$(scripts/bench/build-llama-cpp-tools.sh)/llama-server}"
cargo build --release --locked >&2

# shellcheck source=scripts/bench/servers.sh
. scripts/bench/servers.sh
rss_mib() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

export FLASHCHAT_HOME="$(mktemp -d)" FLASHCHAT_THREADS="$threads" FLASHCHAT_CONTEXT_SIZE="$context"
llama_pid=""
cleanup() {
    target/release/flashchat -q serve --stop --force || true
    [ -n "$llama_pid" ] && kill "$llama_pid" 2>/dev/null || true
    rm -rf "$FLASHCHAT_HOME"
}
trap cleanup EXIT

port="$(free_port)"
target/release/flashchat -q --model "$model" serve --port "$port" --parallel 4 >/dev/null
pid="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pid"])' "$FLASHCHAT_HOME/server.pid")"
sleep 1
ours_idle="$(rss_mib "$pid")"
python3 scripts/bench/load.py "http://127.0.0.1:$port/v1" --rounds 1 >/dev/null
ours_load="$(rss_mib "$pid")"
target/release/flashchat -q serve --stop

port="$(free_port)"
"$llama_server" -m "$model" -t "$threads" -np 4 -c $((4 * context)) --port "$port" \
    > "$FLASHCHAT_HOME/llama-server.log" 2>&1 &
llama_pid=$!
wait_ready "$port"
sleep 1
ref_idle="$(rss_mib "$llama_pid")"
python3 scripts/bench/load.py "http://127.0.0.1:$port/v1" --rounds 1 >/dev/null
ref_load="$(rss_mib "$llama_pid")"
kill "$llama_pid"; wait "$llama_pid" 2>/dev/null || true; llama_pid=""

python3 - "$ours_idle" "$ours_load" "$ref_idle" "$ref_load" <<'PY'
import sys
ours_idle, ours_load, ref_idle, ref_load = map(int, sys.argv[1:])
print(f"{'resident MiB':<22}{'flashchat':>10}{'llama-server':>14}{'ratio':>8}")
print(f"{'idle':<22}{ours_idle:>10}{ref_idle:>14}{ours_idle / ref_idle:>8.2f}")
print(f"{'after 4 streams':<22}{ours_load:>10}{ref_load:>14}{ours_load / ref_load:>8.2f}")
PY
