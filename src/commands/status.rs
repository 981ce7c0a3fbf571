//! `flashchat status`: paths, the resolved model (from its GGUF header, no
//! weights loaded), settings, threads, CPU features, backends, server state.

use crate::human::{human_bytes, human_count, human_duration};
use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;

use crate::cli::StatusArgs;
use crate::engine::load::Placement;
use crate::engine::system::{system_info, SystemInfo};
use crate::models::{self, gguf::GgufInfo};
use crate::server::pidfile::{self, ServerState};
use crate::wire::admin::Health;
use crate::Context;
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Serialize)]
struct Report {
    config_file: Option<PathBuf>,
    data_dir: PathBuf,
    sessions_dir: PathBuf,
    logs_dir: PathBuf,
    hf_cache: PathBuf,
    model: ModelReport,
    generation: Generation,
    kv_cache: crate::engine::kv::KvOptions,
    gpu: crate::engine::gpu::GpuOptions,
    /// Every device this build of llama.cpp sees, the CPU included.
    devices: Vec<crate::engine::gpu::Device>,
    /// Where the resolved model's layers would go (a build with a GPU).
    #[serde(skip_serializing_if = "Option::is_none")]
    offload: Option<Placement>,
    saved_states: SavedStates,
    threads: u32,
    system: SystemInfo,
    server: ServerReport,
}

/// The folder of saved conversation KV states (`flashchat cache`).
#[derive(Serialize)]
struct SavedStates {
    dir: PathBuf,
    bytes: u64,
    max_size_mb: u64,
    max_ram_mb: u64,
}

#[derive(Serialize)]
struct ModelReport {
    spec: Option<String>,
    path: Option<PathBuf>,
    #[serde(flatten)]
    gguf: Option<GgufInfo>,
    error: Option<String>,
}

#[derive(Serialize)]
struct Generation {
    context_size: u32,
    max_tokens: u32,
    temperature: f32,
    top_p: f32,
    top_k: u32,
    min_p: f32,
    repeat_penalty: f32,
    seed: Option<u32>,
}

#[derive(Serialize)]
struct ServerReport {
    running: bool,
    pid: Option<u32>,
    url: String,
    model: Option<String>,
    uptime_seconds: Option<u64>,
    /// A PID file was left by a server that is gone.
    stale_pid_file: bool,
    /// Whether the server answers `/health` at all.
    answering: bool,
    /// The server's own report from `/health` (none while it loads).
    health: Option<Health>,
}

pub fn run(ctx: &Context, args: &StatusArgs) -> anyhow::Result<()> {
    let report = gather(ctx);
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        out.write_all(render(&report).as_bytes())?;
    }
    out.flush()?;
    Ok(())
}

/// Where the model's layers would run with the configured GPU settings;
/// `None` without a GPU (or with settings that cannot work).
fn offload(ctx: &Context, info: &GgufInfo, path: &std::path::Path) -> Option<Placement> {
    let s = &ctx.resolved.settings;
    let context = crate::engine::load::ContextPlan {
        per_sequence: s.context_size,
        sequences: 1,
        threads: s.effective_threads(),
        kv: s.kv,
    };
    crate::engine::load::placement(path, info.block_count?, info.file_size, s.gpu, context)
}

