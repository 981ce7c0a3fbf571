//! The workspace's two lists: saved sessions (searched through every
//! message as the filter is typed) and models on disk (with the metadata
//! `models` shows, filtered by name, and a pull with its progress).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::human::{human_bytes, human_count};
use crate::models::catalog::Catalog;
use crate::models::download::{DownloadReporter, Plan};
use crate::sessions::export::age;
use crate::sessions::{now, SessionStore};

/// One row of the sessions list.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub id: String,
    pub title: String,
    /// Turns, model and age; or where the filter matched.
    pub detail: String,
}

#[derive(Default)]
pub struct SessionList {
    pub filter: String,
    /// The filter has the keys.
    pub filtering: bool,
    pub rows: Vec<SessionRow>,
    pub selected: usize,
    all: Vec<crate::sessions::Summary>,
}

impl SessionList {
    /// Reads the sessions again and filters them.
    pub fn refresh(&mut self, store: &SessionStore) {
        self.all = store.list();
        self.apply(store);
    }

    /// Filters by the typed text: titles, then every message's text.
    pub fn apply(&mut self, store: &SessionStore) {
        let needle = self.filter.trim().to_lowercase();
        let described = |s: &crate::sessions::Summary| SessionRow {
            id: s.id.clone(),
            title: if s.title.is_empty() {
                "(untitled)".into()
            } else {
                s.title.clone()
            },
            detail: format!(
                "{} turns · {} · {}",
                s.turns,
                s.model,
                age(now() - s.updated)
            ),
        };
        self.rows = if needle.is_empty() {
            self.all.iter().map(described).collect()
        } else {
            let hits = store.search(&needle);
            self.all
                .iter()
                .filter_map(|s| {
                    let hit = hits.iter().find(|h| h.id == s.id);
                    let titled = s.title.to_lowercase().contains(&needle);
                    (titled || hit.is_some()).then(|| {
                        let mut row = described(s);
                        if let Some(hit) = hit {
                            row.detail =
                                format!("{}: {}", hit.role, hit.snippet.replace('\n', " "));
                        }
                        row
                    })
                })
                .collect()
        };
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    pub fn select_by(&mut self, step: isize) {
        self.selected = moved(self.selected, step, self.rows.len());
    }

    pub fn selected(&self) -> Option<&SessionRow> {
        self.rows.get(self.selected)
    }

    pub fn selected_id(&self) -> Option<String> {
        self.selected().map(|r| r.id.clone())
    }
}

/// One model on disk, described.
#[derive(Debug, Clone)]
pub struct ModelRow {
    pub name: String,
    /// What switching to it names (its cache spec or path).
    pub spec: String,
    /// Size, quantisation, parameters, context, architecture.
    pub detail: String,
    pub path: PathBuf,
}

/// How a pull goes.
#[derive(Debug, Default, Clone)]
pub struct PullState {
    pub what: String,
    pub file: String,
    pub done: u64,
    pub total: u64,
    /// Set at the end: what happened.
    pub finished: Option<String>,
}

#[derive(Default)]
pub struct ModelList {
    pub filter: String,
    pub filtering: bool,
    pub rows: Vec<ModelRow>,
    pub selected: usize,
    all: Vec<ModelRow>,
    /// A pull typed in, to be started.
    pub pull_requested: Option<String>,
    pub pull: Option<Arc<Mutex<PullState>>>,
}

impl ModelList {
    pub fn new(catalog: &Catalog) -> Self {
        let mut list = ModelList::default();
        list.load(catalog);
        list
    }

    /// Every model of `catalog`, with its metadata read.
    pub fn load(&mut self, catalog: &Catalog) {
        let infos = catalog.read_all();
        self.all = catalog
            .entries
            .iter()
            .zip(infos)
            .map(|(entry, info)| {
                let detail = match info {
                    Ok(i) => format!(
                        "{} · {} · {} params · ctx {} · {}",
                        human_bytes(entry.size()),
                        i.quantization.clone().unwrap_or_default(),
                        human_count(i.parameter_count),
                        i.context_length.map_or("?".into(), |c| c.to_string()),
                        i.architecture.clone().unwrap_or_default()
                    ),
                    Err(e) => format!("{} · unreadable: {e}", human_bytes(entry.size())),
                };
                ModelRow {
                    name: entry.name.clone(),
                    spec: entry.spec(),
                    detail,
                    path: entry.path.clone(),
                }
            })
            .collect();
        self.apply();
    }

    pub fn apply(&mut self) {
        let needle = self.filter.trim().to_lowercase();
        self.rows = self
            .all
            .iter()
            .filter(|r| {
                needle.is_empty()
                    || r.name.contains(&needle)
                    || r.detail.to_lowercase().contains(&needle)
            })
            .cloned()
            .collect();
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    pub fn select_by(&mut self, step: isize) {
        self.selected = moved(self.selected, step, self.rows.len());
    }

    pub fn selected_spec(&self) -> Option<String> {
        self.rows.get(self.selected).map(|r| r.spec.clone())
    }
}

fn moved(at: usize, step: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (at as isize)
        .saturating_add(step)
        .clamp(0, len as isize - 1) as usize
}

/// A pull's progress, kept where the screen reads it.
pub struct PullReporter(pub Arc<Mutex<PullState>>);

impl PullReporter {
    fn with(&self, change: impl FnOnce(&mut PullState)) {
        if let Ok(mut state) = self.0.lock() {
            change(&mut state);
        }
    }
}

impl DownloadReporter for PullReporter {
    fn planned(&self, plan: &Plan) {
        self.with(|s| s.total = plan.total_size().unwrap_or(0));
    }

    fn already_there(&self, file: &str) {
        let file = file.to_string();
        self.with(|s| s.file = format!("{file} (already here)"));
    }

    fn start(&self, file: &str, total: u64, resumed: u64) {
        let file = file.to_string();
        self.with(|s| {
            s.file = file;
            s.total = total;
            s.done = resumed;
        });
    }

    fn progress(&self, done: u64) {
        self.with(|s| s.done = done);
    }

    fn verifying(&self, file: &str) {
        let file = file.to_string();
        self.with(|s| s.file = format!("{file} (checking SHA-256)"));
    }

    fn finished(&self, _file: &str, _path: &Path) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selections_stay_in_the_list() {
        assert_eq!(moved(0, -1, 5), 0);
        assert_eq!(moved(3, 10, 5), 4);
        assert_eq!(moved(3, isize::MIN / 2, 5), 0);
        assert_eq!(moved(0, 1, 0), 0);
    }

    #[test]
    fn sessions_are_found_by_a_word_of_any_message() {
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::new(dir.path());
        let header = store.create("m", None, serde_json::Value::Null).unwrap();
        let message = crate::engine::Message::new(crate::role::Role::User, "about lighthouses");
        let record = crate::sessions::record::Record::Message(
            crate::sessions::record::StoredMessage::of(&message, now()),
        );
        store.append(&header.id, &record).unwrap();
        store.create("m", None, serde_json::Value::Null).unwrap();
        let mut list = SessionList::default();
        list.refresh(&store);
        assert_eq!(list.rows.len(), 2);
        list.filter = "LIGHTHOUSE".into();
        list.apply(&store);
        assert_eq!(list.rows.len(), 1);
        assert_eq!(list.rows[0].id, header.id);
        assert!(
            list.rows[0].detail.contains("lighthouses"),
            "{:?}",
            list.rows[0]
        );
    }
}
