//! `flashchat prompt`: one answer, streamed to stdout.

use std::io::{IsTerminal, Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::Context as _;

use crate::cli::PromptArgs;
use crate::client::{Client, ClientRequest};
use crate::engine::text::{ReasoningSplitter, Segment};
use crate::engine::{
    Completion, Engine, EngineConfig, EngineError, Event, EventStream, FinishReason,
    GenerateRequest, LoadReporter, Message, PromptInput, SamplingParams,
};
use crate::errors::{Hinted, Interrupted};
use crate::models::{self, ResolvedModel};
use crate::server::pidfile::{self, ServerState};
use crate::settings::{Origin, Settings, UseServer};
use crate::Context;

pub fn run(ctx: &Context, args: &PromptArgs) -> anyhow::Result<()> {
    let text = prompt_text(args)?;
    let settings = &ctx.resolved.settings;
    let request = GenerateRequest {
        prompt: prompt_input(args, settings, text),
        max_tokens: settings.max_tokens,
        stop: args.stop.clone(),
        sampling: sampling(settings),
        cancel: Arc::new(AtomicBool::new(false)),
    };
    let on_interrupt = Arc::clone(&request.cancel);
    // Only one handler per process; if one is already set, Ctrl-C keeps its
    // default meaning (end the process), which is still safe.
    let _ = ctrlc::set_handler(move || on_interrupt.store(true, Ordering::Relaxed));

    let mut output = Output::new(!args.json, settings.show_thinking);
    let (source, done) = match backend(ctx)? {
        Backend::Server(client) => {
            let done = ask_server(&client, &request, &mut output)?;
            (client.base().to_string(), done)
        }
        Backend::Local => {
            let model = models::resolve(&ctx.resolved, &ctx.env, &ctx.paths)?;
            let engine = load_engine(ctx, &model)?;
            let events = engine.generate(request)?;
            (model.spec.to_string(), stream(ctx, events, &mut output)?)
        }
    };
    let answer = output.finish()?;

    if args.json {
        print_json(&source, &answer, &done)?;
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

/// Where the answer comes from.
enum Backend {
    /// A running flashchat server, or the one named by `server.url`.
    Server(Client),
    /// The model loaded in this process.
    Local,
}

fn backend(ctx: &Context) -> anyhow::Result<Backend> {
    let s = &ctx.resolved.settings;
    if s.use_server == UseServer::Never {
        return Ok(Backend::Local);
    }
    if let Some(url) = &s.server.url {
        return Ok(Backend::Server(Client::new(url, s.server.api_key.clone())));
    }
    let running = match pidfile::inspect(&ctx.paths.pid_file) {
        ServerState::Running(record) if record.pid != 0 => Some(record),
        _ => None,
    };
    match (running, s.use_server) {
        (Some(record), _) if serves_requested_model(ctx, &record.model) => Ok(Backend::Server(
            Client::new(&record.url, s.server.api_key.clone()),
        )),
        (_, UseServer::Always) => Err(Hinted::new(
            "no flashchat server is running with this model (use_server = \"always\")",
            "start one with `flashchat serve`, or set use_server to auto",
        )
        .into()),
        _ => Ok(Backend::Local),
    }
}

/// A model named on the command line must be the one the server runs.
fn serves_requested_model(ctx: &Context, served: &str) -> bool {
    let Some((Some(value), Origin::Cli(_))) = ctx.resolved.values.get("model") else {
        return true;
    };
    let asked = value.as_str().unwrap_or_default();
    let stem = std::path::Path::new(asked)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned());
    asked == served || stem.as_deref() == Some(served)
}

fn ask_server(
    client: &Client,
    request: &GenerateRequest,
    output: &mut Output,
) -> anyhow::Result<Completion> {
    let (messages, raw) = match &request.prompt {
        PromptInput::Chat(messages) => (Some(messages.as_slice()), None),
        PromptInput::Raw(text) => (None, Some(text.as_str())),
    };
    let ask = ClientRequest {
        messages,
        raw,
        max_tokens: request.max_tokens,
        sampling: &request.sampling,
        stop: &request.stop,
    };
    let streamed = client.stream(&ask, |text| {
        if request.cancel.load(Ordering::Relaxed) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::Interrupted,
                "interrupted",
            ));
        }
        output.text(text)
    });
    match streamed {
        Ok(done) => Ok(done),
        Err(_) if request.cancel.load(Ordering::Relaxed) => Ok(Completion {
            finish_reason: FinishReason::Cancelled,
            usage: Default::default(),
            timings: Default::default(),
        }),
        Err(e) => Err(e.context(format!("the server at {} failed", client.base()))),
    }
}

/// Shows the answer as it streams (unless collecting it for --json) and
/// keeps a copy. Reasoning is dropped unless show_thinking is on.
struct Output {
    live: bool,
    splitter: Option<ReasoningSplitter>,
    answer: String,
}

impl Output {
    fn new(live: bool, show_thinking: bool) -> Self {
        Self {
            live,
            splitter: (!show_thinking).then(ReasoningSplitter::default),
            answer: String::new(),
        }
    }

    fn text(&mut self, text: &str) -> std::io::Result<()> {
        match self.splitter.as_mut() {
            Some(splitter) => {
                let segments = splitter.push(text);
                self.segments(segments)
            }
            None => self.write(text),
        }
    }

    fn segments(&mut self, segments: Vec<Segment>) -> std::io::Result<()> {
        for segment in segments {
            if let Segment::Content(text) = segment {
                self.write(&text)?;
            }
        }
        Ok(())
    }

    fn write(&mut self, text: &str) -> std::io::Result<()> {
        if self.live {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
        self.answer.push_str(text);
        Ok(())
    }

    fn finish(mut self) -> std::io::Result<String> {
        if let Some(mut splitter) = self.splitter.take() {
            let rest = splitter.finish();
            self.segments(rest)?;
        }
        Ok(self.answer)
    }
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

/// Passes the engine's text to `output` and returns the completion.
fn stream(
    ctx: &Context,
    mut events: EventStream,
    output: &mut Output,
) -> anyhow::Result<Completion> {
    while let Some(event) = events.blocking_recv() {
        match event {
            Event::Text(text) => output.text(&text)?,
            Event::Done(done) => return Ok(done),
            Event::Failed(e) => return Err(engine_error(e, ctx)),
        }
    }
    Err(EngineError::WorkerGone.into())
}

fn print_json(source: &str, answer: &str, done: &Completion) -> anyhow::Result<()> {
    let object = serde_json::json!({
        "model": source,
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
    let prompt_rate = if t.prompt_tokens_per_second > 0.0 {
        format!(" at {:.1} tok/s", t.prompt_tokens_per_second)
    } else {
        String::new()
    };
    let cached = if t.cached_tokens > 0 {
        format!(" ({} cached)", t.cached_tokens)
    } else {
        String::new()
    };
    format!(
        "[{} tokens, {:.1} tok/s, TTFT {:.2}s] prompt {} tokens{cached}{prompt_rate}, finish: {}",
        done.usage.completion_tokens,
        t.generation_tokens_per_second,
        t.ttft_ms / 1000.0,
        done.usage.prompt_tokens,
        serde_json::to_value(done.finish_reason)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
    )
}
