//! `flashchat models`: list what is on disk, download from Hugging Face,
//! show metadata, register, remove, alias, and choose the default model
//! (switching a running server to it).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::cli::{ModelsArgs, ModelsCommand};
use crate::client::Client;
use crate::engine::gpu::{GpuLayers, GpuOptions};
use crate::engine::load::{self, ContextPlan, Placement};
use crate::errors::Hinted;
use crate::human::{human_bytes, human_count};
use crate::models::catalog::{Catalog, Entry, Lookup, Source};
use crate::models::download::remove_cached;
use crate::models::gguf::GgufInfo;
use crate::models::registry::Registry;
use crate::models::{self, gguf, ModelSpec};
use crate::server::pidfile::{self, ServerState};
use crate::settings::keys;
use crate::settings::{edit, Origin};
use crate::Context;

pub fn run(ctx: &Context, args: &ModelsArgs) -> anyhow::Result<()> {
    match &args.command {
        None | Some(ModelsCommand::List) => list(ctx, args.json),
        Some(ModelsCommand::Pull { spec }) => {
            let spec = ModelSpec::parse(spec, &ctx.env)?;
            let path = pull(ctx, &spec)?;
            println!("{}", path.display());
            if ctx.resolved.settings.model.is_none() {
                make_default(ctx, &spec.to_string(), &path)?;
            } else {
                ctx.printer.status(&format!(
                    "Make it the default with: flashchat models use {}",
                    catalog_name(ctx, &path).unwrap_or_else(|| spec.to_string())
                ));
            }
            Ok(())
        }
        Some(ModelsCommand::Info { name }) => info(ctx, name, args.json),
        Some(ModelsCommand::Add { path }) => add(ctx, path),
        Some(ModelsCommand::Rm { name, yes }) => remove(ctx, name, *yes),
        Some(ModelsCommand::Use { name }) => {
            let (spec, path) = locate(ctx, name)?;
            make_default(ctx, &spec, &path)
        }
        Some(ModelsCommand::Alias { alias, name }) => set_alias(ctx, alias, name),
        Some(ModelsCommand::Unload { name }) => {
            let client = super::ps::running_server(ctx)?;
            client.unload(name)?;
            ctx.printer.status(&format!(
                "Unloaded {name} from the server at {}.",
                client.base()
            ));
            Ok(())
        }
    }
}

fn registry(ctx: &Context) -> anyhow::Result<Registry> {
    Ok(Registry::load(&ctx.paths.model_registry)?)
}

fn catalog(ctx: &Context, registry: &Registry) -> Catalog {
    Catalog::scan(
        &ctx.paths,
        &ctx.env,
        &ctx.resolved.settings.models_dirs,
        registry,
    )
}

/// Every model on disk, for the settings of `ctx`.
fn on_disk(ctx: &Context) -> anyhow::Result<Catalog> {
    models::on_disk(&ctx.paths, &ctx.env, &ctx.resolved.settings.models_dirs)
}

/// Downloads a model with progress on the terminal.
fn pull(ctx: &Context, spec: &ModelSpec) -> anyhow::Result<PathBuf> {
    let reporter = crate::reporters::Download::new(&ctx.printer);
    models::pull(&ctx.env, &ctx.paths, spec, &reporter)
}

/// The catalog name of the model at `path`, when it is on the list.
fn catalog_name(ctx: &Context, path: &Path) -> Option<String> {
    on_disk(ctx)
        .ok()?
        .in_use(Some(path))
        .map(|e| e.name.clone())
}

/// The path the configured model resolves to, without failing.
fn configured_path(ctx: &Context) -> Option<PathBuf> {
    let text = ctx.resolved.settings.model.as_deref()?;
    let dirs = &ctx.resolved.settings.models_dirs;
    let spec = models::spec_for(text, dirs, &ctx.env, &ctx.paths).ok()?;
    spec.locate(&ctx.paths.hf_hub_dir).ok()
}

