//! Model comparison (`flashchat compare`, chat's `/compare`): the same
//! conversation asked of each model in turn through a server's router (one
//! at a time, so that each answer's speed is its own), and the answers laid
//! out side by side, stacked, as a Markdown table or as JSON.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use serde_json::{Map, Value};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::client::Client;
use crate::engine::output::OutputParser;
use crate::engine::{Completion, FinishReason, Message};
use crate::wire::openai::ChatMessage;

/// One model's answer, or why there is none.
#[derive(Debug, Clone)]
pub struct Answer {
    pub model: String,
    pub text: String,
    pub reasoning: Option<String>,
    /// How it ended, with usage and the server's timings.
    pub completion: Option<Completion>,
    pub error: Option<String>,
    /// From sending the request to the last token, measured here
    /// (a model's first use includes its loading).
    pub total_ms: f64,
}

/// Asks `model` to answer `messages` (request `fields` beside them);
/// `on_text` sees the answer as it streams. Ctrl-C (`cancel`) stops it.
pub fn ask(
    client: &Client,
    model: &str,
    messages: &[Message],
    fields: &Map<String, Value>,
    cancel: &AtomicBool,
    mut on_text: impl FnMut(&str),
) -> Answer {
    let mut body = fields.clone();
    body.insert("model".into(), model.into());
    let wire: Vec<ChatMessage> = messages.iter().map(ChatMessage::from).collect();
    body.insert(
        "messages".into(),
        serde_json::to_value(wire).unwrap_or_default(),
    );
    let started = Instant::now();
    let mut text = String::new();
    let streamed = client.stream_chat_json(body, |piece| {
        if cancel.load(Ordering::Relaxed) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::Interrupted,
                "interrupted",
            ));
        }
        text.push_str(piece);
        on_text(piece);
        Ok(())
    });
    let total_ms = started.elapsed().as_secs_f64() * 1000.0;
    match streamed {
        Ok(streamed) => {
            let parsed = OutputParser::new().parse(&text);
            Answer {
                model: model.to_string(),
                text: parsed.answer.trim().to_string(),
                reasoning: parsed.reasoning,
                completion: Some(streamed.completion),
                error: None,
                total_ms,
            }
        }
        Err(e) => Answer {
            model: model.to_string(),
            text: String::new(),
            reasoning: None,
            completion: None,
            error: Some(format!("{e:#}")),
            total_ms,
        },
    }
}

/// `TTFT 0.21 s · 45.3 tok/s · 64 tokens (12 prompt) · stop`, or the error.
pub fn figures(answer: &Answer) -> String {
    if let Some(error) = &answer.error {
        return format!("error: {error}");
    }
    let Some(done) = &answer.completion else {
        return String::new();
    };
    format!(
        "TTFT {:.2} s · {:.1} tok/s · {} tokens ({} prompt) · {}",
        done.timings.ttft_ms / 1000.0,
        done.timings.generation_tokens_per_second,
        done.usage.completion_tokens,
        done.usage.prompt_tokens,
        finish_name(done.finish_reason)
    )
}

