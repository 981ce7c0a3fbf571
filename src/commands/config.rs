//! `flashchat config`: show the effective settings and where each came from.
//! (`--reset` and `--full-reset` arrive with the setup wizard.)

use std::io::Write;

use crate::cli::{ConfigArgs, ConfigCommand, ConfigShowArgs};
use crate::errors::NotImplemented;
use crate::settings::keys::KEYS;
use crate::Context;

pub fn run(ctx: &Context, args: &ConfigArgs) -> anyhow::Result<()> {
    if args.reset {
        return Err(NotImplemented {
            what: "config --reset",
        }
        .into());
    }
    if args.full_reset {
        return Err(NotImplemented {
            what: "config --full-reset",
        }
        .into());
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
    let mut out = std::io::stdout().lock();
    if args.json {
        let values: serde_json::Map<String, serde_json::Value> = KEYS
            .iter()
            .map(|key| {
                let (value, origin) = &ctx.resolved.values[key.name];
                let entry = serde_json::json!({
                    "value": value.as_ref().map(toml_to_json),
                    "origin": origin.to_string(),
                    "env": key.env_var(),
                });
                (key.name.to_string(), entry)
            })
            .collect();
        let object = serde_json::json!({
            "config_file": ctx.resolved.config_file,
            "values": values,
        });
        serde_json::to_writer_pretty(&mut out, &object)?;
        writeln!(out)?;
        return Ok(());
    }
    let rows: Vec<(String, &str)> = KEYS
        .iter()
        .map(|key| {
            let (value, _) = &ctx.resolved.values[key.name];
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
            let origin = &ctx.resolved.values[name].1;
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
