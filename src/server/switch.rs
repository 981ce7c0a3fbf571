//! Which model the server is serving, and switching it without a restart.
//!
//! `POST /admin/model {"path": ..., "name": ...}` loads the new model next to
//! the old one, which keeps answering meanwhile; requests that name the new
//! model wait for it. When the load succeeds the new engine takes over and
//! the old one is dropped once its last generation ends; when it fails the
//! old model simply stays, and `/health` reports the error.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::error::ApiError;
use super::AppState;
use crate::engine::{Drainer, Engine, EngineConfig, NoProgress};
use crate::wire::admin::{Health, SwitchAccepted, SwitchRequest};

/// The engine serving requests and the name clients know it by.
pub struct Serving {
    pub engine: Engine,
    pub name: String,
}

#[derive(Default)]
struct Slots {
    current: Option<Arc<Serving>>,
    /// Name of the model being loaded by a switch.
    loading: Option<String>,
    /// Why the last switch failed.
    last_error: Option<String>,
}

pub struct Models {
    slots: RwLock<Slots>,
    /// The name the server started with, answered while it first loads.
    initial_name: String,
    changed: tokio::sync::Notify,
    /// Set when the server stops: every engine, present or future, drains.
    draining: AtomicBool,
    /// Engines replaced by a switch that still finish earlier requests.
    retiring: Mutex<Vec<Drainer>>,
}

/// A snapshot for `/health`.
pub struct Status {
    pub current: Option<Arc<Serving>>,
    pub loading: Option<String>,
    pub last_error: Option<String>,
}

impl Models {
    pub fn new(initial_name: &str) -> Self {
        Self {
            slots: RwLock::default(),
            initial_name: initial_name.to_string(),
            changed: tokio::sync::Notify::new(),
            draining: AtomicBool::new(false),
            retiring: Mutex::default(),
        }
    }

    /// Installs the model loaded at start-up.
    pub fn serve(&self, engine: Engine, name: String) {
        let serving = self.installed(engine, name);
        self.write().current = Some(serving);
        self.changed.notify_waiters();
    }

    /// Wraps a newly loaded engine, drained at once if the server is stopping.
    fn installed(&self, engine: Engine, name: String) -> Arc<Serving> {
        if self.draining.load(Ordering::Acquire) {
            engine.drain();
        }
        Arc::new(Serving { engine, name })
    }

    /// The server is stopping: every engine turns away new and waiting
    /// requests, including engines a switch is still retiring.
    pub fn drain(&self) {
        self.draining.store(true, Ordering::Release);
        if let Some(current) = self.current() {
            current.engine.drain();
        }
        for old in self.retiring().iter() {
            old.drain();
        }
    }

    fn retiring(&self) -> std::sync::MutexGuard<'_, Vec<Drainer>> {
        self.retiring.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn current(&self) -> Option<Arc<Serving>> {
        self.read().current.clone()
    }

    /// The served model's name (the start-up model's while it loads).
    pub fn name(&self) -> String {
        self.read()
            .current
            .as_ref()
            .map_or_else(|| self.initial_name.clone(), |s| s.name.clone())
    }

    pub fn status(&self) -> Status {
        let slots = self.read();
        Status {
            current: slots.current.clone(),
            loading: slots.loading.clone(),
            last_error: slots.last_error.clone(),
        }
    }

    /// The engine for a request that names `model` (or none): the model
    /// being switched to is waited for; another name is an error.
    pub async fn engine_for(&self, model: Option<&str>) -> Result<Arc<Serving>, ApiError> {
        loop {
            let changed = self.changed.notified();
            {
                let slots = self.read();
                let wanted = model.filter(|m| !m.is_empty());
                match (&slots.current, wanted) {
                    (Some(current), None) => return Ok(Arc::clone(current)),
                    (Some(current), Some(m)) if m == current.name => {
                        return Ok(Arc::clone(current))
                    }
                    (_, Some(m)) if slots.loading.as_deref() == Some(m) => {}
                    (Some(_), Some(m)) => {
                        return Err(ApiError::not_found(format!(
                            "model `{m}` is not served here; GET /v1/models lists what is"
                        )))
                    }
                    (None, _) => return Err(ApiError::busy("the model is loading")),
                }
            }
            changed.await;
        }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Slots> {
        self.slots.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Slots> {
        self.slots.write().unwrap_or_else(|e| e.into_inner())
    }
}

pub async fn switch_model(
    State(state): State<Arc<AppState>>,
    body: Result<Json<SwitchRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(request) = body.map_err(|e| ApiError::bad_body(e.body_text()))?;
    crate::models::gguf::read_info(&request.path)
        .map_err(|e| ApiError::invalid("path", format!("not a model this server can load: {e}")))?;
    let name = request.name.filter(|n| !n.is_empty()).unwrap_or_else(|| {
        request
            .path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
    });
    {
        let mut slots = state.models.write();
        if let Some(loading) = &slots.loading {
            return Err(ApiError::conflict(format!(
                "the server is already switching to {loading}; wait for it to finish"
            )));
        }
        if slots.current.is_none() {
            return Err(ApiError::busy("the model is loading"));
        }
        slots.loading = Some(name.clone());
        slots.last_error = None;
    }
    tracing::info!(model = %name, path = %request.path.display(), "switching model");
    let config = EngineConfig {
        model_path: request.path.clone(),
        ..state.engine_config.clone()
    };
    tokio::task::spawn_blocking({
        let state = Arc::clone(&state);
        let name = name.clone();
        move || finish_switch(&state, config, name)
    });
    let body = SwitchAccepted {
        status: Health::LOADING.into(),
        model: name,
    };
    Ok((StatusCode::ACCEPTED, Json(body)).into_response())
}

/// Loads the new engine (on a blocking thread) and swaps it in.
fn finish_switch(state: &AppState, config: EngineConfig, name: String) {
    let loaded = Engine::load(config, NoProgress);
    let old = {
        let mut slots = state.models.write();
        slots.loading = None;
        match loaded {
            Ok(engine) => {
                tracing::info!(model = %name, "switched model");
                let new = state.models.installed(engine, name.clone());
                slots.current.replace(new)
            }
            Err(e) => {
                tracing::warn!(model = %name, error = %e, "switch failed; the old model stays");
                slots.last_error = Some(format!("cannot load {name}: {e}"));
                None
            }
        }
    };
    state.models.changed.notify_waiters();
    if old.is_some() {
        state.update_record(&name);
    }
    if let Some(old) = old {
        retire(&state.models, old);
    }
}

/// Drops the old engine once no request holds it any more. Dropping waits
/// for its running generations, so it happens here, off the async threads.
/// Until it is gone, a server that stops drains it too.
fn retire(models: &Models, old: Arc<Serving>) {
    let drainer = old.engine.drainer();
    models.retiring().push(drainer.clone());
    if models.draining.load(Ordering::Acquire) {
        drainer.drain();
    }
    while Arc::strong_count(&old) > 1 {
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(old);
    models.retiring().retain(|d| !d.is_for_same(&drainer));
}

impl AppState {
    /// Records the new model in the PID file, for `status` and the clients.
    fn update_record(&self, name: &str) {
        let Ok(mut record) = self.record.lock() else {
            return;
        };
        record.model = name.to_string();
        if let Ok(mut pid_file) = self.pid_file.lock() {
            if let Some(pid_file) = pid_file.as_mut() {
                if let Err(e) = pid_file.update(&record) {
                    tracing::warn!(error = %e, "cannot update the PID file");
                }
            }
        }
    }
}
