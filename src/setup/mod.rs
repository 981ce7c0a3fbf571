//! First-run setup: the "is everything there?" check every model-using
//! command makes, and the wizard it starts on a terminal.

mod wizard;

use crate::backend::{self, Backend};
use crate::engine::output::OutputParser;
use crate::engine::{GenerateRequest, Message, PromptInput};
use crate::errors::Hinted;
use crate::models;
use crate::paths::{Env, Paths};
use crate::printer::Printer;
use crate::role::Role;
use crate::server::pidfile::{self, ServerState};
use crate::settings::{Resolved, UseServer};

pub use wizard::{run as wizard, Surroundings};

/// A model that small, recommended for trying flashchat out.
pub const STARTER_MODEL: &str = "ggml-org/gemma-3-1b-it-GGUF";

/// What the check found.
pub enum Readiness {
    Ready,
    /// The configured model cannot be used: why, and what fixes it.
    MissingModel(Hinted),
}

/// Whether a command that generates can run: the configured model resolves
/// to a readable GGUF, or answers come from a server (`server.url`, or
/// flashchat's own server already running).
pub fn check(resolved: &Resolved, env: &Env, paths: &Paths) -> Readiness {
    let s = &resolved.settings;
    let remote = s.server.url.is_some() && s.use_server != UseServer::Never;
    let running = s.use_server != UseServer::Never
        && matches!(pidfile::inspect(&paths.pid_file), ServerState::Running(_));
    if remote || running {
        return Readiness::Ready;
    }
    match models::resolve(resolved, env, paths) {
        Ok(_) => Readiness::Ready,
        Err(e) => Readiness::MissingModel(with_fix(e, s.model.is_none())),
    }
}

/// Adds the commands that fix a missing model to the error's hint.
fn with_fix(error: Hinted, unconfigured: bool) -> Hinted {
    if unconfigured {
        return Hinted::new(
            "no model is configured",
            format!(
                "run `flashchat config --reset` on a terminal to pick one, or download a small one \
                 with `flashchat models pull {STARTER_MODEL}` (it becomes the default), or use a \
                 file you have with `flashchat models use PATH.gguf`"
            ),
        );
    }
    let hint = format!(
        "{}; or run `flashchat config --reset` on a terminal to choose a model",
        error.hint
    );
    Hinted::new(error.message, hint)
}

/// One short generation with the new settings, proving the model works.
pub fn test_generation(
    resolved: &Resolved,
    env: &Env,
    paths: &Paths,
    printer: &Printer,
) -> anyhow::Result<String> {
    let backend = crate::reporters::spinning(printer, "Loading the model for a test…", || {
        Backend::open(resolved, env, paths, printer)
    });
    let backend = backend?;
    let request = GenerateRequest {
        prompt: PromptInput::Chat(vec![Message::new(
            Role::User,
            "Say hello to a new user in one short sentence.",
        )]),
        max_tokens: 32,
        stop: Vec::new(),
        sampling: backend::sampling(&resolved.settings),
        cancel: crate::interrupt::cleared_flag(),
        constraint: None,
        logprobs: None,
        tools: None,
        logit_bias: Vec::new(),
        template_variables: Default::default(),
    };
    let answer = backend.answer(&request, OutputParser::for_settings(true), |_| Ok(()))?;
    let text = answer.parsed.answer;
    let line = text.lines().map(str::trim).find(|l| !l.is_empty());
    Ok(line
        .unwrap_or("(the model answered with nothing)")
        .to_string())
}
