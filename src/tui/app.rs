//! The workspace's state and what each key does to it: which pane has the
//! focus, the chat's input and transcript, the session and model lists
//! with their filters, the overlays (palette, keymap, questions), and the
//! updates from the conversation's thread laid into all of that.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::lists::{ModelList, PullState, SessionList};
use super::theme::Theme;
use super::transcript::{Entry, Figures, Kind, Transcript};
use super::worker::{Command, Update};
use crate::agent::Approval;
use crate::engine::text::Segment;
use crate::keymap::{Action, Keymap, BINDINGS};
use crate::sessions::SessionStore;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Chat,
    Sessions,
    Models,
    Metrics,
    Log,
}

pub const PANES: [Pane; 5] = [
    Pane::Chat,
    Pane::Sessions,
    Pane::Models,
    Pane::Metrics,
    Pane::Log,
];

impl Pane {
    pub fn title(self) -> &'static str {
        match self {
            Pane::Chat => "Chat",
            Pane::Sessions => "Sessions",
            Pane::Models => "Models",
            Pane::Metrics => "Metrics",
            Pane::Log => "Log",
        }
    }
}

/// A window over the panes, answered before anything else.
pub enum Overlay {
    Palette {
        filter: String,
        selected: usize,
    },
    Help,
    /// A tool call asks whether it may run.
    Approve(String),
    /// A yes/no question before something that cannot be undone.
    Confirm {
        question: String,
        then: Confirmed,
    },
    /// A line of text to type.
    Ask {
        title: String,
        input: Input,
        then: Asked,
    },
}

pub enum Confirmed {
    DeleteSession(String),
}

pub enum Asked {
    /// A new title for this session (the open one when `None`).
    Rename(Option<String>),
    Pull,
}

/// A line editor's text and cursor (in characters).
#[derive(Debug, Default, Clone)]
pub struct Input {
    pub text: String,
    pub cursor: usize,
}

impl Input {
    fn byte(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(i, _)| i)
    }

    pub fn insert(&mut self, c: char) {
        let at = self.byte(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    pub fn set(&mut self, text: &str) {
        self.text = text.to_string();
        self.cursor = text.chars().count();
    }

    pub fn take(&mut self) -> String {
        self.cursor = 0;
        std::mem::take(&mut self.text)
    }

    /// Applies an editing key; false when the key is not one.
    pub fn edit(&mut self, key: &KeyEvent) -> bool {
        let chars = self.text.chars().count();
        match key.code {
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                let at = self.byte(self.cursor);
                self.text.replace_range(..at, "");
                self.cursor = 0;
            }
            KeyCode::Char('w') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                let at = self.byte(self.cursor);
                let kept = self.text[..at].trim_end();
                let start = kept.rfind(' ').map_or(0, |i| i + 1);
                self.cursor = self.text[..start].chars().count();
                self.text.replace_range(start..at, "");
            }
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                self.insert(c)
            }
            KeyCode::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Delete if self.cursor < chars => {
                let at = self.byte(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(chars),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = chars,
            KeyCode::Backspace | KeyCode::Delete => {}
            _ => return false,
        }
        true
    }
}

/// Frame times, for the metrics pane and `FLASHCHAT_TUI_FRAME_LOG`.
#[derive(Default)]
pub struct Frames {
    /// When each recent frame was drawn, and how long drawing took.
    recent: std::collections::VecDeque<(Instant, Duration)>,
}

impl Frames {
    pub fn record(&mut self, at: Instant, took: Duration) {
        self.recent.push_back((at, took));
        while self
            .recent
            .front()
            .is_some_and(|(t, _)| at.duration_since(*t) > Duration::from_secs(1))
        {
            self.recent.pop_front();
        }
    }

    /// Frames drawn in the last second, and the slowest one's time.
    pub fn per_second(&self) -> (usize, Duration) {
        let slowest = self.recent.iter().map(|(_, d)| *d).max();
        (self.recent.len(), slowest.unwrap_or_default())
    }
}

