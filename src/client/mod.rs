//! A client for OpenAI-compatible servers (flashchat's own, llama.cpp's
//! llama-server, or a remote endpoint): streamed chat and text completions.

mod sse;

use std::io::BufReader;
use std::time::{Duration, Instant};

use crate::engine::text::{THINK_CLOSE, THINK_OPEN};
use crate::engine::{
    Completion, Constraint, FinishReason, Message, SamplingParams, Timings, ToolCall, ToolChoice,
    ToolUse, Usage,
};
use crate::wire::admin::{Health, SwitchRequest};
use crate::wire::openai::{
    ChatChunk, ChatCompletionRequest, ChatMessage, CompletionPrompt, CompletionRequest,
    ConstraintFields, ErrorBody, JsonSchemaFormat, ResponseFormat, SamplingFields, StopSpec,
    StreamEvent, StreamOptions, TextCompletion, ToolCallDelta,
};
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
    pub constraint: Option<&'a Constraint>,
    /// Tools the model may call (chat requests only).
    pub tools: Option<&'a ToolUse>,
}

/// A streamed answer: how it went, and the tools it calls.
#[derive(Debug)]
pub struct Streamed {
    pub completion: Completion,
    pub tool_calls: Vec<ToolCall>,
}

/// The server's root (what `/health` hangs off) for an API base such as
/// `http://127.0.0.1:8000/v1`.
fn server_root(base: &str) -> &str {
    let base = base.trim_end_matches('/');
    base.strip_suffix("/v1").unwrap_or(base)
}