fn list(ctx: &Context, json: bool) -> anyhow::Result<()> {
    let registry = registry(ctx)?;
    let catalog = catalog(ctx, &registry);
    let infos = catalog.read_all();
    let in_use = configured_path(ctx);
    let in_use = catalog.in_use(in_use.as_deref()).map(|e| e.path.clone());
    let mut out = std::io::stdout().lock();
    if json {
        let rows: Vec<serde_json::Value> = catalog
            .entries
            .iter()
            .zip(&infos)
            .map(|(entry, info)| entry_json(entry, info, in_use.as_ref() == Some(&entry.path)))
            .collect();
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if catalog.entries.is_empty() {
        drop(out);
        ctx.printer.status(&format!(
            "No models found (searched {}, {} and models.dirs).\n\
             Download one with: flashchat models pull ggml-org/gemma-3-1b-it-GGUF",
            ctx.paths.hf_hub_dir.display(),
            ctx.paths.models_dir.display()
        ));
        return Ok(());
    }
    let mut rows = vec![[
        String::new(),
        "NAME".into(),
        "SIZE".into(),
        "QUANT".into(),
        "ARCH".into(),
        "PARAMS".into(),
        "CONTEXT".into(),
        "SOURCE".into(),
    ]];
    for (entry, info) in catalog.entries.iter().zip(&infos) {
        let mark = if in_use.as_ref() == Some(&entry.path) {
            "*"
        } else {
            " "
        };
        let mut name = entry.name.clone();
        if !entry.aliases.is_empty() {
            name.push_str(&format!(" ({})", entry.aliases.join(", ")));
        }
        let (quant, arch, params, context) = match info {
            Ok(i) => (
                i.quantization.clone().unwrap_or_default(),
                arch_label(i),
                human_count(i.parameter_count),
                i.context_length.map(|c| c.to_string()).unwrap_or_default(),
            ),
            Err(e) => (
                String::new(),
                format!("unreadable: {}", short_error(e)),
                String::new(),
                String::new(),
            ),
        };
        rows.push([
            mark.into(),
            name,
            human_bytes(entry.size()),
            quant,
            arch,
            params,
            context,
            entry.source.label(),
        ]);
    }
    write!(out, "{}", table(&rows))?;
    if in_use.is_some() {
        writeln!(out, "\n* the default model")?;
    }
    Ok(())
}

fn arch_label(info: &gguf::GgufInfo) -> String {
    let arch = info.architecture.clone().unwrap_or_default();
    match (info.expert_count, info.expert_used_count) {
        (Some(n), Some(k)) if n > 1 => format!("{arch} (MoE {k}/{n})"),
        _ => arch,
    }
}

fn short_error(e: &gguf::GgufError) -> &'static str {
    match e {
        gguf::GgufError::Truncated { .. } => "truncated",
        gguf::GgufError::NotGguf { .. } => "not GGUF",
        gguf::GgufError::Io { .. } => "cannot read",
        _ => "corrupt",
    }
}

/// Columns padded to their widest cell.
fn table<const N: usize>(rows: &[[String; N]]) -> String {
    let widths: Vec<usize> = (0..N)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}

fn entry_json(
    entry: &Entry,
    info: &Result<gguf::GgufInfo, gguf::GgufError>,
    in_use: bool,
) -> serde_json::Value {
    let mut value = serde_json::json!({
        "name": entry.name,
        "aliases": entry.aliases,
        "spec": entry.spec(),
        "path": entry.path,
        "parts": entry.parts.len(),
        "size": entry.size(),
        "source": entry.source,
        "in_use": in_use,
    });
    match info {
        Ok(info) => value["gguf"] = serde_json::to_value(info).unwrap_or_default(),
        Err(e) => value["error"] = e.to_string().into(),
    }
    value
}

/// Finds a model by name, alias or spec: its spec text for the config, and its file.
fn locate(ctx: &Context, name: &str) -> anyhow::Result<(String, PathBuf)> {
    let registry = registry(ctx)?;
    let catalog = catalog(ctx, &registry);
    if let Lookup::Found(entry) = catalog.find(name) {
        return Ok((entry.spec(), entry.path.clone()));
    }
    let spec = models::spec_for(
        name,
        &ctx.resolved.settings.models_dirs,
        &ctx.env,
        &ctx.paths,
    )?;
    let path = spec.locate(&ctx.paths.hf_hub_dir)?;
    let text = match &spec {
        ModelSpec::Path(p) => std::fs::canonicalize(p)
            .unwrap_or_else(|_| p.clone())
            .display()
            .to_string(),
        other => other.to_string(),
    };
    Ok((text, path))
}

