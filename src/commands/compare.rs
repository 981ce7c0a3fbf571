//! `flashchat compare`: one question to several models through the
//! server's router, the answers side by side (stacked when the terminal is
//! narrow or output is piped), as JSON, or saved as a Markdown table.

use std::io::{IsTerminal, Write};

use crate::cli::CompareArgs;
use crate::compare::{self, Answer};
use crate::engine::Message;
use crate::errors::{Hinted, Interrupted};
use crate::role::Role;
use crate::settings::{keys, Origin};
use crate::Context;

pub fn run(ctx: &Context, args: &CompareArgs) -> anyhow::Result<()> {
    if args.models.len() < 2 {
        return Err(Hinted::new(
            "compare needs at least two models",
            "name each with -m: flashchat compare -m MODEL_A -m MODEL_B \"question\"",
        )
        .into());
    }
    let prompt = super::prompt::prompt_text(&args.text)?;
    // A server started for the comparison starts with the first model.
    let resolved = ctx
        .resolved
        .with_layer(
            &Origin::Cli("--with"),
            [(keys::MODEL, toml::Value::String(args.models[0].clone()))],
        )
        .map_err(|e| Hinted::new(e, "name models as `flashchat models` shows them"))?;
    let settings = &resolved.settings;
    let mut messages = Vec::new();
    if let Some(system) = settings.system_prompt.clone().filter(|s| !s.is_empty()) {
        messages.push(Message::new(Role::System, system));
    }
    messages.push(Message::new(Role::User, prompt.clone()));
    let fields = super::request_fields(settings, None);

    let server = super::ServerLease::connect(ctx, &resolved)?;
    let cancel = crate::interrupt::cleared_flag();
    let mut answers = Vec::new();
    for model in &args.models {
        let answer = ask_showing_progress(ctx, &server, model, &messages, &fields, &cancel);
        answers.push(answer);
        if cancel.load(std::sync::atomic::Ordering::Relaxed) {
            break;
        }
    }
    server.stop_if_started(ctx);
    if cancel.load(std::sync::atomic::Ordering::Relaxed) {
        return Err(Interrupted.into());
    }

    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&compare::json(&prompt, &answers))?
        )?;
    } else {
        let width = std::io::stdout()
            .is_terminal()
            .then(|| crossterm::terminal::size().ok())
            .flatten()
            .map(|(columns, _)| columns as usize);
        let shown = width.and_then(|w| compare::side_by_side(&answers, w));
        write!(
            out,
            "{}",
            shown.unwrap_or_else(|| compare::stacked(&answers))
        )?;
    }
    out.flush()?;
    if let Some(path) = &args.save {
        crate::fsutil::write_atomically(path, compare::markdown(&prompt, &answers).as_bytes())?;
        ctx.printer
            .status(&format!("Saved the comparison to {}.", path.display()));
    }
    let failed: Vec<&Answer> = answers.iter().filter(|a| a.error.is_some()).collect();
    if let Some(first) = failed.first() {
        return Err(Hinted::new(
            format!(
                "{} of {} models did not answer; {}: {}",
                failed.len(),
                answers.len(),
                first.model,
                first.error.clone().unwrap_or_default()
            ),
            "`flashchat models` lists the models the server can load by name",
        )
        .into());
    }
    Ok(())
}

/// Asks one model, with a spinner counting its tokens on a terminal.
fn ask_showing_progress(
    ctx: &Context,
    server: &super::ServerLease,
    model: &str,
    messages: &[Message],
    fields: &serde_json::Map<String, serde_json::Value>,
    cancel: &std::sync::atomic::AtomicBool,
) -> Answer {
    let spinner = ctx.printer.spinner(&format!("Asking {model}…"));
    let mut pieces = 0;
    let answer = compare::ask(&server.client, model, messages, fields, cancel, |_| {
        pieces += 1;
        if let Some(bar) = &spinner {
            bar.set_message(format!("Asking {model}… {pieces} tokens"));
        }
    });
    if let Some(bar) = spinner {
        bar.finish_and_clear();
    }
    answer
}
