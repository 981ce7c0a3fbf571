//! Prompt templates: Markdown files in the config folder's `templates/`
//! (`NAME.md`), a `+++` block of TOML settings (description, system prompt,
//! model, sampling settings, JSON schema, default values of variables) and
//! a prompt with `{{variable}}` placeholders, rendered with minijinja
//! (`{{input}}` is stdin). A template's settings are a layer between the
//! config and the command line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Value;

use crate::errors::Hinted;
use crate::settings::{keys, Origin, Resolved};

/// The variable that holds stdin.
pub const INPUT: &str = "input";

#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pub name: String,
    pub description: String,
    /// Settings laid on the config: system prompt, model, sampling.
    pub settings: Vec<(&'static str, Value)>,
    /// What the answer must follow, when set.
    pub schema: Option<serde_json::Value>,
    /// Values of variables not given.
    pub defaults: BTreeMap<String, String>,
    /// The prompt, with placeholders.
    pub body: String,
}

/// The settings block of a template file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    #[serde(default)]
    description: String,
    system: Option<String>,
    model: Option<String>,
    temperature: Option<f64>,
    top_p: Option<f64>,
    top_k: Option<i64>,
    min_p: Option<f64>,
    max_tokens: Option<i64>,
    seed: Option<i64>,
    /// A JSON schema: a TOML table, or the schema as JSON text.
    schema: Option<Value>,
    #[serde(default)]
    defaults: BTreeMap<String, Value>,
}

/// Reads `+++ toml +++ prompt`.
pub fn parse(name: &str, text: &str) -> Result<Template, String> {
    let (block, body) = crate::front_matter::split(text)?;
    let front: FrontMatter = match block {
        Some(block) => toml::from_str(block).map_err(|e| e.message().trim().to_string())?,
        None => FrontMatter::default(),
    };
    if body.trim().is_empty() {
        return Err("the template has no prompt after its `+++` block".into());
    }
    let mut settings = Vec::new();
    let mut put = |key: &'static str, value: Option<Value>| {
        if let Some(value) = value {
            settings.push((key, value));
        }
    };
    put(keys::SYSTEM_PROMPT, front.system.map(Value::String));
    put(keys::MODEL, front.model.map(Value::String));
    put(keys::TEMPERATURE, front.temperature.map(Value::Float));
    put(keys::TOP_P, front.top_p.map(Value::Float));
    put(keys::TOP_K, front.top_k.map(Value::Integer));
    put(keys::MIN_P, front.min_p.map(Value::Float));
    put(keys::MAX_TOKENS, front.max_tokens.map(Value::Integer));
    put(keys::SEED, front.seed.map(Value::Integer));
    let schema = front.schema.map(json_schema).transpose()?;
    let defaults = front
        .defaults
        .into_iter()
        .map(|(name, value)| {
            let text = match value {
                Value::String(text) => text,
                other => other.to_string(),
            };
            (name, text)
        })
        .collect();
    let template = Template {
        name: name.to_string(),
        description: front.description,
        settings,
        schema,
        defaults,
        body: body.to_string(),
    };
    template.variables()?;
    Ok(template)
}

/// A schema written as a TOML table, or as JSON text.
fn json_schema(value: Value) -> Result<serde_json::Value, String> {
    let schema = match value {
        Value::String(text) => serde_json::from_str(&text)
            .map_err(|e| format!("schema: the JSON text cannot be read: {e}"))?,
        other => serde_json::to_value(other).map_err(|e| format!("schema: {e}"))?,
    };
    if !schema.is_object() {
        return Err("schema: a JSON schema is an object".into());
    }
    crate::engine::Constraint::JsonSchema(schema.clone())
        .to_grammar()
        .map_err(|e| format!("schema: {e}"))?;
    Ok(schema)
}

/// Where the template called `name` lives.
pub fn path(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!("{name}.md"))
}

