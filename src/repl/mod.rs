//! The chat: a conversation with its session file, fed by a line editor on
//! a terminal (reedline: history, Ctrl-R, tab completion of slash
//! commands, Alt-Enter for a new line) or by plain lines from a pipe.

mod editor;
pub mod markdown;
pub mod slash;
mod typeahead;

use std::io::{BufRead, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::backend::{self, Backend};
use crate::engine::output::OutputParser;
use crate::engine::text::Segment;
use crate::engine::{Completion, FinishReason, GenerateRequest, Message, PromptInput};
use crate::errors::Hinted;
use crate::models::{self, ResolvedModel};
use crate::paths::{Env, Paths};
use crate::personas::{self, Persona};
use crate::printer::Printer;
use crate::role::Role;
use crate::sessions::record::{Record, StoredMessage};
use crate::sessions::{export, now, title_from, Session, SessionStore};
use crate::settings::{keys, Origin, Resolved};
use markdown::MarkdownStream;
use slash::{ExportAs, Setting, Slash};

/// What the loop does after a line.
#[derive(Debug, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Exit,
}

pub struct Chat<'a> {
    /// The settings this chat started from, before a persona and `/set`.
    base: &'a Resolved,
    /// The settings in effect: `base` with the persona and `/set` laid on.
    resolved: Resolved,
    persona: Option<Persona>,
    /// Values given with `/set`, in order.
    set: Vec<(&'static str, toml::Value)>,
    env: &'a Env,
    paths: &'a Paths,
    printer: &'a Printer,
    backend: Backend,
    store: SessionStore,
    session: Option<String>,
    titled: bool,
    system: Option<String>,
    messages: Vec<Message>,
    request: GenerateRequest,
    last: Option<Completion>,
    interrupt: Arc<AtomicBool>,
}

impl<'a> Chat<'a> {
    /// A new conversation with `resolved`'s settings and system prompt.
    pub fn new(
        resolved: &'a Resolved,
        env: &'a Env,
        paths: &'a Paths,
        printer: &'a Printer,
        backend: Backend,
    ) -> Self {
        let settings = &resolved.settings;
        // Ctrl-C while an answer streams stops that answer; at the prompt the
        // editor sees the key itself.
        let interrupt = crate::interrupt::cleared_flag();
        let request = GenerateRequest {
            prompt: PromptInput::Chat(Vec::new()),
            max_tokens: settings.max_tokens,
            stop: Vec::new(),
            sampling: backend::sampling(settings),
            cancel: Arc::clone(&interrupt),
            constraint: None,
            logprobs: None,
            tools: None,
            logit_bias: Vec::new(),
            template_variables: Default::default(),
        };
        Self {
            base: resolved,
            resolved: resolved.clone(),
            persona: None,
            set: Vec::new(),
            env,
            paths,
            printer,
            backend,
            store: SessionStore::new(&paths.sessions_dir),
            session: None,
            titled: false,
            system: settings.system_prompt.clone(),
            messages: Vec::new(),
            request,
            last: None,
            interrupt,
        }
    }

    /// Answers as `persona`: its system prompt and settings, under flags.
    pub fn with_persona(mut self, persona: Persona) -> Result<Self, Hinted> {
        self.use_persona(persona)?;
        Ok(self)
    }

    /// Continues a saved session: its turns and its system prompt.
    pub fn resuming(mut self, session: Session) -> Self {
        self.session = Some(session.header.id.clone());
        self.titled = !session.title.is_empty();
        self.system = session.system_prompt.clone();
        self.messages = session
            .messages
            .iter()
            .map(|m| Message::new(m.role, m.content.clone()))
            .collect();
        self
    }

    /// Lays the persona and the `/set` values on the base settings again
    /// and takes the sampling settings from the result.
    fn relayer(&mut self) -> Result<(), Hinted> {
        let mut resolved = match &self.persona {
            Some(persona) => persona.layered_on(self.base)?,
            None => self.base.clone(),
        };
        if !self.set.is_empty() {
            resolved = resolved
                .with_layer(&Origin::Chat, self.set.iter().map(|(k, v)| (*k, v.clone())))
                .map_err(|e| Hinted::new(e, "/help lists what /set takes"))?;
        }
        let settings = &resolved.settings;
        let seed = self.request.sampling.seed;
        self.request.sampling = backend::sampling(settings);
        if settings.seed.is_none() {
            // Unset: the seed drawn when the chat started stays.
            self.request.sampling.seed = seed;
        }
        self.request.max_tokens = settings.max_tokens;
        self.resolved = resolved;
        Ok(())
    }