/// `GET /health` of the server whose API base is `base`: its status code
/// and report (`None` while the first model loads, or from a server that
/// is not flashchat's), or `None` when nothing answers within `timeout`.
/// `/health` needs no API key. The one health check for starting,
/// switching and `status`.
pub fn health(base: &str, timeout: Duration) -> Option<(u16, Option<Health>)> {
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
    Some((status, serde_json::from_str(&text).ok()))
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
        on_text: impl FnMut(&str) -> std::io::Result<()>,
    ) -> anyhow::Result<Streamed> {
        let (path, body) = body(request);
        self.stream_body(path, &body, request.messages.is_some(), on_text)
    }

    /// Streams a chat completion whose request body the caller wrote
    /// (`flashchat batch` passes records through as they are); `stream`
    /// and `stream_options` are set here.
    pub fn stream_chat_json(
        &self,
        mut body: serde_json::Map<String, serde_json::Value>,
        on_text: impl FnMut(&str) -> std::io::Result<()>,
    ) -> anyhow::Result<Streamed> {
        body.insert("stream".into(), true.into());
        body.insert(
            "stream_options".into(),
            serde_json::json!({"include_usage": true}),
        );
        let body = serde_json::Value::Object(body).to_string();
        self.stream_body("/chat/completions", &body, true, on_text)
    }

    fn stream_body(
        &self,
        path: &str,
        body: &str,
        chat: bool,
        mut on_text: impl FnMut(&str) -> std::io::Result<()>,
    ) -> anyhow::Result<Streamed> {
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
        let response = call
            .send(body.as_bytes())
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
            let piece = if chat {
                read_event::<ChatChunk>(&data, status)?.into()
            } else {
                read_event::<TextCompletion>(&data, status)?.into()
            };
            if let Some(text) = state.absorb(piece) {
                match on_text(&text) {
                    Ok(()) => {}
                    // The caller stopped it (Ctrl-C): report what arrived.
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                        state.finish = Some(FinishReason::Cancelled);
                        return Ok(state.streamed());
                    }
                    Err(e) => return Err(e.into()),
                }
            }
        }
        Ok(state.streamed())
    }

    /// Asks the server (flashchat's own) to switch to the GGUF at `path`,
    /// and waits until it serves it. `tick` runs while waiting.
    pub fn switch_model(
        &self,
        path: &std::path::Path,
        name: &str,
        mut tick: impl FnMut(),
    ) -> Result<(), ClientError> {
        let body = SwitchRequest {
            path: path.to_path_buf(),
            name: Some(name.to_string()),
        };
        let (status, answer) = self.post_json("/admin/model", &body)?;
        if status != 202 {
            return Err(api_error(status, &answer));
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
            let Some(health) = health else { continue };
            if health.loading_model.is_some() {
                continue;
            }
            if let Some(error) = health.switch_error {
                return Err(ClientError::Api {
                    status: 500,
                    code: None,
                    message: error,
                });
            }
            if health.model == name {
                return Ok(());
            }
        }
    }

    /// Asks flashchat's own server to unload `model` now.
    pub fn unload(&self, model: &str) -> Result<(), ClientError> {
        let body = crate::wire::admin::UnloadRequest {
            model: model.to_string(),
        };
        let (status, answer) = self.post_json("/admin/unload", &body)?;
        if status != 200 {
            return Err(api_error(status, &answer));
        }
        Ok(())
    }

    /// Embeds `inputs` through the server's `/embeddings`: one vector each,
    /// in order, and the tokens they were.
    pub fn embed(&self, inputs: &[String]) -> Result<(Vec<Vec<f32>>, usize), ClientError> {
        #[derive(serde::Deserialize)]
        struct Item {
            index: usize,
            embedding: Vec<f32>,
        }
        #[derive(serde::Deserialize)]
        struct Usage {
            #[serde(default)]
            prompt_tokens: usize,
        }
        #[derive(serde::Deserialize)]
        struct List {
            data: Vec<Item>,
            usage: Option<Usage>,
        }
        let url = format!("{}/embeddings", self.base);
        let (status, answer) = self.post_to(&url, &serde_json::json!({ "input": inputs }))?;
        if status != 200 {
            return Err(api_error(status, &answer));
        }
        let mut list: List = serde_json::from_str(&answer).map_err(|e| ClientError::Api {
            status,
            code: None,
            message: format!("the server's embeddings could not be read: {e}"),
        })?;
        list.data.sort_by_key(|item| item.index);
        let tokens = list.usage.map_or(0, |u| u.prompt_tokens);
        Ok((list.data.into_iter().map(|i| i.embedding).collect(), tokens))
    }

    /// A JSON POST on the server's root (the API base without `/v1`).
    fn post_json(
        &self,
        path: &str,
        body: &impl serde::Serialize,
    ) -> Result<(u16, String), ClientError> {
        let url = format!("{}{path}", server_root(&self.base));
        self.post_to(&url, body)
    }

    fn post_to(
        &self,
        url: &str,
        body: &impl serde::Serialize,
    ) -> Result<(u16, String), ClientError> {
        let url = url.to_string();
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
        let body = serde_json::to_string(body).unwrap_or_default();
        let response = call.send(body.as_bytes()).map_err(unreachable)?;
        let status = response.status().as_u16();
        let text = response.into_body().read_to_string().unwrap_or_default();
        Ok((status, text))
    }
}

/// The sampling fields of a request for these settings.
fn sampling_fields(s: &SamplingParams, max_tokens: u32, stop: &[String]) -> SamplingFields {
    SamplingFields {
        max_tokens: Some(max_tokens.into()),
        temperature: Some(wide(s.temperature)),
        top_p: Some(wide(s.top_p)),
        top_k: Some(s.top_k.into()),
        min_p: Some(wide(s.min_p)),
        repeat_penalty: Some(wide(s.repeat_penalty)),
        seed: Some(s.seed.into()),
        stop: (!stop.is_empty()).then(|| StopSpec::Many(stop.to_vec())),
        ..SamplingFields::default()
    }
}

