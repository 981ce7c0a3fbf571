//! The lines of a session file. A session is append-only JSON Lines: a
//! `session` header, then `message` records, and `title` or `system`
//! records when those change, so a crash can cost at most the line being
//! written and an existing line is never rewritten.

use crate::engine::{Message, ToolCall};
use crate::role::Role;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Record {
    Session(Header),
    Message(StoredMessage),
    Title {
        title: String,
        at: i64,
    },
    System {
        system_prompt: Option<String>,
        at: i64,
    },
    /// Takes back the last message (`/retry` replaces an answer this way).
    Undo {
        at: i64,
    },
}

/// The first line of every session file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub id: String,
    pub title: String,
    pub model: String,
    /// Unix seconds.
    pub created: i64,
    #[serde(default)]
    pub system_prompt: Option<String>,
    /// Sampling settings the session was started with.
    #[serde(default)]
    pub settings: serde_json::Value,
    #[serde(default = "version_one")]
    pub version: u32,
}

fn version_one() -> u32 {
    1
}

/// One turn's message. `role` comes first after `type` so that user turns
/// can be counted by prefix without parsing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredMessage {
    pub role: Role,
    pub content: String,
    /// Unix seconds.
    pub at: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_tokens: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_tokens: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttft_ms: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens_per_second: Option<f64>,
    /// The tools an assistant message calls.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tool_calls: Vec<ToolCall>,
    /// The call a tool message answers, and the tool's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_call_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The reasoning split off before an assistant's answer: shown, never
    /// sent back to the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<String>,
}

impl StoredMessage {
    /// A message as the conversation holds it, without figures.
    pub fn of(message: &Message, at: i64) -> Self {
        Self {
            role: message.role,
            content: message.content.clone(),
            at,
            prompt_tokens: None,
            completion_tokens: None,
            ttft_ms: None,
            tokens_per_second: None,
            tool_calls: message.tool_calls.clone(),
            tool_call_id: message.tool_call_id.clone(),
            name: message.name.clone(),
            reasoning: None,
        }
    }

    /// Back into the conversation.
    pub fn to_message(&self) -> Message {
        Message {
            role: self.role,
            content: self.content.clone(),
            tool_calls: self.tool_calls.clone(),
            tool_call_id: self.tool_call_id.clone(),
            name: self.name.clone(),
        }
    }
}

/// What every user turn's line starts with.
pub const USER_TURN_PREFIX: &[u8] = br#"{"type":"message","role":"user""#;
/// What every message's line starts with.
pub const MESSAGE_PREFIX: &[u8] = br#"{"type":"message""#;
/// What every undo's line starts with.
pub const UNDO_PREFIX: &[u8] = br#"{"type":"undo""#;
/// What every title change's line starts with.
pub const TITLE_PREFIX: &[u8] = br#"{"type":"title""#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_turns_start_with_the_counted_prefix() {
        let line = serde_json::to_string(&Record::Message(StoredMessage::of(
            &Message::new(Role::User, "hi"),
            1,
        )))
        .unwrap();
        assert!(line.as_bytes().starts_with(USER_TURN_PREFIX), "{line}");
        let title = serde_json::to_string(&Record::Title {
            title: "t".into(),
            at: 1,
        })
        .unwrap();
        assert!(title.as_bytes().starts_with(TITLE_PREFIX), "{title}");
    }
}
