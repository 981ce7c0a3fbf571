//! Checking a request body field by field and turning it into an engine
//! request, with the server's settings filling in what the client left out.

use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

use serde_json::{Map, Value};

use super::error::ApiError;
use super::tools;
use crate::engine::{
    Constraint, GenerateRequest, Message, PromptInput, Role, SamplingParams, MAX_TOP_LOGPROBS,
};
use crate::settings::{keys, Settings};
use crate::wire::openai::{
    ChatCompletionRequest, CompletionPrompt, CompletionRequest, ConstraintFields, ResponseFormat,
    SamplingFields, StreamOptions,
};

/// How the response is delivered.
#[derive(Debug, Clone, Copy)]
pub struct Delivery {
    pub stream: bool,
    pub include_usage: bool,
    /// How many answers to the prompt (OpenAI's `n`).
    pub choices: usize,
}

impl Delivery {
    fn new(stream: bool, options: Option<StreamOptions>) -> Self {
        Self {
            stream,
            include_usage: options.is_some_and(|o| o.include_usage),
            choices: 1,
        }
    }
}

/// The most answers one request may ask for; a server also allows no more
/// than its slots.
pub const MAX_CHOICES: i64 = 16;

const MAX_STOPS: usize = 16;

/// Fields that only describe the caller: accepted and ignored.
pub const CALLER_FIELDS: &[&str] = &[
    "user",
    "metadata",
    "store",
    "service_tier",
    "prompt_cache_key",
    "safety_identifier",
];

/// Which endpoint a body was sent to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Endpoint {
    Chat,
    Completions,
}

/// OpenAI fields flashchat does not honour yet, each with the values that
/// ask for nothing (what a client sends when it means "the default").
fn asks_for_nothing(endpoint: Endpoint, field: &str, value: &Value) -> Option<bool> {
    let empty = value.is_null()
        || value.as_array().is_some_and(Vec::is_empty)
        || value.as_object().is_some_and(Map::is_empty);
    let chat = endpoint == Endpoint::Chat;
    Some(match field {
        "best_of" if !chat => value.is_null() || value.as_i64() == Some(1),
        // OpenAI's deprecated names for `tools` and `tool_choice`.
        "functions" if chat => empty,
        "function_call" if chat => {
            value.is_null() || matches!(value.as_str(), Some("none" | "auto"))
        }
        "modalities" if chat => {
            value.is_null()
                || value
                    .as_array()
                    .is_some_and(|m| m.iter().all(|m| m == "text"))
        }
        "echo" if !chat => value.is_null() || *value == Value::Bool(false),
        "suffix" if !chat => value.is_null() || value.as_str() == Some(""),
        // Prefix reuse is always on.
        "cache_prompt" => value.is_null() || *value == Value::Bool(true),
        "audio" | "prediction" | "web_search_options" | "verbosity" if chat => value.is_null(),
        _ => return None,
    })
}

/// Every field beyond the ones read into the request: the caller's own
/// labels are ignored, the rest refused with a 400 that names the field.
fn refuse_unhonoured(endpoint: Endpoint, other: &Map<String, Value>) -> Result<(), ApiError> {
    for (field, value) in other {
        if CALLER_FIELDS.contains(&field.as_str()) {
            continue;
        }
        let message = match asks_for_nothing(endpoint, field, value) {
            Some(true) => continue,
            Some(false) => {
                format!("`{field}` is not supported by this server yet; send the request without it")
            }
            None => format!(
                "unknown field `{field}`; the server does not guess what it means (RUN.md lists the fields it reads)"
            ),
        };
        return Err(ApiError::unsupported_field(field, message));
    }
    Ok(())
}

/// A request's `keep_alive`: `None` when absent, else how long the model
/// stays loaded after it (`Some(None)`: for ever).
pub fn keep_alive(value: Option<Value>) -> Result<Option<Option<Duration>>, ApiError> {
    let text = match value {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s,
        Some(other) => {
            return Err(ApiError::invalid(
                "keep_alive",
                format!("keep_alive is seconds or a duration such as \"5m\", not {other}"),
            ))
        }
    };
    super::router::parse_keep_alive(&text)
        .map(Some)
        .map_err(|e| ApiError::invalid("keep_alive", e))
}

/// A request body as `T`, or a 400 that says what is wrong with it and
/// names the field (`temperature: invalid type…`, `param` too).
pub fn parse_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(bytes).map_err(|e| match field_at_fault::<T>(bytes) {
        Some(field) => ApiError {
            message: format!("the body is not a valid request: `{field}`: {e}"),
            param: Some(field.into()),
            ..ApiError::bad_body("")
        },
        None => ApiError::bad_body(format!("the body is not a valid request: {e}")),
    })
}

