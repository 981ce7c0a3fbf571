#!/usr/bin/env bash
# flashchat against llama.cpp's own tools on the same model and threads:
# `flashchat benchmark fullbench` against `llama-bench` (pp512, tg128), and
# `flashchat serve --parallel 4` against `llama-server -np 4` (one stream
# and four concurrent streams). Prints the llama.cpp version on each side
# and flashchat/llama.cpp ratios. A benchmark, not a test: run it on a quiet
# machine.
#
#   scripts/bench/vs-llamacpp.sh [MODEL.gguf]
#
# LLAMA_BENCH / LLAMA_SERVER: paths to the tools; without them both are built
#   from source with native CPU flags (scripts/bench/build-llama-cpp-tools.sh).
# THREADS (default: physical cores), REPS (interleaved rounds, default 5),
# ROUNDS (server rounds, default 3), SKIP_SERVER=1 to leave the server out.
set -euo pipefail
cd "$(dirname "$0")/../.."

model="${1:-$(scripts/fetch-test-model.sh)}"
threads="${THREADS:-$(lscpu -p=CORE 2>/dev/null | grep -v '^#' | sort -u | wc -l)}"
reps="${REPS:-5}"
tools=""
if [ -z "${LLAMA_BENCH:-}" ] || { [ -z "${LLAMA_SERVER:-}" ] && [ -z "${SKIP_SERVER:-}" ]; }; then
    tools="$(scripts/bench/build-llama-cpp-tools.sh)"
fi
llama_bench="${LLAMA_BENCH:-$tools/llama-bench}"
export LLAMA_SERVER="${LLAMA_SERVER:-$tools/llama-server}"
cargo build --release --locked >&2
flashchat="target/release/flashchat"
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

echo "model $model, $threads threads, $reps interleaved rounds" >&2
# Rounds alternate between the two tools so both see the same machine load.
for round in $(seq "$reps"); do
    echo "round $round/$reps" >&2
    "$llama_bench" -m "$model" -t "$threads" -p 512 -n 128 -r 1 -o json \
        > "$results/llama-bench.$round.json" 2>/dev/null
    FLASHCHAT_HOME="$results/home" "$flashchat" -q --model "$model" benchmark fullbench \
        --threads "$threads" --iterations 1 --json > "$results/fullbench.$round.json"
done

if [ -z "${SKIP_SERVER:-}" ]; then
    THREADS="$threads" RESULTS_DIR="$results" scripts/bench/server-vs-llama-server.sh "$model" >&2
fi

python3 - "$results" <<'PY'
import glob, json, os, statistics, sys
results = sys.argv[1]
ref = {"pp512": [], "tg128": []}
versions = set()
for path in glob.glob(f"{results}/llama-bench.*.json"):
    for row in json.load(open(path)):
        ref["pp512" if row["n_gen"] == 0 else "tg128"].append(row["avg_ts"])
        versions.add(f"build {row['build_number']} ({row['build_commit']})")
ours = {"pp512": [], "tg128": []}
for path in glob.glob(f"{results}/fullbench.*.json"):
    report = json.load(open(path))
    for m in report["measures"]:
        ours[m["name"]].extend(m["iterations"])
    ll = report["llama_cpp"]
    ours_version = f"{ll['binding']}, llama.cpp {ll['version']}, ggml {ll['ggml_version']}"
print(f"llama.cpp tools: {', '.join(sorted(versions))} (llama-cpp-python's vendored tree)")
print(f"flashchat:       {ours_version}")
print()
print(f"{'test':<26} {'llama.cpp':>16} {'flashchat':>16} {'ratio':>7}")
def row(name, r, o):
    mr, mo = statistics.mean(r), statistics.mean(o)
    sr = statistics.pstdev(r) if len(r) > 1 else 0.0
    so = statistics.pstdev(o) if len(o) > 1 else 0.0
    print(f"{name:<26} {mr:>9.1f} ± {sr:<4.1f} {mo:>9.1f} ± {so:<4.1f} {mo / mr:>7.3f}")
row("pp512 tok/s", ref["pp512"], ours["pp512"])
row("tg128 tok/s", ref["tg128"], ours["tg128"])
server = {n: f"{results}/{n}.json" for n in ("llama", "flashchat")}
if all(os.path.exists(p) for p in server.values()):
    ref_s, our_s = (json.load(open(server[n])) for n in ("llama", "flashchat"))
    row("server 1 stream tok/s", [ref_s["single_tok_s"]], [our_s["single_tok_s"]])
    row("server 4 streams tok/s", [ref_s["aggregate_tok_s"]], [our_s["aggregate_tok_s"]])
PY
