//! Where answers come from: a running OpenAI-compatible server (flashchat's
//! own or `server.url`) or the model loaded in this process. `prompt` and
//! `chat` both ask through here, so they choose and report the same way.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use crate::client::{Client, ClientRequest};
use crate::engine::embed::Embedded;
use crate::engine::output::{OutputParser, Parsed};
use crate::engine::text::Segment;
use crate::engine::{
    Completion, EmbedInput, Engine, EngineConfig, EngineError, Event, EventStream, FinishReason,
    GenerateRequest, PromptInput, SamplingParams,
};
use crate::errors::Hinted;
use crate::models::{self, ResolvedModel};
use crate::paths::{Env, Paths};
use crate::printer::Printer;
use crate::reporters;
use crate::server::pidfile::{self, ServerState};
use crate::settings::keys;
use crate::settings::{Resolved, Settings, UseServer};

/// Where answers come from, with what it needs to report and reload.
pub struct Backend {
    source: Source,
    settings: Settings,
    printer: Printer,
    /// llama.cpp's log, named in errors.
    engine_log: PathBuf,
    /// Where conversations' KV states are saved.
    kv_cache_dir: PathBuf,
}

enum Source {
    /// A running flashchat server (with its model's name), or the one named
    /// by `server.url`.
    Server(Client, Option<String>),
    /// The model loaded in this process: its spec (as configured) and its
    /// name (the file's, as a server would serve it).
    Local {
        engine: Engine,
        spec: String,
        name: String,
    },
}

impl Backend {
    /// Connects to a server, or loads the model here.
    pub fn open(
        resolved: &Resolved,
        env: &Env,
        paths: &Paths,
        printer: &Printer,
    ) -> anyhow::Result<Self> {
        let engine_log = paths.engine_log();
        let source = match choose(resolved, &paths.pid_file)? {
            Choice::Server(client, model) => Source::Server(client, model),
            Choice::Local => {
                let model = models::resolve(resolved, env, paths)?;
                let engine = load_engine(
                    &resolved.settings,
                    printer,
                    &engine_log,
                    &paths.kv_cache_dir,
                    &model,
                )?;
                Source::Local {
                    engine,
                    spec: model.spec.to_string(),
                    name: models::served_name(&model.path),
                }
            }
        };
        Ok(Backend {
            source,
            settings: resolved.settings.clone(),
            printer: printer.clone(),
            engine_log,
            kv_cache_dir: paths.kv_cache_dir.clone(),
        })
    }

    /// The server's base URL or the model's spec.
    pub fn source(&self) -> &str {
        match &self.source {
            Source::Server(client, _) => client.base(),
            Source::Local { spec, .. } => spec,
        }
    }

    /// The server answers come from, if they come from one.
    pub fn server_client(&self) -> Option<&Client> {
        match &self.source {
            Source::Server(client, _) => Some(client),
            Source::Local { .. } => None,
        }
    }

    /// The model's name where known (the server's name for it, or the
    /// file's in this process), else the server's URL.
    pub fn model_name(&self) -> &str {
        match &self.source {
            Source::Server(_, Some(model)) => model,
            Source::Server(client, None) => client.base(),
            Source::Local { name, .. } => name,
        }
    }

    /// Switches to another model: flashchat's own server loads it (without
    /// a restart), an in-process engine is replaced. A server named by
    /// `server.url` chooses its own model. Returns what happened.
    pub fn switch_model(&mut self, model: ResolvedModel) -> anyhow::Result<String> {
        match &mut self.source {
            Source::Server(client, Some(served)) => {
                let name = models::served_name(&model.path);
                switch_server(client, &model.path, &name, &self.printer)?;
                *served = name.clone();
                Ok(format!(
                    "The server at {} now serves {name}.",
                    client.base()
                ))
            }
            Source::Server(client, None) => Err(Hinted::new(
                format!(
                    "answers come from {}, which chooses its own model",
                    client.base()
                ),
                "unset server.url to use flashchat's own server",
            )
            .into()),
            Source::Local { engine, spec, name } => {
                *engine = load_engine(
                    &self.settings,
                    &self.printer,
                    &self.engine_log,
                    &self.kv_cache_dir,
                    &model,
                )?;
                *spec = model.spec.to_string();
                *name = models::served_name(&model.path);
                Ok(format!("Now answering with {spec}."))
            }
        }
    }