pub struct App {
    pub keymap: Keymap,
    pub theme: Theme,
    pub focus: Pane,
    pub overlay: Option<Overlay>,
    pub transcript: Transcript,
    pub input: Input,
    /// The chat's transcript has the keys (vim-style), not its input.
    pub browsing: bool,
    /// An answer is being written.
    pub busy: Option<Instant>,
    pub sessions: SessionList,
    pub models: ModelList,
    /// Recent answers' figures, oldest first.
    pub answers: Vec<Figures>,
    /// Tokens the last answer left in the context, and its size.
    pub context: Option<(u32, u32)>,
    pub session: Option<String>,
    pub model: String,
    /// Where answers come from: a server's URL or "in this process".
    pub source: String,
    /// The last thing said, on the status line.
    pub status: String,
    /// Lines of the log scrolled up from its end.
    pub log_scroll: usize,
    /// Where each pane was drawn, for the mouse.
    pub areas: Vec<(Pane, Rect)>,
    /// Rows of the chat's transcript, at the last draw.
    pub chat_rows: usize,
    /// Where the chat's transcript was drawn, for a click on a fold.
    pub transcript_area: Rect,
    pub frames: Frames,
    pub quit: bool,
    quit_armed: Option<Instant>,
    interrupt: Arc<AtomicBool>,
    commands: Sender<Command>,
    approvals: Sender<Approval>,
    store: SessionStore,
}

/// What the workspace is built from.
pub struct Parts {
    pub keymap: Keymap,
    pub theme: Theme,
    pub store: SessionStore,
    pub models: ModelList,
    pub model: String,
    pub source: String,
    pub interrupt: Arc<AtomicBool>,
    pub commands: Sender<Command>,
    pub approvals: Sender<Approval>,
}

impl App {
    pub fn new(parts: Parts) -> Self {
        let mut sessions = SessionList::default();
        sessions.refresh(&parts.store);
        App {
            keymap: parts.keymap,
            theme: parts.theme,
            focus: Pane::Chat,
            overlay: None,
            transcript: Transcript::default(),
            input: Input::default(),
            browsing: false,
            busy: None,
            sessions,
            models: parts.models,
            answers: Vec::new(),
            context: None,
            session: None,
            model: parts.model,
            source: parts.source,
            status: String::new(),
            log_scroll: 0,
            areas: Vec::new(),
            chat_rows: 10,
            transcript_area: Rect::default(),
            frames: Frames::default(),
            quit: false,
            quit_armed: None,
            interrupt: parts.interrupt,
            commands: parts.commands,
            approvals: parts.approvals,
            store: parts.store,
        }
    }

    /// Shows a saved session and goes on with it.
    pub fn open_session(&mut self, id: &str) {
        if self.busy.is_some() {
            self.say("Wait for the answer (ctrl-c stops it) before opening another session.");
            return;
        }
        let session = match self.store.load(id) {
            Ok(session) => session,
            Err(e) => return self.say(&format!("error: {e}")),
        };
        self.transcript.clear();
        for message in &session.messages {
            self.transcript.push(Entry::stored(message));
        }
        self.answers = session
            .messages
            .iter()
            .filter_map(|m| {
                Entry::stored(m)
                    .figures
                    .filter(|f| f.tokens_per_second.is_some())
            })
            .collect();
        self.context = None;
        self.say(&format!("Opened “{}”.", session.title));
        self.send(Command::Open(Box::new(session)));
        self.focus = Pane::Chat;
        self.browsing = false;
    }

    fn say(&mut self, text: &str) {
        self.status = text.to_string();
    }

    fn send(&mut self, command: Command) {
        if self.commands.send(command).is_err() {
            self.say("error: the conversation has stopped");
        }
    }

    /// The chat's input is sent as a question.
    fn ask(&mut self) {
        if self.busy.is_some() {
            return self.say("An answer is being written: ctrl-c stops it.");
        }
        let text = self.input.take();
        if text.trim().is_empty() {
            return;
        }
        self.transcript.push(Entry::new(Kind::User, text.trim()));
        self.transcript.scroll = 0;
        self.busy = Some(Instant::now());
        self.send(Command::Ask(text));
    }

