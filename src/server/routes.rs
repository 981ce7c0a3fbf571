//! The HTTP routes: health, models, chat and text completions (streamed
//! as server-sent events or whole), and the checks every request passes.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::Json;
use futures_util::stream::{self, Stream};
use serde::de::DeserializeOwned;

use super::error::ApiError;
use super::request::{self, Delivery};
use super::wire::*;
use super::AppState;
use crate::engine::text::{ReasoningSplitter, Segment};
use crate::engine::{Completion, EngineError, Event, EventStream, FinishReason};

type ApiResult = Result<Response, ApiError>;

pub async fn health(State(state): State<Arc<AppState>>) -> Response {
    match state.engine.get() {
        Some(engine) => {
            let load = engine.load_figures();
            Json(serde_json::json!({
                "status": "ok",
                "model": state.model_name,
                "slots": engine.info().slots,
                "slots_busy": load.busy_slots.load(Ordering::Relaxed),
                "queued": load.queued.load(Ordering::Relaxed),
                "requests_served": state.metrics.completed(),
            }))
            .into_response()
        }
        None => ApiError::busy("the model is loading").into_response(),
    }
}

pub async fn metrics(State(state): State<Arc<AppState>>) -> Response {
    let engine = state.engine.get();
    let text = state.metrics.render(
        engine.map(|e| e.load_figures()),
        engine.map_or(0, |e| e.info().slots),
    );
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], text).into_response()
}

