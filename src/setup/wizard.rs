//! The setup wizard: choose a model (on disk, recommended, any Hugging Face
//! repo, or a file path), download it if needed, set the everyday settings,
//! write the config (showing what changed), and prove it works with one
//! short generation. Sessions, personas and history are left alone.

use std::path::PathBuf;

use anyhow::Context as _;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Input, Select};
use toml::Value;

use crate::ask;
use crate::errors::Hinted;
use crate::human::human_bytes;
use crate::models::download::Hub;
use crate::models::{self, ModelSpec};
use crate::paths::{expand_tilde, Env, Paths};
use crate::printer::Printer;
use crate::settings::keys;
use crate::settings::{edit, ColorMode, Origin, Resolved};

/// Models worth suggesting: spec, approximate download, what it is good for.
const RECOMMENDED: &[(&str, &str, &str)] = &[
    (
        "ggml-org/gemma-3-1b-it-GGUF:Q4_K_M",
        "0.8 GB",
        "small and quick: trying things out, short answers",
    ),
    (
        "bartowski/Llama-3.2-3B-Instruct-GGUF:Q4_K_M",
        "2.0 GB",
        "everyday chat and summaries on a laptop",
    ),
    (
        "ggml-org/gemma-3-4b-it-GGUF:Q4_K_M",
        "2.5 GB",
        "better writing and reasoning, still fast on a CPU",
    ),
    (
        "bartowski/Qwen2.5-Coder-7B-Instruct-GGUF:Q4_K_M",
        "4.7 GB",
        "programming help; wants 8 GB of free memory",
    ),
];

/// The model the user picked: what to write in the config, and the file.
struct Chosen {
    spec: String,
    path: PathBuf,
}

/// Where the wizard runs: the settings it starts from and where things are.
pub struct Surroundings<'a> {
    pub resolved: &'a Resolved,
    pub env: &'a Env,
    pub paths: &'a Paths,
    pub printer: &'a Printer,
}

/// Runs the wizard and writes the config. Returns the settings read again
/// by `reload` after the config file changed.
pub fn run(
    ctx: &Surroundings,
    reload: impl FnOnce() -> anyhow::Result<Resolved>,
) -> anyhow::Result<Resolved> {
    if !ask::interactive() {
        return Err(Hinted::new(
            "the setup wizard needs a terminal to ask its questions",
            "run it in a terminal, or set the model with `flashchat models use NAME` \
             (`flashchat models pull owner/repo` downloads one)",
        )
        .into());
    }
    let theme = ColorfulTheme::default();
    eprintln!(
        "flashchat setup: pick a model, then a few settings (Enter keeps the value shown).\n"
    );
    let chosen = choose_model(ctx, &theme)?;
    let mut values = ask_settings(ctx, &theme, &chosen)?;
    // A default the user kept stays a default: the file only records choices.
    values.retain(|(key, value)| {
        !(*ctx.resolved.origin(key) == Origin::Default
            && ctx.resolved.values.get(key).and_then(|(v, _)| v.as_ref()) == Some(value))
    });
    let config = ctx
        .resolved
        .config_file
        .clone()
        .unwrap_or_else(|| ctx.paths.config_file.clone());
    let change = edit::set_values(&config, &values)?;
    let diff = change.diff();
    if diff.is_empty() {
        eprintln!("\n{} is unchanged.", config.display());
    } else {
        eprintln!("\nWrote {}:", config.display());
        for line in diff {
            eprintln!("  {}", ctx.printer.dim(&line));
        }
    }
    eprintln!("Sessions, personas and history are kept.");
    let fresh = reload()?;
    match super::test_generation(&fresh, ctx.env, ctx.paths, ctx.printer) {
        Ok(hello) => eprintln!("\nTest generation: {hello}\nAll set."),
        Err(e) => {
            crate::errors::report(&e);
            eprintln!("The settings are saved; `flashchat status` shows what flashchat sees.");
        }
    }
    Ok(fresh)
}

