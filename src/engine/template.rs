//! Chat templates rendered with Jinja, the way Hugging Face transformers
//! renders them: the model's own `tokenizer.chat_template` (or a file the
//! user names) turns messages, tools and the generation prompt into the
//! text the model was trained on. minijinja with its Python-compatible
//! methods stands in for jinja2; `tojson`, `raise_exception` and
//! `strftime_now` behave as transformers defines them.

use minijinja::value::{Kwargs, Value, ValueKind};
use minijinja::{Environment, Error, ErrorKind, UndefinedBehavior};
use serde_json::Value as Json;

use super::tools::{Tool, ToolCall};
use super::{Message, Role};

/// The name the template is compiled under; errors quote it.
const NAME: &str = "chat_template";

/// A compiled chat template.
pub struct ChatTemplate {
    env: Environment<'static>,
    /// Where it came from ("the model's chat template", a file path), for errors.
    origin: String,
    source: String,
}

impl std::fmt::Debug for ChatTemplate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChatTemplate")
            .field("origin", &self.origin)
            .finish()
    }
}

/// Why a template could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{origin} cannot be {action}: {reason}")]
pub struct TemplateError {
    pub origin: String,
    action: &'static str,
    pub reason: String,
}

/// Everything a template renders besides the messages.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    pub add_generation_prompt: bool,
    pub bos_token: String,
    pub eos_token: String,
    /// More variables for the template: `enable_thinking`,
    /// `reasoning_effort`, or whatever a request's `chat_template_kwargs` set.
    pub variables: serde_json::Map<String, Json>,
    /// The date `strftime_now` formats; `None` is now.
    pub now: Option<chrono::NaiveDateTime>,
}

impl ChatTemplate {
    /// Compiles `source`; `origin` names it in errors.
    pub fn new(source: &str, origin: impl Into<String>) -> Result<Self, TemplateError> {
        let origin = origin.into();
        let mut env = Environment::new();
        let syntax = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
            .map_err(|e| TemplateError {
                origin: origin.clone(),
                action: "compiled",
                reason: describe(&e),
            })?;
        env.set_syntax(syntax);
        env.set_undefined_behavior(UndefinedBehavior::Lenient);
        env.set_unknown_method_callback(minijinja_contrib::pycompat::unknown_method_callback);
        env.set_formatter(python_formatter);
        env.add_filter("tojson", tojson);
        env.add_function("raise_exception", raise_exception);
        env.add_function("strftime_now", strftime_now);
        env.add_test("iterable", is_iterable);
        env.add_filter("indent", indent);
        env.add_template_owned(NAME, without_generation_tags(source))
            .map_err(|e| TemplateError {
                origin: origin.clone(),
                action: "compiled",
                reason: describe(&e),
            })?;
        Ok(Self {
            env,
            origin,
            source: source.to_string(),
        })
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// Renders a conversation, with `tools` when there are any.
    pub fn render(
        &self,
        messages: &[Message],
        tools: &[Tool],
        options: &RenderOptions,
    ) -> Result<String, TemplateError> {
        let messages: Vec<Json> = messages.iter().map(template_message).collect();
        let tools: Option<Vec<Json>> =
            (!tools.is_empty()).then(|| tools.iter().map(Tool::to_openai).collect());
        self.render_values(&messages, tools.as_deref(), options)
    }

    /// Renders messages and tools already in the shape templates read
    /// (OpenAI's, with tool-call arguments as objects).
    pub fn render_values(
        &self,
        messages: &[Json],
        tools: Option<&[Json]>,
        options: &RenderOptions,
    ) -> Result<String, TemplateError> {
        let template = self.env.get_template(NAME).map_err(|e| self.failed(&e))?;
        let context = RenderContext {
            messages,
            tools,
            documents: (),
            add_generation_prompt: options.add_generation_prompt,
            bos_token: &options.bos_token,
            eos_token: &options.eos_token,
            fixed_now: options.now.map(|now| now.format(NOW_FORMAT).to_string()),
            variables: &options.variables,
        };
        template
            .render(Value::from(minijinja::value::Serde(&context)))
            .map_err(|e| self.failed(&e))
    }

    fn failed(&self, e: &Error) -> TemplateError {
        TemplateError {
            origin: self.origin.clone(),
            action: "rendered",
            reason: describe(e),
        }
    }
}

/// What a template renders from, borrowed from the caller.
#[derive(serde::Serialize)]
struct RenderContext<'a> {
    messages: &'a [Json],
    tools: Option<&'a [Json]>,
    /// Always none: documents (RAG) are not passed.
    documents: (),
    add_generation_prompt: bool,
    bos_token: &'a str,
    eos_token: &'a str,
    /// The date `strftime_now` formats when it is not now (tests).
    #[serde(rename = "__flashchat_now", skip_serializing_if = "Option::is_none")]
    fixed_now: Option<String>,
    #[serde(flatten)]
    variables: &'a serde_json::Map<String, Json>,
}

