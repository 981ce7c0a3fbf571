//! How each model family writes a tool call, recognised from its chat
//! template, and what a template that knows no tools is told instead (a
//! generic JSON protocol in the system prompt, as llama.cpp's generic
//! handler does).

use std::borrow::Cow;

use serde_json::Value as Json;

use super::{Tool, ToolCall, ToolUse};
use crate::engine::{Message, Role};

/// A family's tool-call syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToolFormat {
    /// Hermes, Qwen 2.5/3, SmolLM3…: `<tool_call>{"name":…,"arguments":…}</tool_call>`.
    Hermes,
    /// Llama 3.x: a bare `{"name":…,"parameters":…}` (after `<|python_tag|>` at times).
    Llama3,
    /// Mistral Nemo and earlier: `[TOOL_CALLS][{"name":…,"arguments":…}]`.
    MistralJson,
    /// Mistral Small 3.2, Devstral, Ministral: `[TOOL_CALLS]name[ARGS]{…}`.
    MistralArgs,
    /// DeepSeek R1/V3: `<｜tool▁calls▁begin｜><｜tool▁call▁begin｜>…<｜tool▁call▁end｜>`.
    DeepSeek,
    /// gpt-oss (harmony): ` to=functions.name<|channel|>commentary json<|message|>{…}`
    /// (or `<|channel|>commentary to=functions.name <|constrain|>json<|message|>{…}`).
    GptOss,
    /// FunctionGemma and Gemma 4: `call:name{key:value,…}` between their markers.
    Gemma,
    /// Any other model: JSON `{"tool_call": …}` or `{"response": …}`, described
    /// in the system prompt.
    Generic,
}

pub(super) const HERMES_OPEN: &str = "<tool_call>";
pub(super) const HERMES_CLOSE: &str = "</tool_call>";
pub(super) const MISTRAL_OPEN: &str = "[TOOL_CALLS]";
pub(super) const MISTRAL_ARGS: &str = "[ARGS]";
pub(super) const DEEPSEEK_CALLS_OPEN: &str = "<｜tool▁calls▁begin｜>";
pub(super) const DEEPSEEK_CALLS_CLOSE: &str = "<｜tool▁calls▁end｜>";
pub(super) const DEEPSEEK_CALL_OPEN: &str = "<｜tool▁call▁begin｜>";
pub(super) const DEEPSEEK_CALL_CLOSE: &str = "<｜tool▁call▁end｜>";
pub(super) const DEEPSEEK_SEP: &str = "<｜tool▁sep｜>";
pub(super) const GPT_OSS_OPEN: &str = " to=functions.";
pub(super) const GPT_OSS_CHANNEL_OPEN: &str = "<|channel|>commentary to=functions.";
pub(super) const GPT_OSS_MESSAGE: &str = "<|channel|>commentary json<|message|>";
pub(super) const GEMMA4_OPEN: &str = "<|tool_call>call:";
pub(super) const GEMMA4_CLOSE: &str = "<tool_call|>";
pub(super) const FUNCTION_GEMMA_OPEN: &str = "<start_function_call>call:";
pub(super) const FUNCTION_GEMMA_CLOSE: &str = "<end_function_call>";
pub(super) const LLAMA_PYTHON_TAG: &str = "<|python_tag|>";

impl ToolFormat {
    /// The format a chat template's source shows (`Generic` when it has no
    /// tool support of its own).
    pub fn detect(template: Option<&str>) -> Self {
        let Some(t) = template else {
            return ToolFormat::Generic;
        };
        if !t.contains("tools") && !t.contains("tool_calls") {
            return ToolFormat::Generic;
        }
        if t.contains("functions.") && t.contains("<|channel|>") {
            ToolFormat::GptOss
        } else if t.contains(DEEPSEEK_CALL_OPEN) {
            ToolFormat::DeepSeek
        } else if t.contains(MISTRAL_OPEN) && t.contains(MISTRAL_ARGS) {
            ToolFormat::MistralArgs
        } else if t.contains(MISTRAL_OPEN) {
            ToolFormat::MistralJson
        } else if t.contains(HERMES_OPEN) {
            ToolFormat::Hermes
        } else if t.contains(GEMMA4_OPEN) || t.contains("<start_function_call>") {
            ToolFormat::Gemma
        } else if t.contains(LLAMA_PYTHON_TAG) || t.contains("<|start_header_id|>ipython") {
            ToolFormat::Llama3
        } else {
            ToolFormat::Generic
        }
    }

