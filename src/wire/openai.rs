//! OpenAI's Chat Completions and Completions wire format: the request
//! bodies (the server reads them, the client writes them) and the answers
//! and stream chunks (the server writes them, borrowing what they show so
//! each is serialised once; the client reads them, from any server).

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize};

use crate::engine::{FinishReason, Message, Timings, TokenLogprob, ToolCall, Usage};

/// `stop` may be one string or a list of them.
#[derive(Debug, Serialize, Deserialize)]
#[serde(untagged)]
pub enum StopSpec {
    One(String),
    Many(Vec<String>),
}

impl StopSpec {
    pub fn into_vec(self) -> Vec<String> {
        match self {
            StopSpec::One(s) => vec![s],
            StopSpec::Many(v) => v,
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct StreamOptions {
    #[serde(default)]
    pub include_usage: bool,
}

/// Sampling fields shared by both completion endpoints. `top_k`, `min_p`
/// and `repeat_penalty` are not OpenAI's: flashchat and llama-server use
/// them, other servers ignore them.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct SamplingFields {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_tokens: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_completion_tokens: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top_k: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_p: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeat_penalty: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presence_penalty: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frequency_penalty: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stop: Option<StopSpec>,
    /// Token id (as text) to a bias from -100 to 100; checked by the server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logit_bias: Option<serde_json::Value>,
}

/// What the answer must look like: OpenAI's `response_format`, or
/// llama-server's `grammar` (GBNF) and `json_schema` fields.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct ConstraintFields {
    /// Read as a [`ResponseFormat`] by the server, so that a wrong one is
    /// refused naming this field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_format: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grammar: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub json_schema: Option<serde_json::Value>,
}

/// OpenAI's `response_format`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ResponseFormat {
    Text,
    JsonObject,
    JsonSchema { json_schema: JsonSchemaFormat },
}

#[derive(Debug, Serialize, Deserialize)]
pub struct JsonSchemaFormat {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strict: Option<bool>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ChatCompletionRequest {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    pub messages: Vec<ChatMessage>,
    #[serde(default)]
    pub stream: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream_options: Option<StreamOptions>,
    /// How many answers to give (each a choice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<i64>,
    /// Report each token's log-probability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logprobs: Option<bool>,
    /// How many likeliest alternatives to list per token (0 to 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_logprobs: Option<i64>,
    /// Functions the model may call; read and checked by the server, which
    /// names the part that is wrong.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel_tool_calls: Option<serde_json::Value>,
    /// `none`/`minimal` turn a template's thinking off, `low` to `high` on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning_effort: Option<serde_json::Value>,
    /// llama-server's extension: more variables for the chat template
    /// (`{"enable_thinking": false}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_template_kwargs: Option<serde_json::Value>,
    /// How long the model stays loaded after this request (ollama's
    /// field): seconds, `"5m"`, `-1` for ever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_alive: Option<serde_json::Value>,
    #[serde(flatten)]
    pub constraint: ConstraintFields,
    #[serde(flatten)]
    pub sampling: SamplingFields,
    /// Every other field, which the server answers field by field: the
    /// ones that only describe the caller are ignored, the rest honoured
    /// or refused by name, never silently dropped.
    #[serde(flatten, default)]
    pub other: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct CompletionRequest {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    pub prompt: CompletionPrompt,
    #[serde(default)]
    pub stream: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream_options: Option<StreamOptions>,
    /// Answers per prompt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<i64>,
    /// The legacy API's log-probabilities: this many alternatives per token
    /// (0 = only the chosen token's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logprobs: Option<i64>,
    /// How long the model stays loaded after this request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_alive: Option<serde_json::Value>,
    #[serde(flatten)]
    pub constraint: ConstraintFields,
    #[serde(flatten)]
    pub sampling: SamplingFields,
    /// Every other field, which the server answers field by field: the
    /// ones that only describe the caller are ignored, the rest honoured
    /// or refused by name, never silently dropped.
    #[serde(flatten, default)]
    pub other: serde_json::Map<String, serde_json::Value>,
}

/// A completion's prompt: text, several texts, token ids, or several
/// lists of token ids (each list or text is answered on its own).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CompletionPrompt {
    Text(String),
    Texts(Vec<String>),
    Tokens(Vec<i64>),
    TokenLists(Vec<Vec<i64>>),
}

/// The legacy completions API's log-probabilities of one choice.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct TextLogprobs {
    pub tokens: Vec<String>,
    pub token_logprobs: Vec<f32>,
    /// Per token, the likeliest alternatives as token → log-probability.
    pub top_logprobs: Vec<serde_json::Map<String, serde_json::Value>>,
    /// Where each token starts in the choice's text (in characters).
    pub text_offset: Vec<usize>,
}