    /// Lays an update from the conversation's thread into the state.
    pub fn update(&mut self, update: Update) {
        match update {
            Update::Segment(segment) => {
                let entry = self.transcript.streaming();
                match segment {
                    Segment::Content(text) => entry.text.push_str(&text),
                    Segment::Reasoning(text) => entry.reasoning.push_str(&text),
                    Segment::ToolCalls(calls) => entry
                        .calls
                        .extend(calls.iter().map(|c| format!("{}({})", c.name, c.arguments))),
                }
                entry.touch();
            }
            Update::Answered { figures, stopped } => {
                let entry = self.transcript.streaming();
                entry.figures = Some(figures);
                entry.touch();
                self.answers.push(figures);
                if stopped {
                    self.transcript.push(Entry::new(Kind::Notice, "(stopped)"));
                }
            }
            Update::Approve(question) => self.overlay = Some(Overlay::Approve(question)),
            Update::Ran { title, text } => {
                let mut entry = Entry::new(Kind::Tool, text);
                entry.title = title;
                self.transcript.push(entry);
            }
            Update::Notice(text) => {
                self.transcript.push(Entry::new(Kind::Notice, text.clone()));
                self.say(&text);
            }
            Update::TurnDone { session, context } => {
                self.busy = None;
                self.session = session;
                self.context = context;
                self.sessions.refresh(&self.store);
            }
            Update::Failed(message) => {
                self.busy = None;
                // The conversation took the question back: so does the
                // screen, and the question returns to the input.
                if let Some(at) = self
                    .transcript
                    .entries
                    .iter()
                    .rposition(|e| e.kind == Kind::User)
                {
                    let question = self.transcript.entries[at].text.clone();
                    self.transcript.entries.truncate(at);
                    if self.input.text.is_empty() {
                        self.input.set(&question);
                    }
                }
                let text = format!("error: {message}");
                self.transcript.push(Entry::new(Kind::Notice, text.clone()));
                self.say(&text);
            }
            Update::Opened(id) => self.session = Some(id),
            Update::Renamed(title) => {
                self.update(Update::Notice(format!("Renamed to “{title}”.")));
                self.sessions.refresh(&self.store);
            }
            Update::ModelUsed { model, said } => {
                self.model = model;
                self.transcript.push(Entry::new(Kind::Notice, said.clone()));
                self.say(&said);
            }
        }
    }

    pub fn key(&mut self, key: KeyEvent) {
        if self.overlay.is_some() {
            return self.overlay_key(key);
        }
        if let Some(action) = self.keymap.action(&key) {
            return self.act(action);
        }
        if key.code != KeyCode::Char('c') {
            self.quit_armed = None;
        }
        match self.focus {
            Pane::Chat if !self.browsing => self.input_key(key),
            Pane::Sessions if self.sessions.filtering => {
                if !self.filter_key(key, Pane::Sessions) {
                    return;
                }
                self.sessions.apply(&self.store);
            }
            Pane::Models if self.models.filtering => {
                if self.filter_key(key, Pane::Models) {
                    self.models.apply();
                }
            }
            _ => self.browse_key(key),
        }
    }

    /// The chat's input: typing, Enter sends, Alt-Enter a new line.
    fn input_key(&mut self, key: KeyEvent) {
        match key.code {
            KeyCode::Enter
                if key
                    .modifiers
                    .intersects(KeyModifiers::ALT | KeyModifiers::SHIFT) =>
            {
                self.input.insert('\n')
            }
            KeyCode::Enter => self.ask(),
            KeyCode::Esc => self.browsing = true,
            KeyCode::PageUp => self.transcript.scroll_by(self.page(), self.chat_rows),
            KeyCode::PageDown => self.transcript.scroll_by(-self.page(), self.chat_rows),
            _ => {
                self.input.edit(&key);
            }
        }
    }

    fn page(&self) -> isize {
        (self.chat_rows.max(2) - 1) as isize
    }

    /// A list's filter as it is typed; true when the filter changed.
    fn filter_key(&mut self, key: KeyEvent, pane: Pane) -> bool {
        let (filter, filtering) = match pane {
            Pane::Sessions => (&mut self.sessions.filter, &mut self.sessions.filtering),
            _ => (&mut self.models.filter, &mut self.models.filtering),
        };
        match key.code {
            KeyCode::Enter => {
                *filtering = false;
                false
            }
            KeyCode::Esc => {
                *filtering = false;
                filter.clear();
                true
            }
            KeyCode::Down | KeyCode::Up => {
                *filtering = false;
                self.browse_key(key);
                false
            }
            _ => {
                let mut input = Input::default();
                input.set(filter);
                let edited = input.edit(&key);
                *filter = input.text;
                edited
            }
        }
    }