const NOW_FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

/// transformers' `strftime_now`: the date now (or the render's fixed one)
/// in a Python `strftime` format.
fn strftime_now(state: &minijinja::State, format: String) -> String {
    let fixed = state
        .lookup("__flashchat_now")
        .and_then(|v| v.as_str().map(str::to_string))
        .and_then(|text| chrono::NaiveDateTime::parse_from_str(&text, NOW_FORMAT).ok());
    let now = fixed.unwrap_or_else(|| chrono::Local::now().naive_local());
    now.format(&format).to_string()
}

/// transformers' `{% generation %}` blocks only mark the assistant's
/// tokens for training; rendering keeps their body, so they become plain
/// `if true` blocks (whitespace control kept).
fn without_generation_tags(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(start) = rest.find("{%") {
        out.push_str(&rest[..start]);
        let tag = &rest[start..];
        let Some(end) = tag.find("%}") else {
            out.push_str(tag);
            return out;
        };
        let inner = &tag[2..end];
        let (left, body, right) = split_whitespace_control(inner);
        let replaced = match body.trim() {
            "generation" => Some("if true"),
            "endgeneration" => Some("endif"),
            _ => None,
        };
        match replaced {
            Some(body) => out.push_str(&format!("{{%{left} {body} {right}%}}")),
            None => out.push_str(&tag[..end + 2]),
        }
        rest = &tag[end + 2..];
    }
    out.push_str(rest);
    out
}

/// A tag's inside split into its whitespace-control marks and its body.
fn split_whitespace_control(inner: &str) -> (&str, &str, &str) {
    let left = if inner.starts_with(['-', '+']) {
        &inner[..1]
    } else {
        ""
    };
    let inner = &inner[left.len()..];
    let right = if inner.ends_with(['-', '+']) {
        &inner[inner.len() - 1..]
    } else {
        ""
    };
    (left, &inner[..inner.len() - right.len()], right)
}

/// minijinja's error with its line, without the debug dump.
fn describe(e: &Error) -> String {
    let mut text = match e.detail() {
        Some(detail) => detail.to_string(),
        None => e.kind().to_string(),
    };
    if let Some(line) = e.line() {
        text.push_str(&format!(" (line {line})"));
    }
    text
}

/// A message as templates expect it: OpenAI's shape, with tool-call
/// arguments as objects (as transformers documents them).
pub fn template_message(message: &Message) -> Json {
    let mut out = serde_json::Map::new();
    out.insert("role".into(), message.role.as_str().into());
    // An empty text, not null, when an assistant message only calls tools:
    // many templates test or concatenate the content without a null check.
    out.insert("content".into(), message.content.clone().into());
    if !message.tool_calls.is_empty() {
        let calls: Vec<Json> = message.tool_calls.iter().map(template_call).collect();
        out.insert("tool_calls".into(), calls.into());
    }
    if message.role == Role::Tool {
        if let Some(id) = &message.tool_call_id {
            out.insert("tool_call_id".into(), id.clone().into());
        }
        if let Some(name) = &message.name {
            out.insert("name".into(), name.clone().into());
        }
    }
    out.into()
}

fn template_call(call: &ToolCall) -> Json {
    let arguments = serde_json::from_str::<Json>(&call.arguments)
        .unwrap_or_else(|_| Json::String(call.arguments.clone()));
    serde_json::json!({
        "id": call.id,
        "type": "function",
        "function": {"name": call.name, "arguments": arguments},
    })
}

