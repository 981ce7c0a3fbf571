//! A client for OpenAI-compatible servers (flashchat's own, llama.cpp's
//! llama-server, or a remote endpoint): streamed chat and text completions.

mod sse;

use std::io::BufReader;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::engine::{Completion, FinishReason, Message, SamplingParams, Timings, Usage};
use sse::{SseData, SseReader};

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("cannot reach {url}: {reason}")]
    Unreachable { url: String, reason: String },
    #[error("the server answered {status}: {message}")]
    Api {
        status: u16,
        /// The error's machine-readable `code`, when the server sent one.
        code: Option<String>,
        message: String,
    },
    #[error("the server sent something that is not an OpenAI stream: {0}")]
    Protocol(String),
}

/// What to ask for.
pub struct ClientRequest<'a> {
    /// Chat messages, or `None` for a raw text completion of `raw`.
    pub messages: Option<&'a [Message]>,
    pub raw: Option<&'a str>,
    pub max_tokens: u32,
    pub sampling: &'a SamplingParams,
    pub stop: &'a [String],
}

/// The server's root (what `/health` hangs off) for an API base such as
/// `http://127.0.0.1:8000/v1`.
fn server_root(base: &str) -> &str {
    let base = base.trim_end_matches('/');
    base.strip_suffix("/v1").unwrap_or(base)
}

/// `GET /health` of the server whose API base is `base`: its status code
/// and JSON body (`Null` when the body is not JSON), or `None` when nothing
/// answers within `timeout`. `/health` needs no API key. The one health
/// check for starting, switching and `status`.
pub fn health(base: &str, timeout: Duration) -> Option<(u16, Value)> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(timeout))
        .build()
        .into();
    let mut response = agent
        .get(format!("{}/health", server_root(base)))
        .call()
        .ok()?;
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap_or_default();
    Some((status, serde_json::from_str(&text).unwrap_or(Value::Null)))
}

pub struct Client {
    base: String,
    api_key: Option<String>,
    agent: ureq::Agent,
}

