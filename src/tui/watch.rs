//! What the workspace watches beside the conversation, on a thread of its
//! own: the server's `/health` (slots, queue, loaded models, memory) once
//! a second, this process's memory, and the end of a log file as it grows.

use std::collections::VecDeque;
use std::io::{Read, Seek, SeekFrom};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::wire::admin::Health;

/// Lines of the log kept.
const LOG_LINES: usize = 2000;
/// How much of an existing log is read at the start.
const LOG_TAIL_BYTES: u64 = 64 * 1024;

#[derive(Default)]
pub struct Watched {
    /// The server's last report; `None` when it did not answer.
    pub health: Option<Health>,
    /// This process's resident memory in bytes.
    pub own_memory: Option<u64>,
    pub log: VecDeque<String>,
    /// Set when anything changed since the screen last drew.
    pub changed: bool,
}

/// Starts watching; the thread ends when `stop` is set.
pub fn start(
    server: Option<String>,
    log: Option<PathBuf>,
    stop: Arc<AtomicBool>,
) -> (Arc<Mutex<Watched>>, std::thread::JoinHandle<()>) {
    let watched = Arc::new(Mutex::new(Watched::default()));
    let shared = Arc::clone(&watched);
    let handle = std::thread::spawn(move || {
        let mut tail = log.map(Tail::new);
        let mut last_health = Instant::now() - Duration::from_secs(10);
        while !stop.load(Ordering::Relaxed) {
            if last_health.elapsed() >= Duration::from_secs(1) {
                last_health = Instant::now();
                let health = server.as_deref().and_then(|base| {
                    crate::client::health(base, Duration::from_millis(800)).and_then(|(_, h)| h)
                });
                let memory = own_memory();
                if let Ok(mut w) = shared.lock() {
                    w.health = health;
                    w.own_memory = memory;
                    w.changed = true;
                }
            }
            if let Some(tail) = tail.as_mut() {
                let lines = tail.read();
                if !lines.is_empty() {
                    if let Ok(mut w) = shared.lock() {
                        w.log.extend(lines);
                        while w.log.len() > LOG_LINES {
                            w.log.pop_front();
                        }
                        w.changed = true;
                    }
                }
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    });
    (watched, handle)
}

/// Follows a file from near its end; starts again if it is replaced.
struct Tail {
    path: PathBuf,
    offset: Option<u64>,
    partial: String,
}

impl Tail {
    fn new(path: PathBuf) -> Self {
        Tail {
            path,
            offset: None,
            partial: String::new(),
        }
    }

    /// The complete lines written since the last read.
    fn read(&mut self) -> Vec<String> {
        let Ok(mut file) = std::fs::File::open(&self.path) else {
            return Vec::new();
        };
        let len = file.metadata().map_or(0, |m| m.len());
        let from = match self.offset {
            Some(offset) if offset <= len => offset,
            // The first read, or the file was cut: its last part.
            _ => len.saturating_sub(LOG_TAIL_BYTES),
        };
        if from == len || file.seek(SeekFrom::Start(from)).is_err() {
            self.offset = Some(len);
            return Vec::new();
        }
        let mut bytes = Vec::new();
        if file.take(len - from).read_to_end(&mut bytes).is_err() {
            return Vec::new();
        }
        self.offset = Some(from + bytes.len() as u64);
        self.partial.push_str(&String::from_utf8_lossy(&bytes));
        let mut lines: Vec<String> = self.partial.split('\n').map(strip_escapes).collect();
        self.partial = lines.pop().unwrap_or_default();
        lines
    }
}

/// A log line without terminal colour codes.
fn strip_escapes(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else if c != '\r' {
            out.push(c);
        }
    }
    out
}

/// Resident memory of this process (Linux), in bytes.
fn own_memory() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    // SAFETY: sysconf only reads a system setting.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    Some(pages * u64::try_from(page).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_tail_gives_complete_lines_as_they_come() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("server.log");
        std::fs::write(&path, "old 1\nold 2\n").unwrap();
        let mut tail = Tail::new(path.clone());
        assert_eq!(tail.read(), ["old 1", "old 2"]);
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        write!(file, "\x1b[32mINFO\x1b[0m request 200\nhalf").unwrap();
        assert_eq!(tail.read(), ["INFO request 200"]);
        writeln!(file, " a line").unwrap();
        assert_eq!(tail.read(), ["half a line"]);
        assert!(tail.read().is_empty());
        std::fs::write(&path, "new\n").unwrap();
        assert_eq!(tail.read(), ["new"]);
    }

    #[test]
    fn this_process_has_memory() {
        assert!(own_memory().unwrap_or(0) > 1024 * 1024);
    }
}
