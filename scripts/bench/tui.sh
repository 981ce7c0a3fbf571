#!/usr/bin/env bash
# `flashchat tui` frame times (a benchmark, not a test), from the frames it
# logs with FLASHCHAT_TUI_FRAME_LOG (ms since start, ms drawing, streaming):
#   1. a session of 1,000 messages (Markdown, code blocks) opened in a
#      160x50 tmux terminal: the first frame (every message measured, those
#      in view laid out), then 400 scroll keys sent 10 ms apart: frames
#      drawn and their draw times; then the terminal resized to 120x40 and
#      back: the slowest frame drawn meanwhile;
#   2. an answer of 256 tokens streamed into the chat pane: frames per
#      second while it streams (the loop's ceiling is 40) and draw times.
#
#   scripts/bench/tui.sh [MODEL.gguf]
set -euo pipefail
cd "$(dirname "$0")/../.."

model="${1:-$(scripts/fetch-test-model.sh)}"
cargo build --release --locked >&2
fc="$PWD/target/release/flashchat"
home="$(mktemp -d)"
frames="$home/frames.txt"
session=tui-bench-1000
tmux_name="flashchat-tui-bench-$$"
cleanup() {
    tmux kill-session -t "$tmux_name" 2>/dev/null || true
    rm -rf "$home"
}
trap cleanup EXIT

mkdir -p "$home/sessions"
python3 - "$home/sessions/$session.jsonl" "$session" <<'PY'
import json, sys
path, sid = sys.argv[1], sys.argv[2]
with open(path, "w") as f:
    f.write(json.dumps({"type": "session", "id": sid, "title": "a thousand messages",
                        "model": "bench", "created": 1795888740, "version": 1}) + "\n")
    for i in range(500):
        f.write(json.dumps({"type": "message", "role": "user", "at": 1795888740,
                            "content": f"Question {i}: how do I read a file line by line in Rust?"}) + "\n")
        answer = (f"## Answer {i}\n\nUse a **BufReader** and its `lines()` iterator; each line is an "
                  "`io::Result<String>`, so a bad byte stops nothing else:\n\n"
                  "```rust\nuse std::io::{BufRead, BufReader};\n"
                  "let file = std::fs::File::open(\"notes.txt\")?;\n"
                  "for line in BufReader::new(file).lines() {\n    println!(\"{}\", line?);\n}\n```\n\n"
                  "- it reads in 8 KiB blocks\n- it keeps one line in memory at a time\n")
        f.write(json.dumps({"type": "message", "role": "assistant", "at": 1795888740, "content": answer,
                            "completion_tokens": 96, "ttft_ms": 80.0, "tokens_per_second": 45.0}) + "\n")
PY

tmux new-session -d -s "$tmux_name" -x 160 -y 50 \
    "env FLASHCHAT_HOME='$home' FLASHCHAT_MODEL='$model' FLASHCHAT_USE_SERVER=never \
     FLASHCHAT_MAX_TOKENS=256 FLASHCHAT_TUI_FRAME_LOG='$frames' '$fc' tui --resume $session; sleep 600"
wait_for() {
    for _ in $(seq 1 600); do
        tmux capture-pane -p -t "$tmux_name" | grep -q "$1" && return 0
        sleep 0.1
    done
    echo "timed out waiting for $1" >&2
    tmux capture-pane -p -t "$tmux_name" >&2
    exit 1
}
wait_for "Opened “a thousand messages”"
sleep 1
scroll_from=$(wc -l < "$frames")
tmux send-keys -t "$tmux_name" Escape
for _ in $(seq 1 200); do tmux send-keys -t "$tmux_name" k; sleep 0.01; done
for _ in $(seq 1 100); do tmux send-keys -t "$tmux_name" PageUp; sleep 0.01; done
for _ in $(seq 1 100); do tmux send-keys -t "$tmux_name" C-d; sleep 0.01; done
sleep 0.5
scroll_to=$(wc -l < "$frames")
tmux resize-window -t "$tmux_name" -x 120 -y 40
sleep 1
tmux resize-window -t "$tmux_name" -x 160 -y 50
sleep 1
resized_to=$(wc -l < "$frames")
tmux send-keys -t "$tmux_name" i
tmux send-keys -t "$tmux_name" -l "Once upon a time there was a lighthouse keeper who"
tmux send-keys -t "$tmux_name" Enter
sleep 1
wait_for "tok/s (last)"
tmux send-keys -t "$tmux_name" C-q
sleep 1

python3 - "$frames" "$scroll_from" "$scroll_to" "$resized_to" <<'PY'
import sys
path, start, end, resized = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rows = [tuple(map(float, line.split())) for line in open(path)]
def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]
first = rows[0][1]
scroll = [r[1] for r in rows[start:end]]
streaming = [r for r in rows if r[2] == 1]
span = (streaming[-1][0] - streaming[0][0]) / 1000 if len(streaming) > 1 else 0
print("| measure | value |")
print("|---|---|")
print(f"| first frame, a 1,000-message session opened | {first:.1f} ms |")
print(f"| scrolling: frames drawn for 400 keys | {len(scroll)} |")
print(f"| scrolling: draw time p50 / p95 / max | {pct(scroll, 50):.2f} / {pct(scroll, 95):.2f} / {max(scroll):.2f} ms |")
resize = [r[1] for r in rows[end:resized]]
if resize:
    print(f"| resizing to 120x40 and back: slowest of {len(resize)} frames | {max(resize):.2f} ms |")
if span:
    draws = [r[1] for r in streaming]
    print(f"| streaming: frames per second | {len(streaming) / span:.1f} ({len(streaming)} frames in {span:.1f} s) |")
    print(f"| streaming: draw time p50 / p95 / max | {pct(draws, 50):.2f} / {pct(draws, 95):.2f} / {max(draws):.2f} ms |")
PY
