//! The slash commands: one table that drives `/help`, tab completion and
//! parsing, so the three can never disagree.

use crate::settings::keys;

/// One row of the table.
pub struct SlashCommand {
    pub name: &'static str,
    pub args: &'static str,
    pub help: &'static str,
}

pub const COMMANDS: &[SlashCommand] = &[
    SlashCommand {
        name: "help",
        args: "",
        help: "list the commands",
    },
    SlashCommand {
        name: "exit",
        args: "",
        help: "leave the chat (Ctrl-D does too)",
    },
    SlashCommand {
        name: "new",
        args: "",
        help: "start a fresh session",
    },
    SlashCommand {
        name: "retry",
        args: "",
        help: "answer the last message again",
    },
    SlashCommand {
        name: "edit",
        args: "[text]",
        help: "change your last message (in $EDITOR, or to text) and ask again",
    },
    SlashCommand {
        name: "copy",
        args: "[code]",
        help: "copy the last answer, or its last code block, to the clipboard",
    },
    SlashCommand {
        name: "system",
        args: "[text]",
        help: "show or set the system prompt",
    },
    SlashCommand {
        name: "persona",
        args: "[name]",
        help: "list personas, or answer as one",
    },
    SlashCommand {
        name: "set",
        args: "<key> <value>",
        help: "temperature, top_p, max_tokens or seed for this chat",
    },
    SlashCommand {
        name: "model",
        args: "[name]",
        help: "show the model, or switch to another (a name from `flashchat models`, or a spec)",
    },
    SlashCommand {
        name: "save",
        args: "",
        help: "say where this session is saved (every turn is saved as it completes)",
    },
    SlashCommand {
        name: "title",
        args: "<text>",
        help: "rename this session",
    },
    SlashCommand {
        name: "export",
        args: "md|jsonl [path]",
        help: "write the session to a file (default: <id>.<format> here)",
    },
    SlashCommand {
        name: "compare",
        args: "<model>",
        help: "answer your last message with another model too, side by side (through the server)",
    },
    SlashCommand {
        name: "stats",
        args: "",
        help: "tokens and speed of the last answer",
    },
    SlashCommand {
        name: "context",
        args: "",
        help: "how much of the context window is used",
    },
    SlashCommand {
        name: "sessions",
        args: "",
        help: "list saved sessions",
    },
    SlashCommand {
        name: "template",
        args: "<name> [var=value ...]",
        help: "send a prompt template filled with these values (`flashchat templates` lists them)",
    },
    SlashCommand {
        name: "tools",
        args: "[on|off <server>]",
        help: "list the MCP servers and their tools, or turn a server on or off for this chat",
    },
    SlashCommand {
        name: "trust",
        args: "[<server> [always|ask|<tool>,...]]",
        help: "show which calls run without asking, or change a server's trust for this chat",
    },
];

