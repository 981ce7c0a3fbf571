//! Reading tool calls out of a model's output, in each family's syntax.
//! Text streams through [`ToolSplitter`] as it is generated: answer text
//! is released at once, except what might open a call; from an opener on,
//! the output is kept and parsed into calls when generation ends.

use serde_json::Value as Json;

use super::format::*;
use super::{new_call_id, ToolCall, ToolFormat};

/// What came out of one answer's tool section.
#[derive(Debug, Clone, PartialEq)]
pub enum ToolText {
    /// Answer text (streamed as it comes).
    Content(String),
    /// The calls, once the output is complete.
    Calls(Vec<ToolCall>),
}

/// Splits streamed output into answer text and calls.
#[derive(Debug)]
pub struct ToolSplitter {
    format: ToolFormat,
    /// Text that may be the start of an opener.
    held: String,
    /// From the opener on (or the whole answer, for bare-JSON formats).
    section: Option<String>,
    /// Whether any non-blank text was seen (bare JSON counts only first).
    started: bool,
}

impl ToolSplitter {
    pub fn new(format: ToolFormat) -> Self {
        Self {
            format,
            held: String::new(),
            section: None,
            started: false,
        }
    }

    /// The answer text that is sure not to be part of a call.
    pub fn push(&mut self, text: &str) -> Vec<ToolText> {
        if let Some(section) = self.section.as_mut() {
            section.push_str(text);
            return Vec::new();
        }
        self.held.push_str(text);
        if !self.started {
            let trimmed = self.held.trim_start();
            if trimmed.is_empty() {
                return Vec::new();
            }
            self.started = true;
            if self.format.calls_are_bare_json() && trimmed.starts_with('{') {
                self.section = Some(std::mem::take(&mut self.held));
                return Vec::new();
            }
        }
        if let Some(at) = self.opener_at() {
            let before: String = self.held.drain(..at).collect();
            self.section = Some(std::mem::take(&mut self.held));
            return content(before);
        }
        let keep = self.possible_opener_start();
        let released: String = self.held.drain(..keep).collect();
        content(released)
    }

    /// The rest: held text, and the calls parsed from the section, or the
    /// section as text with why it could not be read.
    pub fn finish(&mut self) -> (Vec<ToolText>, Option<String>) {
        let mut out = content(std::mem::take(&mut self.held));
        let Some(section) = self.section.take() else {
            return (out, None);
        };
        match parse_calls(self.format, &section) {
            Ok(Parsed { calls, text }) => {
                if !text.trim().is_empty() {
                    out.push(ToolText::Content(text));
                }
                if !calls.is_empty() {
                    out.push(ToolText::Calls(calls));
                }
                (out, None)
            }
            Err(why) => {
                out.push(ToolText::Content(section));
                (out, Some(why))
            }
        }
    }

    fn opener_at(&self) -> Option<usize> {
        self.format
            .openers()
            .iter()
            .filter_map(|o| self.held.find(o))
            .min()
    }

    /// How much of the held text can go: all but a tail that an opener
    /// starts with.
    fn possible_opener_start(&self) -> usize {
        let mut keep_from = self.held.len();
        for opener in self.format.openers() {
            for (i, _) in self.held.char_indices().rev().take(opener.len()) {
                if opener.starts_with(&self.held[i..]) {
                    keep_from = keep_from.min(i);
                }
            }
        }
        keep_from
    }
}

fn content(text: String) -> Vec<ToolText> {
    if text.is_empty() {
        Vec::new()
    } else {
        vec![ToolText::Content(text)]
    }
}

/// Calls read from a section, and any answer text it also held.
struct Parsed {
    calls: Vec<ToolCall>,
    text: String,
}

