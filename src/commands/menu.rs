//! `flashchat` with no arguments on a terminal: a status header and a menu
//! of the everyday actions; each action returns to the menu.

use clap::Parser;
use dialoguer::theme::ColorfulTheme;
use dialoguer::Select;

use crate::bench::Target;
use crate::cli::{ChatArgs, Cli, Command, ModelsArgs, ModelsCommand, SessionsArgs, StatusArgs};
use crate::commands::benchmark as benchmark_cmd;
use crate::commands::models as models_cmd;
use crate::commands::{chat, sessions, status};
use crate::models;
use crate::server::pidfile::{self, ServerState};
use crate::sessions::export::{age, shorten};
use crate::sessions::{now, SessionStore};
use crate::Context;

enum Action {
    NewChat,
    Workspace,
    Resume,
    StartServer,
    StopServer,
    Status,
    Sessions,
    Models,
    Configure,
    Benchmark,
    Quit,
}

pub fn run(ctx: Context) -> anyhow::Result<()> {
    let theme = ColorfulTheme::default();
    let mut ctx = ctx;
    loop {
        // An action may have changed the config (Configure, Models).
        if let Ok(fresh) = ctx.reload_settings() {
            ctx = ctx.with_settings(fresh);
        }
        let ctx = &ctx;
        eprintln!("\n{}", header(ctx));
        let running = matches!(
            pidfile::inspect(&ctx.paths.pid_file),
            ServerState::Running(_)
        );
        let actions = [
            ("New chat", Action::NewChat),
            (
                "Workspace (full-screen: chat, sessions, models, metrics, log)",
                Action::Workspace,
            ),
            ("Resume chat", Action::Resume),
            if running {
                ("Stop server", Action::StopServer)
            } else {
                ("Start server", Action::StartServer)
            },
            ("Status", Action::Status),
            ("Sessions", Action::Sessions),
            ("Models", Action::Models),
            ("Configure", Action::Configure),
            ("Benchmark", Action::Benchmark),
            ("Quit", Action::Quit),
        ];
        let labels: Vec<&str> = actions.iter().map(|(label, _)| *label).collect();
        let Some(choice) = Select::with_theme(&theme)
            .with_prompt("What next?")
            .items(&labels)
            .default(0)
            .interact_opt()?
        else {
            return Ok(());
        };
        let outcome = match &actions[choice].1 {
            Action::NewChat => chat::run(ctx, &chat_args(None)),
            Action::Workspace => super::tui::run(ctx, &chat_args(None)),
            Action::Resume => resume(ctx, &theme),
            Action::StartServer => start_server(ctx),
            Action::StopServer => super::stop_server(ctx, false),
            Action::Status => status::run(ctx, &StatusArgs { json: false }),
            Action::Sessions => sessions::run(
                ctx,
                &SessionsArgs {
                    command: None,
                    json: false,
                },
            ),
            Action::Models => pick_model(ctx, &theme),
            Action::Benchmark => benchmark(ctx, &theme),
            Action::Configure => super::wizard(ctx).map(|_| ()),
            Action::Quit => return Ok(()),
        };
        if let Err(e) = outcome {
            crate::errors::report(&e);
        }
    }
}

/// The models on disk; choosing one makes it the default (and switches a
/// running server), or download another.
fn pick_model(ctx: &Context, theme: &ColorfulTheme) -> anyhow::Result<()> {
    models_cmd::run(
        ctx,
        &ModelsArgs {
            command: None,
            json: false,
        },
    )?;
    let catalog = crate::models::on_disk(&ctx.paths, &ctx.env, &ctx.resolved.settings.models_dirs)?;
    let mut labels: Vec<String> = catalog
        .entries
        .iter()
        .map(|e| format!("Use {}", e.name))
        .collect();
    labels.push("Download a model from Hugging Face…".into());
    labels.push("Back".into());
    let Some(choice) = Select::with_theme(theme)
        .with_prompt("Models")
        .items(&labels)
        .default(labels.len() - 1)
        .interact_opt()?
    else {
        return Ok(());
    };
    let command = match choice {
        i if i < catalog.entries.len() => ModelsCommand::Use {
            name: catalog.entries[i].spec(),
        },
        i if i == catalog.entries.len() => {
            let spec: String = dialoguer::Input::with_theme(theme)
                .with_prompt("Hugging Face repo, e.g. ggml-org/gemma-3-4b-it-GGUF:Q4_K_M")
                .interact_text()?;
            ModelsCommand::Pull { spec }
        }
        _ => return Ok(()),
    };
    models_cmd::run(
        ctx,
        &ModelsArgs {
            command: Some(command),
            json: false,
        },
    )
}

fn chat_args(resume: Option<String>) -> ChatArgs {
    ChatArgs {
        resume,
        persona: None,
        no_tools: false,
        mcp: Vec::new(),
        tool_choice: None,
    }
}

/// `flashchat · model … · server … · N sessions`
fn header(ctx: &Context) -> String {
    let model = match models::resolve(&ctx.resolved, &ctx.env, &ctx.paths) {
        Ok(m) => m.spec.to_string(),
        Err(e) => e.message,
    };
    let server = match pidfile::inspect(&ctx.paths.pid_file) {
        ServerState::Running(record) => format!("running at {}", record.url),
        _ => "not running".to_string(),
    };
    let count = SessionStore::new(&ctx.paths.sessions_dir).list().len();
    ctx.printer.dim(&format!(
        "flashchat · model: {model} · server: {server} · {count} sessions"
    ))
}

fn resume(ctx: &Context, theme: &ColorfulTheme) -> anyhow::Result<()> {
    let sessions = SessionStore::new(&ctx.paths.sessions_dir).list();
    if sessions.is_empty() {
        eprintln!("No saved sessions yet.");
        return Ok(());
    }
    let now = now();
    let labels: Vec<String> = sessions
        .iter()
        .take(30)
        .enumerate()
        .map(|(i, s)| {
            let title = if s.title.is_empty() {
                "(untitled)"
            } else {
                &s.title
            };
            format!(
                "[{}] {} · {} turns · {}",
                i + 1,
                shorten(title, 50),
                s.turns,
                age(now - s.updated)
            )
        })
        .collect();
    let Some(choice) = Select::with_theme(theme)
        .with_prompt("Resume which chat?")
        .items(&labels)
        .default(0)
        .interact_opt()?
    else {
        return Ok(());
    };
    chat::run(ctx, &chat_args(Some(sessions[choice].id.clone())))
}

/// Picks a target and runs it with its defaults, as `flashchat benchmark
/// TARGET` would.
fn benchmark(ctx: &Context, theme: &ColorfulTheme) -> anyhow::Result<()> {
    let labels: Vec<String> = Target::ALL
        .iter()
        .map(|t| format!("{:<10} {}", t.name(), t.summary()))
        .collect();
    let Some(choice) = Select::with_theme(theme)
        .with_prompt("Which benchmark?")
        .items(&labels)
        .default(4)
        .interact_opt()?
    else {
        return Ok(());
    };
    // Parsed like the command line, so the menu gets the same defaults.
    let line = ["flashchat", "benchmark", Target::ALL[choice].name()];
    match Cli::try_parse_from(line)?.command {
        Some(Command::Benchmark(args)) => benchmark_cmd::run(ctx, &args),
        _ => anyhow::bail!("`flashchat benchmark {}` did not parse", line[2]),
    }
}

fn start_server(ctx: &Context) -> anyhow::Result<()> {
    let model = models::resolve(&ctx.resolved, &ctx.env, &ctx.paths)?;
    super::start_server(ctx, &model, false).map(drop)
}
