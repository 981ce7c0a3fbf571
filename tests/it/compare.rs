//! `flashchat compare` on a pipe: answers stacked, `--json`, a model that
//! does not answer. (Side by side on a terminal: tests/it/terminal.rs.)

use serde_json::Value;

use crate::common::{heavy, instruct_model, stderr_of, stdout_of, test_model, Sandbox, StopServer};

#[test]
fn piped_answers_are_stacked_and_json_names_the_model_that_failed() {
    let (Some(gemma), Some(smol)) = (test_model(), instruct_model()) else {
        return;
    };
    let _heavy = heavy();
    let sandbox = Sandbox::new();
    let models = sandbox.path().join("models");
    std::fs::create_dir_all(&models).unwrap();
    std::os::unix::fs::symlink(&smol, models.join("SmolLM2-135M-Instruct.Q4_1.gguf")).unwrap();
    std::os::unix::fs::symlink(&gemma, models.join("gemma-3-270m-q4_k_m.gguf")).unwrap();
    let _stop = StopServer(&sandbox);
    let port = crate::common::free_port().to_string();
    let run = |args: &[&str]| {
        sandbox
            .cmd()
            .env("FLASHCHAT_MODEL", &gemma)
            .env("FLASHCHAT_SERVER_PORT", &port)
            .args(["compare", "-n", "6", "--temperature", "0"])
            .args(args)
            .write_stdin("What is the capital of France?")
            .output()
            .unwrap()
    };

    // The models by their names in `flashchat models`; the question from stdin.
    let output = run(&["-m", "gemma-3-270m-q4_k_m", "-m", "smollm2"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stdout = stdout_of(&output);
    assert!(
        stdout.starts_with("── gemma-3-270m-q4_k_m ──\n"),
        "{stdout}"
    );
    assert!(stdout.contains("\n── smollm2 ──\n"), "{stdout}");
    assert_eq!(stdout.matches(" tok/s · 6 tokens").count(), 2, "{stdout}");
    assert!(!stdout.contains('\x1b'), "{stdout:?}");
    // The server it started for the comparison is stopped.
    assert!(
        stderr_of(&output).contains("Stopped the server"),
        "{}",
        stderr_of(&output)
    );

    let output = run(&["-m", "smollm2", "-m", "nothing-like-it", "--json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["prompt"], "What is the capital of France?");
    assert_eq!(json["answers"][0]["model"], "smollm2");
    assert_eq!(
        json["answers"][0]["usage"]["completion_tokens"], 6,
        "{json:#}"
    );
    assert!(json["answers"][0]["timings"]["ttft_ms"].as_f64().unwrap() > 0.0);
    assert!(
        json["answers"][1]["error"]
            .as_str()
            .unwrap()
            .contains("nothing-like-it"),
        "{json:#}"
    );
    assert!(
        stderr_of(&output).contains("error: 1 of 2 models did not answer; nothing-like-it:"),
        "{}",
        stderr_of(&output)
    );

    let output = sandbox
        .cmd()
        .args(["compare", "-m", "smollm2", "Hi"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).contains("error: compare needs at least two models"));
}