/// The top-level field a body that does not read as `T` fails on: the
/// first one whose absence changes the error, other than into its own
/// absence (a required field). (serde's own error has no
/// path here: the request types flatten their field groups.) Only run on
/// a failed request.
fn field_at_fault<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<String> {
    let Ok(Value::Object(fields)) = serde_json::from_slice::<Value>(bytes) else {
        return None;
    };
    let error = |fields: &serde_json::Map<String, Value>| {
        serde_json::from_value::<T>(Value::Object(fields.clone()))
            .err()
            .map(|e| e.to_string())
    };
    let whole = error(&fields)?;
    fields.keys().find_map(|key| {
        let mut without = fields.clone();
        without.remove(key);
        let missing = format!("missing field `{key}`");
        match error(&without) {
            Some(e) if e == whole || e == missing => None,
            _ => Some(key.clone()),
        }
    })
}

pub fn chat(
    body: ChatCompletionRequest,
    settings: &Settings,
) -> Result<(GenerateRequest, Delivery), ApiError> {
    if body.messages.is_empty() {
        return Err(ApiError::invalid(
            "messages",
            "`messages` must not be empty",
        ));
    }
    refuse_unhonoured(Endpoint::Chat, &body.other)?;
    let mut messages = Vec::with_capacity(body.messages.len() + 1);
    let has_system = body
        .messages
        .iter()
        .any(|m| Role::from_api(&m.role) == Some(Role::System));
    if let (false, Some(system)) = (has_system, &settings.system_prompt) {
        messages.push(Message::new(Role::System, system.clone()));
    }
    let mut calls_so_far = Vec::new();
    for (i, message) in body.messages.into_iter().enumerate() {
        let role = match Role::from_api(&message.role) {
            Some(role) => role,
            None => {
                let other = &message.role;
                return Err(ApiError::invalid(
                    "messages",
                    format!(
                    "messages[{i}].role `{other}` is not one of system, developer, user, assistant, tool"
                ),
                ));
            }
        };
        let content = match message.content {
            None => String::new(),
            Some(content) => content.text().map_err(|kind| {
                ApiError::invalid(
                    "messages",
                    format!("messages[{i}] has a `{kind}` part; only text is supported"),
                )
            })?,
        };
        let mut entry = Message::new(role, content);
        match role {
            Role::Assistant => {
                entry.tool_calls = tools::message_calls(i, message.tool_calls.unwrap_or_default())?;
                calls_so_far.extend(entry.tool_calls.iter().cloned());
            }
            Role::Tool => {
                let (id, name) = tools::answered_call(i, message.tool_call_id, &calls_so_far)?;
                entry.tool_call_id = Some(id);
                entry.name = Some(name);
            }
            _ if message.tool_calls.as_ref().is_some_and(|c| !c.is_null()) => {
                return Err(ApiError::invalid(
                    "messages",
                    format!("messages[{i}] has `tool_calls`, which only assistant messages carry"),
                ))
            }
            _ => {}
        }
        messages.push(entry);
    }
    let tool_use = tools::tool_use(body.tools, body.tool_choice, body.parallel_tool_calls)?;
    let variables = template_variables(body.reasoning_effort, body.chat_template_kwargs)?;
    let mut request = generate(PromptInput::Chat(messages), body.sampling, settings)?;
    request.tools = tool_use;
    request.template_variables = variables;
    request.constraint = constraint(body.constraint)?;
    request.logprobs = logprobs(body.logprobs, body.top_logprobs)?;
    let mut delivery = Delivery::new(body.stream, body.stream_options);
    delivery.choices = choices(body.n)?;
    Ok((request, delivery))
}

/// Variables every template already gets; `chat_template_kwargs` may not
/// replace them.
const TEMPLATE_RESERVED: &[&str] = &[
    "messages",
    "tools",
    "documents",
    "add_generation_prompt",
    "bos_token",
    "eos_token",
];

