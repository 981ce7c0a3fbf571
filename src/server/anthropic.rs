//! Anthropic's Messages API: `POST /v1/messages` and
//! `/v1/messages/count_tokens`. A request is read block by block into a
//! chat request (so it goes through the same checks, template and tool
//! grammar as Chat Completions), and the answer is written back as content
//! blocks, whole or as Anthropic's stream of events.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::response::sse::Event as SseEvent;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};

use super::error::ApiError;
use super::request;
use super::routes::{api_error, collect_chat, parse_or_forward, start_chat};
use super::stream::{sse, Events, Piece, Shape};
use super::AppState;
use crate::engine::{Completion, FinishReason, ToolCall};
use crate::wire::anthropic::*;
use crate::wire::openai::ChatCompletionRequest;

type ApiResult = Result<Response, ApiError>;

/// Fields that describe the caller or ask for a service level: accepted
/// and ignored.
const CALLER_FIELDS: &[&str] = &[
    "metadata",
    "service_tier",
    "cache_control",
    "inference_geo",
    "speed",
    "diagnostics",
];

pub async fn messages(
    State(state): State<Arc<AppState>>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let body: MessagesRequest = match parse_or_forward(&state, "/messages", body).await? {
        Ok(body) => body,
        Err(forwarded) => return Ok(forwarded),
    };
    let stream = body.stream;
    let chat = to_chat(body, Purpose::Answer)?;
    // Thinking is always split off: it has blocks of its own.
    let start = start_chat(&state, chat, false).await?;
    let id = format!("msg_{}", state.next_id());
    if stream {
        let shape = MessageEvents::new(id, start.model, start.answers.prompt_tokens);
        return Ok(sse(&state, start.answers, shape).into_response());
    }
    let (mut answers, _) = collect_chat(&state, start.answers, &start.cancel).await?;
    let answer = answers
        .pop()
        .ok_or_else(|| api_error(crate::engine::EngineError::WorkerGone))?;
    let mut content = Vec::new();
    if let Some(thinking) = answer.parsed.reasoning.filter(|t| !t.is_empty()) {
        content.push(OutputBlock::Thinking {
            thinking,
            signature: String::new(),
        });
    }
    if !answer.parsed.answer.is_empty() {
        content.push(OutputBlock::Text {
            text: answer.parsed.answer,
        });
    }
    content.extend(answer.parsed.tool_calls.iter().map(tool_use_block));
    Ok(Json(Message {
        id,
        kind: "message",
        role: "assistant",
        content,
        model: start.model,
        stop_reason: Some(stop_reason(answer.finish_reason, &answer.done)),
        stop_sequence: answer.done.stop_string.clone(),
        usage: usage(&answer.done),
    })
    .into_response())
}

pub async fn count_tokens(
    State(state): State<Arc<AppState>>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let body: MessagesRequest =
        match parse_or_forward(&state, "/messages/count_tokens", body).await? {
            Ok(body) => body,
            Err(forwarded) => return Ok(forwarded),
        };
    let chat = to_chat(body, Purpose::Count)?;
    let model = chat.model.clone();
    let (generate, _) = request::chat(chat, &state.settings)?;
    let serving = state.models.engine_for(model.as_deref(), None).await?;
    let tokens = tokio::task::spawn_blocking(move || serving.engine.count_prompt_tokens(&generate))
        .await
        .map_err(|e| ApiError::internal(format!("the tokens could not be counted: {e}")))?
        .map_err(api_error)?;
    Ok(Json(TokenCount {
        input_tokens: tokens as u32,
    })
    .into_response())
}

/// Why a request is read: `count_tokens` needs no `max_tokens`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Purpose {
    Answer,
    Count,
}