    /// Vim-style keys outside a text field.
    fn browse_key(&mut self, key: KeyEvent) {
        let half = (self.chat_rows / 2).max(1) as isize;
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let step: Option<isize> = match key.code {
            KeyCode::Char('j') | KeyCode::Down => Some(1),
            KeyCode::Char('k') | KeyCode::Up => Some(-1),
            KeyCode::Char('d') if ctrl => Some(half),
            KeyCode::Char('u') if ctrl => Some(-half),
            KeyCode::PageDown => Some(self.page()),
            KeyCode::PageUp => Some(-self.page()),
            KeyCode::Char('g') | KeyCode::Home => Some(isize::MIN / 2),
            KeyCode::Char('G') | KeyCode::End => Some(isize::MAX / 2),
            _ => None,
        };
        if let Some(step) = step {
            return self.move_by(self.focus, step);
        }
        match (self.focus, key.code) {
            (_, KeyCode::Char('q')) => self.quit = true,
            (_, KeyCode::Char('?')) => self.overlay = Some(Overlay::Help),
            (Pane::Chat, KeyCode::Char('i' | 'a') | KeyCode::Enter | KeyCode::Esc) => {
                self.browsing = false
            }
            // The guard opens or folds; this arm only says when nothing did.
            (Pane::Chat, KeyCode::Char('o')) if !self.transcript.toggle_lowest() => {
                self.say("Nothing in view folds (reasoning and tool results do).");
            }
            (Pane::Sessions, KeyCode::Char('/')) => self.sessions.filtering = true,
            (Pane::Sessions, KeyCode::Enter) => {
                if let Some(id) = self.sessions.selected_id() {
                    self.open_session(&id);
                }
            }
            (Pane::Sessions, KeyCode::Char('r')) => self.act(Action::RenameSession),
            (Pane::Sessions, KeyCode::Char('d')) => self.act(Action::DeleteSession),
            (Pane::Sessions, KeyCode::Esc) => {
                self.sessions.filter.clear();
                self.sessions.apply(&self.store);
            }
            (Pane::Models, KeyCode::Char('/')) => self.models.filtering = true,
            (Pane::Models, KeyCode::Enter) => self.use_model(),
            (Pane::Models, KeyCode::Char('p')) => self.act(Action::PullModel),
            (Pane::Models, KeyCode::Esc) => {
                self.models.filter.clear();
                self.models.apply();
            }
            _ => {}
        }
    }

    /// Moves a pane's selection or view by `step` lines (down is positive).
    fn move_by(&mut self, pane: Pane, step: isize) {
        match pane {
            Pane::Chat => {
                if step <= isize::MIN / 4 {
                    self.transcript.scroll_to_top(self.chat_rows);
                } else {
                    self.transcript.scroll_by(-step, self.chat_rows);
                }
            }
            Pane::Sessions => self.sessions.select_by(step),
            Pane::Models => self.models.select_by(step),
            Pane::Log => {
                let scroll = (self.log_scroll as isize - step).max(0);
                self.log_scroll = scroll.min(isize::MAX / 4) as usize;
            }
            Pane::Metrics => {}
        }
    }

    fn use_model(&mut self) {
        if self.busy.is_some() {
            return self.say("Wait for the answer (ctrl-c stops it) before switching models.");
        }
        if let Some(spec) = self.models.selected_spec() {
            self.say(&format!("Loading {spec}…"));
            self.send(Command::UseModel(spec));
        }
    }

