//! The HTTP routes: health, metrics, models, chat and text completions.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::de::DeserializeOwned;

use super::error::ApiError;
use super::request::{self, Delivery};
use super::router::Serving;
use super::stream::{sse, Answers, OpenAiChunks, Reply};
use super::{AppState, Phase};
use crate::engine::output::{OutputParser, Parsed};
use crate::engine::{
    Completion, EngineError, Event, EventStream, FinishReason, TokenLogprob, ToolChoice,
    ToolFormat, Usage,
};
use crate::wire::admin::{DeviceMemory, Health, LoadedModel};
use crate::wire::openai::*;

type ApiResult = Result<Response, ApiError>;

/// 503 while the first model loads; afterwards 200, with `status`
/// "loading" while a switch to another model is under way.
pub async fn health(State(state): State<Arc<AppState>>) -> Response {
    let status = state.models.status();
    if !status.started {
        return ApiError::busy("the model is loading").into_response();
    }
    let figures = |serving: &Serving| {
        let load = serving.engine.load_figures();
        (
            serving.engine.info().slots,
            load.busy_slots.load(Ordering::Relaxed),
            load.queued.load(Ordering::Relaxed),
        )
    };
    let (slots, slots_busy, queued) = status.current.as_deref().map_or((0, 0, 0), figures);
    let models: Vec<LoadedModel> = state
        .models
        .states()
        .into_iter()
        .map(|m| {
            let (slots, slots_busy, queued) = m.loaded.as_deref().map_or((0, 0, 0), figures);
            LoadedModel {
                state: if m.loading { "loading" } else { "loaded" }.into(),
                default: m.is_default,
                slots,
                slots_busy,
                queued,
                idle_seconds: m.idle.as_secs(),
                size_bytes: m
                    .loaded
                    .as_ref()
                    .and_then(|s| std::fs::metadata(&s.path).ok())
                    .map_or(0, |meta| meta.len()),
                kv_cache_bytes: m
                    .loaded
                    .as_ref()
                    .and_then(|s| s.engine.info().kv_cache_bytes)
                    .unwrap_or(0),
                offloaded_layers: m
                    .loaded
                    .as_ref()
                    .and_then(|s| s.engine.info().offloaded_layers)
                    .map(|(layers, of)| [layers, of]),
                device_memory_bytes: m.loaded.as_ref().map_or(0, |s| {
                    s.engine.info().device_bytes.iter().map(|(_, b)| b).sum()
                }),
                name: m.name,
            }
        })
        .collect();
    Json(Health {
        status: if status.loading.is_some() {
            Health::LOADING
        } else {
            Health::OK
        }
        .into(),
        model: status.default,
        slots,
        slots_busy,
        queued,
        requests_served: state.metrics.completed(),
        loading_model: status.loading,
        switch_error: status.last_error,
        kv_cache_bytes: models.iter().map(|m| m.kv_cache_bytes).sum(),
        models,
        memory_bytes: resident_memory(),
        devices: gpu_memory(),
    })
    .into_response()
}

/// Every GPU's memory in use and in all, as the driver reports it.
fn gpu_memory() -> Vec<DeviceMemory> {
    crate::engine::gpu::devices()
        .into_iter()
        .filter(crate::engine::gpu::Device::is_gpu)
        .map(|d| DeviceMemory {
            memory_used_bytes: d.memory_total.saturating_sub(d.memory_free),
            memory_total_bytes: d.memory_total,
            name: d.name,
            description: d.description,
        })
        .collect()
}

/// This process's resident memory in bytes (Linux; `None` elsewhere).
fn resident_memory() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    // SAFETY: sysconf only reads a configuration value.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    Some(pages * u64::try_from(page).ok()?)
}

pub async fn metrics(State(state): State<Arc<AppState>>) -> Response {
    let serving = state.models.current();
    let mut text = state.metrics.render(
        serving.as_ref().map(|s| s.engine.load_figures()),
        serving.as_ref().map_or(0, |s| s.engine.info().slots),
    );
    let model_bytes = serving
        .as_ref()
        .map(|s| s.engine.info().device_bytes.as_slice());
    super::metrics::render_devices(&mut text, &gpu_memory(), model_bytes.unwrap_or_default());
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], text).into_response()
}

