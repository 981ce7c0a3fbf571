//! Saved chat sessions: one JSON Lines file per session in `sessions/`,
//! appended and flushed turn by turn. Listing and searching read the files
//! directly, in parallel, parsing only what they show.

pub mod export;
pub mod record;

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::role::Role;
use record::{
    Header, Record, StoredMessage, MESSAGE_PREFIX, TITLE_PREFIX, UNDO_PREFIX, USER_TURN_PREFIX,
};

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("cannot {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: String,
        source: std::io::Error,
    },
    #[error("no session matches `{0}`")]
    NotFound(String),
    #[error("{path} is not a session file (its first line is not a session header)")]
    NotASession { path: String },
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> SessionError {
    let path = path.display().to_string();
    move |source| SessionError::Io {
        action,
        path,
        source,
    }
}

/// A whole session, folded from its records.
#[derive(Debug, Clone)]
pub struct Session {
    pub header: Header,
    /// The latest title (the header's, or a later rename).
    pub title: String,
    pub system_prompt: Option<String>,
    pub messages: Vec<StoredMessage>,
    /// Unix seconds of the last record.
    pub updated: i64,
    /// Lines that could not be read (a torn last line after a crash).
    pub skipped_lines: usize,
}

/// One row of `sessions list`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Summary {
    pub id: String,
    pub title: String,
    pub turns: usize,
    pub model: String,
    pub created: i64,
    pub updated: i64,
}

/// A search hit: the message and the text around the match.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub message: usize,
    pub role: Role,
    pub snippet: String,
}

pub struct SessionStore {
    dir: PathBuf,
}

pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

impl SessionStore {
    pub fn new(dir: &Path) -> Self {
        Self {
            dir: dir.to_path_buf(),
        }
    }

