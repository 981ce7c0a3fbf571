//! The actions of `flashchat tui`, the keys bound to them by default, and
//! the `[tui.keys]` table that rebinds them (`palette = "ctrl-k"`). The
//! command palette, the `?` overlay and the settings' check all read this
//! one table.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Everything the workspace can be asked to do from anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    Palette,
    Help,
    Quit,
    Stop,
    NextPane,
    PreviousPane,
    FocusChat,
    FocusSessions,
    FocusModels,
    FocusMetrics,
    FocusLog,
    NewSession,
    ToggleDetails,
    PullModel,
    RenameSession,
    DeleteSession,
}

/// One row of the table: the name in `[tui.keys]`, the default key and
/// what the palette says.
pub struct Binding {
    pub action: Action,
    pub name: &'static str,
    pub default: &'static str,
    pub help: &'static str,
}

pub const BINDINGS: &[Binding] = &[
    Binding {
        action: Action::Palette,
        name: "palette",
        default: "ctrl-p",
        help: "Command palette: every action, by name",
    },
    Binding {
        action: Action::Help,
        name: "help",
        default: "f1",
        help: "Show the keymap (also ? outside a text field)",
    },
    Binding {
        action: Action::Quit,
        name: "quit",
        default: "ctrl-q",
        help: "Quit (also q outside a text field, or Ctrl-C twice)",
    },
    Binding {
        action: Action::Stop,
        name: "stop",
        default: "ctrl-c",
        help: "Stop the answer being written",
    },
    Binding {
        action: Action::NextPane,
        name: "next_pane",
        default: "tab",
        help: "Focus the next pane",
    },
    Binding {
        action: Action::PreviousPane,
        name: "previous_pane",
        default: "backtab",
        help: "Focus the previous pane",
    },
    Binding {
        action: Action::FocusChat,
        name: "chat",
        default: "alt-1",
        help: "Go to the chat",
    },
    Binding {
        action: Action::FocusSessions,
        name: "sessions",
        default: "alt-2",
        help: "Go to the sessions: / searches, Enter opens, r renames, d deletes",
    },
    Binding {
        action: Action::FocusModels,
        name: "models",
        default: "alt-3",
        help: "Go to the models: / filters, Enter answers with one, p pulls",
    },
    Binding {
        action: Action::FocusMetrics,
        name: "metrics",
        default: "alt-4",
        help: "Go to the metrics",
    },
    Binding {
        action: Action::FocusLog,
        name: "log",
        default: "alt-5",
        help: "Go to the server's log",
    },
    Binding {
        action: Action::NewSession,
        name: "new_session",
        default: "ctrl-n",
        help: "Start a new session",
    },
    Binding {
        action: Action::ToggleDetails,
        name: "details",
        default: "ctrl-o",
        help: "Show or fold reasoning and tool calls in the chat",
    },
    Binding {
        action: Action::PullModel,
        name: "pull",
        default: "ctrl-g",
        help: "Pull a model from Hugging Face (repo or repo:quant)",
    },
    Binding {
        action: Action::RenameSession,
        name: "rename",
        default: "ctrl-r",
        help: "Rename the session (the open one, or the one chosen in the list)",
    },
    Binding {
        action: Action::DeleteSession,
        name: "delete",
        default: "ctrl-x",
        help: "Delete the session chosen in the list (asks first)",
    },
];

/// A key with its modifiers, as bindings name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub fn of(event: &KeyEvent) -> Self {
        // Shift is part of the character itself (`?`, `G`).
        let modifiers = match event.code {
            KeyCode::Char(_) | KeyCode::BackTab => event.modifiers - KeyModifiers::SHIFT,
            _ => event.modifiers,
        };
        let code = match event.code {
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            code => code,
        };
        Key { code, modifiers }
    }

    /// Reads `ctrl-p`, `alt-1`, `f2`, `tab`, `backtab`, `esc`, `?`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim().to_ascii_lowercase();
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text.as_str();
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-") {
                modifiers |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-") {
                modifiers |= KeyModifiers::ALT;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest {
            "tab" => KeyCode::Tab,
            "backtab" | "shift-tab" => KeyCode::BackTab,
            "esc" => KeyCode::Esc,
            "enter" => KeyCode::Enter,
            "space" => KeyCode::Char(' '),
            f if f.starts_with('f') && f.len() > 1 => match f[1..].parse::<u8>() {
                Ok(n @ 1..=12) => KeyCode::F(n),
                _ => return Err(format!("`{text}` is not a key")),
            },
            c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().unwrap_or(' ')),
            _ => {
                return Err(format!(
                    "`{text}` is not a key (like ctrl-p, alt-1, f2, tab)"
                ))
            }
        };
        Ok(Key { code, modifiers })
    }

    /// How the key is written in the keymap and the config.
    pub fn label(&self) -> String {
        let mut out = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            out.push_str("ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            out.push_str("alt-");
        }
        match self.code {
            KeyCode::Tab => out.push_str("tab"),
            KeyCode::BackTab => out.push_str("shift-tab"),
            KeyCode::Esc => out.push_str("esc"),
            KeyCode::Enter => out.push_str("enter"),
            KeyCode::F(n) => out.push_str(&format!("f{n}")),
            KeyCode::Char(' ') => out.push_str("space"),
            KeyCode::Char(c) => out.push(c),
            other => out.push_str(&format!("{other:?}").to_lowercase()),
        }
        out
    }
}