/// The request as a Chat Completions request.
pub(super) fn to_chat(
    body: MessagesRequest,
    purpose: Purpose,
) -> Result<ChatCompletionRequest, ApiError> {
    refuse_unhonoured(&body.other)?;
    let max_tokens = match (body.max_tokens, purpose) {
        (Some(n), _) if n >= 1 => Some(n),
        (None, Purpose::Count) => None,
        (Some(n), _) => {
            return Err(ApiError::invalid(
                "max_tokens",
                format!("max_tokens must be at least 1, not {n}"),
            ))
        }
        (None, Purpose::Answer) => {
            return Err(ApiError::invalid(
                "max_tokens",
                "max_tokens is required: the most tokens the answer may have",
            ))
        }
    };
    if body.messages.is_empty() {
        return Err(ApiError::invalid("messages", "messages must not be empty"));
    }
    let mut messages = Vec::with_capacity(body.messages.len() + 1);
    if let Some(system) = body.system.filter(|s| !s.is_null()) {
        messages.push(json!({"role": "system", "content": system_text(system)?}));
    }
    for (i, message) in body.messages.into_iter().enumerate() {
        read_message(i, message, &mut messages)?;
    }
    let tools = body.tools.map(read_tools).transpose()?;
    let (tool_choice, parallel) = read_tool_choice(body.tool_choice)?;
    let mut chat = json!({
        "model": body.model,
        "messages": messages,
        "max_tokens": max_tokens,
        "temperature": body.temperature,
        "top_p": body.top_p,
        "top_k": body.top_k,
        "stop": body.stop_sequences,
        "tools": tools,
        "tool_choice": tool_choice,
        "parallel_tool_calls": parallel,
        "keep_alive": body.keep_alive,
    });
    let variables = thinking_variables(body.thinking)?;
    let (effort, format) = read_output_config(body.output_config)?;
    if let Some(object) = chat.as_object_mut() {
        if !variables.is_empty() {
            object.insert("chat_template_kwargs".into(), Value::Object(variables));
        }
        if let Some(effort) = effort {
            object.insert("reasoning_effort".into(), effort.into());
        }
        if let Some(format) = format {
            object.insert("response_format".into(), format);
        }
    }
    serde_json::from_value(chat)
        .map_err(|e| ApiError::bad_body(format!("the body is not a valid request: {e}")))
}

/// Fields beyond the ones read: the caller's labels are ignored, the rest
/// refused with a 400 that names the field.
fn refuse_unhonoured(other: &Map<String, Value>) -> Result<(), ApiError> {
    for (field, value) in other {
        if CALLER_FIELDS.contains(&field.as_str()) || value.is_null() {
            continue;
        }
        let message = match field.as_str() {
            "container" | "mcp_servers" | "context_management" | "prefill" => {
                format!("`{field}` is not supported by this server; send the request without it")
            }
            _ => format!(
                "unknown field `{field}`; the server does not guess what it means (RUN.md lists the fields it reads)"
            ),
        };
        return Err(ApiError::unsupported_field(field, message));
    }
    Ok(())
}

/// The system prompt: a string or a list of text blocks.
fn system_text(system: Value) -> Result<String, ApiError> {
    match system {
        Value::String(text) => Ok(text),
        Value::Array(blocks) => {
            let mut text = String::new();
            for (j, block) in blocks.into_iter().enumerate() {
                match block_type(&block) {
                    Some("text") => text.push_str(&block_text(&block, || format!("system[{j}]"))?),
                    other => {
                        return Err(ApiError::invalid(
                            "system",
                            format!(
                                "system[{j}] is {}; the system prompt is made of text blocks",
                                describe(other)
                            ),
                        ))
                    }
                }
            }
            Ok(text)
        }
        other => Err(ApiError::invalid(
            "system",
            format!(
                "system is a string or a list of text blocks, not {}",
                kind_of(&other)
            ),
        )),
    }
}

