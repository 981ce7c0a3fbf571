//! `flashchat prompt` against the real model, and every way its input can be wrong.

use std::io::Read;
use std::process::Stdio;

use crate::common::{stderr_of, stdout_of, test_model, Sandbox};

fn prompt_json(sandbox: &Sandbox, args: &[&str], stdin: Option<&str>) -> Option<serde_json::Value> {
    let mut cmd = sandbox.with_model()?;
    cmd.arg("prompt").args(args).arg("--json");
    if let Some(text) = stdin {
        cmd.write_stdin(text);
    }
    let output = cmd.output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    Some(serde_json::from_slice(&output.stdout).expect("one JSON object"))
}

#[test]
fn greedy_generation_is_exact_length_and_repeatable() {
    let sandbox = Sandbox::new();
    let args = ["Once upon a time", "-n", "32", "--temperature", "0"];
    let Some(first) = prompt_json(&sandbox, &args, None) else {
        return;
    };
    let second = prompt_json(&sandbox, &args, None).unwrap();
    assert_eq!(first["usage"]["completion_tokens"], 32);
    assert_eq!(first["finish_reason"], "length");
    assert_eq!(
        first["usage"]["total_tokens"].as_u64().unwrap(),
        first["usage"]["prompt_tokens"].as_u64().unwrap() + 32
    );
    let text = first["text"].as_str().unwrap();
    assert!(text.split_whitespace().count() >= 10, "{text}");
    assert_eq!(first["text"], second["text"]);
    assert!(
        first["timings"]["generation_tokens_per_second"]
            .as_f64()
            .unwrap()
            > 0.0
    );
}

#[test]
fn streamed_text_matches_json_text() {
    let sandbox = Sandbox::new();
    let args = ["Once upon a time", "-n", "32", "--temperature", "0"];
    let Some(json) = prompt_json(&sandbox, &args, None) else {
        return;
    };
    let output = sandbox
        .with_model()
        .unwrap()
        .arg("prompt")
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        stdout_of(&output),
        format!("{}\n", json["text"].as_str().unwrap())
    );
    assert!(
        !stdout_of(&output).contains('\x1b'),
        "no escape codes in piped output"
    );
}

#[test]
fn a_seed_makes_sampling_repeatable() {
    let sandbox = Sandbox::new();
    let args = [
        "The weather",
        "-n",
        "24",
        "--temperature",
        "1.0",
        "--seed",
        "42",
    ];
    let Some(a) = prompt_json(&sandbox, &args, None) else {
        return;
    };
    let b = prompt_json(&sandbox, &args, None).unwrap();
    assert_eq!(a["text"], b["text"]);
}

#[test]
fn stdin_is_the_prompt_or_its_context() {
    let sandbox = Sandbox::new();
    let Some(piped) = prompt_json(&sandbox, &["-n", "16"], Some("Once upon a time\n")) else {
        return;
    };
    assert_eq!(piped["usage"]["completion_tokens"], 16);
    let alone = prompt_json(
        &sandbox,
        &["-n", "1", "--temperature", "0", "Summarise"],
        None,
    )
    .unwrap();
    let both = prompt_json(
        &sandbox,
        &["-n", "1", "--temperature", "0", "Summarise"],
        Some("The cat sat on the mat.\n"),
    )
    .unwrap();
    assert!(
        both["usage"]["prompt_tokens"].as_u64() > alone["usage"]["prompt_tokens"].as_u64(),
        "piped text is added to the prompt"
    );
}

#[test]
fn stop_strings_end_generation_and_are_not_printed() {
    let sandbox = Sandbox::new();
    let base = ["Once upon a time", "-n", "32", "--temperature", "0"];
    let Some(full) = prompt_json(&sandbox, &base, None) else {
        return;
    };
    let full_text = full["text"].as_str().unwrap();
    let stop = "little";
    let expected = &full_text[..full_text.find(stop).expect("the greedy text has the word")];
    let mut args = base.to_vec();
    args.extend(["--stop", stop]);
    let stopped = prompt_json(&sandbox, &args, None).unwrap();
    assert_eq!(stopped["text"], expected);
    assert_eq!(stopped["finish_reason"], "stop");
}

#[test]
fn writing_into_a_closed_pipe_exits_quietly() {
    let sandbox = Sandbox::new();
    let Some(mut child) = sandbox.spawn_with_model(
        &[
            "prompt",
            "Once upon a time",
            "-n",
            "200",
            "--temperature",
            "0",
        ],
        &[],
        Stdio::null(),
    ) else {
        return;
    };
    let mut first = [0u8; 10];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "exit {status:?}: {err}");
    assert!(!err.contains("error") && !err.contains("panic"), "{err}");
}

#[test]
fn raw_mode_sends_the_text_as_is() {
    let sandbox = Sandbox::new();
    let Some(json) = prompt_json(
        &sandbox,
        &["--raw", "Hello", "-n", "4", "--temperature", "0"],
        None,
    ) else {
        return;
    };
    assert_eq!(json["usage"]["prompt_tokens"], 2, "<bos> and Hello");
}

