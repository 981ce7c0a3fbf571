//! Bulk answers (`flashchat batch`): records read from a file, sent to a
//! server as many at a time as it has slots, and written in input order as
//! they finish. A rerun with the same output goes on where the last one
//! stopped: answered ids are skipped, failed ones are asked again.

pub mod input;
pub mod output;

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::client::{Client, ClientError};
use crate::engine::output::OutputParser;
use crate::wire::openai::WireToolCall;
use input::Record;
use output::{Answered, Entry, Existing, Failure, Outcome};

/// What a run has to do, given what the output holds already.
#[derive(Debug)]
pub struct Plan {
    /// Records without an answer yet, in input order.
    pub todo: Vec<Record>,
    /// The output's answered lines (the ones kept).
    pub kept: Vec<Entry>,
    /// Failed lines taken out to be asked again.
    pub retried: usize,
    /// Answered ids the input does not have (kept, at the end).
    pub strangers: usize,
}

impl Plan {
    pub fn new(records: Vec<Record>, existing: Existing) -> Self {
        let retried = existing.entries.iter().filter(|e| e.failed).count();
        let kept: Vec<Entry> = existing.entries.into_iter().filter(|e| !e.failed).collect();
        let answered: HashMap<&str, ()> = kept.iter().map(|e| (e.id.as_str(), ())).collect();
        let known: HashMap<&str, ()> = records.iter().map(|r| (r.id.as_str(), ())).collect();
        let strangers = kept
            .iter()
            .filter(|e| !known.contains_key(e.id.as_str()))
            .count();
        let todo = records
            .into_iter()
            .filter(|r| !answered.contains_key(r.id.as_str()))
            .collect();
        Plan {
            todo,
            kept,
            retried,
            strangers,
        }
    }
}

/// `entries` in the input's order (ids the input lacks last, as they
/// were), or `None` when they are in that order already.
pub fn in_input_order(entries: &[Entry], input_ids: &[&str]) -> Option<Vec<Entry>> {
    let rank: HashMap<&str, usize> = input_ids
        .iter()
        .enumerate()
        .map(|(rank, id)| (*id, rank))
        .collect();
    let key = |e: &Entry| rank.get(e.id.as_str()).copied().unwrap_or(usize::MAX);
    if entries.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return None;
    }
    let mut sorted = entries.to_vec();
    sorted.sort_by_key(key);
    Some(sorted)
}

/// How the run shows its progress.
pub trait Progress: Sync {
    /// A record finished (`ok`: answered, not failed).
    fn finished(&self, ok: bool);
}

/// How a run went.
#[derive(Debug, Default)]
pub struct Summary {
    pub written: usize,
    pub failed: usize,
    /// The first failure's message.
    pub first_failure: Option<String>,
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
    pub elapsed: Duration,
    /// Ctrl-C stopped it; the lines in flight were not written.
    pub interrupted: bool,
}

/// After this many results, all failures, the run stops: the requests, the
/// server or the model are wrong for all of them.
const HOPELESS: usize = 8;