/// One log line per request: method, path, status and time to the response head.
pub async fn log_request(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status();
    if path != "/health" {
        if path.starts_with("/v1/") {
            state.metrics.request(status.is_success());
        }
        tracing::info!(
            "{method} {path} {} {:.1} ms",
            status.as_u16(),
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
    response
}

pub async fn models(State(state): State<Arc<AppState>>) -> Json<ModelList> {
    Json(ModelList {
        object: "list",
        data: vec![ModelCard {
            id: state.model_name.clone(),
            object: "model",
            created: state.started_unix,
            owned_by: "flashchat",
        }],
    })
}

pub async fn not_found(request: Request) -> ApiError {
    ApiError::not_found(format!(
        "no route for {} {}",
        request.method(),
        request.uri().path()
    ))
}

pub async fn chat(
    State(state): State<Arc<AppState>>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let body: ChatCompletionRequest = parse(body, state.body_limit)?;
    check_model(&state, body.model.as_deref())?;
    let (generate, delivery) = request::chat(body, &state.settings)?;
    let (first, events) = start(&state, generate).await?;
    let reply = Reply::new(&state, "chat.completion", delivery);
    if delivery.stream {
        let splitter = (!state.settings.show_thinking).then(ReasoningSplitter::default);
        Ok(sse(&state, reply, first, events, chat_chunks, splitter).into_response())
    } else {
        let (text, done) = collect(&state, first, events).await?;
        let (content, reasoning) = if state.settings.show_thinking {
            (text, None)
        } else {
            split_reasoning(&text)
        };
        Ok(Json(ChatCompletion {
            id: reply.id,
            object: reply.object,
            created: reply.created,
            model: reply.model,
            choices: vec![ChatChoice {
                index: 0,
                message: AssistantMessage {
                    role: "assistant",
                    content,
                    reasoning_content: reasoning,
                },
                finish_reason: done.finish_reason,
            }],
            usage: done.usage,
        })
        .into_response())
    }
}

pub async fn completions(
    State(state): State<Arc<AppState>>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let body: CompletionRequest = parse(body, state.body_limit)?;
    check_model(&state, body.model.as_deref())?;
    let (generate, delivery) = request::completion(body, &state.settings)?;
    let (first, events) = start(&state, generate).await?;
    let reply = Reply::new(&state, "text_completion", delivery);
    if delivery.stream {
        Ok(sse(&state, reply, first, events, text_chunks, None).into_response())
    } else {
        let (text, done) = collect(&state, first, events).await?;
        Ok(Json(TextCompletion {
            id: reply.id,
            object: reply.object,
            created: reply.created,
            model: reply.model,
            choices: vec![TextChoice {
                index: 0,
                text,
                finish_reason: Some(done.finish_reason),
            }],
            usage: Some(done.usage),
        })
        .into_response())
    }
}

/// The API key check (every route but /health) and the DNS-rebinding guard.
pub async fn guard(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    if state.loopback_only && !is_local_host(&request) {
        return ApiError {
            status: StatusCode::FORBIDDEN,
            kind: "invalid_request_error",
            code: "forbidden_host",
            message: "this server only answers requests addressed to localhost".into(),
            param: None,
        }
        .into_response();
    }
    if let Some(key) = &state.api_key {
        let sent = request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        if request.uri().path() != "/health" && !constant_time_eq(sent.as_bytes(), key.as_bytes()) {
            return ApiError::unauthorized().into_response();
        }
    }
    next.run(request).await
}

/// CORS for the configured origins only: the allowed origin is named,
/// never a wildcard, and preflight requests are answered here.
pub async fn cors(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let origin = request
        .headers()
        .get(header::ORIGIN)
        .and_then(|o| o.to_str().ok())
        .map(|o| o.trim_end_matches('/').to_string());
    let allowed = origin.filter(|o| state.settings.server.cors_origins.iter().any(|a| a == o));
    let preflight = request.method() == axum::http::Method::OPTIONS;
    let mut response = match (preflight, &allowed) {
        (true, Some(_)) => StatusCode::NO_CONTENT.into_response(),
        _ => next.run(request).await,
    };
    if let Some(origin) = allowed.and_then(|o| HeaderValue::from_str(&o).ok()) {
        let headers = response.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        headers.insert(header::VARY, HeaderValue::from_static("Origin"));
        if preflight {
            headers.insert(
                header::ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static("GET, POST, OPTIONS"),
            );
            headers.insert(
                header::ACCESS_CONTROL_ALLOW_HEADERS,
                HeaderValue::from_static("authorization, content-type"),
            );
            headers.insert(
                header::ACCESS_CONTROL_MAX_AGE,
                HeaderValue::from_static("600"),
            );
        }
    }
    response
}

/// A request must reach its response head within the time limit.
pub async fn time_limit(request: Request, next: Next) -> Response {
    match tokio::time::timeout(super::REQUEST_TIMEOUT, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError {
            status: StatusCode::REQUEST_TIMEOUT,
            kind: "invalid_request_error",
            code: "timeout",
            message: "the request took too long to arrive or to start".into(),
            param: None,
        }
        .into_response(),
    }
}

fn is_local_host(request: &Request) -> bool {
    let Some(host) = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
    else {
        return true;
    };
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.split(':').next().unwrap_or("")
    };
    matches!(name, "localhost" | "127.0.0.1" | "::1") || name.starts_with("127.")
}

/// Compares without stopping at the first difference, so timing does not
/// reveal how much of a guessed key was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for (i, &byte) in b.iter().enumerate() {
        diff |= usize::from(a.get(i).copied().unwrap_or(0) ^ byte);
    }
    diff == 0
}

fn parse<T: DeserializeOwned>(
    body: Result<Bytes, BytesRejection>,
    limit: usize,
) -> Result<T, ApiError> {
    let bytes = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::too_large(limit)
        } else {
            ApiError::bad_body(rejection.body_text())
        }
    })?;
    serde_json::from_slice(&bytes)
        .map_err(|e| ApiError::bad_body(format!("the body is not a valid request: {e}")))
}

fn check_model(state: &AppState, model: Option<&str>) -> Result<(), ApiError> {
    match model {
        Some(name) if !name.is_empty() && name != state.model_name => Err(ApiError::not_found(
            format!("model `{name}` is not served here; GET /v1/models lists what is"),
        )),
        _ => Ok(()),
    }
}

/// Queues the generation and waits for its first event, so that errors
/// such as an over-long prompt are reported before any stream begins.
async fn start(
    state: &AppState,
    generate: crate::engine::GenerateRequest,
) -> Result<(Event, EventStream), ApiError> {
    let engine = state
        .engine
        .get()
        .ok_or_else(|| ApiError::busy("the model is loading"))?;
    let mut events = engine.generate(generate).map_err(api_error)?;
    match events.recv().await {
        Some(Event::Failed(e)) => Err(api_error(e)),
        Some(event) => Ok((event, events)),
        None => Err(api_error(EngineError::WorkerGone)),
    }
}

