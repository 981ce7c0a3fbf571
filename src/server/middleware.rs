//! What every request passes through: the request log line, the Host,
//! Origin, Content-Type and API key checks, CORS, and the time limit.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::{ApiError, ErrorKind};
use super::{policy, AppState};
use crate::wire::anthropic;
use crate::wire::openai::ErrorBody;

/// One log line per request: method, path, status and time to the response head.
pub async fn log_request(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status();
    if path != "/health" {
        if path.starts_with("/v1/") {
            state.metrics.request(status.is_success());
        }
        tracing::info!(
            "{method} {path} {} {:.1} ms",
            status.as_u16(),
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
    response
}

/// The DNS-rebinding guard (Host), the cross-site guard (Origin), the
/// Content-Type rule for bodies, and the API key (every route but /health).
pub async fn guard(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let text = |name: header::HeaderName| headers.get(name).map(|v| v.to_str().unwrap_or("\u{0}"));
    if state.loopback_only && !policy::host_allowed(text(header::HOST), &state.allowed_hosts) {
        return ApiError::new(
            ErrorKind::ForbiddenHost,
            "this server only answers requests addressed to localhost; \
             list other names in server.allowed_hosts",
        )
        .into_response();
    }
    if !policy::origin_allowed(text(header::ORIGIN), &state.settings.server.cors_origins) {
        return ApiError::new(
            ErrorKind::ForbiddenOrigin,
            "requests from this web origin are refused; list it in server.cors_origins to allow it",
        )
        .into_response();
    }
    if request.method() == Method::POST && !policy::is_json(text(header::CONTENT_TYPE)) {
        return ApiError::unsupported_media_type().into_response();
    }
    if let Some(key) = &state.api_key {
        // Anthropic's clients send the key as `x-api-key`.
        let sent = text(header::AUTHORIZATION)
            .and_then(|v| v.strip_prefix("Bearer "))
            .or_else(|| text(header::HeaderName::from_static("x-api-key")))
            .unwrap_or("");
        if request.uri().path() != "/health" && !constant_time_eq(sent.as_bytes(), key.as_bytes()) {
            return ApiError::unauthorized().into_response();
        }
    }
    next.run(request).await
}

/// CORS for the configured origins only: the allowed origin is named,
/// never a wildcard, and preflight requests are answered here.
pub async fn cors(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let origin = request
        .headers()
        .get(header::ORIGIN)
        .and_then(|o| o.to_str().ok())
        .map(|o| o.trim_end_matches('/').to_string());
    let allowed = origin.filter(|o| state.settings.server.cors_origins.iter().any(|a| a == o));
    let preflight = request.method() == axum::http::Method::OPTIONS;
    let mut response = match (preflight, &allowed) {
        (true, Some(_)) => StatusCode::NO_CONTENT.into_response(),
        _ => next.run(request).await,
    };
    if let Some(origin) = allowed.and_then(|o| HeaderValue::from_str(&o).ok()) {
        let headers = response.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        headers.insert(header::VARY, HeaderValue::from_static("Origin"));
        if preflight {
            headers.insert(
                header::ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static("GET, POST, DELETE, OPTIONS"),
            );
            headers.insert(
                header::ACCESS_CONTROL_ALLOW_HEADERS,
                HeaderValue::from_static(
                    "authorization, content-type, x-api-key, anthropic-version, anthropic-beta",
                ),
            );
            headers.insert(
                header::ACCESS_CONTROL_MAX_AGE,
                HeaderValue::from_static("600"),
            );
        }
    }
    response
}

/// A body declared larger than the limit is refused before any of it is
/// read; bodies of unknown length are cut off at the limit when read.
pub async fn body_size(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    match declared {
        Some(n) if n > state.body_limit as u64 => {
            ApiError::too_large(state.body_limit).into_response()
        }
        _ => next.run(request).await,
    }
}

/// Errors of the Anthropic routes in Anthropic's shape, whichever layer
/// made them (the key check, the body limit, the route itself).
pub async fn anthropic_errors(request: Request, next: Next) -> Response {
    let anthropic = request.uri().path().starts_with("/v1/messages");
    let response = next.run(request).await;
    let status = response.status();
    if !anthropic || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, ERROR_BODY_LIMIT).await else {
        return status.into_response();
    };
    let message = serde_json::from_slice::<ErrorBody>(&bytes)
        .map(|body| body.error.message)
        .unwrap_or_else(|_| String::from_utf8_lossy(&bytes).into_owned());
    let body = anthropic::ErrorBody::for_status(status.as_u16(), message);
    parts.headers.remove(header::CONTENT_LENGTH);
    (parts, axum::Json(body)).into_response()
}

/// The most of an error body read to put it in another shape.
const ERROR_BODY_LIMIT: usize = 64 * 1024;

/// A request must reach its response head within the time limit.
pub async fn time_limit(request: Request, next: Next) -> Response {
    match tokio::time::timeout(super::REQUEST_TIMEOUT, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::new(
            ErrorKind::Timeout,
            "the request took too long to arrive or to start",
        )
        .into_response(),
    }
}

/// Compares without stopping at the first difference, so timing does not
/// reveal how much of a guessed key was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for (i, &byte) in b.iter().enumerate() {
        diff |= usize::from(a.get(i).copied().unwrap_or(0) ^ byte);
    }
    diff == 0
}