fn finish_name(reason: FinishReason) -> String {
    serde_json::to_value(reason)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The narrowest column worth reading.
const MIN_COLUMN: usize = 28;
const GUTTER: &str = " │ ";

/// The answers in columns across `width`, or `None` when they would be
/// narrower than [`MIN_COLUMN`].
pub fn side_by_side(answers: &[Answer], width: usize) -> Option<String> {
    let n = answers.len().max(1);
    let column = width.saturating_sub(GUTTER.width() * (n - 1)) / n;
    if column < MIN_COLUMN {
        return None;
    }
    let columns: Vec<Vec<String>> = answers
        .iter()
        .map(|answer| {
            // Names and figures first, so that they line up across.
            let mut lines = wrap(&answer.model, column);
            lines.extend(wrap(&figures(answer), column));
            lines.push("─".repeat(column));
            lines.extend(wrap(body(answer), column));
            lines
        })
        .collect();
    let height = columns.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = String::new();
    for row in 0..height {
        let cells: Vec<String> = columns
            .iter()
            .map(|lines| pad(lines.get(row).map_or("", String::as_str), column))
            .collect();
        out.push_str(cells.join(GUTTER).trim_end());
        out.push('\n');
    }
    Some(out)
}

/// The answers one after another, each under its model's name.
pub fn stacked(answers: &[Answer]) -> String {
    let mut out = String::new();
    for answer in answers {
        out.push_str(&format!("── {} ──\n", answer.model));
        if !body(answer).is_empty() {
            out.push_str(body(answer));
            out.push('\n');
        }
        out.push_str(&figures(answer));
        out.push_str("\n\n");
    }
    out
}

/// A Markdown document: the prompt, then a table with a column per model.
pub fn markdown(prompt: &str, answers: &[Answer]) -> String {
    let cell = |text: &str| {
        text.trim()
            .replace('|', "\\|")
            .replace("\r\n", "\n")
            .replace('\n', "<br>")
    };
    let row = |label: &str, values: Vec<String>| format!("| {label} | {} |\n", values.join(" | "));
    let each = |f: &dyn Fn(&Answer, &Completion) -> String| -> Vec<String> {
        answers
            .iter()
            .map(|a| a.completion.as_ref().map_or(String::new(), |c| f(a, c)))
            .collect()
    };
    let mut out = format!("# Comparison\n\n**Prompt:** {}\n\n", cell(prompt));
    out.push_str(&row(
        "",
        answers.iter().map(|a| format!("`{}`", a.model)).collect(),
    ));
    out.push_str(&format!("|---|{}\n", "---|".repeat(answers.len())));
    out.push_str(&row(
        "Answer",
        answers
            .iter()
            .map(|a| match &a.error {
                Some(error) => format!("**error:** {}", cell(error)),
                None => cell(&a.text),
            })
            .collect(),
    ));
    out.push_str(&row(
        "TTFT",
        each(&|_, c| format!("{:.2} s", c.timings.ttft_ms / 1000.0)),
    ));
    out.push_str(&row(
        "Generation",
        each(&|_, c| format!("{:.1} tok/s", c.timings.generation_tokens_per_second)),
    ));
    out.push_str(&row(
        "Tokens",
        each(&|_, c| {
            format!(
                "{} prompt + {} generated",
                c.usage.prompt_tokens, c.usage.completion_tokens
            )
        }),
    ));
    out.push_str(&row("Finish", each(&|_, c| finish_name(c.finish_reason))));
    out.push_str(&row(
        "Total time",
        each(&|a, _| format!("{:.2} s", a.total_ms / 1000.0)),
    ));
    out
}

/// The answers as JSON, for scripts.
pub fn json(prompt: &str, answers: &[Answer]) -> Value {
    let answers: Vec<Value> = answers
        .iter()
        .map(|a| {
            let mut item = serde_json::json!({"model": a.model});
            match (&a.error, &a.completion) {
                (Some(error), _) => item["error"] = error.clone().into(),
                (None, Some(done)) => {
                    item["answer"] = a.text.clone().into();
                    if let Some(reasoning) = &a.reasoning {
                        item["reasoning"] = reasoning.clone().into();
                    }
                    item["finish_reason"] = finish_name(done.finish_reason).into();
                    item["usage"] = serde_json::to_value(done.usage).unwrap_or_default();
                    item["timings"] = serde_json::to_value(done.timings).unwrap_or_default();
                }
                (None, None) => {}
            }
            item["total_ms"] = ((a.total_ms * 100.0).round() / 100.0).into();
            item
        })
        .collect();
    serde_json::json!({"prompt": prompt, "answers": answers})
}

fn body(answer: &Answer) -> &str {
    match &answer.error {
        Some(_) => "",
        None => &answer.text,
    }
}

fn pad(text: &str, width: usize) -> String {
    let mut out = text.to_string();
    out.push_str(&" ".repeat(width.saturating_sub(text.width())));
    out
}

/// `text` broken into lines of at most `width` columns, at spaces where
/// it can be, keeping its own line breaks.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let needed = line.width() + usize::from(!line.is_empty()) + word.width();
            if needed <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the column is cut where it reaches the edge.
            for c in word.chars() {
                if line.width() + c.width().unwrap_or(0) > width {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Timings, Usage};

    fn answer(model: &str, text: &str) -> Answer {
        Answer {
            model: model.into(),
            text: text.into(),
            reasoning: None,
            completion: Some(Completion {
                finish_reason: FinishReason::Stop,
                stop_string: None,
                usage: Usage {
                    prompt_tokens: 12,
                    completion_tokens: 30,
                    total_tokens: 42,
                },
                timings: Timings {
                    ttft_ms: 210.0,
                    generation_tokens_per_second: 45.3,
                    ..Timings::default()
                },
            }),
            error: None,
            total_ms: 900.0,
        }
    }

    #[test]
    fn words_wrap_at_spaces_and_long_words_are_cut() {
        assert_eq!(wrap("one two three", 8), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(wrap("日本語です", 4), ["日本", "語で", "す"]);
    }

    #[test]
    fn columns_sit_side_by_side_when_wide_enough() {
        let answers = [
            answer("gemma", "Paris is the capital."),
            answer("smollm2", "It is Paris."),
        ];
        let out = side_by_side(&answers, 80).unwrap();
        let first = out.lines().next().unwrap();
        assert!(
            first.starts_with("gemma") && first.contains(" │ smollm2"),
            "{out}"
        );
        assert_eq!(out.matches("45.3 tok/s").count(), 2, "{out}");
        assert!(out.lines().all(|l| l.width() <= 80), "{out}");
        assert!(side_by_side(&answers, 50).is_none());
    }

    #[test]
    fn a_failed_model_shows_its_error_in_every_layout() {
        let mut failed = answer("nope", "");
        failed.error = Some("no model `nope`".into());
        failed.completion = None;
        let answers = [answer("gemma", "Paris"), failed];
        assert!(stacked(&answers).contains("── nope ──\nerror: no model `nope`"));
        let table = markdown("Capital | of France?", &answers);
        assert!(
            table.contains("**Prompt:** Capital \\| of France?"),
            "{table}"
        );
        assert!(
            table.contains("| Answer | Paris | **error:** no model `nope` |"),
            "{table}"
        );
        assert!(table.contains("| TTFT | 0.21 s |  |"), "{table}");
        let json = json("q", &answers);
        assert_eq!(json["answers"][1]["error"], "no model `nope`");
        assert_eq!(json["answers"][0]["usage"]["completion_tokens"], 30);
    }
}