fn api_error(e: EngineError) -> ApiError {
    match e {
        EngineError::PromptTooLong {
            prompt_tokens,
            context_size,
        } => ApiError::context_exceeded(prompt_tokens, context_size),
        EngineError::EmptyPrompt => ApiError::invalid("messages", "the prompt is empty"),
        EngineError::QueueFull { .. } => ApiError::busy(e.to_string()),
        other => ApiError::internal(other.to_string()),
    }
}

async fn collect(
    state: &AppState,
    first: Event,
    mut events: EventStream,
) -> Result<(String, Completion), ApiError> {
    let mut text = String::new();
    let mut next = Some(first);
    while let Some(event) = next {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::Done(done) => {
                state.metrics.completion(&done);
                return Ok((text, done));
            }
            Event::Failed(e) => return Err(api_error(e)),
        }
        next = events.recv().await;
    }
    Err(api_error(EngineError::WorkerGone))
}

/// What every chunk of one response shares.
#[derive(Clone)]
struct Reply {
    id: String,
    object: &'static str,
    created: u64,
    model: String,
    delivery: Delivery,
}

impl Reply {
    fn new(state: &AppState, object: &'static str, delivery: Delivery) -> Self {
        let created = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let prefix = if object == "chat.completion" {
            "chatcmpl"
        } else {
            "cmpl"
        };
        Self {
            id: format!("{prefix}-{}", state.next_id()),
            object,
            created,
            model: state.model_name.clone(),
            delivery,
        }
    }
}

/// The answer and, if there was any, the reasoning before it.
fn split_reasoning(text: &str) -> (String, Option<String>) {
    let mut splitter = ReasoningSplitter::default();
    let mut segments = splitter.push(text);
    segments.extend(splitter.finish());
    let (mut content, mut reasoning) = (String::new(), String::new());
    for segment in segments {
        match segment {
            Segment::Content(t) => content.push_str(&t),
            Segment::Reasoning(t) => reasoning.push_str(&t),
        }
    }
    (content, (!reasoning.is_empty()).then_some(reasoning))
}

