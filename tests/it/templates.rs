//! flashchat's chat-template rendering against Hugging Face transformers'
//! (jinja2 set up as transformers sets it up, `scripts/render-chat-templates.py`)
//! over the 70 real templates llama.cpp tests with, fetched at test time
//! (`scripts/fetch-chat-templates.sh`), and five conversations each
//! (`tests/fixtures/template-conversations.json`).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use flashchat::engine::template::{ChatTemplate, RenderOptions};
use serde_json::Value;

/// Templates where flashchat and transformers disagree, and why. Each is
/// explained in RUN.md; a template that starts to match, or a new
/// disagreement, fails the test so this list stays true.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[
    (
        "CohereForAI-c4ai-command-r-plus-tool_use.jinja",
        "without tools, transformers raises (`for tool in tools` over None); flashchat iterates none as empty and renders the tool preamble with no tools",
    ),
    (
        "NousResearch-Hermes-2-Pro-Llama-3-8B-tool_use.jinja",
        "as Cohere's: transformers raises iterating tools=None, flashchat renders an empty tool list",
    ),
    (
        "NousResearch-Hermes-3-Llama-3.1-8B-tool_use.jinja",
        "as Cohere's: transformers raises iterating tools=None, flashchat renders an empty tool list",
    ),
    (
        "llama-cpp-deepseek-r1.jinja",
        "with tools, jinja2's `map` gives a generator that json.dumps refuses; minijinja's gives a list, so flashchat renders the tools",
    ),
    (
        "meetkai-functionary-medium-v3.1.jinja",
        "with tools, jinja2 HTML-escapes the tool JSON (`'...'|safe + text` escapes `text`, giving &#34;); flashchat writes the JSON the template means",
    ),
];

#[test]
fn templates_render_as_transformers_renders_them() {
    let Some((python, templates)) = oracle_inputs() else {
        return;
    };
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/template-conversations.json");
    let output = Command::new(&python)
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/render-chat-templates.py"))
        .arg(&templates)
        .arg(&fixture)
        .output()
        .expect("run the jinja2 oracle");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let conversations: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(&fixture).unwrap()).unwrap();
    let conversations: BTreeMap<String, Value> = conversations
        .into_iter()
        .map(|c| (c["name"].as_str().unwrap().to_string(), c))
        .collect();

    let mut per_template: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut cases = 0;
    for line in String::from_utf8(output.stdout).unwrap().lines() {
        let expected: Value = serde_json::from_str(line).unwrap();
        let name = expected["template"].as_str().unwrap().to_string();
        let conversation = &conversations[expected["conversation"].as_str().unwrap()];
        let source = std::fs::read_to_string(templates.join(&name)).unwrap();
        let ours = render(&source, &name, conversation);
        let verdict = match (&ours, expected.get("rendered").and_then(Value::as_str)) {
            (Ok(a), Some(b)) if a == b => None,
            (Err(_), None) => None,
            (Ok(a), Some(b)) => Some(format!(
                "{}: text differs\n--- flashchat\n{a}\n--- transformers\n{b}",
                expected["conversation"]
            )),
            (Ok(_), None) => Some(format!(
                "{}: renders, transformers raises {}",
                expected["conversation"], expected["error"]
            )),
            (Err(e), Some(_)) => Some(format!(
                "{}: raises `{e}`, transformers renders",
                expected["conversation"]
            )),
        };
        if let Err(e) = &ours {
            assert!(e.contains(&name), "an error names the template: {e}");
        }
        cases += 1;
        let entry = per_template.entry(name).or_default();
        entry.extend(verdict);
    }
    assert_eq!(
        cases,
        70 * conversations.len(),
        "every template, every conversation"
    );
    let differing: Vec<&String> = per_template
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, _)| k)
        .collect();
    let identical = per_template.len() - differing.len();
    eprintln!(
        "{identical} of {} templates render exactly as transformers renders them",
        per_template.len()
    );
    for name in &differing {
        eprintln!("== {name}\n{}", per_template[*name].join("\n"));
    }
    let known: Vec<&str> = KNOWN_DIFFERENCES.iter().map(|(name, _)| *name).collect();
    let differing: Vec<&str> = differing.iter().map(|s| s.as_str()).collect();
    assert_eq!(
        differing, known,
        "the templates that differ from transformers"
    );
}

fn render(source: &str, name: &str, conversation: &Value) -> Result<String, String> {
    let template = ChatTemplate::new(source, name).map_err(|e| e.to_string())?;
    let messages = conversation["messages"].as_array().unwrap();
    let tools = conversation.get("tools").and_then(Value::as_array);
    let options = RenderOptions {
        add_generation_prompt: conversation["add_generation_prompt"].as_bool().unwrap(),
        bos_token: "<s>".into(),
        eos_token: "</s>".into(),
        variables: Default::default(),
        now: chrono::NaiveDate::from_ymd_opt(2026, 11, 27).and_then(|d| d.and_hms_opt(12, 0, 0)),
    };
    template
        .render_values(messages, tools.map(Vec::as_slice), &options)
        .map_err(|e| e.to_string())
}

/// The Python with jinja2 and the templates folder, or `None` (skipped
/// locally, a failure under CI) when either is missing.
fn oracle_inputs() -> Option<(String, PathBuf)> {
    let python = std::env::var("FLASHCHAT_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let has_jinja = Command::new(&python)
        .args(["-c", "import jinja2"])
        .status()
        .is_ok_and(|s| s.success());
    let templates = crate::common::chat_templates()?;
    if !has_jinja {
        let why = format!("{python} has no jinja2 (scripts/test.sh installs it)");
        assert!(
            std::env::var("CI").ok().as_deref() != Some("true"),
            "{why}: cannot be skipped in CI"
        );
        eprintln!("skipping the template comparison: {why}");
        return None;
    }
    Some((python, templates))
}