fn choose_model(ctx: &Surroundings, theme: &ColorfulTheme) -> anyhow::Result<Chosen> {
    let catalog = models::on_disk(ctx.paths, ctx.env, &ctx.resolved.settings.models_dirs)?;
    let on_disk: Vec<_> = catalog.entries.iter().take(12).collect();
    let mut items: Vec<String> = on_disk
        .iter()
        .map(|e| format!("{}  ({}, on disk)", e.name, human_bytes(e.size())))
        .collect();
    items.extend(
        RECOMMENDED
            .iter()
            .map(|(spec, size, purpose)| format!("{spec}  (download ~{size}): {purpose}")),
    );
    items.push("Another Hugging Face model (owner/repo[:QUANT])…".into());
    items.push("A GGUF file on this machine (path)…".into());
    loop {
        let choice = Select::with_theme(theme)
            .with_prompt("Which model?")
            .items(&items)
            .default(0)
            .interact_opt()?
            .ok_or_else(|| {
                Hinted::new(
                    "setup cancelled",
                    "run `flashchat config --reset` to start again",
                )
            })?;
        let picked = if choice < on_disk.len() {
            let entry = on_disk[choice];
            Ok(Some(Chosen {
                spec: entry.spec(),
                path: entry.path.clone(),
            }))
        } else if choice < on_disk.len() + RECOMMENDED.len() {
            from_hub(ctx, theme, RECOMMENDED[choice - on_disk.len()].0)
        } else if choice == items.len() - 2 {
            let spec: String = Input::with_theme(theme)
                .with_prompt("Hugging Face repo, e.g. ggml-org/gemma-3-4b-it-GGUF:Q8_0")
                .interact_text()?;
            from_hub(ctx, theme, spec.trim())
        } else {
            from_path(ctx, theme)
        };
        match picked {
            Ok(Some(chosen)) => return Ok(chosen),
            Ok(None) => continue,
            // Say what went wrong and offer the list again.
            Err(e) => {
                crate::errors::report(&e);
            }
        }
    }
}

/// A Hugging Face model: used from the cache when there, otherwise
/// downloaded after a confirmation showing its size. `None`: not confirmed.
fn from_hub(
    ctx: &Surroundings,
    theme: &ColorfulTheme,
    text: &str,
) -> anyhow::Result<Option<Chosen>> {
    let spec = ModelSpec::parse(text, ctx.env)?;
    if let ModelSpec::Path(_) = spec {
        return Err(Hinted::new(
            format!("`{text}` is not a Hugging Face name"),
            "use owner/repo[:QUANT] or owner/repo/file.gguf",
        )
        .into());
    }
    if let Ok(path) = spec.locate(&ctx.paths.hf_hub_dir) {
        eprintln!("{spec} is already downloaded.");
        return Ok(Some(Chosen {
            spec: spec.to_string(),
            path,
        }));
    }
    let hub = Hub::new(ctx.env, &ctx.paths.hf_hub_dir)
        .map_err(|e| Hinted::new(e.to_string(), e.hint()))?;
    let plan = hub
        .plan(&spec)
        .map_err(|e| Hinted::new(e.to_string(), e.hint()))?;
    let size = plan
        .total_size()
        .map_or_else(|| "size unknown".into(), human_bytes);
    let go = Confirm::with_theme(theme)
        .with_prompt(format!(
            "Download {} ({size}) into {}?",
            plan.files[0].name,
            ctx.paths.hf_hub_dir.display()
        ))
        .default(true)
        .interact()?;
    if !go {
        return Ok(None);
    }
    let path = models::pull(
        ctx.env,
        ctx.paths,
        &spec,
        &crate::reporters::Download::new(ctx.printer),
    )?;
    Ok(Some(Chosen {
        spec: spec.to_string(),
        path,
    }))
}

