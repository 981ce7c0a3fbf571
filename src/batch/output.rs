//! What `flashchat batch` writes: one line per record, JSON Lines or CSV,
//! appended and flushed as each is known; and reading back what an earlier
//! run wrote, so that a rerun goes on from there.

use std::io::Write;
use std::path::Path;

use serde_json::Value;

use crate::engine::{FinishReason, Timings, Usage};
use crate::errors::Hinted;
use crate::wire::openai::WireToolCall;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
}

impl Format {
    /// CSV for a `.csv` file, JSON Lines otherwise.
    pub fn for_path(path: &Path) -> Self {
        match super::input::is_csv(path) {
            true => Format::Csv,
            false => Format::Jsonl,
        }
    }
}

/// How one record went.
#[derive(Debug, Clone)]
pub enum Outcome {
    Answered(Box<Answered>),
    Failed(Failure),
}

#[derive(Debug, Clone)]
pub struct Answered {
    pub answer: String,
    pub reasoning: Option<String>,
    pub tool_calls: Vec<WireToolCall>,
    pub finish_reason: FinishReason,
    /// The model asked for, when the request named one.
    pub model: Option<String>,
    pub usage: Usage,
    pub timings: Timings,
    /// From sending the request to the end of the answer, on this side.
    pub total_ms: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub message: String,
    /// The HTTP status, when the server answered.
    pub status: Option<u16>,
    pub code: Option<String>,
}

/// The CSV output's columns.
const COLUMNS: [&str; 12] = [
    "id",
    "answer",
    "reasoning",
    "tool_calls",
    "finish_reason",
    "model",
    "prompt_tokens",
    "completion_tokens",
    "ttft_ms",
    "tokens_per_second",
    "total_ms",
    "error",
];

/// One record's line, with its line break.
pub fn line(format: Format, id: &str, outcome: &Outcome) -> String {
    match format {
        Format::Jsonl => {
            let mut text = json_line(id, outcome).to_string();
            text.push('\n');
            text
        }
        Format::Csv => csv_line(csv_fields(id, outcome)),
    }
}

fn json_line(id: &str, outcome: &Outcome) -> Value {
    match outcome {
        Outcome::Answered(a) => {
            let mut line = serde_json::json!({"id": id});
            if let Some(model) = &a.model {
                line["model"] = model.clone().into();
            }
            line["answer"] = a.answer.clone().into();
            if let Some(reasoning) = &a.reasoning {
                line["reasoning"] = reasoning.clone().into();
            }
            if !a.tool_calls.is_empty() {
                line["tool_calls"] = serde_json::to_value(&a.tool_calls).unwrap_or_default();
            }
            line["finish_reason"] = serde_json::to_value(a.finish_reason).unwrap_or_default();
            line["usage"] = serde_json::to_value(a.usage).unwrap_or_default();
            let mut timings = serde_json::to_value(a.timings).unwrap_or_default();
            timings["total_ms"] = rounded(a.total_ms).into();
            line["timings"] = timings;
            line
        }
        Outcome::Failed(f) => {
            let mut error = serde_json::json!({"message": f.message});
            if let Some(status) = f.status {
                error["status"] = status.into();
            }
            if let Some(code) = &f.code {
                error["code"] = code.clone().into();
            }
            serde_json::json!({"id": id, "error": error})
        }
    }
}

fn csv_fields(id: &str, outcome: &Outcome) -> Vec<String> {
    let mut fields = vec![String::new(); COLUMNS.len()];
    fields[0] = id.to_string();
    match outcome {
        Outcome::Answered(a) => {
            fields[1] = a.answer.clone();
            fields[2] = a.reasoning.clone().unwrap_or_default();
            if !a.tool_calls.is_empty() {
                fields[3] = serde_json::to_string(&a.tool_calls).unwrap_or_default();
            }
            fields[4] = serde_json::to_value(a.finish_reason)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            fields[5] = a.model.clone().unwrap_or_default();
            fields[6] = a.usage.prompt_tokens.to_string();
            fields[7] = a.usage.completion_tokens.to_string();
            fields[8] = rounded(a.timings.ttft_ms).to_string();
            fields[9] = rounded(a.timings.generation_tokens_per_second).to_string();
            fields[10] = rounded(a.total_ms).to_string();
        }
        Outcome::Failed(f) => fields[11] = f.message.clone(),
    }
    fields
}