/// One message, as chat messages: a user message's tool results become
/// `tool` messages (before its text), an assistant's `tool_use` blocks its
/// tool calls; thinking sent back is dropped (templates drop it too).
fn read_message(i: usize, message: InputMessage, out: &mut Vec<Value>) -> Result<(), ApiError> {
    let role = message.role.as_str();
    if !matches!(role, "user" | "assistant" | "system") {
        return Err(ApiError::invalid(
            "messages",
            format!("messages[{i}].role is user or assistant, not `{role}`"),
        ));
    }
    let blocks = match message.content {
        Value::String(text) => {
            out.push(json!({"role": role, "content": text}));
            return Ok(());
        }
        Value::Array(blocks) => blocks,
        other => {
            return Err(ApiError::invalid(
                "messages",
                format!(
                    "messages[{i}].content is a string or a list of content blocks, not {}",
                    kind_of(&other)
                ),
            ))
        }
    };
    let mut text = String::new();
    let mut calls = Vec::new();
    for (j, block) in blocks.into_iter().enumerate() {
        let at = || format!("messages[{i}].content[{j}]");
        match (block_type(&block), role) {
            (Some("text"), _) => text.push_str(&block_text(&block, at)?),
            (Some("tool_use"), "assistant") => calls.push(tool_use_call(&block, at)?),
            (Some("tool_result"), "user") => out.push(tool_result(&block, at)?),
            (Some("thinking" | "redacted_thinking"), "assistant") => {}
            (Some(kind @ ("tool_use" | "tool_result" | "thinking" | "redacted_thinking")), _) => {
                return Err(ApiError::invalid(
                    "messages",
                    format!(
                        "{} is a `{kind}` block, which a {role} message cannot hold",
                        at()
                    ),
                ))
            }
            (other, _) => {
                return Err(ApiError::invalid(
                    "messages",
                    format!(
                    "{} is {}; this server reads text, tool_use, tool_result and thinking blocks",
                    at(),
                    describe(other)
                ),
                ))
            }
        }
    }
    if !calls.is_empty() {
        out.push(json!({"role": role, "content": text, "tool_calls": calls}));
    } else if !text.is_empty() || role != "user" || !out.last().is_some_and(is_tool_message) {
        out.push(json!({"role": role, "content": text}));
    }
    Ok(())
}

fn is_tool_message(message: &Value) -> bool {
    message["role"] == "tool"
}

fn block_type(block: &Value) -> Option<&str> {
    block.get("type").and_then(Value::as_str)
}

