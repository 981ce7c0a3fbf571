//! Tool calling: the tools a request offers, how the model is told about
//! them, how its calls are written in each model family's own syntax
//! ([`ToolFormat`]), the grammar that makes a call well-formed, and reading
//! the calls back out of the output.

mod format;
mod grammar;
mod parse;

use serde_json::Value as Json;

pub use format::{messages_for_template, ToolFormat};
pub use grammar::{tool_grammar, ToolGrammar};
pub use parse::{ToolSplitter, ToolText};

/// A function the model may call.
#[derive(Debug, Clone, PartialEq)]
pub struct Tool {
    pub name: String,
    pub description: Option<String>,
    /// A JSON schema of the arguments (an object schema).
    pub parameters: Json,
}

impl Tool {
    /// OpenAI's shape, which chat templates read.
    pub fn to_openai(&self) -> Json {
        let mut function = serde_json::Map::new();
        function.insert("name".into(), self.name.clone().into());
        if let Some(description) = &self.description {
            function.insert("description".into(), description.clone().into());
        }
        function.insert("parameters".into(), self.parameters.clone());
        serde_json::json!({"type": "function", "function": function})
    }
}

/// A call the model made, or one sent back in a conversation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ToolCall {
    pub id: String,
    pub name: String,
    /// The arguments as a JSON text (OpenAI's `function.arguments`).
    pub arguments: String,
}

/// Whether and which tool the model must call (OpenAI's `tool_choice`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ToolChoice {
    /// The model decides: text, or calls.
    #[default]
    Auto,
    /// Text only; the tools are still described to the model.
    None,
    /// At least one call.
    Required,
    /// A call to this tool.
    Named(String),
}

/// The tools of one request and how they may be used.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolUse {
    pub tools: Vec<Tool>,
    pub choice: ToolChoice,
    /// Whether one answer may hold several calls.
    pub parallel: bool,
}

impl ToolUse {
    /// The tools a call may name under the choice.
    pub fn callable(&self) -> Vec<&Tool> {
        match &self.choice {
            ToolChoice::None => Vec::new(),
            ToolChoice::Named(name) => self.tools.iter().filter(|t| &t.name == name).collect(),
            ToolChoice::Auto | ToolChoice::Required => self.tools.iter().collect(),
        }
    }

    /// Whether the answer must be a call.
    pub fn call_required(&self) -> bool {
        matches!(self.choice, ToolChoice::Required | ToolChoice::Named(_))
    }
}

/// A fresh call id, as OpenAI writes them (`call_` and 24 characters).
pub fn new_call_id() -> String {
    format!("call_{}", random_alphanumeric(24))
}

/// A fresh call id as Mistral's templates require: 9 letters and digits.
pub fn mistral_call_id() -> String {
    random_alphanumeric(9)
}

fn random_alphanumeric(len: usize) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or_default();
    let mixed = (nanos ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let alphabet = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut state = mixed ^ n;
    (0..len)
        .map(|_| {
            state ^= state >> 33;
            state = state.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
            state ^= state >> 29;
            alphabet[(state % alphabet.len() as u64) as usize] as char
        })
        .collect()
}
