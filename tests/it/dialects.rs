//! The server's other API dialects, checked with the official clients:
//! Anthropic's Messages API through the `anthropic` package, and
//! OpenAI's Responses API through the `openai` package.

use serde_json::{json, Value};

use crate::common::heavy;
use crate::serve::{python_with, run_python, run_python_with, Server};

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

/// The `openai` package's Responses API against the instruct model: text
/// whole and streamed (the same answer, the documented event sequence,
/// numbered), a function call and its output continued with
/// `previous_response_id` (from the KV cache), a JSON schema, retrieve,
/// delete and `store: false`. Prints the id of a conversation to continue
/// after a restart.
const RESPONSES_SCRIPT: &str = r#"
import json, sys
import openai
from openai import OpenAI

client = OpenAI(base_url=sys.argv[1], api_key="unused", max_retries=0)
model = "SmolLM2-135M-Instruct.Q4_1"
ask = dict(model=model, input="Name three colours.", instructions="Answer briefly.",
           max_output_tokens=64, temperature=0)

whole = client.responses.create(**ask)
assert whole.object == "response" and whole.id.startswith("resp_"), whole
assert whole.status in ("completed", "incomplete"), whole.status
assert whole.output_text, whole.output
assert whole.usage.input_tokens > 0 and whole.usage.output_tokens > 0, whole.usage
assert whole.instructions == "Answer briefly." and whole.max_output_tokens == 64, whole

with client.responses.stream(**ask) as stream:
    events = list(stream)
kinds = [e.type for e in events]
streamed = "".join(e.delta for e in events if e.type == "response.output_text.delta")
assert streamed == whole.output_text, (streamed, whole.output_text)
if whole.status == "completed":
    # The client's helper gives a final response only for a completed one.
    assert stream.get_final_response().output_text == whole.output_text
last = "response.completed" if whole.status == "completed" else "response.incomplete"
deltas = kinds.count("response.output_text.delta")
expected = (["response.created", "response.in_progress", "response.output_item.added",
             "response.content_part.added"] + ["response.output_text.delta"] * deltas +
            ["response.output_text.done", "response.content_part.done", "response.output_item.done", last])
assert kinds == expected, kinds
assert deltas > 1, kinds
numbers = [e.sequence_number for e in events]
assert numbers == list(range(len(events))), numbers

weather = {"type": "function", "name": "get_weather", "description": "Current weather in a city",
           "parameters": {"type": "object", "properties": {"city": {"type": "string"}},
                          "required": ["city"], "additionalProperties": False}}
question = "What is the weather in Paris?"
called = client.responses.create(model=model, input=question, tools=[weather], tool_choice="required",
                                  max_output_tokens=80, temperature=0)
calls = [item for item in called.output if item.type == "function_call"]
assert calls and calls[0].name == "get_weather", called.output
assert isinstance(json.loads(calls[0].arguments)["city"], str), calls[0].arguments

with client.responses.stream(model=model, input=question, tools=[weather], tool_choice="required",
                             max_output_tokens=80, temperature=0) as stream:
    call_events = [e.type for e in stream]
    streamed_call = stream.get_final_response()
assert "response.function_call_arguments.delta" in call_events, call_events
assert "response.function_call_arguments.done" in call_events, call_events
streamed_calls = [item for item in streamed_call.output if item.type == "function_call"]
assert streamed_calls[0].arguments == calls[0].arguments, (streamed_calls, calls)

# The tools stay offered, so the conversation so far is a prefix of this
# prompt: it comes from the KV cache.
answered = client.responses.create(model=model, previous_response_id=called.id, tools=[weather],
    max_output_tokens=40, temperature=0,
    input=[{"type": "function_call_output", "call_id": calls[0].call_id, "output": "Sunny, 22 degrees"}])
assert answered.output, answered
assert answered.previous_response_id == called.id
assert answered.usage.input_tokens > called.usage.input_tokens, (answered.usage, called.usage)
assert answered.usage.input_tokens_details.cached_tokens > 0, answered.usage

# The same turn sent as items instead of previous_response_id.
items = client.responses.create(model=model, tools=[weather],
    max_output_tokens=40, temperature=0,
    input=[{"role": "user", "content": question},
           {"type": "function_call", "call_id": calls[0].call_id, "name": "get_weather", "arguments": calls[0].arguments},
           {"type": "function_call_output", "call_id": calls[0].call_id, "output": "Sunny, 22 degrees"}])
# (Its answer may differ: greedy decoding is not invariant to how much of
# the prompt came from the cache.)
assert items.usage.input_tokens == answered.usage.input_tokens, (items.usage, answered.usage)

schema = {"type": "object", "properties": {"colour": {"type": "string"}}, "required": ["colour"],
          "additionalProperties": False}
shaped = client.responses.create(model=model, input="Pick a colour.", max_output_tokens=40, temperature=0,
    text={"format": {"type": "json_schema", "name": "colour", "schema": schema, "strict": True}})