/// What a block is, for an error message.
fn describe(kind: Option<&str>) -> String {
    match kind {
        Some(kind) => format!("a `{kind}` block"),
        None => "a block without a `type`".into(),
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn block_text(block: &Value, at: impl Fn() -> String) -> Result<String, ApiError> {
    match block.get("text") {
        Some(Value::String(text)) => Ok(text.clone()),
        _ => Err(ApiError::invalid(
            "messages",
            format!("{} is a text block without a `text` string", at()),
        )),
    }
}

/// A `tool_use` block as an OpenAI tool call.
fn tool_use_call(block: &Value, at: impl Fn() -> String) -> Result<Value, ApiError> {
    let (Some(id), Some(name)) = (
        block.get("id").and_then(Value::as_str),
        block.get("name").and_then(Value::as_str),
    ) else {
        return Err(ApiError::invalid(
            "messages",
            format!("{} is a tool_use block without an `id` and a `name`", at()),
        ));
    };
    let input = block.get("input").cloned().unwrap_or(json!({}));
    if !input.is_object() {
        return Err(ApiError::invalid(
            "messages",
            format!("{}.input is the call's arguments, an object", at()),
        ));
    }
    Ok(json!({
        "id": id,
        "type": "function",
        "function": {"name": name, "arguments": input.to_string()},
    }))
}

/// A `tool_result` block as a `tool` message.
fn tool_result(block: &Value, at: impl Fn() -> String) -> Result<Value, ApiError> {
    let Some(id) = block.get("tool_use_id").and_then(Value::as_str) else {
        return Err(ApiError::invalid(
            "messages",
            format!("{} is a tool_result block without `tool_use_id`", at()),
        ));
    };
    let mut content = match block.get("content") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(Value::Array(parts)) => {
            let mut text = String::new();
            for (k, part) in parts.iter().enumerate() {
                match block_type(part) {
                    Some("text") => {
                        text.push_str(&block_text(part, || format!("{}.content[{k}]", at()))?)
                    }
                    other => {
                        return Err(ApiError::invalid(
                            "messages",
                            format!(
                                "{}.content[{k}] is {}; tool results are text here",
                                at(),
                                describe(other)
                            ),
                        ))
                    }
                }
            }
            text
        }
        Some(other) => {
            return Err(ApiError::invalid(
                "messages",
                format!(
                    "{}.content is a string or text blocks, not {}",
                    at(),
                    kind_of(other)
                ),
            ))
        }
    };
    if block.get("is_error") == Some(&Value::Bool(true)) {
        content = format!("Error: {content}");
    }
    Ok(json!({"role": "tool", "tool_call_id": id, "content": content}))
}

/// Anthropic's tools as OpenAI function tools. Anthropic's own server
/// tools (web search, code execution…) run on Anthropic's side: refused.
fn read_tools(tools: Vec<Value>) -> Result<Value, ApiError> {
    let mut out = Vec::with_capacity(tools.len());
    for (i, tool) in tools.into_iter().enumerate() {
        match block_type(&tool) {
            None | Some("custom") => {}
            Some(kind) => {
                return Err(ApiError::invalid(
                    "tools",
                    format!("tools[{i}] is a `{kind}` server tool, which runs on Anthropic's side; this server offers your own tools (name, description, input_schema)"),
                ))
            }
        }
        let Some(name) = tool.get("name").and_then(Value::as_str) else {
            return Err(ApiError::invalid(
                "tools",
                format!("tools[{i}] has no `name`"),
            ));
        };
        let Some(schema) = tool.get("input_schema").filter(|s| s.is_object()) else {
            return Err(ApiError::invalid(
                "tools",
                format!("tools[{i}] (`{name}`) has no `input_schema` object"),
            ));
        };
        let mut function = json!({"name": name, "parameters": schema});
        if let Some(description) = tool.get("description").filter(|d| !d.is_null()) {
            function["description"] = description.clone();
        }
        out.push(json!({"type": "function", "function": function}));
    }
    Ok(Value::Array(out))
}

/// `tool_choice` as OpenAI's, and whether calls may come several at once.
fn read_tool_choice(choice: Option<Value>) -> Result<(Option<Value>, Option<bool>), ApiError> {
    let Some(choice) = choice.filter(|c| !c.is_null()) else {
        return Ok((None, None));
    };
    let parallel = match choice.get("disable_parallel_tool_use") {
        Some(Value::Bool(disable)) => Some(!disable),
        _ => None,
    };
    let openai = match (block_type(&choice), choice.get("name").and_then(Value::as_str)) {
        (Some("auto"), _) => json!("auto"),
        (Some("any"), _) => json!("required"),
        (Some("none"), _) => json!("none"),
        (Some("tool"), Some(name)) => json!({"type": "function", "function": {"name": name}}),
        (Some("tool"), None) => {
            return Err(ApiError::invalid(
                "tool_choice",
                "tool_choice of type `tool` names the tool: {\"type\": \"tool\", \"name\": ...}",
            ))
        }
        _ => {
            return Err(ApiError::invalid(
                "tool_choice",
                format!("tool_choice is {{\"type\": \"auto\" | \"any\" | \"tool\" | \"none\"}}, not {choice}"),
            ))
        }
    };
    Ok((Some(openai), parallel))
}

/// `thinking` as template variables: enabled (with its budget as a
/// reasoning effort: under 4096 tokens low, under 16384 medium, more high),
/// adaptive (the template's default, thinking on) or disabled.
fn thinking_variables(thinking: Option<Value>) -> Result<Map<String, Value>, ApiError> {
    let mut variables = Map::new();
    let Some(thinking) = thinking.filter(|t| !t.is_null()) else {
        return Ok(variables);
    };
    match block_type(&thinking) {
        Some("enabled") => {
            let Some(budget) = thinking.get("budget_tokens").and_then(Value::as_u64) else {
                return Err(ApiError::invalid(
                    "thinking",
                    "thinking of type `enabled` has a `budget_tokens` number",
                ));
            };
            let effort = match budget {
                0..4096 => "low",
                4096..16384 => "medium",
                _ => "high",
            };
            variables.insert("enable_thinking".into(), true.into());
            variables.insert("reasoning_effort".into(), effort.into());
        }
        Some("adaptive") => {
            variables.insert("enable_thinking".into(), true.into());
        }
        Some("disabled") => {
            variables.insert("enable_thinking".into(), false.into());
            variables.insert("reasoning_effort".into(), "none".into());
        }
        _ => {
            return Err(ApiError::invalid(
                "thinking",
                format!("thinking is {{\"type\": \"enabled\" | \"adaptive\" | \"disabled\"}}, not {thinking}"),
            ))
        }
    }
    Ok(variables)
}

/// `output_config`: its effort as OpenAI's `reasoning_effort`, its JSON
/// schema format as a `response_format`.
fn read_output_config(
    config: Option<Value>,
) -> Result<(Option<&'static str>, Option<Value>), ApiError> {
    let Some(config) = config.filter(|c| !c.is_null()) else {
        return Ok((None, None));
    };
    let Some(fields) = config.as_object() else {
        return Err(ApiError::invalid(
            "output_config",
            "output_config is an object",
        ));
    };
    let mut effort = None;
    let mut format = None;
    for (key, value) in fields {
        match (key.as_str(), value) {
            (_, Value::Null) => {}
            ("effort", Value::String(level)) => {
                effort = Some(match level.as_str() {
                    "low" => "low",
                    "medium" => "medium",
                    "high" | "xhigh" | "max" => "high",
                    _ => {
                        return Err(ApiError::invalid(
                            "output_config",
                            format!("output_config.effort is low, medium, high, xhigh or max, not `{level}`"),
                        ))
                    }
                })
            }
            ("format", spec) if block_type(spec) == Some("json_schema") => {
                let Some(schema) = spec.get("schema").filter(|s| s.is_object()) else {
                    return Err(ApiError::invalid(
                        "output_config",
                        "output_config.format of type `json_schema` has a `schema` object",
                    ));
                };
                format = Some(json!({
                    "type": "json_schema",
                    "json_schema": {"name": "output", "schema": schema},
                }));
            }
            _ => {
                return Err(ApiError::invalid(
                    "output_config",
                    format!("output_config.{key} is not read by this server (it reads effort and a json_schema format)"),
                ))
            }
        }
    }
    Ok((effort, format))
}

fn tool_use_block(call: &ToolCall) -> OutputBlock {
    OutputBlock::ToolUse {
        id: call.id.clone(),
        name: call.name.clone(),
        input: serde_json::from_str(&call.arguments).unwrap_or_else(|_| json!({})),
    }
}

fn stop_reason(finish: FinishReason, done: &Completion) -> &'static str {
    match finish {
        FinishReason::ToolCalls => "tool_use",
        FinishReason::Length => "max_tokens",
        FinishReason::Stop if done.stop_string.is_some() => "stop_sequence",
        FinishReason::Stop | FinishReason::Cancelled => "end_turn",
    }
}

