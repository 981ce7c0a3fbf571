#!/usr/bin/env bash
# Saved KV states against recomputing (a benchmark, not a test). Prints the
# time to first token (TTFT) of conversations' later turns:
#   1. `chat --resume` of a session of about 3,000 tokens: its next turn
#      cold (`flashchat cache clear` first) and warm (the state the turn
#      before saved);
#   2. a server restart: a conversation's first turn, then `serve --stop`,
#      `serve`, and its follow-up;
#   3. eight conversations taking turns over four slots, one request at a
#      time: each follow-up against its first turn, for flashchat and for
#      llama.cpp's llama-server (-np 4, the same context) under the same load.
#
#   scripts/bench/kv-cache.sh [MODEL.gguf]
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
fc=target/release/flashchat
export FLASHCHAT_HOME="$(mktemp -d)" FLASHCHAT_THREADS="$threads" FLASHCHAT_CONTEXT_SIZE="$context"
export FLASHCHAT_TEMPERATURE=0 FLASHCHAT_MAX_TOKENS=24
llama_pid=""
cleanup() {
    "$fc" -q serve --stop --force >/dev/null 2>&1 || true
    [ -n "$llama_pid" ] && kill "$llama_pid" 2>/dev/null || true
    rm -rf "$FLASHCHAT_HOME"
}
trap cleanup EXIT

# 1. chat --resume, in-process.
last_ttft() { "$fc" sessions show last --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["messages"][-1]["ttft_ms"])'; }
python3 -c 'import sys; sys.path.insert(0, "scripts/bench"); from turns import history; print(history(0, 2400) + " What is this about?")' \
    | FLASHCHAT_USE_SERVER=never "$fc" -q --model "$model" chat >/dev/null
"$fc" -q cache clear >/dev/null
echo "What happened next?" | FLASHCHAT_USE_SERVER=never "$fc" -q --model "$model" chat --resume last >/dev/null
cold="$(last_ttft)"
echo "And after that?" | FLASHCHAT_USE_SERVER=never "$fc" -q --model "$model" chat --resume last >/dev/null
warm="$(last_ttft)"
prompt_tokens="$("$fc" sessions show last --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["messages"][-2]["prompt_tokens"])')"

# 2. A follow-up after a server restart.
port="$(free_port)"
state="$FLASHCHAT_HOME/turns.json"
"$fc" -q --model "$model" serve --port "$port" --parallel 4 >/dev/null
python3 scripts/bench/turns.py first "http://127.0.0.1:$port/v1" "$state" 2400 >/dev/null
"$fc" -q serve --stop
"$fc" -q --model "$model" serve --port "$port" --parallel 4 >/dev/null
restart="$(python3 scripts/bench/turns.py follow "http://127.0.0.1:$port/v1" "$state")"

# 3. Eight conversations over four slots.
rotate_ours="$(python3 scripts/bench/turns.py rotate "http://127.0.0.1:$port/v1" 8 700)"
"$fc" -q serve --stop
port="$(free_port)"
"$llama_server" -m "$model" -t "$threads" -np 4 -c $((4 * context)) --port "$port" \
    > "$FLASHCHAT_HOME/llama-server.log" 2>&1 &
llama_pid=$!
wait_ready "$port"
rotate_ref="$(python3 scripts/bench/turns.py rotate "http://127.0.0.1:$port/v1" 8 700)"
kill "$llama_pid"; wait "$llama_pid" 2>/dev/null || true; llama_pid=""

python3 - "$cold" "$warm" "$prompt_tokens" "$restart" "$rotate_ours" "$rotate_ref" <<'PY'
import json, sys
cold, warm, tokens = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
restart, ours, ref = (json.loads(a) for a in sys.argv[4:7])
print(f"chat --resume, {tokens}-token session: next turn TTFT cold {cold:.0f} ms, "
      f"warm {warm:.0f} ms, ratio {warm / cold:.3f}")
print(f"serve restart: first turn TTFT {restart['first_ttft_s'] * 1000:.0f} ms, follow-up "
      f"after the restart {restart['follow_up_ttft_s'] * 1000:.0f} ms, ratio {restart['ratio']:.3f}")
for name, r in (("flashchat", ours), ("llama-server", ref)):
    firsts = sum(r["first_ttft_s"]) / len(r["first_ttft_s"])
    print(f"8 conversations over 4 slots, {name}: first turns {firsts * 1000:.0f} ms on average, "
          f"follow-up ratios {' '.join(f'{x:.2f}' for x in r['ratios'])} (worst {r['worst']:.3f})")
PY
