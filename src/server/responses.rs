//! OpenAI's Responses API: `POST /v1/responses` (whole or streamed as the
//! documented events), `GET` and `DELETE /v1/responses/{id}`. A request is
//! read item by item into a chat request, after the stored conversation of
//! its `previous_response_id`; the answer is written back as output items
//! (reasoning, a message, function calls) and, unless `store` is false,
//! kept in the [`ResponseStore`] with the conversation that led to it.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::response::sse::Event as SseEvent;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};

use super::error::ApiError;
use super::response_store::{ResponseStore, Stored};
use super::routes::{collect_chat, parse_or_forward, start_chat};
use super::stream::{sse, Events, Piece, Shape};
use super::AppState;
use crate::engine::{Completion, FinishReason, ToolCall};
use crate::wire::openai::ChatCompletionRequest;
use crate::wire::responses::ResponsesRequest;

type ApiResult = Result<Response, ApiError>;

/// Fields that only describe the caller: accepted and ignored.
const CALLER_FIELDS: &[&str] = &[
    "user",
    "safety_identifier",
    "prompt_cache_key",
    "prompt_cache_retention",
    "service_tier",
];

pub async fn create(
    State(state): State<Arc<AppState>>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let body: ResponsesRequest = match parse_or_forward(&state, "/responses", body).await? {
        Ok(body) => body,
        Err(forwarded) => return Ok(forwarded),
    };
    let stream = body.stream;
    let id = format!("resp_{}", state.next_id());
    let (mut draft, chat) = read_request(&state.responses, id, body)?;
    // Reasoning is always split off: it has items of its own.
    let start = start_chat(&state, chat, false).await?;
    draft.model = start.model;
    if stream {
        let shape = ResponseEvents::new(draft, Arc::clone(&state.responses));
        return Ok(sse(&state, start.answers, shape).into_response());
    }
    let (mut answers, _) = collect_chat(&state, start.answers, &start.cancel).await?;
    let answer = answers
        .pop()
        .ok_or_else(|| ApiError::internal("the answer ended before it began"))?;
    let mut items = Vec::new();
    if let Some(reasoning) = answer.parsed.reasoning.filter(|r| !r.is_empty()) {
        items.push(Item::Reasoning(reasoning));
    }
    if !answer.parsed.answer.is_empty() || answer.parsed.tool_calls.is_empty() {
        items.push(Item::Message(answer.parsed.answer));
    }
    items.extend(answer.parsed.tool_calls.into_iter().map(Item::Call));
    let response = draft.finish(&items, Some(&answer.done), answer.finish_reason);
    keep(&state.responses, &draft, &items, &response);
    Ok(Json(response).into_response())
}

