#!/usr/bin/env bash
# Peak memory and wall time of one cold in-process answer: `flashchat
# prompt -n 32` against llama.cpp's `llama-completion -n 32`, the same
# model, threads and context (4096 tokens), greedy, alternated REPS times
# (default 3) so both see the same machine load. A fresh FLASHCHAT_HOME
# each run, so no saved KV state helps. Prints the medians and ratios. A
# benchmark, not a test.
#
#   scripts/bench/prompt-memory.sh [MODEL.gguf]
#
# LLAMA_TOOLS: the folder of llama.cpp's tools (built from source without
# it); THREADS (default: physical cores); REPS.
set -euo pipefail
cd "$(dirname "$0")/../.."

model="${1:-$(scripts/fetch-test-model.sh)}"
threads="${THREADS:-$(lscpu -p=CORE 2>/dev/null | grep -v '^#' | sort -u | wc -l)}"
tools="${LLAMA_TOOLS:-$(scripts/bench/build-llama-cpp-tools.sh)}"
cargo build --release --locked >&2

python3 - "$model" "$threads" "$tools/llama-completion" "${REPS:-3}" <<'PY'
import os, statistics, subprocess, sys, tempfile, time
model, threads, completion, reps = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
prompt = "Once upon a time, in a small harbour town,"

def measure(argv, env=None):
    """(wall seconds, peak resident MiB) of one run."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"error: {argv[0]} failed (status {status})")
    return wall, usage.ru_maxrss / 1024

ours, ref = [], []
for _ in range(reps):
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, FLASHCHAT_HOME=home, FLASHCHAT_USE_SERVER="never",
                   FLASHCHAT_THREADS=threads, FLASHCHAT_CONTEXT_SIZE="4096")
        ours.append(measure(["target/release/flashchat", "-q", "--model", model, "prompt",
                             "-n", "32", "--temperature", "0", prompt], env))
    ref.append(measure([completion, "-m", model, "-p", prompt, "-n", "32", "-c", "4096",
                        "-t", threads, "--temp", "0", "-no-cnv", "--no-display-prompt"]))

def median(runs, i):
    return statistics.median(r[i] for r in runs)

print(f"{'cold prompt -n 32':<22}{'flashchat':>10}{'llama-completion':>18}{'ratio':>8}")
for name, i, unit in (("wall time", 0, "s"), ("peak resident", 1, "MiB")):
    a, b = median(ours, i), median(ref, i)
    print(f"{name + ' (' + unit + ')':<22}{a:>10.2f}{b:>18.2f}{a / b:>8.2f}")
PY