#[test]
fn invalid_numbers_are_rejected_before_loading() {
    let sandbox = Sandbox::new();
    for (args, needle) in [
        (
            vec!["--tokens", "-5"],
            "invalid value for --tokens: max_tokens must be a whole number from 1",
        ),
        (
            vec!["--temperature", "-1"],
            "invalid value for --temperature",
        ),
        (vec!["--top-p", "2"], "invalid value for --top-p"),
    ] {
        let output = sandbox
            .cmd()
            .args(["prompt", "hi", "--model", "/nonexistent.gguf"])
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            stderr_of(&output).starts_with(&format!("error: {needle}")),
            "{}",
            stderr_of(&output)
        );
    }
}

#[test]
fn missing_and_broken_models_are_clear_errors() {
    let sandbox = Sandbox::new();
    let not_gguf = sandbox.path().join("notes.gguf");
    std::fs::write(&not_gguf, "these are my notes, not a model").unwrap();
    let mut cases = vec![
        (
            "/nonexistent/model.gguf".to_string(),
            "model file /nonexistent/model.gguf does not exist",
        ),
        (not_gguf.display().to_string(), "is not a GGUF file"),
        (
            "someone/some-repo:Q4_K_M".to_string(),
            "model someone/some-repo:Q4_K_M is not in the Hugging Face cache",
        ),
    ];
    let truncated = sandbox.path().join("truncated.gguf");
    if let Some(model) = test_model() {
        let bytes = std::fs::read(&model).unwrap();
        std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
        cases.push((truncated.display().to_string(), "is truncated"));
    }
    if let Some(model) = test_model() {
        // A chat template file that is missing or not Jinja.
        let broken = sandbox.path().join("broken.jinja");
        std::fs::write(&broken, "{% for m in messages %}").unwrap();
        for (template, needle) in [
            (
                "/nonexistent/t.jinja".to_string(),
                "cannot read the chat template /nonexistent/t.jinja",
            ),
            (
                broken.display().to_string(),
                "broken.jinja cannot be compiled",
            ),
        ] {
            let output = sandbox
                .cmd()
                .args([
                    "prompt",
                    "hi",
                    "--local",
                    "--chat-template",
                    &template,
                    "--model",
                ])
                .arg(&model)
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(1), "{template}");
            let err = stderr_of(&output);
            assert!(err.starts_with("error: ") && err.contains(needle), "{err}");
        }
    }
    for (model, needle) in cases {
        let output = sandbox
            .cmd()
            .args(["prompt", "hi", "--model", &model])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{model}");
        let err = stderr_of(&output);
        assert!(
            err.starts_with("error: ") && err.contains(needle),
            "{model}: {err}"
        );
        assert!(err.contains("hint: "), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn no_model_and_no_prompt_are_explained() {
    let sandbox = Sandbox::new();
    let output = sandbox.cmd().args(["prompt", "hi"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).starts_with("error: no model is configured"));

    let model = sandbox.path().join("x.gguf");
    crate::common::write_header_only_gguf(&model, "llama", 2048);
    let output = sandbox
        .cmd()
        .args(["prompt", "--model"])
        .arg(&model)
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).starts_with("error: no prompt given"));
}

#[test]
fn a_prompt_longer_than_the_context_is_refused() {
    let sandbox = Sandbox::new();
    let Some(mut cmd) = sandbox.with_model() else {
        return;
    };
    let long = "word ".repeat(400);
    let output = cmd
        .args(["prompt", "--raw", "-n", "4"])
        .env("FLASHCHAT_CONTEXT_SIZE", "256")
        .write_stdin(long)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr_of(&output);
    assert!(
        err.starts_with("error: the prompt is 401 tokens but the context window holds 256"),
        "{err}"
    );
}

#[test]
fn prompts_longer_than_one_batch_are_decoded_in_chunks() {
    let sandbox = Sandbox::new();
    let Some(mut cmd) = sandbox.with_model() else {
        return;
    };
    // About 3000 tokens: more than one 2048-token batch.
    let long = "The quick brown fox jumps over the lazy dog. ".repeat(300);
    let output = cmd
        .args(["prompt", "--raw", "-n", "2", "--json"])
        .env("FLASHCHAT_CONTEXT_SIZE", "8192")
        .write_stdin(long)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(json["usage"]["prompt_tokens"].as_u64().unwrap() > 2048);
}

#[test]
fn ctrl_c_stops_generation_cleanly() {
    let sandbox = Sandbox::new();
    let Some(mut child) = sandbox.spawn_with_model(
        &[
            "prompt",
            "Once upon a time",
            "-n",
            "5000",
            "--temperature",
            "0",
            "--stats",
        ],
        &[],
        Stdio::null(),
    ) else {
        return;
    };
    let mut first = [0u8; 8];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130));
    assert!(
        stdout_of(&output).ends_with('\n'),
        "the answer ends with a newline"
    );
    let err = stderr_of(&output);
    assert!(err.contains("finish: cancelled"), "{err}");
    assert!(!err.contains("error") && !err.contains("panicked"), "{err}");
}

