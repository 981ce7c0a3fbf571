//! Layered configuration: the file, FLASHCHAT_* variables, flags, origins,
//! and files that are broken in every way a user can break them.

use crate::common::{stderr_of, stdout_of, Sandbox};

#[test]
fn first_run_writes_a_commented_config_and_show_lists_defaults() {
    let sandbox = Sandbox::fresh();
    let output = sandbox.cmd().args(["config", "show"]).output().unwrap();
    assert!(output.status.success());
    let written = std::fs::read_to_string(sandbox.config_file()).unwrap();
    assert!(written.contains("# temperature = 0.7"));
    assert!(written.contains("FLASHCHAT_SERVER_PORT"));
    let shown = stdout_of(&output);
    assert!(shown.contains("temperature = 0.7\n"));
    assert!(shown.contains("server.port = 8000\n"));
    assert!(stderr_of(&output).contains("Created"));
}

#[test]
fn origins_follow_cli_then_env_then_file_then_default() {
    let sandbox = Sandbox::new();
    std::fs::write(
        sandbox.config_file(),
        "temperature = 0.2\ntop_k = 5\nmin_p = 0.2\n[server]\nport = 9001\n",
    )
    .unwrap();
    let output = sandbox
        .cmd()
        .args(["config", "show", "--origin", "--model", "/m/x.gguf"])
        .env("FLASHCHAT_TOP_K", "7")
        .env("FLASHCHAT_TEMPERATURE", "0.3")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let shown = stdout_of(&output);
    let line = |key: &str| {
        shown
            .lines()
            .find(|l| l.starts_with(&format!("{key} =")))
            .unwrap()
            .to_string()
    };
    assert!(line("model").ends_with("# cli --model"), "{shown}");
    assert!(
        line("temperature").contains("0.3")
            && line("temperature").ends_with("# env FLASHCHAT_TEMPERATURE")
    );
    assert!(line("top_k").contains("7"));
    assert!(line("min_p").contains("0.2") && line("min_p").contains("# file "));
    assert!(line("server.port").contains("9001"));
    assert!(line("top_p").ends_with("# default"));
}

#[test]
fn json_output_carries_values_and_origins() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .cmd()
        .args(["config", "show", "--json"])
        .env("FLASHCHAT_SERVER_PORT", "8123")
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["values"]["server.port"]["value"], 8123);
    assert_eq!(
        json["values"]["server.port"]["origin"],
        "env FLASHCHAT_SERVER_PORT"
    );
    assert_eq!(json["values"]["temperature"]["origin"], "default");
}

#[test]
fn explicit_config_file_is_used_instead_of_the_user_file() {
    let sandbox = Sandbox::new();
    let other = sandbox.path().join("other.toml");
    std::fs::write(&other, "max_tokens = 77\n").unwrap();
    let output = sandbox
        .cmd()
        .args(["--config", other.to_str().unwrap(), "config", "show"])
        .output()
        .unwrap();
    assert!(stdout_of(&output).contains("max_tokens = 77\n"));
    assert_eq!(stdout_of(&output).matches("max_tokens").count(), 1);
}

#[test]
fn syntax_error_names_file_line_and_column_and_leaves_the_file_alone() {
    let sandbox = Sandbox::new();
    let broken = "temperature = 0.5\ntop_p = = 3\n";
    std::fs::write(sandbox.config_file(), broken).unwrap();
    for args in [vec!["config", "show"], vec!["status"], vec!["prompt", "hi"]] {
        let output = sandbox.cmd().args(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        let err = stderr_of(&output);
        let expected = format!(
            "error: config file {}:2:9:",
            sandbox.config_file().display()
        );
        assert!(err.starts_with(&expected), "{err}");
        assert!(err.contains("hint:"));
    }
    assert_eq!(
        std::fs::read_to_string(sandbox.config_file()).unwrap(),
        broken
    );
}

#[test]
fn unreadable_config_is_a_clear_error() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.config_file(), [0xff, 0xfe, b'x']).unwrap();
    let output = sandbox.cmd().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).contains("is not valid UTF-8"));

    let missing = sandbox.path().join("nope.toml");
    let output = sandbox
        .cmd()
        .args(["--config", missing.to_str().unwrap(), "status"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).starts_with("error: cannot read config file"));
}

#[test]
fn wrong_types_and_bad_environment_values_name_their_source() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.config_file(), "[server]\nport = 99999\n").unwrap();
    let output = sandbox.cmd().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).contains("server.port must be a whole number from 1 to 65535"));

    std::fs::write(sandbox.config_file(), "").unwrap();
    let output = sandbox
        .cmd()
        .arg("status")
        .env("FLASHCHAT_TEMPERATURE", "warm")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).starts_with("error: environment variable FLASHCHAT_TEMPERATURE"));
}

#[test]
fn unknown_keys_and_variables_are_warnings() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.config_file(), "temprature = 0.1\n").unwrap();
    let output = sandbox
        .cmd()
        .args(["config", "show"])
        .env("FLASHCHAT_TOPK", "3")
        .output()
        .unwrap();
    assert!(output.status.success());
    let err = stderr_of(&output);
    assert!(err.contains("warning: unknown key `temprature`"), "{err}");
    assert!(
        err.contains("warning: FLASHCHAT_TOPK is not a flashchat setting"),
        "{err}"
    );
}

#[test]
fn without_a_model_and_a_terminal_commands_fail_fast_with_the_fix() {
    let sandbox = Sandbox::fresh();
    for args in [vec!["prompt", "hi"], vec!["chat"], vec!["serve"]] {
        let started = std::time::Instant::now();
        let output = sandbox.cmd().args(&args).output().unwrap();
        let err = stderr_of(&output);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("error: no model is configured"), "{err}");
        assert!(err.contains("flashchat models pull"), "{err}");
        assert!(err.contains("flashchat config --reset"), "{err}");
        // A liveness bound, not a benchmark: it must not wait for input.
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }
    // A configured model that is not there names itself and the download.
    std::fs::write(sandbox.config_file(), "model = \"org/some-GGUF:Q8_0\"\n").unwrap();
    let output = sandbox.cmd().args(["prompt", "hi"]).output().unwrap();
    let err = stderr_of(&output);
    assert!(err.contains("model org/some-GGUF:Q8_0 is not in the Hugging Face cache"));
    assert!(
        err.contains("flashchat models pull org/some-GGUF:Q8_0"),
        "{err}"
    );
}

#[test]
fn reset_needs_a_terminal_and_full_reset_keeps_models() {
    let sandbox = Sandbox::new();
    let output = sandbox.cmd().args(["config", "--reset"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).contains("the setup wizard needs a terminal"));

    let model = sandbox.path().join("models/keep.gguf");
    crate::common::write_header_only_gguf(&model, "llama", 2048);
    for dir in ["sessions", "personas", "logs"] {
        std::fs::create_dir_all(sandbox.path().join(dir)).unwrap();
        std::fs::write(sandbox.path().join(dir).join("x"), "x").unwrap();
    }
    std::fs::write(sandbox.path().join("history.txt"), "hello\n").unwrap();
    let output = sandbox
        .cmd()
        .args(["config", "--full-reset"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).contains("add --yes"));
    assert!(sandbox.config_file().exists());

    let output = sandbox
        .cmd()
        .args(["config", "--full-reset", "--yes"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    for gone in ["config.toml", "sessions", "personas", "logs", "history.txt"] {
        assert!(!sandbox.path().join(gone).exists(), "{gone} remains");
    }
    assert!(model.exists(), "model files are never deleted");
}