/// Every model the server can answer with: the loaded and loading ones
/// (the default first), then the others on disk, each with its state.
pub async fn models(State(state): State<Arc<AppState>>) -> Json<ModelList> {
    let models = Arc::clone(&state.models);
    let on_disk = tokio::task::spawn_blocking(move || models.on_disk())
        .await
        .unwrap_or_default();
    let card = |id: String, status: &'static str| ModelCard {
        id,
        object: "model",
        created: state.started_unix,
        owned_by: "flashchat",
        status,
    };
    let mut data: Vec<ModelCard> = Vec::new();
    let states = state.models.states();
    if !states.iter().any(|m| m.is_default) {
        data.push(card(state.models.name(), "on disk"));
    }
    for m in states {
        data.push(card(m.name, if m.loading { "loading" } else { "loaded" }));
    }
    for (name, _) in on_disk {
        if !data.iter().any(|c| c.id == name) {
            data.push(card(name, "on disk"));
        }
    }
    for (name, _) in state.upstreams.models() {
        if !data.iter().any(|c| c.id == name) {
            data.push(card(name.to_string(), "upstream"));
        }
    }
    Json(ModelList {
        object: "list",
        data,
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
    let body: ChatCompletionRequest =
        match parse_or_forward(&state, "/chat/completions", body).await? {
            Ok(body) => body,
            Err(forwarded) => return Ok(forwarded),
        };
    let start = start_chat(&state, body, state.settings.show_thinking).await?;
    let reply = Reply::new(&state, "chat.completion", start.delivery, start.model);
    if start.delivery.stream {
        let shape = OpenAiChunks::chat(reply);
        return Ok(sse(&state, start.answers, shape).into_response());
    }
    let (answers, usage) = collect_chat(&state, start.answers, &start.cancel).await?;
    let choices = answers
        .into_iter()
        .enumerate()
        .map(|(index, answer)| {
            let parsed = answer.parsed;
            let calls_only = parsed.answer.is_empty() && !parsed.tool_calls.is_empty();
            ChatChoice {
                index: index as u32,
                message: AssistantMessage {
                    role: "assistant",
                    content: (!calls_only).then_some(parsed.answer),
                    reasoning_content: parsed.reasoning,
                    tool_calls: parsed.tool_calls.iter().map(WireToolCall::from).collect(),
                },
                logprobs: start.asked_logprobs.then(|| ChoiceLogprobs {
                    content: answer.logprobs.iter().map(LogprobEntry::from).collect(),
                }),
                finish_reason: answer.finish_reason,
            }
        })
        .collect();
    Ok(Json(ChatCompletion {
        id: reply.id,
        object: reply.object,
        created: reply.created,
        model: reply.model,
        choices,
        usage,
    })
    .into_response())
}

/// A chat request whose answers have started.
pub(super) struct ChatStart {
    /// The model that answers.
    pub model: String,
    pub delivery: Delivery,
    pub answers: Answers,
    pub cancel: Arc<AtomicBool>,
    pub asked_logprobs: bool,
}

/// Checks a chat request and starts its answers (the other APIs' requests
/// are put in this shape first). `show_thinking` keeps reasoning in the
/// answer instead of splitting it off.
pub(super) async fn start_chat(
    state: &AppState,
    body: ChatCompletionRequest,
    show_thinking: bool,
) -> Result<ChatStart, ApiError> {
    let mut body = body;
    let model = body.model.clone();
    let keep_alive = request::keep_alive(body.keep_alive.take())?;
    let (generate, delivery) = request::chat(body, &state.settings)?;
    let cancel = Arc::clone(&generate.cancel);
    let asked_logprobs = generate.logprobs.is_some();
    // Calls are read from the output only when the model may make them.
    let calls_expected = generate
        .tools
        .as_ref()
        .filter(|t| t.choice != ToolChoice::None)
        .map(|t| t.call_required());
    let started = start_many(
        state,
        model.as_deref(),
        keep_alive,
        generate,
        delivery.choices,
    )
    .await?;
    let tool_format = started.tool_format;
    let output = move || {
        let parser = OutputParser::for_settings(show_thinking);
        match calls_expected {
            Some(_) => parser.with_tools(tool_format),
            None => parser,
        }
    };
    Ok(ChatStart {
        model: started.name,
        delivery,
        answers: Answers {
            streams: started.answers,
            output: Arc::new(output),
            required_call: calls_expected == Some(true),
            choices: delivery.choices,
            prompt_tokens: started.prompt_tokens,
        },
        cancel,
        asked_logprobs,
    })
}

/// One finished answer to a chat request.
pub(super) struct ChatAnswer {
    /// The answer, its reasoning and its tool calls.
    pub parsed: Parsed,
    /// `tool_calls` when the answer holds calls.
    pub finish_reason: FinishReason,
    pub done: Completion,
    pub logprobs: Vec<TokenLogprob>,
}

/// Reads every answer to its end (they generate side by side; each is read
/// in turn), and what they used: the prompt once, every answer's tokens.
pub(super) async fn collect_chat(
    state: &AppState,
    answers: Answers,
    cancel: &AtomicBool,
) -> Result<(Vec<ChatAnswer>, Usage), ApiError> {
    let mut out = Vec::with_capacity(answers.streams.len());
    let mut usage = Usage::default();
    for (first, events) in answers.streams {
        let (text, done, logprobs) = collect(state, first, events, cancel).await?;
        let parsed = (answers.output)().parse(&text);
        let finish_reason = finish_with_calls(&parsed, answers.required_call, done.finish_reason)?;
        usage.prompt_tokens = done.usage.prompt_tokens;
        usage.completion_tokens += done.usage.completion_tokens;
        out.push(ChatAnswer {
            parsed,
            finish_reason,
            done,
            logprobs,
        });
    }
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    Ok((out, usage))
}

pub async fn completions(
    State(state): State<Arc<AppState>>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let mut body: CompletionRequest = match parse_or_forward(&state, "/completions", body).await? {
        Ok(body) => body,
        Err(forwarded) => return Ok(forwarded),
    };
    let model = body.model.clone();
    let keep_alive = request::keep_alive(body.keep_alive.take())?;
    let (requests, delivery) = request::completion(body, &state.settings)?;
    let asked_logprobs = requests.iter().any(|r| r.logprobs.is_some());
    // Each prompt's answers are choices `prompt * n .. prompt * n + n`.
    let mut served = String::new();
    let mut answers = Vec::new();
    let mut cancels = Vec::new();
    let mut prompt_tokens = 0;
    for generate in requests {
        let cancel = Arc::clone(&generate.cancel);
        let started = start_many(
            &state,
            model.as_deref(),
            keep_alive,
            generate,
            delivery.choices,
        )
        .await?;
        served = started.name;
        prompt_tokens += started.prompt_tokens;
        cancels.extend(std::iter::repeat_n(cancel, started.answers.len()));
        answers.extend(started.answers);
    }
    let reply = Reply::new(&state, "text_completion", delivery, served);
    if delivery.stream {
        let answers = Answers {
            streams: answers,
            // A text completion is the raw continuation: nothing is split off.
            output: Arc::new(|| OutputParser::for_settings(true)),
            required_call: false,
            choices: delivery.choices,
            prompt_tokens,
        };
        return Ok(sse(&state, answers, OpenAiChunks::text(reply)).into_response());
    }
    let mut texts = Vec::with_capacity(answers.len());
    let mut usage = Usage::default();
    for (index, ((first, events), cancel)) in answers.into_iter().zip(&cancels).enumerate() {
        let (text, done, logprobs) = collect(&state, first, events, cancel).await?;
        if index.is_multiple_of(delivery.choices) {
            usage.prompt_tokens += done.usage.prompt_tokens;
        }
        usage.completion_tokens += done.usage.completion_tokens;
        let logprobs = asked_logprobs.then(|| {
            let mut out = TextLogprobs::default();
            let mut offset = 0;
            for report in &logprobs {
                out.push(report, offset);
                offset += report.token.text.chars().count();
            }
            out
        });
        texts.push((text, done.finish_reason, logprobs));
    }
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    Ok(Json(TextCompletion {
        id: reply.id.as_str().into(),
        object: reply.object,
        created: reply.created,
        model: reply.model.as_str().into(),
        choices: texts
            .into_iter()
            .enumerate()
            .map(|(index, (text, finish_reason, logprobs))| TextChoice {
                index: index as u32,
                text: text.into(),
                logprobs,
                finish_reason: Some(finish_reason),
            })
            .collect(),
        usage: Some(usage),
    })
    .into_response())
}

/// The body's bytes, or the 4xx for a body that could not be read.
pub(super) fn read_body(
    body: Result<Bytes, BytesRejection>,
    limit: usize,
) -> Result<Bytes, ApiError> {
    body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::too_large(limit)
        } else {
            ApiError::bad_body(rejection.body_text())
        }
    })
}

