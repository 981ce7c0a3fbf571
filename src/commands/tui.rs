//! `flashchat tui`: the full-screen workspace, on the same server, model,
//! sessions and tools as `flashchat chat`.

use std::io::IsTerminal;

use crate::backend::Backend;
use crate::cli::ChatArgs;
use crate::conversation::Conversation;
use crate::errors::Hinted;
use crate::printer::Printer;
use crate::server::pidfile::{self, ServerState};
use crate::tui::Workspace;
use crate::Context;

/// The workspace needs a terminal to draw on and read keys from.
pub fn check_terminal() -> anyhow::Result<()> {
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return Ok(());
    }
    Err(Hinted::new(
        "flashchat tui needs a terminal (stdin and stdout are not one)",
        "run it in a terminal; in a script, `flashchat chat` reads messages from stdin",
    )
    .into())
}

pub fn run(ctx: &Context, args: &ChatArgs) -> anyhow::Result<()> {
    check_terminal()?;
    let resolved = match &args.persona {
        Some(name) => {
            crate::personas::load(&ctx.paths.personas_dir, name)?.layered_on(&ctx.resolved)?
        }
        None => ctx.resolved.clone(),
    };
    let resume = super::chat::resumed(ctx, args)?;
    super::chat::ensure_server(ctx)?;
    // Loading and switching report nothing on the screen the workspace owns.
    let quiet = Printer::new(true, 0, crate::settings::ColorMode::Never, true);
    let backend = Backend::open(&resolved, &ctx.env, &ctx.paths, &quiet)?;
    let (log, source) = match backend.server_client() {
        Some(client) => {
            let ours = matches!(pidfile::inspect(&ctx.paths.pid_file),
                ServerState::Running(record) if record.url == client.base());
            (
                ours.then(|| ctx.paths.server_log()),
                client.base().to_string(),
            )
        }
        None => (Some(ctx.paths.engine_log()), "in this process".to_string()),
    };
    let mut conversation = Conversation::new(&resolved.settings, &ctx.paths, backend);
    if let Some(toolbox) = super::chat::toolbox(ctx, args)? {
        conversation.set_toolbox(toolbox);
    }
    crate::tui::run(Workspace {
        conversation,
        resolved: &resolved,
        env: &ctx.env,
        paths: &ctx.paths,
        resume,
        log,
        source,
    })
}
