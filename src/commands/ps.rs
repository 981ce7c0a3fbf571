//! `flashchat ps`: the running server's models, as its `/health` reports
//! them: state, slots in use, queue, idle time and size, and the server's
//! memory.

use std::io::Write;
use std::time::Duration;

use crate::cli::PsArgs;
use crate::client::{self, Client};
use crate::errors::Hinted;
use crate::human::{human_bytes, human_duration, write_columns};
use crate::server::pidfile::{self, ServerState};
use crate::wire::admin::LoadedModel;
use crate::Context;

pub fn run(ctx: &Context, args: &PsArgs) -> anyhow::Result<()> {
    let client = running_server(ctx)?;
    let health = match client::health(client.base(), Duration::from_secs(5)) {
        Some((200, Some(health))) => health,
        Some((status, _)) => {
            return Err(Hinted::new(
                format!("the server at {} answered {status}", client.base()),
                "it may still be loading its first model; try again in a moment",
            )
            .into())
        }
        None => {
            return Err(Hinted::new(
                format!("the server at {} does not answer", client.base()),
                "see flashchat serve --logs",
            )
            .into())
        }
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        let body = serde_json::json!({
            "url": client.base(),
            "memory_bytes": health.memory_bytes,
            "models": health.models,
            "devices": health.devices,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&body)?)?;
        return Ok(());
    }
    let memory = health
        .memory_bytes
        .map(|m| format!(", {} resident", human_bytes(m)))
        .unwrap_or_default();
    ctx.printer
        .status(&format!("Server at {}{memory}", client.base()));
    for d in &health.devices {
        ctx.printer.status(&format!(
            "{} ({}): {} of {} in use",
            d.name,
            d.description,
            human_bytes(d.memory_used_bytes),
            human_bytes(d.memory_total_bytes)
        ));
    }
    let rows: Vec<[String; 8]> = health
        .models
        .iter()
        .map(|m| {
            [
                if m.default {
                    format!("{} *", m.name)
                } else {
                    m.name.clone()
                },
                m.state.clone(),
                format!("{}/{}", m.slots_busy, m.slots),
                m.queued.to_string(),
                human_duration(m.idle_seconds),
                human_bytes(m.size_bytes),
                if m.kv_cache_bytes > 0 {
                    human_bytes(m.kv_cache_bytes)
                } else {
                    "-".into()
                },
                gpu_column(m),
            ]
        })
        .collect();
    let header = [
        "NAME", "STATE", "SLOTS", "QUEUE", "IDLE", "SIZE", "KV CACHE", "GPU",
    ];
    write_columns(&mut out, header, &rows)?;
    if rows.is_empty() {
        ctx.printer
            .status("No model is loaded; the next request loads one.");
    }
    Ok(())
}

/// Layers on the GPU and the memory they hold there: "19/19 layers, 310
/// MB"; "CPU" when none are.
fn gpu_column(model: &LoadedModel) -> String {
    match model.offloaded_layers {
        Some([layers, of]) if layers > 0 => format!(
            "{layers}/{of} layers, {}",
            human_bytes(model.device_memory_bytes)
        ),
        Some(_) => "CPU".into(),
        None if model.state == "loaded" => "CPU".into(),
        None => "-".into(),
    }
}

/// A client of flashchat's running server, or an error saying none runs.
pub fn running_server(ctx: &Context) -> anyhow::Result<Client> {
    match pidfile::inspect(&ctx.paths.pid_file) {
        ServerState::Running(record) if !record.url.is_empty() => Ok(Client::new(
            &record.url,
            ctx.resolved.settings.server.api_key.clone(),
        )),
        _ => Err(Hinted::new(
            "no flashchat server is running",
            "start one with: flashchat serve",
        )
        .into()),
    }
}
