//! flashchat's admin routes on top of the [router](super::router):
//! `POST /admin/model` makes a model the default (`models use`; it loads
//! next to the others, which keep answering meanwhile, and a failure leaves
//! the old default, with the error in `/health`), and `POST /admin/unload`
//! unloads one (`models unload`). The PID file names the default model.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::error::ApiError;
use super::AppState;
use crate::wire::admin::{Health, SwitchAccepted, SwitchRequest, UnloadRequest};

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
    if !state.models.status().started {
        return Err(ApiError::busy("the model is loading"));
    }
    tracing::info!(model = %name, path = %request.path.display(), "switching model");
    // Listed as loading before the 202, so a client polling `/health`
    // right after it sees the switch under way, never a stale outcome.
    match state.models.begin_switch(&name, &request.path) {
        None => {
            tracing::info!(model = %name, "switched model");
            state.update_record(&name);
        }
        Some(switch) => {
            tokio::task::spawn_blocking({
                let state = Arc::clone(&state);
                let name = name.clone();
                move || match switch.load() {
                    Ok(()) => {
                        tracing::info!(model = %name, "switched model");
                        state.update_record(&name);
                    }
                    Err(e) => {
                        tracing::warn!(model = %name, error = %e, "switch failed; the old model stays")
                    }
                }
            });
        }
    }
    let body = SwitchAccepted {
        status: Health::LOADING.into(),
        model: name,
    };
    Ok((StatusCode::ACCEPTED, Json(body)).into_response())
}

pub async fn unload_model(
    State(state): State<Arc<AppState>>,
    body: Result<Json<UnloadRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(request) = body.map_err(|e| ApiError::bad_body(e.body_text()))?;
    let models = Arc::clone(&state.models);
    let name = request.model.clone();
    let unloaded = tokio::task::spawn_blocking(move || models.unload(&name))
        .await
        .map_err(|e| ApiError::internal(format!("the model could not be unloaded: {e}")))?;
    if !unloaded {
        return Err(ApiError::not_found(format!(
            "model `{}` is not loaded; `flashchat ps` lists the loaded ones",
            request.model
        )));
    }
    tracing::info!(model = %request.model, "unloaded on request");
    Ok(Json(serde_json::json!({"model": request.model, "unloaded": true})).into_response())
}

impl AppState {
    /// Records the new default model in the PID file, for `status` and the
    /// clients.
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