pub async fn get(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> ApiResult {
    let store = Arc::clone(&state.responses);
    let found = tokio::task::spawn_blocking(move || store.get(&id).ok_or(id))
        .await
        .map_err(|e| ApiError::internal(format!("the store could not be read: {e}")))?;
    match found {
        Ok(stored) => Ok(Json(stored.response).into_response()),
        Err(id) => Err(missing(&id, "response_id")),
    }
}

pub async fn delete(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> ApiResult {
    let store = Arc::clone(&state.responses);
    let (deleted, id) = tokio::task::spawn_blocking(move || (store.delete(&id), id))
        .await
        .map_err(|e| ApiError::internal(format!("the store could not be changed: {e}")))?;
    if !deleted {
        return Err(missing(&id, "response_id"));
    }
    Ok(Json(json!({"id": id, "object": "response", "deleted": true})).into_response())
}

fn missing(id: &str, param: &'static str) -> ApiError {
    ApiError {
        param: Some(param.into()),
        ..ApiError::not_found(format!(
            "no stored response `{id}`: responses are kept when created with store (the default) until removed or pushed out by newer ones"
        ))
    }
}

/// What the response will say about its request, and the conversation to
/// keep with it.
pub(super) struct Draft {
    id: String,
    created_at: u64,
    model: String,
    /// The request's settings, echoed in the response object.
    echo: Map<String, Value>,
    /// The conversation as chat messages, without the instructions.
    conversation: Vec<Value>,
    store: bool,
}

/// One output item of a response.
#[derive(Debug, Clone)]
enum Item {
    Reasoning(String),
    Message(String),
    Call(ToolCall),
}

impl Draft {
    fn item_id(&self, index: usize, item: &Item) -> String {
        let prefix = match item {
            Item::Reasoning(_) => "rs",
            Item::Message(_) => "msg",
            Item::Call(_) => "fc",
        };
        let base = self.id.trim_start_matches("resp_");
        format!("{prefix}_{base}{index:02}")
    }

    /// An output item as the API shows it.
    fn item_json(&self, index: usize, item: &Item, status: &str) -> Value {
        let id = self.item_id(index, item);
        match item {
            Item::Reasoning(text) => json!({
                "id": id, "type": "reasoning", "status": status, "summary": [],
                "content": [{"type": "reasoning_text", "text": text}],
            }),
            Item::Message(text) => json!({
                "id": id, "type": "message", "status": status, "role": "assistant",
                "content": [output_text(text)],
            }),
            Item::Call(call) => json!({
                "id": id, "type": "function_call", "status": status,
                "call_id": call.id, "name": call.name, "arguments": call.arguments,
            }),
        }
    }

    /// The response object: in progress (no `done` yet) or finished.
    fn snapshot(
        &self,
        items: &[Item],
        done: Option<&Completion>,
        finish: Option<FinishReason>,
    ) -> Value {
        let status = match finish {
            None => "in_progress",
            Some(FinishReason::Length) => "incomplete",
            Some(_) => "completed",
        };
        let item_status = if finish.is_some() {
            "completed"
        } else {
            "in_progress"
        };
        let output: Vec<Value> = items
            .iter()
            .enumerate()
            .map(|(i, item)| self.item_json(i, item, item_status))
            .collect();
        let mut response = json!({
            "id": self.id,
            "object": "response",
            "created_at": self.created_at,
            "status": status,
            "error": null,
            "incomplete_details": (status == "incomplete").then(|| json!({"reason": "max_output_tokens"})),
            "model": self.model,
            "output": output,
            "usage": done.map(usage),
        });
        if let Some(object) = response.as_object_mut() {
            object.extend(self.echo.clone());
        }
        response
    }

    fn finish(&self, items: &[Item], done: Option<&Completion>, finish: FinishReason) -> Value {
        self.snapshot(items, done, Some(finish))
    }
}

fn output_text(text: &str) -> Value {
    json!({"type": "output_text", "text": text, "annotations": [], "logprobs": []})
}

fn usage(done: &Completion) -> Value {
    json!({
        "input_tokens": done.usage.prompt_tokens,
        "input_tokens_details": {"cached_tokens": done.timings.cached_tokens.min(done.usage.prompt_tokens)},
        "output_tokens": done.usage.completion_tokens,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": done.usage.total_tokens,
    })
}

/// Keeps a finished response and its conversation (answer included),
/// unless the request said `store: false`. A failure to write is logged:
/// the client has its answer either way.
fn keep(store: &ResponseStore, draft: &Draft, items: &[Item], response: &Value) {
    if !draft.store {
        return;
    }
    let mut conversation = draft.conversation.clone();
    let text: String = items
        .iter()
        .filter_map(|item| match item {
            Item::Message(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let calls: Vec<Value> = items
        .iter()
        .filter_map(|item| match item {
            Item::Call(call) => Some(json!({
                "id": call.id, "type": "function",
                "function": {"name": call.name, "arguments": call.arguments},
            })),
            _ => None,
        })
        .collect();
    let mut answer = json!({"role": "assistant", "content": text});
    if !calls.is_empty() {
        answer["tool_calls"] = Value::Array(calls);
    }
    conversation.push(answer);
    let stored = Stored {
        response: response.clone(),
        conversation,
    };
    if let Err(e) = store.put(&draft.id, &stored) {
        tracing::warn!("response {} could not be stored: {e}", draft.id);
    }
}

/// The request as a chat request, and the draft of its response `id`.
pub(super) fn read_request(
    store: &ResponseStore,
    id: String,
    body: ResponsesRequest,
) -> Result<(Draft, ChatCompletionRequest), ApiError> {
    refuse_unhonoured(&body.other)?;
    if let Some(include) = &body.include {
        if let Some(other) = include.iter().find(|i| *i != "reasoning.encrypted_content") {
            return Err(ApiError::unsupported_field(
                "include",
                format!("include `{other}` is not supported by this server (it can include reasoning.encrypted_content, which it leaves out: its reasoning is not encrypted)"),
            ));
        }
    }
    match body.truncation.as_ref().and_then(Value::as_str) {
        None | Some("disabled") => {}
        Some(other) => {
            return Err(ApiError::invalid(
                "truncation",
                format!("truncation `{other}` is not supported: this server never drops input (send `disabled`, the default)"),
            ))
        }
    }
    let mut conversation = match &body.previous_response_id {
        Some(id) => {
            store
                .get(id)
                .ok_or_else(|| missing(id, "previous_response_id"))?
                .conversation
        }
        None => Vec::new(),
    };
    match body.input.clone() {
        None | Some(Value::Null) => {
            return Err(ApiError::invalid(
                "input",
                "input is required: a string or a list of items",
            ))
        }
        Some(Value::String(text)) => conversation.push(json!({"role": "user", "content": text})),
        Some(Value::Array(items)) => {
            for (i, item) in items.into_iter().enumerate() {
                read_item(i, item, &mut conversation)?;
            }
        }
        Some(other) => {
            return Err(ApiError::invalid(
                "input",
                format!("input is a string or a list of items, not {other}"),
            ))
        }
    }
    let instructions = match &body.instructions {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(text.clone()),
        Some(_) => {
            return Err(ApiError::invalid(
                "instructions",
                "instructions is a string (the system message)",
            ))
        }
    };
    let mut messages = Vec::with_capacity(conversation.len() + 1);
    if let Some(text) = &instructions {
        messages.push(json!({"role": "system", "content": text}));
    }
    messages.extend(conversation.iter().cloned());
    let tools = body.tools.clone().map(read_tools).transpose()?;
    let tool_choice = read_tool_choice(body.tool_choice.clone())?;
    let format = read_text_format(body.text.as_ref())?;
    let effort = read_reasoning(body.reasoning.as_ref())?;
    let max_tokens = match body.max_output_tokens {
        Some(n) if n < 1 => {
            return Err(ApiError::invalid(
                "max_output_tokens",
                format!("max_output_tokens must be at least 1, not {n}"),
            ))
        }
        other => other,
    };
    let chat = json!({
        "model": body.model,
        "messages": messages,
        "max_tokens": max_tokens,
        "temperature": body.temperature,
        "top_p": body.top_p,
        "tools": tools,
        "tool_choice": tool_choice,
        "parallel_tool_calls": body.parallel_tool_calls,
        "response_format": format,
        "reasoning_effort": effort,
        "keep_alive": body.keep_alive,
    });
    let chat: ChatCompletionRequest = serde_json::from_value(chat)
        .map_err(|e| ApiError::bad_body(format!("the body is not a valid request: {e}")))?;
    let echo = json!({
        "instructions": instructions,
        "max_output_tokens": body.max_output_tokens,
        "parallel_tool_calls": body.parallel_tool_calls.unwrap_or(true),
        "previous_response_id": body.previous_response_id,
        "reasoning": body.reasoning.clone().unwrap_or(json!({"effort": null, "summary": null})),
        "store": body.store.unwrap_or(true),
        "temperature": body.temperature,
        "text": body.text.clone().unwrap_or(json!({"format": {"type": "text"}})),
        "tool_choice": body.tool_choice.clone().unwrap_or(json!("auto")),
        "tools": body.tools.clone().unwrap_or_default(),
        "top_p": body.top_p,
        "truncation": "disabled",
        "metadata": body.metadata.clone().unwrap_or(json!({})),
        "user": null,
    });
    let draft = Draft {
        id,
        created_at: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
        model: String::new(),
        echo: echo.as_object().cloned().unwrap_or_default(),
        conversation,
        store: body.store.unwrap_or(true),
    };
    Ok((draft, chat))
}

/// Fields beyond the ones read: the caller's labels are ignored, what asks
/// for the default accepted, the rest refused with a 400 naming the field.
fn refuse_unhonoured(other: &Map<String, Value>) -> Result<(), ApiError> {
    for (field, value) in other {
        let default = match field.as_str() {
            _ if CALLER_FIELDS.contains(&field.as_str()) => true,
            "background" => value.is_null() || *value == Value::Bool(false),
            "top_logprobs" => value.is_null() || value.as_i64() == Some(0),
            "conversation" | "prompt" | "max_tool_calls" => value.is_null(),
            _ => {
                return Err(ApiError::unsupported_field(
                    field,
                    format!("unknown field `{field}`; the server does not guess what it means (RUN.md lists the fields it reads)"),
                ))
            }
        };
        if !default {
            return Err(ApiError::unsupported_field(
                field,
                format!(
                    "`{field}` is not supported by this server yet; send the request without it"
                ),
            ));
        }
    }
    Ok(())
}

/// One input item, as chat messages: messages, function calls (joined to
/// the assistant turn before them) and their outputs; reasoning sent back
/// is dropped (templates drop it too).
fn read_item(i: usize, item: Value, out: &mut Vec<Value>) -> Result<(), ApiError> {
    let invalid = |message: String| ApiError::invalid("input", message);
    let kind = item.get("type").and_then(Value::as_str);
    match kind {
        None | Some("message") => {
            let role = item.get("role").and_then(Value::as_str).unwrap_or_default();
            if !matches!(role, "user" | "assistant" | "system" | "developer") {
                return Err(invalid(format!(
                    "input[{i}].role is user, assistant, system or developer, not `{role}`"
                )));
            }
            let text = message_text(i, item.get("content"))?;
            out.push(json!({"role": role, "content": text}));
        }
        Some("function_call") => {
            let field = |name: &str| item.get(name).and_then(Value::as_str);
            let (Some(call_id), Some(name)) = (field("call_id"), field("name")) else {
                return Err(invalid(format!("input[{i}] is a function_call without `call_id` and `name`")));
            };
            let call = json!({
                "id": call_id, "type": "function",
                "function": {"name": name, "arguments": field("arguments").unwrap_or("{}")},
            });
            match out.last_mut() {
                Some(last) if last["role"] == "assistant" => {
                    match last.get_mut("tool_calls").and_then(Value::as_array_mut) {
                        Some(calls) => calls.push(call),
                        None => last["tool_calls"] = json!([call]),
                    }
                }
                _ => out.push(json!({"role": "assistant", "content": "", "tool_calls": [call]})),
            }
        }
        Some("function_call_output") => {
            let Some(call_id) = item.get("call_id").and_then(Value::as_str) else {
                return Err(invalid(format!("input[{i}] is a function_call_output without `call_id`")));
            };
            let output = match item.get("output") {
                Some(Value::String(text)) => text.clone(),
                Some(parts @ Value::Array(_)) => message_text(i, Some(parts))?,
                _ => {
                    return Err(invalid(format!(
                        "input[{i}].output is the call's result, a string or text parts"
                    )))
                }
            };
            out.push(json!({"role": "tool", "tool_call_id": call_id, "content": output}));
        }
        Some("reasoning") => {}
        Some("item_reference") => {
            return Err(invalid(format!(
                "input[{i}] is an item_reference; send the item itself, or continue with previous_response_id"
            )))
        }
        Some(other) => {
            return Err(invalid(format!(
                "input[{i}] is a `{other}` item; this server reads message, function_call, function_call_output and reasoning items"
            )))
        }
    }
    Ok(())
}

/// A message's content: a string or a list of text parts.
fn message_text(i: usize, content: Option<&Value>) -> Result<String, ApiError> {
    match content {
        Some(Value::String(text)) => Ok(text.clone()),
        Some(Value::Array(parts)) => {
            let mut text = String::new();
            for (j, part) in parts.iter().enumerate() {
                let kind = part.get("type").and_then(Value::as_str);
                match (kind, part.get("text").and_then(Value::as_str)) {
                    (Some("input_text" | "output_text" | "text"), Some(t)) => text.push_str(t),
                    (Some("refusal"), _) => {
                        text.push_str(part.get("refusal").and_then(Value::as_str).unwrap_or_default())
                    }
                    (Some(kind), _) => {
                        return Err(ApiError::invalid(
                            "input",
                            format!("input[{i}].content[{j}] is a `{kind}` part; this server reads text parts (input_text, output_text)"),
                        ))
                    }
                    (None, _) => {
                        return Err(ApiError::invalid(
                            "input",
                            format!("input[{i}].content[{j}] has no `type`"),
                        ))
                    }
                }
            }
            Ok(text)
        }
        _ => Err(ApiError::invalid(
            "input",
            format!("input[{i}].content is a string or a list of text parts"),
        )),
    }
}

/// Function tools in the Responses API's flat shape, as chat tools.
fn read_tools(tools: Vec<Value>) -> Result<Value, ApiError> {
    let mut out = Vec::with_capacity(tools.len());
    for (i, tool) in tools.into_iter().enumerate() {
        match tool.get("type").and_then(Value::as_str) {
            Some("function") => {}
            other => {
                return Err(ApiError::invalid(
                    "tools",
                    format!(
                        "tools[{i}] is of type `{}`; this server offers function tools (the ones your code runs)",
                        other.unwrap_or("none")
                    ),
                ))
            }
        }
        let mut function = Map::new();
        for key in ["name", "description", "parameters", "strict"] {
            if let Some(value) = tool.get(key).filter(|v| !v.is_null()) {
                function.insert(key.into(), value.clone());
            }
        }
        out.push(json!({"type": "function", "function": function}));
    }
    Ok(Value::Array(out))
}

fn read_tool_choice(choice: Option<Value>) -> Result<Option<Value>, ApiError> {
    match choice {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(mode)) if ["auto", "none", "required"].contains(&mode.as_str()) => {
            Ok(Some(Value::String(mode)))
        }
        Some(spec) if spec.get("type").and_then(Value::as_str) == Some("function") => {
            match spec.get("name").and_then(Value::as_str) {
                Some(name) => Ok(Some(json!({"type": "function", "function": {"name": name}}))),
                None => Err(ApiError::invalid("tool_choice", "a function tool_choice names the function: {\"type\": \"function\", \"name\": ...}")),
            }
        }
        Some(other) => Err(ApiError::invalid(
            "tool_choice",
            format!("tool_choice is auto, none, required or {{\"type\": \"function\", \"name\": ...}}, not {other}"),
        )),
    }
}

/// `text.format` as a chat `response_format`.
fn read_text_format(text: Option<&Value>) -> Result<Option<Value>, ApiError> {
    let Some(text) = text.filter(|t| !t.is_null()) else {
        return Ok(None);
    };
    match text.get("verbosity") {
        None | Some(Value::Null) => {}
        Some(v) if v == "medium" => {}
        Some(other) => {
            return Err(ApiError::invalid(
                "text",
                format!("text.verbosity {other} is not supported: local models have no verbosity switch (send medium, the default)"),
            ))
        }
    }
    let Some(format) = text.get("format").filter(|f| !f.is_null()) else {
        return Ok(None);
    };
    match format.get("type").and_then(Value::as_str) {
        Some("text") => Ok(None),
        Some("json_object") => Ok(Some(json!({"type": "json_object"}))),
        Some("json_schema") => {
            let mut schema = Map::new();
            for key in ["name", "description", "schema", "strict"] {
                if let Some(value) = format.get(key).filter(|v| !v.is_null()) {
                    schema.insert(key.into(), value.clone());
                }
            }
            Ok(Some(json!({"type": "json_schema", "json_schema": schema})))
        }
        _ => Err(ApiError::invalid(
            "text",
            format!("text.format is of type text, json_object or json_schema, not {format}"),
        )),
    }
}

/// `reasoning.effort` as the chat request's `reasoning_effort`.
fn read_reasoning(reasoning: Option<&Value>) -> Result<Option<Value>, ApiError> {
    let Some(reasoning) = reasoning.filter(|r| !r.is_null()) else {
        return Ok(None);
    };
    if !reasoning.is_object() {
        return Err(ApiError::invalid(
            "reasoning",
            "reasoning is {\"effort\": ..., \"summary\": ...}",
        ));
    }
    Ok(reasoning.get("effort").filter(|e| !e.is_null()).cloned())
}

/// The Responses stream: `response.created`, `response.in_progress`, each
/// output item as `response.output_item.added`, its parts and deltas and
/// `response.output_item.done`, then `response.completed` (or
/// `response.incomplete`), every event numbered.
struct ResponseEvents {
    draft: Draft,
    store: Arc<ResponseStore>,
    items: Vec<Item>,
    /// The last item is still receiving text.
    open: bool,
    finish: FinishReason,
    sequence: u64,
    finished: bool,
}

impl ResponseEvents {
    fn new(draft: Draft, store: Arc<ResponseStore>) -> Self {
        Self {
            draft,
            store,
            items: Vec::new(),
            open: false,
            finish: FinishReason::Stop,
            sequence: 0,
            finished: false,
        }
    }

    fn send(&mut self, out: &mut Events, kind: &str, mut data: Value) {
        data["type"] = kind.into();
        data["sequence_number"] = self.sequence.into();
        self.sequence += 1;
        out.push_back(SseEvent::default().event(kind).data(data.to_string()));
    }

    /// The index of the open item of this kind, opening one (and closing
    /// the one before) when needed.
    fn item(&mut self, fresh: Item, out: &mut Events) -> usize {
        let same = matches!(
            (self.items.last(), &fresh),
            (Some(Item::Reasoning(_)), Item::Reasoning(_))
                | (Some(Item::Message(_)), Item::Message(_))
        );
        if self.open && same {
            return self.items.len() - 1;
        }
        self.close(out);
        let index = self.items.len();
        let mut item = self.draft.item_json(index, &fresh, "in_progress");
        if let Item::Reasoning(_) | Item::Message(_) = fresh {
            item["content"] = json!([]);
        }
        if let Item::Call(_) = fresh {
            item["arguments"] = json!("");
        }
        let id = self.draft.item_id(index, &fresh);
        let is_message = matches!(fresh, Item::Message(_));
        // Text arrives in deltas, each added as it is sent.
        self.items.push(match fresh {
            Item::Reasoning(_) => Item::Reasoning(String::new()),
            Item::Message(_) => Item::Message(String::new()),
            call => call,
        });
        self.open = true;
        self.send(
            out,
            "response.output_item.added",
            json!({"output_index": index, "item": item}),
        );
        if is_message {
            self.send(
                out,
                "response.content_part.added",
                json!({"item_id": id, "output_index": index, "content_index": 0, "part": output_text("")}),
            );
        }
        index
    }

    fn close(&mut self, out: &mut Events) {
        if !self.open {
            return;
        }
        self.open = false;
        let index = self.items.len() - 1;
        let item = self.items[index].clone();
        let id = self.draft.item_id(index, &item);
        let at = json!({"item_id": id, "output_index": index});
        let with = |extra: Value| {
            let mut data = at.clone();
            if let (Some(data), Some(extra)) = (data.as_object_mut(), extra.as_object()) {
                data.extend(extra.clone());
            }
            data
        };
        match &item {
            Item::Reasoning(text) => {
                self.send(
                    out,
                    "response.reasoning_text.done",
                    with(json!({"content_index": 0, "text": text})),
                );
            }
            Item::Message(text) => {
                self.send(
                    out,
                    "response.output_text.done",
                    with(json!({"content_index": 0, "text": text, "logprobs": []})),
                );
                self.send(
                    out,
                    "response.content_part.done",
                    with(json!({"content_index": 0, "part": output_text(text)})),
                );
            }
            Item::Call(call) => {
                self.send(
                    out,
                    "response.function_call_arguments.done",
                    with(json!({"arguments": call.arguments, "name": call.name})),
                );
            }
        }
        let done = self.draft.item_json(index, &item, "completed");
        self.send(
            out,
            "response.output_item.done",
            json!({"output_index": index, "item": done}),
        );
    }

    fn complete(&mut self, done: Option<&Completion>, out: &mut Events) {
        if self.finished {
            return;
        }
        self.finished = true;
        self.close(out);
        let response = self.draft.finish(&self.items, done, self.finish);
        keep(&self.store, &self.draft, &self.items, &response);
        let kind = if response["status"] == "incomplete" {
            "response.incomplete"
        } else {
            "response.completed"
        };
        self.send(out, kind, json!({"response": response}));
    }

    fn text(&mut self, item: Item, out: &mut Events) {
        let (delta, event) = match &item {
            Item::Reasoning(t) => (t.clone(), "response.reasoning_text.delta"),
            Item::Message(t) => (t.clone(), "response.output_text.delta"),
            Item::Call(_) => return,
        };
        let index = self.item(item, out);
        if let Some(Item::Reasoning(text) | Item::Message(text)) = self.items.get_mut(index) {
            text.push_str(&delta);
        }
        let id = self.draft.item_id(index, &self.items[index]);
        let mut data =
            json!({"item_id": id, "output_index": index, "content_index": 0, "delta": delta});
        if event == "response.output_text.delta" {
            data["logprobs"] = json!([]);
        }
        self.send(out, event, data);
    }
}

impl Shape for ResponseEvents {
    fn piece(&mut self, _index: u32, piece: Piece, out: &mut Events) {
        match piece {
            Piece::Start => {
                let snapshot = self.draft.snapshot(&[], None, None);
                self.send(out, "response.created", json!({"response": snapshot}));
                self.send(out, "response.in_progress", json!({"response": snapshot}));
            }
            Piece::Text(text) if !text.is_empty() => self.text(Item::Message(text.into()), out),
            Piece::Reasoning(text) if !text.is_empty() => {
                self.text(Item::Reasoning(text.into()), out)
            }
            Piece::ToolCallStart(_, call) => {
                self.item(Item::Call(call.clone()), out);
            }
            Piece::ToolCallArguments(_, fragment) if !fragment.is_empty() => {
                let index = self.items.len().saturating_sub(1);
                if let Some(item @ Item::Call(_)) = self.items.get(index) {
                    let id = self.draft.item_id(index, item);
                    self.send(
                        out,
                        "response.function_call_arguments.delta",
                        json!({"item_id": id, "output_index": index, "delta": fragment}),
                    );
                }
            }
            Piece::Finish(reason) => self.finish = reason,
            Piece::Usage(done) => self.complete(Some(done), out),
            _ => {}
        }
    }

    fn end(&mut self, out: &mut Events) {
        self.complete(None, out);
    }

    fn fail(&mut self, error: ApiError, out: &mut Events) {
        let code = error.kind.code();
        let message = error.message.clone();
        let param = error.param.clone().map(String::from);
        self.send(
            out,
            "error",
            json!({"code": code, "message": message, "param": param}),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> Draft {
        Draft {
            id: "resp_ab".into(),
            created_at: 1,
            model: "m".into(),
            echo: Map::new(),
            conversation: vec![json!({"role": "user", "content": "hi"})],
            store: true,
        }
    }

    fn events(out: &Events) -> Vec<Value> {
        out.iter()
            .map(|event| {
                let debug = format!("{event:?}");
                let at = debug.find("data: ").expect("data") + 6;
                let data = debug[at..]
                    .split("\\n")
                    .next()
                    .unwrap()
                    .replace("\\\"", "\"");
                serde_json::from_str(&data).expect("JSON data")
            })
            .collect()
    }

    #[test]
    fn a_stream_numbers_its_events_and_ends_with_the_whole_response_stored() {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(ResponseStore::open(dir.path().to_path_buf(), 1 << 20));
        let mut shape = ResponseEvents::new(draft(), Arc::clone(&store));
        let mut out = Events::new();
        let call = ToolCall {
            id: "call_1".into(),
            name: "f".into(),
            arguments: "{}".into(),
        };
        shape.piece(0, Piece::Start, &mut out);
        shape.piece(0, Piece::Reasoning("hm"), &mut out);
        shape.piece(0, Piece::Text("Hi"), &mut out);
        shape.piece(0, Piece::Text("!"), &mut out);
        shape.piece(0, Piece::ToolCallStart(0, &call), &mut out);
        shape.piece(0, Piece::ToolCallArguments(0, "{}"), &mut out);
        shape.piece(0, Piece::Finish(FinishReason::ToolCalls), &mut out);
        let done = Completion {
            finish_reason: FinishReason::Stop,
            stop_string: None,
            usage: crate::engine::Usage {
                prompt_tokens: 3,
                completion_tokens: 4,
                total_tokens: 7,
            },
            timings: Default::default(),
        };
        shape.piece(0, Piece::Usage(&done), &mut out);
        shape.end(&mut out);
        let events = events(&out);
        let kinds: Vec<&str> = events.iter().map(|e| e["type"].as_str().unwrap()).collect();
        assert_eq!(
            kinds,
            [
                "response.created",
                "response.in_progress",
                "response.output_item.added",
                "response.reasoning_text.delta",
                "response.reasoning_text.done",
                "response.output_item.done",
                "response.output_item.added",
                "response.content_part.added",
                "response.output_text.delta",
                "response.output_text.delta",
                "response.output_text.done",
                "response.content_part.done",
                "response.output_item.done",
                "response.output_item.added",
                "response.function_call_arguments.delta",
                "response.function_call_arguments.done",
                "response.output_item.done",
                "response.completed",
            ]
        );
        for (n, event) in events.iter().enumerate() {
            assert_eq!(event["sequence_number"], n as u64);
        }
        let response = &events.last().unwrap()["response"];
        assert_eq!(response["output"][1]["content"][0]["text"], "Hi!");
        assert_eq!(response["output"][2]["call_id"], "call_1");
        assert_eq!(response["usage"]["total_tokens"], 7);
        let stored = store.get("resp_ab").expect("stored");
        assert_eq!(stored.conversation.len(), 2);
        assert_eq!(stored.conversation[1]["content"], "Hi!");
        assert_eq!(stored.conversation[1]["tool_calls"][0]["id"], "call_1");
    }
}