    /// Embeds `texts`: one L2-normalised vector each, in order.
    pub fn embed(&self, texts: Vec<String>) -> anyhow::Result<Embedded> {
        match &self.source {
            Source::Server(client, _) => {
                let (vectors, tokens) = client.embed(&texts).map_err(|e| {
                    anyhow::Error::from(e)
                        .context(format!("the server at {} failed", client.base()))
                })?;
                Ok(Embedded { vectors, tokens })
            }
            Source::Local { engine, .. } => {
                let inputs = texts.into_iter().map(EmbedInput::Text).collect();
                let answer = engine
                    .embed(inputs)
                    .map_err(|e| engine_error(e, &self.engine_log))?;
                answer
                    .blocking_recv()
                    .map_err(|_| engine_error(EngineError::WorkerGone, &self.engine_log))?
                    .map_err(|e| engine_error(e, &self.engine_log))
            }
        }
    }

    /// Generates an answer, read by `parser` as it arrives: each piece
    /// (answer text, reasoning, the tool calls at the end) goes to
    /// `on_segment`, whose failing (a closed pipe) ends the generation.
    /// Tool calls are read here whether the model runs in this process or
    /// a server read them.
    pub fn answer(
        &self,
        request: &GenerateRequest,
        parser: OutputParser,
        mut on_segment: impl FnMut(Segment) -> std::io::Result<()>,
    ) -> anyhow::Result<Answer> {
        // A server reads tool calls itself; here they are read in the
        // model's own syntax.
        let mut parser = match (&self.source, &request.tools) {
            (Source::Local { engine, .. }, Some(_)) => parser.with_tools(engine.tool_format()),
            _ => parser,
        };
        let mut on_text = |text: &str| parser.push(text).into_iter().try_for_each(&mut on_segment);
        let (completion, calls) = match &self.source {
            Source::Server(client, _) => ask_server(client, request, &mut on_text)?,
            Source::Local { engine, .. } => {
                let events = engine
                    .generate(request.clone())
                    .map_err(|e| engine_error(e, &self.engine_log))?;
                (stream(&self.engine_log, events, &mut on_text)?, Vec::new())
            }
        };
        let mut rest = parser.finish();
        rest.extend(parser.push_calls(calls));
        rest.into_iter().try_for_each(&mut on_segment)?;
        let parsed = parser.into_parsed();
        let mut completion = completion;
        // An answer that ended in calls says so, as a server's does.
        if completion.finish_reason == FinishReason::Stop && !parsed.tool_calls.is_empty() {
            completion.finish_reason = FinishReason::ToolCalls;
        }
        Ok(Answer { completion, parsed })
    }
}

/// One answer: how it ended, and what it said (text, reasoning, calls).
#[derive(Debug)]
pub struct Answer {
    pub completion: Completion,
    pub parsed: Parsed,
}

/// Where a request should go.
enum Choice {
    Server(Client, Option<String>),
    Local,
}

/// Asks flashchat's own server behind `client` to serve the model at
/// `path` as `name`, with a spinner while it loads. On failure the server
/// keeps its previous model, and the error says so.
pub fn switch_server(
    client: &Client,
    path: &Path,
    name: &str,
    printer: &Printer,
) -> anyhow::Result<()> {
    let message = format!("Switching the server to {name}…");
    let switched =
        reporters::spinning(printer, &message, || client.switch_model(path, name, || {}));
    switched.map_err(|e| {
        Hinted::new(
            format!("the server at {} did not switch: {e}", client.base()),
            "it keeps serving the previous model; `flashchat serve --logs` shows why",
        )
    })?;
    Ok(())
}

fn choose(resolved: &Resolved, pid_file: &Path) -> anyhow::Result<Choice> {
    let s = &resolved.settings;
    if s.use_server == UseServer::Never {
        return Ok(Choice::Local);
    }
    if let Some(url) = &s.server.url {
        return Ok(Choice::Server(
            Client::new(url, s.server.api_key.clone()),
            None,
        ));
    }
    let running = match pidfile::inspect(pid_file) {
        ServerState::Running(record) if record.pid != 0 => Some(record),
        _ => None,
    };
    match (running, s.use_server) {
        (Some(record), _) if serves_requested_model(resolved, &record.model) => Ok(Choice::Server(
            Client::new(&record.url, s.server.api_key.clone()),
            Some(record.model),
        )),
        (_, UseServer::Always) => Err(Hinted::new(
            "no flashchat server is running with this model (use_server = \"always\")",
            "start one with `flashchat serve`, or set use_server to auto",
        )
        .into()),
        _ => Ok(Choice::Local),
    }
}

