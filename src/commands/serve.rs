//! `flashchat serve`: start the server as a daemon (or `--foreground`),
//! stop it, or show its log.

use std::io::{Read, Seek, SeekFrom, Write};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::Context as _;

use crate::cli::ServeArgs;
use crate::errors::Hinted;
use crate::models::{self, ResolvedModel};
use crate::server::daemon;
use crate::server::pidfile::{self, ServerRecord, ServerState};
use crate::server::{self, ServerOptions};
use crate::Context;

pub fn run(ctx: &Context, args: &ServeArgs) -> anyhow::Result<()> {
    if args.logs {
        return show_logs(ctx, args.follow);
    }
    if args.stop {
        return super::stop_server(ctx, args.force);
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
        let started = super::start_server(ctx, &model, args.allow_unauthenticated)?;
        println!("{}", started.url);
        Ok(())
    }
}

fn foreground(ctx: &Context, args: &ServeArgs, model: ResolvedModel) -> anyhow::Result<()> {
    let s = &ctx.resolved.settings;
    daemon::check_before_listening(&s.server, args.allow_unauthenticated)?;
    let record = ServerRecord {
        pid: std::process::id(),
        url: daemon::base_url(&s.server.host, s.server.port),
        model: super::served_name(&model),
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
        responses_dir: ctx.paths.responses_dir.clone(),
        kv_cache_dir: ctx.paths.kv_cache_dir.clone(),
        catalog: {
            let (paths, env) = (ctx.paths.clone(), ctx.env.clone());
            let dirs = s.models_dirs.clone();
            Box::new(move || crate::models::on_disk(&paths, &env, &dirs).ok())
        },
        record,
    })
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
