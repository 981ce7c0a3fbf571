//! The conversation's own thread, so the screen never waits on the model:
//! the workspace sends it commands (ask, open a session, use a model) and
//! draws the updates it sends back (pieces of the answer, tool calls and
//! the questions they raise, figures, failures).

use std::sync::mpsc::{Receiver, Sender};

use super::transcript::Figures;
use crate::agent::{self, Approval, Call, Frontend, Outcome};
use crate::backend::Answer;
use crate::conversation::{self, Conversation};
use crate::engine::text::Segment;
use crate::engine::FinishReason;
use crate::paths::{Env, Paths};
use crate::sessions::Session;
use crate::settings::Settings;

/// What the workspace asks of the conversation.
pub enum Command {
    Ask(String),
    /// Go on with a saved session.
    Open(Box<Session>),
    New,
    /// Answer with this model from now on.
    UseModel(String),
    /// Rename the open session.
    Rename(String),
}

/// What the conversation tells the workspace.
pub enum Update {
    Segment(Segment),
    /// An answer is complete (it may call tools next).
    Answered {
        figures: Figures,
        stopped: bool,
    },
    /// A call asks whether it may run; the answer goes back on the
    /// approvals channel.
    Approve(String),
    /// A call ran (or was refused): its title and its result, shortened.
    Ran {
        title: String,
        text: String,
    },
    Notice(String),
    /// The turn is over and saved.
    TurnDone {
        session: Option<String>,
        context: Option<(u32, u32)>,
    },
    /// The turn failed and left nothing behind.
    Failed(String),
    Opened(String),
    /// The open session has a new title.
    Renamed(String),
    /// The model answering now, and what happened.
    ModelUsed {
        model: String,
        said: String,
    },
}

/// Runs `conversation` until the command channel closes.
pub fn run(
    mut conversation: Conversation,
    settings: &Settings,
    env: &Env,
    paths: &Paths,
    commands: Receiver<Command>,
    updates: Sender<Update>,
    approvals: Receiver<Approval>,
) {
    let mut frontend = Screen {
        updates: updates.clone(),
        approvals,
    };
    for command in commands {
        let update = match command {
            Command::Ask(text) => {
                conversation.push_question(&text);
                match conversation.answer(settings, &mut frontend) {
                    Ok(_) => Update::TurnDone {
                        session: conversation.session().map(str::to_string),
                        context: conversation.context_used(settings),
                    },
                    Err(e) => Update::Failed(conversation::one_line(&e)),
                }
            }
            Command::Open(session) => {
                conversation.resume(&session);
                Update::Opened(session.header.id.clone())
            }
            Command::New => {
                conversation.start_new();
                Update::Notice("New session: it is saved with its first answer.".into())
            }
            Command::UseModel(name) => {
                let said = conversation::find_model(&name, settings, env, paths)
                    .map_err(anyhow::Error::from)
                    .and_then(|model| conversation.switch_model(model))
                    .unwrap_or_else(|e| format!("error: {}", conversation::one_line(&e)));
                Update::ModelUsed {
                    model: conversation.backend().model_name().to_string(),
                    said,
                }
            }
            Command::Rename(title) => match conversation.session() {
                Some(_) => match conversation.rename(title.clone()) {
                    Ok(()) => Update::Renamed(title),
                    Err(e) => Update::Failed(conversation::one_line(&e)),
                },
                None => Update::Notice("Nothing to rename yet: ask something first.".into()),
            },
        };
        if updates.send(update).is_err() {
            break;
        }
    }
}

/// The agent loop's frontend: everything goes to the screen as updates.
struct Screen {
    updates: Sender<Update>,
    approvals: Receiver<Approval>,
}

impl Frontend for Screen {
    fn segment(&mut self, segment: Segment) -> std::io::Result<()> {
        self.updates
            .send(Update::Segment(segment))
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the screen is gone"))
    }

    fn answered(&mut self, answer: &Answer) -> std::io::Result<()> {
        let stopped = answer.completion.finish_reason == FinishReason::Cancelled;
        let figures = Figures::of(&answer.completion);
        let _ = self.updates.send(Update::Answered { figures, stopped });
        Ok(())
    }

    fn approve(&mut self, call: &Call) -> Approval {
        let question = format!("{}\n{}", call.title(), call.arguments());
        if self.updates.send(Update::Approve(question)).is_err() {
            return Approval::Stop;
        }
        self.approvals.recv().unwrap_or(Approval::Stop)
    }

    fn ran(&mut self, call: &Call, outcome: &Outcome) {
        let text = agent::shortened(&outcome.text(), 8, 100);
        let _ = self.updates.send(Update::Ran {
            title: call.title(),
            text,
        });
    }

    fn notice(&mut self, text: &str) {
        let _ = self.updates.send(Update::Notice(text.to_string()));
    }
}
