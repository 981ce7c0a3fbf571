//! The GBNF grammar that makes a tool call well-formed in the model's own
//! syntax, with arguments that validate against the tool's JSON schema.
//! A required call is constrained from the first token; with `auto` the
//! grammar waits (a lazy grammar) until the model opens a call.

use serde_json::{json, Value as Json};

use super::format::*;
use super::{Tool, ToolFormat, ToolUse};

/// The grammar for one request's tool calls.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolGrammar {
    pub gbnf: String,
    /// Empty: the grammar holds from the first token. Otherwise it starts
    /// where one of these regular expressions' first group matches.
    pub trigger_patterns: Vec<String>,
}

/// `None` when nothing is constrained (`tool_choice: none`, or no tools).
pub fn tool_grammar(format: ToolFormat, tools: &ToolUse) -> Result<Option<ToolGrammar>, String> {
    let callable = tools.callable();
    if callable.is_empty() {
        return Ok(None);
    }
    let mut rules = Rules::default();
    let root = match format {
        ToolFormat::Generic => generic_root(&mut rules, &callable, tools)?,
        ToolFormat::Hermes => {
            let call = rules.schema("call", &any_call(&callable, "arguments"))?;
            let block = format!(
                "{} {call} {}",
                lit(&format!("{HERMES_OPEN}\n")),
                lit(&format!("\n{HERMES_CLOSE}"))
            );
            repeated(&mut rules, "block", &block, "\"\\n\"", tools.parallel)
        }
        ToolFormat::Llama3 => {
            let call = rules.schema("call", &any_call(&callable, "parameters"))?;
            format!("{}? {call}", lit(LLAMA_PYTHON_TAG))
        }
        ToolFormat::MistralJson => {
            let mut array =
                json!({"type": "array", "items": any_call(&callable, "arguments"), "minItems": 1});
            if !tools.parallel {
                array["maxItems"] = 1.into();
            }
            let calls = rules.schema("calls", &array)?;
            format!("{} {calls}", lit(MISTRAL_OPEN))
        }
        ToolFormat::MistralArgs => {
            let call = named_calls(&mut rules, &callable, |name, args| {
                format!(
                    "{} {args}",
                    lit(&format!("{MISTRAL_OPEN}{name}{MISTRAL_ARGS}"))
                )
            })?;
            repeated(&mut rules, "call", &call, "\"\"", tools.parallel)
        }
        ToolFormat::DeepSeek => {
            let call = named_calls(&mut rules, &callable, |name, args| {
                let r1 = lit(&format!("function{DEEPSEEK_SEP}{name}\n```json\n"));
                let v3 = lit(&format!("{name}{DEEPSEEK_SEP}"));
                format!(
                    "{} ( {r1} {args} {} | {v3} {args} ) {}",
                    lit(DEEPSEEK_CALL_OPEN),
                    lit("\n```"),
                    lit(DEEPSEEK_CALL_CLOSE)
                )
            })?;
            let calls = repeated(&mut rules, "call", &call, "\"\"", tools.parallel);
            format!(
                "{} {calls} {}",
                lit(DEEPSEEK_CALLS_OPEN),
                lit(DEEPSEEK_CALLS_CLOSE)
            )
        }
        ToolFormat::GptOss => named_calls(&mut rules, &callable, |name, args| {
            format!(
                "{} {args}",
                lit(&format!("{GPT_OSS_OPEN}{name}{GPT_OSS_MESSAGE}"))
            )
        })?,
        ToolFormat::Gemma => {
            rules.add("gemma-value", GEMMA_VALUE_RULES);
            let call =
                alternatives(callable.iter().map(|t| {
                    format!("{} {}", lit(&t.name), gemma_arguments(&arguments_schema(t)))
                }));
            format!(
                "( {} {call} {} | {} {call} {} )",
                lit(GEMMA4_OPEN),
                lit(GEMMA4_CLOSE),
                lit(FUNCTION_GEMMA_OPEN),
                lit(FUNCTION_GEMMA_CLOSE)
            )
        }
    };
    let gbnf = format!("root ::= {root}\n{}", rules.text);
    let lazy = !tools.call_required() && format != ToolFormat::Generic;
    let trigger_patterns = if lazy { triggers(format) } else { Vec::new() };
    Ok(Some(ToolGrammar {
        gbnf,
        trigger_patterns,
    }))
}

/// Where an `auto` grammar starts: at an opener, or for bare-JSON calls
/// at an answer that starts with `{`.
fn triggers(format: ToolFormat) -> Vec<String> {
    let mut patterns: Vec<String> = format
        .trigger_words()
        .iter()
        .map(|word| format!("[\\s\\S]*?({})[\\s\\S]*", regex_escape(word)))
        .collect();
    if format.calls_are_bare_json() {
        patterns.push("\\s*(\\{)[\\s\\S]*".into());
    }
    patterns
}

