//! `flashchat prompt`: one answer, streamed to stdout.

use std::io::{IsTerminal, Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::Context as _;

use crate::cli::PromptArgs;
use crate::engine::{
    Completion, Engine, EngineConfig, EngineError, Event, EventStream, FinishReason,
    GenerateRequest, LoadReporter, Message, PromptInput, SamplingParams,
};
use crate::errors::{Hinted, Interrupted};
use crate::models::{self, ResolvedModel};
use crate::settings::Settings;
use crate::Context;

pub fn run(ctx: &Context, args: &PromptArgs) -> anyhow::Result<()> {
    let text = prompt_text(args)?;
    let settings = &ctx.resolved.settings;
    let model = models::resolve(&ctx.resolved, &ctx.env, &ctx.paths)?;
    let engine = load_engine(ctx, &model)?;

    let cancel = Arc::new(AtomicBool::new(false));
    let on_interrupt = Arc::clone(&cancel);
    // Only one handler per process; if one is already set, Ctrl-C keeps its
    // default meaning (end the process), which is still safe.
    let _ = ctrlc::set_handler(move || on_interrupt.store(true, Ordering::Relaxed));

    let request = GenerateRequest {
        prompt: prompt_input(args, settings, text),
        max_tokens: settings.max_tokens,
        stop: args.stop.clone(),
        sampling: sampling(settings),
        cancel,
    };
    let events = engine.generate(request)?;
    let (answer, done) = stream(ctx, events, !args.json)?;

    if args.json {
        print_json(&model, &answer, &done)?;
    } else if !answer.is_empty() && !answer.ends_with('\n') {
        let mut out = std::io::stdout().lock();
        out.write_all(b"\n")?;
        out.flush()?;
    }
    if args.stats {
        eprintln!("{}", ctx.printer.dim(&stats_line(&done)));
    }
    if done.finish_reason == FinishReason::Cancelled {
        return Err(Interrupted.into());
    }
    Ok(())
}

/// The prompt: the arguments, stdin, or the arguments followed by stdin as context.
fn prompt_text(args: &PromptArgs) -> anyhow::Result<String> {
    let from_args = args.text.join(" ");
    let stdin = std::io::stdin();
    let mut piped = String::new();
    if !stdin.is_terminal() {
        stdin
            .lock()
            .read_to_string(&mut piped)
            .context("cannot read the prompt from stdin (is it UTF-8 text?)")?;
    }
    let text = match (from_args.trim().is_empty(), piped.trim().is_empty()) {
        (false, false) => format!("{from_args}\n\n{}", piped.trim_end()),
        (false, true) => from_args,
        (true, false) => piped.trim_end().to_string(),
        (true, true) => {
            return Err(Hinted::new(
                "no prompt given",
                "write it as an argument (`flashchat prompt \"Hello\"`) or pipe it in",
            )
            .into())
        }
    };
    Ok(text)
}

fn prompt_input(args: &PromptArgs, settings: &Settings, text: String) -> PromptInput {
    if args.raw {
        return PromptInput::Raw(text);
    }
    let mut messages = Vec::new();
    if let Some(system) = &settings.system_prompt {
        messages.push(Message::new("system", system.clone()));
    }
    messages.push(Message::new("user", text));
    PromptInput::Chat(messages)
}

pub fn sampling(settings: &Settings) -> SamplingParams {
    SamplingParams {
        temperature: settings.temperature,
        top_p: settings.top_p,
        top_k: settings.top_k,
        min_p: settings.min_p,
        repeat_penalty: settings.repeat_penalty,
        presence_penalty: 0.0,
        frequency_penalty: 0.0,
        seed: settings.seed.unwrap_or_else(crate::engine::random_seed),
    }
}

struct BarReporter(indicatif::ProgressBar);

impl LoadReporter for BarReporter {
    fn progress(&self, fraction: f32) {
        self.0.set_position((fraction * 100.0) as u64);
    }
}

fn load_engine(ctx: &Context, model: &ResolvedModel) -> anyhow::Result<Engine> {
    let settings = &ctx.resolved.settings;
    let config = EngineConfig::single(
        model.path.clone(),
        settings.context_size,
        settings.effective_threads(),
    );
    let name = model
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bar = ctx.printer.progress(&format!("Loading {name}"));
    let loaded = match &bar {
        Some(bar) => Engine::load(config, BarReporter(bar.clone())),
        None => Engine::load(config, crate::engine::NoProgress),
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    loaded.map_err(|e| engine_error(e, ctx))
}

/// Engine errors with what the user can do about them.
pub fn engine_error(err: EngineError, ctx: &Context) -> anyhow::Error {
    let log = ctx.paths.engine_log();
    let hint = match &err {
        EngineError::Load { .. } => format!(
            "the file may be damaged or need a newer llama.cpp; llama.cpp's reason is in {}",
            log.display()
        ),
        EngineError::PromptTooLong { .. } => {
            "shorten the prompt or raise context_size (0 uses the model's trained length)"
                .to_string()
        }
        EngineError::Context { .. } => {
            "lower context_size; the KV cache may not fit in memory".to_string()
        }
        _ => format!("run again with -v, or see {}", log.display()),
    };
    Hinted::new(err.to_string(), hint).into()
}

/// Prints text as it arrives (when `live`) and returns the whole answer.
fn stream(
    ctx: &Context,
    mut events: EventStream,
    live: bool,
) -> anyhow::Result<(String, Completion)> {
    let mut out = std::io::stdout().lock();
    let mut answer = String::new();
    while let Some(event) = events.blocking_recv() {
        match event {
            Event::Text(text) => {
                if live {
                    out.write_all(text.as_bytes())?;
                    out.flush()?;
                }
                answer.push_str(&text);
            }
            Event::Done(done) => return Ok((answer, done)),
            Event::Failed(e) => return Err(engine_error(e, ctx)),
        }
    }
    Err(EngineError::WorkerGone.into())
}

fn print_json(model: &ResolvedModel, answer: &str, done: &Completion) -> anyhow::Result<()> {
    let object = serde_json::json!({
        "model": model.spec.to_string(),
        "text": answer,
        "finish_reason": done.finish_reason,
        "usage": done.usage,
        "timings": done.timings,
    });
    let mut out = std::io::stdout().lock();
    serde_json::to_writer(&mut out, &object)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

/// `[32 tokens, 93.1 tok/s, TTFT 0.05s] prompt 5 tokens at 812.4 tok/s, finish: length`
fn stats_line(done: &Completion) -> String {
    let t = &done.timings;
    format!(
        "[{} tokens, {:.1} tok/s, TTFT {:.2}s] prompt {} tokens at {:.1} tok/s, finish: {}",
        done.usage.completion_tokens,
        t.generation_tokens_per_second,
        t.ttft_ms / 1000.0,
        done.usage.prompt_tokens,
        t.prompt_tokens_per_second,
        serde_json::to_value(done.finish_reason)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
    )
}
