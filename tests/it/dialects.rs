//! The server's other API dialects, checked with the official clients:
//! Anthropic's Messages API through the `anthropic` package.

use serde_json::{json, Value};

use crate::common::heavy;
use crate::serve::{python_with, run_python, Server};

/// The `anthropic` package against the instruct model: text whole and
/// streamed (the same answer), a stop sequence, a tool round trip (a
/// required call, its result, an answer), thinking switched off,
/// `count_tokens` agreeing with the usage, and Anthropic's error shapes.
const ANTHROPIC_CLIENT_SCRIPT: &str = r#"
import json, sys
import anthropic

root = sys.argv[1].removesuffix("/v1")
client = anthropic.Anthropic(base_url=root, api_key="sesame", max_retries=0)
model = "SmolLM2-135M-Instruct.Q4_1"
greedy = {"temperature": 0}
question = [{"role": "user", "content": "Name three colours."}]

whole = client.messages.create(model=model, max_tokens=24, messages=question,
    system="You answer briefly.", extra_body=greedy)
assert whole.type == "message" and whole.role == "assistant", whole
assert whole.id.startswith("msg_"), whole.id
assert [b.type for b in whole.content] == ["text"], whole.content
assert whole.stop_reason in ("end_turn", "max_tokens"), whole
assert whole.usage.output_tokens > 0, whole.usage

with client.messages.stream(model=model, max_tokens=24, messages=question,
        system="You answer briefly.", extra_body=greedy) as stream:
    streamed = "".join(stream.text_stream)
    final = stream.get_final_message()
assert streamed == whole.content[0].text, (streamed, whole.content[0].text)
assert final.content[0].text == streamed
assert final.stop_reason == whole.stop_reason, final
assert final.usage.output_tokens == whole.usage.output_tokens, final.usage
assert final.usage.input_tokens + final.usage.cache_read_input_tokens \
    == whole.usage.input_tokens + whole.usage.cache_read_input_tokens, (final.usage, whole.usage)

counted = client.messages.count_tokens(model=model, messages=question, system="You answer briefly.")
assert counted.input_tokens == whole.usage.input_tokens + whole.usage.cache_read_input_tokens, \
    (counted, whole.usage)

stopped = client.messages.create(model=model, max_tokens=32, messages=question,
    stop_sequences=[" "], extra_body=greedy)
assert stopped.stop_reason == "stop_sequence" and stopped.stop_sequence == " ", stopped
assert " " not in stopped.content[0].text, stopped.content

weather = {"name": "get_weather", "description": "Current weather in a city",
    "input_schema": {"type": "object", "properties": {"city": {"type": "string"}},
                     "required": ["city"], "additionalProperties": False}}
ask = [{"role": "user", "content": "What is the weather in Paris?"}]
call = client.messages.create(model=model, max_tokens=80, messages=ask, tools=[weather],
    tool_choice={"type": "any"}, extra_body=greedy)
assert call.stop_reason == "tool_use", call
uses = [b for b in call.content if b.type == "tool_use"]
assert uses and uses[0].name == "get_weather" and isinstance(uses[0].input.get("city"), str), call.content

with client.messages.stream(model=model, max_tokens=80, messages=ask, tools=[weather],
        tool_choice={"type": "tool", "name": "get_weather"}, extra_body=greedy) as stream:
    kinds = [event.type for event in stream]
    streamed_call = stream.get_final_message()
assert kinds[0] == "message_start" and kinds[-1] == "message_stop", kinds
assert "input_json" in kinds, kinds
assert streamed_call.stop_reason == "tool_use", streamed_call
streamed_uses = [b for b in streamed_call.content if b.type == "tool_use"]
assert streamed_uses[0].input == uses[0].input, (streamed_uses, uses)

history = ask + [
    {"role": "assistant", "content": [b.model_dump(exclude_none=True) for b in call.content]},
    {"role": "user", "content": [{"type": "tool_result", "tool_use_id": uses[0].id,
                                  "content": "Sunny, 22 degrees"}]},
]
answer = client.messages.create(model=model, max_tokens=40, messages=history, tools=[weather],
    tool_choice={"type": "none"}, extra_body=greedy)
