//! One conversation with a model, apart from any screen: its messages, the
//! session file every turn is appended to, where answers come from, and a
//! turn (the agent loop) that reports through an [`agent::Frontend`]. The
//! line chat (`repl`) and the full-screen workspace (`tui`) both drive it,
//! so what either does is what `flashchat sessions` sees.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::agent::{self, Agent, Frontend, Said, TurnEnd};
use crate::backend::{self, Backend};
use crate::engine::output::OutputParser;
use crate::engine::{Completion, GenerateRequest, Message, PromptInput};
use crate::errors::Hinted;
use crate::mcp::Toolbox;
use crate::models::{self, ResolvedModel};
use crate::paths::{Env, Paths};
use crate::role::Role;
use crate::sessions::record::{Record, StoredMessage};
use crate::sessions::{now, title_from, Session, SessionStore};
use crate::settings::Settings;

pub struct Conversation {
    backend: Backend,
    store: SessionStore,
    /// The session file's id, once the first turn is saved.
    session: Option<String>,
    titled: bool,
    system: Option<String>,
    messages: Vec<Message>,
    request: GenerateRequest,
    last: Option<Completion>,
    /// Set to stop the answer being generated.
    interrupt: Arc<AtomicBool>,
    /// The MCP servers whose tools the model is offered, if any.
    toolbox: Option<Toolbox>,
}

