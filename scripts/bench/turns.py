"""Time to first token of conversations' later turns, for any
OpenAI-compatible server (standard library only).

    python3 scripts/bench/turns.py first URL STATE.json [WORDS]
    python3 scripts/bench/turns.py follow URL STATE.json
    python3 scripts/bench/turns.py rotate URL [CONVERSATIONS] [WORDS]

first   a conversation's first turn (a long history and a question); its
        messages and time to first token go to STATE.json
follow  that conversation's next turn (its reply and a new question),
        printed with the first turn's time: run it after a server restart
rotate  CONVERSATIONS (8) conversations, one request at a time, each with
        its own history of about WORDS (700) words: all first turns, then
        all follow-ups, so that with four slots every slot has been given
        to another conversation in between
Each prints one JSON object; ratios are follow-up TTFT / first-turn TTFT.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from load import stream  # noqa: E402

TOPICS = ("harbour", "orchard", "observatory", "glacier", "market", "library",
          "vineyard", "railway", "monastery", "reef")


def history(conversation, words):
    topic = TOPICS[conversation % len(TOPICS)]
    sentence = (f"Conversation {conversation} notes about the {topic}: the keeper "
                f"of the {topic} wrote down what happened on day ")
    parts, count, day = [], 0, 1
    while count < words:
        part = f"{sentence}{day}, and the weather was mild. "
        parts.append(part)
        count += len(part.split())
        day += 1
    return "".join(parts)


def turn(url, messages):
    """One streamed answer: (time to first token in seconds, reply text)."""
    start, first, _, _, text = stream(url, messages, 24)
    return first - start, text


def first_turn(url, conversation, words):
    messages = [{"role": "user",
                 "content": history(conversation, words) + "\nWhat is this about?"}]
    ttft, reply = turn(url, messages)
    messages.append({"role": "assistant", "content": reply})
    return messages, ttft


def follow_up(url, messages):
    messages = messages + [{"role": "user", "content": "And what happened next?"}]
    ttft, _ = turn(url, messages)
    return ttft


def main():
    mode, url = sys.argv[1], sys.argv[2].rstrip("/")
    if mode == "first":
        words = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
        messages, ttft = first_turn(url, 0, words)
        with open(sys.argv[3], "w") as f:
            json.dump({"messages": messages, "ttft": ttft}, f)
        print(json.dumps({"first_ttft_s": round(ttft, 3)}))
    elif mode == "follow":
        with open(sys.argv[3]) as f:
            state = json.load(f)
        ttft = follow_up(url, state["messages"])
        print(json.dumps({"first_ttft_s": round(state["ttft"], 3),
                          "follow_up_ttft_s": round(ttft, 3),
                          "ratio": round(ttft / state["ttft"], 3)}))
    elif mode == "rotate":
        count = int(sys.argv[3]) if len(sys.argv) > 3 else 8
        words = int(sys.argv[4]) if len(sys.argv) > 4 else 700
        firsts = [first_turn(url, c, words) for c in range(count)]
        ratios = [round(follow_up(url, m) / t, 3) for m, t in firsts]
        print(json.dumps({"first_ttft_s": [round(t, 3) for _, t in firsts],
                          "ratios": ratios, "worst": max(ratios)}))
    else:
        sys.exit(f"error: unknown mode {mode} (first, follow or rotate)")


if __name__ == "__main__":
    main()
