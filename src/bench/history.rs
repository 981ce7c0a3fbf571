//! `benchmarks.jsonl`: every run's summary, one JSON object per line,
//! appended; `flashchat benchmark --history` reads it back as a trend.

use std::fmt::Write as _;
use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::Path;

use super::report::{format_figure, Report};

/// One line of the history file.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    pub date: String,
    pub target: String,
    pub model: String,
    pub threads: u32,
    pub flashchat_version: String,
    pub medians: Vec<Median>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passed: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Median {
    pub name: String,
    pub unit: String,
    pub median: f64,
    pub higher_is_better: bool,
}

impl Entry {
    pub fn of(report: &Report) -> Self {
        Self {
            date: report.date.clone(),
            target: report.target.clone(),
            model: report.model.name.clone(),
            threads: report.settings.threads,
            flashchat_version: report.flashchat_version.clone(),
            medians: report
                .measures
                .iter()
                .map(|m| Median {
                    name: m.name.clone(),
                    unit: m.unit.clone(),
                    median: m.stats.median,
                    higher_is_better: m.higher_is_better,
                })
                .collect(),
            passed: report.passed,
        }
    }
}

/// Appends `report`'s summary as one line. The line is written with a
/// single `write` call on a file opened for appending, so concurrent runs
/// never interleave inside a line.
pub fn append(path: &Path, report: &Report) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut line = serde_json::to_string(&Entry::of(report)).map_err(io::Error::other)?;
    line.push('\n');
    let mut file = OpenOptions::new().create(true).append(true).open(path)?;
    file.write_all(line.as_bytes())
}

/// The entries in the file, oldest first, optionally of one target, and the
/// number of lines that could not be read (a torn or edited line is skipped,
/// never fatal).
pub fn read(path: &Path, target: Option<&str>) -> io::Result<(Vec<Entry>, usize)> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Vec::new(), 0)),
        Err(e) => return Err(e),
    };
    let mut skipped = 0;
    let entries = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| {
            serde_json::from_str::<Entry>(l)
                .map_err(|_| skipped += 1)
                .ok()
        })
        .filter(|e| target.is_none_or(|t| e.target == t))
        .collect();
    Ok((entries, skipped))
}

/// The trend table: each run's medians and the change from the previous run
/// of the same target, model and threads.
pub fn render(entries: &[Entry]) -> String {
    let mut out = format!(
        "{:<20}  {:<9}  {:<28}  {:>3}  {}\n",
        "date", "target", "model", "thr", "median (change from the previous comparable run)"
    );
    for (i, e) in entries.iter().enumerate() {
        let previous = entries[..i]
            .iter()
            .rev()
            .find(|p| p.target == e.target && p.model == e.model && p.threads == e.threads);
        let figures: Vec<String> = e
            .medians
            .iter()
            .map(|m| {
                let mut f = format!("{} {} {}", m.name, format_figure(m.median), m.unit);
                let before = previous.and_then(|p| p.medians.iter().find(|b| b.name == m.name));
                if let Some(b) = before {
                    let _ = write!(f, " ({})", change(b.median, m.median, m.higher_is_better));
                }
                f
            })
            .collect();
        let result = match (e.passed, figures.is_empty()) {
            (Some(true), _) => "PASS".to_string(),
            (Some(false), _) => "FAIL".to_string(),
            (None, _) => figures.join(", "),
        };
        let _ = writeln!(
            out,
            "{:<20}  {:<9}  {:<28}  {:>3}  {result}",
            e.date.get(..19).unwrap_or(&e.date).replace('T', " "),
            e.target,
            truncate(&e.model, 28),
            e.threads
        );
    }
    out
}

/// `+3.2% faster` / `-5.0% slower`, by the measure's direction.
fn change(before: f64, now: f64, higher_is_better: bool) -> String {
    let pct = (now / before - 1.0) * 100.0;
    let better = if higher_is_better {
        pct >= 0.0
    } else {
        pct <= 0.0
    };
    format!("{:+.1}% {}", pct, if better { "better" } else { "worse" })
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let cut: String = text.chars().take(width - 1).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::report::tests::sample_report;

    #[test]
    fn appends_reads_and_shows_the_trend() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("benchmarks.jsonl");
        append(&path, &sample_report("moebench", "moe_layer", false, 0.20)).unwrap();
        append(&path, &sample_report("fullbench", "tg128", true, 90.0)).unwrap();
        append(&path, &sample_report("moebench", "moe_layer", false, 0.22)).unwrap();
        // A torn last line (a run killed mid-write) is skipped.
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"{\"date\":\"2026").unwrap();

        let (all, skipped) = read(&path, None).unwrap();
        assert_eq!((all.len(), skipped), (3, 1));
        let (moe, _) = read(&path, Some("moebench")).unwrap();
        assert_eq!(moe.len(), 2);
        let table = render(&moe);
        assert!(table.contains("+10.0% worse"), "{table}");
        assert!(read(&dir.path().join("none"), None).unwrap().0.is_empty());
    }

    #[test]
    fn change_follows_the_direction() {
        assert_eq!(change(100.0, 110.0, true), "+10.0% better");
        assert_eq!(change(1.0, 0.9, false), "-10.0% better");
        assert_eq!(change(1.0, 1.1, false), "+10.0% worse");
    }
}