fn usage(done: &Completion) -> MessageUsage {
    let cached = done.timings.cached_tokens.min(done.usage.prompt_tokens);
    MessageUsage {
        input_tokens: done.usage.prompt_tokens - cached,
        output_tokens: done.usage.completion_tokens,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: cached,
    }
}

/// The kind of content block open in a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Text,
    Thinking,
    ToolUse,
}

/// Anthropic's stream: `message_start`, a `ping`, each content block as
/// `content_block_start`, its deltas and `content_block_stop`, then
/// `message_delta` (stop reason and usage) and `message_stop`.
struct MessageEvents {
    id: String,
    model: String,
    prompt_tokens: usize,
    /// The open block and its index.
    open: Option<(Open, usize)>,
    blocks: usize,
    finish: FinishReason,
    stopped: bool,
}

impl MessageEvents {
    fn new(id: String, model: String, prompt_tokens: usize) -> Self {
        Self {
            id,
            model,
            prompt_tokens,
            open: None,
            blocks: 0,
            finish: FinishReason::Stop,
            stopped: false,
        }
    }

    fn send(out: &mut Events, name: &str, data: Value) {
        out.push_back(SseEvent::default().event(name).data(data.to_string()));
    }

    fn close(&mut self, out: &mut Events) {
        if let Some((_, index)) = self.open.take() {
            Self::send(
                out,
                "content_block_stop",
                json!({"type": "content_block_stop", "index": index}),
            );
        }
    }

