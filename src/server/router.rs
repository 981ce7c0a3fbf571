//! The model router: which models the server has loaded, and loading any
//! model on disk when a request names it.
//!
//! A request's `model` may be a loaded model's name, or any name
//! `flashchat models` shows (short name, alias, Hugging Face spec): the
//! model is loaded on first use while requests for it wait and the others
//! keep being served. Loads happen one at a time; before one, the least
//! recently used models are unloaded until it fits (`server.max_models`, or
//! the memory left when no count is set). A model idle for its keep-alive
//! is unloaded. An unloaded engine finishes its running generations first,
//! so no request fails because of a swap.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use super::error::ApiError;
use crate::engine::{Drainer, Engine, EngineConfig, EngineError, NoProgress};
use crate::models::catalog::{Catalog, Lookup};

/// A loaded engine and the name clients know it by.
pub struct Serving {
    pub engine: Engine,
    pub name: String,
    pub path: PathBuf,
}

/// How the router loads and unloads.
pub struct RouterOptions {
    /// How many models may be loaded at once; `None`: as many as memory
    /// allows.
    pub max_models: Option<usize>,
    /// How long an unused model stays loaded; `None`: until pushed out.
    pub keep_alive: Option<Duration>,
    /// How engines are built (the model path aside).
    pub engine_config: EngineConfig,
    /// The models on disk (scanned again when a name is not known yet).
    pub catalog: Box<dyn Fn() -> Option<Catalog> + Send + Sync>,
}

struct Loaded {
    serving: Arc<Serving>,
    last_used: Instant,
    /// The keep-alive the last request asked for, over the server's.
    keep_alive: Option<Option<Duration>>,
}

#[derive(Default)]
struct Table {
    /// The model of requests that name none.
    default: String,
    loaded: Vec<Loaded>,
    /// Names being loaded.
    loading: Vec<String>,
    /// Requests waiting for each name: such a model is not unloaded.
    waiting: HashMap<String, usize>,
    /// Where each known name's file is (the names requests used, aliases
    /// included, to the canonical name and file).
    known: HashMap<String, (String, PathBuf)>,
    /// Why the last load of a name failed, for the requests that waited.
    failures: HashMap<String, String>,
    /// Why the last switch of the default model failed.
    last_error: Option<String>,
    /// The first model has been loaded: the server is ready.
    started: bool,
}

pub struct Models {
    table: RwLock<Table>,
    changed: tokio::sync::Notify,
    /// Set when the server stops: every engine, present or future, drains.
    draining: AtomicBool,
    /// Engines being unloaded that still finish earlier requests.
    retiring: Mutex<Vec<Drainer>>,
    /// One load at a time: memory is checked, then used.
    loading: Mutex<()>,
    options: RouterOptions,
}

/// A model as `/health`, `/v1/models` and `flashchat ps` show it.
pub struct ModelState {
    pub name: String,
    pub loaded: Option<Arc<Serving>>,
    pub loading: bool,
    pub idle: Duration,
    pub is_default: bool,
}

/// A snapshot for `/health`.
pub struct Status {
    pub started: bool,
    /// The default model, when loaded.
    pub current: Option<Arc<Serving>>,
    pub default: String,
    pub loading: Option<String>,
    pub last_error: Option<String>,
}

impl Models {
    /// A router whose start-up model `name` (at `path`) is being loaded.
    pub fn new(name: &str, path: &Path, options: RouterOptions) -> Self {
        let table = Table {
            default: name.to_string(),
            loading: vec![name.to_string()],
            known: HashMap::from([(name.to_string(), (name.to_string(), path.to_path_buf()))]),
            ..Table::default()
        };
        Self {
            table: RwLock::new(table),
            changed: tokio::sync::Notify::new(),
            draining: AtomicBool::new(false),
            retiring: Mutex::default(),
            loading: Mutex::new(()),
            options,
        }
    }