    /// Whether the model's template describes the tools itself.
    pub fn template_renders_tools(self) -> bool {
        self != ToolFormat::Generic
    }

    /// The texts that open a call section; what comes after one is parsed
    /// as calls, and with `auto` they switch the grammar on.
    pub fn openers(self) -> &'static [&'static str] {
        match self {
            ToolFormat::Hermes => &[HERMES_OPEN],
            ToolFormat::MistralJson | ToolFormat::MistralArgs => &[MISTRAL_OPEN],
            ToolFormat::DeepSeek => &[DEEPSEEK_CALLS_OPEN, DEEPSEEK_CALL_OPEN],
            ToolFormat::GptOss => &[GPT_OSS_CHANNEL_OPEN, GPT_OSS_OPEN],
            ToolFormat::Gemma => &[GEMMA4_OPEN, FUNCTION_GEMMA_OPEN],
            ToolFormat::Llama3 => &[LLAMA_PYTHON_TAG],
            ToolFormat::Generic => &[],
        }
    }

    /// Every marker of the format's calls: the ones a model may have as
    /// control tokens, which must show as text for the calls to be read.
    pub fn markers(self) -> &'static [&'static str] {
        match self {
            ToolFormat::Hermes => &[HERMES_OPEN, HERMES_CLOSE],
            ToolFormat::Llama3 => &[LLAMA_PYTHON_TAG],
            ToolFormat::MistralJson | ToolFormat::MistralArgs => {
                &[MISTRAL_OPEN, MISTRAL_ARGS, "[CALL_ID]"]
            }
            ToolFormat::DeepSeek => &[
                DEEPSEEK_CALLS_OPEN,
                DEEPSEEK_CALLS_CLOSE,
                DEEPSEEK_CALL_OPEN,
                DEEPSEEK_CALL_CLOSE,
                DEEPSEEK_SEP,
            ],
            ToolFormat::GptOss => &[
                "<|channel|>",
                "<|message|>",
                "<|constrain|>",
                "<|start|>",
                "<|end|>",
                "<|call|>",
            ],
            ToolFormat::Gemma => &[
                "<|tool_call>",
                GEMMA4_CLOSE,
                "<|\"|>",
                "<start_function_call>",
                FUNCTION_GEMMA_CLOSE,
                "<escape>",
            ],
            ToolFormat::Generic => &[],
        }
    }

    /// The openers where a lazy grammar starts: those its root begins with.
    pub fn trigger_words(self) -> &'static [&'static str] {
        match self {
            ToolFormat::GptOss => &[GPT_OSS_OPEN],
            ToolFormat::DeepSeek => &[DEEPSEEK_CALLS_OPEN],
            other => other.openers(),
        }
    }

    /// Whether an answer that starts with `{` is a call (formats whose
    /// calls are bare JSON).
    pub fn calls_are_bare_json(self) -> bool {
        matches!(self, ToolFormat::Llama3 | ToolFormat::Generic)
    }
}

/// The messages to render for a request with tools. Templates that know
/// tools get the conversation as it is; for the others the tools and the
/// JSON protocol are described in the system prompt, earlier calls are
/// written back the way the model was asked to write them, and tool
/// results become user messages.
pub fn messages_for_template<'a>(
    messages: &'a [Message],
    tools: &ToolUse,
    format: ToolFormat,
) -> Cow<'a, [Message]> {
    if format.template_renders_tools() {
        return Cow::Borrowed(messages);
    }
    let mut out = generic_messages(messages);
    if tools.choice == super::ToolChoice::None || tools.tools.is_empty() {
        return Cow::Owned(out);
    }
    let instructions = generic_instructions(tools);
    match out.first_mut() {
        Some(first) if first.role == Role::System => {
            first.content = format!("{}\n\n{instructions}", first.content);
        }
        _ => out.insert(0, Message::new(Role::System, instructions)),
    }
    Cow::Owned(out)
}