fn from_path(ctx: &Surroundings, theme: &ColorfulTheme) -> anyhow::Result<Option<Chosen>> {
    let env = ctx.env.clone();
    let text: String = Input::with_theme(theme)
        .with_prompt("Path to a .gguf file")
        .validate_with(move |text: &String| -> Result<(), String> {
            models::read_checked(&expand_tilde(text.trim(), &env))
                .map(|_| ())
                .map_err(|e| e.message)
        })
        .interact_text()?;
    let path = expand_tilde(text.trim(), ctx.env);
    let path = std::fs::canonicalize(&path).unwrap_or(path);
    Ok(Some(Chosen {
        spec: path.display().to_string(),
        path,
    }))
}

fn ask_settings(
    ctx: &Surroundings,
    theme: &ColorfulTheme,
    chosen: &Chosen,
) -> anyhow::Result<Vec<(&'static str, Value)>> {
    let s = &ctx.resolved.settings;
    eprintln!("Model: {}", chosen.path.display());
    let max_tokens: u32 = Input::with_theme(theme)
        .with_prompt("Most tokens per answer")
        .default(s.max_tokens)
        .validate_with(|n: &u32| in_range(keys::MAX_TOKENS, f64::from(*n)))
        .interact_text()?;
    let temperature: f32 = Input::with_theme(theme)
        .with_prompt("Temperature (0 = always the likeliest word, 0.7 = varied)")
        .default(s.temperature)
        .validate_with(|t: &f32| in_range(keys::TEMPERATURE, f64::from(*t)))
        .interact_text()?;
    let top_p: f32 = Input::with_theme(theme)
        .with_prompt("Top-p (1 = off)")
        .default(s.top_p)
        .validate_with(|p: &f32| in_range(keys::TOP_P, f64::from(*p)))
        .interact_text()?;
    let host: String = Input::with_theme(theme)
        .with_prompt("Server address (127.0.0.1 = this machine only)")
        .default(s.server.host.clone())
        .interact_text()?;
    let port: u16 = Input::with_theme(theme)
        .with_prompt("Server port")
        .default(s.server.port)
        .validate_with(|p: &u16| in_range(keys::SERVER_PORT, f64::from(*p)))
        .interact_text()?;
    let show_thinking = Confirm::with_theme(theme)
        .with_prompt("Show the reasoning of thinking models?")
        .default(s.show_thinking)
        .interact()?;
    let colors = ["auto", "always", "never"];
    let current = match s.color {
        ColorMode::Auto => 0,
        ColorMode::Always => 1,
        ColorMode::Never => 2,
    };
    let color = Select::with_theme(theme)
        .with_prompt("Colour")
        .items(colors)
        .default(current)
        .interact()
        .context("cannot read the answer")?;
    Ok(vec![
        (keys::MODEL, Value::String(chosen.spec.clone())),
        (keys::MAX_TOKENS, Value::Integer(max_tokens.into())),
        (keys::TEMPERATURE, Value::Float(round(temperature))),
        (keys::TOP_P, Value::Float(round(top_p))),
        (keys::SERVER_HOST, Value::String(host.trim().to_string())),
        (keys::SERVER_PORT, Value::Integer(port.into())),
        (keys::SHOW_THINKING, Value::Boolean(show_thinking)),
        (keys::COLOR, Value::String(colors[color].into())),
    ])
}

/// Checks a typed number against the setting's range.
fn in_range(key: &str, value: f64) -> Result<(), String> {
    let bounds = keys::bounds(key);
    if bounds.contains(value) {
        Ok(())
    } else {
        Err(format!(
            "enter a number from {} to {}",
            bounds.min, bounds.max
        ))
    }
}

/// `0.7f32` is 0.699999988 as f64: keep the two decimals the user typed.
fn round(value: f32) -> f64 {
    (f64::from(value) * 1000.0).round() / 1000.0
}