fn parse_calls(format: ToolFormat, section: &str) -> Result<Parsed, String> {
    let calls = match format {
        ToolFormat::Generic => return parse_generic(section),
        ToolFormat::Hermes => between_markers(section, HERMES_OPEN, Some(HERMES_CLOSE))
            .into_iter()
            .map(|body| json_call(body, "arguments"))
            .collect::<Result<Vec<_>, _>>()?,
        ToolFormat::Llama3 => {
            let body = section.trim_start().trim_start_matches(LLAMA_PYTHON_TAG);
            json_values(body)?
                .into_iter()
                .map(|v| call_from_object(&v, "parameters"))
                .collect::<Result<Vec<_>, _>>()?
        }
        ToolFormat::MistralJson => {
            let body = section.trim_start().trim_start_matches(MISTRAL_OPEN);
            let (value, _) = first_json(body)?;
            let items = value.as_array().cloned().unwrap_or_else(|| vec![value]);
            items
                .iter()
                .map(|v| call_from_object(v, "arguments"))
                .collect::<Result<Vec<_>, _>>()?
        }
        ToolFormat::MistralArgs => between_markers(section, MISTRAL_OPEN, None)
            .into_iter()
            .map(|body| {
                let (name, args) = body
                    .split_once(MISTRAL_ARGS)
                    .ok_or_else(|| format!("a call without {MISTRAL_ARGS}: `{body}`"))?;
                named_call(name, args)
            })
            .collect::<Result<Vec<_>, _>>()?,
        ToolFormat::DeepSeek => {
            between_markers(section, DEEPSEEK_CALL_OPEN, Some(DEEPSEEK_CALL_CLOSE))
                .into_iter()
                .map(deepseek_call)
                .collect::<Result<Vec<_>, _>>()?
        }
        ToolFormat::GptOss => between_markers(section, "to=functions.", Some("<|call|>"))
            .into_iter()
            .map(|body| {
                let name_end = body.find([' ', '<']).unwrap_or(body.len());
                let args = body
                    .split_once("<|message|>")
                    .map(|(_, a)| a)
                    .ok_or_else(|| format!("a call without <|message|>: `{body}`"))?;
                named_call(&body[..name_end], args)
            })
            .collect::<Result<Vec<_>, _>>()?,
        ToolFormat::Gemma => between_markers(section, "call:", None)
            .into_iter()
            .map(gemma_call)
            .collect::<Result<Vec<_>, _>>()?,
    };
    if calls.is_empty() {
        return Err("no tool call could be read".into());
    }
    let mut calls = calls;
    if matches!(format, ToolFormat::MistralJson | ToolFormat::MistralArgs) {
        // Mistral's templates refuse any other id when the call comes back.
        for call in &mut calls {
            let valid = call.id.len() == 9 && call.id.chars().all(|c| c.is_ascii_alphanumeric());
            if !valid {
                call.id = super::mistral_call_id();
            }
        }
    }
    Ok(Parsed {
        calls,
        text: String::new(),
    })
}

/// The texts after each `open`, up to `close` (or the next `open`, or the end).
fn between_markers<'a>(text: &'a str, open: &str, close: Option<&str>) -> Vec<&'a str> {
    text.split(open)
        .skip(1)
        .map(|part| match close.and_then(|c| part.find(c)) {
            Some(end) => &part[..end],
            None => part,
        })
        .collect()
}

/// The first JSON value in `text`, and the text after it.
fn first_json(text: &str) -> Result<(Json, &str), String> {
    let text = text.trim_start();
    let mut values = serde_json::Deserializer::from_str(text).into_iter::<Json>();
    match values.next() {
        Some(Ok(value)) => Ok((value, &text[values.byte_offset()..])),
        Some(Err(e)) => Err(format!("the call is not valid JSON ({e})")),
        None => Err("the call is empty".into()),
    }
}

/// Several JSON values, separated by blanks or `;`.
fn json_values(mut text: &str) -> Result<Vec<Json>, String> {
    let mut values = Vec::new();
    loop {
        text = text.trim_start().trim_start_matches(';').trim_start();
        if text.is_empty() {
            return Ok(values);
        }
        let (value, rest) = first_json(text)?;
        values.push(value);
        text = rest;
    }
}

fn json_call(body: &str, key: &str) -> Result<ToolCall, String> {
    let (value, _) = first_json(body)?;
    call_from_object(&value, key)
}

/// `{"name": …, key: {…}}` (`arguments` or `parameters` either way, the
/// arguments an object or a JSON text).
fn call_from_object(value: &Json, key: &str) -> Result<ToolCall, String> {
    let name = value
        .get("name")
        .and_then(Json::as_str)
        .ok_or_else(|| format!("a call without a name: `{value}`"))?;
    let arguments = value
        .get(key)
        .or_else(|| value.get("arguments"))
        .or_else(|| value.get("parameters"))
        .cloned()
        .unwrap_or_else(|| Json::Object(Default::default()));
    let arguments = match arguments {
        Json::String(text) => serde_json::from_str::<Json>(&text)
            .map_err(|e| format!("the arguments of `{name}` are not JSON ({e})"))?,
        other => other,
    };
    let id = value.get("id").and_then(Json::as_str).map(str::to_string);
    Ok(new_call(name, &arguments, id))
}

