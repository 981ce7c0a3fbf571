//! `flashchat config`: show the effective settings and where each came
//! from; `--reset` runs the setup wizard again, `--full-reset` deletes
//! everything flashchat wrote (never model files).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;

use crate::cli::{ConfigArgs, ConfigCommand, ConfigShowArgs};
use crate::errors::Hinted;
use crate::server::pidfile::{self, ServerState};
use crate::settings::keys::KEYS;
use crate::Context;

pub fn run(ctx: &Context, args: &ConfigArgs) -> anyhow::Result<()> {
    if args.reset {
        return super::wizard(ctx).map(|_| ());
    }
    if args.full_reset {
        return full_reset(ctx, args.yes);
    }
    match &args.command {
        None => show(ctx, &ConfigShowArgs::default()),
        Some(ConfigCommand::Show(show_args)) => show(ctx, show_args),
        Some(ConfigCommand::Path) => {
            let path = ctx
                .resolved
                .config_file
                .as_ref()
                .unwrap_or(&ctx.paths.config_file);
            writeln!(std::io::stdout(), "{}", path.display())?;
            Ok(())
        }
    }
}

fn show(ctx: &Context, args: &ConfigShowArgs) -> anyhow::Result<()> {
    let resolved = match &args.template {
        Some(name) => {
            crate::templates::load(&ctx.paths.templates_dir, name)?.layered_on(&ctx.resolved)?
        }
        None => ctx.resolved.clone(),
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        let values: serde_json::Map<String, serde_json::Value> = KEYS
            .iter()
            .map(|key| {
                let (value, origin) = &resolved.values[key.name];
                let entry = serde_json::json!({
                    "value": value.as_ref().map(toml_to_json),
                    "origin": origin.to_string(),
                    "env": key.env_var(),
                });
                (key.name.to_string(), entry)
            })
            .collect();
        let object = serde_json::json!({
            "config_file": resolved.config_file,
            "values": values,
        });
        serde_json::to_writer_pretty(&mut out, &object)?;
        writeln!(out)?;
        return Ok(());
    }
    let rows: Vec<(String, &str)> = KEYS
        .iter()
        .map(|key| {
            let (value, _) = &resolved.values[key.name];
            let shown = value.as_ref().map_or("\"\"".to_string(), |v| v.to_string());
            (format!("{} = {shown}", key.name), key.name)
        })
        .collect();
    let width = rows
        .iter()
        .map(|(r, _)| r.chars().count())
        .max()
        .unwrap_or(0);
    for (row, name) in rows {
        if args.origin {
            let origin = &resolved.values[name].1;
            writeln!(out, "{row:<width$}  # {origin}")?;
        } else {
            writeln!(out, "{row}")?;
        }
    }
    out.flush()?;
    Ok(())
}

fn toml_to_json(value: &toml::Value) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

/// Deletes config, sessions, history, personas, logs, the model registry
/// and benchmark history; downloaded models stay.
fn full_reset(ctx: &Context, yes: bool) -> anyhow::Result<()> {
    if let ServerState::Running(record) = pidfile::inspect(&ctx.paths.pid_file) {
        return Err(Hinted::new(
            format!("a server is running (pid {})", record.pid),
            "stop it first with `flashchat serve --stop`",
        )
        .into());
    }
    let p = &ctx.paths;
    let config = ctx
        .resolved
        .config_file
        .clone()
        .unwrap_or(p.config_file.clone());
    let targets: Vec<PathBuf> = [
        config,
        p.model_registry.clone(),
        p.config_dir.join("history.txt"),
        p.benchmark_history(),
        p.sessions_dir.clone(),
        p.personas_dir.clone(),
        p.logs_dir.clone(),
    ]
    .into_iter()
    .filter(|t| t.exists())
    .collect();
    if targets.is_empty() {
        ctx.printer
            .status("Nothing to delete: flashchat has no saved files.");
        return Ok(());
    }
    let sessions = std::fs::read_dir(&p.sessions_dir).map_or(0, |d| d.count());
    let list: Vec<String> = targets.iter().map(|t| t.display().to_string()).collect();
    eprintln!("This deletes:\n  {}", list.join("\n  "));
    eprintln!("({sessions} saved sessions among them; model files are kept.)");
    if !yes
        && !crate::ask::confirm(
            "Delete all of it?",
            "refusing to delete flashchat's files without confirmation",
            "--yes",
        )?
    {
        ctx.printer.status("Nothing deleted.");
        return Ok(());
    }
    for target in &targets {
        let removed = if target.is_dir() {
            std::fs::remove_dir_all(target)
        } else {
            std::fs::remove_file(target)
        };
        removed.with_context(|| format!("cannot delete {}", target.display()))?;
    }
    ctx.printer.status(&format!(
        "Deleted {} item(s). The next command starts the setup again.",
        targets.len()
    ));
    Ok(())
}