impl TextLogprobs {
    /// Adds the next token; `offset` is where its text starts.
    pub fn push(&mut self, report: &TokenLogprob, offset: usize) {
        self.tokens.push(report.token.text.clone());
        self.token_logprobs.push(report.logprob);
        self.top_logprobs.push(
            report
                .top
                .iter()
                .map(|(token, logprob)| (token.text.clone(), serde_json::Value::from(*logprob)))
                .collect(),
        );
        self.text_offset.push(offset);
    }
}

/// A message as clients send it: the role stays text here so that an
/// unknown one gets a 400 naming it.
#[derive(Debug, Serialize, Deserialize)]
pub struct ChatMessage {
    pub role: String,
    #[serde(default)]
    pub content: Option<MessageContent>,
    /// An assistant message's calls (checked by the server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_calls: Option<serde_json::Value>,
    /// The call a `tool` message answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_call_id: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<serde_json::Value>,
}

impl From<&Message> for ChatMessage {
    fn from(m: &Message) -> Self {
        let calls: Vec<WireToolCall> = m.tool_calls.iter().map(WireToolCall::from).collect();
        ChatMessage {
            role: m.role.as_str().to_string(),
            content: Some(MessageContent::Text(m.content.clone())),
            tool_calls: (!calls.is_empty())
                .then(|| serde_json::to_value(calls).unwrap_or_default()),
            tool_call_id: m.tool_call_id.clone().map(Into::into),
            name: m.name.clone().map(Into::into),
        }
    }
}

/// A tool call as OpenAI writes it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WireToolCall {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub function: WireFunctionCall,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WireFunctionCall {
    pub name: String,
    /// The arguments as a JSON text.
    pub arguments: String,
}

impl From<&ToolCall> for WireToolCall {
    fn from(call: &ToolCall) -> Self {
        WireToolCall {
            id: call.id.clone(),
            kind: "function".into(),
            function: WireFunctionCall {
                name: call.name.clone(),
                arguments: call.arguments.clone(),
            },
        }
    }
}

/// A streamed piece of a tool call: the first names it (index, id, name),
/// the next carry fragments of its arguments.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ToolCallDelta {
    pub index: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default)]
    pub function: FunctionDelta,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct FunctionDelta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arguments: Option<String>,
}