fn named_call(name: &str, args: &str) -> Result<ToolCall, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("a call without a name".into());
    }
    let (arguments, _) = first_json(args)?;
    Ok(new_call(name, &arguments, None))
}

fn new_call(name: &str, arguments: &Json, id: Option<String>) -> ToolCall {
    ToolCall {
        id: id.filter(|id| !id.is_empty()).unwrap_or_else(new_call_id),
        name: name.to_string(),
        arguments: arguments.to_string(),
    }
}

/// `function<｜tool▁sep｜>name\n```json\n{…}\n```` (R1) or `name<｜tool▁sep｜>{…}` (V3.1).
fn deepseek_call(body: &str) -> Result<ToolCall, String> {
    let body = body.strip_prefix("function").unwrap_or(body);
    let body = body.strip_prefix(DEEPSEEK_SEP).unwrap_or(body);
    let (name, args) = match body.split_once(DEEPSEEK_SEP) {
        Some(pair) => pair,
        None => body
            .split_once('\n')
            .ok_or_else(|| format!("a call without arguments: `{body}`"))?,
    };
    let args = args
        .trim()
        .trim_start_matches("```json")
        .trim_end_matches("```");
    named_call(name, args)
}

/// `name{key:value,…}` with strings between `<|"|>` or `<escape>`.
fn gemma_call(body: &str) -> Result<ToolCall, String> {
    let open = body
        .find('{')
        .ok_or_else(|| format!("a call without arguments: `{body}`"))?;
    let json = gemma_to_json(&body[open..]);
    named_call(&body[..open], &json)
}

