//! `flashchat tui` on a real terminal (tmux): a question streamed into the
//! chat pane, a session found by a word and reopened, a model switched,
//! the metrics and the server's log, a narrow terminal, a model pulled from
//! a stand-in hub; and the terminal given back on every way out, the
//! terminal closing under it included.

use crate::common::{free_port, heavy, instruct_model, test_model, Sandbox, StopServer};
use crate::hub::{FakeHub, HubFile, COMMIT};
use crate::terminal::{link_model, Tmux};

#[test]
fn the_workspace_on_a_pipe_is_a_clear_error() {
    let sandbox = Sandbox::new();
    let output = sandbox.cmd().arg("tui").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = crate::common::stderr_of(&output);
    assert!(
        stderr.contains("error: flashchat tui needs a terminal"),
        "{stderr}"
    );
    assert!(stderr.contains("hint:"), "{stderr}");
}

/// The context bar's text, `N / SIZE tokens`.
fn context_text(screen: &str) -> Option<String> {
    screen.lines().find_map(|l| {
        let at = l.find(" / 4096 tokens")?;
        let start = l[..at].rfind(|c: char| !c.is_ascii_digit())? + 1;
        Some(l[start..at + " / 4096 tokens".len()].to_string())
    })
}

#[test]
fn the_workspace_asks_finds_reopens_switches_models_and_quits() {
    let (Some(gemma), Some(smol)) = (test_model(), instruct_model()) else {
        return;
    };
    let _heavy = heavy();
    let sandbox = Sandbox::new();
    link_model(
        &gemma,
        &sandbox.path().join("models/gemma-3-270m-q4_k_m.gguf"),
    );
    let smol_file = sandbox
        .path()
        .join("models/SmolLM2-135M-Instruct.Q4_1.gguf");
    link_model(&smol, &smol_file);
    let env = [
        ("FLASHCHAT_SERVER_PORT".to_string(), free_port().to_string()),
        (
            "FLASHCHAT_MODEL".to_string(),
            smol_file.display().to_string(),
        ),
        ("FLASHCHAT_MAX_TOKENS".to_string(), "16".to_string()),
        ("FLASHCHAT_TEMPERATURE".to_string(), "0".to_string()),
        ("FLASHCHAT_CONTEXT_SIZE".to_string(), "4096".to_string()),
    ];
    let _stop = StopServer(&sandbox);
    let Some(tmux) = Tmux::start(&sandbox, &["tui"], &env) else {
        return;
    };
    tmux.wait_for("Ask anything", 120);
    tmux.line("What is the capital of France?");
    // The answer streams into the chat pane, with its figures beside it;
    // the context bar fills when the turn ends, a moment after the figures.
    let screen = tmux.wait_visible("the answer's figures and the context bar", 120, |s| {
        s.contains("tok/s (last)") && context_text(s).is_some()
    });
    assert!(screen.contains("Paris"), "{screen}");
    assert!(screen.contains(" model "), "{screen}");
    let first_context = context_text(&screen);
    // The server's request line shows in the log pane.
    tmux.wait_for("/v1/chat/completions 200", 30);

    // A new session, then the first found by a word of its answer and reopened.
    tmux.keys(&["C-n"]);
    tmux.keys(&["M-2"]);
    tmux.text("/paris");
    tmux.wait_for("assistant: The capital of France", 20);
    tmux.keys(&["Enter"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Opened “What is the capital of France?”", 20);

    // Gemma from the models pane, then a second question in the same session.
    tmux.keys(&["M-3"]);
    tmux.text("/gemma");
    tmux.keys(&["Enter"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("now serves gemma-3-270m-q4_k_m", 120);
    tmux.keys(&["M-1"]);
    tmux.line("And the capital of Italy?");
    tmux.wait_for("2 requests served", 120);
    // The server counts a request before this client has read its stream's
    // end; the answer's figures land in the sparkline and context bar then.
    // Two answers: the tok/s sparkline has two bars in a row.
    let bars = |l: &str| l.matches(['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█']).count();
    tmux.wait_visible("two sparkline bars and a new context bar", 60, |s| {
        s.lines().any(|l| bars(l) >= 2) && context_text(s) != first_context
    });
    // The log pane follows: the switch, then the second request.
    let log = tmux.wait_for("switched model", 30);
    let switched = log.find("switched model").unwrap();
    assert!(
        log[switched..].contains("/v1/chat/completions 200"),
        "{log}"
    );

    // A narrow terminal shows one pane with tabs; back to wide, all panes.
    tmux.resize(60, 20);
    let narrow = tmux.wait_visible("the narrow layout", 10, |s| {
        s.contains("1 Chat │ 2 Sessions │ 3 Models")
    });
    assert!(narrow.contains("And the capital of Italy?"), "{narrow}");
    assert!(narrow.lines().all(|l| l.chars().count() <= 60), "{narrow}");
    tmux.resize(160, 50);
    tmux.wait_visible("every pane", 10, |s| {
        s.lines()
            .any(|l| l.contains("┌ Sessions") && l.contains("┌ Chat") && l.contains("┌ Metrics"))
    });

    tmux.keys(&["C-q"]);
    let screen = tmux.wait_for("[exited]", 30);
    assert!(screen.contains("exit 0, icanon"), "{screen}");
    let shown = sandbox
        .cmd()
        .args(["sessions", "show", "last"])
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&shown.stdout);
    assert!(shown.contains("What is the capital of France?"), "{shown}");
    assert!(shown.contains("Paris"), "{shown}");
    assert!(shown.contains("And the capital of Italy?"), "{shown}");
    assert_eq!(shown.matches("**Assistant:**").count(), 2, "{shown}");
}

#[test]
fn a_model_pulled_from_the_models_pane_is_listed_and_kept() {
    let Some(model) = test_model() else { return };
    let _heavy = heavy();
    let size = std::fs::metadata(&model).unwrap().len();
    let hub = FakeHub::start();
    hub.add_repo(
        "test/pulled-GGUF",
        vec![HubFile {
            name: "pulled-Q4_K_M.gguf".into(),
            source: model.clone(),
            sha256: flashchat::models::download::sha256_of(&model).unwrap(),
            size,
            corrupt_at: None,
        }],
    );
    let sandbox = Sandbox::new();
    let env = [
        ("FLASHCHAT_MODEL".to_string(), model.display().to_string()),
        ("FLASHCHAT_USE_SERVER".to_string(), "never".to_string()),
        ("HF_ENDPOINT".to_string(), hub.endpoint.clone()),
    ];
    let Some(tmux) = Tmux::start(&sandbox, &["tui"], &env) else {
        return;
    };
    tmux.wait_for("Ask anything", 60);
    tmux.keys(&["M-3"]);
    tmux.keys(&["p"]);
    tmux.wait_for("Pull a model", 10);
    tmux.text("test/pulled-GGUF");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Pulled pulled-Q4_K_M", 120);
    // The list is read again: the new model is a row (its short name).
    tmux.wait_for("pulled-q4_k_m", 10);
    tmux.keys(&["C-q"]);
    let screen = tmux.wait_for("[exited]", 20);
    assert!(screen.contains("exit 0, icanon"), "{screen}");
    let pulled = sandbox
        .path()
        .join("hf/hub/models--test--pulled-GGUF/snapshots")
        .join(COMMIT)
        .join("pulled-Q4_K_M.gguf");
    assert_eq!(std::fs::metadata(&pulled).map(|m| m.len()).ok(), Some(size));
}

#[test]
fn the_terminal_is_given_back_on_every_way_out() {
    let Some(model) = test_model() else { return };
    let _heavy = heavy();
    let sandbox = Sandbox::new();
    let env = |extra: &[(&str, &str)]| {
        let mut env = vec![
            ("FLASHCHAT_MODEL".to_string(), model.display().to_string()),
            ("FLASHCHAT_USE_SERVER".to_string(), "never".to_string()),
        ];
        env.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        env
    };
    // Ctrl-C twice.
    let Some(tmux) = Tmux::start(&sandbox, &["tui"], &env(&[])) else {
        return;
    };
    tmux.wait_for("Ask anything", 60);
    tmux.keys(&["C-c"]);
    tmux.wait_for("Ctrl-C again to quit", 10);
    tmux.keys(&["C-c"]);
    let screen = tmux.wait_for("[exited]", 20);
    assert!(screen.contains("exit 0, icanon"), "{screen}");
    drop(tmux);

    // SIGTERM.
    let tmux = Tmux::start(&sandbox, &["tui"], &env(&[])).unwrap();
    tmux.wait_for("Ask anything", 60);
    let pid = tmux.command_pid().expect("flashchat's pid");
    // SAFETY: a signal to the process this test started.
    assert_eq!(unsafe { libc::kill(pid as i32, libc::SIGTERM) }, 0);
    let screen = tmux.wait_for("[exited]", 20);
    assert!(screen.contains("exit 143, icanon"), "{screen}");
    drop(tmux);

    // The terminal closed under it (its window closed, its tmux session
    // killed) while it answers: it ends, rather than reading nothing
    // forever, and the turn is saved.
    let long = env(&[("FLASHCHAT_MAX_TOKENS", "4000")]);
    let tmux = Tmux::start(&sandbox, &["tui"], &long).unwrap();
    tmux.wait_for("Ask anything", 60);
    tmux.line("Once upon a time");
    tmux.wait_for("answering", 30);
    tmux.hang_up_and_wait();
    drop(tmux);
    let session = sandbox.last_session();
    assert_eq!(
        session["messages"][0]["content"], "Once upon a time",
        "{session}"
    );

    // A panic inside the workspace: the terminal first, then the report.
    let panicking = env(&[("FLASHCHAT_TEST_TUI_PANIC", "1")]);
    let tmux = Tmux::start(&sandbox, &["tui"], &panicking).unwrap();
    let screen = tmux.wait_for("[exited]", 60);
    assert!(screen.contains("exit 1, icanon"), "{screen}");
    assert!(
        screen.contains("error: flashchat tui failed: FLASHCHAT_TEST_TUI_PANIC is set"),
        "{screen}"
    );
    assert!(!screen.contains("panicked at"), "{screen}");
}