    fn use_persona(&mut self, persona: Persona) -> Result<(), Hinted> {
        let previous = self.persona.replace(persona);
        if let Err(e) = self.relayer() {
            self.persona = previous;
            return Err(e);
        }
        self.system = self.resolved.settings.system_prompt.clone();
        Ok(())
    }

    /// Runs until /exit, Ctrl-D or the end of the input.
    pub fn run(mut self) -> anyhow::Result<()> {
        if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
            editor::run(&mut self)
        } else {
            self.run_piped()
        }
    }

    /// Lines from a pipe: each is a message or a slash command; a line of
    /// `"""` opens and closes a block of several lines.
    fn run_piped(&mut self) -> anyhow::Result<()> {
        let mut block: Option<String> = None;
        for line in std::io::stdin().lock().lines() {
            let line = line?;
            match (&mut block, line.trim() == "\"\"\"") {
                (None, true) => block = Some(String::new()),
                (Some(text), true) => {
                    let text = std::mem::take(text);
                    block = None;
                    if self.handle(&text)? == Flow::Exit {
                        break;
                    }
                }
                (Some(text), false) => {
                    text.push_str(&line);
                    text.push('\n');
                }
                (None, false) => {
                    if self.handle(&line)? == Flow::Exit {
                        break;
                    }
                }
            }
        }
        Ok(())
    }

    /// Intro line: where answers come from and which session this is.
    pub fn banner(&self) -> String {
        let session = match &self.session {
            Some(id) => format!("resuming {id} ({} messages)", self.messages.len()),
            None => "new session".to_string(),
        };
        format!(
            "flashchat · {} · {session} · /help for commands",
            self.backend.source()
        )
    }

    /// One line of input: a slash command or a message.
    pub fn handle(&mut self, line: &str) -> anyhow::Result<Flow> {
        let text = line.trim();
        if text.is_empty() {
            return Ok(Flow::Continue);
        }
        if text.starts_with('/') && !text.starts_with("//") {
            return match slash::parse(text) {
                Ok(command) => self.command(command),
                Err(message) => {
                    self.note(&message);
                    Ok(Flow::Continue)
                }
            };
        }
        self.messages.push(Message::new(Role::User, text));
        self.answer()?;
        Ok(Flow::Continue)
    }

    fn note(&self, message: &str) {
        eprintln!("{}", self.printer.dim(message));
    }

    fn command(&mut self, command: Slash) -> anyhow::Result<Flow> {
        match command {
            Slash::Help => print!("{}", slash::help()),
            Slash::Exit => return Ok(Flow::Exit),
            Slash::New => {
                self.session = None;
                self.titled = false;
                self.messages.clear();
                self.last = None;
                self.note("New session.");
            }
            Slash::Retry => self.retry()?,
            Slash::Edit(text) => self.edit(text)?,
            Slash::Copy { code } => self.copy(code)?,
            Slash::System(None) => self.note(&format!(
                "System prompt: {}",
                self.system.as_deref().unwrap_or("(none)")
            )),
            Slash::System(Some(text)) => {
                self.system = Some(text.clone());
                self.save(&Record::System {
                    system_prompt: Some(text),
                    at: now(),
                })?;
                self.note("System prompt set.");
            }
            Slash::Persona(None) => {
                for p in personas::list(&self.paths.personas_dir) {
                    println!("  {:<12} {}", p.name, p.description);
                }
            }
            Slash::Persona(Some(name)) => {
                let used = personas::load(&self.paths.personas_dir, &name)
                    .and_then(|persona| self.use_persona(persona));
                match used {
                    Ok(()) => {
                        self.save(&Record::System {
                            system_prompt: self.system.clone(),
                            at: now(),
                        })?;
                        self.note(&format!("Answering as {name}."));
                    }
                    Err(e) => self.note(&format!("{} ({})", e.message, e.hint)),
                }
            }
            Slash::Set(setting, value) => {
                let (key, value) = match setting {
                    Setting::Temperature => (keys::TEMPERATURE, toml::Value::Float(value)),
                    Setting::TopP => (keys::TOP_P, toml::Value::Float(value)),
                    Setting::Seed => (keys::SEED, toml::Value::Integer(value as i64)),
                    Setting::MaxTokens => (keys::MAX_TOKENS, toml::Value::Integer(value as i64)),
                };
                self.set.retain(|(k, _)| *k != key);
                self.set.push((key, value.clone()));
                match self.relayer() {
                    Ok(()) => self.note(&format!("Set to {value}.")),
                    Err(e) => {
                        self.set.pop();
                        self.note(&format!("{} ({})", e.message, e.hint));
                    }
                }
            }
            Slash::Title(title) => {
                self.titled = true;
                self.save(&Record::Title { title, at: now() })?;
                self.note("Renamed.");
            }
            Slash::Export(format, path) => self.export(format, path)?,
            Slash::Stats => match &self.last {
                Some(done) => self.note(&backend::stats_line(done)),
                None => self.note("No answer yet."),
            },
            Slash::Context => self.note(&self.context_bar()),
            Slash::Sessions => print!("{}", export::table(&self.store.list(), now())),
            Slash::Model(None) => self.note(&format!(
                "Model: {} (/model NAME switches; `flashchat models` lists them)",
                self.backend.model_name()
            )),
            Slash::Model(Some(name)) => self.switch_model(&name)?,
            Slash::Save => match &self.session {
                Some(id) => self.note(&format!(
                    "Saved in {} (every turn is written as it completes).",
                    self.store.path(id).display()
                )),
                None => self.note("Nothing to save yet: the session starts with the first answer."),
            },
        }
        Ok(Flow::Continue)
    }

    /// `/model NAME`: the conversation goes on with another model.
    fn switch_model(&mut self, name: &str) -> anyhow::Result<()> {
        let s = &self.resolved.settings;
        let found = models::spec_for(name, &s.models_dirs, self.env, self.paths).and_then(|spec| {
            let path = spec.locate(&self.paths.hf_hub_dir)?;
            let info = models::read_checked(&path)?;
            Ok(ResolvedModel { spec, path, info })
        });
        let model = match found {
            Ok(model) => model,
            Err(e) => {
                self.note(&format!("{} ({})", e.message, e.hint));
                return Ok(());
            }
        };
        match self.backend.switch_model(model) {
            Ok(done) => self.note(&done),
            Err(e) => {
                crate::errors::report(&e);
            }
        }
        Ok(())
    }

    /// Asks for an answer to the conversation so far, streams it, saves the turn.
    fn answer(&mut self) -> anyhow::Result<()> {
        self.interrupt.store(false, Ordering::Relaxed);
        let (text, done) = loop {
            let mut messages = Vec::with_capacity(self.messages.len() + 1);
            if let Some(system) = &self.system {
                messages.push(Message::new(Role::System, system.clone()));
            }
            messages.extend(self.messages.iter().cloned());
            self.request.prompt = PromptInput::Chat(messages);
            let mut printer = Streamed::new(
                self.resolved.settings.show_thinking,
                self.printer.stdout_styled(),
            );
            let echo_off = typeahead::EchoOff::new();
            let answered = self.backend.answer(&self.request, |t| printer.text(t));
            drop(echo_off);
            match answered {
                Ok(done) => break (printer.finish()?, done),
                Err(e) if is_context_overflow(&e) && self.messages.len() > 2 => {
                    // The oldest exchange goes; the system prompt stays.
                    self.messages.drain(..2);
                    self.note(
                        "The conversation no longer fits the context: dropped the oldest turn.",
                    );
                }
                Err(e) => {
                    self.messages.pop();
                    return Err(e);
                }
            }
        };
        self.note(&backend::stats_line(&done));
        if done.finish_reason == FinishReason::Cancelled {
            self.note("(stopped)");
        }
        self.messages
            .push(Message::new(Role::Assistant, text.clone()));
        self.save_turn(&text, &done)?;
        self.last = Some(done);
        Ok(())
    }

    fn retry(&mut self) -> anyhow::Result<()> {
        if self
            .messages
            .last()
            .is_none_or(|m| m.role != Role::Assistant)
        {
            self.note("Nothing to retry yet.");
            return Ok(());
        }
        self.messages.pop();
        self.save(&Record::Undo { at: now() })?;
        // The user message is saved again with the new answer.
        let user = self.messages.pop();
        self.save(&Record::Undo { at: now() })?;
        if let Some(user) = user {
            self.messages.push(user);
        }
        self.answer()
    }

    /// Replaces the last exchange's question and asks again.
    fn edit(&mut self, text: Option<String>) -> anyhow::Result<()> {
        let Some(last) = self.messages.iter().rposition(|m| m.role == Role::User) else {
            self.note("Nothing to edit yet.");
            return Ok(());
        };
        let old = self.messages[last].content.clone();
        let new = match text {
            Some(text) => text,
            None => match edit_in_editor(&old)? {
                Some(text) => text,
                None => {
                    self.note("Set $EDITOR, or give the new text: /edit <text>.");
                    return Ok(());
                }
            },
        };
        if new.trim().is_empty() || new.trim() == old.trim() {
            self.note("Unchanged.");
            return Ok(());
        }
        // Take back the question (and its answer) in memory and on disk.
        for _ in last..self.messages.len() {
            self.messages.pop();
            self.save(&Record::Undo { at: now() })?;
        }
        self.messages.push(Message::new(Role::User, new.trim()));
        self.answer()
    }

    /// Puts the last answer, or its last fenced code block, on the
    /// clipboard through the terminal (OSC 52), which works over SSH too.
    fn copy(&self, code: bool) -> anyhow::Result<()> {
        let Some(answer) = self
            .messages
            .iter()
            .rev()
            .find(|m| m.role == Role::Assistant)
        else {
            self.note("Nothing to copy yet.");
            return Ok(());
        };
        if !std::io::stdout().is_terminal() {
            self.note("Copying needs a terminal (it goes through the terminal's clipboard).");
            return Ok(());
        }
        let text = if code {
            match last_code_block(&answer.content) {
                Some(block) => block,
                None => {
                    self.note("The last answer has no code block.");
                    return Ok(());
                }
            }
        } else {
            answer.content.clone()
        };
        let mut out = std::io::stdout().lock();
        write!(out, "\x1b]52;c;{}\x07", base64(text.as_bytes()))?;
        out.flush()?;
        self.note(&format!("Copied {} characters.", text.chars().count()));
        Ok(())
    }

    /// Appends the last user message and this answer to the session file,
    /// creating it on the first turn.
    fn save_turn(&mut self, answer: &str, done: &Completion) -> anyhow::Result<()> {
        let user = self
            .messages
            .iter()
            .rev()
            .find(|m| m.role == Role::User)
            .map(|m| m.content.clone())
            .unwrap_or_default();
        if self.session.is_none() {
            let settings = serde_json::to_value(self.request.sampling).unwrap_or_default();
            let header =
                self.store
                    .create(self.backend.model_name(), self.system.clone(), settings)?;
            self.session = Some(header.id);
        }
        if !self.titled {
            self.titled = true;
            self.save(&Record::Title {
                title: title_from(&user),
                at: now(),
            })?;
        }
        let at = now();
        self.save(&Record::Message(StoredMessage {
            role: Role::User,
            content: user,
            at,
            prompt_tokens: Some(done.usage.prompt_tokens),
            completion_tokens: None,
            ttft_ms: None,
            tokens_per_second: None,
        }))?;
        self.save(&Record::Message(StoredMessage {
            role: Role::Assistant,
            content: answer.to_string(),
            at,
            prompt_tokens: None,
            completion_tokens: Some(done.usage.completion_tokens),
            ttft_ms: Some(done.timings.ttft_ms),
            tokens_per_second: Some(done.timings.generation_tokens_per_second),
        }))
    }

    /// Appends a record to this chat's session, if it has one yet.
    fn save(&self, record: &Record) -> anyhow::Result<()> {
        if let Some(id) = &self.session {
            self.store.append(id, record)?;
        }
        Ok(())
    }

    fn export(&self, format: ExportAs, path: Option<String>) -> anyhow::Result<()> {
        let Some(id) = &self.session else {
            self.note("Nothing to export yet.");
            return Ok(());
        };
        let (extension, bytes) = match format {
            ExportAs::Markdown => ("md", export::markdown(&self.store.load(id)?).into_bytes()),
            ExportAs::JsonLines => ("jsonl", self.store.raw(id)?),
        };
        let path = path.unwrap_or_else(|| format!("{id}.{extension}"));
        std::fs::write(&path, bytes)?;
        self.note(&format!("Exported to {path}."));
        Ok(())
    }

    fn context_bar(&self) -> String {
        let Some(done) = &self.last else {
            return "No answer yet.".to_string();
        };
        let used = done.usage.total_tokens;
        let size = self.resolved.settings.context_size;
        if size == 0 {
            return format!("{used} tokens used (context: the model's trained length)");
        }
        let width = 30;
        let filled = ((used as f64 / size as f64) * width as f64).round() as usize;
        let filled = filled.min(width);
        format!(
            "[{}{}] {used} of {size} tokens ({:.0}%)",
            "#".repeat(filled),
            "-".repeat(width - filled),
            100.0 * used as f64 / size as f64
        )
    }
}

