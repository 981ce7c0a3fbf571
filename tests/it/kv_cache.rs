//! Conversations' KV states kept beyond the slots: a follow-up after a
//! server restart or in a new process loads its state instead of decoding
//! the history again; a damaged state, one of another model, or one cut
//! short by a kill is never loaded; the folder keeps within its bound.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::common::{heavy, stderr_of, stdout_of, Sandbox};
use crate::serve::Server;

/// A greedy, streamed chat turn: the answer and the final timings.
fn turn(server: &Server, messages: &[Value]) -> (String, Value) {
    let data = server.stream(json!({
        "messages": messages, "max_tokens": 12, "temperature": 0, "stream": true,
        "stream_options": {"include_usage": true},
    }));
    assert_eq!(data.last().map(String::as_str), Some("[DONE]"));
    let chunks: Vec<Value> = data[..data.len() - 1]
        .iter()
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    let text = chunks
        .iter()
        .filter_map(|c| c["choices"].get(0)?["delta"]["content"].as_str())
        .collect();
    (text, chunks.last().unwrap()["timings"].clone())
}

fn user(text: &str) -> Value {
    json!({"role": "user", "content": text})
}

fn assistant(text: &str) -> Value {
    json!({"role": "assistant", "content": text})
}

fn cached(timings: &Value) -> u64 {
    timings["cached_tokens"].as_u64().unwrap()
}

/// A history of about 600 tokens, different for each `topic`.
fn history(topic: &str) -> String {
    format!("Notes on the {topic}: the keeper wrote down the tides and the boats. ").repeat(40)
}

fn kv_dir(sandbox: &Sandbox) -> PathBuf {
    sandbox.path().join("cache").join("kv")
}

/// Bytes in the folder, temporary files included.
fn folder_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir).map_or(0, |items| {
        items
            .flatten()
            .filter_map(|i| i.metadata().ok())
            .map(|m| m.len())
            .sum()
    })
}

