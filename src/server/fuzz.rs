//! Bounded property-based fuzzing of what a client controls: request bodies
//! (raw bytes, JSON of any shape, requests with wrong types and extreme
//! values), the engine errors they can cause, and the Host header. Each
//! property runs a fixed number of cases from a fixed seed, so CI runs the
//! same cases every time, in well under a second each.
//!
//! The properties: nothing panics; a client's mistake is a 4xx in OpenAI's
//! error shape, never a 5xx; what is accepted is within the ranges the
//! engine relies on; and no name an attacker can register passes the Host
//! guard.

use axum::response::IntoResponse;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use serde_json::{json, Map, Value};

use super::policy::{host_allowed, parse_host, HostName};
use super::request;
use super::routes::api_error;
use crate::engine::{EngineError, GenerateRequest};
use crate::settings::Settings;
use crate::wire::openai::{ChatCompletionRequest, CompletionRequest};

const CASES: u32 = 1500;

fn runner() -> TestRunner {
    let config = Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(
        config,
        TestRng::from_seed(RngAlgorithm::ChaCha, b"flashchat-fuzz-requests-seed-v1!"),
    )
}

/// Field names the request types know, so that generated objects often
/// reach validation rather than stopping at deserialisation.
const MESSAGE_FIELDS: &[&str] = &["messages", "role", "content", "type", "text", "prompt"];
const REQUEST_FIELDS: &[&str] = &[
    "model",
    "stream",
    "stream_options",
    "max_tokens",
    "max_completion_tokens",
    "temperature",
    "top_p",
    "top_k",
    "min_p",
    "repeat_penalty",
    "presence_penalty",
    "frequency_penalty",
    "seed",
    "stop",
];

const ROLES: &[&str] = &["system", "developer", "user", "assistant", "tool", ""];

/// Block and item types of the Anthropic and Responses APIs, known and not.
const BLOCK_TYPES: &[&str] = &[
    "text",
    "tool_use",
    "tool_result",
    "thinking",
    "image",
    "input_text",
    "output_text",
    "function_call",
    "function_call_output",
    "reasoning",
    "",
];

/// A content block or input item: a known or unknown type with fields of
/// the right names and values mostly of the right kinds.
fn block() -> impl Strategy<Value = Value> {
    let fields = prop::collection::vec(
        (
            prop::sample::select(vec![
                "text",
                "id",
                "name",
                "input",
                "tool_use_id",
                "content",
                "call_id",
                "arguments",
                "output",
                "role",
                "is_error",
            ]),
            prop_oneof![3 => text().prop_map(Value::String), 1 => json_value()],
        ),
        0..5,
    );
    (prop::sample::select(BLOCK_TYPES), fields).prop_map(|(kind, fields)| {
        let mut block: Map<String, Value> = fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        block.insert("type".into(), kind.into());
        Value::Object(block)
    })
}

/// Messages whose content is a string or a list of blocks.
fn block_messages() -> impl Strategy<Value = Value> {
    let message = (
        prop::sample::select(ROLES),
        prop_oneof![
            2 => text().prop_map(Value::String),
            3 => prop::collection::vec(block(), 0..4).prop_map(Value::Array),
            1 => json_value(),
        ],
    )
        .prop_map(|(role, content)| json!({"role": role, "content": content}));
    prop::collection::vec(message, 0..4).prop_map(Value::Array)
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop::sample::select(vec![
            json!(0),
            json!(-1),
            json!(1),
            json!(0.5),
            json!(-0.0),
            json!(1e308),
            json!(-1e308),
            json!(5e-324),
            json!(2147483648u64),
            json!(4294967296u64),
            json!(1048577),
        ]),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::sample::select(vec!["", " ", "\0", "<think>", "\u{feff}", "é"])
            .prop_map(String::from),
    ]
}

fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => prop::sample::select(MESSAGE_FIELDS).prop_map(String::from),
        2 => prop::sample::select(REQUEST_FIELDS).prop_map(String::from),
        1 => "[a-z_]{1,10}",
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(field_name(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Content as clients send it: a string, a list of parts, or anything.
fn content() -> impl Strategy<Value = Value> {
    let part = (
        prop::sample::select(vec!["text", "image_url", "input_audio", ""]),
        prop::option::of(text()),
    )
        .prop_map(|(kind, text)| match text {
            Some(text) => json!({"type": kind, "text": text}),
            None => json!({"type": kind}),
        });
    prop_oneof![
        8 => text().prop_map(Value::String),
        2 => prop::collection::vec(part, 0..4).prop_map(Value::Array),
        1 => json_value(),
    ]
}

fn message() -> impl Strategy<Value = Value> {
    (
        prop_oneof![12 => prop::sample::select(ROLES).prop_map(Value::from), 1 => json_value()],
        prop::option::of(content()),
    )
        .prop_map(|(role, content)| {
            let mut m = Map::new();
            m.insert("role".into(), role);
            if let Some(content) = content {
                m.insert("content".into(), content);
            }
            Value::Object(m)
        })
}

/// An integer as clients send them, edges included.
fn integer() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => 1i64..4096,
        1 => -3i64..40,
        1 => prop::sample::select(vec![i64::MIN, -1, 0, 1, 1 << 20, (1 << 20) + 1, 1 << 32, i64::MAX]),
        1 => any::<i64>(),
    ]
    .prop_map(Value::from)
}

/// A float as clients send them, edges included (NaN cannot be sent in
/// JSON; serde_json refuses it at parse time).
fn float() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => (0.0f64..1.0).prop_map(Value::from),
        1 => (-3.0f64..12.0).prop_map(Value::from),
        1 => prop::sample::select(vec![-2.0f64, -0.0, 0.0, 0.01, 1.0, 2.0, 5.0, 10.0, 1e308, -1e308, 5e-324])
            .prop_map(Value::from),
        1 => integer(),
    ]
}

/// A value for one known sampling field: mostly of its type, sometimes anything.
fn sampling_value(field: &str) -> BoxedStrategy<Value> {
    let typed = match field {
        "max_tokens" | "max_completion_tokens" | "top_k" | "seed" => integer().boxed(),
        "stop" => prop_oneof![
            text().prop_map(Value::from),
            prop::collection::vec(text(), 0..20).prop_map(Value::from),
        ]
        .boxed(),
        "stream" => any::<bool>().prop_map(Value::from).boxed(),
        "stream_options" => any::<bool>()
            .prop_map(|b| json!({"include_usage": b}))
            .boxed(),
        "model" => text().prop_map(Value::from).boxed(),
        _ => float().boxed(),
    };
    prop_oneof![12 => typed, 1 => json_value()].boxed()
}

/// A request object: the main field, known sampling fields with values
/// mostly of their types, then unknown fields.
fn request_body(main: &'static str) -> impl Strategy<Value = Value> {
    let main_value = match main {
        "messages" => prop_oneof![
            8 => prop::collection::vec(message(), 0..5).prop_map(Value::Array),
            1 => json_value(),
        ]
        .boxed(),
        _ => prop_oneof![8 => text().prop_map(Value::String), 1 => json_value()].boxed(),
    };
    let sampling = prop::collection::vec(
        prop::sample::select(REQUEST_FIELDS).prop_flat_map(|field| {
            sampling_value(field).prop_map(move |value| (field.to_string(), value))
        }),
        0..6,
    );
    let extra = prop_oneof![
        4 => Just(Vec::new()),
        1 => prop::collection::vec(("[a-z]{1,8}", json_value()), 1..3),
    ];
    (main_value, sampling, extra).prop_map(move |(value, sampling, extra)| {
        let mut body: Map<String, Value> = sampling.into_iter().collect();
        body.extend(extra);
        body.insert(main.into(), value);
        Value::Object(body)
    })
}

