#!/usr/bin/env bash
# Times `flashchat sessions list` and `sessions search` over 10,000 generated
# sessions (8 messages each, about 6 KB per file). A benchmark, not a test.
#
#   scripts/bench/sessions.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/../.."

count="${1:-10000}"
cargo build --release --locked >&2
export FLASHCHAT_HOME="$(mktemp -d)"
trap 'rm -rf "$FLASHCHAT_HOME"' EXIT

python3 - "$FLASHCHAT_HOME/sessions" "$count" <<'PY'
import json, os, random, sys
folder, count = sys.argv[1], int(sys.argv[2])
os.makedirs(folder)
words = ("model token cache slot prompt answer rust python server stream "
         "kernel thread batch vector matrix layer expert window").split()
random.seed(7)
for n in range(count):
    sid = f"20260101-{n // 3600:02d}{n // 60 % 60:02d}{n % 60:02d}-{n % 65536:04x}"
    lines = [{"type": "session", "id": sid, "title": "", "model": "gemma-3-270m",
              "created": 1767225600 + n, "system_prompt": None, "settings": {}, "version": 1},
             {"type": "title", "title": f"Conversation {n} about {random.choice(words)}", "at": 1767225600 + n}]
    for turn in range(4):
        for role in ("user", "assistant"):
            text = " ".join(random.choice(words) for _ in range(120))
            lines.append({"type": "message", "role": role, "content": text, "at": 1767225600 + n})
    with open(os.path.join(folder, sid + ".jsonl"), "w") as f:
        f.write("".join(json.dumps(l, separators=(",", ":")) + "\n" for l in lines))
PY
# A needle that occurs in one session only.
echo '{"type":"message","role":"user","content":"where is the zanzibar lighthouse","at":1}' \
    >> "$(ls "$FLASHCHAT_HOME"/sessions/*.jsonl | head -1)"

python3 - <<'PY'
import statistics, subprocess, time
def timed(args, runs=7):
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(["target/release/flashchat", *args], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out.append((time.perf_counter() - t) * 1000)
    return statistics.median(out), max(out)
for args in (["sessions", "list"], ["sessions", "list", "--json"],
             ["sessions", "search", "zanzibar"], ["sessions", "search", "lighthouse keeper"]):
    median, worst = timed(args)
    print(f"{' '.join(args):<36} median {median:6.1f} ms   max {worst:6.1f} ms")
PY