    /// Loads the start-up model on this (blocking) thread, as every load:
    /// one at a time, so a request naming another model meanwhile waits
    /// for it and then counts it.
    pub fn load_start_up(&self) -> Result<(), EngineError> {
        let _one_at_a_time = self.loading.lock().unwrap_or_else(|e| e.into_inner());
        let (name, path) = {
            let table = self.read();
            let path = table.known.get(&table.default).map(|(_, p)| p.clone());
            (table.default.clone(), path.unwrap_or_default())
        };
        let config = EngineConfig {
            model_path: path.clone(),
            ..self.options.engine_config.clone()
        };
        match Engine::load(config, NoProgress) {
            Ok(engine) => {
                tracing::info!(slots = engine.info().slots, "model loaded");
                self.serve(engine, name, path);
                Ok(())
            }
            Err(e) => {
                self.start_failed(&name, e.to_string());
                Err(e)
            }
        }
    }

    /// Installs the model loaded at start-up.
    fn serve(&self, engine: Engine, name: String, path: PathBuf) {
        let serving = self.installed(engine, name.clone(), path);
        {
            let mut table = self.write();
            table.loading.retain(|n| *n != name);
            table.loaded.push(Loaded {
                serving,
                last_used: Instant::now(),
                keep_alive: None,
            });
            table.started = true;
        }
        self.changed.notify_waiters();
    }

    /// The start-up model failed to load.
    fn start_failed(&self, name: &str, error: String) {
        let mut table = self.write();
        table.loading.retain(|n| n != name);
        table.failures.insert(name.to_string(), error);
        drop(table);
        self.changed.notify_waiters();
    }

    fn installed(&self, engine: Engine, name: String, path: PathBuf) -> Arc<Serving> {
        if self.draining.load(Ordering::Acquire) {
            engine.drain();
        }
        Arc::new(Serving { engine, name, path })
    }

    /// The server is stopping: every engine turns away new and waiting
    /// requests, including engines still being unloaded.
    pub fn drain(&self) {
        self.draining.store(true, Ordering::Release);
        for loaded in &self.read().loaded {
            loaded.serving.engine.drain();
        }
        for old in self.retiring().iter() {
            old.drain();
        }
    }

    fn retiring(&self) -> std::sync::MutexGuard<'_, Vec<Drainer>> {
        self.retiring.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The default model, when it is loaded.
    pub fn current(&self) -> Option<Arc<Serving>> {
        let table = self.read();
        table
            .loaded
            .iter()
            .find(|l| l.serving.name == table.default)
            .map(|l| Arc::clone(&l.serving))
    }

    /// The default model's name.
    pub fn name(&self) -> String {
        self.read().default.clone()
    }

    pub fn status(&self) -> Status {
        let current = self.current();
        let table = self.read();
        Status {
            started: table.started,
            current,
            default: table.default.clone(),
            loading: table.loading.first().cloned(),
            last_error: table.last_error.clone(),
        }
    }

    /// Every model loaded or loading, the default first.
    pub fn states(&self) -> Vec<ModelState> {
        let table = self.read();
        let mut states: Vec<ModelState> = table
            .loaded
            .iter()
            .map(|l| ModelState {
                name: l.serving.name.clone(),
                loaded: Some(Arc::clone(&l.serving)),
                loading: false,
                idle: l.last_used.elapsed(),
                is_default: l.serving.name == table.default,
            })
            .chain(table.loading_names().into_iter().map(|name| ModelState {
                name: name.clone(),
                loaded: None,
                loading: true,
                idle: Duration::ZERO,
                is_default: *name == table.default,
            }))
            .collect();
        states.sort_by_key(|s| !s.is_default);
        states
    }