/// A chat request's sampling and constraint fields for these settings, as
/// JSON (what `flashchat batch` gives a record that leaves them out).
pub fn chat_fields(
    sampling: &SamplingParams,
    max_tokens: u32,
    constraint: Option<&Constraint>,
) -> serde_json::Map<String, serde_json::Value> {
    let mut fields = serde_json::Map::new();
    let parts = [
        serde_json::to_value(sampling_fields(sampling, max_tokens, &[])),
        serde_json::to_value(constraint_fields(constraint, true)),
    ];
    for part in parts {
        if let Ok(serde_json::Value::Object(part)) = part {
            fields.extend(part);
        }
    }
    fields
}

/// The request body as JSON, and the endpoint it goes to.
fn body(request: &ClientRequest) -> (&'static str, String) {
    let sampling = sampling_fields(request.sampling, request.max_tokens, request.stop);
    let stream_options = Some(StreamOptions {
        include_usage: true,
    });
    let (path, body) = match (request.messages, request.raw) {
        (Some(messages), _) => (
            "/chat/completions",
            serde_json::to_string(&ChatCompletionRequest {
                model: None,
                messages: messages.iter().map(ChatMessage::from).collect(),
                stream: true,
                stream_options,
                n: None,
                logprobs: None,
                top_logprobs: None,
                tools: request.tools.map(|t| {
                    serde_json::Value::Array(t.tools.iter().map(|t| t.to_openai()).collect())
                }),
                tool_choice: request.tools.map(|t| tool_choice(&t.choice)),
                parallel_tool_calls: request.tools.map(|t| t.parallel.into()),
                reasoning_effort: None,
                chat_template_kwargs: None,
                keep_alive: None,
                constraint: constraint_fields(request.constraint, true),
                sampling,
                other: Default::default(),
            }),
        ),
        (None, raw) => (
            "/completions",
            serde_json::to_string(&CompletionRequest {
                model: None,
                prompt: CompletionPrompt::Text(raw.unwrap_or_default().to_string()),
                stream: true,
                n: None,
                logprobs: None,
                keep_alive: None,
                stream_options,
                constraint: constraint_fields(request.constraint, false),
                sampling,
                other: Default::default(),
            }),
        ),
    };
    (path, body.unwrap_or_default())
}

/// OpenAI's `tool_choice` value.
fn tool_choice(choice: &ToolChoice) -> serde_json::Value {
    match choice {
        ToolChoice::Auto => "auto".into(),
        ToolChoice::None => "none".into(),
        ToolChoice::Required => "required".into(),
        ToolChoice::Named(name) => {
            serde_json::json!({"type": "function", "function": {"name": name}})
        }
    }
}

/// The constraint as the request fields servers read: OpenAI's
/// `response_format` for chat, llama-server's `json_schema` and `grammar`
/// otherwise (flashchat reads all three).
fn constraint_fields(constraint: Option<&Constraint>, chat: bool) -> ConstraintFields {
    let format = |format: ResponseFormat| serde_json::to_value(format).ok();
    match constraint {
        None => ConstraintFields::default(),
        Some(Constraint::Grammar(grammar)) => ConstraintFields {
            grammar: Some(grammar.clone()),
            ..ConstraintFields::default()
        },
        Some(Constraint::ToolCalls(tools)) => ConstraintFields {
            grammar: Some(tools.gbnf.clone()),
            ..ConstraintFields::default()
        },
        Some(Constraint::JsonObject) if chat => ConstraintFields {
            response_format: format(ResponseFormat::JsonObject),
            ..ConstraintFields::default()
        },
        Some(Constraint::JsonSchema(schema)) if chat => ConstraintFields {
            response_format: format(ResponseFormat::JsonSchema {
                json_schema: JsonSchemaFormat {
                    name: "answer".into(),
                    description: None,
                    schema: Some(schema.clone()),
                    strict: Some(true),
                },
            }),
            ..ConstraintFields::default()
        },
        Some(Constraint::JsonObject) => ConstraintFields {
            json_schema: Some(serde_json::json!({"type": "object"})),
            ..ConstraintFields::default()
        },
        Some(Constraint::JsonSchema(schema)) => ConstraintFields {
            json_schema: Some(schema.clone()),
            ..ConstraintFields::default()
        },
    }
}