fn generic_root(rules: &mut Rules, callable: &[&Tool], tools: &ToolUse) -> Result<String, String> {
    let call = any_call(callable, "arguments");
    let calls = if tools.parallel {
        json!({"type": "object", "properties": {"tool_calls": {"type": "array", "items": call, "minItems": 1}}, "required": ["tool_calls"], "additionalProperties": false})
    } else {
        json!({"type": "object", "properties": {"tool_call": call}, "required": ["tool_call"], "additionalProperties": false})
    };
    let schema = if tools.call_required() {
        calls
    } else {
        json!({"anyOf": [calls, {"type": "object", "properties": {"response": {"type": "string"}}, "required": ["response"], "additionalProperties": false}]})
    };
    rules.schema("answer", &schema)
}

/// A call object of any of the tools: `{"name": …, key: arguments}`.
fn any_call(callable: &[&Tool], key: &str) -> Json {
    let calls: Vec<Json> = callable
        .iter()
        .map(|tool| {
            json!({
                "type": "object",
                "properties": {"name": {"const": tool.name}, key: arguments_schema(tool)},
                "required": ["name", key],
                "additionalProperties": false,
            })
        })
        .collect();
    match <[Json; 1]>::try_from(calls) {
        Ok([one]) => one,
        Err(calls) => json!({"anyOf": calls}),
    }
}

/// A tool's parameters, or any object when it declares none.
fn arguments_schema(tool: &Tool) -> Json {
    match &tool.parameters {
        Json::Object(map) if !map.is_empty() => tool.parameters.clone(),
        _ => json!({"type": "object"}),
    }
}

/// One alternative per tool, each built by `shape(name, arguments_rule)`.
fn named_calls(
    rules: &mut Rules,
    callable: &[&Tool],
    shape: impl Fn(&str, &str) -> String,
) -> Result<String, String> {
    let mut alternatives_ = Vec::new();
    for (i, tool) in callable.iter().enumerate() {
        let args = rules.schema(&format!("args{i}"), &arguments_schema(tool))?;
        alternatives_.push(shape(&tool.name, &args));
    }
    Ok(alternatives(alternatives_.into_iter()))
}

fn alternatives(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    format!("( {} )", items.join(" | "))
}

/// `item`, or with `parallel` one or more of it joined by `separator`.
fn repeated(rules: &mut Rules, name: &str, item: &str, separator: &str, parallel: bool) -> String {
    rules.add(name, &format!("{name} ::= {item}\n"));
    if parallel {
        format!("{name} ( {separator} {name} )*")
    } else {
        name.to_string()
    }
}

/// Rules gathered for one grammar, each schema's under its own prefix.
#[derive(Default)]
struct Rules {
    text: String,
    names: Vec<String>,
}

impl Rules {
    /// Adds `schema`'s rules, renamed under `prefix`; returns its root rule.
    fn schema(&mut self, prefix: &str, schema: &Json) -> Result<String, String> {
        let gbnf = llama_cpp_2::json_schema_to_grammar(&schema.to_string()).map_err(|e| {
            format!("llama.cpp's converter cannot turn a tool's JSON schema into a grammar ({e})")
        })?;
        self.text.push_str(&prefix_rules(&gbnf, prefix));
        self.text.push('\n');
        Ok(format!("{prefix}-root"))
    }

    fn add(&mut self, name: &str, rules: &str) {
        if !self.names.iter().any(|n| n == name) {
            self.names.push(name.to_string());
            self.text.push_str(rules);
        }
    }
}

/// Renames every rule of a GBNF grammar to `prefix-name`, leaving string
/// literals, character classes and repetition counts alone.
fn prefix_rules(gbnf: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(gbnf.len() * 2);
    let mut chars = gbnf.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' | '[' => {
                let close = if c == '"' { '"' } else { ']' };
                out.push(c);
                while let Some(inner) = chars.next() {
                    out.push(inner);
                    if inner == '\\' {
                        if let Some(escaped) = chars.next() {
                            out.push(escaped);
                        }
                    } else if inner == close {
                        break;
                    }
                }
            }
            '{' => {
                out.push(c);
                for inner in chars.by_ref() {
                    out.push(inner);
                    if inner == '}' {
                        break;
                    }
                }
            }
            '#' => {
                for inner in chars.by_ref() {
                    if inner == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            c if c.is_ascii_alphanumeric() || c == '_' || c == '-' => {
                let mut name = String::from(c);
                while let Some(&next) = chars.peek() {
                    if next.is_ascii_alphanumeric() || next == '_' || next == '-' {
                        name.push(next);
                        chars.next();
                    } else {
                        break;
                    }
                }
                out.push_str(prefix);
                out.push('-');
                out.push_str(&name);
            }
            c => out.push(c),
        }
    }
    out
}