/// Prints booleans and none as Python does (`True`, `None`).
fn python_formatter(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &Value,
) -> Result<(), Error> {
    match value.kind() {
        ValueKind::Bool if value.is_true() => out.write_str("True").map_err(Error::from),
        ValueKind::Bool => out.write_str("False").map_err(Error::from),
        ValueKind::None => out.write_str("None").map_err(Error::from),
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// jinja2's `iterable`: strings, lists and mappings are; none is not.
fn is_iterable(value: &Value) -> bool {
    matches!(
        value.kind(),
        ValueKind::String
            | ValueKind::Seq
            | ValueKind::Map
            | ValueKind::Iterable
            | ValueKind::Bytes
    )
}

/// jinja2's `indent`, which keeps a trailing newline (minijinja's drops it).
fn indent(
    text: String,
    width: Option<Value>,
    first: Option<bool>,
    blank: Option<bool>,
    kwargs: Kwargs,
) -> Result<String, Error> {
    let width = match width {
        Some(w) => Some(w),
        None => kwargs.get::<Option<Value>>("width")?,
    };
    let first = first
        .or(kwargs.get::<Option<bool>>("first")?)
        .unwrap_or(false);
    let blank = blank
        .or(kwargs.get::<Option<bool>>("blank")?)
        .unwrap_or(false);
    kwargs.assert_all_used()?;
    let indention = match width {
        None => "    ".to_string(),
        Some(w) => match w.as_str() {
            Some(text) => text.to_string(),
            None => " ".repeat(usize::try_from(w)?),
        },
    };
    let text = format!("{text}\n");
    let lines = python_splitlines(&text);
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
            if blank || !line.is_empty() {
                out.push_str(&indention);
            }
        }
        out.push_str(line);
    }
    if first {
        out.insert_str(0, &indention);
    }
    Ok(out)
}

/// Python's `str.splitlines()` for the line breaks templates use.
fn python_splitlines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' => {
                lines.push(&text[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

fn raise_exception(message: String) -> Result<Value, Error> {
    Err(Error::new(ErrorKind::InvalidOperation, message))
}

/// transformers' `tojson`: Python's `json.dumps` with `ensure_ascii=False`,
/// so `", "` and `": "` separators, key order kept, and `indent` and
/// `separators` honoured.
fn tojson(value: &Value, indent: Option<Value>, kwargs: Kwargs) -> Result<Value, Error> {
    let indent = match indent {
        Some(v) => Some(v),
        None => kwargs.get::<Option<Value>>("indent")?,
    };
    let indent: Option<String> = match indent {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => match v.as_str() {
            Some(text) => Some(text.to_string()),
            None => Some(" ".repeat(usize::try_from(v)?)),
        },
    };
    let separators: Option<Vec<String>> = kwargs.get("separators")?;
    let sort_keys: Option<bool> = kwargs.get("sort_keys")?;
    let _ensure_ascii: Option<bool> = kwargs.get("ensure_ascii")?;
    kwargs.assert_all_used()?;
    let (item, key) = match separators.as_deref() {
        Some([item, key]) => (item.clone(), key.clone()),
        Some(_) => {
            return Err(Error::new(
                ErrorKind::InvalidOperation,
                "tojson: separators is a pair",
            ))
        }
        None if indent.is_some() => (",".into(), ": ".into()),
        None => (", ".into(), ": ".into()),
    };
    let json = serde_json::to_value(value).map_err(|e| {
        Error::new(ErrorKind::InvalidOperation, "cannot serialize to JSON").with_source(e)
    })?;
    let style = PyJson {
        indent,
        item,
        key,
        sort_keys: sort_keys.unwrap_or(false),
    };
    let mut out = String::new();
    style.write(&json, 0, &mut out);
    Ok(Value::from_safe_string(out))
}

/// How Python's `json.dumps` lays JSON out.
struct PyJson {
    indent: Option<String>,
    item: String,
    key: String,
    sort_keys: bool,
}

impl PyJson {
    fn write(&self, value: &Json, depth: usize, out: &mut String) {
        match value {
            Json::Array(items) if !items.is_empty() => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    self.separate(i, depth + 1, out);
                    self.write(item, depth + 1, out);
                }
                self.close(depth, out);
                out.push(']');
            }
            Json::Object(map) if !map.is_empty() => {
                out.push('{');
                let mut entries: Vec<(&String, &Json)> = map.iter().collect();
                if self.sort_keys {
                    entries.sort_by(|a, b| a.0.cmp(b.0));
                }
                for (i, (k, v)) in entries.into_iter().enumerate() {
                    self.separate(i, depth + 1, out);
                    out.push_str(&Json::String(k.clone()).to_string());
                    out.push_str(&self.key);
                    self.write(v, depth + 1, out);
                }
                self.close(depth, out);
                out.push('}');
            }
            Json::Array(_) => out.push_str("[]"),
            Json::Object(_) => out.push_str("{}"),
            Json::Number(n) => out.push_str(&python_number(n)),
            other => out.push_str(&other.to_string()),
        }
    }

    fn separate(&self, index: usize, depth: usize, out: &mut String) {
        if index > 0 {
            out.push_str(&self.item);
        }
        if let Some(indent) = &self.indent {
            out.push('\n');
            out.push_str(&indent.repeat(depth));
        }
    }

    fn close(&self, depth: usize, out: &mut String) {
        if let Some(indent) = &self.indent {
            out.push('\n');
            out.push_str(&indent.repeat(depth));
        }
    }
}

