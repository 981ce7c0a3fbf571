//! `flashchat serve`: start the server as a daemon (or `--foreground`),
//! stop it, or show its log.

use std::io::{IsTerminal, Read, Seek, SeekFrom, Write};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::Context as _;

use crate::cli::ServeArgs;
use crate::errors::Hinted;
use crate::models::{self, ResolvedModel};
use crate::server::daemon::{self, Startup, StopOutcome};
use crate::server::pidfile::{self, ServerRecord, ServerState};
use crate::server::{self, ServerOptions};
use crate::settings::keys;
use crate::Context;

pub fn run(ctx: &Context, args: &ServeArgs) -> anyhow::Result<()> {
    if args.logs {
        return show_logs(ctx, args.follow);
    }
    if args.stop {
        return stop(ctx, args.force);
    }
    if let ServerState::Running(record) = pidfile::inspect(&ctx.paths.pid_file) {
        return Err(Hinted::new(
            format!(
                "a server is already running (pid {}) at {}",
                record.pid, record.url
            ),
            "stop it first with `flashchat serve --stop`",
        )
        .into());
    }
    let model = models::resolve(&ctx.resolved, &ctx.env, &ctx.paths)?;
    if args.foreground {
        foreground(ctx, args, model)
    } else {
        let url = start_background(ctx, &model, args.allow_unauthenticated)?;
        println!("{url}");
        Ok(())
    }
}

fn base_url(host: &str, port: u16) -> String {
    let host = if host.contains(':') {
        format!("[{host}]")
    } else {
        host.to_string()
    };
    format!("http://{host}:{port}/v1")
}

fn model_name(model: &ResolvedModel) -> String {
    match &model.spec {
        models::ModelSpec::Path(path) => models::served_name(path),
        other => other.to_string(),
    }
}

fn foreground(ctx: &Context, args: &ServeArgs, model: ResolvedModel) -> anyhow::Result<()> {
    let s = &ctx.resolved.settings;
    check_before_listening(ctx, args.allow_unauthenticated)?;
    let record = ServerRecord {
        pid: std::process::id(),
        url: base_url(&s.server.host, s.server.port),
        model: model_name(&model),
        started: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    };
    ctx.printer.status(&format!(
        "Serving {} at {} (Ctrl-C stops it)",
        record.model, record.url
    ));
    server::run(ServerOptions {
        model_path: model.path.clone(),
        model_name: record.model.clone(),
        host: s.server.host.clone(),
        port: s.server.port,
        parallel: s.server.parallel,
        settings: s.clone(),
        pid_file: ctx.paths.pid_file.clone(),
        record,
    })
}

/// Refuses what would make the server unsafe or fail after it detached:
/// listening beyond this machine without a key (anyone could use it), and
/// `server.allowed_hosts` entries that are not host names.
fn check_before_listening(ctx: &Context, allow_unauthenticated: bool) -> anyhow::Result<()> {
    let s = &ctx.resolved.settings.server;
    server::check_allowed_hosts(&s.allowed_hosts).map_err(|message| {
        Hinted::new(
            message,
            "list host names such as `chat.example.com`, or `.example.com` for a whole domain",
        )
    })?;
    let loopback = daemon::client_addr(&s.host, s.port)
        .map(|a| a.ip().is_loopback())
        .unwrap_or(false)
        && !matches!(s.host.as_str(), "0.0.0.0" | "::" | "[::]");
    if !loopback && s.api_key.is_none() && !allow_unauthenticated {
        return Err(Hinted::new(
            format!("refusing to listen on {} without an API key", s.host),
            "set server.api_key (or --api-key), bind 127.0.0.1, or pass --allow-unauthenticated",
        )
        .into());
    }
    Ok(())
}