assert answer.stop_reason in ("end_turn", "max_tokens"), answer
assert answer.content and answer.content[0].type == "text" and answer.content[0].text, answer.content

off = client.messages.create(model=model, max_tokens=8, messages=question,
    thinking={"type": "disabled"}, extra_body=greedy)
assert off.content[0].type == "text", off.content

try:
    client.messages.create(model=model, max_tokens=8,
        messages=[{"role": "user", "content": [{"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": ""}}]}])
    raise SystemExit("an image block was accepted")
except anthropic.BadRequestError as e:
    assert e.body["type"] == "error" and e.body["error"]["type"] == "invalid_request_error", e.body
    assert "image" in e.body["error"]["message"], e.body

try:
    client.messages.create(model="no-such-model", max_tokens=8, messages=question)
    raise SystemExit("an unknown model was accepted")
except anthropic.NotFoundError as e:
    assert e.body["error"]["type"] == "not_found_error", e.body

wrong = anthropic.Anthropic(base_url=root, api_key="wrong", max_retries=0)
try:
    wrong.messages.create(model=model, max_tokens=8, messages=question)
    raise SystemExit("a wrong key was accepted")
except anthropic.AuthenticationError as e:
    assert e.body == {"type": "error", "error": {"type": "authentication_error", "message": e.body["error"]["message"]}}, e.body
print("anthropic client ok")
"#;

#[test]
fn the_official_anthropic_client_works() {
    let _guard = heavy();
    let Some(python) = python_with("anthropic") else {
        return;
    };
    let Some(server) = Server::start_instruct(&["--api-key", "sesame"]) else {
        return;
    };
    run_python(&python, ANTHROPIC_CLIENT_SCRIPT, &server);
}

/// Requests that are not Messages requests: each a 400 in Anthropic's
/// shape, and the server keeps serving.
#[test]
fn malformed_messages_requests_are_anthropic_400s() {
    let Some(server) = Server::start_instruct(&[]) else {
        return;
    };
    let cases = [
        json!({"model": "x"}),
        json!({"max_tokens": 8, "messages": "hi"}),
        json!({"max_tokens": 8, "messages": [{"role": "user", "content": 7}]}),
        json!({"max_tokens": 8, "messages": [{"role": "user", "content": [{"type": "tool_result"}]}]}),
        json!({"max_tokens": 8, "messages": [{"role": "user", "content": [{"type": "tool_result", "tool_use_id": "nope", "content": "x"}]}]}),
        json!({"max_tokens": 8, "messages": [{"role": "user", "content": [{"text": "no type"}]}]}),
        json!({"max_tokens": 8, "messages": [{"role": "user", "content": "hi"}], "tool_choice": {"type": "sometimes"}}),
        json!({"max_tokens": 8, "messages": [{"role": "user", "content": "hi"}], "stop_sequences": "x"}),
        json!({"max_tokens": 8, "messages": [{"role": "user", "content": "hi"}], "output_config": {"format": {"type": "json_schema"}}}),
    ];
    for body in cases {
        let (status, reply) = server.post_json("/v1/messages", body.clone());
        assert_eq!(status, 400, "{body} -> {reply}");
        assert_eq!(reply["type"], "error", "{reply}");
        assert_eq!(reply["error"]["type"], "invalid_request_error", "{reply}");
        let message = reply["error"]["message"].as_str().unwrap_or_default();
        assert!(!message.is_empty(), "{reply}");
    }
    let (status, reply) = server.post("/v1/messages", b"{not json");
    assert_eq!(status, 400, "{reply}");
    assert_eq!(reply["error"]["type"], "invalid_request_error");
    let (status, reply) = server.post_json("/v1/messages/nowhere", json!({}));
    assert_eq!(status, 404, "{reply}");
    assert_eq!(reply["error"]["type"], "not_found_error");
    let ok = json!({"max_tokens": 4, "messages": [{"role": "user", "content": "hi"}]});
    let (status, reply): (u16, Value) = server.post_json("/v1/messages", ok);
    assert_eq!(status, 200, "{reply}");
    assert_eq!(reply["type"], "message");
}