impl Conversation {
    /// A new conversation with `settings`' sampling and system prompt;
    /// sessions are kept in `paths.sessions_dir`.
    pub fn new(settings: &Settings, paths: &Paths, backend: Backend) -> Self {
        // Ctrl-C while an answer streams stops that answer.
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
            backend,
            store: SessionStore::new(&paths.sessions_dir),
            session: None,
            titled: false,
            system: settings.system_prompt.clone(),
            messages: Vec::new(),
            request,
            last: None,
            interrupt,
            toolbox: None,
        }
    }

    pub fn set_toolbox(&mut self, toolbox: Toolbox) {
        self.toolbox = Some(toolbox);
    }

    pub fn toolbox(&self) -> Option<&Toolbox> {
        self.toolbox.as_ref()
    }

    pub fn toolbox_mut(&mut self) -> Option<&mut Toolbox> {
        self.toolbox.as_mut()
    }

    /// Continues a saved session: its turns and its system prompt.
    pub fn resume(&mut self, session: &Session) {
        self.session = Some(session.header.id.clone());
        self.titled = !session.title.is_empty();
        self.system = session.system_prompt.clone();
        self.messages = session.messages.iter().map(|m| m.to_message()).collect();
        self.last = None;
    }

    /// Starts over: the next turn begins a new session file.
    pub fn start_new(&mut self) {
        self.session = None;
        self.titled = false;
        self.messages.clear();
        self.last = None;
    }

    pub fn backend(&self) -> &Backend {
        &self.backend
    }

    pub fn store(&self) -> &SessionStore {
        &self.store
    }

    pub fn session(&self) -> Option<&str> {
        self.session.as_deref()
    }

    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    pub fn system(&self) -> Option<&str> {
        self.system.as_deref()
    }

    /// The last answer's figures.
    pub fn last(&self) -> Option<&Completion> {
        self.last.as_ref()
    }

    /// The request each answer is generated with (sampling, max tokens).
    pub fn request(&self) -> &GenerateRequest {
        &self.request
    }

    pub fn request_mut(&mut self) -> &mut GenerateRequest {
        &mut self.request
    }

    /// The flag that stops the answer being generated; cleared at each turn.
    pub fn interrupt(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.interrupt)
    }

    /// A new system prompt for the answers to come, not saved (a persona's,
    /// before the session exists).
    pub fn set_system_unsaved(&mut self, system: Option<String>) {
        self.system = system;
    }

    /// A new system prompt, saved in the session.
    pub fn set_system(&mut self, system: Option<String>) -> anyhow::Result<()> {
        self.system = system;
        self.save(&Record::System {
            system_prompt: self.system.clone(),
            at: now(),
        })
    }

    /// Renames the session (saved as a title record).
    pub fn rename(&mut self, title: String) -> anyhow::Result<()> {
        self.titled = true;
        self.save(&Record::Title { title, at: now() })
    }

    /// Adds the person's message; `answer` answers it.
    pub fn push_question(&mut self, text: &str) {
        self.messages.push(Message::new(Role::User, text.trim()));
    }

    /// Answers the conversation so far (which ends with the person's
    /// message), calling tools when servers are on, and saves the turn. A
    /// failed turn leaves nothing behind, the question included.
    pub fn answer(
        &mut self,
        settings: &Settings,
        frontend: &mut dyn Frontend,
    ) -> anyhow::Result<TurnEnd> {
        self.interrupt.store(false, Ordering::Relaxed);
        let mut agent = Agent {
            backend: &self.backend,
            toolbox: self.toolbox.as_mut(),
            settings: &settings.agent,
            result_limit: agent::result_limit(settings.context_size),
        };
        let turn = agent.turn(
            &mut self.request,
            self.system.as_deref(),
            &mut self.messages,
            OutputParser::new,
            frontend,
        );
        let end = match turn {
            Ok(end) => end,
            Err(e) => {
                while let Some(message) = self.messages.pop() {
                    if message.role == Role::User {
                        break;
                    }
                }
                return Err(e);
            }
        };
        self.save_turn(&end.said)?;
        self.last = end.last.clone();
        Ok(end)
    }

    /// The index of the person's last message.
    pub fn last_question(&self) -> Option<usize> {
        self.messages.iter().rposition(|m| m.role == Role::User)
    }

    /// Takes back the messages from `index` on, in memory and on disk.
    pub fn take_back_from(&mut self, index: usize) -> anyhow::Result<()> {
        for _ in index..self.messages.len() {
            self.messages.pop();
            self.save(&Record::Undo { at: now() })?;
        }
        Ok(())
    }

    /// Goes on with `model`: a server loads it, an in-process engine is
    /// replaced. Returns what happened.
    pub fn switch_model(&mut self, model: ResolvedModel) -> anyhow::Result<String> {
        self.backend.switch_model(model)
    }

    /// How many tokens of the context the last answer's prompt and answer
    /// took, and the context's size (0: the model's trained length).
    pub fn context_used(&self, settings: &Settings) -> Option<(u32, u32)> {
        self.last
            .as_ref()
            .map(|done| (done.usage.total_tokens, settings.context_size))
    }

    /// Appends the turn to the session file (the question, then each
    /// answer, call and result), creating the file on the first turn.
    fn save_turn(&mut self, said: &[Said]) -> anyhow::Result<()> {
        let Some(question) = self
            .messages
            .len()
            .checked_sub(said.len() + 1)
            .map(|i| self.messages[i].clone())
        else {
            return Ok(());
        };
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
                title: title_from(&question.content),
                at: now(),
            })?;
        }
        let at = now();
        let first = said.first().and_then(|s| s.completion.as_ref());
        self.save(&Record::Message(StoredMessage {
            prompt_tokens: first.map(|done| done.usage.prompt_tokens),
            ..StoredMessage::of(&question, at)
        }))?;
        for s in said {
            self.save(&Record::Message(stored(s, at)))?;
        }
        Ok(())
    }

    /// Appends a record to this conversation's session, if it has one yet.
    fn save(&self, record: &Record) -> anyhow::Result<()> {
        if let Some(id) = &self.session {
            self.store.append(id, record)?;
        }
        Ok(())
    }
}

/// The model `name` names (a short name, alias, spec or path), read.
pub fn find_model(
    name: &str,
    settings: &Settings,
    env: &Env,
    paths: &Paths,
) -> Result<ResolvedModel, Hinted> {
    let spec = models::spec_for(name, &settings.models_dirs, env, paths)?;
    let path = spec.locate(&paths.hf_hub_dir)?;
    let info = models::read_checked(&path)?;
    Ok(ResolvedModel { spec, path, info })
}

/// A message the turn added as the session file keeps it, with its figures.
pub fn stored(said: &Said, at: i64) -> StoredMessage {
    let mut stored = StoredMessage::of(&said.message, at);
    stored.reasoning = said.reasoning.clone();
    if let Some(done) = &said.completion {
        stored.completion_tokens = Some(done.usage.completion_tokens);
        stored.ttft_ms = Some(done.timings.ttft_ms);
        stored.tokens_per_second = Some(done.timings.generation_tokens_per_second);
    }
    stored
}

/// Errors a person can act on, told as one line.
pub fn one_line(e: &anyhow::Error) -> String {
    match e.downcast_ref::<Hinted>() {
        Some(h) => format!("{} ({})", h.message, h.hint),
        None => format!("{e:#}"),
    }
}
