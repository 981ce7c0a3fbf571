//! `flashchat prompt`: one answer, streamed to stdout; with `--tools`, the
//! agent loop runs the model's tool calls, shown on stderr.

use std::io::{IsTerminal, Read, Write};

use anyhow::Context as _;

use crate::agent::{self, Agent, Approval, Call, Frontend, Outcome};
use crate::backend::{self, Answer, Backend};
use crate::cli::PromptArgs;
use crate::engine::output::OutputParser;
use crate::engine::text::Segment;
use crate::engine::{
    Completion, Constraint, FinishReason, GenerateRequest, Message, PromptInput, Usage,
};
use crate::errors::{Hinted, Interrupted};
use crate::mcp::Toolbox;
use crate::personas;
use crate::printer::Printer;
use crate::role::Role;
use crate::templates;
use crate::Context;
use std::collections::BTreeMap;

pub fn run(ctx: &Context, args: &PromptArgs) -> anyhow::Result<()> {
    let template = match &args.template {
        Some(name) => Some(templates::load(&ctx.paths.templates_dir, name)?),
        None => None,
    };
    let constraint = match (constraint(args)?, &template) {
        (None, Some(template)) => template.schema.clone().map(Constraint::JsonSchema),
        (given, _) => given,
    };
    let text = match &template {
        Some(template) => template.render(&template_values(args)?)?,
        None => prompt_text(&args.text)?,
    };
    remember(ctx, &text);
    let mut resolved = match &args.persona {
        Some(name) => personas::load(&ctx.paths.personas_dir, name)?.layered_on(&ctx.resolved)?,
        None => ctx.resolved.clone(),
    };
    if let Some(template) = &template {
        resolved = template.layered_on(&resolved)?;
    }
    let settings = &resolved.settings;
    let mut request = GenerateRequest {
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

    let mut toolbox = match args.tools || !args.mcp.is_empty() {
        true => Some(tools(ctx, args)?),
        false => None,
    };
    let mut output = Output {
        live: !args.json,
        yes: args.yes,
        printer: ctx.printer.clone(),
        calls: Vec::new(),
        ended_line: true,
    };
    let backend = Backend::open(&resolved, &ctx.env, &ctx.paths, &ctx.printer)?;
    // With tools, `steps` holds each answer's completion, in order.
    let (answer, done, steps) = match &mut toolbox {
        None => {
            let answer = backend.answer(
                &request,
                OutputParser::for_settings(settings.show_thinking),
                |segment| output.segment(segment),
            )?;
            (answer.parsed.answer, answer.completion, Vec::new())
        }
        Some(toolbox) => {
            let mut messages =
                match std::mem::replace(&mut request.prompt, PromptInput::Chat(Vec::new())) {
                    PromptInput::Chat(messages) => messages,
                    _ => anyhow::bail!("--tools needs a chat prompt, not --raw text"),
                };
            let system = (messages.first().map(|m| m.role) == Some(Role::System))
                .then(|| messages.remove(0).content);
            let mut agent = Agent {
                backend: &backend,
                toolbox: Some(toolbox),
                settings: &settings.agent,
                result_limit: agent::result_limit(settings.context_size),
            };
            let show_thinking = settings.show_thinking;
            let end = agent.turn(
                &mut request,
                system.as_deref(),
                &mut messages,
                || OutputParser::for_settings(show_thinking),
                &mut output,
            )?;
            let answer = end
                .said
                .last()
                .map(|s| s.message.content.clone())
                .unwrap_or_default();
            let steps: Vec<Completion> = end.steps().into_iter().cloned().collect();
            let done = end
                .last
                .ok_or_else(|| anyhow::anyhow!("the model gave no answer"))?;
            (answer, done, steps)
        }
    };
    let source = backend.source();

    if args.json {
        let tools = toolbox.is_some().then_some(Steps {
            calls: &output.calls,
            completions: &steps,
        });
        print_json(source, &answer, &done, tools)?;
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
        (Some(schema), _) => return Ok(Some(schema_flag(schema)?)),
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
    checked("--grammar", constraint).map(Some)
}

/// `--schema`'s value: a JSON schema file, or the schema itself, read and
/// checked (prompt and batch).
pub(super) fn schema_flag(schema: &str) -> anyhow::Result<Constraint> {
    let text = if schema.trim_start().starts_with('{') {
        schema.to_string()
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
    checked("--schema", Constraint::JsonSchema(schema))
}

/// The constraint, once llama.cpp's grammar converter takes it.
fn checked(flag: &str, constraint: Constraint) -> anyhow::Result<Constraint> {
    constraint.to_grammar().map_err(|e| {
        Hinted::new(
            format!("{flag}: {e}"),
            "see llama.cpp's grammars/README.md for what schemas and grammars can say",
        )
    })?;
    Ok(constraint)
}

/// The MCP servers `--tools` and `--mcp` choose, none started yet.
fn tools(ctx: &Context, args: &PromptArgs) -> anyhow::Result<Toolbox> {
    let servers = crate::mcp::chosen(&ctx.resolved.settings.mcp_servers, &args.mcp)?;
    if servers.is_empty() {
        return Err(Hinted::new(
            "--tools: no MCP server is enabled",
            "`flashchat mcp add NAME -- COMMAND...` adds one; `flashchat mcp list` shows them",
        )
        .into());
    }
    Ok(Toolbox::new(servers)?)
}

/// Shows the answer as it streams (unless collecting it for --json), and
/// tool calls and their results on stderr, keeping them for --json.
struct Output {
    live: bool,
    /// Run calls that need confirmation (--yes).
    yes: bool,
    printer: Printer,
    calls: Vec<serde_json::Value>,
    /// Whether the text on stdout ends a line, so stderr's lines start
    /// on their own.
    ended_line: bool,
}

impl Frontend for Output {
    fn segment(&mut self, segment: Segment) -> std::io::Result<()> {
        let Segment::Content(text) = segment else {
            return Ok(());
        };
        if !self.live || text.is_empty() {
            return Ok(());
        }
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        self.ended_line = text.ends_with('\n');
        out.flush()
    }

    fn answered(&mut self, _answer: &Answer) -> std::io::Result<()> {
        Ok(())
    }

    fn approve(&mut self, call: &Call) -> Approval {
        if self.yes {
            return Approval::Yes;
        }
        self.printer.warn(&format!(
            "refused {}: it needs confirmation; pass --yes, or trust it in the server's `trust` (flashchat mcp add --trust)",
            call.title()
        ));
        Approval::Unasked
    }

    fn ran(&mut self, call: &Call, outcome: &Outcome) {
        if !self.ended_line {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(b"\n").and_then(|()| out.flush());
            self.ended_line = true;
        }
        eprintln!(
            "{} {}",
            self.printer.dim(&format!("→ {}", call.title())),
            crate::human::printable(&call.arguments_json().to_string())
        );
        let result = agent::shortened(&outcome.text(), 6, 160);
        eprintln!(
            "{}",
            self.printer
                .dim(&format!("← {}", result.replace('\n', "\n  ")))
        );
        let (result, is_error, ran) = match outcome {
            Outcome::Ran(output) => (output.text.clone(), output.is_error, true),
            Outcome::NotRun(why) | Outcome::Failed(why) => (why.clone(), true, false),
        };
        self.calls.push(serde_json::json!({
            "server": call.tool.map(|t| t.server.clone()),
            "tool": call.tool.map_or(call.call.name.clone(), |t| t.tool.clone()),
            "arguments": call.arguments_json(),
            "ran": ran,
            "is_error": is_error,
            "result": result,
        }));
    }

    fn notice(&mut self, text: &str) {
        self.printer.warn(text);
    }
}

/// A template's values: `-p NAME VALUE` pairs, and stdin (or, with
/// nothing piped, the prompt's words) as `input`.
fn template_values(args: &PromptArgs) -> anyhow::Result<BTreeMap<String, String>> {
    let mut values = var_pairs(&args.vars);
    if !values.contains_key(templates::INPUT) {
        let piped = read_stdin()?;
        let words = args.text.join(" ");
        let input = if piped.trim().is_empty() {
            words
        } else {
            piped
        };
        if !input.trim().is_empty() {
            values.insert(templates::INPUT.into(), input.trim_end().to_string());
        }
    }
    Ok(values)
}

/// `-p NAME VALUE` pairs as clap hands them over (prompt and batch).
pub(super) fn var_pairs(vars: &[String]) -> BTreeMap<String, String> {
    vars.chunks(2)
        .filter_map(|pair| match pair {
            [name, value] => Some((name.clone(), value.clone())),
            _ => None,
        })
        .collect()
}

/// Keeps the prompt for `templates new --from-last`; failing to is not an
/// error worth stopping the answer for.
fn remember(ctx: &Context, text: &str) {
    if let Some(dir) = ctx.paths.last_prompt_file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = crate::fsutil::write_atomically(&ctx.paths.last_prompt_file, text.as_bytes());
}

fn read_stdin() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    let mut piped = String::new();
    if !stdin.is_terminal() {
        stdin
            .lock()
            .read_to_string(&mut piped)
            .context("cannot read the prompt from stdin (is it UTF-8 text?)")?;
    }
    Ok(piped)
}

/// The prompt: the arguments, stdin, or the arguments followed by stdin as context.
pub(super) fn prompt_text(words: &[String]) -> anyhow::Result<String> {
    let from_args = words.join(" ");
    let piped = read_stdin()?;
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

/// What a turn with tools did: the calls made and each answer's figures.
struct Steps<'a> {
    calls: &'a [serde_json::Value],
    completions: &'a [Completion],
}

/// The `--json` object. With tools, `usage` adds up every step (each is a
/// request to the model) and `steps` holds each one's own figures;
/// `finish_reason` and `timings` are the last answer's.
fn print_json(
    source: &str,
    answer: &str,
    done: &Completion,
    tools: Option<Steps>,
) -> anyhow::Result<()> {
    let mut object = serde_json::json!({
        "model": source,
        "text": answer,
        "finish_reason": done.finish_reason,
        "usage": done.usage,
        "timings": done.timings,
    });
    if let Some(tools) = tools {
        object["tool_calls"] = tools.calls.into();
        object["usage"] = serde_json::to_value(
            tools
                .completions
                .iter()
                .fold(Usage::default(), |sum, step| sum + step.usage),
        )?;
        object["steps"] = tools
            .completions
            .iter()
            .map(|step| {
                serde_json::json!({
                    "finish_reason": step.finish_reason,
                    "usage": step.usage,
                    "timings": step.timings,
                })
            })
            .collect();
    }
    let mut out = std::io::stdout().lock();
    serde_json::to_writer(&mut out, &object)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}