fn gather(ctx: &Context) -> Report {
    let s = &ctx.resolved.settings;
    let model = match models::resolve(&ctx.resolved, &ctx.env, &ctx.paths) {
        Ok(m) => ModelReport {
            spec: Some(m.spec.to_string()),
            path: Some(m.path),
            gguf: Some(m.info),
            error: None,
        },
        Err(e) => ModelReport {
            spec: s.model.clone(),
            path: None,
            gguf: None,
            error: Some(e.message),
        },
    };
    let server = server_report(ctx);
    let offload = model
        .gguf
        .as_ref()
        .zip(model.path.as_ref())
        .and_then(|(info, path)| offload(ctx, info, path));
    Report {
        offload,
        config_file: ctx.resolved.config_file.clone(),
        data_dir: ctx.paths.config_dir.clone(),
        sessions_dir: ctx.paths.sessions_dir.clone(),
        logs_dir: ctx.paths.logs_dir.clone(),
        hf_cache: ctx.paths.hf_hub_dir.clone(),
        model,
        generation: Generation {
            context_size: s.context_size,
            max_tokens: s.max_tokens,
            temperature: s.temperature,
            top_p: s.top_p,
            top_k: s.top_k,
            min_p: s.min_p,
            repeat_penalty: s.repeat_penalty,
            seed: s.seed,
        },
        kv_cache: s.kv,
        gpu: s.gpu,
        devices: crate::engine::gpu::devices(),
        saved_states: SavedStates {
            bytes: crate::engine::state_cache::folder_bytes(&ctx.paths.kv_cache_dir),
            dir: ctx.paths.kv_cache_dir.clone(),
            max_size_mb: s.cache.max_disk_bytes >> 20,
            max_ram_mb: s.cache.max_ram_bytes >> 20,
        },
        threads: s.effective_threads(),
        system: system_info(),
        server,
    }
}

fn server_report(ctx: &Context) -> ServerReport {
    let s = &ctx.resolved.settings.server;
    let configured = format!("http://{}:{}/v1", s.host, s.port);
    match pidfile::inspect(&ctx.paths.pid_file) {
        ServerState::Running(record) => {
            let now = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            let answer = crate::client::health(&record.url, std::time::Duration::from_millis(500));
            ServerReport {
                running: true,
                pid: Some(record.pid),
                url: record.url,
                model: Some(record.model),
                uptime_seconds: Some(now.saturating_sub(record.started)),
                stale_pid_file: false,
                answering: answer.is_some(),
                health: answer.and_then(|(_, health)| health),
            }
        }
        state => ServerReport {
            running: false,
            pid: None,
            url: configured,
            model: None,
            uptime_seconds: None,
            stale_pid_file: matches!(state, ServerState::Stale(_)),
            answering: false,
            health: None,
        },
    }
}