/// The chat template's extra variables: `reasoning_effort` (and the
/// `enable_thinking` switch it implies), then `chat_template_kwargs`.
fn template_variables(
    effort: Option<Value>,
    kwargs: Option<Value>,
) -> Result<Map<String, Value>, ApiError> {
    let mut variables = Map::new();
    match effort {
        None | Some(Value::Null) => {}
        Some(Value::String(level))
            if ["none", "minimal", "low", "medium", "high"].contains(&level.as_str()) =>
        {
            let thinking = !matches!(level.as_str(), "none" | "minimal");
            variables.insert("enable_thinking".into(), thinking.into());
            variables.insert("reasoning_effort".into(), level.into());
        }
        Some(other) => {
            return Err(ApiError::invalid(
                "reasoning_effort",
                format!(
                    "reasoning_effort is one of none, minimal, low, medium, high, not `{other}`"
                ),
            ))
        }
    }
    match kwargs {
        None | Some(Value::Null) => {}
        Some(Value::Object(map)) => {
            if let Some(name) = map.keys().find(|k| TEMPLATE_RESERVED.contains(&k.as_str())) {
                return Err(ApiError::invalid(
                    "chat_template_kwargs",
                    format!("chat_template_kwargs cannot set `{name}`, which the server sets"),
                ));
            }
            variables.extend(map);
        }
        Some(other) => {
            return Err(ApiError::invalid(
                "chat_template_kwargs",
                format!("chat_template_kwargs is an object of template variables, not `{other}`"),
            ))
        }
    }
    Ok(variables)
}

/// The most prompts one completions request may hold.
pub const MAX_PROMPTS: usize = 16;

/// One engine request per prompt (a list of prompts is answered prompt by
/// prompt, `n` times each).
pub fn completion(
    body: CompletionRequest,
    settings: &Settings,
) -> Result<(Vec<GenerateRequest>, Delivery), ApiError> {
    refuse_unhonoured(Endpoint::Completions, &body.other)?;
    let prompts = completion_prompts(body.prompt)?;
    let mut template = generate(PromptInput::Raw(String::new()), body.sampling, settings)?;
    template.constraint = constraint(body.constraint)?;
    template.logprobs = match body.logprobs {
        None => None,
        Some(k) if (0..=i64::from(MAX_TOP_LOGPROBS)).contains(&k) => Some(k as u8),
        Some(k) => {
            return Err(ApiError::invalid(
                "logprobs",
                format!("logprobs (alternatives per token) must be between 0 and {MAX_TOP_LOGPROBS}, got {k}"),
            ))
        }
    };
    let mut delivery = Delivery::new(body.stream, body.stream_options);
    delivery.choices = choices(body.n)?;
    let requests = prompts
        .into_iter()
        .map(|prompt| GenerateRequest {
            prompt,
            cancel: Arc::new(AtomicBool::new(false)),
            ..template.clone()
        })
        .collect();
    Ok((requests, delivery))
}

/// The prompts of a completions request, each checked.
fn completion_prompts(prompt: CompletionPrompt) -> Result<Vec<PromptInput>, ApiError> {
    let prompts: Vec<PromptInput> = match prompt {
        CompletionPrompt::Text(text) => vec![PromptInput::Raw(text)],
        CompletionPrompt::Texts(texts) => texts.into_iter().map(PromptInput::Raw).collect(),
        CompletionPrompt::Tokens(tokens) => vec![token_prompt(tokens)?],
        CompletionPrompt::TokenLists(lists) => lists
            .into_iter()
            .map(token_prompt)
            .collect::<Result<_, _>>()?,
    };
    let empty = |p: &PromptInput| match p {
        PromptInput::Raw(text) => text.is_empty(),
        PromptInput::Tokens(tokens) => tokens.is_empty(),
        PromptInput::Chat(messages) => messages.is_empty(),
    };
    if prompts.is_empty() || prompts.iter().any(empty) {
        return Err(ApiError::invalid("prompt", "`prompt` must not be empty"));
    }
    if prompts.len() > MAX_PROMPTS {
        return Err(ApiError::invalid(
            "prompt",
            format!(
                "at most {MAX_PROMPTS} prompts per request, got {}",
                prompts.len()
            ),
        ));
    }
    Ok(prompts)
}