/// Content is a string, or a list of parts of which only text is used.
#[derive(Debug, Serialize, Deserialize)]
#[serde(untagged)]
pub enum MessageContent {
    Text(String),
    Parts(Vec<ContentPart>),
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ContentPart {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl MessageContent {
    /// The text, or the name of the part type flashchat cannot use.
    pub fn text(self) -> Result<String, String> {
        match self {
            MessageContent::Text(t) => Ok(t),
            MessageContent::Parts(parts) => parts
                .into_iter()
                .map(|p| match (p.kind.as_str(), p.text) {
                    ("text", Some(t)) => Ok(t),
                    (kind, _) => Err(kind.to_string()),
                })
                .collect::<Result<Vec<_>, _>>()
                .map(|texts| texts.join("\n")),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct ChatCompletion {
    pub id: String,
    pub object: &'static str,
    pub created: u64,
    pub model: String,
    pub choices: Vec<ChatChoice>,
    pub usage: Usage,
}

#[derive(Debug, Serialize)]
pub struct ChatChoice {
    pub index: u32,
    pub message: AssistantMessage,
    /// `null` unless the request asked for them.
    pub logprobs: Option<ChoiceLogprobs>,
    pub finish_reason: FinishReason,
}

/// The log-probabilities of a choice's tokens (`logprobs: true`).
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct ChoiceLogprobs {
    pub content: Vec<LogprobEntry>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct LogprobEntry {
    pub token: String,
    pub logprob: f32,
    pub bytes: Vec<u8>,
    /// The likeliest tokens at this place (`top_logprobs` of them).
    pub top_logprobs: Vec<TopLogprob>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct TopLogprob {
    pub token: String,
    pub logprob: f32,
    pub bytes: Vec<u8>,
}

impl From<&TokenLogprob> for LogprobEntry {
    fn from(report: &TokenLogprob) -> Self {
        LogprobEntry {
            token: report.token.text.clone(),
            logprob: report.logprob,
            bytes: report.token.bytes.clone(),
            top_logprobs: report
                .top
                .iter()
                .map(|(token, logprob)| TopLogprob {
                    token: token.text.clone(),
                    logprob: *logprob,
                    bytes: token.bytes.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct AssistantMessage {
    pub role: &'static str,
    /// `null` when the answer is only tool calls.
    pub content: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reasoning_content: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tool_calls: Vec<WireToolCall>,
}

/// One streamed chunk. The server borrows what it shows and serialises it
/// straight to the text of its server-sent event; the client reads it back
/// borrowing from that text where it can.
#[derive(Debug, Serialize, Deserialize)]
pub struct ChatChunk<'a> {
    #[serde(borrow, default)]
    pub id: Cow<'a, str>,
    #[serde(skip_deserializing)]
    pub object: &'static str,
    #[serde(default)]
    pub created: u64,
    #[serde(borrow, default)]
    pub model: Cow<'a, str>,
    #[serde(borrow, default)]
    pub choices: Vec<ChunkChoice<'a>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient"
    )]
    pub usage: Option<Usage>,
    /// flashchat's (and llama-server's) extension: how the request was served.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient"
    )]
    pub timings: Option<Timings>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ChunkChoice<'a> {
    #[serde(default)]
    pub index: u32,
    #[serde(borrow, default)]
    pub delta: Delta<'a>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient"
    )]
    pub logprobs: Option<ChoiceLogprobs>,
    #[serde(default, deserialize_with = "finish_reason")]
    pub finish_reason: Option<FinishReason>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Delta<'a> {
    /// Always `assistant`; not read back.
    #[serde(skip_serializing_if = "Option::is_none", skip_deserializing)]
    pub role: Option<&'static str>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Cow<'a, str>>,
    /// Reasoning split off the answer (`reasoning` on some servers).
    #[serde(
        borrow,
        default,
        alias = "reasoning",
        skip_serializing_if = "Option::is_none"
    )]
    pub reasoning_content: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_calls: Option<Vec<ToolCallDelta>>,
}

/// A text completion, whole or as one streamed chunk.
#[derive(Debug, Serialize, Deserialize)]
pub struct TextCompletion<'a> {
    #[serde(borrow, default)]
    pub id: Cow<'a, str>,
    #[serde(skip_deserializing)]
    pub object: &'static str,
    #[serde(default)]
    pub created: u64,
    #[serde(borrow, default)]
    pub model: Cow<'a, str>,
    #[serde(borrow, default)]
    pub choices: Vec<TextChoice<'a>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient"
    )]
    pub usage: Option<Usage>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct TextChoice<'a> {
    #[serde(default)]
    pub index: u32,
    #[serde(borrow, default)]
    pub text: Cow<'a, str>,
    /// `null` unless the request asked for them.
    #[serde(default, deserialize_with = "lenient")]
    pub logprobs: Option<TextLogprobs>,
    #[serde(default, deserialize_with = "finish_reason")]
    pub finish_reason: Option<FinishReason>,
}