/// A conversation for a template that knows no tools. Small models copy
/// what they see, so earlier calls are not shown as text to repeat: each
/// call and its result become facts added to the user's turn
/// (`get_weather({"city":"Paris"}) returned: 18 degrees`), and the model
/// answers from them.
fn generic_messages(messages: &[Message]) -> Vec<Message> {
    let mut out: Vec<Message> = Vec::with_capacity(messages.len());
    let mut calls: Vec<&ToolCall> = Vec::new();
    for message in messages {
        match message.role {
            Role::Assistant if !message.tool_calls.is_empty() => {
                calls.extend(&message.tool_calls);
                if !message.content.is_empty() {
                    out.push(Message::new(Role::Assistant, message.content.clone()));
                }
            }
            Role::Tool => {
                let call = calls
                    .iter()
                    .find(|c| Some(&c.id) == message.tool_call_id.as_ref());
                let fact = match call {
                    Some(call) => format!(
                        "{}({}) returned: {}",
                        call.name, call.arguments, message.content
                    ),
                    None => format!("A tool returned: {}", message.content),
                };
                match out.last_mut() {
                    Some(last) if last.role == Role::User => {
                        last.content = format!("{}\n\n{fact}", last.content);
                    }
                    _ => out.push(Message::new(Role::User, fact)),
                }
            }
            _ => out.push(message.clone()),
        }
    }
    out
}

/// What the generic protocol tells the model.
fn generic_instructions(tools: &ToolUse) -> String {
    let listed: Vec<Json> = tools.callable().into_iter().map(Tool::to_openai).collect();
    let listed = serde_json::to_string_pretty(&listed).unwrap_or_default();
    let shapes = if tools.call_required() {
        "Answer with a JSON object calling a tool: {\"tool_call\": {\"name\": <tool name>, \"arguments\": <arguments object>}}."
    } else {
        "Answer with a JSON object: either {\"tool_call\": {\"name\": <tool name>, \"arguments\": <arguments object>}} to call a tool, or {\"response\": <your answer as text>} to reply to the user. Once a tool has returned what you need, reply with a response that uses it."
    };
    format!("You can call these tools:\n{listed}\n\n{shapes}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_are_recognised_by_their_markers() {
        let cases = [
            ("{% if tools %}<tool_call>{% endif %}", ToolFormat::Hermes),
            ("{{ tools }}[TOOL_CALLS][", ToolFormat::MistralJson),
            (
                "{{ tools }}[TOOL_CALLS]{{ name }}[ARGS]",
                ToolFormat::MistralArgs,
            ),
            ("{{ tools }}<｜tool▁call▁begin｜>", ToolFormat::DeepSeek),
            (
                "{{ tools }}<|channel|>commentary to=functions.",
                ToolFormat::GptOss,
            ),
            ("{{ tools }}<|tool_call>call:", ToolFormat::Gemma),
            ("{{ tools }}<|python_tag|>", ToolFormat::Llama3),
            ("<|im_start|>{{ message.role }}", ToolFormat::Generic),
        ];
        for (template, format) in cases {
            assert_eq!(ToolFormat::detect(Some(template)), format, "{template}");
        }
        assert_eq!(ToolFormat::detect(None), ToolFormat::Generic);
    }

    #[test]
    fn the_generic_protocol_rewrites_calls_and_results() {
        let tools = ToolUse {
            tools: vec![Tool {
                name: "clock".into(),
                description: None,
                parameters: serde_json::json!({"type": "object"}),
            }],
            choice: super::super::ToolChoice::Auto,
            parallel: false,
        };
        let mut call = Message::new(Role::Assistant, "");
        call.tool_calls.push(ToolCall {
            id: "c1".into(),
            name: "clock".into(),
            arguments: "{}".into(),
        });
        let mut result = Message::new(Role::Tool, "noon");
        result.tool_call_id = Some("c1".into());
        let conversation = [Message::new(Role::User, "time?"), call, result];
        let out = messages_for_template(&conversation, &tools, ToolFormat::Generic);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].role, Role::System);
        assert!(out[0].content.contains("\"clock\""));
        assert_eq!(out[1].role, Role::User);
        assert_eq!(out[1].content, "time?\n\nclock({}) returned: noon");
    }
}
