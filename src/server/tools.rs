//! Checking the tool-calling parts of a chat request: `tools`,
//! `tool_choice`, `parallel_tool_calls`, assistant messages' `tool_calls`
//! and `tool` messages' ids. Whatever is wrong is a 400 that names the
//! place (`tools[1].function.name`), never a guess.

use serde_json::Value;

use super::error::ApiError;
use crate::engine::tools::new_call_id;
use crate::engine::{Constraint, Tool, ToolCall, ToolChoice, ToolUse};

/// The most tools one request may offer.
const MAX_TOOLS: usize = 128;

/// The request's tools and how they may be used; `None` without tools.
pub fn tool_use(
    tools: Option<Value>,
    choice: Option<Value>,
    parallel: Option<Value>,
) -> Result<Option<ToolUse>, ApiError> {
    let parallel = match parallel {
        None | Some(Value::Null) => true,
        Some(Value::Bool(b)) => b,
        Some(other) => {
            return Err(ApiError::invalid(
                "parallel_tool_calls",
                format!("parallel_tool_calls is true or false, not `{other}`"),
            ))
        }
    };
    let tools = match tools {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => parse_tools(items)?,
        Some(other) => {
            return Err(ApiError::invalid(
                "tools",
                format!("tools is a list of functions, not `{}`", short(&other)),
            ))
        }
    };
    let choice = parse_choice(choice, &tools)?;
    if tools.is_empty() {
        return Ok(None);
    }
    Ok(Some(ToolUse {
        tools,
        choice,
        parallel,
    }))
}

fn parse_tools(items: Vec<Value>) -> Result<Vec<Tool>, ApiError> {
    if items.len() > MAX_TOOLS {
        return Err(ApiError::invalid(
            "tools",
            format!("at most {MAX_TOOLS} tools, got {}", items.len()),
        ));
    }
    let mut tools: Vec<Tool> = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let tool = parse_tool(i, item)?;
        if tools.iter().any(|t| t.name == tool.name) {
            return Err(ApiError::invalid(
                "tools",
                format!("tools[{i}]: the name `{}` is used twice", tool.name),
            ));
        }
        tools.push(tool);
    }
    Ok(tools)
}

fn parse_tool(i: usize, item: Value) -> Result<Tool, ApiError> {
    let bad = |what: String| ApiError::invalid("tools", format!("tools[{i}]{what}"));
    let kind = item.get("type").and_then(Value::as_str);
    if kind != Some("function") {
        return Err(bad(format!(
            ".type must be \"function\" (the only kind of tool), not {}",
            item.get("type")
                .map_or("missing".to_string(), |v| format!("`{v}`"))
        )));
    }
    let function = item
        .get("function")
        .filter(|f| f.is_object())
        .ok_or_else(|| bad(".function is missing; a tool is {\"type\": \"function\", \"function\": {\"name\": …}}".into()))?;
    let name = function
        .get("name")
        .and_then(Value::as_str)
        .ok_or_else(|| bad(".function.name is missing".into()))?;
    if !valid_name(name) {
        return Err(bad(format!(
            ".function.name `{name}` must be 1 to 64 letters, digits, `_` or `-`"
        )));
    }
    let description = match function.get("description") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(bad(".function.description must be text".into())),
    };
    let parameters = match function.get("parameters") {
        None | Some(Value::Null) => Value::Object(Default::default()),
        Some(p @ Value::Object(_)) => p.clone(),
        Some(other) => {
            return Err(bad(format!(
                ".function.parameters must be a JSON schema object, not `{}`",
                short(other)
            )))
        }
    };
    if parameters.as_object().is_some_and(|p| !p.is_empty()) {
        Constraint::JsonSchema(parameters.clone())
            .to_grammar()
            .map_err(|e| bad(format!(".function.parameters: {e}")))?;
    }
    Ok(Tool {
        name: name.to_string(),
        description,
        parameters,
    })
}

fn valid_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')
}

fn parse_choice(choice: Option<Value>, tools: &[Tool]) -> Result<ToolChoice, ApiError> {
    let bad = |message: String| ApiError::invalid("tool_choice", message);
    let choice = match choice {
        None | Some(Value::Null) => return Ok(ToolChoice::Auto),
        Some(Value::String(word)) => match word.as_str() {
            "auto" => ToolChoice::Auto,
            "none" => ToolChoice::None,
            "required" => ToolChoice::Required,
            other => {
                return Err(bad(format!(
                    "tool_choice `{other}` is not one of none, auto, required, or {{\"type\": \"function\", \"function\": {{\"name\": …}}}}"
                )))
            }
        },
        Some(object @ Value::Object(_)) => {
            let name = object
                .pointer("/function/name")
                .and_then(Value::as_str)
                .filter(|_| object.get("type").and_then(Value::as_str) == Some("function"))
                .ok_or_else(|| {
                    bad("a named tool_choice is {\"type\": \"function\", \"function\": {\"name\": …}}".into())
                })?;
            if !tools.iter().any(|t| t.name == name) {
                return Err(bad(format!(
                    "tool_choice names `{name}`, which is not among the request's tools"
                )));
            }
            ToolChoice::Named(name.to_string())
        }
        Some(other) => return Err(bad(format!("tool_choice cannot be `{}`", short(&other)))),
    };
    if tools.is_empty() && matches!(choice, ToolChoice::Required) {
        return Err(bad("tool_choice `required` needs `tools`".into()));
    }
    Ok(choice)
}

