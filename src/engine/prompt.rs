//! Turning a [`PromptInput`] into text for the tokenizer: the model's own
//! chat template (or the user's) rendered with Jinja, tools included;
//! llama.cpp's built-in template matcher when Jinja cannot render it and
//! no tools are involved; plain text for a model with no template.

use std::path::Path;

use llama_cpp_2::model::{LlamaChatMessage, LlamaModel};

use super::template::{ChatTemplate, RenderOptions};
use super::tools::{messages_for_template, ToolFormat, ToolUse};
use super::{EngineError, Message, PromptInput};

/// What rendering prompts for one model needs, built once at load.
#[derive(Debug)]
pub struct Prompter {
    template: Option<ChatTemplate>,
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
            None => model_template(model),
        };
        let tool_format = ToolFormat::detect(template.as_ref().map(ChatTemplate::source));
        let vocab = model.vocab();
        let piece =
            |token| String::from_utf8_lossy(&vocab.token_to_piece(token, true, None)).into_owned();
        Ok(Self {
            template,
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
            None => messages.clone(),
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
        if let Some(template) = &self.template {
            let options = RenderOptions {
                add_generation_prompt: true,
                bos_token: self.bos.clone(),
                eos_token: self.eos.clone(),
                ..RenderOptions::default()
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

/// The model's `tokenizer.chat_template`, compiled, or `None`.
fn model_template(model: &LlamaModel) -> Option<ChatTemplate> {
    let source = model.chat_template(None).ok()?.to_string().ok()?;
    match ChatTemplate::new(&source, "the model's chat template") {
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
