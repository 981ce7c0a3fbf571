//! A session as Markdown, JSON Lines (the file's own records) or one JSON object.

use chrono::{TimeZone, Utc};
use serde_json::json;

use super::Session;

pub fn date(unix: i64) -> String {
    Utc.timestamp_opt(unix, 0).single().map_or_else(
        || unix.to_string(),
        |t| t.format("%Y-%m-%d %H:%M UTC").to_string(),
    )
}

pub fn markdown(session: &Session) -> String {
    let title = if session.title.is_empty() {
        "Untitled chat"
    } else {
        session.title.as_str()
    };
    let mut out = format!(
        "# {title}\n\n_{} · {} · session {}_\n\n",
        session.header.model,
        date(session.header.created),
        session.header.id
    );
    if let Some(system) = &session.system_prompt {
        out.push_str(&format!(
            "> **System:** {}\n\n",
            system.replace('\n', "\n> ")
        ));
    }
    for message in &session.messages {
        let who = match message.role.as_str() {
            "user" => "You",
            "assistant" => "Assistant",
            other => other,
        };
        out.push_str(&format!("**{who}:**\n\n{}\n\n", message.content.trim_end()));
    }
    out
}

pub fn json(session: &Session) -> serde_json::Value {
    json!({
        "id": session.header.id,
        "title": session.title,
        "model": session.header.model,
        "created": session.header.created,
        "updated": session.updated,
        "system_prompt": session.system_prompt,
        "settings": session.header.settings,
        "messages": session.messages,
    })
}