/// An `f32` setting as the `f64` JSON carries, written as the user wrote
/// it (`0.7`, not `0.699999988`).
fn wide(value: f32) -> f64 {
    value.to_string().parse().unwrap_or(value.into())
}

/// One stream event: a chunk, or the error that ended the stream.
fn read_event<'a, T: serde::Deserialize<'a>>(data: &'a str, status: u16) -> Result<T, ClientError> {
    match serde_json::from_str::<StreamEvent<T>>(data) {
        Ok(StreamEvent::Chunk(chunk)) => Ok(chunk),
        Ok(StreamEvent::Error(_)) => Err(api_error(status, data)),
        Err(e) => Err(ClientError::Protocol(format!("{e}: {data}"))),
    }
}

/// What a chunk of either endpoint brings.
#[derive(Debug, Default)]
struct Piece<'a> {
    text: Option<std::borrow::Cow<'a, str>>,
    reasoning: Option<std::borrow::Cow<'a, str>>,
    finish: Option<FinishReason>,
    usage: Option<Usage>,
    timings: Option<Timings>,
    tool_calls: Vec<ToolCallDelta>,
}

impl<'a> From<ChatChunk<'a>> for Piece<'a> {
    fn from(chunk: ChatChunk<'a>) -> Self {
        let choice = chunk.choices.into_iter().next();
        let (delta, finish) = match choice {
            Some(c) => (c.delta, c.finish_reason),
            None => Default::default(),
        };
        Piece {
            text: delta.content,
            reasoning: delta.reasoning_content,
            finish,
            usage: chunk.usage,
            timings: chunk.timings,
            tool_calls: delta.tool_calls.unwrap_or_default(),
        }
    }
}

impl<'a> From<TextCompletion<'a>> for Piece<'a> {
    fn from(chunk: TextCompletion<'a>) -> Self {
        let choice = chunk.choices.into_iter().next();
        Piece {
            finish: choice.as_ref().and_then(|c| c.finish_reason),
            text: choice.map(|c| c.text),
            usage: chunk.usage,
            ..Piece::default()
        }
    }
}

