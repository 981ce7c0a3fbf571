//! What `flashchat batch` reads: JSON Lines (OpenAI's batch format, or
//! plain `{"prompt"}` / `{"messages"}` records) or CSV, each record turned
//! into the chat-completion request it stands for. Every record is checked
//! before anything is sent, so a mistake on line 180 stops the run at once.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde_json::{Map, Value};

use crate::errors::Hinted;
use crate::templates::Template;

/// One request of the batch.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    /// The line it starts on in the input, for errors.
    pub line: usize,
    /// The chat-completion request, as sent (`stream` aside).
    pub body: Map<String, Value>,
}

/// What every request gets where its record says nothing.
#[derive(Debug, Default, Clone)]
pub struct Defaults {
    /// The system prompt put before a `prompt` or a template's text.
    pub system: Option<String>,
    /// Request fields (`max_tokens`, sampling, `model`, `response_format`).
    pub fields: Map<String, Value>,
}

/// Records as a template's variables (`-t NAME`), with the values every
/// record shares (`-p NAME VALUE`).
pub struct Filling<'a> {
    pub template: &'a Template,
    pub shared: BTreeMap<String, String>,
}

/// The fields that name a record (OpenAI's `custom_id`, or `id`).
const ID_FIELDS: [&str; 2] = ["custom_id", "id"];

/// Reads and checks every record of `path`: `.csv` files as CSV (a header
/// row, then one record per row), anything else as JSON Lines.
pub fn read(
    path: &Path,
    filling: Option<&Filling>,
    defaults: &Defaults,
) -> Result<Vec<Record>, Hinted> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Hinted::new(
            format!("cannot read {}: {e}", path.display()),
            "give a JSON Lines file (.jsonl) or a CSV file (.csv) of prompts",
        )
    })?;
    let raw = if is_csv(path) {
        csv_rows(&text)?
    } else {
        json_lines(&text)?
    };
    if raw.is_empty() {
        return Err(Hinted::new(
            format!("{} holds no records", path.display()),
            "write one request per line (JSON Lines) or one per row under a header (CSV)",
        ));
    }
    let mut records = Vec::with_capacity(raw.len());
    for (position, (line, fields)) in raw.into_iter().enumerate() {
        let record = build(fields, position + 1, filling, defaults, is_csv(path))
            .map_err(|(message, hint)| Hinted::new(format!("line {line}: {message}"), hint))?;
        records.push(Record { line, ..record });
    }
    check_unique(&records)?;
    Ok(records)
}

pub fn is_csv(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

type Problem = (String, String);

/// Records as read, before they mean anything: each one's line and fields.
type RawRecords = Vec<(usize, Map<String, Value>)>;

/// Each non-blank line as an object, with its line number.
fn json_lines(text: &str) -> Result<RawRecords, Hinted> {
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(fields)) => out.push((index + 1, fields)),
            Ok(_) => {
                return Err(Hinted::new(
                    format!("line {}: not a JSON object", index + 1),
                    "each line is one object, e.g. {\"prompt\": \"...\"}",
                ))
            }
            Err(e) => {
                return Err(Hinted::new(
                    format!("line {}: not JSON: {e}", index + 1),
                    "JSON Lines holds one complete JSON object per line",
                ))
            }
        }
    }
    Ok(out)
}

/// Each row as an object of its header's columns (all strings).
fn csv_rows(text: &str) -> Result<RawRecords, Hinted> {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let bad = |e: csv::Error| {
        let line = e.position().map_or(0, |p| p.line());
        Hinted::new(
            format!("line {line}: not CSV: {e}"),
            "the first row names the columns; quote fields holding commas or line breaks",
        )
    };
    let headers = reader.headers().map_err(bad)?.clone();
    if let Some(column) = headers.iter().find(|h| h.trim().is_empty()) {
        return Err(Hinted::new(
            format!("the CSV header has an unnamed column ({column:?})"),
            "name every column in the first row",
        ));
    }
    let mut out = Vec::new();
    for row in reader.records() {
        let row = row.map_err(bad)?;
        let line = row.position().map_or(0, |p| p.line() as usize);
        let fields = headers
            .iter()
            .zip(row.iter())
            .map(|(name, value)| (name.trim().to_string(), Value::String(value.to_string())))
            .collect();
        out.push((line, fields));
    }
    Ok(out)
}

