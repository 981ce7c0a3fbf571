//! `flashchat cache`: the saved conversation KV states — where they are,
//! how much room they take against `cache.max_size_mb`, and each state's
//! model, length and last use; `cache clear` removes them all.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::Context as _;

use crate::cli::{CacheArgs, CacheCommand};
use crate::engine::state_cache;
use crate::human::{human_bytes, human_duration, write_columns};
use crate::Context;

pub fn run(ctx: &Context, args: &CacheArgs) -> anyhow::Result<()> {
    let dir = &ctx.paths.kv_cache_dir;
    let bound = ctx.resolved.settings.cache.max_disk_bytes;
    match args.command {
        Some(CacheCommand::Clear) => {
            let (files, bytes) = state_cache::clear(dir)
                .with_context(|| format!("cannot empty {}", dir.display()))?;
            if args.json {
                let body = serde_json::json!({"removed": files, "bytes": bytes});
                writeln!(std::io::stdout().lock(), "{body}")?;
            } else {
                ctx.printer.status(&format!(
                    "Removed {files} saved KV state{} ({}) from {}.",
                    if files == 1 { "" } else { "s" },
                    human_bytes(bytes),
                    dir.display()
                ));
            }
            Ok(())
        }
        None | Some(CacheCommand::List) => list(ctx, args.json, bound),
    }
}

fn list(ctx: &Context, json: bool, bound: u64) -> anyhow::Result<()> {
    let dir = &ctx.paths.kv_cache_dir;
    let (entries, total) = state_cache::entries(dir);
    let mut out = std::io::stdout().lock();
    if json {
        let body = serde_json::json!({
            "dir": dir,
            "bytes": total,
            "max_bytes": bound,
            "max_ram_bytes": ctx.resolved.settings.cache.max_ram_bytes,
            "entries": entries,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&body)?)?;
        return Ok(());
    }
    let limit = if bound == 0 {
        "saving is off (cache.max_size_mb = 0)".to_string()
    } else {
        format!("of {} (cache.max_size_mb)", human_bytes(bound))
    };
    ctx.printer.status(&format!(
        "KV states in {}: {} {limit}",
        dir.display(),
        human_bytes(total)
    ));
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let rows: Vec<[String; 5]> = entries
        .iter()
        .map(|e| {
            let model = std::path::Path::new(&e.model)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            [
                e.problem
                    .as_ref()
                    .map_or(model, |p| format!("(unusable: {p})")),
                e.tokens.to_string(),
                human_bytes(e.bytes),
                format!("{} ago", human_duration(now.saturating_sub(e.last_used))),
                e.file.clone(),
            ]
        })
        .collect();
    if rows.is_empty() {
        ctx.printer.status(
            "No state is saved yet: one is written after each finished turn of 64 tokens or more.",
        );
        return Ok(());
    }
    write_columns(&mut out, ["MODEL", "TOKENS", "SIZE", "USED", "FILE"], &rows)?;
    Ok(())
}