fn info(ctx: &Context, name: &str, json: bool) -> anyhow::Result<()> {
    let (spec, path) = locate(ctx, name)?;
    let info = models::read_checked(&path)?;
    let gpu = gpu_fit(ctx, &info, &path);
    let mut out = std::io::stdout().lock();
    if json {
        let value = serde_json::json!({ "spec": spec, "path": path, "gguf": info, "gpu": gpu });
        serde_json::to_writer_pretty(&mut out, &value)?;
        writeln!(out)?;
        return Ok(());
    }
    let opt = |v: Option<u64>| v.map_or_else(|| "-".to_string(), |n| n.to_string());
    let experts = match (info.expert_count, info.expert_used_count) {
        (Some(n), Some(k)) if n > 1 => format!("{n} ({k} active per token)"),
        _ => "none (dense)".into(),
    };
    let rows = [
        ("spec", spec),
        ("path", path.display().to_string()),
        ("name", info.name.clone().unwrap_or_else(|| "-".into())),
        (
            "architecture",
            info.architecture.clone().unwrap_or_else(|| "-".into()),
        ),
        (
            "quantisation",
            info.quantization.clone().unwrap_or_else(|| "-".into()),
        ),
        (
            "parameters",
            format!(
                "{} ({})",
                human_count(info.parameter_count),
                info.parameter_count
            ),
        ),
        ("file size", human_bytes(info.file_size)),
        ("context length", opt(info.context_length)),
        ("embedding length", opt(info.embedding_length)),
        ("layers", opt(info.block_count)),
        ("attention heads", opt(info.head_count)),
        ("experts", experts),
        (
            "tokenizer",
            info.tokenizer.clone().unwrap_or_else(|| "-".into()),
        ),
        (
            "chat template",
            if info.has_chat_template {
                "yes"
            } else {
                "no (plain text prompts)"
            }
            .into(),
        ),
        ("tensors", info.tensor_count.to_string()),
        ("GGUF version", info.version.to_string()),
        ("on the GPU", describe_fit(gpu.as_ref())),
    ];
    for (key, value) in rows {
        writeln!(out, "{key:<17} {value}")?;
    }
    Ok(())
}

/// How much of the model llama.cpp's fitting would put on the GPUs' free
/// memory, with the configured context and `main_gpu`/`split_mode`.
fn gpu_fit(ctx: &Context, info: &GgufInfo, path: &Path) -> Option<Placement> {
    let s = &ctx.resolved.settings;
    let gpu = GpuOptions {
        layers: GpuLayers::Auto,
        ..s.gpu
    };
    let context = ContextPlan {
        per_sequence: s.context_size,
        sequences: 1,
        threads: s.effective_threads(),
        kv: s.kv,
    };
    load::placement(path, info.block_count?, info.file_size, gpu, context)
}

fn describe_fit(fit: Option<&Placement>) -> String {
    match fit {
        None => "no usable GPU".into(),
        Some(p) if p.layers >= p.of => format!(
            "fits: all {} layers (about {} of weights)",
            p.of,
            human_bytes(p.weights_bytes)
        ),
        Some(p) if p.layers == 0 => "does not fit: it would run on the CPU".into(),
        Some(p) => format!(
            "partly: {} of {} layers fit in free memory, the rest run on the CPU",
            p.layers, p.of
        ),
    }
}

fn add(ctx: &Context, path: &Path) -> anyhow::Result<()> {
    let path = std::fs::canonicalize(path).map_err(|e| {
        Hinted::new(
            format!("cannot find {}: {e}", path.display()),
            "give the path of a .gguf file",
        )
    })?;
    models::read_checked(&path)?;
    let mut registry = registry(ctx)?;
    if !registry.add_file(path.clone()) {
        ctx.printer
            .status(&format!("{} is already registered", path.display()));
        return Ok(());
    }
    registry.save(&ctx.paths.model_registry)?;
    let name = catalog_name(ctx, &path).unwrap_or_default();
    ctx.printer.status(&format!(
        "Registered {name} ({}); use it with: flashchat models use {name}",
        path.display()
    ));
    Ok(())
}

