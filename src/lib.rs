//! flashchat: parse the command line, resolve settings once, dispatch to one
//! command with a plain `match`.

pub mod agent;
pub mod ask;
pub mod backend;
pub mod batch;
pub mod bench;
pub mod cli;
pub mod client;
pub mod commands;
pub mod compare;
mod context;
pub mod conversation;
pub mod docs;
pub mod editor;
pub mod engine;
pub mod env_vars;
pub mod errors;
pub mod front_matter;
pub mod fsutil;
pub mod human;
pub mod interrupt;
pub mod keymap;
mod logging;
pub mod mcp;
pub mod models;
pub mod paths;
pub mod personas;
pub mod printer;
pub mod repl;
pub mod reporters;
pub mod role;
pub mod server;
pub mod sessions;
pub mod settings;
pub mod setup;
pub mod templates;
pub mod tui;
pub mod wire;

use clap::{CommandFactory, Parser};
use toml::Value;

use crate::cli::{Cli, ColorChoice, Command, GlobalArgs};
use crate::paths::{Env, Paths};
use crate::printer::Printer;
use crate::settings::{keys, CliOverride};

pub use context::Context;

/// Runs flashchat and returns the process exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return e.exit_code();
        }
    };
    let outcome = match cli.command {
        Some(command) => dispatch(&cli.global, command),
        // The menu needs someone to answer it; otherwise show the help.
        None if ask::interactive() => context(&cli.global, None)
            .and_then(set_up_if_needed)
            .and_then(commands::menu::run),
        None => {
            let _ = Cli::command().write_help(&mut std::io::stderr());
            return errors::exit::USAGE;
        }
    };
    match outcome {
        Ok(()) => 0,
        Err(e) => errors::report(&e),
    }
}

fn dispatch(global: &GlobalArgs, command: Command) -> anyhow::Result<()> {
    if let Command::Completions(args) = &command {
        return commands::completions::run(args);
    }
    if let Command::Tui(_) = &command {
        commands::tui::check_terminal()?;
    }
    let mut ctx = context(global, Some(&command))?;
    if needs_model(&command) && !template_names_model(&ctx, &command)? {
        ctx = set_up_if_needed(ctx)?;
    }
    match command {
        Command::Prompt(args) => commands::prompt::run(&ctx, &args),
        Command::Embed(args) => commands::embed::run(&ctx, &args),
        Command::Batch(args) => commands::batch::run(&ctx, &args),
        Command::Compare(args) => commands::compare::run(&ctx, &args),
        Command::Ps(args) => commands::ps::run(&ctx, &args),
        Command::Cache(args) => commands::cache::run(&ctx, &args),
        Command::Mcp(args) => commands::mcp::run(&ctx, &args),
        Command::Templates(args) => commands::templates::run(&ctx, &args),
        Command::Status(args) => commands::status::run(&ctx, &args),
        Command::Config(args) => commands::config::run(&ctx, &args),
        Command::Chat(args) => commands::chat::run(&ctx, &args),
        Command::Tui(args) => commands::tui::run(&ctx, &args),
        Command::Serve(args) => commands::serve::run(&ctx, &args),
        Command::Sessions(args) => commands::sessions::run(&ctx, &args),
        Command::Models(args) => commands::models::run(&ctx, &args),
        Command::Benchmark(args) => commands::benchmark::run(&ctx, &args),
        Command::Completions(_) => unreachable!("handled before settings are read"),
    }
}

/// Commands that generate, and so need a model (or a server).
fn needs_model(command: &Command) -> bool {
    match command {
        Command::Chat(_) | Command::Tui(_) | Command::Prompt(_) | Command::Embed(_) => true,
        Command::Serve(s) => !s.stop && !s.logs,
        Command::Batch(b) => !b.dry_run,
        _ => false,
    }
}

/// Whether `prompt -t NAME`'s template picks the model for this run (it
/// ranks above the config and the environment, below flags). The configured
/// model does not matter then, and the wizard could not help: a missing
/// template model is reported when the prompt loads it.
fn template_names_model(ctx: &Context, command: &Command) -> anyhow::Result<bool> {
    let Command::Prompt(cli::PromptArgs {
        template: Some(name),
        ..
    }) = command
    else {
        return Ok(false);
    };
    let template = templates::load(&ctx.paths.templates_dir, name)?;
    let resolved = template.layered_on(&ctx.resolved)?;
    Ok(matches!(
        resolved.origin(keys::MODEL),
        settings::Origin::Template(_)
    ))
}

/// Checks the model is there; if not, runs the setup wizard on a terminal
/// and fails with the fixing command otherwise. A model named by a flag or
/// an environment variable is the user's explicit choice: no wizard then.
fn set_up_if_needed(ctx: Context) -> anyhow::Result<Context> {
    let setup::Readiness::MissingModel(problem) = setup::check(&ctx.resolved, &ctx.env, &ctx.paths)
    else {
        return Ok(ctx);
    };
    if ctx.resolved.is_explicit(keys::MODEL) || !ask::interactive() {
        return Err(problem.into());
    }
    ctx.printer
        .warn(&format!("{}: let's set one up.", problem.message));
    commands::wizard(&ctx)
}