/// One record's request; `position` (1-based) is its id when it has none.
fn build(
    mut fields: Map<String, Value>,
    position: usize,
    filling: Option<&Filling>,
    defaults: &Defaults,
    csv: bool,
) -> Result<Record, Problem> {
    let keep_id = filling.is_some_and(|f| {
        f.template
            .variables()
            .is_ok_and(|used| ID_FIELDS.iter().any(|k| used.contains(*k)))
    });
    let id = take_id(&mut fields, keep_id)?.unwrap_or_else(|| position.to_string());
    let mut body = match filling {
        Some(filling) => from_template(fields, filling, defaults)?,
        None if fields.contains_key("body") => openai_body(fields)?,
        None if csv => from_csv_prompt(fields, defaults)?,
        None => plain(fields, defaults)?,
    };
    if body.get("n").is_some_and(|n| n.as_u64() != Some(1)) {
        return Err((
            "`n` asks for several answers".into(),
            "a batch takes one answer per request; leave `n` out or set it to 1".into(),
        ));
    }
    for (key, value) in &defaults.fields {
        let given = body.contains_key(key)
            || (key == "max_tokens" && body.contains_key("max_completion_tokens"));
        if !given {
            body.insert(key.clone(), value.clone());
        }
    }
    Ok(Record { id, line: 0, body })
}

/// The record's id (`custom_id`, else `id`), taken out of its fields
/// unless a template uses it as a variable.
fn take_id(fields: &mut Map<String, Value>, keep: bool) -> Result<Option<String>, Problem> {
    let Some(key) = ID_FIELDS.iter().find(|k| fields.contains_key(**k)) else {
        return Ok(None);
    };
    let value = match keep {
        true => fields.get(*key).cloned(),
        false => fields.remove(*key),
    };
    let id = match value {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        _ => {
            return Err((
                format!("`{key}` is not a string"),
                "ids are strings (or numbers), unique within the file".into(),
            ))
        }
    };
    if id.trim().is_empty() {
        return Err((
            format!("`{key}` is empty"),
            "give every record a unique id, or leave ids out (records are then numbered)".into(),
        ));
    }
    Ok(Some(id))
}

/// OpenAI's batch format: `{"custom_id", "method": "POST", "url":
/// "/v1/chat/completions", "body": {...}}`.
fn openai_body(mut fields: Map<String, Value>) -> Result<Map<String, Value>, Problem> {
    if let Some(method) = fields.remove("method") {
        if method
            .as_str()
            .is_none_or(|m| !m.eq_ignore_ascii_case("POST"))
        {
            return Err((
                format!("method {method} is not POST"),
                "batch requests are POSTs to /v1/chat/completions".into(),
            ));
        }
    }
    if let Some(url) = fields.remove("url") {
        let path = url.as_str().unwrap_or_default();
        if !matches!(path, "/v1/chat/completions" | "/chat/completions") {
            return Err((
                format!("url {url} is not /v1/chat/completions"),
                "flashchat batch runs chat completions; embed texts with `flashchat embed`".into(),
            ));
        }
    }
    let body = match fields.remove("body") {
        Some(Value::Object(body)) => body,
        _ => {
            return Err((
                "`body` is not an object".into(),
                "`body` is the chat completion request, e.g. {\"messages\": [...]}".into(),
            ))
        }
    };
    if let Some(field) = fields.keys().next() {
        return Err((
            format!("unknown field `{field}` beside `body`"),
            "OpenAI's batch lines hold custom_id, method, url and body".into(),
        ));
    }
    if !body.contains_key("messages") {
        return Err((
            "`body` has no `messages`".into(),
            "the body is a chat completion request with its messages".into(),
        ));
    }
    Ok(body)
}