#[test]
fn an_instruct_model_answers_a_question() {
    let sandbox = Sandbox::new();
    let Some(mut cmd) = sandbox.with_instruct_model() else {
        return;
    };
    let output = cmd
        .args([
            "prompt",
            "What is the capital of France?",
            "--json",
            "--local",
        ])
        .args(["--temperature", "0", "-n", "48"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let text = json["text"].as_str().unwrap();
    assert!(text.contains("Paris"), "{json}");
    assert_eq!(
        json["finish_reason"], "stop",
        "the chat template ends the turn: {json}"
    );
}

#[test]
fn schema_and_grammar_constrain_the_answer() {
    let sandbox = Sandbox::new();
    let run = |args: &[&str]| {
        let output = sandbox
            .with_instruct_model()?
            .args(["prompt", "--local", "--temperature", "0"])
            .args(args)
            .output()
            .unwrap();
        Some(output)
    };
    let schema = r#"{"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"}},"required":["name","age"],"additionalProperties":false}"#;
    let Some(output) = run(&[
        "Give me a person: name Ada, age 36.",
        "-n",
        "64",
        "--schema",
        schema,
    ]) else {
        return;
    };
    assert!(output.status.success(), "{}", stderr_of(&output));
    let person: serde_json::Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    assert!(
        person["name"].is_string() && person["age"].is_i64(),
        "{person}"
    );
    assert_eq!(person.as_object().unwrap().len(), 2, "{person}");

    // A schema file, and a grammar file.
    let file = sandbox.path().join("list.json");
    std::fs::write(
        &file,
        r#"{"type":"array","items":{"type":"string"},"minItems":2,"maxItems":2}"#,
    )
    .unwrap();
    let output = run(&[
        "Name two colours.",
        "-n",
        "60",
        "--schema",
        file.to_str().unwrap(),
    ])
    .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let list: serde_json::Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    assert_eq!(list.as_array().map(Vec::len), Some(2), "{list}");
    let grammar = sandbox.path().join("yes-no.gbnf");
    std::fs::write(&grammar, "root ::= \"yes\" | \"no\"\n").unwrap();
    let output = run(&["Is the sky blue?", "--grammar", grammar.to_str().unwrap()]).unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(
        ["yes\n", "no\n"].contains(&stdout_of(&output).as_str()),
        "{}",
        stdout_of(&output)
    );

    // Every way it can be wrong is an error line, before or after loading.
    std::fs::write(&grammar, "root ::= (\n").unwrap();
    let cases: [(&[&str], &str); 5] = [
        (&["x", "--schema", "{not json"], "error: --schema: not JSON"),
        (
            &["x", "--schema", "/no/such/schema.json"],
            "error: --schema: cannot read",
        ),
        (
            &["x", "--schema", r#"{"type": 5}"#],
            "error: --schema: llama.cpp's converter",
        ),
        (
            &["x", "--grammar", grammar.to_str().unwrap()],
            "error: the grammar is not valid GBNF",
        ),
        (
            &["Two colours", "-n", "3", "--schema", file.to_str().unwrap()],
            "error: the answer reached max_tokens (3)",
        ),
    ];
    for (args, expected) in cases {
        let output = run(args).unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            stderr_of(&output).contains(expected),
            "{args:?}: {}",
            stderr_of(&output)
        );
    }
}

/// The KV cache settings reach llama.cpp: a q8_0 cache answers (and
/// `status` shows it), and a quantised value cache without flash
/// attention is refused with the reason before anything is generated.
#[test]
fn kv_cache_types_are_used_and_checked() {
    let sandbox = Sandbox::new();
    let args = [
        "--cache-type-k",
        "q8_0",
        "--cache-type-v",
        "q8_0",
        "Once upon a time",
        "-n",
        "8",
        "--temperature",
        "0",
    ];
    let Some(answer) = prompt_json(&sandbox, &args, None) else {
        return;
    };
    assert_eq!(answer["usage"]["completion_tokens"], 8, "{answer}");
    let status = sandbox
        .cmd()
        .args(["--cache-type-k", "q8_0", "status", "--json"])
        .output()
        .unwrap();
    let status: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(status["kv_cache"]["type_k"], "q8_0", "{status}");
    assert_eq!(status["kv_cache"]["swa_full"], false, "{status}");
    let refused = sandbox
        .with_model()
        .unwrap()
        .args(["--cache-type-v", "q4_0", "--flash-attention", "off"])
        .args(["prompt", "Hi", "-n", "2"])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    let err = stderr_of(&refused);
    assert!(err.contains("needs flash attention"), "{err}");
    let bad = sandbox
        .cmd()
        .args(["--cache-type-k", "q3", "status"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(
        stderr_of(&bad).contains("cache_type_k"),
        "{}",
        stderr_of(&bad)
    );
}