    /// The index of an open block of `kind`, opening one (closing the
    /// block before it) when needed.
    fn block(&mut self, kind: Open, start: Value, out: &mut Events) -> usize {
        match self.open {
            Some((open, index)) if open == kind && kind != Open::ToolUse => index,
            _ => {
                self.close(out);
                let index = self.blocks;
                self.blocks += 1;
                self.open = Some((kind, index));
                Self::send(
                    out,
                    "content_block_start",
                    json!({"type": "content_block_start", "index": index, "content_block": start}),
                );
                index
            }
        }
    }

    fn delta(out: &mut Events, index: usize, delta: Value) {
        Self::send(
            out,
            "content_block_delta",
            json!({"type": "content_block_delta", "index": index, "delta": delta}),
        );
    }

    fn stop(&mut self, done: Option<&Completion>, out: &mut Events) {
        if self.stopped {
            return;
        }
        self.stopped = true;
        self.close(out);
        let (reason, sequence, usage) = match done {
            Some(done) => (
                stop_reason(self.finish, done),
                done.stop_string.clone(),
                usage(done),
            ),
            None => ("end_turn", None, MessageUsage::default()),
        };
        Self::send(
            out,
            "message_delta",
            json!({
                "type": "message_delta",
                "delta": {"stop_reason": reason, "stop_sequence": sequence},
                "usage": usage,
            }),
        );
        Self::send(out, "message_stop", json!({"type": "message_stop"}));
    }
}

impl Shape for MessageEvents {
    fn piece(&mut self, _index: u32, piece: Piece, out: &mut Events) {
        match piece {
            Piece::Start => {
                let message = json!({
                    "id": self.id,
                    "type": "message",
                    "role": "assistant",
                    "content": [],
                    "model": self.model,
                    "stop_reason": null,
                    "stop_sequence": null,
                    "usage": {"input_tokens": self.prompt_tokens, "output_tokens": 0},
                });
                Self::send(
                    out,
                    "message_start",
                    json!({"type": "message_start", "message": message}),
                );
                Self::send(out, "ping", json!({"type": "ping"}));
            }
            Piece::Text(text) if !text.is_empty() => {
                let index = self.block(Open::Text, json!({"type": "text", "text": ""}), out);
                Self::delta(out, index, json!({"type": "text_delta", "text": text}));
            }
            Piece::Reasoning(text) if !text.is_empty() => {
                let start = json!({"type": "thinking", "thinking": "", "signature": ""});
                let index = self.block(Open::Thinking, start, out);
                Self::delta(
                    out,
                    index,
                    json!({"type": "thinking_delta", "thinking": text}),
                );
            }
            Piece::ToolCallStart(_, call) => {
                let start =
                    json!({"type": "tool_use", "id": call.id, "name": call.name, "input": {}});
                self.block(Open::ToolUse, start, out);
            }
            Piece::ToolCallArguments(_, fragment) if !fragment.is_empty() => {
                if let Some((Open::ToolUse, index)) = self.open {
                    Self::delta(
                        out,
                        index,
                        json!({"type": "input_json_delta", "partial_json": fragment}),
                    );
                }
            }
            Piece::Finish(reason) => self.finish = reason,
            Piece::Usage(done) => self.stop(Some(done), out),
            _ => {}
        }
    }