/// `{"prompt": "..."}` or `{"messages": [...]}`, with `system` and any
/// request field (`max_tokens`, `temperature`, `model`…) beside it.
fn plain(
    mut fields: Map<String, Value>,
    defaults: &Defaults,
) -> Result<Map<String, Value>, Problem> {
    let system = match fields.remove("system") {
        None => defaults.system.clone(),
        Some(Value::String(system)) => Some(system),
        Some(_) => {
            return Err((
                "`system` is not a string".into(),
                "give the system prompt as text".into(),
            ))
        }
    };
    match (fields.remove("prompt"), fields.contains_key("messages")) {
        (Some(_), true) => Err((
            "both `prompt` and `messages`".into(),
            "give one: a prompt text, or the whole conversation as messages".into(),
        )),
        (Some(Value::String(prompt)), false) => {
            fields.insert("messages".into(), messages(system, prompt));
            Ok(fields)
        }
        (Some(_), false) => Err((
            "`prompt` is not a string".into(),
            "give the prompt as text; a conversation goes in `messages`".into(),
        )),
        (None, true) if fields.get("messages").is_some_and(Value::is_array) => Ok(fields),
        (None, true) => Err((
            "`messages` is not a list".into(),
            "messages are [{\"role\": \"user\", \"content\": \"...\"}, ...]".into(),
        )),
        (None, false) => Err((
            "no `prompt` or `messages`".into(),
            "each line needs {\"prompt\": \"...\"}, {\"messages\": [...]}, or OpenAI's {\"custom_id\", \"body\"}".into(),
        )),
    }
}

/// A CSV row without a template: an `id` and a `prompt` column.
fn from_csv_prompt(
    mut fields: Map<String, Value>,
    defaults: &Defaults,
) -> Result<Map<String, Value>, Problem> {
    let prompt = fields.remove("prompt");
    if let Some(column) = fields.keys().next() {
        return Err((
            format!("column `{column}` means nothing without a template"),
            "a CSV needs a `prompt` column (and maybe `id`), or -t NAME to fill a template with its columns".into(),
        ));
    }
    match prompt {
        Some(Value::String(prompt)) => {
            let mut body = Map::new();
            body.insert("messages".into(), messages(defaults.system.clone(), prompt));
            Ok(body)
        }
        _ => Err((
            "no `prompt` column".into(),
            "a CSV needs a `prompt` column (and maybe `id`), or -t NAME to fill a template with its columns".into(),
        )),
    }
}

/// The template filled with the record's fields (and the shared values).
fn from_template(
    fields: Map<String, Value>,
    filling: &Filling,
    defaults: &Defaults,
) -> Result<Map<String, Value>, Problem> {
    let mut values = filling.shared.clone();
    for (name, value) in fields {
        let text = match value {
            Value::String(s) => s,
            Value::Null => String::new(),
            other => other.to_string(),
        };
        values.insert(name, text);
    }
    let prompt = filling
        .template
        .render(&values)
        .map_err(|e| (e.message, e.hint))?;
    let mut body = Map::new();
    body.insert("messages".into(), messages(defaults.system.clone(), prompt));
    Ok(body)
}

fn messages(system: Option<String>, prompt: String) -> Value {
    let mut list = Vec::new();
    if let Some(system) = system.filter(|s| !s.is_empty()) {
        list.push(serde_json::json!({"role": "system", "content": system}));
    }
    list.push(serde_json::json!({"role": "user", "content": prompt}));
    Value::Array(list)
}

