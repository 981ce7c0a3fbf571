#!/usr/bin/env bash
# `flashchat batch` against the server benchmark's four-stream figure (a
# benchmark, not a test):
#   1. the server (--parallel 4) measured by scripts/bench/load.py: the
#      aggregate tok/s of four concurrent streams of 128 tokens;
#   2. `flashchat batch` of 200 prompts of the same kind through the same
#      server, 4 at a time: generated tokens over the run's wall time;
#   3. a batch of 200 killed (SIGKILL) half way and run again: the output
#      must hold exactly 200 lines, each id once, in input order.
#
#   scripts/bench/batch.sh [MODEL.gguf]
#
# THREADS (default: physical cores), ROUNDS (load.py's, default 3),
# PROMPTS (default 200), TOKENS per answer (default 128).
set -euo pipefail
cd "$(dirname "$0")/../.."

model="${1:-$(scripts/fetch-test-model.sh)}"
threads="${THREADS:-$(lscpu -p=CORE 2>/dev/null | grep -v '^#' | sort -u | wc -l)}"
rounds="${ROUNDS:-3}"
prompts="${PROMPTS:-200}"
tokens="${TOKENS:-128}"
cargo build --release --locked >&2

# shellcheck source=scripts/bench/servers.sh
. scripts/bench/servers.sh
fc=target/release/flashchat
export FLASHCHAT_HOME="$(mktemp -d)" FLASHCHAT_THREADS="$threads" FLASHCHAT_CONTEXT_SIZE=4096
export FLASHCHAT_TEMPERATURE=0
work="$FLASHCHAT_HOME/work"
mkdir -p "$work"
cleanup() {
    "$fc" -q serve --stop --force >/dev/null 2>&1 || true
    rm -rf "$FLASHCHAT_HOME"
}
trap cleanup EXIT

for i in $(seq 1 "$prompts"); do
    printf '{"id": "s%d", "prompt": "Story number %d: once upon a time"}\n' "$i" "$i"
done > "$work/in.jsonl"

port="$(free_port)"
"$fc" -q --model "$model" serve --port "$port" --parallel 4 >/dev/null
echo "server: load.py, four streams" >&2
python3 scripts/bench/load.py "http://127.0.0.1:$port/v1" --rounds "$rounds" > "$work/load.json"

echo "batch: $prompts prompts, 4 at a time" >&2
start=$(date +%s.%N)
"$fc" -q batch "$work/in.jsonl" -o "$work/out.jsonl" -n "$tokens" --parallel 4
end=$(date +%s.%N)

echo "batch: killed half way, then run again" >&2
"$fc" -q batch "$work/in.jsonl" -o "$work/killed.jsonl" -n 8 --parallel 4 &
batch_pid=$!
lines_of() { if [ -f "$1" ]; then wc -l < "$1"; else echo 0; fi; }
while [ "$(lines_of "$work/killed.jsonl")" -lt $((prompts / 2)) ]; do sleep 0.1; done
kill -9 "$batch_pid"; wait "$batch_pid" 2>/dev/null || true
lines_at_kill=$(wc -l < "$work/killed.jsonl")
"$fc" -q batch "$work/in.jsonl" -o "$work/killed.jsonl" -n 8 --parallel 4

python3 - "$work" "$start" "$end" "$prompts" "$lines_at_kill" <<'PY'
import json, sys
work, start, end, prompts, at_kill = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
load = json.load(open(f"{work}/load.json"))
lines = [json.loads(l) for l in open(f"{work}/out.jsonl")]
failed = sum(1 for l in lines if "error" in l)
generated = sum(l["usage"]["completion_tokens"] for l in lines if "usage" in l)
batch = generated / (end - start)
print(f"{'server, 4 streams aggregate tok/s':<40} {load['aggregate_tok_s']:>8.1f}")
print(f"{'batch of ' + str(prompts) + ', 4 at a time, tok/s':<40} {batch:>8.1f}   ({generated} tokens in {end - start:.1f} s, {failed} failed)")
print(f"{'batch / server':<40} {batch / load['aggregate_tok_s']:>8.2f}")
ids = [json.loads(l)["id"] for l in open(f"{work}/killed.jsonl")]
expected = [f"s{i}" for i in range(1, prompts + 1)]
print(f"killed at {at_kill} lines, rerun: {len(ids)} lines, each id once: {len(set(ids)) == len(ids)}, input order: {ids == expected}")
PY