/// Rewrites Gemma's argument syntax as JSON: quoted strings, quoted keys.
fn gemma_to_json(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let delimiter = ["<|\"|>", "<escape>"]
            .into_iter()
            .find(|d| rest.starts_with(d));
        if let Some(d) = delimiter {
            let after = &rest[d.len()..];
            let end = after.find(d).unwrap_or(after.len());
            out.push_str(&Json::String(after[..end].to_string()).to_string());
            rest = after.get(end + d.len()..).unwrap_or("");
            continue;
        }
        if c.is_ascii_alphabetic() || c == '_' {
            let end = rest
                .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
                .unwrap_or(rest.len());
            let word = &rest[..end];
            if rest[end..].starts_with(':') {
                out.push_str(&Json::String(word.to_string()).to_string());
            } else {
                out.push_str(word);
            }
            rest = &rest[end..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The generic protocol: `{"tool_call": …}`, `{"tool_calls": […]}` or
/// `{"response": "…"}`.
fn parse_generic(section: &str) -> Result<Parsed, String> {
    let (value, _) = first_json(section)?;
    if let Some(text) = value.get("response").and_then(Json::as_str) {
        return Ok(Parsed {
            calls: Vec::new(),
            text: text.to_string(),
        });
    }
    let calls: Vec<Json> = match (value.get("tool_calls"), value.get("tool_call")) {
        (Some(Json::Array(calls)), _) => calls.clone(),
        (_, Some(call)) => vec![call.clone()],
        _ if value.get("name").is_some() => vec![value.clone()],
        _ => return Err(format!("neither a tool call nor a response: `{value}`")),
    };
    let calls = calls
        .iter()
        .map(|c| call_from_object(c, "arguments"))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Parsed {
        calls,
        text: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Streams `output` in small pieces; returns the text and the calls.
    fn split(format: ToolFormat, output: &str) -> (String, Vec<(String, Json)>) {
        let mut splitter = ToolSplitter::new(format);
        let mut parts = Vec::new();
        let chars: Vec<char> = output.chars().collect();
        for piece in chars.chunks(3) {
            parts.extend(splitter.push(&piece.iter().collect::<String>()));
        }
        let (rest, error) = splitter.finish();
        assert_eq!(error, None, "{output}");
        parts.extend(rest);
        let mut text = String::new();
        let mut calls = Vec::new();
        for part in parts {
            match part {
                ToolText::Content(t) => text.push_str(&t),
                ToolText::Calls(c) => calls.extend(c.into_iter().map(|c| {
                    assert!(!c.id.is_empty());
                    (c.name, serde_json::from_str(&c.arguments).unwrap())
                })),
            }
        }
        (text, calls)
    }

    fn paris() -> Vec<(String, Json)> {
        vec![("get_weather".into(), serde_json::json!({"city": "Paris"}))]
    }

    #[test]
    fn every_family_s_syntax_is_read() {
        let cases = [
            (ToolFormat::Hermes, "Sure. <tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n</tool_call>", "Sure. "),
            (ToolFormat::Llama3, "{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}", ""),
            (ToolFormat::Llama3, "<|python_tag|>{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}", ""),
            (ToolFormat::MistralJson, "[TOOL_CALLS][{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}, \"id\": \"abc123def\"}]", ""),
            (ToolFormat::MistralArgs, "[TOOL_CALLS]get_weather[ARGS]{\"city\": \"Paris\"}", ""),
            (ToolFormat::DeepSeek, "<｜tool▁calls▁begin｜><｜tool▁call▁begin｜>function<｜tool▁sep｜>get_weather\n```json\n{\"city\": \"Paris\"}\n```<｜tool▁call▁end｜><｜tool▁calls▁end｜>", ""),
            (ToolFormat::DeepSeek, "<｜tool▁calls▁begin｜><｜tool▁call▁begin｜>get_weather<｜tool▁sep｜>{\"city\": \"Paris\"}<｜tool▁call▁end｜><｜tool▁calls▁end｜>", ""),
            (ToolFormat::GptOss, "<|channel|>commentary to=functions.get_weather <|constrain|>json<|message|>{\"city\": \"Paris\"}<|call|>", ""),
            (ToolFormat::GptOss, " to=functions.get_weather<|channel|>commentary json<|message|>{\"city\": \"Paris\"}<|call|>", ""),
            (ToolFormat::Gemma, "<|tool_call>call:get_weather{city:<|\"|>Paris<|\"|>}<tool_call|>", ""),
            (ToolFormat::Gemma, "<start_function_call>call:get_weather{city:<escape>Paris<escape>}<end_function_call>", ""),
            (ToolFormat::Generic, "{\"tool_call\": {\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}}", ""),
        ];
        for (format, output, text) in cases {
            assert_eq!(
                split(format, output),
                (text.to_string(), paris()),
                "{format:?}: {output}"
            );
        }
    }

    #[test]
    fn text_without_calls_streams_through_and_generic_responses_become_text() {
        assert_eq!(
            split(ToolFormat::Hermes, "No <tools> needed."),
            ("No <tools> needed.".into(), vec![])
        );
        assert_eq!(
            split(ToolFormat::Llama3, "It is {sunny}?"),
            ("It is {sunny}?".into(), vec![])
        );
        assert_eq!(
            split(ToolFormat::Generic, "{\"response\": \"Hello!\"}"),
            ("Hello!".into(), vec![])
        );
    }

    #[test]
    fn parallel_calls_keep_their_order_and_ids_are_kept_when_given() {
        let output = "<tool_call>{\"name\": \"a\", \"arguments\": {}}</tool_call>\n<tool_call>{\"name\": \"b\", \"arguments\": \"{\\\"x\\\": 1}\"}</tool_call>";
        let (_, calls) = split(ToolFormat::Hermes, output);
        assert_eq!(
            calls,
            [
                ("a".into(), serde_json::json!({})),
                ("b".into(), serde_json::json!({"x": 1}))
            ]
        );
        let mut splitter = ToolSplitter::new(ToolFormat::MistralJson);
        splitter.push("[TOOL_CALLS][{\"name\": \"a\", \"arguments\": {}, \"id\": \"abc123def\"}]");
        let (parts, _) = splitter.finish();
        let ToolText::Calls(calls) = &parts[0] else {
            panic!("{parts:?}")
        };
        assert_eq!(calls[0].id, "abc123def");
        let mut splitter = ToolSplitter::new(ToolFormat::MistralArgs);
        splitter.push("[TOOL_CALLS]a[ARGS]{}");
        let (parts, _) = splitter.finish();
        let ToolText::Calls(calls) = &parts[0] else {
            panic!("{parts:?}")
        };
        let id = &calls[0].id;
        assert!(
            id.len() == 9 && id.chars().all(|c| c.is_ascii_alphanumeric()),
            "{id}"
        );
    }

    #[test]
    fn an_unreadable_call_is_reported_with_the_text_kept() {
        let mut splitter = ToolSplitter::new(ToolFormat::Hermes);
        splitter.push("<tool_call>{\"name\": \"get_wea");
        let (parts, error) = splitter.finish();
        assert!(error.unwrap().contains("not valid JSON"));
        assert_eq!(
            parts,
            [ToolText::Content("<tool_call>{\"name\": \"get_wea".into())]
        );
    }
}