    pub fn path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.jsonl"))
    }

    /// Starts a session file with its header; returns the header.
    pub fn create(
        &self,
        model: &str,
        system_prompt: Option<String>,
        settings: serde_json::Value,
    ) -> Result<Header, SessionError> {
        fs::create_dir_all(&self.dir).map_err(io_error("create", &self.dir))?;
        let created = now();
        let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
        let suffix = id_suffix();
        let header = Header {
            id: format!("{stamp}-{suffix:04x}"),
            title: String::new(),
            model: model.to_string(),
            created,
            system_prompt,
            settings,
            version: 1,
        };
        self.append(&header.id, &Record::Session(header.clone()))?;
        Ok(header)
    }

    /// Appends one record and flushes it to disk.
    pub fn append(&self, id: &str, record: &Record) -> Result<(), SessionError> {
        let path = self.path(id);
        let mut line = serde_json::to_vec(record).map_err(|e| SessionError::Io {
            action: "encode a record for",
            path: path.display().to_string(),
            source: std::io::Error::other(e),
        })?;
        line.push(b'\n');
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .read(true)
            .open(&path)
            .map_err(io_error("open", &path))?;
        // After a crash mid-write the file may end in a torn line: start a
        // new one, or this record would be glued to it and lost too.
        if !ends_with_newline(&file) {
            line.insert(0, b'\n');
        }
        // One write: a crash leaves at most this line torn, never an earlier one.
        file.write_all(&line).map_err(io_error("write", &path))?;
        file.sync_data().map_err(io_error("flush", &path))
    }

    pub fn load(&self, id: &str) -> Result<Session, SessionError> {
        let path = self.path(id);
        let bytes = fs::read(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => SessionError::NotFound(id.to_string()),
            _ => io_error("read", &path)(e),
        })?;
        parse(&bytes, &path)
    }

    /// Session ids, newest first by last change.
    fn files(&self) -> Vec<(PathBuf, i64)> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut files: Vec<(PathBuf, i64)> = entries
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "jsonl"))
            .map(|e| {
                let modified = e
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_secs() as i64);
                (e.path(), modified)
            })
            .collect();
        files.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.cmp(&a.0)));
        files
    }

    /// Every session, newest first.
    pub fn list(&self) -> Vec<Summary> {
        parallel_map(&self.files(), |(path, modified)| {
            let bytes = fs::read(path).ok()?;
            summarize(&bytes, *modified)
        })
    }

    /// Finds a session by id, id prefix, number in `list` (1 = newest) or `last`.
    pub fn resolve(&self, key: &str) -> Result<String, SessionError> {
        let key = key.trim();
        if key == "last" {
            return self
                .files()
                .first()
                .and_then(|(p, _)| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
                .ok_or_else(|| SessionError::NotFound(key.to_string()));
        }
        if let Ok(n) = key.parse::<usize>() {
            if n >= 1 && key.len() < 8 {
                let files = self.files();
                return files
                    .get(n - 1)
                    .and_then(|(p, _)| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
                    .ok_or_else(|| SessionError::NotFound(key.to_string()));
            }
        }
        if self.path(key).is_file() {
            return Ok(key.to_string());
        }
        let matches: Vec<String> = self
            .files()
            .iter()
            .filter_map(|(p, _)| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .filter(|id| id.starts_with(key))
            .collect();
        match matches.as_slice() {
            [one] => Ok(one.clone()),
            _ => Err(SessionError::NotFound(key.to_string())),
        }
    }

    /// The file as stored: its JSON Lines export.
    pub fn raw(&self, id: &str) -> Result<Vec<u8>, SessionError> {
        let path = self.path(id);
        fs::read(&path).map_err(io_error("read", &path))
    }

    pub fn delete(&self, id: &str) -> Result<(), SessionError> {
        let path = self.path(id);
        fs::remove_file(&path).map_err(io_error("delete", &path))
    }

    /// Case-insensitive full-text search across every message.
    pub fn search(&self, text: &str) -> Vec<Hit> {
        let needle = text.to_lowercase();
        if needle.is_empty() {
            return Vec::new();
        }
        let per_file = parallel_map(&self.files(), |(path, _)| {
            let bytes = fs::read(path).ok()?;
            if !may_contain(&bytes, &needle) {
                return None;
            }
            let session = parse(&bytes, path).ok()?;
            Some(hits_in(&session, &needle))
        });
        per_file.into_iter().flatten().collect()
    }
}

fn ends_with_newline(file: &fs::File) -> bool {
    use std::os::unix::fs::FileExt;
    let len = file.metadata().map_or(0, |m| m.len());
    let mut last = [b'\n'];
    len == 0 || (file.read_at(&mut last, len - 1).is_ok() && last[0] == b'\n')
}

/// A cheap first test on the raw file: most files do not contain the text
/// at all. Only for plain ASCII needles, which JSON stores unescaped.
fn may_contain(bytes: &[u8], needle: &str) -> bool {
    let plain = needle
        .bytes()
        .all(|b| (b.is_ascii_graphic() && b != b'"' && b != b'\\') || b == b' ');
    if !plain {
        return true;
    }
    let needle = needle.as_bytes();
    bytes
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// Folds a file's records; unreadable lines are skipped and counted.
fn parse(bytes: &[u8], path: &Path) -> Result<Session, SessionError> {
    let mut lines = bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty());
    let header = match lines.next().map(serde_json::from_slice::<Record>) {
        Some(Ok(Record::Session(header))) => header,
        _ => {
            return Err(SessionError::NotASession {
                path: path.display().to_string(),
            })
        }
    };
    let mut session = Session {
        title: header.title.clone(),
        system_prompt: header.system_prompt.clone(),
        updated: header.created,
        header,
        messages: Vec::new(),
        skipped_lines: 0,
    };
    for line in lines {
        match serde_json::from_slice::<Record>(line) {
            Ok(Record::Message(m)) => {
                session.updated = m.at;
                session.messages.push(m);
            }
            Ok(Record::Title { title, at }) => {
                session.title = title;
                session.updated = at;
            }
            Ok(Record::System { system_prompt, at }) => {
                session.system_prompt = system_prompt;
                session.updated = at;
            }
            Ok(Record::Undo { at }) => {
                session.messages.pop();
                session.updated = at;
            }
            Ok(Record::Session(_)) | Err(_) => session.skipped_lines += 1,
        }
    }
    Ok(session)
}

/// A list row from a file, parsing only the header and title changes.
fn summarize(bytes: &[u8], modified: i64) -> Option<Summary> {
    let mut lines = bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty());
    let Ok(Record::Session(header)) = serde_json::from_slice::<Record>(lines.next()?) else {
        return None;
    };
    let mut title = header.title.clone();
    // Whether each message is the user's, so that an undo can take it back.
    let mut from_user: Vec<bool> = Vec::new();
    for line in lines {
        if line.starts_with(MESSAGE_PREFIX) {
            from_user.push(line.starts_with(USER_TURN_PREFIX));
        } else if line.starts_with(UNDO_PREFIX) {
            from_user.pop();
        } else if line.starts_with(TITLE_PREFIX) {
            if let Ok(Record::Title { title: t, .. }) = serde_json::from_slice(line) {
                title = t;
            }
        }
    }
    Some(Summary {
        id: header.id,
        title,
        turns: from_user.iter().filter(|&&u| u).count(),
        model: header.model,
        created: header.created,
        updated: modified,
    })
}

fn hits_in(session: &Session, needle: &str) -> Vec<Hit> {
    session
        .messages
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let lower = m.content.to_lowercase();
            let at = lower.find(needle)?;
            Some(Hit {
                id: session.header.id.clone(),
                title: session.title.clone(),
                message: i + 1,
                role: m.role,
                snippet: snippet(&m.content, &lower, at, needle.len()),
            })
        })
        .collect()
}

/// About 40 characters either side of the match, on one line.
fn snippet(content: &str, lower: &str, at: usize, len: usize) -> String {
    // `lower` may differ in length from `content` for some scripts; fall
    // back to the lowered text, which has the offsets.
    let text = if lower.len() == content.len() {
        content
    } else {
        lower
    };
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(39)
        .map_or(0, |(i, _)| i);
    let end = text[at + len..]
        .char_indices()
        .nth(40)
        .map_or(text.len(), |(i, _)| at + len + i);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(&text[start..end].replace(['\n', '\r'], " "));
    if end < text.len() {
        out.push('…');
    }
    out
}

/// Maps `items` on all CPUs, keeping their order.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> Option<R> + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let chunk = items.len().div_ceil(workers).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(|| part.iter().filter_map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// The default title: the first line of the first message, shortened.
pub fn title_from(text: &str) -> String {
    let line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    let mut title: String = line.chars().take(60).collect();
    if line.chars().count() > 60 {
        title.push('…');
    }
    title
}
/// Four hex digits that keep two sessions started in the same second
/// apart: the clock's nanoseconds mixed with the process id.
fn id_suffix() -> u32 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    (nanos ^ std::process::id().rotate_left(7)) & 0xffff
}
