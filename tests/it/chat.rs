//! `flashchat chat` without a terminal: lines in, answers out, every turn
//! saved; resume restores the turns into the model's context.

use std::io::{Read, Write};
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::{stderr_of, stdout_of, Sandbox};

/// `flashchat chat ARGS` with the model in-process, fed `input`.
fn chat(sandbox: &Sandbox, args: &[&str], input: &str) -> Option<std::process::Output> {
    let mut cmd = sandbox.with_model()?;
    let output = cmd
        .arg("chat")
        .args(args)
        .env("FLASHCHAT_USE_SERVER", "never")
        .env("FLASHCHAT_MAX_TOKENS", "12")
        .env("FLASHCHAT_TEMPERATURE", "0")
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    Some(output)
}

#[test]
fn a_piped_chat_answers_saves_retries_and_exports() {
    let sandbox = Sandbox::new();
    let export = sandbox.path().join("chat.md");
    let input = format!(
        "Once upon a time\nThe end\n/retry\n/export md {}\n/title Bedtime\n/exit\nnever read\n",
        export.display()
    );
    let Some(output) = chat(&sandbox, &[], &input) else {
        return;
    };
    let err = stderr_of(&output);
    assert_eq!(
        err.matches("[12 tokens,").count(),
        3,
        "two answers and a retry: {err}"
    );
    assert!(
        !stdout_of(&output).contains('\x1b'),
        "no escape codes when piped"
    );
    let session = sandbox.last_session();
    let messages = session["messages"].as_array().unwrap();
    let roles: Vec<&str> = messages
        .iter()
        .map(|m| m["role"].as_str().unwrap())
        .collect();
    assert_eq!(
        roles,
        ["user", "assistant", "user", "assistant"],
        "the retried answer replaced the old one"
    );
    assert_eq!(messages[2]["content"], "The end");
    assert_eq!(session["title"], "Bedtime");
    let md = std::fs::read_to_string(&export).unwrap();
    assert!(md.contains("**You:**\n\nOnce upon a time"), "{md}");
    let rows = sandbox.sessions_json();
    assert_eq!(rows[0]["turns"], 2);
}