/// The template called `name`.
pub fn load(dir: &Path, name: &str) -> Result<Template, Hinted> {
    let path = path(dir, name);
    let text = std::fs::read_to_string(&path).map_err(|_| {
        let known: Vec<String> = list(dir).into_iter().map(|t| t.name).collect();
        Hinted::new(
            format!("no template called `{name}`"),
            if known.is_empty() {
                "`flashchat templates new NAME` writes one".to_string()
            } else {
                format!(
                    "known: {}; `flashchat templates new NAME` writes one",
                    known.join(", ")
                )
            },
        )
    })?;
    parse(name, &text).map_err(|e| {
        Hinted::new(
            format!("template `{name}` cannot be read: {e}"),
            format!("fix {}", path.display()),
        )
    })
}

/// Every template that can be read, by name.
pub fn list(dir: &Path) -> Vec<Template> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "md"))
                .filter_map(|p| Some(p.file_stem()?.to_string_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
        .into_iter()
        .filter_map(|name| load(dir, &name).ok())
        .collect()
}

/// A name a template file may have: letters, digits, `-` and `_`.
pub fn valid_name(name: &str) -> bool {
    crate::fsutil::is_plain_name(name)
}

impl Template {
    /// The variables the prompt uses, in order of name.
    pub fn variables(&self) -> Result<BTreeSet<String>, String> {
        let env = environment();
        let template = env
            .template_from_str(&self.body)
            .map_err(|e| format!("the prompt's placeholders cannot be read: {e}"))?;
        Ok(template.undeclared_variables(false).into_iter().collect())
    }

    /// The prompt with `values` (then the defaults) in its placeholders;
    /// every variable without a value is named in the error.
    pub fn render(&self, values: &BTreeMap<String, String>) -> Result<String, Hinted> {
        let hint = || format!("see `flashchat templates show {}`", self.name);
        let used = self
            .variables()
            .map_err(|e| Hinted::new(format!("template `{}`: {e}", self.name), hint()))?;
        let mut context = self.defaults.clone();
        context.extend(values.iter().map(|(k, v)| (k.clone(), v.clone())));
        let missing: Vec<&String> = used.iter().filter(|v| !context.contains_key(*v)).collect();
        if !missing.is_empty() {
            let names: Vec<String> = missing.iter().map(|v| format!("`{v}`")).collect();
            let stdin = if missing.iter().any(|v| *v == INPUT) {
                " (`input` is what is piped in)"
            } else {
                ""
            };
            return Err(Hinted::new(
                format!(
                    "template `{}` needs a value for {}{stdin}",
                    self.name,
                    names.join(", ")
                ),
                format!(
                    "give each with -p NAME VALUE, e.g. -p {} \"...\"",
                    missing[0]
                ),
            ));
        }
        let unknown: Vec<&String> = values
            .keys()
            .filter(|k| !used.contains(*k) && k.as_str() != INPUT)
            .collect();
        if let Some(name) = unknown.first() {
            return Err(Hinted::new(
                format!("template `{}` has no variable `{name}`", self.name),
                format!(
                    "its variables: {}",
                    used.iter().cloned().collect::<Vec<_>>().join(", ")
                ),
            ));
        }
        let env = environment();
        env.render_str(&self.body, &context)
            .map(|text| text.trim().to_string())
            .map_err(|e| Hinted::new(format!("template `{}`: {e}", self.name), hint()))
    }

    /// These settings with the template's laid on as a layer, between the
    /// config (and environment) and the command line.
    pub fn layered_on(&self, resolved: &Resolved) -> Result<Resolved, Hinted> {
        resolved
            .with_layer(
                &Origin::Template(self.name.clone()),
                self.settings.iter().cloned(),
            )
            .map_err(|e| {
                Hinted::new(
                    format!("template `{}`: {e}", self.name),
                    "fix the value in the template's `+++` block",
                )
            })
    }
}

/// Placeholders are plain text: nothing is escaped, an unknown variable is
/// an error (checked before rendering, with every name).
fn environment() -> minijinja::Environment<'static> {
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env
}

