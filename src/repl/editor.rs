//! The terminal line editor: reedline with a history file, Ctrl-R search,
//! tab completion of slash commands, Alt-Enter or Shift-Enter for a new
//! line, Ctrl-L to clear; Ctrl-C twice at an empty prompt or Ctrl-D leaves.

use reedline::{
    default_emacs_keybindings, ColumnarMenu, Completer, DefaultPrompt, DefaultPromptSegment,
    EditCommand, Emacs, FileBackedHistory, Hinter, History, KeyCode, KeyModifiers, MenuBuilder,
    Reedline, ReedlineEvent, ReedlineMenu, Signal, Span, Suggestion,
};

use super::{slash, Chat, Flow};
use crate::paths::Paths;
use crate::printer::Printer;

/// Completes `/na` to the slash commands of the table.
struct SlashCompleter;

impl Completer for SlashCompleter {
    fn complete(&mut self, line: &str, pos: usize) -> Vec<Suggestion> {
        let typed = &line[..pos.min(line.len())];
        if !typed.starts_with('/') || typed.contains(char::is_whitespace) {
            return Vec::new();
        }
        slash::COMMANDS
            .iter()
            .filter(|c| slash::complete(typed).contains(&c.name))
            .map(|c| Suggestion {
                value: format!("/{}", c.name),
                description: Some(c.help.to_string()),
                span: Span::new(0, pos),
                append_whitespace: !c.args.is_empty(),
                ..Suggestion::default()
            })
            .collect()
    }
}

/// Shows, dimmed after the cursor, the rest of the only slash command that
/// starts with what was typed, and its arguments.
#[derive(Default)]
struct SlashHinter {
    hint: String,
}

impl Hinter for SlashHinter {
    fn handle(
        &mut self,
        line: &str,
        pos: usize,
        _history: &dyn History,
        use_ansi_coloring: bool,
        _cwd: &str,
    ) -> String {
        self.hint = slash_hint(&line[..pos.min(line.len())]);
        if use_ansi_coloring && !self.hint.is_empty() {
            format!("\x1b[2m{}\x1b[0m", self.hint)
        } else {
            self.hint.clone()
        }
    }

    fn complete_hint(&self) -> String {
        self.hint.clone()
    }

    fn next_hint_token(&self) -> String {
        self.hint
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_string()
    }
}

/// `/ret` -> `ry`; `/set` -> ` <key> <value>`; anything else -> nothing.
fn slash_hint(typed: &str) -> String {
    if !typed.starts_with('/') {
        return String::new();
    }
    let (name, rest) = typed[1..].split_once(' ').unwrap_or((&typed[1..], ""));
    let matches = slash::complete(name);
    let [only] = matches.as_slice() else {
        return String::new();
    };
    let command = slash::COMMANDS.iter().find(|c| c.name == *only);
    let args = command.map_or("", |c| c.args);
    if typed.contains(' ') {
        return if rest.is_empty() && only == &name {
            args.to_string()
        } else {
            String::new()
        };
    }
    let tail = &only[name.len()..];
    if args.is_empty() {
        tail.to_string()
    } else {
        format!("{tail} {args}")
    }
}

fn editor(paths: &Paths, printer: &Printer) -> anyhow::Result<Reedline> {
    let mut keys = default_emacs_keybindings();
    let newline = ReedlineEvent::Edit(vec![EditCommand::InsertNewline]);
    keys.add_binding(KeyModifiers::ALT, KeyCode::Enter, newline.clone());
    keys.add_binding(KeyModifiers::SHIFT, KeyCode::Enter, newline);
    keys.add_binding(
        KeyModifiers::NONE,
        KeyCode::Tab,
        ReedlineEvent::UntilFound(vec![
            ReedlineEvent::Menu("completion".into()),
            ReedlineEvent::MenuNext,
        ]),
    );
    let menu = ColumnarMenu::default().with_name("completion");
    let mut editor = Reedline::create()
        .with_completer(Box::new(SlashCompleter))
        .with_hinter(Box::new(SlashHinter::default()))
        .with_menu(ReedlineMenu::EngineCompleter(Box::new(menu)))
        .with_edit_mode(Box::new(Emacs::new(keys)));
    let history_file = paths.config_dir.join("history.txt");
    match FileBackedHistory::with_file(1000, history_file) {
        Ok(history) => editor = editor.with_history(Box::new(history)),
        Err(e) => printer.warn(&format!("input history is off: {e}")),
    }
    Ok(editor)
}

pub fn run(chat: &mut Chat) -> anyhow::Result<()> {
    let mut editor = editor(chat.paths, chat.printer)?;
    let prompt = DefaultPrompt::new(
        DefaultPromptSegment::Basic("you".into()),
        DefaultPromptSegment::Empty,
    );
    eprintln!("{}", chat.printer.dim(&chat.banner()));
    let mut block: Option<String> = None;
    let mut interrupted = false;
    loop {
        let signal = editor.read_line(&prompt)?;
        let line = match signal {
            Signal::Success(line) => {
                interrupted = false;
                line
            }
            Signal::CtrlC if interrupted => break,
            Signal::CtrlC => {
                interrupted = true;
                block = None;
                chat.note("(Ctrl-C again or Ctrl-D to leave)");
                continue;
            }
            Signal::CtrlD => break,
        };
        // A line of """ opens and closes a block of several lines.
        let text = match (&mut block, line.trim() == "\"\"\"") {
            (None, true) => {
                block = Some(String::new());
                continue;
            }
            (Some(text), true) => {
                let text = std::mem::take(text);
                block = None;
                text
            }
            (Some(text), false) => {
                text.push_str(&line);
                text.push('\n');
                continue;
            }
            (None, false) => line,
        };
        match chat.handle(&text) {
            Ok(Flow::Exit) => break,
            Ok(Flow::Continue) => {}
            // SIGTERM or SIGHUP during the answer: the turn is saved; end.
            Err(e) if e.downcast_ref::<crate::errors::Signalled>().is_some() => return Err(e),
            // A failed answer is reported and the chat goes on.
            Err(e) => eprintln!("error: {e:#}"),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::slash_hint;

    #[test]
    fn hints_finish_the_only_matching_command() {
        assert_eq!(slash_hint("/ret"), "ry");
        assert_eq!(slash_hint("/exp"), "ort md|jsonl [path]");
        assert_eq!(slash_hint("/set "), "<key> <value>");
        assert_eq!(slash_hint("/se"), "", "two commands match");
        assert_eq!(slash_hint("hello"), "");
    }
}
