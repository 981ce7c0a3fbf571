//! Turning a [`PromptInput`] into text for the tokenizer: the model's own
//! chat template (or the user's) rendered with Jinja, tools included;
//! llama.cpp's built-in template matcher when Jinja cannot render it and
//! no tools are involved; plain text for a model with no template.

use std::borrow::Cow;
use std::path::Path;

use llama_cpp_2::model::{LlamaChatMessage, LlamaModel};

use super::template::{ChatTemplate, RenderOptions};
use super::tools::{messages_for_template, ToolFormat, ToolUse};
use super::{EngineError, Message, PromptInput};

/// What rendering prompts for one model needs, built once at load.
#[derive(Debug)]
pub struct Prompter {
    template: Option<ChatTemplate>,
    /// The GGUF's `tool_use` variant, for requests with tools.
    tool_template: Option<ChatTemplate>,
    tool_format: ToolFormat,
    bos: String,
    eos: String,
}

impl Prompter {
    /// The user's template file when one is set, else the model's own.
    /// A model template Jinja cannot compile is logged and left to
    /// llama.cpp's matcher; a user's file that cannot be read or compiled
    /// is an error.
    pub fn new(model: &LlamaModel, override_file: Option<&Path>) -> Result<Self, EngineError> {
        let template = match override_file {
            Some(path) => {
                let source = std::fs::read_to_string(path).map_err(|e| {
                    EngineError::Template(format!(
                        "cannot read the chat template {} ({e})",
                        path.display()
                    ))
                })?;
                let template = ChatTemplate::new(&source, path.display().to_string())
                    .map_err(|e| EngineError::Template(e.to_string()))?;
                Some(template)
            }
            None => model_template(model, None),
        };
        let tool_template = match override_file {
            Some(_) => None,
            None => model_template(model, Some("tool_use")),
        };
        let tool_format = ToolFormat::detect(
            tool_template
                .as_ref()
                .or(template.as_ref())
                .map(ChatTemplate::source),
        );
        let vocab = model.vocab();
        let piece =
            |token| String::from_utf8_lossy(&vocab.token_to_piece(token, true, None)).into_owned();
        Ok(Self {
            template,
            tool_template,
            tool_format,
            bos: piece(vocab.bos()),
            eos: piece(vocab.eos()),
        })
    }

    pub fn tool_format(&self) -> ToolFormat {
        self.tool_format
    }

    /// The prompt's text; tools reach the model through its template, or
    /// through the generic system-prompt protocol.
    pub fn render(
        &self,
        model: &LlamaModel,
        input: &PromptInput,
        tools: Option<&ToolUse>,
        variables: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<String, EngineError> {
        let messages = match input {
            PromptInput::Raw(text) => return Ok(text.clone()),
            PromptInput::Tokens(_) => {
                return Err(EngineError::Template(
                    "a token prompt is decoded as it is, not rendered".into(),
                ))
            }
            PromptInput::Chat(messages) => messages,
        };
        let messages = match tools {
            Some(tools) => messages_for_template(messages, tools, self.tool_format),
            None => Cow::Borrowed(messages.as_slice()),
        };
        let rendered_tools = match tools {
            Some(t)
                if self.tool_format.template_renders_tools()
                    && t.choice != super::ToolChoice::None =>
            {
                t.tools.as_slice()
            }
            _ => &[],
        };
        let needs_jinja = !rendered_tools.is_empty()
            || messages
                .iter()
                .any(|m| !m.tool_calls.is_empty() || m.tool_call_id.is_some());
        let template = match &self.tool_template {
            Some(tool_template) if needs_jinja => Some(tool_template),
            _ => self.template.as_ref(),
        };
        if let Some(template) = template {
            let options = RenderOptions {
                add_generation_prompt: true,
                bos_token: self.bos.clone(),
                eos_token: self.eos.clone(),
                variables: variables.clone(),
                now: None,
            };
            match template.render(&messages, rendered_tools, &options) {
                // The tokenizer adds the BOS token itself.
                Ok(text) => {
                    return Ok(text
                        .strip_prefix(&self.bos)
                        .map(str::to_string)
                        .unwrap_or(text))
                }
                Err(e) if needs_jinja => return Err(EngineError::Template(e.to_string())),
                Err(e) => tracing::warn!("{e}; using llama.cpp's built-in template matcher"),
            }
        }
        Ok(apply_builtin(model, &messages).unwrap_or_else(|| plain(&messages)))
    }
}

/// The model's `tokenizer.chat_template` (or its `name` variant,
/// `tokenizer.chat_template.NAME`), compiled, or `None`.
fn model_template(model: &LlamaModel, name: Option<&str>) -> Option<ChatTemplate> {
    let source = model.chat_template(name).ok()?.to_string().ok()?;
    let origin = match name {
        None => "the model's chat template".to_string(),
        Some(name) => format!("the model's `{name}` chat template"),
    };
    match ChatTemplate::new(&source, origin) {
        Ok(template) => Some(template),
        Err(e) => {
            tracing::warn!("{e}; using llama.cpp's built-in template matcher");
            None
        }
    }
}

fn apply_builtin(model: &LlamaModel, messages: &[Message]) -> Option<String> {
    let template = model.chat_template(None).ok()?;
    let chat: Vec<LlamaChatMessage> = messages
        .iter()
        .filter_map(|m| LlamaChatMessage::new(m.role.as_str().to_string(), m.content.clone()).ok())
        .collect();
    match model.apply_chat_template(&template, &chat, true) {
        Ok(text) => Some(text),
        Err(e) => {
            tracing::warn!("the model's chat template is not supported ({e}); sending plain text");
            None
        }
    }
}

/// Without a template the messages are joined as plain paragraphs.
fn plain(messages: &[Message]) -> String {
    messages
        .iter()
        .map(|m| m.content.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}