/// Opens `$VISUAL` or `$EDITOR` on `text`; `None` when neither is set.
fn edit_in_editor(text: &str) -> anyhow::Result<Option<String>> {
    let Some(editor) = std::env::var("VISUAL")
        .ok()
        .or_else(|| std::env::var("EDITOR").ok())
        .filter(|e| !e.trim().is_empty())
    else {
        return Ok(None);
    };
    let file = tempfile::Builder::new().suffix(".md").tempfile()?;
    std::fs::write(file.path(), text)?;
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let status = std::process::Command::new(program)
        .args(words)
        .arg(file.path())
        .status()?;
    if !status.success() {
        anyhow::bail!("{editor} exited with {status}; the message is unchanged");
    }
    Ok(Some(std::fs::read_to_string(file.path())?))
}

/// The contents of the last ``` fenced block.
fn last_code_block(text: &str) -> Option<String> {
    let mut blocks = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            match current.take() {
                Some(lines) => blocks.push(lines.join("\n")),
                None => current = Some(Vec::new()),
            }
        } else if let Some(lines) = current.as_mut() {
            lines.push(line);
        }
    }
    blocks.pop()
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// True when the error says the prompt does not fit the context window,
/// from the engine in this process or from a server.
fn is_context_overflow(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<crate::client::ClientError>()
            .is_some_and(crate::client::ClientError::is_context_overflow)
            || e.downcast_ref::<crate::errors::Hinted>()
                .is_some_and(|h| h.code == Some(crate::engine::CONTEXT_OVERFLOW_CODE))
    })
}