impl Client {
    /// `base` is the API root, e.g. `http://127.0.0.1:8000/v1`.
    pub fn new(base: &str, api_key: Option<String>) -> Self {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(5)))
            .build()
            .into();
        Self {
            base: base.trim_end_matches('/').to_string(),
            api_key,
            agent,
        }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// Streams a completion: `on_text` receives each piece of the answer;
    /// an `Interrupted` error from it stops the stream as cancelled.
    pub fn stream(
        &self,
        request: &ClientRequest,
        mut on_text: impl FnMut(&str) -> std::io::Result<()>,
    ) -> anyhow::Result<Completion> {
        let (path, body) = self.body(request);
        let url = format!("{}{path}", self.base);
        let started = Instant::now();
        let mut call = self
            .agent
            .post(&url)
            .header("Accept", "text/event-stream")
            .header("Content-Type", "application/json");
        if let Some(key) = &self.api_key {
            call = call.header("Authorization", format!("Bearer {key}"));
        }
        let response =
            call.send(body.to_string().as_bytes())
                .map_err(|e| ClientError::Unreachable {
                    url: url.clone(),
                    reason: e.to_string(),
                })?;
        let status = response.status().as_u16();
        if status != 200 {
            let text = response.into_body().read_to_string().unwrap_or_default();
            return Err(api_error(status, &text).into());
        }
        let mut events = SseReader::new(BufReader::new(response.into_body().into_reader()));
        let mut state = StreamTally::new(started);
        while let Some(event) = events.next_event()? {
            let SseData::Data(data) = event else { break };
            let chunk: Value = serde_json::from_str(&data)
                .map_err(|e| ClientError::Protocol(format!("{e}: {data}")))?;
            if chunk.get("error").is_some() {
                return Err(api_error(status, &data).into());
            }
            if let Some(text) = state.absorb(&chunk) {
                match on_text(&text) {
                    Ok(()) => {}
                    // The caller stopped it (Ctrl-C): report what arrived.
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                        state.finish = Some(FinishReason::Cancelled);
                        return Ok(state.completion());
                    }
                    Err(e) => return Err(e.into()),
                }
            }
        }
        Ok(state.completion())
    }

    /// Asks the server (flashchat's own) to switch to the GGUF at `path`,
    /// and waits until it serves it. `tick` runs while waiting.
    pub fn switch_model(
        &self,
        path: &std::path::Path,
        name: &str,
        mut tick: impl FnMut(),
    ) -> Result<(), ClientError> {
        let body = json!({ "path": path, "name": name });
        let (status, answer) = self.post_json("/admin/model", &body)?;
        if status != 202 {
            return Err(api_error(status, &answer.to_string()));
        }
        loop {
            std::thread::sleep(Duration::from_millis(100));
            tick();
            let (_, health) = health(&self.base, Duration::from_secs(5)).ok_or_else(|| {
                ClientError::Unreachable {
                    url: format!("{}/health", server_root(&self.base)),
                    reason: "no answer".into(),
                }
            })?;
            if health.get("loading_model").is_some() {
                continue;
            }
            if let Some(error) = health.get("switch_error").and_then(Value::as_str) {
                return Err(ClientError::Api {
                    status: 500,
                    code: None,
                    message: error.to_string(),
                });
            }
            if health.get("model").and_then(Value::as_str) == Some(name) {
                return Ok(());
            }
        }
    }

    /// A JSON POST on the server's root (the API base without `/v1`).
    fn post_json(&self, path: &str, body: &Value) -> Result<(u16, Value), ClientError> {
        let url = format!("{}{path}", server_root(&self.base));
        let unreachable = |e: ureq::Error| ClientError::Unreachable {
            url: url.clone(),
            reason: e.to_string(),
        };
        let mut call = self
            .agent
            .post(&url)
            .header("Content-Type", "application/json");
        if let Some(key) = &self.api_key {
            call = call.header("Authorization", format!("Bearer {key}"));
        }
        let response = call
            .send(body.to_string().as_bytes())
            .map_err(unreachable)?;
        let status = response.status().as_u16();
        let text = response.into_body().read_to_string().unwrap_or_default();
        let value = serde_json::from_str(&text).unwrap_or(Value::String(text));
        Ok((status, value))
    }

    fn body(&self, request: &ClientRequest) -> (&'static str, Value) {
        let s = request.sampling;
        let mut body = json!({
            "max_tokens": request.max_tokens,
            "temperature": s.temperature,
            "top_p": s.top_p,
            "seed": s.seed,
            "stream": true,
            "stream_options": {"include_usage": true},
        });
        if !request.stop.is_empty() {
            body["stop"] = json!(request.stop);
        }
        // Not part of OpenAI's API; servers that know them (flashchat,
        // llama-server) use them, others ignore them.
        body["top_k"] = json!(s.top_k);
        body["min_p"] = json!(s.min_p);
        body["repeat_penalty"] = json!(s.repeat_penalty);
        match (request.messages, request.raw) {
            (Some(messages), _) => {
                body["messages"] = json!(messages);
                ("/chat/completions", body)
            }
            (None, raw) => {
                body["prompt"] = json!(raw.unwrap_or_default());
                ("/completions", body)
            }
        }
    }
}

/// The error message inside an OpenAI error body, or the body itself.
/// The API error in a response body: OpenAI's `{"error": {"message",
/// "code", "type"}}`, a bare `{"error": "text"}`, or any text.
fn api_error(status: u16, text: &str) -> ClientError {
    let value = serde_json::from_str::<Value>(text).ok();
    let error = value.as_ref().and_then(|v| v.get("error"));
    // Servers put the situation in `code` or, like llama-server for context
    // errors, in `type`.
    let code = error.and_then(|e| {
        e.get("code")
            .and_then(Value::as_str)
            .or_else(|| e.get("type").and_then(Value::as_str))
            .map(str::to_string)
    });
    ClientError::Api {
        status,
        code,
        message: error_message(text),
    }
}

/// The message of an API error body, or the body's text.
fn error_message(text: &str) -> String {
    serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| {
            let error = v.get("error")?;
            error
                .get("message")
                .and_then(Value::as_str)
                .map(str::to_string)
                .or_else(|| error.as_str().map(str::to_string))
        })
        .unwrap_or_else(|| text.trim().chars().take(300).collect())
}

impl ClientError {
    /// Whether the server said the prompt does not fit its context window.
    pub fn is_context_overflow(&self) -> bool {
        matches!(self, ClientError::Api { code: Some(code), .. } if code == crate::engine::CONTEXT_OVERFLOW_CODE)
    }
}