fn context(global: &GlobalArgs, command: Option<&Command>) -> anyhow::Result<Context> {
    let env = Env::from_process();
    let paths = Paths::discover(&env)?;
    let log = match command {
        Some(Command::Serve(_)) => paths.server_log(),
        _ => paths.engine_log(),
    };
    logging::init(&log, global.verbose);
    let cli = cli_overrides(global, command);
    let resolved = settings::resolve(&env, &paths, global.config.as_deref(), &cli)?;
    let printer = Printer::new(
        global.quiet,
        global.verbose,
        resolved.settings.color,
        env.get(env_vars::NO_COLOR).is_some(),
    );
    if resolved.created_config {
        printer.status(&format!(
            "Created {} with commented defaults.",
            paths.config_file.display()
        ));
    }
    for warning in &resolved.warnings {
        printer.warn(warning);
    }
    Ok(Context::new(
        env,
        paths,
        resolved,
        printer,
        global.config.clone(),
        cli,
    ))
}

/// Settings given as flags, as the highest-precedence layer.
fn cli_overrides(global: &GlobalArgs, command: Option<&Command>) -> Vec<CliOverride> {
    let mut out = Vec::new();
    let mut push = |key, value: Option<Value>, flag| {
        if let Some(value) = value {
            out.push(CliOverride { key, value, flag });
        }
    };
    push(
        keys::MODEL,
        global.model.clone().map(Value::String),
        "--model",
    );
    let color = global.color.map(|c| match c {
        ColorChoice::Auto => "auto",
        ColorChoice::Always => "always",
        ColorChoice::Never => "never",
    });
    push(
        keys::COLOR,
        color.map(|c| Value::String(c.into())),
        "--color",
    );
    push(
        keys::CHAT_TEMPLATE,
        global
            .chat_template
            .as_ref()
            .map(|p| Value::String(p.display().to_string())),
        "--chat-template",
    );
    let text = |value: &Option<String>| value.as_ref().map(|v| Value::String(v.clone()));
    push(
        keys::CACHE_TYPE_K,
        text(&global.cache_type_k),
        "--cache-type-k",
    );
    push(
        keys::CACHE_TYPE_V,
        text(&global.cache_type_v),
        "--cache-type-v",
    );
    push(
        keys::FLASH_ATTENTION,
        text(&global.flash_attention),
        "--flash-attention",
    );
    push(
        keys::SWA_FULL,
        global.swa_full.then_some(Value::Boolean(true)),
        "--swa-full",
    );
    push(keys::GPU_LAYERS, text(&global.gpu_layers), "--gpu-layers");
    push(
        keys::MAIN_GPU,
        global.main_gpu.map(Value::Integer),
        "--main-gpu",
    );
    push(keys::SPLIT_MODE, text(&global.split_mode), "--split-mode");
    if let Some(Command::Chat(c) | Command::Tui(c)) = command {
        push(
            keys::AGENT_TOOL_CHOICE,
            text(&c.tool_choice),
            "--tool-choice",
        );
    }
    if let Some(Command::Prompt(p)) = command {
        push(
            keys::AGENT_TOOL_CHOICE,
            text(&p.tool_choice),
            "--tool-choice",
        );
        push(
            keys::AGENT_MAX_STEPS,
            p.max_steps.map(Value::Integer),
            "--max-steps",
        );
        let local = p.local.then(|| Value::String("never".into()));
        push(keys::USE_SERVER, local, "--local");
    }
    let answer = match command {
        Some(Command::Prompt(p)) => Some(&p.answer),
        Some(Command::Batch(b)) => Some(&b.answer),
        Some(Command::Compare(c)) => Some(&c.answer),
        _ => None,
    };
    if let Some(a) = answer {
        push(keys::MAX_TOKENS, a.tokens.map(Value::Integer), "--tokens");
        push(
            keys::TEMPERATURE,
            a.temperature.map(Value::Float),
            "--temperature",
        );
        push(keys::TOP_P, a.top_p.map(Value::Float), "--top-p");
        push(keys::SEED, a.seed.map(Value::Integer), "--seed");
        push(
            keys::SYSTEM_PROMPT,
            a.system.clone().map(Value::String),
            "--system",
        );
    }
    if let Some(Command::Batch(b)) = command {
        push(
            keys::SERVER_PARALLEL,
            b.parallel.map(|n| Value::Integer(n.into())),
            "--parallel",
        );
    }
    if let Some(Command::Serve(s)) = command {
        let int = |n: Option<u32>| n.map(|n| Value::Integer(n.into()));
        push(
            keys::SERVER_HOST,
            s.host.clone().map(Value::String),
            "--host",
        );
        push(keys::SERVER_PORT, int(s.port.map(u32::from)), "--port");
        push(keys::SERVER_PARALLEL, int(s.parallel), "--parallel");
        push(
            "server.api_key",
            s.api_key.clone().map(Value::String),
            "--api-key",
        );
    }
    out
}
