//! The OpenAI-compatible HTTP server: axum on tokio in front of the engine.
//! It binds first and loads the model in the background, so `/health`
//! answers 503 while loading and 200 once ready. `POST /admin/model` swaps
//! the model without a restart (see `switch`).

mod anthropic;
pub mod daemon;
mod embeddings;
mod error;
#[cfg(test)]
mod fuzz;
mod listen;
mod metrics;
mod middleware;
pub mod pidfile;
mod policy;
mod request;
mod response_store;
mod responses;
pub mod router;
mod routes;
mod stream;
mod switch;
mod tools;
mod upstream;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::Context as _;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;

use crate::engine::EngineConfig;
use crate::settings::Settings;

/// How long a request may take to get its response head: a client that
/// sends its body slowly, or not at all, is cut off.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);
/// Requests that may wait for a slot, per slot.
const QUEUE_PER_SLOT: usize = 16;
/// How long running answers have to finish once the server is asked to
/// stop; the process exits when it is over.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(9);
/// How long before the end of the grace period unfinished non-streamed
/// answers are cut, so that they still reach their clients. Generous: on a
/// loaded machine the decode step that notices the cut can take a while.
const CUT_BEFORE_EXIT: Duration = Duration::from_secs(3);

/// Where the server is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Serving,
    /// Asked to stop: no new requests, waiting ones refused, streams end.
    Stopping,
    /// The grace period is nearly over: running answers end with what
    /// they have.
    Cutting,
}

/// What the server needs to start.
pub struct ServerOptions {
    pub model_path: PathBuf,
    pub model_name: String,
    pub host: String,
    pub port: u16,
    pub parallel: u32,
    pub settings: Settings,
    pub pid_file: PathBuf,
    /// Where the Responses API keeps its stored answers.
    pub responses_dir: PathBuf,
    /// Where conversations' KV states are saved.
    pub kv_cache_dir: PathBuf,
    /// The models on disk, which requests may name.
    pub catalog: Box<dyn Fn() -> Option<crate::models::catalog::Catalog> + Send + Sync>,
    /// What the PID file will say about this server.
    pub record: pidfile::ServerRecord,
}

pub struct AppState {
    /// The models loaded, and loading any model by name.
    models: Arc<router::Models>,
    /// The PID file and what it says; updated when the model changes.
    pid_file: Mutex<Option<pidfile::PidFile>>,
    record: Mutex<pidfile::ServerRecord>,
    settings: Settings,
    api_key: Option<String>,
    /// Bound to a loopback address: refuse requests for other host names.
    loopback_only: bool,
    /// Host names answered besides localhost (`server.allowed_hosts`).
    allowed_hosts: Vec<policy::AllowedHost>,
    body_limit: usize,
    started_unix: u64,
    ids: AtomicU64,
    metrics: metrics::Metrics,
    /// Changes when the server is asked to stop: open streams end.
    phase: tokio::sync::watch::Receiver<Phase>,
    /// The Responses API's stored answers.
    responses: Arc<response_store::ResponseStore>,
    /// Models answered by other servers.
    upstreams: upstream::Upstreams,
}

impl AppState {
    fn next_id(&self) -> String {
        let n = self.ids.fetch_add(1, Ordering::Relaxed);
        format!("{:x}{n:06x}", self.started_unix)
    }
}

pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/health", get(routes::health))
        .route("/v1/models", get(routes::models))
        .route("/v1/chat/completions", post(routes::chat))
        .route("/v1/completions", post(routes::completions))
        .route("/v1/messages", post(anthropic::messages))
        .route("/v1/messages/count_tokens", post(anthropic::count_tokens))
        .route("/v1/embeddings", post(embeddings::embeddings))
        .route("/v1/responses", post(responses::create))
        .route(
            "/v1/responses/{id}",
            get(responses::get).delete(responses::delete),
        )
        .route("/metrics", get(routes::metrics))
        .route("/admin/model", post(switch::switch_model))
        .route("/admin/unload", post(switch::unload_model))
        .fallback(routes::not_found)
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            middleware::guard,
        ))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            middleware::body_size,
        ))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            middleware::cors,
        ))
        .layer(axum::middleware::from_fn(middleware::time_limit))
        .layer(axum::middleware::from_fn(middleware::anthropic_errors))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            middleware::log_request,
        ))
        .layer(DefaultBodyLimit::max(state.body_limit))
        .with_state(state)
}

/// Checks `server.allowed_hosts`; the error names the entry that is not a host.
pub fn check_allowed_hosts(entries: &[String]) -> Result<(), String> {
    policy::parse_allowed_hosts(entries).map(drop)
}

/// Runs the server in this process until SIGINT or SIGTERM.
pub fn run(options: ServerOptions) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(serve(options))
}

