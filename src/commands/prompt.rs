//! `flashchat prompt`: one answer, streamed to stdout.

use std::io::{IsTerminal, Read, Write};

use anyhow::Context as _;

use crate::backend::{self, Backend};
use crate::cli::PromptArgs;
use crate::engine::output::OutputParser;
use crate::engine::text::Segment;
use crate::engine::{Completion, Constraint, FinishReason, GenerateRequest, Message, PromptInput};
use crate::errors::{Hinted, Interrupted};
use crate::personas;
use crate::role::Role;
use crate::Context;

pub fn run(ctx: &Context, args: &PromptArgs) -> anyhow::Result<()> {
    let constraint = constraint(args)?;
    let text = prompt_text(args)?;
    let resolved = match &args.persona {
        Some(name) => personas::load(&ctx.paths.personas_dir, name)?.layered_on(&ctx.resolved)?,
        None => ctx.resolved.clone(),
    };
    let settings = &resolved.settings;
    let request = GenerateRequest {
        prompt: prompt_input(args, settings.system_prompt.clone(), text),
        max_tokens: settings.max_tokens,
        stop: args.stop.clone(),
        sampling: backend::sampling(settings),
        cancel: crate::interrupt::cleared_flag(),
        constraint,
        logprobs: None,
        tools: None,
        logit_bias: Vec::new(),
        template_variables: Default::default(),
    };

    let mut output = Output::new(!args.json, settings.show_thinking);
    let backend = Backend::open(&resolved, &ctx.env, &ctx.paths, &ctx.printer)?;
    let done = backend.answer(&request, |text| output.text(text))?;
    let source = backend.source();
    let answer = output.finish()?;

    if args.json {
        print_json(source, &answer, &done)?;
    } else if !answer.is_empty() && !answer.ends_with('\n') {
        let mut out = std::io::stdout().lock();
        out.write_all(b"\n")?;
        out.flush()?;
    }
    if args.stats {
        eprintln!("{}", ctx.printer.dim(&backend::stats_line(&done)));
    }
    if done.finish_reason == FinishReason::Cancelled {
        return Err(Interrupted.into());
    }
    if request.constraint.is_some() && done.finish_reason == FinishReason::Length {
        return Err(Hinted::new(
            format!(
                "the answer reached max_tokens ({}) before it was complete",
                request.max_tokens
            ),
            "raise it with -n; a cut answer does not follow the schema or grammar",
        )
        .into());
    }
    Ok(())
}

/// `--schema` (a file or the schema itself) or `--grammar FILE`, read and
/// checked before the model loads.
fn constraint(args: &PromptArgs) -> anyhow::Result<Option<Constraint>> {
    let constraint = match (&args.schema, &args.grammar) {
        (Some(schema), _) => {
            let text = if schema.trim_start().starts_with('{') {
                schema.clone()
            } else {
                std::fs::read_to_string(schema).map_err(|e| {
                    Hinted::new(
                        format!("--schema: cannot read {schema}: {e}"),
                        "give a JSON schema file, or the schema itself as `{...}`",
                    )
                })?
            };
            let schema = serde_json::from_str(&text).map_err(|e| {
                Hinted::new(
                    format!("--schema: not JSON: {e}"),
                    "a JSON schema is a JSON object, e.g. '{\"type\": \"object\"}'",
                )
            })?;
            Constraint::JsonSchema(schema)
        }
        (None, Some(path)) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                Hinted::new(
                    format!("--grammar: cannot read {}: {e}", path.display()),
                    "give a GBNF grammar file (llama.cpp's format, start rule `root`)",
                )
            })?;
            Constraint::Grammar(text)
        }
        (None, None) => return Ok(None),
    };
    let flag = if args.schema.is_some() {
        "--schema"
    } else {
        "--grammar"
    };
    constraint.to_grammar().map_err(|e| {
        Hinted::new(
            format!("{flag}: {e}"),
            "see llama.cpp's grammars/README.md for what schemas and grammars can say",
        )
    })?;
    Ok(Some(constraint))
}

/// Shows the answer as it streams (unless collecting it for --json) and
/// keeps a copy. Reasoning is dropped unless show_thinking is on.
struct Output {
    live: bool,
    parser: OutputParser,
}

impl Output {
    fn new(live: bool, show_thinking: bool) -> Self {
        Self {
            live,
            parser: OutputParser::for_settings(show_thinking),
        }
    }

    fn text(&mut self, text: &str) -> std::io::Result<()> {
        let segments = self.parser.push(text);
        self.show(segments)
    }

    fn show(&self, segments: Vec<Segment>) -> std::io::Result<()> {
        if !self.live {
            return Ok(());
        }
        let mut out = std::io::stdout().lock();
        for segment in segments {
            if let Segment::Content(text) = segment {
                out.write_all(text.as_bytes())?;
            }
        }
        out.flush()
    }

    fn finish(mut self) -> std::io::Result<String> {
        let rest = self.parser.finish();
        self.show(rest)?;
        Ok(self.parser.answer().to_string())
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

fn prompt_input(args: &PromptArgs, system: Option<String>, text: String) -> PromptInput {
    if args.raw {
        return PromptInput::Raw(text);
    }
    let mut messages = Vec::new();
    if let Some(system) = system {
        messages.push(Message::new(Role::System, system));
    }
    messages.push(Message::new(Role::User, text));
    PromptInput::Chat(messages)
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