/// Counts and times a stream as it arrives.
struct StreamTally {
    started: Instant,
    first: Option<Instant>,
    last: Option<Instant>,
    pieces: u32,
    finish: Option<FinishReason>,
    usage: Option<Usage>,
    /// The server's own timings, when it sends them.
    timings: Option<Timings>,
}

impl StreamTally {
    fn new(started: Instant) -> Self {
        Self {
            started,
            first: None,
            last: None,
            pieces: 0,
            finish: None,
            usage: None,
            timings: None,
        }
    }

    /// Takes in one chunk; returns its answer text, if it has any.
    fn absorb(&mut self, chunk: &Value) -> Option<String> {
        if let Some(usage) = chunk.get("usage").filter(|u| !u.is_null()) {
            self.usage = serde_json::from_value(usage.clone()).ok();
        }
        if let Some(timings) = chunk.get("timings").filter(|t| t.is_object()) {
            self.timings = serde_json::from_value(timings.clone()).ok();
        }
        let choice = chunk.get("choices")?.get(0)?;
        match choice.get("finish_reason").and_then(Value::as_str) {
            Some("length") => self.finish = Some(FinishReason::Length),
            Some(_) => self.finish = Some(FinishReason::Stop),
            None => {}
        }
        let text = choice
            .get("delta")
            .and_then(|d| d.get("content"))
            .or_else(|| choice.get("text"))
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty())?;
        let now = Instant::now();
        self.first.get_or_insert(now);
        self.last = Some(now);
        self.pieces += 1;
        Some(text.to_string())
    }

    fn completion(&self) -> Completion {
        let usage = self.usage.unwrap_or(Usage {
            prompt_tokens: 0,
            completion_tokens: self.pieces,
            total_tokens: self.pieces,
        });
        let ms = |a: Instant, b: Instant| b.saturating_duration_since(a).as_secs_f64() * 1000.0;
        let first = self.first.unwrap_or(self.started);
        let generation_ms = ms(first, self.last.unwrap_or(first));
        let tokens_after_first = usage.completion_tokens.saturating_sub(1) as f64;
        let measured = Timings {
            generation_ms,
            generation_tokens_per_second: if generation_ms > 0.0 {
                tokens_after_first * 1000.0 / generation_ms
            } else {
                0.0
            },
            ..Timings::default()
        };
        Completion {
            finish_reason: self.finish.unwrap_or(FinishReason::Stop),
            usage,
            timings: Timings {
                // As the client saw it, network included.
                ttft_ms: ms(self.started, first),
                ..self.timings.unwrap_or(measured)
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies_keep_their_code() {
        let body =
            r#"{"error":{"message":"too long","type":"exceed_context_size_error","code":400}}"#;
        assert!(api_error(400, body).is_context_overflow());
        let ours = r#"{"error":{"message":"m","type":"exceed_context_size_error","code":"exceed_context_size_error"}}"#;
        assert!(api_error(400, ours).is_context_overflow());
        let other = api_error(503, r#"{"error":{"message":"busy","code":"queue_full"}}"#);
        assert!(!other.is_context_overflow());
        assert!(matches!(other, ClientError::Api { code: Some(c), .. } if c == "queue_full"));
    }

    #[test]
    fn error_bodies_yield_their_message() {
        assert_eq!(
            error_message(r#"{"error":{"message":"bad key","type":"x"}}"#),
            "bad key"
        );
        assert_eq!(error_message("plain failure\n"), "plain failure");
    }

    #[test]
    fn chunks_are_tallied() {
        let mut t = StreamTally::new(Instant::now());
        let text = t.absorb(&json!({"choices":[{"delta":{"role":"assistant","content":""}}]}));
        assert_eq!(text, None);
        let text = t.absorb(&json!({"choices":[{"delta":{"content":"Hi"},"finish_reason":null}]}));
        assert_eq!(text.as_deref(), Some("Hi"));
        t.absorb(&json!({"choices":[{"delta":{},"finish_reason":"length"}]}));
        t.absorb(&json!({"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}));
        let done = t.completion();
        assert_eq!(done.finish_reason, FinishReason::Length);
        assert_eq!(done.usage.prompt_tokens, 3);
    }
}
