//! Personas: a system prompt with optional sampling settings, kept as
//! Markdown files in `personas/` (`NAME.md`): a `+++` block of TOML
//! settings, then the system prompt. A few built-ins ship with flashchat;
//! a file of the same name replaces one.

use std::path::Path;

use serde::Deserialize;

use toml::Value;

use crate::errors::Hinted;
use crate::settings::{keys, Origin, Resolved};

#[derive(Debug, Clone, PartialEq)]
pub struct Persona {
    pub name: String,
    pub description: String,
    pub system_prompt: String,
    pub temperature: Option<f32>,
    pub top_p: Option<f32>,
    pub max_tokens: Option<u32>,
}

/// The settings block of a persona file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    #[serde(default)]
    description: String,
    temperature: Option<f32>,
    top_p: Option<f32>,
    max_tokens: Option<u32>,
}

const BUILT_IN: &[(&str, &str)] = &[
    (
        "coder",
        "+++\ndescription = \"A senior engineer: precise, code first\"\ntemperature = 0.2\n+++\n\
         You are a senior software engineer. Answer with working code first, then a short \
         explanation. Prefer the standard library, point out edge cases and errors, and say \
         so when you are not sure.\n",
    ),
    (
        "writer",
        "+++\ndescription = \"An editor: clear, vivid prose\"\ntemperature = 0.9\n+++\n\
         You are a thoughtful writer and editor. Write clear, vivid prose in plain words, \
         vary sentence length, and keep the reader's attention. When editing, keep the \
         author's voice.\n",
    ),
    (
        "analyst",
        "+++\ndescription = \"An analyst: structured, sceptical, numbers first\"\ntemperature = 0.3\n+++\n\
         You are a careful analyst. Structure answers with short headings and bullet points, \
         state assumptions, quantify where you can, and separate facts from opinions.\n",
    ),
];

/// Reads `+++ toml +++ prompt`; a file without the block is all prompt.
pub fn parse(name: &str, text: &str) -> Result<Persona, String> {
    let (settings, prompt) = match crate::front_matter::split(text)? {
        (Some(block), prompt) => {
            let settings: FrontMatter =
                toml::from_str(block).map_err(|e| e.message().to_string())?;
            (settings, prompt)
        }
        (None, prompt) => (FrontMatter::default(), prompt),
    };
    let system_prompt = prompt.trim().to_string();
    if system_prompt.is_empty() {
        return Err("the persona has no system prompt".into());
    }
    Ok(Persona {
        name: name.to_string(),
        description: settings.description,
        system_prompt,
        temperature: settings.temperature,
        top_p: settings.top_p,
        max_tokens: settings.max_tokens,
    })
}

/// The persona called `name`: the user's file, else the built-in.
pub fn load(dir: &Path, name: &str) -> Result<Persona, Hinted> {
    let path = dir.join(format!("{name}.md"));
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(_) => match BUILT_IN.iter().find(|(n, _)| *n == name) {
            Some((_, text)) => text.to_string(),
            None => {
                let known: Vec<String> = list(dir).into_iter().map(|p| p.name).collect();
                return Err(Hinted::new(
                    format!("no persona called `{name}`"),
                    format!(
                        "known: {}; add your own as {}",
                        known.join(", "),
                        path.display()
                    ),
                ));
            }
        },
    };
    parse(name, &text).map_err(|e| {
        Hinted::new(
            format!("persona `{name}` cannot be read: {e}"),
            format!("fix {}", path.display()),
        )
    })
}

impl Persona {
    /// These settings with the persona laid on as a layer: its system
    /// prompt and sampling settings replace the config file's and the
    /// environment's, and give way to flags and `/set` (`config show`'s
    /// origin reads `persona NAME`).
    pub fn layered_on(&self, resolved: &Resolved) -> Result<Resolved, Hinted> {
        let values = [
            (
                keys::SYSTEM_PROMPT,
                Some(Value::String(self.system_prompt.clone())),
            ),
            (keys::TEMPERATURE, self.temperature.map(float)),
            (keys::TOP_P, self.top_p.map(float)),
            (keys::MAX_TOKENS, self.max_tokens.map(Value::from)),
        ];
        let layer = values
            .into_iter()
            .filter_map(|(key, value)| Some((key, value?)));
        resolved
            .with_layer(&Origin::Persona(self.name.clone()), layer)
            .map_err(|e| {
                Hinted::new(
                    format!("persona `{}`: {e}", self.name),
                    "fix the value in the persona's `+++` block",
                )
            })
    }
}

/// An `f32` read from a persona file as the `f64` TOML holds, without the
/// binary noise of widening (`0.2` stays `0.2`).
fn float(value: f32) -> Value {
    Value::Float(value.to_string().parse().unwrap_or(value as f64))
}

/// Every persona, built-ins replaced by files of the same name.
pub fn list(dir: &Path) -> Vec<Persona> {
    let mut names: Vec<String> = BUILT_IN.iter().map(|(n, _)| n.to_string()).collect();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "md") {
                if let Some(stem) = path.file_stem() {
                    names.push(stem.to_string_lossy().into_owned());
                }
            }
        }
    }
    names.sort();
    names.dedup();
    names.iter().filter_map(|n| load(dir, n).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_ins_parse() {
        for (name, text) in BUILT_IN {
            let persona = parse(name, text).unwrap();
            assert!(!persona.description.is_empty());
            assert!(persona.temperature.is_some());
        }
    }

    #[test]
    fn a_persona_is_a_settings_layer_below_flags() {
        let coder = parse(
            "coder",
            "+++\ntemperature = 0.2\nmax_tokens = 99\n+++\nBe brief.",
        )
        .unwrap();
        let base = Resolved::defaults();
        let r = coder.layered_on(&base).unwrap();
        assert_eq!(r.settings.temperature, 0.2);
        assert_eq!(r.settings.max_tokens, 99);
        assert_eq!(r.settings.system_prompt.as_deref(), Some("Be brief."));
        assert_eq!(r.settings.top_p, base.settings.top_p);
        assert_eq!(r.origin(keys::TEMPERATURE).to_string(), "persona coder");
        assert_eq!(r.values[keys::TEMPERATURE].0, Some(Value::Float(0.2)));
        let bad = parse("hot", "+++\ntemperature = 7.0\n+++\nx").unwrap();
        let err = bad.layered_on(&base).unwrap_err();
        assert!(
            err.message.starts_with("persona `hot`: temperature"),
            "{}",
            err.message
        );
    }

    #[test]
    fn files_override_built_ins_and_errors_explain() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("coder.md"), "Only Rust, please.").unwrap();
        std::fs::write(
            dir.path().join("pirate.md"),
            "+++\ntemperature = 1.1\n+++\nSpeak like a pirate.",
        )
        .unwrap();
        let coder = load(dir.path(), "coder").unwrap();
        assert_eq!(coder.system_prompt, "Only Rust, please.");
        assert_eq!(coder.temperature, None);
        assert_eq!(load(dir.path(), "pirate").unwrap().temperature, Some(1.1));
        let names: Vec<String> = list(dir.path()).into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["analyst", "coder", "pirate", "writer"]);
        assert!(load(dir.path(), "ghost")
            .unwrap_err()
            .message
            .contains("no persona called"));
        std::fs::write(dir.path().join("bad.md"), "+++\ncolour = 1\n+++\nx").unwrap();
        assert!(load(dir.path(), "bad")
            .unwrap_err()
            .message
            .contains("cannot be read"));
    }
}
