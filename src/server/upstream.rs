//! Remote engines behind the same endpoint: a request naming a model of
//! `server.upstreams` is forwarded as it came to that OpenAI-compatible
//! server (a vLLM or SGLang cluster, llama-server, ollama, a hosted API),
//! and its answer, streamed or whole, is passed back as it comes, with
//! flashchat's own auth, limits, metrics and request log in front. Keys
//! are read from the environment at start-up and never logged.

use std::io::Read;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use serde_json::Value;

use super::error::{ApiError, ErrorKind};
use crate::settings::Upstream;

/// How long reaching an upstream may take before it is reported gone.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long an upstream may take to begin its answer (a long prompt on a
/// busy server takes a while).
const HEAD_TIMEOUT: Duration = Duration::from_secs(300);
/// How long a streamed answer may pause before it is cut.
const BODY_PAUSE: Duration = Duration::from_secs(300);

pub struct Remote {
    pub models: Vec<String>,
    /// The API base, without a trailing slash.
    pub url: String,
    key: Option<String>,
}

#[derive(Default)]
pub struct Upstreams {
    remotes: Vec<Remote>,
    agent: Option<ureq::Agent>,
}

impl Upstreams {
    /// The configured upstreams, with their keys read from the variables
    /// `api_key_env` names: a variable that is not set is an error.
    pub fn new(
        configured: &[Upstream],
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, String> {
        let mut remotes = Vec::with_capacity(configured.len());
        for upstream in configured {
            let key = match &upstream.api_key_env {
                Some(var) => Some(env(var).filter(|k| !k.is_empty()).ok_or_else(|| {
                    format!(
                        "server.upstreams: the key for {} is read from ${var}, which is not set",
                        upstream.url
                    )
                })?),
                None => None,
            };
            remotes.push(Remote {
                models: upstream.models.clone(),
                url: upstream.url.clone(),
                key,
            });
        }
        let agent = (!remotes.is_empty()).then(|| {
            ureq::Agent::config_builder()
                .http_status_as_error(false)
                .timeout_connect(Some(CONNECT_TIMEOUT))
                .timeout_recv_response(Some(HEAD_TIMEOUT))
                .timeout_recv_body(Some(BODY_PAUSE))
                .build()
                .into()
        });
        Ok(Self { remotes, agent })
    }

    /// The upstream answering `model`.
    pub fn find(&self, model: &str) -> Option<&Remote> {
        self.remotes
            .iter()
            .find(|r| r.models.iter().any(|m| m == model))
    }

    /// Every model the upstreams answer, with where.
    pub fn models(&self) -> impl Iterator<Item = (&str, &str)> {
        self.remotes
            .iter()
            .flat_map(|r| r.models.iter().map(move |m| (m.as_str(), r.url.as_str())))
    }

    /// The answer of the upstream of the model `body` names, when one
    /// answers it; `None` for the models this server runs itself. `path`
    /// is the route after `/v1` (`/chat/completions`).
    pub async fn forward(&self, path: &str, body: &Bytes) -> Option<Result<Response, ApiError>> {
        let model = serde_json::from_slice::<Value>(body)
            .ok()?
            .get("model")?
            .as_str()?
            .to_string();
        let remote = self.find(&model)?;
        let agent = self.agent.clone()?;
        let url = format!("{}{path}", remote.url);
        let key = remote.key.clone();
        let body = body.clone();
        tracing::info!(model = %model, upstream = %remote.url, "forwarding {path}");
        Some(send(agent, url, key, body, model).await)
    }
}

/// Sends the request on a blocking thread and streams the answer back
/// through a channel as its bytes arrive.
async fn send(
    agent: ureq::Agent,
    url: String,
    key: Option<String>,
    body: Bytes,
    model: String,
) -> Result<Response, ApiError> {
    let sent = tokio::task::spawn_blocking(move || {
        let mut call = agent.post(&url).header("Content-Type", "application/json");
        if let Some(key) = &key {
            call = call.header("Authorization", format!("Bearer {key}"));
        }
        call.send(&body[..])
            .map_err(|e| unreachable(&model, &url, &e.to_string()))
    })
    .await
    .map_err(|e| ApiError::internal(format!("the upstream request could not run: {e}")))??;
    let status = StatusCode::from_u16(sent.status().as_u16()).unwrap_or(StatusCode::BAD_GATEWAY);
    let content_type = sent
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| HeaderValue::from_bytes(v.as_bytes()).ok())
        .unwrap_or(HeaderValue::from_static("application/json"));
    let mut reader = sent.into_body().into_reader();
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(16);
    std::thread::spawn(move || {
        let mut buffer = vec![0u8; 16 * 1024];
        loop {
            match reader.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => {
                    if tx
                        .blocking_send(Ok(Bytes::copy_from_slice(&buffer[..n])))
                        .is_err()
                    {
                        break; // the client went away
                    }
                }
                Err(e) => {
                    let _ = tx.blocking_send(Err(e));
                    break;
                }
            }
        }
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    });
    let mut response = Response::new(Body::from_stream(stream));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, content_type);
    Ok(response)
}

fn unreachable(model: &str, url: &str, why: &str) -> ApiError {
    ApiError::new(
        ErrorKind::BadGateway,
        format!("model `{model}` is served by {url}, which cannot be reached ({why}); check that it runs, or its entry in server.upstreams"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn configured() -> Vec<Upstream> {
        vec![Upstream {
            models: vec!["big".into(), "bigger".into()],
            url: "http://10.0.0.1:8000/v1".into(),
            api_key_env: Some("BIG_KEY".into()),
        }]
    }

    #[test]
    fn models_find_their_upstream_and_keys_come_from_the_environment() {
        let upstreams =
            Upstreams::new(&configured(), |v| (v == "BIG_KEY").then(|| "k".into())).unwrap();
        assert_eq!(
            upstreams.find("bigger").map(|r| r.url.as_str()),
            Some("http://10.0.0.1:8000/v1")
        );
        assert!(upstreams.find("small").is_none());
        assert_eq!(upstreams.models().count(), 2);
        let missing = Upstreams::new(&configured(), |_| None).err().unwrap();
        assert!(missing.contains("$BIG_KEY"), "{missing}");
        assert!(!missing.contains('k') || !missing.contains("=k"));
    }

    #[tokio::test]
    async fn an_upstream_that_is_gone_is_a_502_at_once() {
        // A port nothing listens on.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let configured = vec![Upstream {
            models: vec!["remote".into()],
            url: format!("http://127.0.0.1:{port}/v1"),
            api_key_env: None,
        }];
        let upstreams = Upstreams::new(&configured, |_| None).unwrap();
        let body = Bytes::from_static(br#"{"model": "remote", "messages": []}"#);
        let error = upstreams
            .forward("/chat/completions", &body)
            .await
            .unwrap()
            .unwrap_err();
        assert_eq!(error.kind.status(), StatusCode::BAD_GATEWAY);
        assert!(
            error.message.contains("cannot be reached"),
            "{}",
            error.message
        );
        let local = Bytes::from_static(br#"{"model": "local"}"#);
        assert!(upstreams
            .forward("/chat/completions", &local)
            .await
            .is_none());
    }
}