fn cache_json(sandbox: &Sandbox) -> Value {
    let output = sandbox.cmd().args(["cache", "--json"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    serde_json::from_str(&stdout_of(&output)).unwrap()
}

fn entries(sandbox: &Sandbox) -> Vec<Value> {
    cache_json(sandbox)["entries"].as_array().unwrap().clone()
}

fn server_log(sandbox: &Sandbox) -> String {
    std::fs::read_to_string(sandbox.path().join("logs").join("server.log")).unwrap_or_default()
}

/// Waits until `ready` holds (10 s at most).
fn wait_until(what: &str, ready: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !ready() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_conversation_continues_from_its_saved_state_and_a_damaged_one_is_recomputed() {
    let _guard = heavy();
    let Some(mut server) = Server::start(&["--parallel", "1"]) else {
        return;
    };
    let mut messages = vec![user(&history("harbour"))];
    let (first, first_timings) = turn(&server, &messages);
    assert_eq!(cached(&first_timings), 0, "a cold start");
    let health = server.health();
    assert!(
        health["kv_cache_bytes"].as_u64() > Some(1 << 20)
            && health["models"][0]["kv_cache_bytes"] == health["kv_cache_bytes"],
        "the KV cache's size is reported: {health}"
    );
    wait_until("the turn's state on disk", || {
        entries(&server.sandbox)
            .iter()
            .any(|e| e["tokens"].as_u64() > Some(500))
    });
    assert!(entries(&server.sandbox).iter().all(|e| e["model"]
        .as_str()
        .unwrap()
        .ends_with("gemma-3-270m-q4_k_m.gguf")));

    // After a restart, the follow-up loads the first turn's state.
    let model = server.sandbox.with_model().unwrap();
    server.restart(model, &["--parallel", "1"], &[]);
    messages.extend([assistant(&first), user("And what about the lighthouse?")]);
    let (second, timings) = turn(&server, &messages);
    assert!(
        cached(&timings) >= 500,
        "the follow-up loaded the saved state: {timings}"
    );
    assert!(server_log(&server.sandbox).contains("KV state loaded"));

    // Every state truncated: the next turn ignores them, says so, and
    // answers exactly as with no state at all.
    messages.extend([assistant(&second), user("Who kept the boats?")]);
    let dir = kv_dir(&server.sandbox);
    for item in std::fs::read_dir(&dir).unwrap().flatten() {
        let bytes = std::fs::read(item.path()).unwrap();
        std::fs::write(item.path(), &bytes[..bytes.len() * 2 / 3]).unwrap();
    }
    let model = server.sandbox.with_model().unwrap();
    server.restart(model, &["--parallel", "1"], &[]);
    let (damaged, timings) = turn(&server, &messages);
    assert_eq!(cached(&timings), 0, "nothing damaged was loaded: {timings}");
    assert!(
        server_log(&server.sandbox).contains("the file is truncated"),
        "the truncated state was reported"
    );
    let out = server
        .flashchat()
        .args(["cache", "clear"])
        .output()
        .unwrap();
    assert!(stderr_of(&out).contains("Removed"), "{}", stderr_of(&out));
    let model = server.sandbox.with_model().unwrap();
    server.restart(model, &["--parallel", "1"], &[]);
    let (cold, timings) = turn(&server, &messages);
    assert_eq!(cached(&timings), 0);
    assert_eq!(damaged, cold, "the same greedy tokens as without any cache");

    // Another model never loads Gemma's states, even renamed to its own.
    let Some(smollm) = server.sandbox.with_instruct_model() else {
        return;
    };
    wait_until("the cold turn's state on disk", || {
        !entries(&server.sandbox).is_empty()
    });
    let gemma_file = entries(&server.sandbox)[0]["file"]
        .as_str()
        .unwrap()
        .to_string();
    server.restart(smollm, &["--parallel", "1"], &[]);
    let (_, timings) = turn(&server, &messages);
    assert_eq!(cached(&timings), 0, "another model's state: {timings}");
    let smollm_entry = || {
        entries(&server.sandbox)
            .into_iter()
            .find(|e| e["model"].as_str().unwrap().contains("SmolLM2"))
    };
    wait_until("SmolLM2's own state on disk", || smollm_entry().is_some());
    let smollm_file = smollm_entry().unwrap()["file"]
        .as_str()
        .unwrap()
        .to_string();
    let impostor = dir.join(format!("{}-0123456789abcdef.kv", &smollm_file[..16]));
    std::fs::copy(dir.join(&gemma_file), &impostor).unwrap();
    messages.push(user("One more question about the tides?"));
    let (_, timings) = turn(&server, &messages);
    assert!(!impostor.exists(), "the impostor was removed");
    assert!(
        server_log(&server.sandbox).contains("made under another model file or cache layout"),
        "and reported"
    );
    assert!(
        cached(&timings) > 0,
        "SmolLM2 reuses its own cache: {timings}"
    );
}

#[test]
fn the_folder_keeps_its_bound_and_a_state_cut_short_by_a_kill_never_loads() {
    let _guard = heavy();
    let bound: u64 = 20 << 20;
    let env = [("FLASHCHAT_CACHE_MAX_SIZE_MB", "20")];
    let Some(mut server) = Server::start_with_env(&["--parallel", "1"], &env) else {
        return;
    };
    let dir = kv_dir(&server.sandbox);
    for topic in ["orchard", "glacier", "market", "library", "railway"] {
        turn(&server, &[user(&history(topic))]);
        let bytes = folder_bytes(&dir);
        assert!(bytes <= bound, "{bytes} bytes after the {topic}");
    }
    let listed = cache_json(&server.sandbox);
    assert!(listed["bytes"].as_u64().unwrap() <= bound, "{listed}");
    assert!(!listed["entries"].as_array().unwrap().is_empty());

    // The writer pauses halfway through a state; the server is killed then.
    let model = server.sandbox.with_model().unwrap();
    let paused = [
        ("FLASHCHAT_CACHE_MAX_SIZE_MB", "20"),
        ("FLASHCHAT_TEST_STATE_WRITE_PAUSE_MS", "30000"),
    ];
    server.restart(model, &["--parallel", "1"], &paused);
    let messages = vec![user(&history("vineyard"))];
    let (reply, _) = turn(&server, &messages);
    let temporary = || {
        std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .any(|i| i.file_name().to_string_lossy().starts_with(".tmp"))
    };
    wait_until("a state being written", temporary);
    let record: Value = serde_json::from_str(
        &std::fs::read_to_string(server.sandbox.path().join("server.pid")).unwrap(),
    )
    .unwrap();
    let pid = record["pid"].as_i64().unwrap() as i32;
    // SAFETY: a plain kill(2) of the server this test started.
    unsafe { libc::kill(pid, libc::SIGKILL) };
    wait_until("the server to die", || {
        // SAFETY: signal 0 only asks whether the process exists.
        let alive = unsafe { libc::kill(pid, 0) } == 0;
        !alive
    });
    let _ = std::fs::remove_file(server.sandbox.path().join("server.pid"));

    let model = server.sandbox.with_model().unwrap();
    server.restart(model, &["--parallel", "1"], &env);
    let listed = cache_json(&server.sandbox);
    let before = server_log(&server.sandbox)
        .matches("KV state loaded")
        .count();
    let follow = [
        messages[0].clone(),
        assistant(&reply),
        user("What grew there?"),
    ];
    let (_, timings) = turn(&server, &follow);
    assert_eq!(
        cached(&timings),
        0,
        "the half-written state never loads: {timings} {listed}"
    );
    assert_eq!(
        server_log(&server.sandbox)
            .matches("KV state loaded")
            .count(),
        before
    );
}

#[test]
fn a_new_process_answers_a_long_prompt_from_the_state_the_last_one_saved() {
    let sandbox = Sandbox::new();
    let Some(_) = sandbox.with_instruct_model() else {
        return;
    };
    let document = "Item one is a lamp. Item two is a rope. Item three is a net. ".repeat(20);
    let run = || {
        let output = sandbox
            .with_instruct_model()
            .unwrap()
            .args([
                "prompt",
                "--json",
                "--temperature",
                "0",
                "-n",
                "6",
                "List the items.",
            ])
            .env("FLASHCHAT_USE_SERVER", "never")
            .write_stdin(document.clone())
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        serde_json::from_str::<Value>(&stdout_of(&output)).unwrap()
    };
    let cold = run();
    assert_eq!(cached(&cold["timings"]), 0);
    let warm = run();
    let prompt = warm["usage"]["prompt_tokens"].as_u64().unwrap();
    assert_eq!(
        cached(&warm["timings"]),
        prompt - 1,
        "all but the last prompt token came from the saved state: {warm}"
    );

    // Turned off, nothing is saved or loaded.
    let off = sandbox
        .with_instruct_model()
        .unwrap()
        .args(["prompt", "--json", "-n", "2", "Count the nets."])
        .env("FLASHCHAT_USE_SERVER", "never")
        .env("FLASHCHAT_CACHE_MAX_SIZE_MB", "0")
        .env("FLASHCHAT_CACHE_MAX_RAM_MB", "0")
        .write_stdin(document.clone())
        .output()
        .unwrap();
    let off: Value = serde_json::from_str(&stdout_of(&off)).unwrap();
    assert_eq!(cached(&off["timings"]), 0, "{off}");
}

#[test]
fn a_conversation_whose_slot_was_given_to_another_comes_back_from_memory() {
    let _guard = heavy();
    let Some(mut server) = Server::start_instruct(&["--parallel", "1"]) else {
        return;
    };
    // Disk off: only the memory tier can bring the first conversation back.
    let model = server.sandbox.with_instruct_model().unwrap();
    server.restart(
        model,
        &["--parallel", "1"],
        &[("FLASHCHAT_CACHE_MAX_SIZE_MB", "0")],
    );
    let first = vec![user(&history("orchard"))];
    let (reply, _) = turn(&server, &first);
    // Another conversation takes the only slot.
    turn(&server, &[user(&history("glacier"))]);
    let follow = [first[0].clone(), assistant(&reply), user("Which trees?")];
    let (_, timings) = turn(&server, &follow);
    assert!(
        cached(&timings) >= 400,
        "the first conversation came back from memory: {timings}"
    );
    assert!(server_log(&server.sandbox).contains("from=\"memory\""));
    assert!(entries(&server.sandbox).is_empty(), "nothing was written");
}