/// The file `templates new` writes: the last prompt, or an example.
pub fn starter(prompt: Option<&str>) -> String {
    let body = prompt.unwrap_or("Summarise this in {{words}} words:\n\n{{input}}");
    let defaults = if prompt.is_none() {
        "\n[defaults]\nwords = \"50\"\n"
    } else {
        ""
    };
    format!(
        "+++\n\
         description = \"\"\n\
         # system = \"You are concise.\"\n\
         # model = \"owner/repo:Q4_K_M\"\n\
         # temperature = 0.2\n\
         # max_tokens = 512\n\
         # schema = {{ type = \"object\", properties = {{ title = {{ type = \"string\" }} }} }}\n\
         {defaults}+++\n\
         {body}\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUMMARY: &str = "+++\ndescription = \"Summaries\"\nsystem = \"Be brief.\"\ntemperature = 0.2\nmax_tokens = 64\nschema = { type = \"object\", properties = { title = { type = \"string\" } }, required = [\"title\"] }\n\n[defaults]\nwords = 20\n+++\nSummarise in {{words}} words for {{reader}}:\n\n{{input}}\n";

    fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_template_reads_its_settings_and_variables() {
        let t = parse("summary", SUMMARY).unwrap();
        assert_eq!(t.description, "Summaries");
        assert!(t
            .settings
            .contains(&(keys::SYSTEM_PROMPT, Value::String("Be brief.".into()))));
        assert!(t.settings.contains(&(keys::MAX_TOKENS, Value::Integer(64))));
        assert_eq!(t.schema.as_ref().unwrap()["required"][0], "title");
        assert_eq!(t.defaults["words"], "20");
        let vars: Vec<String> = t.variables().unwrap().into_iter().collect();
        assert_eq!(vars, ["input", "reader", "words"]);
    }

    #[test]
    fn values_fill_the_placeholders_and_defaults_the_rest() {
        let t = parse("summary", SUMMARY).unwrap();
        let text = t
            .render(&values(&[("reader", "a child"), ("input", "The tide.")]))
            .unwrap();
        assert_eq!(text, "Summarise in 20 words for a child:\n\nThe tide.");
        let text = t
            .render(&values(&[("reader", "x"), ("input", "y"), ("words", "5")]))
            .unwrap();
        assert!(text.starts_with("Summarise in 5 words"));
    }

    #[test]
    fn every_missing_variable_is_named() {
        let t = parse("summary", SUMMARY).unwrap();
        let error = t.render(&values(&[])).unwrap_err();
        assert_eq!(
            error.message,
            "template `summary` needs a value for `input`, `reader` (`input` is what is piped in)"
        );
        assert!(error.hint.contains("-p input"), "{}", error.hint);
        let error = t
            .render(&values(&[
                ("reader", "x"),
                ("input", "y"),
                ("colour", "red"),
            ]))
            .unwrap_err();
        assert!(error.message.contains("no variable `colour`"));
    }

    #[test]
    fn mistakes_in_a_file_are_explained() {
        assert!(parse("x", "+++\ncolour = 1\n+++\nhi")
            .unwrap_err()
            .contains("colour"));
        assert!(parse("x", "+++\n+++\n  \n")
            .unwrap_err()
            .contains("no prompt"));
        assert!(parse("x", "+++\nschema = \"[1]\"\n+++\nhi")
            .unwrap_err()
            .contains("object"));
        assert!(parse("x", "Hello {{ name")
            .unwrap_err()
            .contains("placeholders"));
        assert!(parse("plain", "No settings, {{topic}}.").is_ok());
    }

    #[test]
    fn the_starter_is_a_valid_template() {
        let t = parse("new", &starter(None)).unwrap();
        assert_eq!(t.defaults["words"], "50");
        let t = parse("last", &starter(Some("What is {{x}}?"))).unwrap();
        assert!(t.variables().unwrap().contains("x"));
        assert!(valid_name("sum-up_2") && !valid_name("../x") && !valid_name(""));
    }
}
