//! OpenAI's Responses API (`/v1/responses`): the request as clients such as
//! Codex CLI and the OpenAI Agents SDK send it. Input items, tools and
//! formats stay JSON values: the server reads them item by item, so that
//! an error names the item that is wrong. The response object is written
//! by the server in one place (`server::responses`).

use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Debug, Deserialize)]
pub struct ResponsesRequest {
    #[serde(default)]
    pub model: Option<String>,
    /// A string (one user message) or a list of input items.
    #[serde(default)]
    pub input: Option<Value>,
    #[serde(default)]
    pub instructions: Option<Value>,
    #[serde(default)]
    pub tools: Option<Vec<Value>>,
    #[serde(default)]
    pub tool_choice: Option<Value>,
    #[serde(default)]
    pub parallel_tool_calls: Option<bool>,
    /// `{"format": {...}, "verbosity": ...}`.
    #[serde(default)]
    pub text: Option<Value>,
    #[serde(default)]
    pub max_output_tokens: Option<i64>,
    #[serde(default)]
    pub temperature: Option<f64>,
    #[serde(default)]
    pub top_p: Option<f64>,
    /// `{"effort": ..., "summary": ...}`.
    #[serde(default)]
    pub reasoning: Option<Value>,
    #[serde(default)]
    pub stream: bool,
    #[serde(default)]
    pub stream_options: Option<Value>,
    /// Keep the response for `previous_response_id` (the default).
    #[serde(default)]
    pub store: Option<bool>,
    #[serde(default)]
    pub previous_response_id: Option<String>,
    #[serde(default)]
    pub metadata: Option<Value>,
    #[serde(default)]
    pub truncation: Option<Value>,
    #[serde(default)]
    pub include: Option<Vec<String>>,
    /// How long the model stays loaded after this request.
    #[serde(default)]
    pub keep_alive: Option<Value>,
    /// Every other field: the caller's labels are ignored, the rest refused.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}
