//! What the person sees of a turn as it happens: the answer streamed as
//! Markdown (reasoning dimmed when shown), the figures after each answer,
//! each tool call with its arguments, the y/n/a question read as one key,
//! and the result shortened.

use std::io::{IsTerminal, Write};

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::markdown::MarkdownStream;
use crate::agent::{self, Approval, Call, Frontend, Outcome};
use crate::backend::{self, Answer};
use crate::engine::text::Segment;
use crate::engine::FinishReason;
use crate::printer::Printer;

/// Lines of a result shown in the chat (the model gets more).
const RESULT_LINES: usize = 8;

pub struct Live<'p> {
    printer: &'p Printer,
    show_thinking: bool,
    styled: bool,
    /// The answer being streamed.
    streamed: Option<Streamed>,
    /// The call whose header is on screen (asked about), by id.
    shown: Option<String>,
}

impl<'p> Live<'p> {
    pub fn new(printer: &'p Printer, show_thinking: bool) -> Self {
        Self {
            printer,
            show_thinking,
            styled: printer.stdout_styled(),
            streamed: None,
            shown: None,
        }
    }

    fn note(&self, text: &str) {
        eprintln!("{}", self.printer.dim(text));
    }

    /// `⚙ filesystem › list_directory` and the arguments, indented.
    fn show_call(&mut self, call: &Call) {
        if self.shown.as_deref() == Some(call.call.id.as_str()) {
            return;
        }
        self.shown = Some(call.call.id.clone());
        eprintln!("{}", self.printer.bold(&format!("⚙ {}", call.title())));
        for line in call.arguments().lines() {
            eprintln!("  {line}");
        }
    }
}

impl Frontend for Live<'_> {
    fn segment(&mut self, segment: Segment) -> std::io::Result<()> {
        let (show_thinking, styled) = (self.show_thinking, self.styled);
        self.streamed
            .get_or_insert_with(|| Streamed::new(show_thinking, styled))
            .write(segment)
    }

    fn answered(&mut self, answer: &Answer) -> std::io::Result<()> {
        if let Some(streamed) = self.streamed.take() {
            streamed.finish()?;
        }
        self.note(&backend::stats_line(&answer.completion));
        if answer.completion.finish_reason == FinishReason::Cancelled {
            self.note("(stopped)");
        }
        Ok(())
    }

    fn approve(&mut self, call: &Call) -> Approval {
        self.show_call(call);
        if !std::io::stdin().is_terminal() {
            self.note(&format!(
                "Refused {}: it needs confirmation, which only a chat on a terminal can ask; /trust runs it without asking.",
                call.title()
            ));
            return Approval::Unasked;
        }
        eprint!(
            "  {} ",
            self.printer
                .bold("Run it? [y]es, [n]o, [a]lways for this tool (Ctrl-C stops the turn)")
        );
        let answer = read_approval();
        eprintln!(
            "{}",
            match answer {
                Approval::Yes => "yes",
                Approval::No => "no",
                Approval::Always => "always",
                Approval::Stop => "stopped",
                Approval::Unasked => "not asked",
            }
        );
        answer
    }

    fn ran(&mut self, call: &Call, outcome: &Outcome) {
        self.show_call(call);
        let width = crossterm::terminal::size().map_or(100, |(columns, _)| columns as usize);
        let text = agent::shortened(&outcome.text(), RESULT_LINES, width.saturating_sub(4));
        for (i, line) in text.lines().enumerate() {
            let lead = if i == 0 { "↳" } else { " " };
            eprintln!("  {}", self.printer.dim(&format!("{lead} {line}")));
        }
        if text.is_empty() {
            eprintln!("  {}", self.printer.dim("↳ (no output)"));
        }
    }

    fn notice(&mut self, text: &str) {
        self.printer.warn(text);
    }
}

/// One key: y, n, a, or Ctrl-C / Esc. Keys typed before the question
/// (while the answer streamed) are discarded first, so that none answers
/// it by accident.
fn read_approval() -> Approval {
    super::typeahead::discard();
    if crossterm::terminal::enable_raw_mode().is_err() {
        return Approval::No;
    }
    let answer = loop {
        let key = match event::read() {
            Ok(Event::Key(key)) => key,
            Ok(_) => continue,
            Err(_) => break Approval::No,
        };
        if let Some(answer) = approval_for(key) {
            break answer;
        }
    };
    let _ = crossterm::terminal::disable_raw_mode();
    answer
}

fn approval_for(key: KeyEvent) -> Option<Approval> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    match key.code {
        KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => Some(Approval::Stop),
        KeyCode::Char('y' | 'Y') => Some(Approval::Yes),
        KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Approval::No),
        KeyCode::Char('a' | 'A') => Some(Approval::Always),
        _ => None,
    }
}

/// Prints an answer as it streams, as Markdown on a terminal. Reasoning is
/// shown dimmed when `show_thinking` is on and dropped otherwise.
struct Streamed {
    show_thinking: bool,
    styled: bool,
    markdown: MarkdownStream<std::io::Stdout>,
    /// Whether what was written so far ends a line.
    ended_line: bool,
}

impl Streamed {
    fn new(show_thinking: bool, styled: bool) -> Self {
        let width = crossterm::terminal::size().map_or(80, |(columns, _)| columns as usize);
        Self {
            show_thinking,
            styled,
            markdown: MarkdownStream::new(std::io::stdout(), styled, width),
            ended_line: true,
        }
    }

    fn write(&mut self, segment: Segment) -> std::io::Result<()> {
        match segment {
            Segment::Content(text) if !text.is_empty() => {
                self.ended_line = text.ends_with('\n');
                self.markdown.push(&text)?;
            }
            Segment::Reasoning(text) if self.show_thinking => {
                let mut out = std::io::stdout().lock();
                if self.styled {
                    write!(out, "\x1b[2m{text}\x1b[0m")?;
                } else {
                    out.write_all(text.as_bytes())?;
                }
                out.flush()?;
            }
            // Calls are shown as they run.
            Segment::Content(_) | Segment::Reasoning(_) | Segment::ToolCalls(_) => {}
        }
        Ok(())
    }

    /// Ends the answer on a line of its own.
    fn finish(mut self) -> std::io::Result<()> {
        self.markdown.finish()?;
        if !self.styled && !self.ended_line {
            let mut out = std::io::stdout().lock();
            out.write_all(b"\n")?;
            out.flush()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn keys_answer_the_question() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            approval_for(press(KeyCode::Char('y'), none)),
            Some(Approval::Yes)
        );
        assert_eq!(
            approval_for(press(KeyCode::Char('N'), none)),
            Some(Approval::No)
        );
        assert_eq!(
            approval_for(press(KeyCode::Char('a'), none)),
            Some(Approval::Always)
        );
        assert_eq!(
            approval_for(press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Approval::Stop)
        );
        assert_eq!(approval_for(press(KeyCode::Enter, none)), None);
        assert_eq!(approval_for(press(KeyCode::Char('x'), none)), None);
    }
}