/// Reads a body for `path` (the route after `/v1`): the upstream's answer
/// when the model it names is answered by one (`Err(Ok(response))`), else
/// the request.
pub(super) async fn parse_or_forward<T: DeserializeOwned>(
    state: &AppState,
    path: &str,
    body: Result<Bytes, BytesRejection>,
) -> Result<Result<T, Response>, ApiError> {
    let bytes = read_body(body, state.body_limit)?;
    if let Some(forwarded) = state.upstreams.forward(path, &bytes).await {
        return forwarded.map(Err);
    }
    request::parse_json(&bytes).map(Ok)
}

/// Answers queued and begun by [`start_many`].
struct Started {
    /// The model's name.
    name: String,
    tool_format: ToolFormat,
    prompt_tokens: usize,
    /// Each answer's first event and the rest of its stream.
    answers: Vec<(Event, EventStream)>,
}

/// Queues `n` answers to one prompt (more than the server's slots is a
/// 400) and waits for each one's first event, so that errors such as an
/// over-long prompt are reported before any stream begins.
async fn start_many(
    state: &AppState,
    model: Option<&str>,
    keep_alive: Option<Option<std::time::Duration>>,
    generate: crate::engine::GenerateRequest,
    n: usize,
) -> Result<Started, ApiError> {
    let cancel = Arc::clone(&generate.cancel);
    let serving = state.models.engine_for(model, keep_alive).await?;
    let name = serving.name.clone();
    let tool_format = serving.engine.tool_format();
    let slots = serving.engine.info().slots as usize;
    if n > slots {
        return Err(ApiError::invalid(
            "n",
            format!("this server answers at most {slots} times at once (server.parallel); asked for {n}"),
        ));
    }
    // Rendering the template and tokenizing a long prompt take a while: off
    // the async threads. The engine is held only while the request starts:
    // a switch retires the old one when no request holds it.
    let queued = tokio::task::spawn_blocking(move || serving.engine.generate_many(generate, n))
        .await
        .map_err(|e| ApiError::internal(format!("the request could not start: {e}")))?
        .map_err(api_error)?;
    let mut answers = Vec::with_capacity(queued.streams.len());
    for mut events in queued.streams {
        match next_or_cut(state, &mut events, &cancel).await {
            Some(Event::Failed(e)) => return Err(api_error(e)),
            Some(event) => answers.push((event, events)),
            None => return Err(api_error(EngineError::WorkerGone)),
        }
    }
    Ok(Started {
        name,
        tool_format,
        prompt_tokens: queued.prompt_tokens,
        answers,
    })
}