/// Sends `todo` through `client`, `parallel` at a time, and hands each
/// outcome to `write` in input order. Stops early on Ctrl-C (`cancel`), on
/// a server that cannot be reached or refuses the key, and when the first
/// results all fail.
pub fn run(
    client: &Client,
    todo: &[Record],
    parallel: usize,
    cancel: &AtomicBool,
    progress: &dyn Progress,
    mut write: impl FnMut(&Record, &Outcome) -> std::io::Result<()>,
) -> anyhow::Result<Summary> {
    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (sender, results) = mpsc::channel::<(usize, Result<Outcome, anyhow::Error>)>();
    let mut summary = Summary::default();
    let fatal = std::thread::scope(|scope| {
        for _ in 0..parallel.clamp(1, todo.len().max(1)) {
            let sender = sender.clone();
            let (next, stop) = (&next, &stop);
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                if index >= todo.len() || stop.load(Ordering::Relaxed) {
                    break;
                }
                let outcome = ask(client, &todo[index], cancel, stop);
                if sender.send((index, outcome)).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        let mut pending: BTreeMap<usize, Outcome> = BTreeMap::new();
        let mut next_to_write = 0;
        let mut fatal = None;
        for (index, outcome) in results {
            let outcome = match outcome {
                Ok(outcome) => outcome,
                Err(e) => {
                    stop.store(true, Ordering::Relaxed);
                    fatal.get_or_insert(e);
                    continue;
                }
            };
            if stop.load(Ordering::Relaxed) {
                continue;
            }
            let ok = matches!(outcome, Outcome::Answered(_));
            progress.finished(ok);
            pending.insert(index, outcome);
            while let Some(outcome) = pending.remove(&next_to_write) {
                if let Err(e) = write(&todo[next_to_write], &outcome) {
                    stop.store(true, Ordering::Relaxed);
                    fatal.get_or_insert(e.into());
                    break;
                }
                summary.tally(&outcome);
                next_to_write += 1;
            }
            if summary.written >= HOPELESS && summary.failed == summary.written {
                stop.store(true, Ordering::Relaxed);
                let why = summary.first_failure.clone().unwrap_or_default();
                fatal.get_or_insert(anyhow::Error::from(crate::errors::Hinted::new(
                    format!("the first {HOPELESS} requests all failed: {why}"),
                    "fix the input or the server (each failed line holds its error); a rerun asks failed lines again",
                )));
            }
            if cancel.load(Ordering::Relaxed) {
                stop.store(true, Ordering::Relaxed);
            }
        }
        fatal
    });
    summary.elapsed = started.elapsed();
    summary.interrupted = cancel.load(Ordering::Relaxed);
    match fatal {
        Some(e) if !summary.interrupted => Err(e),
        _ => Ok(summary),
    }
}

impl Summary {
    fn tally(&mut self, outcome: &Outcome) {
        self.written += 1;
        match outcome {
            Outcome::Answered(a) => {
                self.prompt_tokens += u64::from(a.usage.prompt_tokens);
                self.completion_tokens += u64::from(a.usage.completion_tokens);
            }
            Outcome::Failed(f) => {
                self.failed += 1;
                self.first_failure.get_or_insert_with(|| f.message.clone());
            }
        }
    }

    /// Generated tokens per second of the whole run.
    pub fn tokens_per_second(&self) -> f64 {
        self.completion_tokens as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// How often a busy server (429, 503) is asked again, and the first wait.
const RETRIES: u32 = 3;
const FIRST_BACKOFF: Duration = Duration::from_millis(500);

/// One record's outcome; `Err` for what ends the whole run (the server
/// gone, the key refused, Ctrl-C).
fn ask(
    client: &Client,
    record: &Record,
    cancel: &AtomicBool,
    stop: &AtomicBool,
) -> anyhow::Result<Outcome> {
    let mut backoff = FIRST_BACKOFF;
    let mut attempt = 0;
    loop {
        let started = Instant::now();
        let mut text = String::new();
        let streamed = client.stream_chat_json(record.body.clone(), |piece| {
            if cancel.load(Ordering::Relaxed) || stop.load(Ordering::Relaxed) {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::Interrupted,
                    "stopped",
                ));
            }
            text.push_str(piece);
            Ok(())
        });
        let error = match streamed {
            Ok(streamed) => {
                if streamed.completion.finish_reason == crate::engine::FinishReason::Cancelled {
                    return Err(crate::errors::Interrupted.into());
                }
                return Ok(answered(record, text, streamed, started.elapsed()));
            }
            Err(e) => e,
        };
        let Some(client_error) = error.downcast_ref::<ClientError>() else {
            return Err(error);
        };
        match client_error {
            ClientError::Unreachable { .. } => return Err(error),
            ClientError::Api {
                status: 401 | 403, ..
            } => return Err(error),
            ClientError::Api {
                status: 429 | 503, ..
            } if attempt < RETRIES => {
                attempt += 1;
                std::thread::sleep(backoff);
                backoff *= 2;
            }
            ClientError::Api {
                status,
                code,
                message,
            } => {
                return Ok(Outcome::Failed(Failure {
                    message: message.clone(),
                    status: Some(*status),
                    code: code.clone(),
                }))
            }
            ClientError::Protocol(message) => {
                return Ok(Outcome::Failed(Failure {
                    message: message.clone(),
                    status: None,
                    code: None,
                }))
            }
        }
    }
}

/// The streamed text read like any answer: reasoning apart, tool calls.
fn answered(
    record: &Record,
    text: String,
    streamed: crate::client::Streamed,
    took: Duration,
) -> Outcome {
    let parsed = OutputParser::new().read_whole(&text, streamed.tool_calls);
    Outcome::Answered(Box::new(Answered {
        answer: parsed.answer,
        reasoning: parsed.reasoning,
        tool_calls: parsed.tool_calls.iter().map(WireToolCall::from).collect(),
        finish_reason: streamed.completion.finish_reason,
        model: record
            .body
            .get("model")
            .and_then(|m| m.as_str())
            .map(str::to_string),
        usage: streamed.completion.usage,
        timings: streamed.completion.timings,
        total_ms: took.as_secs_f64() * 1000.0,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, failed: bool) -> Entry {
        Entry {
            id: id.into(),
            failed,
            text: format!("{id}\n"),
        }
    }

    fn record(id: &str) -> Record {
        Record {
            id: id.into(),
            line: 1,
            body: Default::default(),
        }
    }

    #[test]
    fn a_rerun_skips_answered_ids_and_asks_failed_ones_again() {
        let records = vec![record("a"), record("b"), record("c"), record("d")];
        let existing = Existing {
            entries: vec![entry("a", false), entry("b", true), entry("z", false)],
            unfinished_tail: false,
        };
        let plan = Plan::new(records, existing);
        let todo: Vec<&str> = plan.todo.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(todo, ["b", "c", "d"]);
        assert_eq!(plan.kept, [entry("a", false), entry("z", false)]);
        assert_eq!((plan.retried, plan.strangers), (1, 1));
    }

    #[test]
    fn lines_are_put_back_in_input_order_only_when_they_are_out_of_it() {
        let ids = ["a", "b", "c"];
        let in_order = [entry("a", false), entry("c", false), entry("x", false)];
        assert!(in_input_order(&in_order, &ids).is_none());
        let shuffled = [entry("c", false), entry("x", false), entry("a", false)];
        let sorted = in_input_order(&shuffled, &ids).unwrap();
        let sorted: Vec<&str> = sorted.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(sorted, ["a", "c", "x"]);
    }
}