assert isinstance(json.loads(shaped.output_text)["colour"], str), shaped.output_text

assert client.responses.retrieve(whole.id).output_text == whole.output_text
client.responses.delete(whole.id)
for gone in (whole.id, client.responses.create(**ask, store=False).id):
    try:
        client.responses.retrieve(gone)
        raise SystemExit(f"{gone} is still there")
    except openai.NotFoundError:
        pass

named = client.responses.create(model=model, input="My name is Ada. Remember it.",
                                max_output_tokens=16, temperature=0)
print(named.id, named.usage.input_tokens)
"#;

/// After a restart: the stored response is there, and a conversation
/// continues from it.
const RESPONSES_AFTER_RESTART_SCRIPT: &str = r#"
import sys
from openai import OpenAI

client = OpenAI(base_url=sys.argv[1], api_key="unused", max_retries=0)
earlier, earlier_tokens = sys.argv[2], int(sys.argv[3])
assert client.responses.retrieve(earlier).id == earlier
later = client.responses.create(model="SmolLM2-135M-Instruct.Q4_1", previous_response_id=earlier,
                                input="What is my name?", max_output_tokens=16, temperature=0)
assert later.output_text, later.output
assert later.usage.input_tokens > earlier_tokens + 5, (later.usage, earlier_tokens)
print("responses after restart ok")
"#;

#[test]
fn the_openai_responses_api_keeps_conversations_across_a_restart() {
    let _guard = heavy();
    let Some(python) = python_with("openai") else {
        return;
    };
    let Some(mut server) = Server::start_instruct(&[]) else {
        return;
    };
    let printed = run_python_with(&python, RESPONSES_SCRIPT, &server, &[]);
    let fields: Vec<&str> = printed.split_whitespace().collect();
    let [id, tokens] = fields[..] else {
        panic!("the script printed {printed:?}");
    };
    server.restart_instruct(&[]);
    run_python_with(
        &python,
        RESPONSES_AFTER_RESTART_SCRIPT,
        &server,
        &[id, tokens],
    );
}

/// Requests the Responses API cannot answer: each a 400 (or 404 for an
/// unknown id) in OpenAI's shape, naming the field; the server keeps
/// serving.
#[test]
fn malformed_responses_requests_are_400s_naming_the_field() {
    let Some(server) = Server::start_instruct(&[]) else {
        return;
    };
    let cases: Vec<(Value, u16, &str)> = vec![
        (json!({}), 400, "input"),
        (json!({"input": 7}), 400, "input"),
        (json!({"input": [{"type": "computer_call"}]}), 400, "input"),
        (
            json!({"input": [{"role": "user", "content": [{"type": "input_image", "image_url": "x"}]}]}),
            400,
            "input",
        ),
        (
            json!({"input": [{"type": "function_call_output", "output": "x"}]}),
            400,
            "input",
        ),
        (
            json!({"input": [{"type": "function_call_output", "call_id": "nope", "output": "x"}]}),
            400,
            "messages",
        ),
        (
            json!({"input": "hi", "tools": [{"type": "web_search"}]}),
            400,
            "tools",
        ),
        (
            json!({"input": "hi", "tool_choice": {"type": "mcp"}}),
            400,
            "tool_choice",
        ),
        (
            json!({"input": "hi", "text": {"format": {"type": "xml"}}}),
            400,
            "text",
        ),
        (
            json!({"input": "hi", "truncation": "auto"}),
            400,
            "truncation",
        ),
        (
            json!({"input": "hi", "background": true}),
            400,
            "background",
        ),
        (
            json!({"input": "hi", "include": ["file_search_call.results"]}),
            400,
            "include",
        ),
        (
            json!({"input": "hi", "max_output_tokens": 0}),
            400,
            "max_output_tokens",
        ),
        (json!({"input": "hi", "frobnicate": 1}), 400, "frobnicate"),
        (
            json!({"input": "hi", "previous_response_id": "resp_missing"}),
            404,
            "previous_response_id",
        ),
    ];
    for (body, status, param) in cases {
        let (got, reply) = server.post_json("/v1/responses", body.clone());
        assert_eq!(got, status, "{body} -> {reply}");
        assert_eq!(reply["error"]["param"], param, "{body} -> {reply}");
        assert!(reply["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
    }
    for path in [
        "/v1/responses/resp_missing",
        "/v1/responses/..%2F..%2Fconfig",
    ] {
        let got = Server::agent().get(server.url(path)).call().unwrap();
        assert_eq!(got.status().as_u16(), 404, "{path}");
    }
    let (status, reply) = server.post_json(
        "/v1/responses",
        json!({"input": "hi", "max_output_tokens": 2}),
    );
    assert_eq!(status, 200, "{reply}");
    assert_eq!(reply["object"], "response");
}