    fn end(&mut self, out: &mut Events) {
        self.stop(None, out);
    }

    fn fail(&mut self, error: ApiError, out: &mut Events) {
        let status = error.kind.status().as_u16();
        let body = ErrorBody::for_status(status, error.message);
        let data = serde_json::to_string(&body).unwrap_or_default();
        out.push_back(SseEvent::default().event("error").data(data));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(body: Value) -> MessagesRequest {
        serde_json::from_value(body).expect("a messages request")
    }

    fn chat(body: Value) -> Result<ChatCompletionRequest, ApiError> {
        to_chat(request(body), Purpose::Answer)
    }

    #[test]
    fn blocks_become_chat_messages_tool_calls_and_tool_results() {
        let chat = chat(json!({
            "model": "m", "max_tokens": 64,
            "system": [{"type": "text", "text": "Be brief."}],
            "messages": [
                {"role": "user", "content": "Weather in Paris?"},
                {"role": "assistant", "content": [
                    {"type": "thinking", "thinking": "hmm", "signature": ""},
                    {"type": "text", "text": "Let me look."},
                    {"type": "tool_use", "id": "toolu_1", "name": "weather", "input": {"city": "Paris"}},
                ]},
                {"role": "user", "content": [
                    {"type": "tool_result", "tool_use_id": "toolu_1", "content": [{"type": "text", "text": "sunny"}]},
                ]},
            ],
            "tools": [{"name": "weather", "description": "d", "input_schema": {"type": "object"}}],
            "tool_choice": {"type": "any", "disable_parallel_tool_use": true},
            "stop_sequences": ["END"],
        }))
        .expect("a valid request");
        let messages = serde_json::to_value(&chat.messages).unwrap();
        assert_eq!(messages[0]["role"], "system");
        assert_eq!(messages[0]["content"], "Be brief.");
        assert_eq!(messages[2]["content"], "Let me look.");
        assert_eq!(
            messages[2]["tool_calls"][0]["function"]["arguments"],
            r#"{"city":"Paris"}"#
        );
        assert_eq!(messages[3]["role"], "tool");
        assert_eq!(messages[3]["tool_call_id"], "toolu_1");
        assert_eq!(messages[3]["content"], "sunny");
        assert_eq!(
            messages.as_array().unwrap().len(),
            4,
            "no empty user turn after the result"
        );
        assert_eq!(chat.tool_choice, Some(json!("required")));
        assert_eq!(chat.parallel_tool_calls, Some(json!(false)));
        assert_eq!(
            chat.tools.unwrap()[0]["function"]["parameters"],
            json!({"type": "object"})
        );
    }

    #[test]
    fn wrong_requests_are_400s_naming_the_place() {
        let base = |extra: Value| {
            let mut body = json!({"model": "m", "max_tokens": 8, "messages": [{"role": "user", "content": "hi"}]});
            for (k, v) in extra.as_object().unwrap() {
                body[k] = v.clone();
            }
            chat(body)
                .err()
                .map(|e| (e.kind.status().as_u16(), e.message))
        };
        let cases = [
            (json!({"max_tokens": null}), "max_tokens is required"),
            (json!({"max_tokens": 0}), "at least 1"),
            (json!({"messages": []}), "must not be empty"),
            (
                json!({"messages": [{"role": "user", "content": [{"type": "image", "source": {}}]}]}),
                "messages[0].content[0] is a `image` block",
            ),
            (
                json!({"messages": [{"role": "user", "content": [{"type": "tool_use", "id": "a", "name": "b", "input": {}}]}]}),
                "which a user message cannot hold",
            ),
            (
                json!({"messages": [{"role": "robot", "content": "x"}]}),
                "role is user or assistant",
            ),
            (
                json!({"system": [{"type": "image"}]}),
                "system[0] is a `image` block",
            ),
            (
                json!({"tools": [{"type": "web_search_20250305", "name": "web_search"}]}),
                "server tool",
            ),
            (json!({"tools": [{"name": "f"}]}), "no `input_schema`"),
            (json!({"tool_choice": {"type": "tool"}}), "names the tool"),
            (json!({"thinking": {"type": "enabled"}}), "budget_tokens"),
            (json!({"container": "c"}), "not supported"),
            (json!({"frobnicate": 1}), "unknown field `frobnicate`"),
        ];
        for (extra, expected) in cases {
            let (status, message) =
                base(extra.clone()).unwrap_or_else(|| panic!("{extra} was accepted"));
            assert_eq!(status, 400, "{extra}");
            assert!(message.contains(expected), "{extra}: {message}");
        }
        assert!(base(json!({"metadata": {"user_id": "u"}, "service_tier": "auto"})).is_none());
    }

    #[test]
    fn thinking_budgets_become_efforts() {
        let effort = |budget: u64| {
            thinking_variables(Some(json!({"type": "enabled", "budget_tokens": budget}))).unwrap()
                ["reasoning_effort"]
                .clone()
        };
        assert_eq!(effort(1024), "low");
        assert_eq!(effort(8000), "medium");
        assert_eq!(effort(32000), "high");
        let off = thinking_variables(Some(json!({"type": "disabled"}))).unwrap();
        assert_eq!(off["enable_thinking"], false);
    }

    #[test]
    fn a_stream_opens_and_closes_blocks_in_order() {
        let mut shape = MessageEvents::new("msg_1".into(), "m".into(), 5);
        let mut out = Events::new();
        let call = ToolCall {
            id: "call_1".into(),
            name: "f".into(),
            arguments: "{\"a\":1}".into(),
        };
        shape.piece(0, Piece::Start, &mut out);
        shape.piece(0, Piece::Reasoning("hm"), &mut out);
        shape.piece(0, Piece::Text("Hi"), &mut out);
        shape.piece(0, Piece::Text(" there"), &mut out);
        shape.piece(0, Piece::ToolCallStart(0, &call), &mut out);
        shape.piece(0, Piece::ToolCallArguments(0, "{\"a\":1}"), &mut out);
        shape.piece(0, Piece::Finish(FinishReason::ToolCalls), &mut out);
        let done = Completion {
            finish_reason: FinishReason::Stop,
            stop_string: None,
            usage: crate::engine::Usage {
                prompt_tokens: 5,
                completion_tokens: 7,
                total_tokens: 12,
            },
            timings: Default::default(),
        };
        shape.piece(0, Piece::Usage(&done), &mut out);
        shape.end(&mut out);
        let names: Vec<String> = out
            .iter()
            .map(|e| format!("{e:?}"))
            .map(|debug| {
                let at = debug.find("event: ").expect("a named event") + 7;
                debug[at..].split("\\n").next().unwrap().to_string()
            })
            .collect();
        assert_eq!(
            names,
            [
                "message_start",
                "ping",
                "content_block_start",
                "content_block_delta",
                "content_block_stop",
                "content_block_start",
                "content_block_delta",
                "content_block_delta",
                "content_block_stop",
                "content_block_start",
                "content_block_delta",
                "content_block_stop",
                "message_delta",
                "message_stop",
            ]
        );
        let last_delta = format!("{:?}", out[12]);
        assert!(last_delta.contains("tool_use"), "{last_delta}");
        assert!(
            last_delta.contains("\\\"output_tokens\\\":7"),
            "{last_delta}"
        );
    }
}