/// Python writes floats with a decimal point and exponents with a sign.
fn python_number(n: &serde_json::Number) -> String {
    let text = n.to_string();
    if !n.is_f64() {
        return text;
    }
    match text.split_once('e') {
        Some((mantissa, exp)) if !exp.starts_with('-') => format!("{mantissa}e+{exp}"),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(source: &str, messages: &[Message]) -> String {
        ChatTemplate::new(source, "test")
            .unwrap()
            .render(messages, &[], &RenderOptions::default())
            .unwrap()
    }

    #[test]
    fn tojson_writes_what_python_json_dumps_writes() {
        let source = "{{ messages[0] | tojson }}|{{ {'b': [1, 2.5], 'a': {}} | tojson(indent=2) }}";
        let text = render(source, &[Message::new(Role::User, "héllo \"x\"")]);
        assert_eq!(
            text,
            "{\"role\": \"user\", \"content\": \"héllo \\\"x\\\"\"}|{\n  \"b\": [\n    1,\n    2.5\n  ],\n  \"a\": {}\n}"
        );
    }

    #[test]
    fn python_string_methods_and_loop_controls_work() {
        let source = "{% for m in messages %}{% if loop.first %}{% continue %}{% endif %}{{ m.content.strip().upper() }}{% endfor %}";
        let messages = [
            Message::new(Role::System, "skip"),
            Message::new(Role::User, "  hi  "),
        ];
        assert_eq!(render(source, &messages), "HI");
    }

    #[test]
    fn raise_exception_and_syntax_errors_are_errors_naming_the_template() {
        let template = ChatTemplate::new(
            "{{ raise_exception('no system role') }}",
            "the model's chat template",
        )
        .unwrap();
        let e = template
            .render(&[], &[], &RenderOptions::default())
            .unwrap_err();
        assert!(e.to_string().contains("the model's chat template"), "{e}");
        assert!(e.to_string().contains("no system role"), "{e}");
        let e = ChatTemplate::new("{% if %}", "x.jinja").unwrap_err();
        assert!(
            e.to_string().starts_with("x.jinja cannot be compiled"),
            "{e}"
        );
    }

    #[test]
    fn tool_calls_reach_the_template_with_object_arguments() {
        let mut message = Message::new(Role::Assistant, "");
        message.tool_calls.push(ToolCall {
            id: "call_1".into(),
            name: "get_weather".into(),
            arguments: r#"{"city":"Paris"}"#.into(),
        });
        let source = "{% for m in messages %}{{ m.content == '' }} {{ m.tool_calls[0].function.arguments.city }}{% endfor %}";
        assert_eq!(render(source, &[message]), "True Paris");
    }

    #[test]
    fn indent_keeps_the_trailing_newline_as_jinja2_does() {
        let source = "{{ '{\\n' | indent(4, first=true) }}|{{ 'a\\n\\nb' | indent(2) }}|{{ 'a\\n\\nb' | indent(2, blank=true) }}";
        assert_eq!(render(source, &[]), "    {\n|a\n\n  b|a\n  \n  b");
    }

    #[test]
    fn strftime_now_formats_the_given_date() {
        let template = ChatTemplate::new("{{ strftime_now('%d %b %Y') }}", "t").unwrap();
        let options = RenderOptions {
            now: chrono::NaiveDate::from_ymd_opt(2026, 11, 27)
                .and_then(|d| d.and_hms_opt(12, 0, 0)),
            ..RenderOptions::default()
        };
        assert_eq!(template.render(&[], &[], &options).unwrap(), "27 Nov 2026");
    }
}
