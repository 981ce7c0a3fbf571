//! `prompt -t NAME -p var value` and `flashchat templates`: variables,
//! stdin as `input`, a schema and a model from the template's `+++` block.

use std::io::Write;
use std::process::Stdio;

use serde_json::Value;

use crate::common::{instruct_model, stderr_of, stdout_of, test_model, Sandbox};

#[test]
fn a_template_fills_its_variables_and_stdin_and_brings_its_model_and_schema() {
    let (Some(gemma), Some(smol)) = (test_model(), instruct_model()) else {
        return;
    };
    let sandbox = Sandbox::new();
    let dir = sandbox.path().join("templates");
    std::fs::create_dir_all(&dir).unwrap();
    let template = format!(
        "+++\n\
         description = \"Capital cities\"\n\
         model = {:?}\n\
         system = \"You answer in JSON.\"\n\
         temperature = 0\n\
         max_tokens = 60\n\
         schema = {{ type = \"object\", properties = {{ city = {{ type = \"string\" }} }}, required = [\"city\"] }}\n\
         \n[defaults]\nstyle = \"short\"\n\
         +++\n\
         Give a {{{{style}}}} answer. Which city is the capital of {{{{country}}}}?\n\nNotes: {{{{input}}}}\n",
        smol.display().to_string()
    );
    std::fs::write(dir.join("capital.md"), template).unwrap();

    // The config names Gemma; the template's model wins, flags would win
    // over it.
    let gemma = gemma.display().to_string();
    let Some(mut child) = sandbox.spawn_with_model(
        &[
            "prompt", "--local", "--json", "-t", "capital", "-p", "country", "France",
        ],
        &[("FLASHCHAT_MODEL", gemma.as_str())],
        Stdio::piped(),
    ) else {
        return;
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"The answer is one word.")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let answer: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        answer["model"].as_str().unwrap().contains("SmolLM2"),
        "the template's model: {answer:#}"
    );
    let text: Value = serde_json::from_str(answer["text"].as_str().unwrap())
        .unwrap_or_else(|e| panic!("the schema holds ({e}): {answer:#}"));
    assert!(text["city"].is_string(), "{text:#}");

    // The filled prompt is the last prompt, which a new template can start from.
    let output = sandbox
        .cmd()
        .args(["templates", "new", "again", "--from-last"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let written = std::fs::read_to_string(dir.join("again.md")).unwrap();
    assert!(
        written.contains("Give a short answer. Which city is the capital of France?")
            && written.contains("Notes: The answer is one word."),
        "{written}"
    );

    let listed = sandbox
        .cmd()
        .args(["templates", "list", "--json"])
        .output()
        .unwrap();
    let listed: Value = serde_json::from_slice(&listed.stdout).unwrap();
    let capital = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "capital")
        .unwrap();
    assert_eq!(
        capital["variables"],
        serde_json::json!(["country", "input", "style"])
    );
    assert_eq!(capital["settings"]["temperature"], 0.0);

    // Between the config (and environment) and flags.
    let output = sandbox
        .cmd()
        .env("FLASHCHAT_TEMPERATURE", "0.9")
        .args(["config", "show", "--origin", "-t", "capital"])
        .output()
        .unwrap();
    let shown = stdout_of(&output);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let line = |key: &str| {
        shown
            .lines()
            .find(|l| l.starts_with(&format!("{key} =")))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        line("temperature").ends_with("# template capital"),
        "{shown}"
    );
    assert!(line("max_tokens").contains("60"), "{shown}");
}

#[test]
fn a_missing_variable_fails_fast_with_its_name() {
    let sandbox = Sandbox::new();
    let dir = sandbox.path().join("templates");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("letter.md"),
        "+++\ndescription = \"A letter\"\n+++\nWrite to {{name}} about {{topic}}.\n",
    )
    .unwrap();
    let Some(mut cmd) = sandbox.with_model() else {
        return;
    };
    let output = cmd
        .args(["prompt", "-t", "letter", "-p", "name", "Ada"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("error: template `letter` needs a value for `topic`"),
        "{stderr}"
    );
    assert!(stderr.contains("-p topic"), "{stderr}");
    assert!(
        !stderr.contains("Loading"),
        "before the model loads: {stderr}"
    );

    let output = sandbox
        .with_model()
        .unwrap()
        .args(["prompt", "-t", "nope", "hello"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).contains("no template called `nope`"));
    assert!(stderr_of(&output).contains("letter"), "known ones listed");

    let shown = sandbox
        .cmd()
        .args(["templates", "show", "letter"])
        .output()
        .unwrap();
    assert!(stdout_of(&shown).contains("Write to {{name}}"));
}

#[test]
fn a_template_that_names_its_model_needs_none_configured() {
    let Some(smol) = instruct_model() else {
        return;
    };
    let sandbox = Sandbox::new();
    let dir = sandbox.path().join("templates");
    std::fs::create_dir_all(&dir).unwrap();
    let template = |name: &str, model: &str| {
        let text = format!("+++\nmodel = {model:?}\nmax_tokens = 4\n+++\nSay {{{{word}}}}.\n");
        std::fs::write(dir.join(format!("{name}.md")), text).unwrap();
    };
    template("say", &smol.display().to_string());
    let missing = sandbox.path().join("gone.gguf");
    template("gone", &missing.display().to_string());
    let prompt = |name: &str| {
        sandbox
            .cmd()
            .args([
                "prompt", "--local", "--json", "-t", name, "-p", "word", "hi",
            ])
            .write_stdin("")
            .output()
            .unwrap()
    };

    // No model in the config or the environment: the template's is used.
    let output = prompt("say");
    assert!(output.status.success(), "{}", stderr_of(&output));
    let answer: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        answer["model"].as_str().unwrap().contains("SmolLM2"),
        "{answer:#}"
    );

    // A template model that is not there is named, not replaced by the
    // config's missing one.
    let output = prompt("gone");
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("gone.gguf"), "{stderr}");
    assert!(!stderr.contains("no model is configured"), "{stderr}");
}