/// One piece of a streamed response, before it is put in its wire shape.
enum Piece<'a> {
    Start,
    Text(&'a str),
    Reasoning(&'a str),
    Finish(FinishReason),
    Usage(&'a Completion),
}

fn chat_chunks(reply: &Reply, piece: Piece) -> serde_json::Value {
    let timings = match &piece {
        Piece::Usage(done) => Some(done.timings),
        _ => None,
    };
    let (delta, finish_reason, usage) = match piece {
        Piece::Start => (
            Some(Delta {
                role: Some("assistant"),
                content: Some(String::new()),
                reasoning_content: None,
            }),
            None,
            None,
        ),
        Piece::Text(t) => (
            Some(Delta {
                content: Some(t.to_string()),
                ..Delta::default()
            }),
            None,
            None,
        ),
        Piece::Reasoning(t) => (
            Some(Delta {
                reasoning_content: Some(t.to_string()),
                ..Delta::default()
            }),
            None,
            None,
        ),
        Piece::Finish(reason) => (Some(Delta::default()), Some(reason), None),
        Piece::Usage(done) => (None, None, Some(done.usage)),
    };
    let choices = delta
        .map(|delta| {
            vec![ChunkChoice {
                index: 0,
                delta,
                finish_reason,
            }]
        })
        .unwrap_or_default();
    serde_json::to_value(ChatChunk {
        id: reply.id.clone(),
        object: "chat.completion.chunk",
        created: reply.created,
        model: reply.model.clone(),
        choices,
        usage,
        timings,
    })
    .unwrap_or_default()
}

fn text_chunks(reply: &Reply, piece: Piece) -> serde_json::Value {
    let (choice, usage) = match piece {
        Piece::Start => return serde_json::Value::Null,
        Piece::Text(t) | Piece::Reasoning(t) => (Some((t.to_string(), None)), None),
        Piece::Finish(reason) => (Some((String::new(), Some(reason))), None),
        Piece::Usage(done) => (None, Some(done.usage)),
    };
    let choices = choice
        .map(|(text, finish_reason)| {
            vec![TextChoice {
                index: 0,
                text,
                finish_reason,
            }]
        })
        .unwrap_or_default();
    serde_json::to_value(TextCompletion {
        id: reply.id.clone(),
        object: "text_completion",
        created: reply.created,
        model: reply.model.clone(),
        choices,
        usage,
    })
    .unwrap_or_default()
}

type ChunkFn = fn(&Reply, Piece) -> serde_json::Value;

struct StreamState {
    app: Arc<AppState>,
    reply: Reply,
    shape: ChunkFn,
    first: Option<Event>,
    events: EventStream,
    out: VecDeque<SseEvent>,
    /// Present when reasoning is sent apart from the answer.
    splitter: Option<ReasoningSplitter>,
    started: bool,
    ended: bool,
}

impl StreamState {
    fn push(&mut self, piece: Piece) {
        let value = (self.shape)(&self.reply, piece);
        if !value.is_null() {
            self.out
                .push_back(SseEvent::default().data(value.to_string()));
        }
    }

    /// The next engine event, or, when the server is stopping, the end of
    /// this stream (dropping the engine's stream stops the generation).
    async fn next_event(&mut self) -> Option<Event> {
        let mut stopping = self.app.stopping.clone();
        if *stopping.borrow() {
            return self.shutdown();
        }
        tokio::select! {
            event = self.events.recv() => event,
            _ = stopping.changed() => self.shutdown(),
        }
    }

    fn shutdown(&mut self) -> Option<Event> {
        self.push(Piece::Finish(FinishReason::Stop));
        self.out.push_back(SseEvent::default().data("[DONE]"));
        self.ended = true;
        None
    }

    fn on_text(&mut self, segments: Vec<Segment>) {
        for segment in segments {
            match segment {
                Segment::Content(t) => self.push(Piece::Text(&t)),
                Segment::Reasoning(t) => self.push(Piece::Reasoning(&t)),
            }
        }
    }

    fn on_event(&mut self, event: Option<Event>) {
        match event {
            Some(Event::Text(text)) => match self.splitter.as_mut() {
                Some(splitter) => {
                    let segments = splitter.push(&text);
                    self.on_text(segments);
                }
                None => self.push(Piece::Text(&text)),
            },
            Some(Event::Done(done)) => {
                if let Some(mut splitter) = self.splitter.take() {
                    self.on_text(splitter.finish());
                }
                self.app.metrics.completion(&done);
                self.push(Piece::Finish(done.finish_reason));
                if self.reply.delivery.include_usage {
                    self.push(Piece::Usage(&done));
                }
                self.out.push_back(SseEvent::default().data("[DONE]"));
                self.ended = true;
            }
            Some(Event::Failed(e)) => {
                let error = serde_json::json!({"error": {"message": e.to_string(), "type": "server_error"}});
                self.out
                    .push_back(SseEvent::default().data(error.to_string()));
                self.ended = true;
            }
            None => self.ended = true,
        }
    }
}

/// Streams the generation as server-sent events. Dropping the response
/// (the client went away) drops the event stream, which frees the slot.
fn sse(
    app: &Arc<AppState>,
    reply: Reply,
    first: Event,
    events: EventStream,
    shape: ChunkFn,
    splitter: Option<ReasoningSplitter>,
) -> Sse<impl Stream<Item = Result<SseEvent, Infallible>>> {
    let state = StreamState {
        app: Arc::clone(app),
        reply,
        shape,
        first: Some(first),
        events,
        out: VecDeque::new(),
        splitter,
        started: false,
        ended: false,
    };
    let stream = stream::unfold(state, |mut s| async move {
        loop {
            if let Some(event) = s.out.pop_front() {
                return Some((Ok(event), s));
            }
            if s.ended {
                return None;
            }
            if !s.started {
                s.started = true;
                s.push(Piece::Start);
                continue;
            }
            let event = match s.first.take() {
                Some(first) => Some(first),
                None => s.next_event().await,
            };
            s.on_event(event);
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}