fn remove(ctx: &Context, name: &str, yes: bool) -> anyhow::Result<()> {
    let mut registry = registry(ctx)?;
    let catalog = catalog(ctx, &registry);
    let entry = match catalog.find(name) {
        Lookup::Found(entry) => entry.clone(),
        Lookup::Missing => {
            return Err(Hinted::new(
                format!("no model called `{name}` is on disk"),
                "`flashchat models` lists them",
            )
            .into())
        }
        Lookup::Ambiguous(names) => {
            return Err(Hinted::new(
                format!("`{name}` could mean {}", names.join(", ")),
                "type more of the name",
            )
            .into())
        }
    };
    let registered_only = entry.source == Source::Registered;
    let action = if registered_only {
        format!("Forget {} (the file stays where it is)?", entry.name)
    } else {
        format!(
            "Delete {} ({}, {})?",
            entry.name,
            human_bytes(entry.size()),
            entry.path.display()
        )
    };
    if !yes
        && !crate::ask::confirm(
            &action,
            &format!("refusing to remove {} without confirmation", entry.name),
            "--yes",
        )?
    {
        ctx.printer.status("Nothing removed.");
        return Ok(());
    }
    let in_use = configured_path(ctx).is_some_and(|p| entry.answers_to(&p.display().to_string()));
    registry
        .files
        .retain(|f| !entry.answers_to(&f.display().to_string()));
    registry
        .aliases
        .retain(|_, target| !entry.answers_to(target));
    registry.save(&ctx.paths.model_registry)?;
    if !registered_only {
        for part in &entry.parts {
            match entry.source {
                Source::HfCache { .. } => remove_cached(part),
                _ => std::fs::remove_file(part)
                    .with_context(|| format!("cannot delete {}", part.display()))?,
            }
        }
    }
    let verb = if registered_only { "Forgot" } else { "Deleted" };
    ctx.printer.status(&format!("{verb} {}.", entry.name));
    if in_use {
        ctx.printer.warn(&format!(
            "{} was the default model; choose another with `flashchat models use NAME`",
            entry.name
        ));
    }
    Ok(())
}

fn set_alias(ctx: &Context, alias: &str, name: &str) -> anyhow::Result<()> {
    let valid = !alias.is_empty()
        && !alias.ends_with(".gguf")
        && alias
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !valid {
        return Err(Hinted::new(
            format!("`{alias}` cannot be an alias"),
            "use letters, digits, '-', '_' and '.', not ending in .gguf",
        )
        .into());
    }
    let (spec, _path) = locate(ctx, name)?;
    let mut registry = registry(ctx)?;
    let previous = registry.aliases.insert(alias.to_string(), spec.clone());
    registry.save(&ctx.paths.model_registry)?;
    match previous {
        Some(old) if old != spec => ctx
            .printer
            .status(&format!("{alias} now means {spec} (was {old})")),
        _ => ctx.printer.status(&format!("{alias} means {spec}")),
    }
    Ok(())
}

/// Writes `model = spec` into the config, and switches a running server.
fn make_default(ctx: &Context, spec: &str, path: &Path) -> anyhow::Result<()> {
    let config = ctx
        .resolved
        .config_file
        .clone()
        .unwrap_or_else(|| ctx.paths.config_file.clone());
    edit::set_values(
        &config,
        &[(keys::MODEL, toml::Value::String(spec.to_string()))],
    )?;
    ctx.printer
        .status(&format!("Default model: {spec} (in {})", config.display()));
    match ctx.resolved.origin(keys::MODEL) {
        Origin::Env(var) => ctx
            .printer
            .warn(&format!("{var} is set and overrides the config file")),
        Origin::Cli(flag) => ctx
            .printer
            .warn(&format!("{flag} given: this run still used that model")),
        _ => {}
    }
    switch_server(ctx, path)
}

/// Switches flashchat's running server, if there is one, to the model at `path`.
fn switch_server(ctx: &Context, path: &Path) -> anyhow::Result<()> {
    let ServerState::Running(record) = pidfile::inspect(&ctx.paths.pid_file) else {
        return Ok(());
    };
    if record.url.is_empty() {
        return Ok(());
    }
    let name = models::served_name(path);
    if record.model == name {
        return Ok(());
    }
    let client = Client::new(&record.url, ctx.resolved.settings.server.api_key.clone());
    crate::backend::switch_server(&client, path, &name, &ctx.printer)?;
    ctx.printer
        .status(&format!("The server at {} now serves {name}.", record.url));
    Ok(())
}