/// A model named on the command line (or by the prompt template) must be
/// the one the server runs.
fn serves_requested_model(resolved: &Resolved, served: &str) -> bool {
    let Some(value) = resolved.asked_for(keys::MODEL) else {
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
    mut on_text: impl FnMut(&str) -> std::io::Result<()>,
) -> anyhow::Result<(Completion, Vec<crate::engine::ToolCall>)> {
    let (messages, raw) = match &request.prompt {
        PromptInput::Chat(messages) => (Some(messages.as_slice()), None),
        PromptInput::Raw(text) => (None, Some(text.as_str())),
        PromptInput::Tokens(_) => anyhow::bail!("token prompts are answered by the engine itself"),
    };
    let ask = ClientRequest {
        messages,
        raw,
        max_tokens: request.max_tokens,
        sampling: &request.sampling,
        stop: &request.stop,
        constraint: request.constraint.as_ref(),
        tools: request.tools.as_ref(),
    };
    let streamed = client.stream(&ask, |text| {
        if request.cancel.load(Ordering::Relaxed) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::Interrupted,
                "interrupted",
            ));
        }
        on_text(text)
    });
    match streamed {
        Ok(done) => Ok((done.completion, done.tool_calls)),
        Err(_) if request.cancel.load(Ordering::Relaxed) => Ok((
            Completion {
                finish_reason: FinishReason::Cancelled,
                stop_string: None,
                usage: Default::default(),
                timings: Default::default(),
            },
            Vec::new(),
        )),
        Err(e) => Err(e.context(format!("the server at {} failed", client.base()))),
    }
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

fn load_engine(
    settings: &Settings,
    printer: &Printer,
    engine_log: &Path,
    kv_cache_dir: &Path,
    model: &ResolvedModel,
) -> anyhow::Result<Engine> {
    let config = EngineConfig {
        chat_template: settings.chat_template.clone(),
        pooling: settings.pooling,
        kv: settings.kv,
        gpu: settings.gpu,
        state_cache: Some(settings.cache.engine_config(kv_cache_dir)),
        ..EngineConfig::single(
            model.path.clone(),
            settings.context_size,
            settings.effective_threads(),
        )
    };
    let name = model
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let progress = reporters::ModelLoad::new(printer, &name);
    let loaded = Engine::load(config, progress.engine_reporter());
    progress.finish();
    let engine = loaded.map_err(|e| engine_error(e, engine_log))?;
    if let Some(why) = &engine.info().gpu_fallback {
        printer.warn(why);
    }
    Ok(engine)
}

/// Engine errors with what the user can do about them.
fn engine_error(err: EngineError, log: &Path) -> anyhow::Error {
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
        EngineError::InvalidConstraint(_) => format!(
            "llama.cpp's grammars/README.md describes GBNF; the parser's message is in {}",
            log.display()
        ),
        _ => format!("run again with -v, or see {}", log.display()),
    };
    let hinted = Hinted::new(err.to_string(), hint);
    match err {
        EngineError::PromptTooLong { .. } => hinted.with_code(crate::engine::CONTEXT_OVERFLOW_CODE),
        _ => hinted,
    }
    .into()
}

/// Passes the engine's text to `output` and returns the completion.
fn stream(
    engine_log: &Path,
    mut events: EventStream,
    mut on_text: impl FnMut(&str) -> std::io::Result<()>,
) -> anyhow::Result<Completion> {
    while let Some(event) = events.blocking_recv() {
        match event {
            Event::Text(text) => on_text(&text)?,
            Event::Logprob(_) => {}
            Event::Done(done) => return Ok(done),
            Event::Failed(e) => return Err(engine_error(e, engine_log)),
        }
    }
    Err(EngineError::WorkerGone.into())
}

/// `[32 tokens, 93.1 tok/s, TTFT 0.05s] prompt 5 tokens at 812.4 tok/s, finish: length`
pub fn stats_line(done: &Completion) -> String {
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
