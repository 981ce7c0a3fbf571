//! A session as Markdown, JSON Lines (the file's own records) or one JSON object.

use crate::role::Role;
use chrono::{TimeZone, Utc};
use serde_json::json;

use super::{Session, Summary};

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
        let who = match message.role {
            Role::User => "You",
            Role::Assistant => "Assistant",
            Role::System => "System",
            Role::Tool => "Tool",
        };
        match (&message.name, message.role) {
            (Some(tool), Role::Tool) => out.push_str(&format!(
                "**Tool** (`{tool}`):\n\n```\n{}\n```\n\n",
                fenced(message.content.trim_end())
            )),
            _ => {
                out.push_str(&format!("**{who}:**\n\n"));
                if let Some(reasoning) = &message.reasoning {
                    // Folded where Markdown is read (GitHub, editors).
                    out.push_str(&format!(
                        "<details><summary>Reasoning</summary>\n\n{}\n\n</details>\n\n",
                        reasoning.trim()
                    ));
                }
                let answer = message.content.trim_end();
                if !answer.trim().is_empty() || message.tool_calls.is_empty() {
                    out.push_str(&format!("{answer}\n\n"));
                }
            }
        }
        for call in &message.tool_calls {
            out.push_str(&format!(
                "Calls `{}`:\n\n```json\n{}\n```\n\n",
                call.name,
                fenced(&pretty_json(&call.arguments))
            ));
        }
    }
    out
}

/// A JSON text laid out on several lines (as it came when it is not JSON).
pub fn pretty_json(text: &str) -> String {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| text.to_string())
}

/// Text safe inside a ``` fence: a line of backticks in it would close it.
fn fenced(text: &str) -> String {
    text.replace("```", "` ` `")
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

/// The `sessions list` table, numbered from 1 (newest).
pub fn table(sessions: &[Summary], now: i64) -> String {
    let mut out = format!(
        "{:>4}  {:<20}  {:<40}  {:>5}  {:<24}  UPDATED\n",
        "#", "ID", "TITLE", "TURNS", "MODEL"
    );
    for (i, s) in sessions.iter().enumerate() {
        out.push_str(&row(i + 1, s, now));
        out.push('\n');
    }
    out
}

fn row(number: usize, s: &Summary, now: i64) -> String {
    let title = if s.title.is_empty() {
        "(untitled)"
    } else {
        &s.title
    };
    format!(
        "{number:>4}  {:<20}  {:<40}  {:>5}  {:<24}  {}",
        s.id,
        shorten(title, 40),
        s.turns,
        shorten(&s.model, 24),
        age(now - s.updated)
    )
}

pub fn shorten(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut out: String = text.chars().take(width - 1).collect();
    out.push('…');
    out
}

/// `42 s ago`, `5 min ago`, `3 h ago`, `2 days ago`.
pub fn age(seconds: i64) -> String {
    match seconds.max(0) {
        s if s < 60 => format!("{s} s ago"),
        s if s < 3600 => format!("{} min ago", s / 60),
        s if s < 86_400 => format!("{} h ago", s / 3600),
        s => format!("{} days ago", s / 86_400),
    }
}