/// A GBNF string literal.
fn lit(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn regex_escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if "\\^$.|?*+()[]{}".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Gemma's `{key:value,…}` for an object schema: the required keys in
/// order, then any of the optional ones, each value shaped by its type.
fn gemma_arguments(schema: &Json) -> String {
    let Some(properties) = schema.get("properties").and_then(Json::as_object) else {
        return "gemma-object".into();
    };
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Json::as_array)
        .map(|r| r.iter().filter_map(Json::as_str).collect())
        .unwrap_or_default();
    let pair =
        |key: &str, spec: &Json| format!("{} {}", lit(&format!("{key}:")), gemma_value(spec));
    let mut parts = Vec::new();
    for key in properties.keys().filter(|k| required.contains(&k.as_str())) {
        parts.push(pair(key, &properties[key]));
    }
    let mut rule = format!("\"{{\" {} ", parts.join(" \",\" "));
    for key in properties
        .keys()
        .filter(|k| !required.contains(&k.as_str()))
    {
        let separator = if parts.is_empty() { "" } else { "\",\" " };
        rule.push_str(&format!("( {separator}{} )? ", pair(key, &properties[key])));
    }
    rule.push_str("\"}\"");
    format!("( {rule} )")
}

fn gemma_value(spec: &Json) -> String {
    if let Some(choices) = spec.get("enum").and_then(Json::as_array) {
        let items: Vec<String> = choices
            .iter()
            .map(|c| match c {
                Json::String(s) => format!("gemma-quote {} gemma-quote", lit(s)),
                other => lit(&other.to_string()),
            })
            .collect();
        return format!("( {} )", items.join(" | "));
    }
    match spec.get("type").and_then(Json::as_str) {
        Some("string") => "gemma-string".into(),
        Some("integer") => "gemma-integer".into(),
        Some("number") => "gemma-number".into(),
        Some("boolean") => "( \"true\" | \"false\" )".into(),
        Some("array") => "gemma-array".into(),
        Some("object") => gemma_arguments(spec),
        _ => "gemma-value".into(),
    }
}

/// Gemma's argument syntax: `{key:value,…}` with strings between `<|"|>`
/// (Gemma 4) or `<escape>` (FunctionGemma).
const GEMMA_VALUE_RULES: &str = r#"gemma-object ::= "{" ( gemma-pair ( "," gemma-pair )* )? "}"
gemma-pair ::= [a-zA-Z_] [a-zA-Z0-9_]* ":" gemma-value
gemma-value ::= gemma-object | gemma-array | gemma-string | "true" | "false" | "null" | gemma-number
gemma-array ::= "[" ( gemma-value ( "," gemma-value )* )? "]"
gemma-string ::= gemma-quote [^<]* gemma-quote
gemma-quote ::= "<|\"|>" | "<escape>"
gemma-integer ::= "-"? [0-9]+
gemma-number ::= "-"? [0-9]+ ( "." [0-9]+ )?
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ToolChoice;

    fn weather() -> ToolUse {
        ToolUse {
            tools: vec![Tool {
                name: "get_weather".into(),
                description: Some("Weather in a city".into()),
                parameters: json!({"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}),
            }],
            choice: ToolChoice::Required,
            parallel: false,
        }
    }

    #[test]
    fn rules_are_renamed_outside_literals_and_classes() {
        let gbnf = "root ::= \"{\" space x-kv{1,2} [a-z] \"name\"\nspace ::= \" \"?\n";
        assert_eq!(
            prefix_rules(gbnf, "c"),
            "c-root ::= \"{\" c-space c-x-kv{1,2} [a-z] \"name\"\nc-space ::= \" \"?\n"
        );
    }

    #[test]
    fn required_calls_are_constrained_from_the_start_and_auto_waits_for_an_opener() {
        let required = tool_grammar(ToolFormat::Hermes, &weather())
            .unwrap()
            .unwrap();
        assert!(required.trigger_patterns.is_empty());
        assert!(
            required.gbnf.starts_with("root ::= block"),
            "{}",
            required.gbnf
        );
        assert!(required.gbnf.contains("\"<tool_call>\\n\""));
        let mut auto = weather();
        auto.choice = ToolChoice::Auto;
        let lazy = tool_grammar(ToolFormat::Hermes, &auto).unwrap().unwrap();
        assert_eq!(lazy.trigger_patterns, ["[\\s\\S]*?(<tool_call>)[\\s\\S]*"]);
        let generic = tool_grammar(ToolFormat::Generic, &auto).unwrap().unwrap();
        assert!(
            generic.trigger_patterns.is_empty(),
            "the generic protocol is JSON throughout"
        );
        auto.choice = ToolChoice::None;
        assert_eq!(tool_grammar(ToolFormat::Hermes, &auto).unwrap(), None);
    }

    #[test]
    fn every_format_builds_a_grammar() {
        for format in [
            ToolFormat::Hermes,
            ToolFormat::Llama3,
            ToolFormat::MistralJson,
            ToolFormat::MistralArgs,
            ToolFormat::DeepSeek,
            ToolFormat::GptOss,
            ToolFormat::Gemma,
            ToolFormat::Generic,
        ] {
            let mut tools = weather();
            tools.parallel = true;
            let grammar = tool_grammar(format, &tools).unwrap().unwrap();
            assert!(grammar.gbnf.starts_with("root ::= "), "{format:?}");
        }
    }
}
