//! One module per subcommand. Each exposes a single `run` function that takes
//! the resolved [`Context`](crate::Context) and its clap arguments.

pub mod batch;
pub mod benchmark;
pub mod cache;
pub mod chat;
pub mod compare;
pub mod completions;
pub mod config;
pub mod embed;
pub mod mcp;
pub mod menu;
pub mod models;
pub mod prompt;
pub mod ps;
pub mod serve;
pub mod sessions;
pub mod status;
pub mod templates;
pub mod tui;

use crate::errors::Hinted;
use crate::models::{ModelSpec, ResolvedModel};
use crate::server::daemon::{self, StartOptions, Started, StopOutcome};
use crate::server::pidfile::{self, ServerState};
use crate::settings::{keys, Resolved};
use crate::Context;

/// The name a server announces for a model: its spec as the user wrote it
/// (an alias, a repo), or the file name for a path.
fn served_name(model: &ResolvedModel) -> String {
    match &model.spec {
        ModelSpec::Path(path) => crate::models::served_name(path),
        other => other.to_string(),
    }
}

/// Runs the setup wizard (`config --reset`, the menu, a first run) and
/// returns the context with the settings it saved.
pub fn wizard(ctx: &Context) -> anyhow::Result<Context> {
    let surroundings = crate::setup::Surroundings {
        resolved: &ctx.resolved,
        env: &ctx.env,
        paths: &ctx.paths,
        printer: &ctx.printer,
    };
    let resolved = crate::setup::wizard(&surroundings, || ctx.reload_settings())?;
    Ok(ctx.with_settings(resolved))
}

/// Starts the server in the background for `model` (serve, chat and the
/// menu all start it this way) and says where it runs.
fn start_server(
    ctx: &Context,
    model: &ResolvedModel,
    allow_unauthenticated: bool,
) -> anyhow::Result<Started> {
    let name = served_name(model);
    let log = ctx.paths.server_log();
    let options = StartOptions {
        model_path: &model.path,
        model_name: &name,
        server: &ctx.resolved.settings.server,
        config_file: ctx.resolved.config_file.as_deref(),
        chat_template: ctx.resolved.settings.chat_template.as_deref(),
        kv: ctx.resolved.settings.kv,
        gpu: ctx.resolved.settings.gpu,
        allow_unauthenticated,
        log: &log,
    };
    let started = daemon::start(
        &options,
        &crate::reporters::ServerStart::new(&ctx.printer, &name),
    )?;
    ctx.printer.status(&format!(
        "Server running at {} (pid {})",
        started.url, started.pid
    ));
    Ok(started)
}

/// Stops the background server and says what happened (serve and the menu).
fn stop_server(ctx: &Context, force: bool) -> anyhow::Result<()> {
    match daemon::stop(&ctx.paths.pid_file, force)? {
        StopOutcome::NotRunning => ctx.printer.status("No server is running."),
        StopOutcome::RemovedStale(record) => ctx.printer.status(&format!(
            "No server is running; removed the stale PID file{}.",
            record.map_or(String::new(), |r| format!(" of pid {}", r.pid))
        )),
        StopOutcome::Stopped(record) => ctx
            .printer
            .status(&format!("Stopped the server (pid {}).", record.pid)),
        StopOutcome::Killed(record) => ctx.printer.status(&format!(
            "The server (pid {}) did not stop in time and was killed.",
            record.pid
        )),
        StopOutcome::StillRunning(record) => {
            return Err(Hinted::new(
                format!(
                    "the server (pid {}) did not stop within {} s",
                    record.pid,
                    daemon::STOP_TIMEOUT.as_secs()
                ),
                "force it with `flashchat serve --stop --force`",
            )
            .into())
        }
    }
    Ok(())
}

/// A chat request's fields for these settings: sampling, `max_tokens`,
/// the constraint as `response_format` (batch and compare fill requests
/// with them). Without a seed each answer gets its own on the server.
fn request_fields(
    settings: &crate::settings::Settings,
    constraint: Option<&crate::engine::Constraint>,
) -> serde_json::Map<String, serde_json::Value> {
    let mut fields = crate::client::chat_fields(
        &crate::backend::sampling(settings),
        settings.max_tokens,
        constraint,
    );
    if settings.seed.is_none() {
        fields.remove("seed");
    }
    fields
}

/// The `model` requests name when a flag or a template asks for one: as
/// written for `server.url`, else flashchat's server's name for the model
/// on disk.
pub(crate) fn model_field(ctx: &Context, resolved: &Resolved) -> anyhow::Result<Option<String>> {
    let Some(asked) = resolved.asked_for(keys::MODEL).and_then(|m| m.as_str()) else {
        return Ok(None);
    };
    if resolved.settings.server.url.is_some() {
        return Ok(Some(asked.to_string()));
    }
    let model = crate::models::resolve(resolved, &ctx.env, &ctx.paths)?;
    Ok(Some(served_name(&model)))
}

/// The server a command that sends many requests uses (batch, compare):
/// `server.url`, the running flashchat server, or one started for it and
/// stopped after.
pub(crate) struct ServerLease {
    pub client: crate::client::Client,
    /// Its slots, when it says.
    pub slots: Option<usize>,
    /// The `model` each request names (the one a flag or the template
    /// asks for).
    pub model_field: Option<String>,
    /// Whether this run started it (and so stops it).
    started: bool,
}

impl ServerLease {
    /// `server.url`, the running flashchat server, or one started now.
    pub(crate) fn connect(ctx: &Context, resolved: &Resolved) -> anyhow::Result<Self> {
        let settings = &resolved.settings;
        let key = settings.server.api_key.clone();
        let model_field = model_field(ctx, resolved)?;
        if let Some(url) = &settings.server.url {
            return Ok(ServerLease {
                client: crate::client::Client::new(url, key),
                slots: None,
                model_field,
                started: false,
            });
        }
        if let ServerState::Running(record) = pidfile::inspect(&ctx.paths.pid_file) {
            let slots = crate::client::health(&record.url, std::time::Duration::from_secs(5))
                .and_then(|(_, health)| health)
                .map(|h| h.slots as usize);
            return Ok(ServerLease {
                client: crate::client::Client::new(&record.url, key),
                slots,
                model_field,
                started: false,
            });
        }
        let model = crate::models::resolve(resolved, &ctx.env, &ctx.paths)?;
        let started = start_server(ctx, &model, false)?;
        Ok(ServerLease {
            client: crate::client::Client::new(&started.url, key),
            slots: Some(settings.server.parallel as usize),
            model_field,
            started: true,
        })
    }

    pub(crate) fn stop_if_started(&self, ctx: &Context) {
        if self.started {
            if let Err(e) = stop_server(ctx, false) {
                ctx.printer
                    .warn(&format!("the server started for this run: {e}"));
            }
        }
    }
}
