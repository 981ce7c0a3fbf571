"""Load generator for OpenAI-compatible servers (standard library only).

    python3 scripts/bench/load.py URL [--rounds N]

Measures, the same way for any server:
  single     tok/s of one streamed request (tokens after the first, over
             the time from first to last token)
  aggregate  tokens of four concurrent streams over the wall time from the
             requests' start to the last token
  follow-up  time to first token of a conversation's next turn (a ~900-token
             history plus the reply and a new question), as a fraction of
             the first turn's, while three other streams keep the slots busy
Prints one JSON object.
"""
import json
import sys
import threading
import time
import urllib.request

HISTORY = "Tell me about the old harbour town, its fishermen and the lighthouse. " * 60


def stream(url, messages, max_tokens):
    """Returns (start, first token time, last token time, tokens, text)."""
    body = json.dumps({
        "messages": messages, "max_tokens": max_tokens, "temperature": 0,
        "stream": True, "stream_options": {"include_usage": True},
    }).encode()
    request = urllib.request.Request(url + "/chat/completions", body,
                                     {"Content-Type": "application/json"})
    start = time.perf_counter()
    first = last = None
    text, tokens = [], 0
    with urllib.request.urlopen(request, timeout=600) as response:
        for raw in response:
            line = raw.decode().strip()
            if not line.startswith("data: ") or line == "data: [DONE]":
                continue
            chunk = json.loads(line[6:])
            if chunk.get("usage"):
                tokens = chunk["usage"]["completion_tokens"]
            for choice in chunk.get("choices", []):
                piece = choice.get("delta", {}).get("content")
                if piece:
                    now = time.perf_counter()
                    first = first or now
                    last = now
                    text.append(piece)
    return start, first or start, last or start, tokens, "".join(text)


def single(url):
    _, first, last, tokens, _ = stream(url, [{"role": "user", "content": "Once upon a time"}], 128)
    return (tokens - 1) / (last - first)


def aggregate(url, n=4):
    results = [None] * n

    def run(i):
        results[i] = stream(url, [{"role": "user", "content": f"Story number {i}: once upon a time"}], 128)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    end = max(r[2] for r in results)
    return sum(r[3] for r in results) / (end - start)


def follow_up(url, round_no):
    history = f"Conversation {round_no}. " + HISTORY
    first_messages = [{"role": "user", "content": history}]
    start, first, _, _, reply = stream(url, first_messages, 32)
    ttft1 = first - start
    busy = [threading.Thread(target=stream, args=(
        url, [{"role": "user", "content": f"Busy story {round_no}.{i}"}], 200)) for i in range(3)]
    for t in busy:
        t.start()
    time.sleep(0.5)
    second = first_messages + [
        {"role": "assistant", "content": reply},
        {"role": "user", "content": "And what happened to the lighthouse keeper?"},
    ]
    start, first, _, _, _ = stream(url, second, 16)
    for t in busy:
        t.join()
    return ttft1, first - start


def main():
    url = sys.argv[1].rstrip("/")
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3
    stream(url, [{"role": "user", "content": "warm up"}], 8)
    singles = [single(url) for _ in range(rounds)]
    aggregates = [aggregate(url) for _ in range(rounds)]
    follow_ups = [follow_up(url, r) for r in range(rounds)]
    print(json.dumps({
        "single_tok_s": sum(singles) / rounds,
        "aggregate_tok_s": sum(aggregates) / rounds,
        "follow_up": [{"first_ttft_s": a, "next_ttft_s": b, "ratio": b / a} for a, b in follow_ups],
    }))


if __name__ == "__main__":
    main()