/// A parsed slash command.
#[derive(Debug, PartialEq)]
pub enum Slash {
    Help,
    Exit,
    New,
    Retry,
    Edit(Option<String>),
    Copy {
        code: bool,
    },
    System(Option<String>),
    Persona(Option<String>),
    Model(Option<String>),
    Save,
    Set(Setting, f64),
    Title(String),
    Export(ExportAs, Option<String>),
    Stats,
    /// Another model's answer to the last message, beside this one's.
    Compare(String),
    Context,
    Sessions,
    /// A template's name and its `var=value` pairs.
    Template(String, Vec<(String, String)>),
    /// `None`: list; `Some((server, on))`.
    Tools(Option<(String, bool)>),
    /// `None`: show; `Some((server, trust))`.
    Trust(Option<(String, crate::mcp::Trust)>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Setting {
    Temperature,
    TopP,
    MaxTokens,
    Seed,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ExportAs {
    Markdown,
    JsonLines,
}

/// Reads `/name args`; the error says what was wrong and how to get help.
pub fn parse(line: &str) -> Result<Slash, String> {
    let line = line.trim_start_matches('/');
    let (name, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let rest = rest.trim();
    let known = COMMANDS
        .iter()
        .find(|c| c.name == name)
        .ok_or_else(|| format!("unknown command /{name}; /help lists them"))?;
    let usage = || format!("usage: /{} {}", known.name, known.args);
    Ok(match known.name {
        "help" => Slash::Help,
        "exit" => Slash::Exit,
        "new" => Slash::New,
        "retry" => Slash::Retry,
        "stats" => Slash::Stats,
        "context" => Slash::Context,
        "sessions" => Slash::Sessions,
        "system" => Slash::System((!rest.is_empty()).then(|| rest.to_string())),
        "edit" => Slash::Edit((!rest.is_empty()).then(|| rest.to_string())),
        "copy" if rest.is_empty() || rest == "code" => Slash::Copy {
            code: rest == "code",
        },
        "persona" => Slash::Persona((!rest.is_empty()).then(|| rest.to_string())),
        "model" => Slash::Model((!rest.is_empty()).then(|| rest.to_string())),
        "save" => Slash::Save,
        "title" if !rest.is_empty() => Slash::Title(rest.to_string()),
        "compare" if !rest.is_empty() && !rest.contains(char::is_whitespace) => {
            Slash::Compare(rest.to_string())
        }
        "set" => {
            let (key, value) = rest.split_once(char::is_whitespace).ok_or_else(usage)?;
            let setting = match key {
                "temperature" => Setting::Temperature,
                "top_p" | "top-p" => Setting::TopP,
                "max_tokens" | "max-tokens" => Setting::MaxTokens,
                "seed" => Setting::Seed,
                other => return Err(format!("cannot set `{other}`; {}", usage())),
            };
            let value: f64 = value.trim().parse().map_err(|_| usage())?;
            let valid = match setting {
                Setting::Temperature => keys::bounds(keys::TEMPERATURE).contains(value),
                Setting::TopP => keys::bounds(keys::TOP_P).contains(value),
                Setting::MaxTokens => keys::bounds(keys::MAX_TOKENS).contains(value),
                // -1 (a new seed each time) is for the config file; here a seed is a seed.
                Setting::Seed => value >= 0.0 && keys::bounds(keys::SEED).contains(value),
            };
            if !valid {
                return Err(format!("{value} is out of range for {key}"));
            }
            Slash::Set(setting, value)
        }
        "template" if !rest.is_empty() => {
            let mut words = rest.split_whitespace();
            let name = words.next().unwrap_or_default().to_string();
            let values = words
                .map(|pair| {
                    pair.split_once('=')
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                        .ok_or_else(|| format!("`{pair}` is not var=value; {}", usage()))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Slash::Template(name, values)
        }
        "tools" if rest.is_empty() => Slash::Tools(None),
        "tools" => match rest.split_whitespace().collect::<Vec<_>>()[..] {
            ["on", server] => Slash::Tools(Some((server.to_string(), true))),
            ["off", server] => Slash::Tools(Some((server.to_string(), false))),
            _ => return Err(usage()),
        },
        "trust" if rest.is_empty() => Slash::Trust(None),
        "trust" => {
            let (server, level) = rest
                .split_once(char::is_whitespace)
                .unwrap_or((rest, "always"));
            let trust = match level.trim() {
                "always" => crate::mcp::Trust::Always,
                "ask" => crate::mcp::Trust::Ask,
                tools => crate::mcp::Trust::Tools(
                    tools
                        .split(',')
                        .map(|t| t.trim().to_string())
                        .filter(|t| !t.is_empty())
                        .collect(),
                ),
            };
            Slash::Trust(Some((server.to_string(), trust)))
        }
        "export" => {
            let mut words = rest.split_whitespace();
            let format = match words.next() {
                Some("md") => ExportAs::Markdown,
                Some("jsonl") => ExportAs::JsonLines,
                _ => return Err(usage()),
            };
            Slash::Export(format, words.next().map(str::to_string))
        }
        _ => return Err(usage()),
    })
}

/// The `/help` text.
pub fn help() -> String {
    let width = COMMANDS
        .iter()
        .map(|c| c.name.len() + c.args.len() + 2)
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for c in COMMANDS {
        let usage = format!("/{} {}", c.name, c.args);
        out.push_str(&format!("  {usage:<width$}  {}\n", c.help));
    }
    out.push_str(
        "  Alt-Enter or a \"\"\" block: several lines · Ctrl-C stops an answer · Ctrl-D leaves\n",
    );
    out
}

/// Commands whose names start with what was typed after the `/`.
pub fn complete(prefix: &str) -> Vec<&'static str> {
    let prefix = prefix.trim_start_matches('/');
    COMMANDS
        .iter()
        .filter(|c| c.name.starts_with(prefix))
        .map(|c| c.name)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_in_the_table_parses() {
        for c in COMMANDS {
            let line = match c.name {
                "set" => "/set temperature 0.5".to_string(),
                "title" => "/title Hello".to_string(),
                "export" => "/export md".to_string(),
                "template" => "/template summary words=20".to_string(),
                "compare" => "/compare smollm2".to_string(),
                name => format!("/{name}"),
            };
            assert!(parse(&line).is_ok(), "{line}");
            assert!(help().contains(&format!("/{}", c.name)));
        }
    }

    #[test]
    fn bad_arguments_explain_themselves() {
        assert_eq!(
            parse("/set temperature 9").unwrap_err(),
            "9 is out of range for temperature"
        );
        assert!(parse("/set colour red")
            .unwrap_err()
            .contains("cannot set `colour`"));
        assert!(parse("/export pdf")
            .unwrap_err()
            .starts_with("usage: /export"));
        assert!(parse("/frobnicate").unwrap_err().contains("/help"));
        assert!(parse("/title").unwrap_err().starts_with("usage: /title"));
        assert_eq!(
            parse("/export jsonl out.jsonl").unwrap(),
            Slash::Export(ExportAs::JsonLines, Some("out.jsonl".into()))
        );
    }

    #[test]
    fn completion_follows_the_table() {
        assert_eq!(complete("/se"), vec!["set", "sessions"]);
        assert_eq!(complete("/r"), vec!["retry"]);
        assert_eq!(parse("/copy code").unwrap(), Slash::Copy { code: true });
        assert!(parse("/copy everything").is_err());
        assert_eq!(complete("/p"), vec!["persona"]);
    }

    #[test]
    fn tools_and_trust_name_a_server() {
        assert_eq!(parse("/tools").unwrap(), Slash::Tools(None));
        assert_eq!(
            parse("/tools off fs").unwrap(),
            Slash::Tools(Some(("fs".into(), false)))
        );
        assert!(parse("/tools fs").unwrap_err().starts_with("usage: /tools"));
        assert_eq!(
            parse("/trust fs").unwrap(),
            Slash::Trust(Some(("fs".into(), crate::mcp::Trust::Always)))
        );
        assert_eq!(
            parse("/trust fs read_file, list_directory").unwrap(),
            Slash::Trust(Some((
                "fs".into(),
                crate::mcp::Trust::Tools(vec!["read_file".into(), "list_directory".into()])
            )))
        );
    }
}