#[test]
fn resume_puts_the_earlier_turns_back_in_context() {
    let sandbox = Sandbox::new();
    let Some(_) = chat(&sandbox, &[], "Once upon a time\n") else {
        return;
    };
    let first = sandbox.last_session();
    let first_prompt = first["messages"][0]["prompt_tokens"].as_u64().unwrap();
    let reply_tokens = first["messages"][1]["completion_tokens"].as_u64().unwrap();
    chat(&sandbox, &["--resume", "last"], "And then?\n").unwrap();
    let resumed = sandbox.last_session();
    assert_eq!(resumed["id"], first["id"], "the same session continues");
    let messages = resumed["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 4);
    // The model saw the first question and answer before the new one.
    let second_prompt = messages[2]["prompt_tokens"].as_u64().unwrap();
    assert!(
        second_prompt > first_prompt + reply_tokens,
        "second prompt {second_prompt} tokens, first {first_prompt} + reply {reply_tokens}"
    );
}

#[test]
fn slash_command_errors_do_not_end_the_chat() {
    let sandbox = Sandbox::new();
    let Some(output) = chat(&sandbox, &[], "/set temperature 99\n/nope\n/help\n") else {
        return;
    };
    let err = stderr_of(&output);
    assert!(err.contains("99 is out of range for temperature"), "{err}");
    assert!(err.contains("unknown command /nope"), "{err}");
    assert!(stdout_of(&output).contains("/retry"));
}

/// Feeds a chat a short first turn (ended by /set max_tokens 4) and a long
/// second one, and returns once the second answer is streaming.
fn start_a_long_second_answer(child: &mut std::process::Child) -> std::process::ChildStdin {
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(
            b"/set max_tokens 4\nOnce upon a time\n/set max_tokens 3000\nTell me a long story\n",
        )
        .unwrap();
    stdin.flush().unwrap();
    let stdout = child.stdout.as_mut().unwrap();
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    // Well past the first answer: the second is streaming.
    while seen.len() < 200 && Instant::now() < deadline {
        let mut buf = [0u8; 64];
        let n = stdout.read(&mut buf).unwrap();
        seen.extend_from_slice(&buf[..n]);
    }
    stdin
}

#[test]
fn killing_the_chat_mid_answer_keeps_every_earlier_turn() {
    let sandbox = Sandbox::new();
    let env = [
        ("FLASHCHAT_USE_SERVER", "never"),
        ("FLASHCHAT_TEMPERATURE", "0"),
        ("FLASHCHAT_MAX_TOKENS", "3000"),
    ];
    let Some(mut child) = sandbox.spawn_with_model(&["chat"], &env, Stdio::piped()) else {
        return;
    };
    let _stdin = start_a_long_second_answer(&mut child);
    child.kill().unwrap();
    child.wait().unwrap();
    let session = sandbox.last_session();
    let messages = session["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 2, "the finished turn is there: {session}");
    assert_eq!(messages[0]["content"], "Once upon a time");
}

#[test]
fn personas_set_the_system_prompt_in_prompt_and_chat() {
    let sandbox = Sandbox::new();
    let Some(mut cmd) = sandbox.with_model() else {
        return;
    };
    let base = ["prompt", "Hello", "-n", "1", "--json", "--local"];
    let plain: Value = serde_json::from_slice(&cmd.args(base).output().unwrap().stdout).unwrap();
    let output = sandbox
        .with_model()
        .unwrap()
        .args(base)
        .args(["--persona", "coder"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let coder: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        coder["usage"]["prompt_tokens"].as_u64() > plain["usage"]["prompt_tokens"].as_u64(),
        "the persona's system prompt reaches the model"
    );
    let missing = sandbox
        .with_model()
        .unwrap()
        .args(base)
        .args(["--persona", "ghost"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr_of(&missing).contains("no persona called `ghost`"));

    std::fs::create_dir_all(sandbox.path().join("personas")).unwrap();
    std::fs::write(
        sandbox.path().join("personas/pirate.md"),
        "+++\ndescription = \"Arr\"\n+++\nSpeak like a pirate.",
    )
    .unwrap();
    let Some(output) = chat(&sandbox, &[], "/persona\n/persona pirate\nAhoy\n") else {
        return;
    };
    let out = stdout_of(&output);
    assert!(
        out.contains("coder") && out.contains("pirate") && out.contains("Arr"),
        "{out}"
    );
    assert!(stderr_of(&output).contains("Answering as pirate."));
    assert_eq!(
        sandbox.last_session()["system_prompt"],
        "Speak like a pirate."
    );
}

#[test]
fn a_persona_is_a_settings_layer_under_flags_and_set() {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.path().join("personas")).unwrap();
    std::fs::write(
        sandbox.path().join("personas/terse.md"),
        "+++\nmax_tokens = 3\ntemperature = 0.0\n+++\nAnswer in few words.",
    )
    .unwrap();
    let tokens = |extra: &[&str]| {
        let output = sandbox
            .with_model()?
            .args(["prompt", "Once upon a time", "--json", "--local"])
            .args(["--persona", "terse"])
            .args(extra)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        let json: Value = serde_json::from_slice(&output.stdout).unwrap();
        json["usage"]["completion_tokens"].as_u64()
    };
    let Some(from_persona) = tokens(&[]) else {
        return;
    };
    assert_eq!(from_persona, 3, "the persona's max_tokens");
    assert_eq!(tokens(&["-n", "5"]), Some(5), "a flag beats the persona");

    // In a chat, /set stays when the persona changes, and the persona's
    // value applies where /set said nothing.
    let input = "/set max_tokens 2\n/persona terse\nOnce upon a time\n/stats\n";
    let Some(output) = chat(&sandbox, &[], input) else {
        return;
    };
    let stderr = stderr_of(&output);
    assert!(stderr.contains("[2 tokens,"), "{stderr}");
    let input = "/persona terse\nOnce upon a time\n/stats\n";
    let stderr = stderr_of(&chat(&sandbox, &[], input).unwrap());
    assert!(stderr.contains("[3 tokens,"), "{stderr}");

    // A persona's values are checked like the config file's.
    std::fs::write(
        sandbox.path().join("personas/hot.md"),
        "+++\ntemperature = 7.0\n+++\nBe wild.",
    )
    .unwrap();
    let output = sandbox
        .with_model()
        .unwrap()
        .args(["prompt", "Hi", "--local", "--persona", "hot"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("error: persona `hot`: temperature"),
        "{stderr}"
    );
}

#[test]
fn edit_replaces_the_last_question_and_asks_again() {
    let sandbox = Sandbox::new();
    let input = "Once upon a time\nThe end\n/edit The beginning\n/copy\n";
    let Some(output) = chat(&sandbox, &[], input) else {
        return;
    };
    assert!(
        !stdout_of(&output).contains('\x1b'),
        "no clipboard escape into a pipe"
    );
    assert!(stderr_of(&output).contains("Copying needs a terminal"));
    let session = sandbox.last_session();
    let contents: Vec<&str> = session["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["content"].as_str().unwrap())
        .collect();
    assert_eq!(contents.len(), 4, "{contents:?}");
    assert_eq!(contents[0], "Once upon a time");
    assert_eq!(contents[2], "The beginning");
}

#[test]
fn model_switches_mid_chat_and_save_says_where_the_session_is() {
    let sandbox = Sandbox::new();
    let Some(model) = crate::common::test_model() else {
        return;
    };
    let other = sandbox.path().join("models/second-model.gguf");
    std::fs::create_dir_all(other.parent().unwrap()).unwrap();
    std::fs::hard_link(&model, &other)
        .or_else(|_| std::fs::copy(&model, &other).map(|_| ()))
        .unwrap();
    let input =
        "/save\nThe sky is\n/model\n/model second\n/model nothing-like-it\nThe sea is\n/save\n";
    let Some(output) = chat(&sandbox, &[], input) else {
        return;
    };
    let err = stderr_of(&output);
    assert!(err.contains("Nothing to save yet"), "{err}");
    assert!(err.contains("Model: "), "{err}");
    assert!(
        err.contains(&format!("Now answering with {}", other.display())),
        "{err}"
    );
    assert!(
        err.contains("no model is called `nothing-like-it`"),
        "{err}"
    );
    assert!(err.contains("Saved in ") && err.contains(".jsonl"), "{err}");
    // Both turns are in the one session.
    let session = sandbox.last_session();
    let turns = session["messages"].as_array().unwrap();
    assert_eq!(
        turns.iter().filter(|m| m["role"] == "assistant").count(),
        2,
        "{session}"
    );
}

#[test]
fn killing_the_server_mid_answer_keeps_every_earlier_turn() {
    let sandbox = Sandbox::new();
    let Some(mut serve) = sandbox.with_model() else {
        return;
    };
    let port = crate::common::free_port().to_string();
    let started = serve
        .args(["serve", "--port", &port])
        .env("FLASHCHAT_CONTEXT_SIZE", "4096")
        .output()
        .unwrap();
    assert!(started.status.success(), "{}", stderr_of(&started));
    let _stop = crate::common::StopServer(&sandbox);
    let env = [
        ("FLASHCHAT_SERVER_PORT", port.as_str()),
        ("FLASHCHAT_TEMPERATURE", "0"),
        ("FLASHCHAT_MAX_TOKENS", "3000"),
    ];
    let mut child = sandbox
        .spawn_with_model(&["chat"], &env, Stdio::piped())
        .unwrap();
    let stdin = start_a_long_second_answer(&mut child);
    // The server dies mid-answer: the chat reports it and ends its input.
    let record = std::fs::read_to_string(sandbox.path().join("server.pid")).unwrap();
    let pid = serde_json::from_str::<Value>(&record).unwrap()["pid"]
        .as_i64()
        .unwrap();
    std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    drop(stdin);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(err.contains("error:") || !status.success(), "{err}");
    let session = sandbox.last_session();
    let messages = session["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 2, "the finished turn is there: {session}");
    assert_eq!(messages[0]["content"], "Once upon a time");
    // The stale PID file is noticed and cleaned up.
    let output = sandbox.cmd().args(["serve", "--stop"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
}

/// A chat of eight long turns in a window of 160 tokens (llama.cpp rounds
/// it up to 256), in-process or through a server: the oldest turns are
/// dropped, each answer still comes.
fn overflowing_chat(sandbox: &Sandbox, use_server: &str) -> Option<String> {
    let line = "Tell me a long story about a lighthouse keeper, a storm, a ship, \
                a dog and the sea, with every detail you can think of.";
    let input = format!("{line}\n").repeat(8);
    let output = sandbox
        .with_model()?
        .arg("chat")
        .env("FLASHCHAT_USE_SERVER", use_server)
        .env("FLASHCHAT_CONTEXT_SIZE", "160")
        .env("FLASHCHAT_MAX_TOKENS", "12")
        .env("FLASHCHAT_TEMPERATURE", "0")
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let session = sandbox.last_session();
    let roles: Vec<&str> = session["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles.len(), 16, "eight questions, eight answers: {roles:?}");
    Some(stderr_of(&output))
}

#[test]
fn a_conversation_longer_than_the_context_drops_its_oldest_turns() {
    let sandbox = Sandbox::new();
    let Some(err) = overflowing_chat(&sandbox, "never") else {
        return;
    };
    assert!(err.contains("dropped the oldest turn"), "{err}");

    // The same through a server: the API's error code says what happened.
    let served = Sandbox::new();
    let _stop = crate::common::StopServer(&served);
    let port = crate::common::free_port().to_string();
    let start = served
        .with_model()
        .unwrap()
        .args(["serve", "--port", &port])
        .env("FLASHCHAT_CONTEXT_SIZE", "160")
        .output()
        .unwrap();
    assert!(start.status.success(), "{}", stderr_of(&start));
    let err = overflowing_chat(&served, "always").unwrap();
    assert!(err.contains("dropped the oldest turn"), "{err}");
}
