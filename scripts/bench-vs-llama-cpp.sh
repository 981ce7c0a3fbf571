#!/usr/bin/env bash
# Compares flashchat's prompt processing and generation speed with
# llama.cpp's own llama-bench (pp512 and tg128) on the same model and
# thread count. A benchmark, not a test: run it on a quiet machine.
#
#   scripts/bench-vs-llama-cpp.sh [MODEL.gguf]
#
# LLAMA_BENCH: path to a llama-bench binary; without it one is built from
#   source with native CPU flags (scripts/build-llama-cpp-tools.sh).
# THREADS (default: physical cores), REPS (rounds, default 10).
set -euo pipefail
cd "$(dirname "$0")/.."

model="${1:-$(scripts/fetch-test-model.sh)}"
threads="${THREADS:-$(lscpu -p=CORE 2>/dev/null | grep -v '^#' | sort -u | wc -l)}"
reps="${REPS:-10}"

llama_bench="${LLAMA_BENCH:-$(scripts/build-llama-cpp-tools.sh)/llama-bench}"
cargo build --release --locked >&2
flashchat="target/release/flashchat"
export FLASHCHAT_HOME="$(mktemp -d)" FLASHCHAT_THREADS="$threads"
trap 'rm -rf "$FLASHCHAT_HOME"' EXIT

echo "model $model, $threads threads, $reps interleaved rounds" >&2

# pp: a raw prompt of exactly 512 tokens (<bos> + 511 one-token words).
# tg: 128 tokens after a short prompt, as llama-bench's tg128 starts from an
# empty context. Rounds alternate between the two tools so that both see
# the same machine load.
pp_prompt="$(python3 -c 'print(" ".join(["hello"] * 511))')"
for round in $(seq "$reps"); do
    echo "round $round/$reps" >&2
    "$llama_bench" -m "$model" -t "$threads" -p 512 -n 128 -r 1 -o json \
        > "$FLASHCHAT_HOME/llama-bench.$round.json"
    "$flashchat" -q --model "$model" prompt --raw --json -n 1 --temperature 0 \
        <<< "$pp_prompt" > "$FLASHCHAT_HOME/pp.$round.json"
    "$flashchat" -q --model "$model" prompt --raw --json -n 128 --temperature 0 \
        "Once upon a time" > "$FLASHCHAT_HOME/tg.$round.json"
done

python3 - "$FLASHCHAT_HOME" <<'PY'
import glob, json, statistics, sys
home = sys.argv[1]
ref = {"pp512": [], "tg128": []}
for path in glob.glob(f"{home}/llama-bench.*.json"):
    for row in json.load(open(path)):
        key = "pp512" if row["n_gen"] == 0 else "tg128"
        ref[key].append(row["avg_ts"])
def runs(kind, field, count_field, expected):
    values = []
    for path in glob.glob(f"{home}/{kind}.*.json"):
        obj = json.load(open(path))
        n = obj["usage"][count_field]
        if n != expected:
            sys.exit(f"{kind} run had {n} {count_field}, expected {expected}")
        values.append(obj["timings"][field])
    return values
ours = {
    "pp512": runs("pp", "prompt_tokens_per_second", "prompt_tokens", 512),
    "tg128": runs("tg", "generation_tokens_per_second", "completion_tokens", 128),
}
print(f"{'test':<7} {'llama-bench tok/s':>20} {'flashchat tok/s':>20} {'ratio':>7}")
for key in ("pp512", "tg128"):
    r, o = ref[key], ours[key]
    mr, mo = statistics.mean(r), statistics.mean(o)
    print(f"{key:<7} {mr:>12.1f} ± {statistics.pstdev(r):<5.1f} "
          f"{mo:>12.1f} ± {statistics.pstdev(o):<5.1f} {mo / mr:>7.3f}")
PY