fn token_prompt(tokens: Vec<i64>) -> Result<PromptInput, ApiError> {
    tokens
        .into_iter()
        .map(|t| {
            i32::try_from(t)
                .ok()
                .filter(|t| *t >= 0)
                .ok_or_else(|| ApiError::invalid("prompt", format!("`{t}` is not a token id")))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(PromptInput::Tokens)
}

/// OpenAI's `n`, checked.
fn choices(n: Option<i64>) -> Result<usize, ApiError> {
    match n {
        None => Ok(1),
        Some(n) if (1..=MAX_CHOICES).contains(&n) => Ok(n as usize),
        Some(n) => Err(ApiError::invalid(
            "n",
            format!("n must be between 1 and {MAX_CHOICES}, got {n}"),
        )),
    }
}

/// `logprobs` and `top_logprobs`: how many alternatives to report per
/// token, or `None` for no log-probabilities.
fn logprobs(logprobs: Option<bool>, top: Option<i64>) -> Result<Option<u8>, ApiError> {
    let most = i64::from(MAX_TOP_LOGPROBS);
    match (logprobs.unwrap_or(false), top) {
        (_, Some(k)) if !(0..=most).contains(&k) => Err(ApiError::invalid(
            "top_logprobs",
            format!("top_logprobs must be between 0 and {most}, got {k}"),
        )),
        (false, None | Some(0)) => Ok(None),
        (false, Some(_)) => Err(ApiError::invalid(
            "top_logprobs",
            "top_logprobs needs `logprobs: true`",
        )),
        (true, top) => Ok(Some(top.unwrap_or(0) as u8)),
    }
}

/// The one constraint the request asks for, if any, checked: a schema the
/// converter cannot handle is refused naming its field. (A grammar's
/// syntax is checked by the engine, against the model's vocabulary.)
fn constraint(fields: ConstraintFields) -> Result<Option<Constraint>, ApiError> {
    let mut asked = Vec::new();
    match fields.response_format.filter(|v| !v.is_null()) {
        None => {}
        Some(value) => match serde_json::from_value::<ResponseFormat>(value) {
            Err(e) => {
                return Err(ApiError::invalid(
                    "response_format",
                    format!("response_format is not one of text, json_object, json_schema: {e}"),
                ))
            }
            Ok(ResponseFormat::Text) => {}
            Ok(ResponseFormat::JsonObject) => {
                asked.push(("response_format", Constraint::JsonObject))
            }
            Ok(ResponseFormat::JsonSchema { json_schema }) => {
                let schema = json_schema.schema.ok_or_else(|| {
                    ApiError::invalid(
                        "response_format",
                        "response_format.json_schema has no `schema`",
                    )
                })?;
                asked.push(("response_format", Constraint::JsonSchema(schema)));
            }
        },
    }
    if let Some(grammar) = fields.grammar {
        asked.push(("grammar", Constraint::Grammar(grammar)));
    }
    if let Some(schema) = fields.json_schema {
        asked.push(("json_schema", Constraint::JsonSchema(schema)));
    }
    if asked.len() > 1 {
        let names: Vec<&str> = asked.iter().map(|(field, _)| *field).collect();
        return Err(ApiError::invalid(
            asked[1].0,
            format!("give one of {}, not several", names.join(", ")),
        ));
    }
    match asked.pop() {
        None => Ok(None),
        Some((field, constraint)) => {
            constraint
                .to_grammar()
                .map_err(|e| ApiError::invalid(field, format!("{field}: {e}")))?;
            Ok(Some(constraint))
        }
    }
}

fn generate(
    prompt: PromptInput,
    fields: SamplingFields,
    settings: &Settings,
) -> Result<GenerateRequest, ApiError> {
    let max_tokens = match fields.max_completion_tokens.or(fields.max_tokens) {
        None => settings.max_tokens,
        Some(n) if keys::bounds(keys::MAX_TOKENS).contains(n as f64) => n as u32,
        Some(n) => {
            return Err(ApiError::invalid(
                "max_tokens",
                format!("max_tokens must be at least 1, got {n}"),
            ))
        }
    };
    let sampling = SamplingParams {
        temperature: setting(keys::TEMPERATURE, fields.temperature)?
            .unwrap_or(settings.temperature),
        top_p: setting(keys::TOP_P, fields.top_p)?.unwrap_or(settings.top_p),
        top_k: match fields.top_k {
            None => settings.top_k,
            Some(k) if keys::bounds(keys::TOP_K).contains(k as f64) => k as u32,
            Some(k) => {
                return Err(ApiError::invalid(
                    "top_k",
                    format!("top_k must be 0 or more, got {k}"),
                ))
            }
        },
        min_p: setting(keys::MIN_P, fields.min_p)?.unwrap_or(settings.min_p),
        repeat_penalty: setting(keys::REPEAT_PENALTY, fields.repeat_penalty)?
            .unwrap_or(settings.repeat_penalty),
        presence_penalty: ranged("presence_penalty", fields.presence_penalty, PENALTY)?
            .unwrap_or(0.0),
        frequency_penalty: ranged("frequency_penalty", fields.frequency_penalty, PENALTY)?
            .unwrap_or(0.0),
        seed: match fields.seed {
            Some(seed) if seed >= 0 => seed as u32,
            _ => settings.seed.unwrap_or_else(crate::engine::random_seed),
        },
    };
    let stop = fields.stop.map(|s| s.into_vec()).unwrap_or_default();
    if stop.len() > MAX_STOPS || stop.iter().any(String::is_empty) {
        return Err(ApiError::invalid(
            "stop",
            format!("stop takes at most {MAX_STOPS} non-empty strings"),
        ));
    }
    Ok(GenerateRequest {
        prompt,
        max_tokens,
        stop,
        sampling,
        cancel: Arc::new(AtomicBool::new(false)),
        constraint: None,
        logprobs: None,
        tools: None,
        logit_bias: logit_bias(fields.logit_bias)?,
        template_variables: Map::new(),
    })
}

/// The most tokens one `logit_bias` may name (OpenAI's limit).
const MAX_BIASED_TOKENS: usize = 300;

/// `{"token id": bias}` with biases from -100 to 100. (Whether each token
/// is in the vocabulary is checked by the engine, which knows it.)
fn logit_bias(value: Option<Value>) -> Result<Vec<(i32, f32)>, ApiError> {
    let bad = |message: String| ApiError::invalid("logit_bias", message);
    let map = match value {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Object(map)) => map,
        Some(other) => {
            return Err(bad(format!(
                "logit_bias maps token ids to biases, e.g. {{\"42\": -100}}, not `{other}`"
            )))
        }
    };
    if map.len() > MAX_BIASED_TOKENS {
        return Err(bad(format!(
            "logit_bias names at most {MAX_BIASED_TOKENS} tokens, got {}",
            map.len()
        )));
    }
    map.iter()
        .map(|(token, bias)| {
            let id = token
                .parse::<i32>()
                .ok()
                .filter(|id| *id >= 0)
                .ok_or_else(|| bad(format!("logit_bias key `{token}` is not a token id")))?;
            match bias.as_f64() {
                Some(b) if (-100.0..=100.0).contains(&b) => Ok((id, b as f32)),
                _ => Err(bad(format!(
                    "logit_bias[{token}] must be a number from -100 to 100, got {bias}"
                ))),
            }
        })
        .collect()
}

/// OpenAI's range for the presence and frequency penalties, which have no
/// setting of their own.
const PENALTY: (f64, f64) = (-2.0, 2.0);

/// A request field that overrides the setting `key`, checked against the
/// setting's range.
fn setting(key: &'static str, value: Option<f64>) -> Result<Option<f32>, ApiError> {
    let bounds = keys::bounds(key);
    ranged(key, value, (bounds.min, bounds.max))
}

fn ranged(
    param: &'static str,
    value: Option<f64>,
    (min, max): (f64, f64),
) -> Result<Option<f32>, ApiError> {
    match value {
        None => Ok(None),
        Some(v) if v.is_finite() && (min..=max).contains(&v) => Ok(Some(v as f32)),
        Some(v) => Err(ApiError::invalid(
            param,
            format!("{param} must be between {min} and {max}, got {v}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::response::IntoResponse;
    use serde_json::json;

    #[test]
    fn a_field_of_the_wrong_type_is_named() {
        let body = br#"{"messages": [], "temperature": "hot"}"#;
        let err = parse_json::<ChatCompletionRequest>(body).unwrap_err();
        assert!(
            err.message.contains("`temperature`: invalid type"),
            "{}",
            err.message
        );
        assert_eq!(err.param.as_deref(), Some("temperature"));
        let err = parse_json::<ChatCompletionRequest>(b"{\"messages\": []} x").unwrap_err();
        assert!(
            err.message.contains("trailing characters"),
            "{}",
            err.message
        );
        assert!(err.param.is_none());
    }

    fn chat_with(extra: Value) -> Result<(GenerateRequest, Delivery), ApiError> {
        let mut body = json!({"messages": [{"role": "user", "content": "Hi"}]});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let body = parse_json::<ChatCompletionRequest>(body.to_string().as_bytes())?;
        chat(body, &Settings::defaults())
    }

    #[test]
    fn every_field_is_honoured_ignored_as_a_label_or_refused_by_name() {
        let accepted = [
            json!({"user": "me", "metadata": {"a": "b"}, "store": true, "service_tier": "auto"}),
            json!({"n": 1, "logprobs": false, "top_logprobs": null, "logit_bias": {}}),
            json!({"tools": [], "tool_choice": "none", "parallel_tool_calls": true}),
            json!({"response_format": {"type": "text"}, "modalities": ["text"]}),
            json!({"response_format": {"type": "json_object"}}),
            json!({"grammar": "root ::= \"a\""}),
            json!({"cache_prompt": true, "reasoning_effort": "high"}),
            json!({"reasoning_effort": null, "chat_template_kwargs": {"enable_thinking": false}}),
        ];
        for extra in accepted {
            assert!(chat_with(extra.clone()).is_ok(), "{extra}");
        }
        let refused = [
            (json!({"functions": [{"name": "f"}]}), "functions"),
            (json!({"function_call": "f"}), "function_call"),
            (json!({"verbosity": "high"}), "verbosity"),
            (json!({"mirostat": 2}), "mirostat"),
        ];
        for (extra, field) in refused {
            let error = chat_with(extra.clone()).unwrap_err();
            assert_eq!(
                error.kind,
                super::super::error::ErrorKind::UnsupportedField,
                "{extra}"
            );
            assert_eq!(error.param.as_deref(), Some(field), "{extra}");
            assert!(
                error.message.contains(&format!("`{field}`")),
                "{}",
                error.message
            );
        }
    }

    #[test]
    fn completions_refuse_what_they_cannot_do() {
        let complete = |extra: Value| {
            let mut body = json!({"prompt": "Hi"});
            body.as_object_mut()
                .unwrap()
                .extend(extra.as_object().unwrap().clone());
            let body = parse_json::<CompletionRequest>(body.to_string().as_bytes())?;
            completion(body, &Settings::defaults())
        };
        assert!(complete(json!({"echo": false, "suffix": "", "best_of": 1, "user": "x"})).is_ok());
        for field in ["echo", "suffix", "best_of", "tools"] {
            let value = match field {
                "echo" => json!(true),
                "suffix" => json!("end"),
                "best_of" => json!(3),
                _ => json!([]),
            };
            let error = complete(json!({ field: value })).unwrap_err();
            assert_eq!(error.param.as_deref(), Some(field));
        }
    }

    #[test]
    fn constraints_are_checked_and_named() {
        let schema = json!({"type": "object", "properties": {"a": {"type": "integer"}}});
        let (request, _) = chat_with(json!({"response_format": {
            "type": "json_schema", "json_schema": {"name": "x", "schema": schema, "strict": true}
        }}))
        .unwrap();
        assert_eq!(request.constraint, Some(Constraint::JsonSchema(schema)));
        let (request, _) = chat_with(json!({"json_schema": {"type": "object"}})).unwrap();
        assert!(matches!(
            request.constraint,
            Some(Constraint::JsonSchema(_))
        ));
        let refused = [
            (
                json!({"response_format": {"type": "xml"}}),
                "response_format",
            ),
            (
                json!({"response_format": {"type": "json_schema", "json_schema": {"name": "x"}}}),
                "response_format",
            ),
            (
                json!({"response_format": {"type": "json_schema", "json_schema": {"name": "x", "schema": 7}}}),
                "response_format",
            ),
            (json!({"json_schema": "not a schema"}), "json_schema"),
            (json!({"grammar": ""}), "grammar"),
            (
                json!({"grammar": "root ::= \"a\"", "json_schema": {}}),
                "json_schema",
            ),
        ];
        for (extra, field) in refused {
            let error = chat_with(extra.clone()).unwrap_err();
            assert_eq!(
                error.param.as_deref(),
                Some(field),
                "{extra}: {}",
                error.message
            );
            assert!(error.into_response().status().is_client_error());
        }
    }

    #[test]
    fn logprobs_ask_for_alternatives_within_bounds() {
        let asked = |extra: Value| chat_with(extra).map(|(request, _)| request.logprobs);
        assert_eq!(asked(json!({})).unwrap(), None);
        assert_eq!(asked(json!({"logprobs": true})).unwrap(), Some(0));
        assert_eq!(
            asked(json!({"logprobs": true, "top_logprobs": 20})).unwrap(),
            Some(20)
        );
        assert_eq!(
            asked(json!({"logprobs": false, "top_logprobs": 0})).unwrap(),
            None
        );
        assert!(asked(json!({"logprobs": "yes"})).is_err());
        for extra in [
            json!({"top_logprobs": 3}),
            json!({"logprobs": true, "top_logprobs": 21}),
        ] {
            let error = asked(extra.clone()).unwrap_err();
            assert_eq!(error.param.as_deref(), Some("top_logprobs"), "{extra}");
        }
    }
}