/// Prints an answer as it streams, as Markdown on a terminal. Reasoning is
/// shown dimmed when `show_thinking` is on and dropped otherwise; only the
/// answer itself is kept for the conversation.
struct Streamed {
    parser: OutputParser,
    show_thinking: bool,
    styled: bool,
    markdown: MarkdownStream<std::io::Stdout>,
}

impl Streamed {
    fn new(show_thinking: bool, styled: bool) -> Self {
        let width = crossterm::terminal::size().map_or(80, |(columns, _)| columns as usize);
        Self {
            parser: OutputParser::new(),
            show_thinking,
            styled,
            markdown: MarkdownStream::new(std::io::stdout(), styled, width),
        }
    }

    fn text(&mut self, text: &str) -> std::io::Result<()> {
        let segments = self.parser.push(text);
        self.write(segments)
    }

    fn write(&mut self, segments: Vec<Segment>) -> std::io::Result<()> {
        for segment in segments {
            match segment {
                Segment::Content(text) => self.markdown.push(&text)?,
                Segment::Reasoning(text) if self.show_thinking => {
                    let mut out = std::io::stdout().lock();
                    if self.styled {
                        write!(out, "\x1b[2m{text}\x1b[0m")?;
                    } else {
                        out.write_all(text.as_bytes())?;
                    }
                    out.flush()?;
                }
                Segment::Reasoning(_) => {}
                // The chat offers no tools (yet), so the model calls none.
                Segment::ToolCalls(_) => {}
            }
        }
        Ok(())
    }

    /// Ends the answer on a line of its own.
    fn finish(mut self) -> std::io::Result<String> {
        let rest = self.parser.finish();
        self.write(rest)?;
        self.markdown.finish()?;
        let answer = self.parser.answer().to_string();
        if !self.styled && !answer.ends_with('\n') {
            let mut out = std::io::stdout().lock();
            out.write_all(b"\n")?;
            out.flush()?;
        }
        Ok(answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn the_last_code_block_is_found() {
        let text = "a\n```sh\nls\n```\nthen\n```rust\nfn main() {}\nlet x = 1;\n```\n";
        assert_eq!(last_code_block(text).unwrap(), "fn main() {}\nlet x = 1;");
        assert_eq!(last_code_block("no code"), None);
    }
}
