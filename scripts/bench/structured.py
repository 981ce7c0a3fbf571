#!/usr/bin/env python3
"""Generation speed with and without a JSON schema on one or more servers.

    python3 scripts/bench/structured.py http://127.0.0.1:PORT/v1 [URL...] [--rounds N]

Streams `/v1/completions` (temperature 0, 128 tokens) with no constraint,
then with llama-server's `json_schema` field (an array of at least 200
integers, so the grammar never lets the answer end before 128 tokens),
alternating modes and servers round by round (so a machine whose speed
drifts treats all alike), and prints one JSON object per server: the median
generation tok/s of each mode (first to last token, as the client sees
them) and their ratio. Works against flashchat and llama-server alike.
"""
import argparse, json, statistics, time, urllib.request

SCHEMA = {"type": "array", "items": {"type": "integer"}, "minItems": 200}
PROMPT = "Here are some numbers, one after another:"


def generate(base, schema):
    body = {"prompt": PROMPT, "max_tokens": 128, "temperature": 0, "stream": True,
            "stream_options": {"include_usage": True}}
    if schema:
        body["json_schema"] = SCHEMA
    request = urllib.request.Request(f"{base}/completions", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    first = last = None
    tokens = pieces = 0
    text = ""
    with urllib.request.urlopen(request) as response:
        for raw in response:
            line = raw.decode().strip()
            if not line.startswith("data: ") or line == "data: [DONE]":
                continue
            chunk = json.loads(line[6:])
            if chunk.get("usage"):
                tokens = chunk["usage"]["completion_tokens"]
            for choice in chunk.get("choices", []):
                if choice.get("text"):
                    now = time.perf_counter()
                    first = first or now
                    last = now
                    pieces += 1
                    text += choice["text"]
    tokens = tokens or pieces
    if schema and not text.lstrip().startswith("["):
        raise SystemExit(f"the schema was not followed: {text[:80]!r}")
    return (tokens - 1) / (last - first)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bases", nargs="+")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    figures = {base: ([], []) for base in args.bases}
    for base in args.bases:
        generate(base, False)  # warm-up
    for _ in range(args.rounds):
        for base, (free, constrained) in figures.items():
            free.append(generate(base, False))
            constrained.append(generate(base, True))
    for free, constrained in figures.values():
        result = {"unconstrained_tps": statistics.median(free),
                  "schema_tps": statistics.median(constrained)}
        result["ratio"] = result["schema_tps"] / result["unconstrained_tps"]
        print(json.dumps(result))


if __name__ == "__main__":
    main()