/// An assistant message's `tool_calls`, checked.
pub fn message_calls(i: usize, value: Value) -> Result<Vec<ToolCall>, ApiError> {
    let bad =
        |what: String| ApiError::invalid("messages", format!("messages[{i}].tool_calls{what}"));
    let items = match value {
        Value::Null => return Ok(Vec::new()),
        Value::Array(items) => items,
        other => return Err(bad(format!(" must be a list, not `{}`", short(&other)))),
    };
    items
        .into_iter()
        .enumerate()
        .map(|(j, call)| {
            let name = call
                .pointer("/function/name")
                .and_then(Value::as_str)
                .filter(|n| !n.is_empty())
                .ok_or_else(|| bad(format!("[{j}].function.name is missing")))?;
            let arguments = match call.pointer("/function/arguments") {
                None | Some(Value::Null) => "{}".to_string(),
                Some(Value::String(text)) => text.clone(),
                Some(object @ Value::Object(_)) => object.to_string(),
                Some(other) => {
                    return Err(bad(format!(
                        "[{j}].function.arguments must be a JSON text, not `{}`",
                        short(other)
                    )))
                }
            };
            let id = match call.get("id") {
                None | Some(Value::Null) => new_call_id(),
                Some(Value::String(id)) if !id.is_empty() => id.clone(),
                Some(_) => return Err(bad(format!("[{j}].id must be a non-empty text"))),
            };
            Ok(ToolCall {
                id,
                name: name.to_string(),
                arguments,
            })
        })
        .collect()
}

/// A `tool` message's `tool_call_id`, which must answer an earlier call.
pub fn answered_call(
    i: usize,
    id: Option<Value>,
    earlier: &[ToolCall],
) -> Result<(String, String), ApiError> {
    let id = match id {
        Some(Value::String(id)) if !id.is_empty() => id,
        _ => {
            return Err(ApiError::invalid(
                "messages",
                format!("messages[{i}] is a tool result without `tool_call_id`; give the id of the call it answers"),
            ))
        }
    };
    match earlier.iter().rev().find(|c| c.id == id) {
        Some(call) => Ok((id, call.name.clone())),
        None => Err(ApiError::invalid(
            "messages",
            format!("messages[{i}].tool_call_id `{id}` answers no earlier assistant tool call"),
        )),
    }
}

/// A value shortened for an error message.
fn short(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn weather() -> Value {
        json!([{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}])
    }

    #[test]
    fn tools_and_choices_are_read() {
        let tools = tool_use(Some(weather()), Some(json!("required")), None)
            .unwrap()
            .unwrap();
        assert_eq!(tools.choice, ToolChoice::Required);
        assert!(tools.parallel);
        let named = json!({"type": "function", "function": {"name": "get_weather"}});
        let tools = tool_use(Some(weather()), Some(named), Some(json!(false)))
            .unwrap()
            .unwrap();
        assert_eq!(tools.choice, ToolChoice::Named("get_weather".into()));
        assert!(!tools.parallel);
        assert_eq!(tool_use(None, Some(json!("auto")), None).unwrap(), None);
    }

    #[test]
    fn each_mistake_is_named() {
        let cases = [
            (json!({"a": 1}), None, "tools is a list"),
            (json!([{"type": "retrieval"}]), None, "tools[0].type"),
            (
                json!([{"type": "function"}]),
                None,
                "tools[0].function is missing",
            ),
            (
                json!([{"type": "function", "function": {"name": "a b"}}]),
                None,
                "tools[0].function.name `a b`",
            ),
            (
                json!([{"type": "function", "function": {"name": "a", "parameters": "x"}}]),
                None,
                "parameters must be a JSON schema",
            ),
            (
                json!([{"type": "function", "function": {"name": "a", "parameters": {"$ref": "https://x/y.json"}}}]),
                None,
                "tools[0].function.parameters",
            ),
            (
                json!([{"type": "function", "function": {"name": "a"}}, {"type": "function", "function": {"name": "a"}}]),
                None,
                "used twice",
            ),
            (
                weather(),
                Some(json!("sometimes")),
                "tool_choice `sometimes`",
            ),
            (
                weather(),
                Some(json!({"type": "function", "function": {"name": "nope"}})),
                "`nope`, which is not among",
            ),
        ];
        for (tools, choice, expected) in cases {
            let e = tool_use(Some(tools.clone()), choice, None).unwrap_err();
            let body = serde_json::to_string(&e.body()).unwrap();
            assert!(body.contains(expected), "{tools}: {body}");
        }
    }

    #[test]
    fn tool_messages_must_answer_an_earlier_call() {
        let calls = message_calls(
            1,
            json!([{"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]),
        )
        .unwrap();
        assert_eq!(
            answered_call(2, Some(json!("c1")), &calls).unwrap(),
            ("c1".into(), "f".into())
        );
        assert!(answered_call(2, None, &calls).is_err());
        assert!(answered_call(2, Some(json!("c2")), &calls).is_err());
        assert!(message_calls(1, json!([{"function": {}}])).is_err());
    }
}
