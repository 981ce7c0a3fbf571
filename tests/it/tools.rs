//! Tool calls in each model family's own syntax: the instruct model with a
//! real chat template of each family (`--chat-template`'s engine setting),
//! a required call, and the call read back from the grammar-shaped output.

use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use flashchat::engine::output::OutputParser;
use flashchat::engine::{
    Engine, EngineConfig, Event, GenerateRequest, Message, NoProgress, PromptInput, Role,
    SamplingParams, Tool, ToolChoice, ToolFormat, ToolUse,
};
use serde_json::{json, Value};

use crate::common::{chat_templates, heavy, instruct_model};

const FAMILIES: &[(&str, ToolFormat)] = &[
    ("Qwen-Qwen2.5-7B-Instruct.jinja", ToolFormat::Hermes),
    ("meta-llama-Llama-3.1-8B-Instruct.jinja", ToolFormat::Llama3),
    (
        "mistralai-Mistral-Nemo-Instruct-2407.jinja",
        ToolFormat::MistralJson,
    ),
    (
        "Mistral-Small-3.2-24B-Instruct-2506.jinja",
        ToolFormat::MistralArgs,
    ),
    ("deepseek-ai-DeepSeek-V3.1.jinja", ToolFormat::DeepSeek),
    ("openai-gpt-oss-120b.jinja", ToolFormat::GptOss),
    ("google-gemma-4-31B-it.jinja", ToolFormat::Gemma),
];

fn weather() -> ToolUse {
    ToolUse {
        tools: vec![Tool {
            name: "get_weather".into(),
            description: Some("Current weather in a city".into()),
            parameters: json!({"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"], "additionalProperties": false}),
        }],
        choice: ToolChoice::Required,
        parallel: false,
    }
}

#[test]
fn a_required_call_is_written_and_read_in_every_family_s_syntax() {
    let (Some(model), Some(templates)) = (instruct_model(), chat_templates()) else {
        return;
    };
    let _guard = heavy();
    for (file, format) in FAMILIES {
        let config = EngineConfig {
            chat_template: Some(templates.join(file)),
            ..EngineConfig::single(model.clone(), 2048, 2)
        };
        let engine = Engine::load(config, NoProgress).expect("model loads");
        assert_eq!(engine.tool_format(), *format, "{file}");
        let request = GenerateRequest {
            prompt: PromptInput::Chat(vec![Message::new(
                Role::User,
                "What is the weather in Paris?",
            )]),
            max_tokens: 200,
            stop: Vec::new(),
            sampling: SamplingParams::greedy(),
            cancel: Arc::new(AtomicBool::new(false)),
            constraint: None,
            logprobs: None,
            tools: Some(weather()),
            logit_bias: Vec::new(),
            template_variables: Default::default(),
        };
        let mut stream = engine.generate(request).expect("request starts");
        let mut text = String::new();
        while let Some(event) = stream.blocking_recv() {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::Logprob(_) => {}
                Event::Done(_) => break,
                Event::Failed(e) => panic!("{file}: {e}"),
            }
        }
        let parsed = OutputParser::new().with_tools(*format).parse(&text);
        assert_eq!(parsed.tool_error, None, "{file}: {text}");
        assert_eq!(parsed.tool_calls.len(), 1, "{file}: {text}");
        let call = &parsed.tool_calls[0];
        assert_eq!(call.name, "get_weather", "{file}: {text}");
        let arguments: Value = serde_json::from_str(&call.arguments).unwrap();
        assert!(arguments["city"].is_string(), "{file}: {text}");
    }
}
