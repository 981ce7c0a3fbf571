//! Turning a [`PromptInput`] into text for the tokenizer: the model's own
//! chat template when it has one, plain text otherwise.

use llama_cpp_2::model::{LlamaChatMessage, LlamaModel};

use super::{Message, PromptInput};

pub fn render(model: &LlamaModel, input: &PromptInput) -> String {
    match input {
        PromptInput::Raw(text) => text.clone(),
        PromptInput::Chat(messages) => {
            apply_template(model, messages).unwrap_or_else(|| plain(messages))
        }
    }
}

fn apply_template(model: &LlamaModel, messages: &[Message]) -> Option<String> {
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
