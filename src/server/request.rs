//! Checking a request body field by field and turning it into an engine
//! request, with the server's settings filling in what the client left out.

use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use super::error::ApiError;
use crate::engine::{GenerateRequest, Message, PromptInput, Role, SamplingParams};
use crate::settings::{keys, Settings};
use crate::wire::openai::{
    ChatCompletionRequest, CompletionRequest, SamplingFields, StreamOptions,
};

/// How the response is delivered.
#[derive(Debug, Clone, Copy)]
pub struct Delivery {
    pub stream: bool,
    pub include_usage: bool,
}

impl Delivery {
    fn new(stream: bool, options: Option<StreamOptions>) -> Self {
        Self {
            stream,
            include_usage: options.is_some_and(|o| o.include_usage),
        }
    }
}

const MAX_STOPS: usize = 16;

/// A request body as `T`, or a 400 that says what is wrong with it.
pub fn parse_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(bytes)
        .map_err(|e| ApiError::bad_body(format!("the body is not a valid request: {e}")))
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
    let mut messages = Vec::with_capacity(body.messages.len() + 1);
    let has_system = body
        .messages
        .iter()
        .any(|m| Role::from_api(&m.role) == Some(Role::System));
    if let (false, Some(system)) = (has_system, &settings.system_prompt) {
        messages.push(Message::new(Role::System, system.clone()));
    }
    for (i, message) in body.messages.into_iter().enumerate() {
        let role = match Role::from_api(&message.role) {
            Some(role) => role,
            None => {
                let other = &message.role;
                return Err(ApiError::invalid(
                    "messages",
                    format!(
                    "messages[{i}].role `{other}` is not one of system, developer, user, assistant"
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
        messages.push(Message::new(role, content));
    }
    let request = generate(PromptInput::Chat(messages), body.sampling, settings)?;
    Ok((request, Delivery::new(body.stream, body.stream_options)))
}

pub fn completion(
    body: CompletionRequest,
    settings: &Settings,
) -> Result<(GenerateRequest, Delivery), ApiError> {
    if body.prompt.is_empty() {
        return Err(ApiError::invalid("prompt", "`prompt` must not be empty"));
    }
    let request = generate(PromptInput::Raw(body.prompt), body.sampling, settings)?;
    Ok((request, Delivery::new(body.stream, body.stream_options)))
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
    })
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