    /// The models on disk, for `/v1/models`.
    pub fn on_disk(&self) -> Vec<(String, PathBuf)> {
        (self.options.catalog)()
            .map(|c| {
                c.entries
                    .iter()
                    .map(|e| (e.name.clone(), e.path.clone()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The engine for a request that names `model` (or none: the default
    /// model). A model on disk that is not loaded is loaded first; a name
    /// nothing answers to is a 404 that lists close names. `keep_alive`
    /// (when the request gives one) replaces the model's keep-alive.
    pub async fn engine_for(
        self: &Arc<Self>,
        model: Option<&str>,
        keep_alive: Option<Option<Duration>>,
    ) -> Result<Arc<Serving>, ApiError> {
        let wanted = model.filter(|m| !m.is_empty()).map(str::to_string);
        let mut waiting_for: Option<String> = None;
        let result = loop {
            let changed = self.changed.notified();
            let step = self.step(wanted.as_deref(), keep_alive, &mut waiting_for);
            match step {
                Step::Ready(serving) => break Ok(serving),
                Step::Failed(error) => break Err(error),
                Step::Wait => {}
                Step::Find(name) => {
                    let router = Arc::clone(self);
                    let found = tokio::task::spawn_blocking(move || router.find(&name))
                        .await
                        .map_err(|e| {
                            ApiError::internal(format!("the model list could not be read: {e}"))
                        });
                    match found {
                        Ok(Ok(())) => continue,
                        Ok(Err(error)) | Err(error) => break Err(error),
                    }
                }
            }
            changed.await;
        };
        if let Some(name) = waiting_for {
            let mut table = self.write();
            if let Some(n) = table.waiting.get_mut(&name) {
                *n = n.saturating_sub(1);
            }
        }
        result
    }

    /// One look at the table for `wanted`: served, waited for, loaded, or
    /// to be found on disk.
    fn step(
        self: &Arc<Self>,
        wanted: Option<&str>,
        keep_alive: Option<Option<Duration>>,
        waiting_for: &mut Option<String>,
    ) -> Step {
        let mut table = self.write();
        if !table.started && wanted.is_none_or(|w| w == table.default) {
            if let Some(error) = table.failures.get(&table.default) {
                return Step::Failed(ApiError::internal(error.clone()));
            }
            return Step::Failed(ApiError::busy("the model is loading"));
        }
        let asked = wanted.unwrap_or(&table.default).to_string();
        let (name, path) = match table.known.get(&asked) {
            Some((name, path)) => (name.clone(), path.clone()),
            None => return Step::Find(asked),
        };
        if let Some(loaded) = table.loaded.iter_mut().find(|l| l.serving.name == name) {
            loaded.last_used = Instant::now();
            if keep_alive.is_some() {
                loaded.keep_alive = keep_alive;
            }
            return Step::Ready(Arc::clone(&loaded.serving));
        }
        if let Some(error) = table.failures.remove(&name) {
            return Step::Failed(ApiError::internal(error));
        }
        if waiting_for.is_none() {
            *table.waiting.entry(name.clone()).or_default() += 1;
            *waiting_for = Some(name.clone());
        }
        if !table.loading.contains(&name) {
            table.loading.push(name.clone());
            let router = Arc::clone(self);
            std::thread::spawn(move || router.load(name, path, false));
        }
        Step::Wait
    }

    /// Looks `asked` up among the models on disk and remembers what it
    /// names; a 404 listing close names when nothing answers to it.
    fn find(&self, asked: &str) -> Result<(), ApiError> {
        let catalog = (self.options.catalog)();
        let lookup = catalog.as_ref().map(|c| c.find(asked));
        let (name, path) = match lookup {
            Some(Lookup::Found(entry)) => (entry.name.clone(), entry.path.clone()),
            Some(Lookup::Ambiguous(names)) => {
                return Err(ApiError::not_found(format!(
                    "model `{asked}` could be any of {}; name one",
                    names.join(", ")
                )))
            }
            _ => {
                let mut names: Vec<String> = self.read().known.keys().cloned().collect();
                if let Some(catalog) = &catalog {
                    names.extend(catalog.entries.iter().map(|e| e.name.clone()));
                }
                return Err(unknown_model(asked, names));
            }
        };
        let mut table = self.write();
        // A file already loaded under another name is that model.
        let canonical = table
            .known
            .values()
            .find(|(_, p)| same_file(p, &path))
            .map_or(name, |(n, _)| n.clone());
        table
            .known
            .insert(asked.to_string(), (canonical.clone(), path.clone()));
        table
            .known
            .entry(canonical.clone())
            .or_insert((canonical, path));
        Ok(())
    }

    /// Loads `name` on this (blocking) thread, after making room for it;
    /// with `make_default`, it becomes the default model, or the failure
    /// is the switch's error, in the same step that ends its loading, so
    /// `/health` never shows a switch as neither loading nor done.
    fn load(&self, name: String, path: PathBuf, make_default: bool) {
        let _one_at_a_time = self.loading.lock().unwrap_or_else(|e| e.into_inner());
        {
            // Loaded meanwhile: a request and a switch asked for it together.
            let mut table = self.write();
            if table.loaded.iter().any(|l| l.serving.name == name) {
                table.end_loading(&name);
                if make_default {
                    table.default = name;
                }
                drop(table);
                self.changed.notify_waiters();
                return;
            }
        }
        self.make_room(&name, &path);
        tracing::info!(model = %name, path = %path.display(), "loading model");
        let config = EngineConfig {
            model_path: path.clone(),
            ..self.options.engine_config.clone()
        };
        let loaded = Engine::load(config, NoProgress);
        {
            let mut table = self.write();
            table.end_loading(&name);
            match loaded {
                Ok(engine) => {
                    tracing::info!(model = %name, "model loaded");
                    if make_default {
                        table.default = name.clone();
                    }
                    let serving = self.installed(engine, name, path);
                    table.loaded.push(Loaded {
                        serving,
                        last_used: Instant::now(),
                        keep_alive: None,
                    });
                }
                Err(e) => {
                    tracing::warn!(model = %name, error = %e, "loading failed");
                    let error = format!("cannot load {name}: {e}");
                    if make_default {
                        table.last_error = Some(error.clone());
                    }
                    if !make_default || table.waiting.get(&name).is_some_and(|n| *n > 0) {
                        table.failures.insert(name, error);
                    }
                }
            }
        }
        self.changed.notify_waiters();
    }

    /// Unloads the least recently used models until `path` fits: fewer
    /// than `server.max_models` loaded, or (with no count set) enough
    /// memory left for its weights. A model in use, or waited for, is not
    /// unloaded: the load waits for it to be free.
    fn make_room(&self, name: &str, path: &Path) {
        let needed = std::fs::metadata(path).map_or(0, |m| m.len());
        loop {
            let victim = {
                let mut table = self.write();
                if self.fits(&table, needed) {
                    return;
                }
                let candidate = table
                    .loaded
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| {
                        l.serving.name != name
                            && table.waiting.get(&l.serving.name).copied().unwrap_or(0) == 0
                            && Arc::strong_count(&l.serving) == 1
                    })
                    .min_by_key(|(_, l)| l.last_used)
                    .map(|(at, _)| at);
                match candidate {
                    Some(at) => Some(table.loaded.remove(at)),
                    None if table.loaded.is_empty() => return,
                    None => None,
                }
            };
            match victim {
                Some(victim) => {
                    tracing::info!(model = %victim.serving.name, "unloading to make room");
                    self.retire(victim.serving);
                }
                None => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }

    fn fits(&self, table: &Table, needed: u64) -> bool {
        match self.options.max_models {
            Some(max) => table.loaded.len() < max.max(1),
            None => {
                table.loaded.is_empty()
                    || memory_available()
                        .is_none_or(|free| free > needed + needed / 4 + (256 << 20))
            }
        }
    }

    /// Unloads models idle for longer than their keep-alive (called every
    /// second). A model still generating counts as used.
    pub fn unload_idle(&self) {
        let idle: Vec<Arc<Serving>> = {
            let mut table = self.write();
            let mut idle = Vec::new();
            let mut at = 0;
            while at < table.loaded.len() {
                let loaded = &mut table.loaded[at];
                let load = loaded.serving.engine.load_figures();
                let busy = load.busy_slots.load(Ordering::Relaxed)
                    + load.queued.load(Ordering::Relaxed)
                    > 0;
                if busy {
                    loaded.last_used = Instant::now();
                }
                let name = loaded.serving.name.clone();
                let keep_alive = loaded.keep_alive.unwrap_or(self.options.keep_alive);
                let expired = keep_alive.is_some_and(|k| loaded.last_used.elapsed() >= k)
                    && Arc::strong_count(&loaded.serving) == 1
                    && table.waiting.get(&name).copied().unwrap_or(0) == 0;
                if expired {
                    idle.push(table.loaded.remove(at).serving);
                } else {
                    at += 1;
                }
            }
            idle
        };
        for serving in idle {
            tracing::info!(model = %serving.name, "unloading: idle for its keep-alive");
            self.retire(serving);
        }
    }

    /// Unloads `name` now (`flashchat models unload`); false when it is
    /// not loaded.
    pub fn unload(&self, name: &str) -> bool {
        let serving = {
            let mut table = self.write();
            let canonical = table
                .known
                .get(name)
                .map_or(name.to_string(), |(n, _)| n.clone());
            let at = table
                .loaded
                .iter()
                .position(|l| l.serving.name == canonical);
            at.map(|at| table.loaded.remove(at).serving)
        };
        match serving {
            Some(serving) => {
                self.retire(serving);
                true
            }
            None => false,
        }
    }

    /// Starts making `name` at `path` the default model, at once (no
    /// loading here): an earlier switch's error is forgotten, and a model
    /// already loaded is the default now (`None`). Otherwise it is listed
    /// as loading from this moment, and the returned [`Switch`] loads it.
    /// The previous default stays loaded until it is pushed out or idle.
    pub fn begin_switch(self: &Arc<Self>, name: &str, path: &Path) -> Option<Switch> {
        let mut table = self.write();
        table
            .known
            .insert(name.to_string(), (name.to_string(), path.to_path_buf()));
        table.last_error = None;
        if table.loaded.iter().any(|l| l.serving.name == name) {
            table.default = name.to_string();
            drop(table);
            self.changed.notify_waiters();
            return None;
        }
        table.loading.push(name.to_string());
        Some(Switch {
            models: Arc::clone(self),
            name: name.to_string(),
            path: path.to_path_buf(),
        })
    }

    /// Whether a load is under way (a switch waits for none).
    pub fn is_loading(&self) -> Option<String> {
        self.read().loading.first().cloned()
    }

    /// Drops an unloaded engine once no request holds it. Dropping waits
    /// for its running generations, so this blocks; until it is gone, a
    /// server that stops drains it too.
    pub fn retire(&self, old: Arc<Serving>) {
        let drainer = old.engine.drainer();
        self.retiring().push(drainer.clone());
        if self.draining.load(Ordering::Acquire) {
            drainer.drain();
        }
        while Arc::strong_count(&old) > 1 {
            std::thread::sleep(Duration::from_millis(50));
        }
        drop(old);
        self.retiring().retain(|d| !d.is_for_same(&drainer));
        self.changed.notify_waiters();
    }

    /// The outcome of the last switch: `None` when it went through.
    pub fn switch_error(&self) -> Option<String> {
        self.read().last_error.clone()
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Table> {
        self.table.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Table> {
        self.table.write().unwrap_or_else(|e| e.into_inner())
    }
}

/// A switch of the default model that must load it: [`Switch::load`]
/// does, on a blocking thread.
pub struct Switch {
    models: Arc<Models>,
    name: String,
    path: PathBuf,
}

impl Switch {
    /// Loads the model and makes it the default, or keeps the old default
    /// and returns why it could not load.
    pub fn load(self) -> Result<(), String> {
        self.models.load(self.name, self.path, true);
        self.models.switch_error().map_or(Ok(()), Err)
    }
}

impl Table {
    /// The names being loaded, each once: a request's load and a switch's
    /// may overlap, and the second finds the model loaded.
    fn loading_names(&self) -> Vec<&String> {
        let mut names: Vec<&String> = Vec::new();
        for name in &self.loading {
            let loaded = self.loaded.iter().any(|l| l.serving.name == *name);
            if !loaded && !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }

    /// One load of `name` ended (a request's and a switch's may overlap).
    fn end_loading(&mut self, name: &str) {
        if let Some(at) = self.loading.iter().position(|n| n == name) {
            self.loading.remove(at);
        }
    }
}

enum Step {
    Ready(Arc<Serving>),
    Failed(ApiError),
    Wait,
    /// The name is not known yet: look it up on disk.
    Find(String),
}

/// The 404 for a name nothing answers to, with the closest names.
fn unknown_model(asked: &str, mut names: Vec<String>) -> ApiError {
    names.sort();
    names.dedup();
    let lower = asked.to_ascii_lowercase();
    let mut close: Vec<(usize, String)> = names
        .into_iter()
        .map(|n| (distance(&lower, &n.to_ascii_lowercase()), n))
        .filter(|(d, n)| *d <= (n.len().max(asked.len()) / 2).max(3) || n.contains(&lower))
        .collect();
    close.sort();
    let hint = match close.as_slice() {
        [] => "GET /v1/models lists the models this server can load".to_string(),
        close => format!(
            "did you mean {}? GET /v1/models lists every model",
            close
                .iter()
                .take(3)
                .map(|(_, n)| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    ApiError {
        param: Some("model".into()),
        ..ApiError::not_found(format!("model `{asked}` is not on this server; {hint}"))
    }
}

/// Edit distance, for suggesting names.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Memory the system can still give (Linux's `MemAvailable`), in bytes.
fn memory_available() -> Option<u64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// A keep-alive as written in settings and requests: seconds, or a number
/// with `s`, `m` or `h`; `-1` (or any negative) is forever.
pub fn parse_keep_alive(text: &str) -> Result<Option<Duration>, String> {
    let text = text.trim();
    let (number, unit) = match text.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((at, _)) => (&text[..at], &text[at..]),
        None => (text, "s"),
    };
    let value: f64 = number.trim().parse().map_err(|_| {
        format!("`{text}` is not a duration: write seconds, or 30s, 5m, 1h, or -1 for forever")
    })?;
    if value < 0.0 {
        return Ok(None);
    }
    let seconds = match unit {
        "s" => value,
        "m" => value * 60.0,
        "h" => value * 3600.0,
        _ => return Err(format!("`{text}`: the unit is s, m or h")),
    };
    Ok(Some(Duration::from_secs_f64(seconds)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_alives_read_like_ollama_s() {
        assert_eq!(parse_keep_alive("5m"), Ok(Some(Duration::from_secs(300))));
        assert_eq!(parse_keep_alive("30"), Ok(Some(Duration::from_secs(30))));
        assert_eq!(
            parse_keep_alive("1.5h"),
            Ok(Some(Duration::from_secs(5400)))
        );
        assert_eq!(parse_keep_alive("0"), Ok(Some(Duration::ZERO)));
        assert_eq!(parse_keep_alive("-1"), Ok(None));
        assert!(parse_keep_alive("soon").is_err());
        assert!(parse_keep_alive("5d").is_err());
    }

    #[test]
    fn unknown_names_suggest_close_ones() {
        let names = vec![
            "gemma-3-270m-q4_k_m".to_string(),
            "smollm2-135m-instruct".into(),
            "qwen3-8b".into(),
        ];
        let error = unknown_model("gemma-3-270m", names.clone());
        assert_eq!(error.kind.status().as_u16(), 404);
        assert!(
            error.message.contains("`gemma-3-270m-q4_k_m`"),
            "{}",
            error.message
        );
        assert!(!error.message.contains("qwen3"), "{}", error.message);
        let none = unknown_model("llama-70b-chat-hf", names);
        assert!(none.message.contains("GET /v1/models"), "{}", none.message);
    }
}