    /// Runs an action of the keymap (or the palette).
    pub fn act(&mut self, action: Action) {
        if action != Action::Stop {
            self.quit_armed = None;
        }
        match action {
            Action::Palette => {
                self.overlay = Some(Overlay::Palette {
                    filter: String::new(),
                    selected: 0,
                })
            }
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::Quit => self.quit = true,
            Action::Stop => self.stop(),
            Action::NextPane | Action::PreviousPane => {
                let at = PANES.iter().position(|p| *p == self.focus).unwrap_or(0);
                let next = if action == Action::NextPane {
                    at + 1
                } else {
                    at + PANES.len() - 1
                };
                self.focus = PANES[next % PANES.len()];
            }
            Action::FocusChat => self.focus = Pane::Chat,
            Action::FocusSessions => self.focus = Pane::Sessions,
            Action::FocusModels => self.focus = Pane::Models,
            Action::FocusMetrics => self.focus = Pane::Metrics,
            Action::FocusLog => self.focus = Pane::Log,
            Action::NewSession => {
                if self.busy.is_some() {
                    return self.say("Wait for the answer (ctrl-c stops it) first.");
                }
                self.transcript.clear();
                self.session = None;
                self.context = None;
                self.focus = Pane::Chat;
                self.send(Command::New);
            }
            Action::ToggleDetails => {
                self.transcript.details = !self.transcript.details;
            }
            Action::PullModel => {
                self.overlay = Some(Overlay::Ask {
                    title: "Pull a model (repo, repo:quant or repo/file.gguf)".into(),
                    input: Input::default(),
                    then: Asked::Pull,
                })
            }
            Action::RenameSession => {
                let chosen = (self.focus == Pane::Sessions)
                    .then(|| self.sessions.selected_id())
                    .flatten()
                    .filter(|id| Some(id) != self.session.as_ref());
                if chosen.is_none() && self.session.is_none() {
                    return self
                        .say("Nothing to rename: ask something first, or choose a session.");
                }
                self.overlay = Some(Overlay::Ask {
                    title: "New title".into(),
                    input: Input::default(),
                    then: Asked::Rename(chosen),
                });
            }
            Action::DeleteSession => {
                let Some(row) = self.sessions.selected().cloned() else {
                    return self.say("Choose a session in the sessions pane first.");
                };
                if Some(&row.id) == self.session.as_ref() {
                    return self.say("That session is open: start a new one (ctrl-n) first.");
                }
                self.overlay = Some(Overlay::Confirm {
                    question: format!("Delete “{}”? It cannot be undone. [y/n]", row.title),
                    then: Confirmed::DeleteSession(row.id),
                });
            }
        }
    }

    /// Ctrl-C: stops the answer; otherwise, twice within two seconds, quits.
    fn stop(&mut self) {
        if self.busy.is_some() {
            self.interrupt.store(true, Ordering::Relaxed);
            return self.say("Stopping…");
        }
        match self.quit_armed {
            Some(at) if at.elapsed() < Duration::from_secs(2) => self.quit = true,
            _ => {
                self.quit_armed = Some(Instant::now());
                self.say("Ctrl-C again to quit.");
            }
        }
    }