/// OpenAI's error body, `{"error": {"message", "type", "code", "param"}}`.
/// Servers differ in what they put where: `code` may be a number, a bare
/// `{"error": "text"}` happens, so every field is optional when read.
#[derive(Debug, Serialize, Deserialize)]
pub struct ErrorBody {
    #[serde(deserialize_with = "detail_or_text")]
    pub error: ErrorDetail,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct ErrorDetail {
    #[serde(default)]
    pub message: String,
    #[serde(rename = "type", default, deserialize_with = "lenient")]
    pub kind: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub code: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub param: Option<String>,
    /// More about the error (llama-server's `n_prompt_tokens`, `n_ctx`).
    #[serde(flatten)]
    pub details: serde_json::Map<String, serde_json::Value>,
}

/// An error's detail, or a bare message (`{"error": "text"}`).
fn detail_or_text<'de, D>(deserializer: D) -> Result<ErrorDetail, D::Error>
where
    D: Deserializer<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        Detail(ErrorDetail),
        Text(String),
    }
    Ok(match Either::deserialize(deserializer)? {
        Either::Detail(detail) => detail,
        Either::Text(message) => ErrorDetail {
            message,
            ..ErrorDetail::default()
        },
    })
}

/// What a stream's event holds: an error that ended it, or a chunk.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum StreamEvent<T> {
    Error(ErrorBody),
    Chunk(T),
}

/// A value the reader can do without: one of another shape (llama-server's
/// `timings`, a numeric `code`) is dropped instead of failing the chunk.
fn lenient<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(serde_json::from_value(value).ok())
}

/// `length` is the one reason a reader acts on (the text is cut short);
/// every other word (`stop`, `tool_calls`, `eos`, …) means a finished answer.
fn finish_reason<'de, D>(deserializer: D) -> Result<Option<FinishReason>, D::Error>
where
    D: Deserializer<'de>,
{
    Ok(
        Option::<Cow<'de, str>>::deserialize(deserializer)?.map(|word| match word.as_ref() {
            "length" => FinishReason::Length,
            "tool_calls" | "function_call" => FinishReason::ToolCalls,
            _ => FinishReason::Stop,
        }),
    )
}

#[derive(Debug, Serialize)]
pub struct ModelList {
    pub object: &'static str,
    pub data: Vec<ModelCard>,
}

#[derive(Debug, Serialize)]
pub struct ModelCard {
    pub id: String,
    pub object: &'static str,
    pub created: u64,
    pub owned_by: &'static str,
    /// `loaded`, `loading` or `on disk` (loaded when a request names it).
    pub status: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_read_back_what_the_server_wrote() {
        let chunk = ChatChunk {
            id: "chatcmpl-1".into(),
            object: "chat.completion.chunk",
            created: 7,
            model: "m".into(),
            choices: vec![ChunkChoice {
                index: 0,
                delta: Delta {
                    content: Some("say \"hi\"\n".into()),
                    ..Delta::default()
                },
                logprobs: None,
                finish_reason: Some(FinishReason::Length),
            }],
            usage: None,
            timings: None,
        };
        let text = serde_json::to_string(&chunk).unwrap();
        let back: ChatChunk = serde_json::from_str(&text).unwrap();
        assert_eq!(
            back.choices[0].delta.content.as_deref(),
            Some("say \"hi\"\n")
        );
        assert_eq!(back.choices[0].finish_reason, Some(FinishReason::Length));
        assert_eq!(back.id, "chatcmpl-1");
    }