/// Raw bodies: mostly JSON, some of it mangled, some plain bytes.
fn body_bytes(main: &'static str) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        8 => request_body(main).prop_map(|v| v.to_string().into_bytes()),
        1 => (request_body(main), any::<prop::sample::Index>(), any::<u8>()).prop_map(|(v, at, byte)| {
            let mut bytes = v.to_string().into_bytes();
            let i = at.index(bytes.len());
            bytes[i] = byte;
            bytes
        }),
        1 => prop::collection::vec(any::<u8>(), 0..64),
        1 => (0usize..2000).prop_map(|depth| format!("{}{}", "[".repeat(depth), "]".repeat(depth)).into_bytes()),
    ]
}

/// What an accepted request must satisfy for the engine.
fn accepted_is_in_range(request: &GenerateRequest) -> Result<(), TestCaseError> {
    let s = &request.sampling;
    prop_assert!((1..=1 << 20).contains(&request.max_tokens));
    prop_assert!(s.temperature.is_finite() && (0.0..=5.0).contains(&s.temperature));
    prop_assert!(s.top_p.is_finite() && (0.0..=1.0).contains(&s.top_p));
    prop_assert!(s.min_p.is_finite() && (0.0..=1.0).contains(&s.min_p));
    prop_assert!(s.repeat_penalty.is_finite() && s.repeat_penalty > 0.0);
    prop_assert!(s.presence_penalty.is_finite() && s.frequency_penalty.is_finite());
    prop_assert!(request.stop.len() <= 16 && request.stop.iter().all(|s| !s.is_empty()));
    Ok(())
}

/// A refusal is a 4xx whose body is OpenAI's error object.
fn refused_as_client_error(error: super::error::ApiError) -> Result<(), TestCaseError> {
    let message = error.message.clone();
    let response = error.into_response();
    prop_assert!(
        response.status().is_client_error(),
        "{} for a client's mistake: {message}",
        response.status()
    );
    Ok(())
}

#[test]
fn any_chat_body_is_accepted_in_range_or_refused_with_a_4xx() {
    let settings = Settings::defaults();
    runner()
        .run(
            &body_bytes("messages"),
            |bytes| match request::parse_json::<ChatCompletionRequest>(&bytes)
                .and_then(|body| request::chat(body, &settings))
            {
                Ok((generate, _)) => accepted_is_in_range(&generate),
                Err(error) => refused_as_client_error(error),
            },
        )
        .unwrap();
}

#[test]
fn any_completion_body_is_accepted_in_range_or_refused_with_a_4xx() {
    let settings = Settings::defaults();
    runner()
        .run(
            &body_bytes("prompt"),
            |bytes| match request::parse_json::<CompletionRequest>(&bytes)
                .and_then(|body| request::completion(body, &settings))
            {
                Ok((requests, _)) => requests.iter().try_for_each(accepted_is_in_range),
                Err(error) => refused_as_client_error(error),
            },
        )
        .unwrap();
}

/// A body of the Anthropic or Responses API: the main field made of
/// blocks, the other fields from the request strategy.
fn dialect_body(main: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let main_value = prop_oneof![
        4 => block_messages(),
        2 => prop::collection::vec(block(), 0..4).prop_map(Value::Array),
        1 => text().prop_map(Value::String),
        1 => json_value(),
    ];
    (request_body("prompt"), main_value).prop_map(move |(mut body, value)| {
        if let Some(object) = body.as_object_mut() {
            object.remove("prompt");
            object.insert(main.into(), value);
        }
        body.to_string().into_bytes()
    })
}