fn rounded(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

fn csv_line<I>(fields: I) -> String
where
    I: IntoIterator,
    I::Item: AsRef<[u8]>,
{
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(fields);
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A line an earlier run wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    pub failed: bool,
    /// The line as written, with its line break.
    pub text: String,
}

/// What an output file holds already.
#[derive(Debug, Default)]
pub struct Existing {
    pub entries: Vec<Entry>,
    /// An unfinished last line (the run was killed while writing it).
    pub unfinished_tail: bool,
}

/// Reads an earlier run's output; a file that is not there holds nothing.
pub fn read_existing(path: &Path, format: Format) -> Result<Existing, Hinted> {
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Existing::default()),
        Err(e) => {
            return Err(Hinted::new(
                format!("cannot read {}: {e}", path.display()),
                "give an output file this user can read and write",
            ))
        }
    };
    let complete = match text.rfind('\n') {
        Some(end) => &text[..=end],
        None => "",
    };
    let unfinished_tail = complete.len() < text.len();
    let not_ours = |line: u64, why: String| {
        Hinted::new(
            format!(
                "{} is not the output of flashchat batch (line {line}: {why})",
                path.display()
            ),
            "name a new file with -o, or the file an earlier batch run wrote to go on from it",
        )
    };
    let entries = match format {
        Format::Jsonl => jsonl_entries(complete).map_err(|(line, why)| not_ours(line, why))?,
        Format::Csv => csv_entries(complete).map_err(|(line, why)| not_ours(line, why))?,
    };
    Ok(Existing {
        entries,
        unfinished_tail,
    })
}

fn jsonl_entries(text: &str) -> Result<Vec<Entry>, (u64, String)> {
    let mut entries = Vec::new();
    for (index, line) in text.split_inclusive('\n').enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: Value =
            serde_json::from_str(line).map_err(|e| (index as u64 + 1, e.to_string()))?;
        let id = value
            .get("id")
            .and_then(Value::as_str)
            .ok_or((index as u64 + 1, "no `id`".to_string()))?;
        entries.push(Entry {
            id: id.to_string(),
            failed: value.get("error").is_some(),
            text: line.to_string(),
        });
    }
    Ok(entries)
}

fn csv_entries(text: &str) -> Result<Vec<Entry>, (u64, String)> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| (1, e.to_string()))?;
    if !headers.iter().eq(COLUMNS) {
        return Err((1, format!("the columns are not {}", COLUMNS.join(","))));
    }
    let mut entries = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| (e.position().map_or(0, |p| p.line()), e.to_string()))?;
        entries.push(Entry {
            id: row.get(0).unwrap_or_default().to_string(),
            failed: !row.get(11).unwrap_or_default().is_empty(),
            text: csv_line(&row),
        });
    }
    Ok(entries)
}

/// Writes `entries` as the whole of `path`, all at once.
pub fn rewrite<'a>(
    path: &Path,
    format: Format,
    entries: impl IntoIterator<Item = &'a Entry>,
) -> anyhow::Result<()> {
    let mut text = match format {
        Format::Jsonl => String::new(),
        Format::Csv => csv_line(&COLUMNS),
    };
    for entry in entries {
        text.push_str(&entry.text);
    }
    crate::fsutil::write_atomically(path, text.as_bytes())
}

/// Where lines go: appended to a file (its CSV header first when it is
/// new) or stdout, each flushed as it is written.
pub struct Sink {
    out: Box<dyn Write>,
    format: Format,
    header_due: bool,
}

impl Sink {
    pub fn append_to(path: &Path, format: Format) -> anyhow::Result<Self> {
        use anyhow::Context as _;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        let empty = file.metadata().map(|m| m.len() == 0).unwrap_or(true);
        Ok(Sink {
            out: Box::new(file),
            format,
            header_due: empty && format == Format::Csv,
        })
    }

