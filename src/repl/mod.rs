//! The chat: a conversation with its session file, fed by a line editor on
//! a terminal (reedline: history, Ctrl-R, tab completion of slash
//! commands, Alt-Enter for a new line) or by plain lines from a pipe. With
//! MCP servers, each turn is the agent loop: calls shown, approved with a
//! key, run, and their results fed back.

mod editor;
mod live;
pub mod markdown;
pub mod slash;
mod typeahead;

use std::io::{BufRead, IsTerminal, Write};
use std::sync::atomic::Ordering;

use crate::backend::{self, Backend};
use crate::compare;
use crate::conversation::{self, Conversation};
use crate::engine::Message;
use crate::errors::Hinted;
use crate::mcp::Toolbox;
use crate::paths::{Env, Paths};
use crate::personas::{self, Persona};
use crate::printer::Printer;
use crate::role::Role;
use crate::sessions::{export, now, Session};
use crate::settings::{keys, Origin, Resolved};
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
    conversation: Conversation,
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
        // Ctrl-C while an answer streams stops that answer; at the prompt the
        // editor sees the key itself.
        let conversation = Conversation::new(&resolved.settings, paths, backend);
        Self {
            base: resolved,
            resolved: resolved.clone(),
            persona: None,
            set: Vec::new(),
            env,
            paths,
            printer,
            conversation,
        }
    }

    /// Offers the model these MCP servers' tools (started at the first
    /// message that needs them).
    pub fn with_tools(mut self, toolbox: Toolbox) -> Self {
        self.conversation.set_toolbox(toolbox);
        self
    }

    /// Answers as `persona`: its system prompt and settings, under flags.
    pub fn with_persona(mut self, persona: Persona) -> Result<Self, Hinted> {
        self.use_persona(persona)?;
        Ok(self)
    }

    /// Continues a saved session: its turns and its system prompt.
    pub fn resuming(mut self, session: Session) -> Self {
        self.conversation.resume(&session);
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
        let request = self.conversation.request_mut();
        let seed = request.sampling.seed;
        request.sampling = backend::sampling(settings);
        if settings.seed.is_none() {
            // Unset: the seed drawn when the chat started stays.
            request.sampling.seed = seed;
        }
        request.max_tokens = settings.max_tokens;
        self.resolved = resolved;
        Ok(())
    }

    fn use_persona(&mut self, persona: Persona) -> Result<(), Hinted> {
        let previous = self.persona.replace(persona);
        if let Err(e) = self.relayer() {
            self.persona = previous;
            return Err(e);
        }
        self.conversation
            .set_system_unsaved(self.resolved.settings.system_prompt.clone());
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
        let session = match self.conversation.session() {
            Some(id) => format!(
                "resuming {id} ({} messages)",
                self.conversation.messages().len()
            ),
            None => "new session".to_string(),
        };
        let tools = match self.conversation.toolbox() {
            Some(toolbox) if toolbox.has_servers() => " · MCP tools (/tools)",
            _ => "",
        };
        format!(
            "flashchat · {} · {session}{tools} · /help for commands",
            self.conversation.backend().source()
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
        self.conversation.push_question(text);
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
                self.conversation.start_new();
                self.note("New session.");
            }
            Slash::Retry => self.retry()?,
            Slash::Edit(text) => self.edit(text)?,
            Slash::Copy { code } => self.copy(code)?,
            Slash::System(None) => self.note(&format!(
                "System prompt: {}",
                self.conversation.system().unwrap_or("(none)")
            )),
            Slash::System(Some(text)) => {
                self.conversation.set_system(Some(text))?;
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
                        let system = self.conversation.system().map(str::to_string);
                        self.conversation.set_system(system)?;
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
                self.conversation.rename(title)?;
                self.note("Renamed.");
            }
            Slash::Export(format, path) => self.export(format, path)?,
            Slash::Stats => match self.conversation.last() {
                Some(done) => self.note(&backend::stats_line(done)),
                None => self.note("No answer yet."),
            },
            Slash::Context => self.note(&self.context_bar()),
            Slash::Compare(model) => self.compare(&model),
            Slash::Sessions => print!(
                "{}",
                export::table(&self.conversation.store().list(), now())
            ),
            Slash::Model(None) => self.note(&format!(
                "Model: {} (/model NAME switches; `flashchat models` lists them)",
                self.conversation.backend().model_name()
            )),
            Slash::Model(Some(name)) => self.switch_model(&name)?,
            Slash::Save => match self.conversation.session() {
                Some(id) => self.note(&format!(
                    "Saved in {} (every turn is written as it completes).",
                    self.conversation.store().path(id).display()
                )),
                None => self.note("Nothing to save yet: the session starts with the first answer."),
            },
            Slash::Template(name, values) => {
                let filled = crate::templates::load(&self.paths.templates_dir, &name)
                    .and_then(|t| Ok((t.render(&values.into_iter().collect())?, t)));
                match filled {
                    Ok((text, template)) => {
                        if !template.settings.is_empty() || template.schema.is_some() {
                            self.note("(The template's settings and schema apply to `prompt -t`; here /set and /persona set the chat's.)");
                        }
                        println!("{}", self.printer.dim(&text));
                        self.conversation.push_question(&text);
                        self.answer()?;
                    }
                    Err(e) => self.note(&format!("{} ({})", e.message, e.hint)),
                }
            }
            Slash::Tools(None) => self.list_tools(),
            Slash::Tools(Some((server, on))) => {
                let done = self.toolbox_mut()?.set_enabled(&server, on).map(|()| {
                    if on {
                        format!("{server} is on for this chat (it starts with the next message).")
                    } else {
                        format!("{server} is off for this chat: its tools are not offered.")
                    }
                });
                self.note(&done.unwrap_or_else(|e| e));
            }
            Slash::Trust(None) => self.list_tools(),
            Slash::Trust(Some((server, trust))) => {
                let shown = trust_words(&trust);
                let done = self.toolbox_mut()?.set_trust(&server, trust);
                self.note(&match done {
                    Ok(()) => format!("{server}: {shown}, for this chat."),
                    Err(e) => e,
                });
            }
        }
        Ok(Flow::Continue)
    }

    fn toolbox_mut(&mut self) -> anyhow::Result<&mut Toolbox> {
        self.conversation.toolbox_mut().ok_or_else(|| {
            Hinted::new(
                "this chat has no MCP servers",
                "`flashchat mcp add NAME -- COMMAND...` adds one; chat --no-tools leaves them out",
            )
            .into()
        })
    }

    /// `/tools`: each server, its state, its trust and its tools.
    fn list_tools(&self) {
        let Some(toolbox) = self.conversation.toolbox() else {
            self.note(
                "No MCP servers in this chat: `flashchat mcp add NAME -- COMMAND...` adds one.",
            );
            return;
        };
        for server in toolbox.lines() {
            let state = if server.enabled { server.state } else { "off" };
            println!(
                "  {:<12} {:<12} {}",
                server.name,
                state,
                trust_words(&server.trust)
            );
            if !server.tools.is_empty() {
                println!("  {:<12} {}", "", server.tools.join(", "));
            }
        }
        self.note("/tools on|off NAME turns a server on or off; /trust NAME always|ask|TOOL,... changes its trust.");
    }

    /// `/model NAME`: the conversation goes on with another model.
    fn switch_model(&mut self, name: &str) -> anyhow::Result<()> {
        let found = conversation::find_model(name, &self.resolved.settings, self.env, self.paths);
        let model = match found {
            Ok(model) => model,
            Err(e) => {
                self.note(&format!("{} ({})", e.message, e.hint));
                return Ok(());
            }
        };
        match self.conversation.switch_model(model) {
            Ok(done) => self.note(&done),
            Err(e) => {
                crate::errors::report(&e);
            }
        }
        Ok(())
    }

    /// Answers the conversation so far (calling tools when servers are
    /// on), streams it and saves the turn. A failed turn leaves nothing.
    /// SIGTERM or SIGHUP (the terminal closed) meanwhile stops the answer
    /// as Ctrl-C does; the turn is saved and the chat ends with 128 + the
    /// signal.
    fn answer(&mut self) -> anyhow::Result<()> {
        let mut live = live::Live::new(self.printer, self.resolved.settings.show_thinking);
        let echo_off = typeahead::EchoOff::new();
        let termination = crate::interrupt::Termination::catch();
        let turn = self.conversation.answer(&self.resolved.settings, &mut live);
        drop(termination);
        drop(echo_off);
        turn?;
        match crate::interrupt::terminated() {
            Some(signal) => Err(crate::errors::Signalled(signal).into()),
            None => Ok(()),
        }
    }

    /// Asks `model` (through the server's router) to answer the last
    /// message too, and shows both answers side by side. Nothing is saved.
    fn compare(&mut self, model: &str) {
        let c = &self.conversation;
        let Some(client) = c.backend().server_client() else {
            self.note("/compare asks a server, which loads the other model beside this one: start it with `flashchat serve` and chat again.");
            return;
        };
        let Some(asked) = c.last_question() else {
            self.note("Nothing to compare yet: ask something first.");
            return;
        };
        let mut messages = Vec::new();
        if let Some(system) = c.system().filter(|s| !s.is_empty()) {
            messages.push(Message::new(Role::System, system));
        }
        messages.extend(c.messages()[..=asked].iter().cloned());
        let request = c.request();
        let fields = crate::client::chat_fields(&request.sampling, request.max_tokens, None);
        let interrupt = c.interrupt();
        interrupt.store(false, Ordering::Relaxed);
        let theirs =
            crate::reporters::spinning(self.printer, &format!("Asking {model}…"), || {
                compare::ask(client, model, &messages, &fields, &interrupt, |_| {})
            });
        let said = c.messages()[asked + 1..]
            .iter()
            .rev()
            .find(|m| m.role == Role::Assistant && !m.content.trim().is_empty());
        let ours = compare::Answer {
            model: c.backend().model_name().to_string(),
            text: said.map_or(String::new(), |m| m.content.trim().to_string()),
            reasoning: None,
            completion: c.last().cloned(),
            error: None,
            total_ms: 0.0,
        };
        let answers = [ours, theirs];
        let width = crossterm::terminal::size().map_or(80, |(columns, _)| columns as usize);
        let shown =
            compare::side_by_side(&answers, width).unwrap_or_else(|| compare::stacked(&answers));
        print!("{shown}");
        let _ = std::io::stdout().flush();
        self.note(&format!(
            "Not saved in the session; /model {model} answers with it from now on."
        ));
    }

    fn retry(&mut self) -> anyhow::Result<()> {
        let c = &mut self.conversation;
        let last = c.last_question();
        let Some(last) = last.filter(|&i| i + 1 < c.messages().len()) else {
            self.note("Nothing to retry yet.");
            return Ok(());
        };
        // The question is saved again with the new answer.
        let question = c.messages()[last].content.clone();
        c.take_back_from(last)?;
        c.push_question(&question);
        self.answer()
    }

    /// Replaces the last exchange's question and asks again.
    fn edit(&mut self, text: Option<String>) -> anyhow::Result<()> {
        let Some(last) = self.conversation.last_question() else {
            self.note("Nothing to edit yet.");
            return Ok(());
        };
        let old = self.conversation.messages()[last].content.clone();
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
        // Take back the question and everything after it.
        self.conversation.take_back_from(last)?;
        self.conversation.push_question(&new);
        self.answer()
    }

    /// Puts the last answer, or its last fenced code block, on the
    /// clipboard through the terminal (OSC 52), which works over SSH too.
    fn copy(&self, code: bool) -> anyhow::Result<()> {
        let Some(answer) = self
            .conversation
            .messages()
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

    fn export(&self, format: ExportAs, path: Option<String>) -> anyhow::Result<()> {
        let (store, session) = (self.conversation.store(), self.conversation.session());
        let Some(id) = session else {
            self.note("Nothing to export yet.");
            return Ok(());
        };
        let (extension, bytes) = match format {
            ExportAs::Markdown => ("md", export::markdown(&store.load(id)?).into_bytes()),
            ExportAs::JsonLines => ("jsonl", store.raw(id)?),
        };
        let path = path.unwrap_or_else(|| format!("{id}.{extension}"));
        std::fs::write(&path, bytes)?;
        self.note(&format!("Exported to {path}."));
        Ok(())
    }

    fn context_bar(&self) -> String {
        let Some((used, size)) = self.conversation.context_used(&self.resolved.settings) else {
            return "No answer yet.".to_string();
        };
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

/// A server's trust as `/tools` says it.
fn trust_words(trust: &crate::mcp::Trust) -> String {
    match trust {
        crate::mcp::Trust::Ask => "every call asks".to_string(),
        crate::mcp::Trust::Always => "calls run without asking".to_string(),
        crate::mcp::Trust::Tools(tools) => format!("runs without asking: {}", tools.join(", ")),
    }
}

/// Opens `$VISUAL` or `$EDITOR` on `text`; `None` when neither is set.
fn edit_in_editor(text: &str) -> anyhow::Result<Option<String>> {
    let file = tempfile::Builder::new().suffix(".md").tempfile()?;
    std::fs::write(file.path(), text)?;
    match crate::editor::open(file.path()) {
        Ok(true) => Ok(Some(std::fs::read_to_string(file.path())?)),
        Ok(false) => Ok(None),
        Err(e) => Err(e.context("the message is unchanged")),
    }
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