fn render(r: &Report) -> String {
    let mut lines: Vec<(String, String)> = Vec::new();
    let mut row = |k: &str, v: String| lines.push((k.to_string(), v));
    let shown = |p: &Option<PathBuf>| {
        p.as_ref().map_or("(none, built-in defaults)".into(), |p| {
            p.display().to_string()
        })
    };
    row("Config file", shown(&r.config_file));
    row("Data folder", r.data_dir.display().to_string());
    row("HF cache", r.hf_cache.display().to_string());
    match (&r.model.gguf, &r.model.error) {
        (Some(g), _) => {
            row("Model", r.model.spec.clone().unwrap_or_default());
            row("  path", shown(&r.model.path));
            row("  size", human_bytes(g.file_size));
            row(
                "  architecture",
                g.architecture.clone().unwrap_or("?".into()),
            );
            row("  parameters", human_count(g.parameter_count));
            row(
                "  quantization",
                g.quantization.clone().unwrap_or("?".into()),
            );
            let trained = g.context_length.map_or("?".into(), |c| c.to_string());
            row("  context", format!("{trained} trained"));
            let template = if g.has_chat_template {
                "yes"
            } else {
                "no (raw prompts)"
            };
            row("  chat template", template.into());
            if let Some(experts) = g.expert_count {
                let used = g.expert_used_count.map_or("?".into(), |u| u.to_string());
                row("  experts", format!("{experts} ({used} active)"));
            }
        }
        (None, error) => row("Model", error.clone().unwrap_or_default()),
    }
    let g = &r.generation;
    let seed = g.seed.map_or("random".into(), |s| s.to_string());
    row(
        "Generation",
        format!(
            "context {} · max_tokens {} · temperature {} · top_p {} · top_k {} · min_p {} · repeat_penalty {} · seed {seed}",
            g.context_size, g.max_tokens, g.temperature, g.top_p, g.top_k, g.min_p, g.repeat_penalty
        ),
    );
    let kv = &r.kv_cache;
    let allocated = r
        .server
        .health
        .as_ref()
        .filter(|h| h.kv_cache_bytes > 0)
        .map(|h| {
            format!(
                " · {} in the running server",
                crate::human::human_bytes(h.kv_cache_bytes)
            )
        })
        .unwrap_or_default();
    row(
        "KV cache",
        format!(
            "keys {} · values {} · flash attention {} · swa_full {}{allocated}",
            kv.type_k.name(),
            kv.type_v.name(),
            kv.flash_attention.name(),
            kv.swa_full
        ),
    );
    row(
        "Saved states",
        format!(
            "{} in {} (cache.max_size_mb {}, cache.max_ram_mb {})",
            crate::human::human_bytes(r.saved_states.bytes),
            r.saved_states.dir.display(),
            r.saved_states.max_size_mb,
            r.saved_states.max_ram_mb
        ),
    );
    if let Some(problem) = kv.problem() {
        row("  problem", problem);
    }
    row("Threads", r.threads.to_string());
    row("CPU features", r.system.cpu_features.join(" "));
    row("Backends", r.system.backends.join(", "));
    for (i, device) in r.devices.iter().enumerate() {
        let memory = if device.memory_total > 0 {
            format!(
                " · {} free of {}",
                crate::human::human_bytes(device.memory_free),
                crate::human::human_bytes(device.memory_total)
            )
        } else {
            String::new()
        };
        row(
            if i == 0 { "Devices" } else { "" },
            format!(
                "{} ({}: {}){memory}",
                device.name, device.backend, device.description
            ),
        );
    }
    let gpu = &r.gpu;
    let offload = if r.devices.iter().any(|d| d.is_gpu()) {
        format!(
            "gpu_layers {} · main_gpu {} · split_mode {}",
            gpu.layers.describe(),
            gpu.main_gpu,
            gpu.split_mode.name()
        )
    } else {
        "none: no GPU in this build (see RUN.md, GPU builds)".into()
    };
    row("GPU offload", offload);
    if let Some(o) = &r.offload {
        let placed = match (o.layers, o.fitted) {
            (0, _) => "the model runs on the CPU".to_string(),
            (n, fitted) => format!(
                "{n}/{} layers on the GPU{}, about {} of weights",
                o.of,
                if fitted {
                    " (fitted to free memory)"
                } else {
                    ""
                },
                human_bytes(o.weights_bytes)
            ),
        };
        row("  model", placed);
    }
    if let Some(problem) = gpu.problem(&r.devices) {
        row("  problem", problem);
    }
    let server = match (&r.server.pid, r.server.stale_pid_file) {
        (Some(pid), _) => {
            let load = match (&r.server.health, r.server.answering) {
                (Some(h), _) if h.status == Health::LOADING => format!(
                    ", loading {} to switch to it",
                    h.loading_model.as_deref().unwrap_or("another model")
                ),
                (Some(h), _) => format!(
                    ", {}/{} slots busy, {} requests served",
                    h.slots_busy, h.slots, h.requests_served
                ),
                (None, true) => ", loading the model".to_string(),
                (None, false) => ", not answering".to_string(),
            };
            format!(
                "running (pid {pid}) at {}, {}, up {}{load}",
                r.server.url,
                r.server.model.as_deref().unwrap_or("?"),
                human_duration(r.server.uptime_seconds.unwrap_or(0))
            )
        }
        (None, true) => {
            "not running (stale PID file left; `flashchat serve --stop` removes it)".into()
        }
        (None, false) => "not running".to_string(),
    };
    row("Server", server);
    let width = lines.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    lines
        .iter()
        .map(|(k, v)| format!("{k:<width$}  {v}\n"))
        .collect()
}