    fn overlay_key(&mut self, key: KeyEvent) {
        let Some(overlay) = self.overlay.take() else {
            return;
        };
        let ctrl_c =
            key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
        match overlay {
            Overlay::Help => {}
            Overlay::Approve(question) => {
                let answer = match key.code {
                    _ if ctrl_c => Approval::Stop,
                    KeyCode::Char('y' | 'Y') => Approval::Yes,
                    KeyCode::Char('n' | 'N') | KeyCode::Esc => Approval::No,
                    KeyCode::Char('a' | 'A') => Approval::Always,
                    _ => {
                        self.overlay = Some(Overlay::Approve(question));
                        return;
                    }
                };
                let _ = self.approvals.send(answer);
            }
            Overlay::Confirm { question, then } => match key.code {
                KeyCode::Char('y' | 'Y') => self.confirmed(then),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => self.say("Left as it was."),
                _ if ctrl_c => self.say("Left as it was."),
                _ => self.overlay = Some(Overlay::Confirm { question, then }),
            },
            Overlay::Ask {
                title,
                mut input,
                then,
            } => match key.code {
                KeyCode::Enter => self.answered(then, input.text.trim().to_string()),
                KeyCode::Esc => {}
                _ if ctrl_c => {}
                _ => {
                    input.edit(&key);
                    self.overlay = Some(Overlay::Ask { title, input, then });
                }
            },
            Overlay::Palette {
                mut filter,
                mut selected,
            } => {
                let shown = palette_rows(&filter).len();
                match key.code {
                    KeyCode::Enter => {
                        if let Some(binding) = palette_rows(&filter).get(selected) {
                            let action = binding.action;
                            return self.act(action);
                        }
                        return;
                    }
                    KeyCode::Esc => return,
                    _ if ctrl_c => return,
                    KeyCode::Down => selected = (selected + 1).min(shown.saturating_sub(1)),
                    KeyCode::Up => selected = selected.saturating_sub(1),
                    KeyCode::Char('j') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                        selected = (selected + 1).min(shown.saturating_sub(1))
                    }
                    KeyCode::Char('k') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                        selected = selected.saturating_sub(1)
                    }
                    _ => {
                        let mut input = Input::default();
                        input.set(&filter);
                        input.edit(&key);
                        filter = input.text;
                        selected = 0;
                    }
                }
                self.overlay = Some(Overlay::Palette { filter, selected });
            }
        }
    }

    fn confirmed(&mut self, then: Confirmed) {
        match then {
            Confirmed::DeleteSession(id) => match self.store.delete(&id) {
                Ok(()) => {
                    self.say("Deleted.");
                    self.sessions.refresh(&self.store);
                }
                Err(e) => self.say(&format!("error: {e}")),
            },
        }
    }

    fn answered(&mut self, then: Asked, text: String) {
        if text.is_empty() {
            return self.say("Left as it was.");
        }
        match then {
            Asked::Rename(None) => self.send(Command::Rename(text)),
            Asked::Rename(Some(id)) => {
                let record = crate::sessions::record::Record::Title {
                    title: text,
                    at: crate::sessions::now(),
                };
                match self.store.append(&id, &record) {
                    Ok(()) => {
                        self.say("Renamed.");
                        self.sessions.refresh(&self.store);
                    }
                    Err(e) => self.say(&format!("error: {e}")),
                }
            }
            Asked::Pull => self.models.pull_requested = Some(text),
        }
    }

    pub fn mouse(&mut self, event: MouseEvent) {
        let at = Position::new(event.column, event.row);
        let Some(pane) = self
            .areas
            .iter()
            .find(|(_, area)| area.contains(at))
            .map(|(pane, _)| *pane)
        else {
            return;
        };
        match event.kind {
            MouseEventKind::ScrollUp => self.move_by(pane, -3),
            MouseEventKind::ScrollDown => self.move_by(pane, 3),
            MouseEventKind::Down(_) => {
                self.focus = pane;
                if pane == Pane::Chat {
                    let area = self.transcript_area;
                    let on_fold =
                        area.contains(at) && self.transcript.toggle_at(usize::from(at.y - area.y));
                    self.browsing = on_fold;
                }
            }
            _ => {}
        }
    }

    /// The pull under way, if any.
    pub fn pull(&self) -> Option<Arc<Mutex<PullState>>> {
        self.models.pull.clone()
    }

    /// The chat's log file or the server's, named on the log pane.
    pub fn log_title(log: Option<&PathBuf>) -> String {
        match log {
            Some(path) => format!("Log · {}", path.display()),
            None => "Log".to_string(),
        }
    }
}

/// The palette's rows for what was typed.
pub fn palette_rows(filter: &str) -> Vec<&'static crate::keymap::Binding> {
    let filter = filter.to_lowercase();
    BINDINGS
        .iter()
        .filter(|b| {
            filter.is_empty() || b.name.contains(&filter) || b.help.to_lowercase().contains(&filter)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_input_edits_by_characters() {
        let mut input = Input::default();
        for c in "héllo wörld".chars() {
            input.insert(c);
        }
        let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
        input.edit(&key(KeyCode::Backspace));
        input.edit(&key(KeyCode::Home));
        input.edit(&key(KeyCode::Delete));
        assert_eq!(input.text, "éllo wörl");
        input.edit(&key(KeyCode::End));
        input.edit(&KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL));
        assert_eq!(input.text, "éllo ");
        assert_eq!(input.take(), "éllo ");
        assert_eq!(input.cursor, 0);
    }

    #[test]
    fn the_palette_finds_actions_by_name_or_words() {
        assert!(palette_rows("").len() == BINDINGS.len());
        assert!(palette_rows("pull")
            .iter()
            .any(|b| b.action == Action::PullModel));
        assert!(palette_rows("zzz").is_empty());
        assert!(palette_rows("keymap")
            .iter()
            .any(|b| b.action == Action::Help));
    }
}