/// The finish reason of an answer that may hold tool calls: `tool_calls`
/// when it does. A required call that is missing or unreadable is an
/// error (the grammar makes that happen only when the answer was cut).
pub(super) fn finish_with_calls(
    parsed: &Parsed,
    required: bool,
    finish: FinishReason,
) -> Result<FinishReason, ApiError> {
    match (parsed.tool_calls.is_empty(), required) {
        (false, _) => Ok(FinishReason::ToolCalls),
        (true, true) => Err(missing_call(parsed.tool_error.as_deref())),
        (true, false) => Ok(finish),
    }
}

/// A required call that the answer does not hold.
pub(super) fn missing_call(why: Option<&str>) -> ApiError {
    let why = why.unwrap_or("the answer ended before its tool call was complete");
    ApiError::invalid(
        "max_tokens",
        format!("a tool call was required but could not be read ({why}); raise max_tokens"),
    )
}

/// The next event of a generation. When the server's grace period is
/// nearly over the generation is cancelled, so that it ends with what it
/// has (a `Done`) instead of leaving its client without an answer.
async fn next_or_cut(
    state: &AppState,
    events: &mut EventStream,
    cancel: &AtomicBool,
) -> Option<Event> {
    if !cancel.load(Ordering::Relaxed) {
        let mut phase = state.phase.clone();
        tokio::select! {
            event = events.recv() => return event,
            _ = phase.wait_for(|p| *p == Phase::Cutting) => cancel.store(true, Ordering::Relaxed),
        }
    }
    events.recv().await
}

pub(super) fn api_error(e: EngineError) -> ApiError {
    match e {
        EngineError::PromptTooLong {
            prompt_tokens,
            context_size,
        } => ApiError::context_exceeded(prompt_tokens, context_size),
        EngineError::EmptyPrompt => ApiError::invalid("messages", "the prompt is empty"),
        EngineError::InvalidConstraint(message) => ApiError::invalid("grammar", message),
        EngineError::Template(message) => ApiError::invalid("messages", message),
        EngineError::UnknownToken { param, .. } => ApiError::invalid(param, e.to_string()),
        EngineError::Embeddings(message) => ApiError::invalid("model", message),
        EngineError::QueueFull { .. } => ApiError::busy(e.to_string()),
        EngineError::ShuttingDown => ApiError::shutting_down(),
        other => ApiError::internal(other.to_string()),
    }
}

async fn collect(
    state: &AppState,
    first: Event,
    mut events: EventStream,
    cancel: &AtomicBool,
) -> Result<(String, Completion, Vec<TokenLogprob>), ApiError> {
    let mut text = String::new();
    let mut logprobs = Vec::new();
    let mut next = Some(first);
    while let Some(event) = next {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::Logprob(report) => logprobs.push(report),
            Event::Done(mut done) => {
                state.metrics.completion(&done);
                if done.finish_reason == FinishReason::Cancelled {
                    // Cut short by the server stopping; OpenAI's vocabulary
                    // has no word for it, and `length` tells clients the
                    // text is incomplete.
                    done.finish_reason = FinishReason::Length;
                }
                return Ok((text, done, logprobs));
            }
            Event::Failed(e) => return Err(api_error(e)),
        }
        next = next_or_cut(state, &mut events, cancel).await;
    }
    Err(api_error(EngineError::WorkerGone))
}