    pub fn stdout() -> Self {
        Sink {
            out: Box::new(std::io::stdout()),
            format: Format::Jsonl,
            header_due: false,
        }
    }

    pub fn write(&mut self, id: &str, outcome: &Outcome) -> std::io::Result<()> {
        let mut text = String::new();
        if std::mem::take(&mut self.header_due) {
            text.push_str(&csv_line(&COLUMNS));
        }
        text.push_str(&line(self.format, id, outcome));
        self.out.write_all(text.as_bytes())?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answered(text: &str) -> Outcome {
        Outcome::Answered(Box::new(Answered {
            answer: text.into(),
            reasoning: None,
            tool_calls: Vec::new(),
            finish_reason: FinishReason::Stop,
            model: Some("m".into()),
            usage: Usage {
                prompt_tokens: 3,
                completion_tokens: 2,
                total_tokens: 5,
            },
            timings: Timings {
                ttft_ms: 12.345,
                ..Timings::default()
            },
            total_ms: 40.0,
        }))
    }

    fn failed() -> Outcome {
        Outcome::Failed(Failure {
            message: "bad".into(),
            status: Some(400),
            code: None,
        })
    }

    #[test]
    fn lines_read_back_as_they_were_written_in_both_formats() {
        for format in [Format::Jsonl, Format::Csv] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("out");
            let mut sink = Sink::append_to(&path, format).unwrap();
            sink.write("a", &answered("Hello, \"you\"\nthere")).unwrap();
            sink.write("b", &failed()).unwrap();
            drop(sink);
            let existing = read_existing(&path, format).unwrap();
            let ids: Vec<(&str, bool)> = existing
                .entries
                .iter()
                .map(|e| (e.id.as_str(), e.failed))
                .collect();
            assert_eq!(ids, [("a", false), ("b", true)], "{format:?}");
            assert!(!existing.unfinished_tail);
            // Rewriting what was read gives the same bytes.
            let before = std::fs::read_to_string(&path).unwrap();
            rewrite(&path, format, &existing.entries).unwrap();
            assert_eq!(
                std::fs::read_to_string(&path).unwrap(),
                before,
                "{format:?}"
            );
        }
    }

    #[test]
    fn a_json_line_holds_the_answer_usage_and_timings_or_the_error() {
        let written: Value =
            serde_json::from_str(&line(Format::Jsonl, "a", &answered("Hi"))).unwrap();
        assert_eq!(written["id"], "a");
        assert_eq!(written["answer"], "Hi");
        assert_eq!(written["usage"]["completion_tokens"], 2);
        assert_eq!(written["timings"]["total_ms"], 40.0);
        assert!(written.get("error").is_none());
        let written: Value = serde_json::from_str(&line(Format::Jsonl, "b", &failed())).unwrap();
        assert_eq!(written["error"]["status"], 400);
    }

    #[test]
    fn an_unfinished_last_line_is_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        std::fs::write(
            &path,
            "{\"id\":\"a\",\"answer\":\"x\"}\n{\"id\":\"b\",\"ans",
        )
        .unwrap();
        let existing = read_existing(&path, Format::Jsonl).unwrap();
        assert_eq!(existing.entries.len(), 1);
        assert!(existing.unfinished_tail);
    }

    #[test]
    fn a_file_of_something_else_is_not_taken_for_output() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.jsonl");
        std::fs::write(&path, "{\"prompt\": \"a\"}\n").unwrap();
        let err = read_existing(&path, Format::Jsonl).unwrap_err();
        assert!(err.message.contains("not the output of flashchat batch"));
        let path = dir.path().join("table.csv");
        std::fs::write(&path, "id,prompt\n1,a\n").unwrap();
        assert!(read_existing(&path, Format::Csv).is_err());
        assert!(read_existing(&dir.path().join("none"), Format::Csv)
            .unwrap()
            .entries
            .is_empty());
    }
}
