#!/usr/bin/env python3
"""Throws careless and hostile requests at a running flashchat server and
checks that it holds: no 5xx for a client's mistake, no hang, and no growth
of resident memory across the rounds after a warm-up round.

    flashchat serve --port 8000
    scripts/check-server-hardening.py --port 8000 --pid "$(jq .pid ~/.local/share/flashchat/server.pid)"

Each round sends the same mix (bad JSON, wrong types, out-of-range values,
deep nesting, wrong Content-Type, foreign Host and Origin, unknown routes,
and a few real one-token completions). Exits 1 on any failure.
"""
import argparse
import json
import random
import socket
import sys
import time


def raw(port, head, body=b"", timeout=60):
    """One raw HTTP/1.1 request; returns the status code (0 if none came)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(head.encode() + f"\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    line = data.split(b"\r\n", 1)[0].split()
    return int(line[1]) if len(line) > 1 else 0


def post(port, path, body, extra=""):
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json{extra}"
    return raw(port, head, body if isinstance(body, bytes) else json.dumps(body).encode())


def cases(rng):
    msg = [{"role": "user", "content": "Hi"}]
    bad_values = [None, "x", -1, 0, 1e308, [], {}, True, "NaN", -1e308]
    yield ("bad json", lambda p: post(p, "/v1/chat/completions", b"{not json"), 400)
    yield ("not utf-8", lambda p: post(p, "/v1/chat/completions", b"\xff\xfe{}"), 400)
    yield ("deep", lambda p: post(p, "/v1/chat/completions", b"[" * 100000 + b"]" * 100000), 400)
    for field in ["temperature", "top_p", "max_tokens", "top_k", "stop", "seed", "min_p", "messages", "stream"]:
        value = rng.choice(bad_values)
        if field == "max_tokens" and value is None:
            value = "x"  # null means the default: a long real answer
        body = {"messages": msg, "max_tokens": 1, field: value}
        yield (f"{field}={value!r}", lambda p, b=body: post(p, "/v1/chat/completions", b), None)
    yield ("no role", lambda p: post(p, "/v1/chat/completions", {"messages": [{"content": "x"}]}), 400)
    yield ("image part", lambda p: post(p, "/v1/chat/completions", {"messages": [{"role": "user", "content": [{"type": "image_url"}]}]}), 400)
    yield ("text/plain", lambda p: raw(p, "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain", b"{}"), 415)
    yield ("no content type", lambda p: raw(p, "POST /v1/completions HTTP/1.1\r\nHost: 127.0.0.1", b"{}"), 415)
    yield ("rebinding host", lambda p: raw(p, "GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1.nip.io"), 403)
    yield ("foreign origin", lambda p: post(p, "/v1/completions", {"prompt": "x"}, "\r\nOrigin: http://evil.example"), 403)
    yield ("unknown route", lambda p: raw(p, "GET /v1/nothing HTTP/1.1\r\nHost: localhost"), 404)
    yield ("real answer", lambda p: post(p, "/v1/chat/completions", {"messages": msg, "max_tokens": 1}), 200)
    yield ("real completion", lambda p: post(p, "/v1/completions", {"prompt": "Once", "max_tokens": 1}), 200)


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--pid", type=int, required=True, help="the server's process id, to read its memory")
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()
    rng = random.Random(1)
    failures, sent = [], 0
    rss = []
    for round_no in range(args.rounds + 1):
        for name, send, expected in cases(rng):
            started = time.monotonic()
            status = send(args.port)
            sent += 1
            if status == 0 or status >= 500 or (expected and status != expected):
                failures.append(f"{name}: {status} (expected {expected or '4xx'})")
            if time.monotonic() - started > 30:
                failures.append(f"{name}: took {time.monotonic() - started:.0f} s")
        rss.append(rss_kib(args.pid))
    growth = rss[-1] - rss[0]
    print(f"{sent} requests; resident memory after the warm-up round {rss[0] / 1024:.1f} MiB, "
          f"after the last {rss[-1] / 1024:.1f} MiB (growth {growth / 1024:+.1f} MiB, peak {max(rss) / 1024:.1f} MiB)")
    for failure in failures[:20]:
        print("FAIL", failure)
    if growth > 16 * 1024:
        print(f"FAIL resident memory grew by {growth / 1024:.1f} MiB")
        failures.append("memory")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