/// Starts the server as a daemon and waits until it is ready; returns its URL.
pub fn start_background(
    ctx: &Context,
    model: &ResolvedModel,
    allow_unauthenticated: bool,
) -> anyhow::Result<String> {
    let s = &ctx.resolved.settings;
    check_before_listening(ctx, allow_unauthenticated)?;
    let port = choose_port(ctx, &s.server.host, s.server.port)?;
    let mut child_args = vec![
        "--model".to_string(),
        model.path.display().to_string(),
        "--host".into(),
        s.server.host.clone(),
        "--port".into(),
        port.to_string(),
        "--parallel".into(),
        s.server.parallel.to_string(),
    ];
    if let Some(file) = &ctx.resolved.config_file {
        child_args.extend(["--config".into(), file.display().to_string()]);
    }
    if allow_unauthenticated {
        child_args.push("--allow-unauthenticated".into());
    }
    let exe = std::env::current_exe().context("cannot find the flashchat executable")?;
    let log = ctx.paths.server_log();
    let envs: Vec<(String, String)> = s
        .server
        .api_key
        .iter()
        .map(|key| (keys::env_var_for("server.api_key"), key.clone()))
        .collect();
    let mut child = daemon::spawn(&exe, &child_args, &envs, &log)?;
    let addr = daemon::client_addr(&s.server.host, port)?;
    let bar = ctx
        .printer
        .spinner(&format!("Starting the server ({})", model_name(model)));
    let outcome = daemon::wait_ready(&mut child, addr, || {
        if let Some(bar) = &bar {
            bar.tick();
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let url = base_url(&s.server.host, port);
    match outcome {
        Startup::Ready => {
            ctx.printer
                .status(&format!("Server running at {url} (pid {})", child.id()));
            Ok(url)
        }
        Startup::Exited(code) => Err(Hinted::new(
            format!(
                "the server stopped during start-up (exit code {})",
                code.map_or("none".into(), |c| c.to_string())
            ),
            format!(
                "its log says why: `flashchat serve --logs` ({})",
                log.display()
            ),
        )
        .into()),
        Startup::TimedOut => {
            let _ = child.kill();
            Err(Hinted::new(
                "the server did not become ready in time",
                format!("see `flashchat serve --logs` ({})", log.display()),
            )
            .into())
        }
    }
}

/// The configured port, or another one when it is taken: chosen on a
/// terminal, named in the error otherwise.
fn choose_port(ctx: &Context, host: &str, port: u16) -> anyhow::Result<u16> {
    if !daemon::port_in_use(host, port) {
        return Ok(port);
    }
    let free = daemon::free_ports_after(host, port);
    let Some(&first) = free.first() else {
        return Err(Hinted::new(
            format!("port {port} is in use, and so are the ten after it"),
            "pick a port with `flashchat serve --port N`",
        )
        .into());
    };
    if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() && !ctx.printer.quiet {
        let items: Vec<String> = free.iter().map(|p| format!("port {p}")).collect();
        let choice = dialoguer::Select::new()
            .with_prompt(format!("Port {port} is in use. Listen on"))
            .items(&items)
            .default(0)
            .interact_opt()
            .context("cannot read the choice")?;
        return choice
            .map(|i| free[i])
            .ok_or_else(|| anyhow::anyhow!("no port chosen"));
    }
    Err(Hinted::new(
        format!("port {port} is in use by another program"),
        format!("port {first} is free: `flashchat serve --port {first}`"),
    )
    .into())
}

fn stop(ctx: &Context, force: bool) -> anyhow::Result<()> {
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

fn show_logs(ctx: &Context, follow: bool) -> anyhow::Result<()> {
    let path = ctx.paths.server_log();
    let mut file = match std::fs::File::open(&path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !follow => {
            ctx.printer
                .status(&format!("No server log yet ({}).", path.display()));
            return Ok(());
        }
        Err(e) => return Err(e).with_context(|| format!("cannot open {}", path.display())),
    };
    let mut out = std::io::stdout().lock();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        file.read_to_end(&mut buf)?;
        out.write_all(&buf)?;
        out.flush()?;
        if !follow {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(250));
        // A rotated or truncated log starts again from the top.
        let len = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        if len < file.stream_position()? {
            file.seek(SeekFrom::Start(0))?;
        }
    }
}
