//! `flashchat chat`: start (or reuse) the server, then chat; `--resume`
//! continues a saved session with its turns back in the model's context.

use crate::backend::Backend;
use crate::cli::ChatArgs;
use crate::errors::Hinted;
use crate::mcp::Toolbox;
use crate::models;
use crate::personas;
use crate::repl::Chat;
use crate::server::pidfile::{self, ServerState};
use crate::sessions::{Session, SessionStore};
use crate::settings::UseServer;
use crate::Context;

pub fn run(ctx: &Context, args: &ChatArgs) -> anyhow::Result<()> {
    let persona = match &args.persona {
        Some(name) => Some(personas::load(&ctx.paths.personas_dir, name)?),
        None => None,
    };
    let resumed = resumed(ctx, args)?;
    ensure_server(ctx)?;
    let backend = Backend::open(&ctx.resolved, &ctx.env, &ctx.paths, &ctx.printer)?;
    let mut chat = Chat::new(&ctx.resolved, &ctx.env, &ctx.paths, &ctx.printer, backend);
    if let Some(persona) = persona {
        chat = chat.with_persona(persona)?;
    }
    if let Some(session) = resumed {
        chat = chat.resuming(session);
    }
    if let Some(toolbox) = toolbox(ctx, args)? {
        chat = chat.with_tools(toolbox);
    }
    chat.run()
}

/// The session `--resume` names, read.
pub(super) fn resumed(ctx: &Context, args: &ChatArgs) -> anyhow::Result<Option<Session>> {
    let Some(key) = &args.resume else {
        return Ok(None);
    };
    let store = SessionStore::new(&ctx.paths.sessions_dir);
    let id = store.resolve(key).map_err(|e| {
        Hinted::new(
            e.to_string(),
            "`flashchat sessions` lists the saved sessions",
        )
    })?;
    Ok(Some(store.load(&id)?))
}

/// The MCP servers the chat offers: those `--mcp` names, or every
/// configured one (those disabled in the config start off, for `/tools on`).
pub(super) fn toolbox(ctx: &Context, args: &ChatArgs) -> anyhow::Result<Option<Toolbox>> {
    let configured = &ctx.resolved.settings.mcp_servers;
    if args.no_tools || configured.is_empty() {
        return Ok(None);
    }
    let servers = if args.mcp.is_empty() {
        configured.clone()
    } else {
        crate::mcp::chosen(configured, &args.mcp)?
    };
    Ok(Some(Toolbox::new(servers)?))
}

/// Chat talks to a server: start one unless one runs, another server is
/// configured, or the settings ask for the model in-process.
pub(super) fn ensure_server(ctx: &Context) -> anyhow::Result<()> {
    let s = &ctx.resolved.settings;
    let running = matches!(
        pidfile::inspect(&ctx.paths.pid_file),
        ServerState::Running(_)
    );
    if s.use_server == UseServer::Never || s.server.url.is_some() || running {
        return Ok(());
    }
    let model = models::resolve(&ctx.resolved, &ctx.env, &ctx.paths)?;
    let started = super::start_server(ctx, &model, false)?;
    ctx.printer.status(&format!(
        "Started the server at {}; `flashchat serve --stop` stops it.",
        started.url
    ));
    Ok(())
}