fn check_unique(records: &[Record]) -> Result<(), Hinted> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for record in records {
        if let Some(first) = seen.insert(&record.id, record.line) {
            return Err(Hinted::new(
                format!(
                    "the id `{}` is on line {first} and line {}",
                    record.id, record.line
                ),
                "every record needs its own id: finished ids are how a rerun knows what to skip",
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> Defaults {
        let mut fields = Map::new();
        fields.insert("max_tokens".into(), 64.into());
        fields.insert("temperature".into(), 0.5.into());
        Defaults {
            system: Some("Be brief.".into()),
            fields,
        }
    }

    fn read_text(name: &str, text: &str) -> Result<Vec<Record>, Hinted> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        read(&path, None, &defaults())
    }

    #[test]
    fn openai_batch_lines_keep_their_body_and_get_the_defaults_they_lack() {
        let records = read_text(
            "in.jsonl",
            r#"{"custom_id": "a", "method": "POST", "url": "/v1/chat/completions", "body": {"messages": [{"role": "user", "content": "Hi"}], "max_tokens": 5}}

{"custom_id": "b", "body": {"model": "m", "messages": []}}
"#,
        )
        .unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].id, "a");
        assert_eq!(records[0].body["max_tokens"], 5);
        assert_eq!(records[0].body["temperature"], 0.5);
        // No system prompt is added to a body's own messages.
        assert_eq!(records[0].body["messages"].as_array().unwrap().len(), 1);
        assert_eq!((records[1].id.as_str(), records[1].line), ("b", 3));
        assert_eq!(records[1].body["model"], "m");
    }

    #[test]
    fn plain_prompts_get_the_system_prompt_and_are_numbered_without_ids() {
        let records = read_text(
            "in.jsonl",
            "{\"prompt\": \"One\"}\n{\"id\": 7, \"prompt\": \"Two\", \"system\": \"Rhyme.\", \"seed\": 3}\n",
        )
        .unwrap();
        assert_eq!(records[0].id, "1");
        assert_eq!(records[0].body["messages"][0]["content"], "Be brief.");
        assert_eq!(records[0].body["messages"][1]["content"], "One");
        assert_eq!(records[1].id, "7");
        assert_eq!(records[1].body["messages"][0]["content"], "Rhyme.");
        assert_eq!(records[1].body["seed"], 3);
    }

    #[test]
    fn csv_rows_need_a_prompt_column_without_a_template() {
        let records = read_text(
            "in.csv",
            "id,prompt\nx,\"Hello, there\"\ny,\"Two\nlines\"\n",
        )
        .unwrap();
        assert_eq!(records[1].id, "y");
        assert_eq!(records[1].line, 3);
        assert_eq!(records[1].body["messages"][1]["content"], "Two\nlines");
        let err = read_text("in.csv", "id,city\nx,Oslo\n").unwrap_err();
        assert!(err.message.contains("column `city`"), "{}", err.message);
        assert!(err.hint.contains("-t NAME"));
    }

    #[test]
    fn mistakes_name_their_line() {
        let cases = [
            (
                "{\"prompt\": \"a\"}\n{\"prompt\": \"b\"",
                "line 2: not JSON",
            ),
            ("{\"prompt\": 3}", "line 1: `prompt` is not a string"),
            (
                "{\"prompt\": \"a\", \"messages\": []}",
                "both `prompt` and `messages`",
            ),
            ("{\"text\": \"a\"}", "no `prompt` or `messages`"),
            (
                "{\"custom_id\": \"a\", \"url\": \"/v1/embeddings\", \"body\": {\"messages\": []}}",
                "is not /v1/chat/completions",
            ),
            (
                "{\"custom_id\": \"a\", \"body\": {\"messages\": []}, \"extra\": 1}",
                "unknown field `extra`",
            ),
            (
                "{\"prompt\": \"a\", \"n\": 2}",
                "`n` asks for several answers",
            ),
            (
                "{\"id\": \"a\", \"prompt\": \"a\"}\n{\"id\": \"a\", \"prompt\": \"b\"}",
                "the id `a` is on line 1 and line 2",
            ),
            ("[1]", "line 1: not a JSON object"),
            ("\n\n", "holds no records"),
        ];
        for (text, expected) in cases {
            let err = read_text("in.jsonl", text).unwrap_err();
            assert!(err.message.contains(expected), "{text}: {}", err.message);
        }
    }

    #[test]
    fn max_completion_tokens_stands_for_max_tokens() {
        let records = read_text(
            "in.jsonl",
            "{\"prompt\": \"a\", \"max_completion_tokens\": 9}",
        )
        .unwrap();
        assert!(!records[0].body.contains_key("max_tokens"));
    }
}