async fn serve(options: ServerOptions) -> anyhow::Result<()> {
    let addr: SocketAddr = format!("{}:{}", options.host, options.port)
        .parse()
        .or_else(|_| {
            std::net::ToSocketAddrs::to_socket_addrs(&(options.host.as_str(), options.port))
                .ok()
                .and_then(|mut a| a.next())
                .ok_or(())
        })
        .map_err(|_| anyhow::anyhow!("cannot resolve host `{}`", options.host))?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    let allowed_hosts = policy::parse_allowed_hosts(&options.settings.server.allowed_hosts)
        .map_err(anyhow::Error::msg)?;
    let pid_file = pidfile::PidFile::acquire(&options.pid_file, &options.record)?;
    let (set_phase, phase) = tokio::sync::watch::channel(Phase::Serving);
    let engine_config = EngineConfig {
        model_path: options.model_path.clone(),
        context_size: options.settings.context_size,
        threads: options.settings.effective_threads(),
        slots: options.parallel.max(1),
        queue_limit: QUEUE_PER_SLOT * options.parallel.max(1) as usize,
        chat_template: options.settings.chat_template.clone(),
        pooling: options.settings.pooling,
        kv: options.settings.kv,
        gpu: options.settings.gpu,
        state_cache: Some(options.settings.cache.engine_config(&options.kv_cache_dir)),
    };
    let upstreams = upstream::Upstreams::new(&options.settings.server.upstreams, |var| {
        std::env::var(var).ok()
    })
    .map_err(anyhow::Error::msg)?;
    let keep_alive = router::parse_keep_alive(&options.settings.server.keep_alive)
        .map_err(|e| anyhow::anyhow!("server.keep_alive: {e}"))?;
    let max_models = options.settings.server.max_models;
    let router_options = router::RouterOptions {
        max_models: (max_models > 0).then_some(max_models as usize),
        keep_alive,
        engine_config,
        catalog: options.catalog,
    };
    let state = Arc::new(AppState {
        models: Arc::new(router::Models::new(
            &options.model_name,
            &options.model_path,
            router_options,
        )),
        pid_file: Mutex::new(Some(pid_file)),
        record: Mutex::new(options.record.clone()),
        api_key: options.settings.server.api_key.clone(),
        loopback_only: addr.ip().is_loopback(),
        allowed_hosts,
        settings: options.settings.clone(),
        body_limit: options.settings.server.max_body_bytes,
        started_unix: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
        ids: AtomicU64::new(0),
        metrics: metrics::Metrics::default(),
        phase,
        upstreams,
        responses: Arc::new(response_store::ResponseStore::open(
            options.responses_dir.clone(),
            options.settings.server.responses_max_bytes,
        )),
    });
    tracing::info!("listening on http://{addr}");
    let loading = tokio::task::spawn_blocking({
        let models = Arc::clone(&state.models);
        move || models.load_start_up()
    });
    tokio::spawn({
        let models = Arc::clone(&state.models);
        async move {
            let mut every = tokio::time::interval(Duration::from_secs(1));
            loop {
                every.tick().await;
                let models = Arc::clone(&models);
                let _ = tokio::task::spawn_blocking(move || models.unload_idle()).await;
            }
        }
    });
    let app = router(Arc::clone(&state));
    let pid_path = options.pid_file.clone();
    let server = tokio::spawn(listen::serve(
        listener,
        app,
        shutdown_signal(Arc::clone(&state), pid_path, set_phase),
    ));
    loading
        .await
        .context("model loading stopped unexpectedly")?
        .with_context(|| format!("cannot load {}", options.model_path.display()))?;
    server.await.context("the server stopped unexpectedly")?;
    if let Ok(mut pid_file) = state.pid_file.lock() {
        pid_file.take();
    }
    tracing::info!("stopped");
    Ok(())
}

/// Waits for SIGINT or SIGTERM, then stops in order: the listener closes
/// (the caller's accept loop ends), every engine refuses new and waiting
/// requests with 503 at once, open streams end with a final chunk, and
/// non-streamed answers get the grace period to finish, or are cut short
/// just before its end. The process exits when every connection is done,
/// or when the grace period is over.
async fn shutdown_signal(
    state: Arc<AppState>,
    pid_file: PathBuf,
    set_phase: tokio::sync::watch::Sender<Phase>,
) {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
    state.models.drain();
    set_phase.send_replace(Phase::Stopping);
    tokio::spawn(async move {
        tokio::time::sleep(SHUTDOWN_GRACE - CUT_BEFORE_EXIT).await;
        set_phase.send_replace(Phase::Cutting);
        tokio::time::sleep(CUT_BEFORE_EXIT).await;
        tracing::warn!(
            "connections still open after {} s; exiting",
            SHUTDOWN_GRACE.as_secs()
        );
        let _ = std::fs::remove_file(&pid_file);
        std::process::exit(0);
    });
}