/// The API error in a response body: OpenAI's `{"error": {"message",
/// "code", "type"}}`, a bare `{"error": "text"}`, or any text.
fn api_error(status: u16, text: &str) -> ClientError {
    let body = serde_json::from_str::<ErrorBody>(text).ok();
    let error = body.map(|b| b.error).filter(|e| !e.message.is_empty());
    match error {
        // Servers put the situation in `code` or, like llama-server for
        // context errors, in `type`.
        Some(error) => ClientError::Api {
            status,
            code: error.code.or(error.kind),
            message: error.message,
        },
        None => ClientError::Api {
            status,
            code: None,
            message: text.trim().chars().take(300).collect(),
        },
    }
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
    /// Inside reasoning the server sent apart from the answer.
    in_reasoning: bool,
    /// Tool calls as their pieces arrive, by their index.
    calls: Vec<ToolCall>,
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
            in_reasoning: false,
            calls: Vec::new(),
        }
    }

    /// Adds a piece of a tool call: the first piece of each call brings
    /// its id and name, the arguments arrive in parts.
    fn absorb_call(&mut self, delta: ToolCallDelta) {
        let index = delta.index as usize;
        while self.calls.len() <= index {
            self.calls.push(ToolCall {
                id: String::new(),
                name: String::new(),
                arguments: String::new(),
            });
        }
        let call = &mut self.calls[index];
        if let Some(id) = delta.id.filter(|id| !id.is_empty()) {
            call.id = id;
        }
        if let Some(name) = delta.function.name {
            call.name.push_str(&name);
        }
        if let Some(arguments) = delta.function.arguments {
            call.arguments.push_str(&arguments);
        }
    }

    fn streamed(&mut self) -> Streamed {
        let mut tool_calls: Vec<ToolCall> = std::mem::take(&mut self.calls)
            .into_iter()
            .filter(|c| !c.name.is_empty())
            .collect();
        for call in &mut tool_calls {
            if call.id.is_empty() {
                call.id = crate::engine::tools::new_call_id();
            }
            if call.arguments.trim().is_empty() {
                call.arguments = "{}".into();
            }
        }
        Streamed {
            completion: self.completion(),
            tool_calls,
        }
    }

    /// Takes in one chunk; returns its text, if it has any. Reasoning the
    /// server split off comes back inside `<think>` tags, as a model in
    /// this process writes it, so that one parser reads both.
    fn absorb(&mut self, piece: Piece) -> Option<String> {
        if piece.usage.is_some() {
            self.usage = piece.usage;
        }
        if piece.timings.is_some() {
            self.timings = piece.timings;
        }
        if piece.finish.is_some() {
            self.finish = piece.finish;
        }
        for delta in piece.tool_calls {
            self.absorb_call(delta);
        }
        let mut text = String::new();
        if let Some(reasoning) = piece.reasoning.filter(|r| !r.is_empty()) {
            if !self.in_reasoning {
                text.push_str(THINK_OPEN);
                self.in_reasoning = true;
            }
            text.push_str(&reasoning);
        }
        let content = piece.text.filter(|t| !t.is_empty());
        if self.in_reasoning && (content.is_some() || self.finish.is_some()) {
            text.push_str(THINK_CLOSE);
            self.in_reasoning = false;
        }
        if let Some(content) = content {
            text.push_str(&content);
        }
        if text.is_empty() {
            return None;
        }
        let now = Instant::now();
        self.first.get_or_insert(now);
        self.last = Some(now);
        self.pieces += 1;
        Some(text)
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
            stop_string: None,
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
    use serde_json::{json, Value};

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
        let message = |text| match api_error(400, text) {
            ClientError::Api { message, .. } => message,
            other => panic!("{other}"),
        };
        assert_eq!(
            message(r#"{"error":{"message":"bad key","type":"x"}}"#),
            "bad key"
        );
        assert_eq!(message(r#"{"error":"no such model"}"#), "no such model");
        assert_eq!(message("plain failure\n"), "plain failure");
    }

    fn chat(data: &str) -> Piece<'_> {
        read_event::<ChatChunk>(data, 200).unwrap().into()
    }

    #[test]
    fn chunks_are_tallied() {
        let mut t = StreamTally::new(Instant::now());
        let text = t.absorb(chat(
            r#"{"choices":[{"delta":{"role":"assistant","content":""}}]}"#,
        ));
        assert_eq!(text, None);
        let text = t.absorb(chat(
            r#"{"choices":[{"delta":{"content":"Hi"},"finish_reason":null}]}"#,
        ));
        assert_eq!(text.as_deref(), Some("Hi"));
        t.absorb(chat(
            r#"{"choices":[{"delta":{},"finish_reason":"length"}]}"#,
        ));
        t.absorb(chat(
            r#"{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}"#,
        ));
        let done = t.completion();
        assert_eq!(done.finish_reason, FinishReason::Length);
        assert_eq!(done.usage.prompt_tokens, 3);
    }

    #[test]
    fn reasoning_sent_apart_comes_back_in_think_tags() {
        let mut t = StreamTally::new(Instant::now());
        let mut out = String::new();
        for data in [
            r#"{"choices":[{"delta":{"reasoning_content":"Let me"}}]}"#,
            r#"{"choices":[{"delta":{"reasoning_content":" think."}}]}"#,
            r#"{"choices":[{"delta":{"content":"Yes."}}]}"#,
        ] {
            out.extend(t.absorb(chat(data)));
        }
        assert_eq!(out, "<think>Let me think.</think>Yes.");
        let parsed = crate::engine::output::OutputParser::new().parse(&out);
        assert_eq!(
            (parsed.answer.as_str(), parsed.reasoning.as_deref()),
            ("Yes.", Some("Let me think."))
        );
    }

    #[test]
    fn tool_calls_are_put_together_from_their_pieces() {
        let mut t = StreamTally::new(Instant::now());
        for data in [
            r#"{"choices":[{"delta":{"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"list_directory","arguments":""}}]}}]}"#,
            r#"{"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"path\":"}}]}}]}"#,
            r#"{"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"arguments":" \"/tmp\"}"}}]}}]}"#,
            r#"{"choices":[{"delta":{"tool_calls":[{"index":1,"function":{"name":"get_time"}}]}}]}"#,
            r#"{"choices":[{"delta":{},"finish_reason":"tool_calls"}]}"#,
        ] {
            assert_eq!(t.absorb(chat(data)), None, "calls are not text");
        }
        let done = t.streamed();
        assert_eq!(done.completion.finish_reason, FinishReason::ToolCalls);
        assert_eq!(done.tool_calls.len(), 2);
        assert_eq!(done.tool_calls[0].id, "call_a");
        assert_eq!(done.tool_calls[0].arguments, r#"{"path": "/tmp"}"#);
        // A call without id or arguments gets both.
        assert!(done.tool_calls[1].id.starts_with("call_"));
        assert_eq!(done.tool_calls[1].arguments, "{}");
    }

    #[test]
    fn requests_offer_tools_as_openai_writes_them() {
        let sampling = SamplingParams::greedy();
        let tools = ToolUse {
            tools: vec![crate::engine::Tool {
                name: "list_directory".into(),
                description: Some("Lists a folder".into()),
                parameters: json!({"type": "object"}),
            }],
            choice: ToolChoice::Named("list_directory".into()),
            parallel: false,
        };
        let messages = [Message::new(crate::role::Role::User, "Hi")];
        let request = ClientRequest {
            messages: Some(&messages),
            raw: None,
            max_tokens: 16,
            sampling: &sampling,
            stop: &[],
            constraint: None,
            tools: Some(&tools),
        };
        let sent: Value = serde_json::from_str(&body(&request).1).unwrap();
        assert_eq!(
            sent["tools"],
            json!([{"type": "function", "function": {"name": "list_directory", "description": "Lists a folder", "parameters": {"type": "object"}}}])
        );
        assert_eq!(
            sent["tool_choice"],
            json!({"type": "function", "function": {"name": "list_directory"}})
        );
        assert_eq!(sent["parallel_tool_calls"], false);
    }

    #[test]
    fn requests_carry_every_sampling_setting() {
        let sampling = SamplingParams {
            temperature: 0.7,
            top_p: 0.9,
            top_k: 40,
            min_p: 0.05,
            repeat_penalty: 1.1,
            presence_penalty: 0.0,
            frequency_penalty: 0.0,
            seed: 42,
        };
        let messages = [Message::new(crate::role::Role::User, "Hi")];
        let request = ClientRequest {
            messages: Some(&messages),
            raw: None,
            max_tokens: 16,
            sampling: &sampling,
            stop: &["END".to_string()],
            constraint: None,
            tools: None,
        };
        let (path, text) = body(&request);
        assert_eq!(path, "/chat/completions");
        let sent: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            sent,
            json!({
                "messages": [{"role": "user", "content": "Hi"}],
                "stream": true,
                "stream_options": {"include_usage": true},
                "max_tokens": 16, "temperature": 0.7, "top_p": 0.9, "top_k": 40,
                "min_p": 0.05, "repeat_penalty": 1.1, "seed": 42, "stop": ["END"],
            })
        );
    }
}