    #[test]
    fn other_servers_chunks_are_read_leniently() {
        // llama-server: its own timings, `reasoning_content`; others:
        // `reasoning`, null content, unknown finish reasons, extra fields.
        let llama = r#"{"choices":[{"delta":{"reasoning_content":"hmm"},"finish_reason":null}],
            "timings":{"prompt_n":3,"predicted_ms":1.5},"system_fingerprint":"b1"}"#;
        let chunk: ChatChunk = serde_json::from_str(llama).unwrap();
        assert_eq!(
            chunk.choices[0].delta.reasoning_content.as_deref(),
            Some("hmm")
        );
        assert!(chunk.timings.is_none());
        let other = r#"{"id":"x","object":"chat.completion.chunk","choices":[{"index":0,
            "delta":{"role":"assistant","content":null,"reasoning":"r"},
            "finish_reason":"tool_calls","logprobs":null}],"usage":{"prompt_tokens":1}}"#;
        let chunk: ChatChunk = serde_json::from_str(other).unwrap();
        assert_eq!(chunk.choices[0].delta.content, None);
        assert_eq!(
            chunk.choices[0].delta.reasoning_content.as_deref(),
            Some("r")
        );
        assert_eq!(
            chunk.choices[0].finish_reason,
            Some(FinishReason::ToolCalls)
        );
        assert!(chunk.usage.is_none(), "an incomplete usage is dropped");
    }

    #[test]
    fn error_bodies_of_any_server_are_read() {
        let ours: ErrorBody = serde_json::from_str(
            r#"{"error":{"message":"m","type":"invalid_request_error","code":"bad","param":null}}"#,
        )
        .unwrap();
        assert_eq!(ours.error.code.as_deref(), Some("bad"));
        let llama: ErrorBody = serde_json::from_str(
            r#"{"error":{"code":400,"message":"too long","type":"exceed_context_size_error"}}"#,
        )
        .unwrap();
        assert_eq!(llama.error.code, None);
        assert_eq!(
            llama.error.kind.as_deref(),
            Some("exceed_context_size_error")
        );
        let bare: ErrorBody = serde_json::from_str(r#"{"error":"model not found"}"#).unwrap();
        assert_eq!(bare.error.message, "model not found");
        let event: StreamEvent<ChatChunk> =
            serde_json::from_str(r#"{"error":{"message":"boom"}}"#).unwrap();
        assert!(matches!(event, StreamEvent::Error(e) if e.error.message == "boom"));
        let event: StreamEvent<ChatChunk> =
            serde_json::from_str(r#"{"choices":[{"delta":{"content":"a"}}]}"#).unwrap();
        assert!(matches!(event, StreamEvent::Chunk(c) if c.choices.len() == 1));
    }

    #[test]
    fn requests_written_by_the_client_are_read_by_the_server() {
        let request = ChatCompletionRequest {
            model: None,
            messages: vec![ChatMessage::from(&Message::new(
                crate::engine::Role::User,
                "Hi",
            ))],
            stream: true,
            stream_options: Some(StreamOptions {
                include_usage: true,
            }),
            n: None,
            logprobs: None,
            top_logprobs: None,
            tools: None,
            tool_choice: None,
            parallel_tool_calls: None,
            reasoning_effort: None,
            chat_template_kwargs: None,
            keep_alive: None,
            constraint: ConstraintFields::default(),
            sampling: SamplingFields {
                max_tokens: Some(8),
                stop: Some(StopSpec::Many(vec!["\n".into()])),
                ..SamplingFields::default()
            },
            other: Default::default(),
        };
        let text = serde_json::to_string(&request).unwrap();
        assert!(!text.contains("null"), "unset fields are left out: {text}");
        let back: ChatCompletionRequest = serde_json::from_str(&text).unwrap();
        assert_eq!(back.sampling.max_tokens, Some(8));
        assert!(back.stream && back.stream_options.unwrap().include_usage);
    }
}

/// `POST /v1/embeddings`.
#[derive(Debug, Deserialize)]
pub struct EmbeddingRequest {
    /// A string, a list of strings, a list of token ids or a list of lists.
    pub input: serde_json::Value,
    #[serde(default)]
    pub model: Option<String>,
    #[serde(default)]
    pub encoding_format: Option<String>,
    #[serde(default)]
    pub dimensions: Option<i64>,
    /// How long the model stays loaded after this request.
    #[serde(default)]
    pub keep_alive: Option<serde_json::Value>,
    /// Every other field: `user` is ignored, the rest refused.
    #[serde(flatten)]
    pub other: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Serialize)]
pub struct EmbeddingList {
    pub object: &'static str,
    pub data: Vec<EmbeddingData>,
    pub model: String,
    pub usage: EmbeddingUsage,
}

#[derive(Debug, Serialize)]
pub struct EmbeddingData {
    pub object: &'static str,
    pub index: usize,
    /// The vector: a list of floats, or their little-endian bytes in
    /// base64 (`encoding_format: "base64"`).
    pub embedding: serde_json::Value,
}

#[derive(Debug, Serialize)]
pub struct EmbeddingUsage {
    pub prompt_tokens: usize,
    pub total_tokens: usize,
}