#[test]
fn any_anthropic_body_is_accepted_in_range_or_refused_with_a_4xx() {
    use super::anthropic::{to_chat, Purpose};
    use crate::wire::anthropic::MessagesRequest;
    let settings = Settings::defaults();
    runner()
        .run(
            &prop_oneof![dialect_body("messages"), body_bytes("messages")],
            |bytes| match request::parse_json::<MessagesRequest>(&bytes)
                .and_then(|body| to_chat(body, Purpose::Answer))
                .and_then(|chat| request::chat(chat, &settings))
            {
                Ok((generate, _)) => accepted_is_in_range(&generate),
                Err(error) => refused_as_client_error(error),
            },
        )
        .unwrap();
}

#[test]
fn any_responses_body_is_accepted_in_range_or_refused_with_a_4xx() {
    use super::response_store::ResponseStore;
    use super::responses::read_request;
    use crate::wire::responses::ResponsesRequest;
    let settings = Settings::defaults();
    let dir = tempfile::tempdir().unwrap();
    let store = ResponseStore::open(dir.path().to_path_buf(), 1 << 20);
    runner()
        .run(
            &prop_oneof![dialect_body("input"), body_bytes("input")],
            |bytes| match request::parse_json::<ResponsesRequest>(&bytes)
                .and_then(|body| read_request(&store, "resp_1".into(), body))
                .and_then(|(_, chat)| request::chat(chat, &settings))
            {
                Ok((generate, _)) => accepted_is_in_range(&generate),
                Err(error) => refused_as_client_error(error),
            },
        )
        .unwrap();
}

#[test]
fn engine_errors_a_client_causes_are_4xx_and_load_is_503() {
    runner()
        .run(
            &(any::<usize>(), any::<u32>()),
            |(prompt_tokens, context_size)| {
                refused_as_client_error(api_error(EngineError::PromptTooLong {
                    prompt_tokens,
                    context_size,
                }))
            },
        )
        .unwrap();
    let empty = api_error(EngineError::EmptyPrompt).into_response();
    assert!(empty.status().is_client_error());
    for busy in [
        EngineError::QueueFull {
            slots: 4,
            queued: 64,
        },
        EngineError::ShuttingDown,
    ] {
        let response = api_error(busy).into_response();
        assert_eq!(response.status(), 503);
        assert_eq!(response.headers()["retry-after"], "1");
    }
}

/// The host part of a header that passed, found without the guard's own
/// parser: what is left must be localhost or a loopback address.
fn passed_host_is_loopback(header: &str) -> bool {
    let lower = header.trim().to_ascii_lowercase();
    let host = match lower.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or_default().to_string(),
        None => lower.split(':').next().unwrap_or_default().to_string(),
    };
    let host = host.strip_suffix('.').unwrap_or(&host);
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.to_canonical().is_loopback())
}

#[test]
fn no_name_an_attacker_can_register_passes_the_host_guard() {
    let prefix = prop::sample::select(vec![
        "127.0.0.1",
        "127.",
        "127",
        "localhost",
        "LOCALHOST",
        "[::1]",
        "0x7f",
        "",
        "a",
    ]);
    // A label ending in a letter is a name, never an address.
    let registrable = "[a-z0-9-]{0,8}[a-z]";
    let port = prop::option::of(0u32..100_000);
    runner()
        .run(
            &(
                prefix,
                prop::sample::select(vec![".", "-", ""]),
                registrable,
                port,
            ),
            |(prefix, separator, label, port)| {
                let mut header = format!("{prefix}{separator}{label}");
                if let Some(port) = port {
                    header.push_str(&format!(":{port}"));
                }
                let is_plain_localhost = matches!(
                    parse_host(&header),
                    Some(HostName::Name(name)) if name == "localhost"
                );
                prop_assert_eq!(host_allowed(Some(&header), &[]), is_plain_localhost);
                Ok(())
            },
        )
        .unwrap();
    runner()
        .run(&any::<String>(), |header| {
            if host_allowed(Some(&header), &[]) {
                prop_assert!(passed_host_is_loopback(&header), "{header:?} passed");
            }
            Ok(())
        })
        .unwrap();
}