/// The keys in effect: the defaults with `[tui.keys]` laid on.
#[derive(Debug, Clone)]
pub struct Keymap {
    keys: BTreeMap<Action, Key>,
}

impl Keymap {
    /// The defaults, rebound by `overrides` (action name → key); the
    /// settings layer has checked them already.
    pub fn new(overrides: &BTreeMap<String, String>) -> Self {
        let mut keys = BTreeMap::new();
        for binding in BINDINGS {
            let text = overrides
                .get(binding.name)
                .map_or(binding.default, String::as_str);
            let key = Key::parse(text).or_else(|_| Key::parse(binding.default));
            if let Ok(key) = key {
                keys.insert(binding.action, key);
            }
        }
        Keymap { keys }
    }

    pub fn action(&self, event: &KeyEvent) -> Option<Action> {
        let key = Key::of(event);
        self.keys
            .iter()
            .find(|(_, k)| **k == key)
            .map(|(action, _)| *action)
    }

    pub fn label(&self, action: Action) -> String {
        self.keys.get(&action).map_or(String::new(), Key::label)
    }
}

/// Checks a `[tui.keys]` table: known action names, keys that parse, no
/// key bound twice.
pub fn check(value: &toml::Value) -> Result<(), String> {
    let Some(table) = value.as_table() else {
        return Err("a table of action = \"key\"".into());
    };
    let mut overrides = BTreeMap::new();
    for (name, key) in table {
        if !BINDINGS.iter().any(|b| b.name == name) {
            let names: Vec<_> = BINDINGS.iter().map(|b| b.name).collect();
            return Err(format!(
                "unknown action `{name}` (actions: {})",
                names.join(", ")
            ));
        }
        let Some(text) = key.as_str() else {
            return Err(format!("`{name}` takes a key as a string, like \"ctrl-p\""));
        };
        Key::parse(text).map_err(|e| format!("`{name}`: {e}"))?;
        overrides.insert(name.clone(), text.to_string());
    }
    let keymap = Keymap::new(&overrides);
    let mut seen: BTreeMap<Key, Action> = BTreeMap::new();
    for (action, key) in &keymap.keys {
        if let Some(other) = seen.insert(*key, *action) {
            let name = |a: Action| {
                BINDINGS
                    .iter()
                    .find(|b| b.action == a)
                    .map_or("", |b| b.name)
            };
            return Err(format!(
                "{} is bound to both `{}` and `{}`",
                key.label(),
                name(other),
                name(*action)
            ));
        }
    }
    Ok(())
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.label().cmp(&other.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_and_print_alike() {
        for text in [
            "ctrl-p",
            "alt-1",
            "f2",
            "tab",
            "shift-tab",
            "esc",
            "?",
            "ctrl-alt-x",
        ] {
            assert_eq!(Key::parse(text).unwrap().label(), text);
        }
        assert!(Key::parse("hyper-q").is_err());
        assert!(Key::parse("f13").is_err());
    }

    #[test]
    fn events_find_their_action_with_shift_ignored_on_characters() {
        let keymap = Keymap::new(&BTreeMap::new());
        let ctrl_p = KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL);
        assert_eq!(keymap.action(&ctrl_p), Some(Action::Palette));
        let shifted = KeyEvent::new(
            KeyCode::Char('P'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(keymap.action(&shifted), Some(Action::Palette));
        let backtab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(keymap.action(&backtab), Some(Action::PreviousPane));
    }

    #[test]
    fn overrides_rebind_and_bad_tables_are_refused() {
        let overrides = BTreeMap::from([("palette".to_string(), "ctrl-k".to_string())]);
        let keymap = Keymap::new(&overrides);
        let ctrl_k = KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL);
        assert_eq!(keymap.action(&ctrl_k), Some(Action::Palette));
        assert_eq!(keymap.label(Action::Palette), "ctrl-k");
        let table = |t: &str| toml::from_str::<toml::Value>(t).unwrap();
        assert!(check(&table("palette = \"ctrl-k\"")).is_ok());
        assert!(check(&table("palete = \"ctrl-k\""))
            .unwrap_err()
            .contains("unknown action"));
        assert!(check(&table("palette = \"ctrl-n\""))
            .unwrap_err()
            .contains("bound to both"));
        assert!(check(&table("palette = 3")).is_err());
    }
}
