//! Anthropic's Messages API (`/v1/messages`): the request as clients such
//! as Claude Code and the `anthropic` SDK send it, the message that answers
//! it, the streamed events and the error shape.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A Messages request. Content, system prompts, tools and the other
/// nested parts stay JSON values here: the server reads them part by part,
/// so that an error can name the exact block that is wrong.
#[derive(Debug, Deserialize)]
pub struct MessagesRequest {
    #[serde(default)]
    pub model: Option<String>,
    /// Required by the API; checked by the server, which says so.
    #[serde(default)]
    pub max_tokens: Option<i64>,
    pub messages: Vec<InputMessage>,
    #[serde(default)]
    pub system: Option<Value>,
    #[serde(default)]
    pub stop_sequences: Option<Vec<String>>,
    #[serde(default)]
    pub stream: bool,
    #[serde(default)]
    pub temperature: Option<f64>,
    #[serde(default)]
    pub top_p: Option<f64>,
    #[serde(default)]
    pub top_k: Option<i64>,
    #[serde(default)]
    pub tools: Option<Vec<Value>>,
    #[serde(default)]
    pub tool_choice: Option<Value>,
    #[serde(default)]
    pub thinking: Option<Value>,
    /// `effort` and the JSON `format` of the answer.
    #[serde(default)]
    pub output_config: Option<Value>,
    /// How long the model stays loaded after this request (flashchat's
    /// extension, as in its other APIs).
    #[serde(default)]
    pub keep_alive: Option<Value>,
    /// Every other field: the caller's labels are ignored, the rest refused.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

#[derive(Debug, Deserialize)]
pub struct InputMessage {
    pub role: String,
    /// A string, or a list of content blocks.
    pub content: Value,
}

/// The answer: a message of content blocks.
#[derive(Debug, Serialize)]
pub struct Message {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub role: &'static str,
    pub content: Vec<OutputBlock>,
    pub model: String,
    pub stop_reason: Option<&'static str>,
    pub stop_sequence: Option<String>,
    pub usage: MessageUsage,
}

/// A block of the answer.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum OutputBlock {
    Text {
        text: String,
    },
    /// A reasoning model's thinking. The signature is empty: it proves
    /// nothing here, and clients send the block back as they got it.
    Thinking {
        thinking: String,
        signature: String,
    },
    ToolUse {
        id: String,
        name: String,
        input: Value,
    },
}

/// Tokens used. As in Anthropic's API, `input_tokens` does not include the
/// prompt tokens read from the cache (here: the KV cache of an earlier
/// request), which are `cache_read_input_tokens`.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct MessageUsage {
    pub input_tokens: u32,
    pub output_tokens: u32,
    pub cache_creation_input_tokens: u32,
    pub cache_read_input_tokens: u32,
}

/// The answer of `/v1/messages/count_tokens`.
#[derive(Debug, Serialize)]
pub struct TokenCount {
    pub input_tokens: u32,
}

/// Anthropic's error body: `{"type": "error", "error": {"type", "message"}}`.
#[derive(Debug, Serialize, Deserialize)]
pub struct ErrorBody {
    #[serde(rename = "type")]
    pub kind: String,
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ErrorDetail {
    #[serde(rename = "type")]
    pub kind: String,
    pub message: String,
}

impl ErrorBody {
    /// The error of an HTTP status, in Anthropic's vocabulary.
    pub fn for_status(status: u16, message: String) -> Self {
        let kind = match status {
            401 => "authentication_error",
            403 => "permission_error",
            404 => "not_found_error",
            413 => "request_too_large",
            429 => "rate_limit_error",
            503 | 529 => "overloaded_error",
            500..=599 => "api_error",
            _ => "invalid_request_error",
        };
        Self {
            kind: "error".into(),
            error: ErrorDetail {
                kind: kind.into(),
                message,
            },
        }
    }
}
