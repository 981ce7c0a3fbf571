//! Stored answers of the Responses API (`store: true`): one JSON file per
//! response in the data folder's `responses/`, holding the response as it
//! was returned and the conversation that led to it, so that
//! `previous_response_id` continues it after a restart too. The folder is
//! kept under a size bound by removing the oldest responses first.

use std::collections::HashMap;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What is kept of one response.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Stored {
    /// The response object, as `GET /v1/responses/{id}` returns it.
    pub response: Value,
    /// The conversation as chat messages: every earlier turn, this
    /// request's input and the answer (instructions are not carried over,
    /// as in OpenAI's API).
    pub conversation: Vec<Value>,
}

pub struct ResponseStore {
    dir: PathBuf,
    limit: u64,
    index: Mutex<Index>,
}

#[derive(Default)]
struct Index {
    /// Each stored response's size and when it was written.
    entries: HashMap<String, (u64, SystemTime)>,
    total: u64,
}

impl ResponseStore {
    /// The store in `dir` (created on the first write), holding at most
    /// `limit` bytes.
    pub fn open(dir: PathBuf, limit: u64) -> Self {
        let mut index = Index::default();
        if let Ok(files) = fs::read_dir(&dir) {
            for file in files.flatten() {
                let path = file.path();
                let Some(id) = id_of(&path) else { continue };
                if let Ok(meta) = file.metadata() {
                    let written = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
                    index.total += meta.len();
                    index.entries.insert(id, (meta.len(), written));
                }
            }
        }
        Self {
            dir,
            limit,
            index: Mutex::new(index),
        }
    }

    /// Keeps a response, removing the oldest ones when the store would
    /// grow past its bound.
    pub fn put(&self, id: &str, stored: &Stored) -> std::io::Result<()> {
        if !valid_id(id) {
            return Err(std::io::Error::other(format!(
                "`{id}` is not a response id"
            )));
        }
        let bytes = serde_json::to_vec(stored).map_err(std::io::Error::other)?;
        fs::create_dir_all(&self.dir)?;
        let path = self.path(id);
        let partial = path.with_extension("json.partial");
        let mut file = fs::File::create(&partial)?;
        file.write_all(&bytes)?;
        file.sync_all()?;
        fs::rename(&partial, &path)?;
        let mut index = self.lock();
        if let Some((old, _)) = index
            .entries
            .insert(id.into(), (bytes.len() as u64, SystemTime::now()))
        {
            index.total -= old;
        }
        index.total += bytes.len() as u64;
        while index.total > self.limit && index.entries.len() > 1 {
            let Some(oldest) = index
                .entries
                .iter()
                .filter(|(other, _)| other.as_str() != id)
                .min_by_key(|(_, (_, written))| *written)
                .map(|(other, _)| other.clone())
            else {
                break;
            };
            let _ = fs::remove_file(self.path(&oldest));
            if let Some((size, _)) = index.entries.remove(&oldest) {
                index.total -= size;
            }
        }
        Ok(())
    }

    /// A stored response; `None` when there is none by that id (or its
    /// file cannot be read).
    pub fn get(&self, id: &str) -> Option<Stored> {
        if !valid_id(id) {
            return None;
        }
        let bytes = fs::read(self.path(id)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Removes a stored response; false when there was none.
    pub fn delete(&self, id: &str) -> bool {
        if !valid_id(id) {
            return false;
        }
        let removed = fs::remove_file(self.path(id)).is_ok();
        let mut index = self.lock();
        if let Some((size, _)) = index.entries.remove(id) {
            index.total -= size;
        }
        removed
    }

    fn path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Index> {
        self.index.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Ids are made here (`resp_` and hex digits); anything else, such as a
/// path, names no stored response.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 128
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn id_of(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let id = name.strip_suffix(".json")?;
    valid_id(id).then(|| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn stored(text: &str) -> Stored {
        Stored {
            response: json!({"id": "x", "output_text": text}),
            conversation: vec![json!({"role": "user", "content": text})],
        }
    }

    #[test]
    fn responses_survive_reopening_and_can_be_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let store = ResponseStore::open(dir.path().join("responses"), 1 << 20);
        store.put("resp_1", &stored("one")).unwrap();
        let reopened = ResponseStore::open(dir.path().join("responses"), 1 << 20);
        assert_eq!(
            reopened.get("resp_1").unwrap().conversation[0]["content"],
            "one"
        );
        assert!(reopened.delete("resp_1"));
        assert!(!reopened.delete("resp_1"));
        assert!(reopened.get("resp_1").is_none());
        assert!(reopened.get("../../etc/passwd").is_none());
        assert!(store.put("../x", &stored("no")).is_err());
    }

    #[test]
    fn the_oldest_responses_go_first_when_the_store_is_full() {
        let dir = tempfile::tempdir().unwrap();
        let one = serde_json::to_vec(&stored("aaaa")).unwrap().len() as u64;
        let store = ResponseStore::open(dir.path().to_path_buf(), one * 2);
        for id in ["resp_a", "resp_b", "resp_c"] {
            store.put(id, &stored("aaaa")).unwrap();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(store.get("resp_a").is_none(), "the oldest was removed");
        assert!(store.get("resp_b").is_some());
        assert!(store.get("resp_c").is_some());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
