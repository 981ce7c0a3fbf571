//! flashchat on a real terminal, driven through tmux (send-keys,
//! capture-pane): the setup wizard, the chat REPL and the menu. Skipped
//! where tmux is missing, except under CI=true, where that is a failure.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::agent;
use crate::common::{
    free_port, heavy, instruct_model, mcp_servers, test_model, Sandbox, StopServer,
};

/// A detached tmux session running one flashchat command; killed on drop.
/// When the command ends, the screen shows `exit CODE, icanon` (`-icanon`
/// if the terminal was left in raw mode) and then `[exited]`.
pub struct Tmux {
    name: String,
}

impl Tmux {
    /// Starts `flashchat ARGS` in the sandbox, with `env`, on a 160x50 terminal.
    pub fn start(sandbox: &Sandbox, args: &[&str], env: &[(String, String)]) -> Option<Self> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var("CI").map_or(true, |v| v != "true"),
                "tmux is missing (scripts/install-build-deps.sh installs it)"
            );
            eprintln!("skipping terminal test: tmux is not installed");
            return None;
        }
        let cmd = sandbox.cmd();
        let mut line = vec!["env".to_string()];
        // `env -u` options first (variables the sandbox removes), then the settings.
        let mut set = Vec::new();
        for (key, value) in cmd.get_envs() {
            let key = key.to_string_lossy().into_owned();
            match value {
                Some(value) => set.push(format!("{key}={}", value.to_string_lossy())),
                None => line.extend(["-u".to_string(), key]),
            }
        }
        line.extend(set);
        for (key, value) in env {
            line.push(format!("{key}={value}"));
        }
        line.push(cmd.get_program().to_string_lossy().into_owned());
        line.extend(args.iter().map(|a| a.to_string()));
        let shell = line
            .iter()
            .map(|w| format!("'{}'", w.replace('\'', r"'\''")))
            .collect::<Vec<_>>()
            .join(" ");
        let name = format!("flashchat-test-{}-{}", std::process::id(), unique());
        let status = Command::new("tmux")
            .args(["new-session", "-d", "-s", &name, "-x", "160", "-y", "50"])
            .arg(format!(
                // `[exited]` last: whoever waits for it sees the exit line too.
                r#"{shell}; s=$?; echo "exit $s, $(stty -a | grep -o -- '-\?icanon')"; echo '[exited]'; sleep 600"#
            ))
            .status()
            .unwrap();
        assert!(status.success());
        Some(Self { name })
    }

    pub fn keys(&self, keys: &[&str]) {
        let status = Command::new("tmux")
            .args(["send-keys", "-t", &self.name])
            .args(keys)
            .status()
            .unwrap();
        assert!(status.success());
        std::thread::sleep(Duration::from_millis(150));
    }

    /// Types a line of text and presses Enter.
    pub fn line(&self, text: &str) {
        let status = Command::new("tmux")
            .args(["send-keys", "-t", &self.name, "-l", text])
            .status()
            .unwrap();
        assert!(status.success());
        self.keys(&["Enter"]);
    }

    pub fn screen(&self) -> String {
        let output = Command::new("tmux")
            .args(["capture-pane", "-p", "-J", "-S", "-5000", "-t", &self.name])
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Waits until the screen shows `text` `times` times; panics with the
    /// screen after `seconds`.
    pub fn wait_for_count(&self, text: &str, times: usize, seconds: u64) -> String {
        self.wait_until(
            &format!("{text:?} x{times}"),
            seconds,
            Self::screen,
            |screen| screen.matches(text).count() >= times,
        )
    }

    /// Waits until the visible screen satisfies `ready` (what it waits for
    /// is `what`); panics with the screen after `seconds`.
    pub fn wait_visible(&self, what: &str, seconds: u64, ready: impl Fn(&str) -> bool) -> String {
        self.wait_until(what, seconds, Self::visible, ready)
    }

    /// [`Tmux::wait_visible`] over the scrollback too.
    pub fn wait_screen(&self, what: &str, seconds: u64, ready: impl Fn(&str) -> bool) -> String {
        self.wait_until(what, seconds, Self::screen, ready)
    }

    fn wait_until(
        &self,
        what: &str,
        seconds: u64,
        capture: fn(&Self) -> String,
        ready: impl Fn(&str) -> bool,
    ) -> String {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        loop {
            let screen = capture(self);
            if ready(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited {seconds} s for {what}; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn wait_for(&self, text: &str, seconds: u64) -> String {
        self.wait_for_count(text, 1, seconds)
    }

    /// Types text without pressing Enter.
    pub fn text(&self, text: &str) {
        let status = Command::new("tmux")
            .args(["send-keys", "-t", &self.name, "-l", text])
            .status()
            .unwrap();
        assert!(status.success());
        std::thread::sleep(Duration::from_millis(150));
    }

    /// Waits until an answer streams after `question` (some text below it).
    pub fn wait_streaming_after(&self, question: &str) {
        self.wait_screen("the answer streaming", 60, |screen| {
            screen
                .split(question)
                .nth(1)
                .is_some_and(|after| after.trim().len() > 20)
        });
    }

    /// The visible screen only (no scrollback).
    pub fn visible(&self) -> String {
        let output = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.name])
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    pub fn resize(&self, columns: u16, rows: u16) {
        let status = Command::new("tmux")
            .args(["resize-window", "-t", &self.name])
            .args(["-x", &columns.to_string(), "-y", &rows.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        std::thread::sleep(Duration::from_millis(500));
    }

    /// The process the session runs (the shell's child: flashchat).
    pub fn command_pid(&self) -> Option<u32> {
        let output = Command::new("tmux")
            .args(["display", "-p", "-t", &self.name, "#{pane_pid}"])
            .output()
            .ok()?;
        let shell: u32 = String::from_utf8_lossy(&output.stdout)
            .trim()
            .parse()
            .ok()?;
        std::fs::read_dir("/proc")
            .ok()?
            .flatten()
            .find_map(|entry| {
                let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
                let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
                // `pid (comm) state ppid ...`; comm may hold spaces.
                let ppid: u32 = stat
                    .rsplit_once(')')?
                    .1
                    .split_whitespace()
                    .nth(1)?
                    .parse()
                    .ok()?;
                (ppid == shell).then_some(pid)
            })
    }
}

impl Tmux {
    /// Closes the terminal under the command, as closing its window does.
    pub fn hang_up(&self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.name])
            .status();
    }

    /// [`Tmux::hang_up`], then waits (20 s at most) for the command to end.
    pub fn hang_up_and_wait(&self) {
        let pid = self.command_pid().expect("flashchat's pid");
        self.hang_up();
        wait_ended(pid, 20);
    }
}

impl Drop for Tmux {
    /// The command is killed first: one that outlived its terminal would
    /// go on taking the CPU from the tests after it.
    fn drop(&mut self) {
        if let Some(pid) = self.command_pid() {
            // SAFETY: a signal to the process this test started.
            unsafe { libc::kill(pid as i32, libc::SIGKILL) };
        }
        self.hang_up();
    }
}

/// Waits until process `pid` has ended (gone, or a zombie its killed
/// parent left); panics after `seconds`.
fn wait_ended(pid: u32, seconds: u64) {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    loop {
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            return;
        };
        // `pid (comm) state ...`
        if stat
            .rsplit_once(')')
            .is_some_and(|(_, s)| s.trim_start().starts_with('Z'))
        {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "flashchat {pid} still runs {seconds} s on: {stat}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

pub fn link_model(model: &Path, to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::hard_link(model, to)
        .or_else(|_| std::fs::copy(model, to).map(|_| ()))
        .unwrap();
}

/// The number of completed answers in the newest session.
fn saved_answers(sandbox: &Sandbox) -> usize {
    let session = sandbox.last_session();
    let messages = session["messages"].as_array().unwrap();
    messages.iter().filter(|m| m["role"] == "assistant").count()
}

/// The test model and a free server port, as the environment of a test.
fn model_env(model: &Path, port: &str, max_tokens: &'static str) -> Vec<(String, String)> {
    vec![
        ("FLASHCHAT_MODEL".into(), model.display().to_string()),
        ("FLASHCHAT_SERVER_PORT".into(), port.into()),
        ("FLASHCHAT_MAX_TOKENS".into(), max_tokens.into()),
    ]
}

#[test]
fn the_wizard_takes_a_fresh_home_to_a_working_chat() {
    let Some(model) = test_model() else { return };
    let sandbox = Sandbox::fresh();
    link_model(
        &model,
        &sandbox.path().join("models/gemma-3-270m-q4_k_m.gguf"),
    );
    let env = [
        ("FLASHCHAT_SERVER_PORT".to_string(), free_port().to_string()),
        ("FLASHCHAT_MAX_TOKENS".to_string(), "16".to_string()),
    ];
    let Some(tmux) = Tmux::start(&sandbox, &["chat"], &env) else {
        return;
    };
    let _stop = StopServer(&sandbox);
    tmux.wait_for("Which model?", 20);
    tmux.wait_for("gemma-3-270m-q4_k_m  (253", 5);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Most tokens per answer", 10);
    for _ in 0..7 {
        tmux.keys(&["Enter"]);
    }
    let screen = tmux.wait_for("you〉", 90);
    assert!(screen.contains("+ model = "), "{screen}");
    assert!(screen.contains("Test generation:"), "{screen}");
    tmux.line("The capital of France is");
    // Ctrl-D once the editor reads keys again: typed in the moment between
    // the answer and the next prompt, the terminal takes it as an end of
    // input that nobody reads (while the answer streams it is kept).
    tmux.wait_for_count("you〉", 2, 60);
    tmux.keys(&["C-d"]);
    tmux.wait_for("[exited]", 20);
    let config = std::fs::read_to_string(sandbox.config_file()).unwrap();
    assert!(config.contains("model = \""), "{config}");
    assert_eq!(saved_answers(&sandbox), 1);
}

#[test]
fn a_tool_call_waits_for_a_key_and_the_session_keeps_calls_and_results() {
    let (Some(mcp), Some(model)) = (mcp_servers(), instruct_model()) else {
        return;
    };
    // A server, a Node MCP server and the model: heavy enough to share
    // the machine with nothing else heavy.
    let _heavy = heavy();
    let sandbox = Sandbox::new();
    let folder = agent::work_folder("fcterm");
    std::fs::write(
        sandbox.config_file(),
        agent::filesystem_server(&mcp, &folder, "\"ask\""),
    )
    .unwrap();
    let mut env = model_env(&model, &free_port().to_string(), "40");
    env.extend([
        ("FLASHCHAT_TEMPERATURE".into(), "0".into()),
        (
            "FLASHCHAT_AGENT_TOOL_CHOICE".into(),
            "list_directory".into(),
        ),
        ("FLASHCHAT_AGENT_MAX_STEPS".into(), "1".into()),
    ]);
    let Some(tmux) = Tmux::start(&sandbox, &["chat"], &env) else {
        return;
    };
    let _stop = StopServer(&sandbox);
    tmux.wait_for("MCP tools (/tools)", 90);
    tmux.wait_for("you〉", 30);
    let question = agent::ask_to_list(&folder);

    // `n`: the call does not run, and the model is told so.
    tmux.line(&question);
    tmux.wait_for("Run it? [y]es, [n]o, [a]lways", 120);
    let screen = tmux.screen();
    assert!(screen.contains("⚙ fs › list_directory"), "{screen}");
    assert!(screen.contains("\"path\": \"/tmp/fcterm\""), "{screen}");
    tmux.keys(&["n"]);
    let screen = tmux.wait_for_count("you〉", 2, 120);
    assert!(
        screen.contains("↳ Not run: the person declined this call."),
        "{screen}"
    );

    // `y`: it runs and the result is shown.
    tmux.line(&question);
    tmux.wait_for_count("Run it? [y]es", 2, 120);
    tmux.keys(&["y"]);
    let screen = tmux.wait_for_count("you〉", 3, 120);
    assert!(screen.contains("↳ [FILE] harbour-log.txt"), "{screen}");
    tmux.line("/tools");
    let screen = tmux.wait_for_count("you〉", 4, 10);
    assert!(screen.contains("fs           ready"), "{screen}");
    tmux.keys(&["C-d"]);
    tmux.wait_for("[exited]", 20);

    let session = sandbox.last_session();
    let results: Vec<String> = session["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["role"] == "tool")
        .map(|m| m["content"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(results.len(), 2, "{session:#}");
    assert!(results[0].contains("declined"), "{results:?}");
    assert!(results[1].contains("harbour-log.txt"), "{results:?}");
}

#[test]
fn a_terminal_chat_answers_retries_exports_and_survives_ctrl_c() {
    let Some(model) = test_model() else { return };
    let sandbox = Sandbox::new();
    let env = model_env(&model, &free_port().to_string(), "24");
    let Some(tmux) = Tmux::start(&sandbox, &["chat"], &env) else {
        return;
    };
    let _stop = StopServer(&sandbox);
    tmux.wait_for("you〉", 90);
    tmux.line("The capital of France is");
    tmux.wait_for_count("you〉", 2, 60);
    tmux.line("The largest ocean is");
    tmux.wait_for_count("you〉", 3, 60);
    tmux.line("/retry");
    tmux.wait_for_count("you〉", 4, 60);
    assert!(tmux.screen().matches("tok/s").count() >= 3);
    let export = sandbox.path().join("chat.md");
    tmux.line(&format!("/export md {}", export.display()));
    tmux.wait_for_count("you〉", 5, 10);
    let markdown = std::fs::read_to_string(&export).unwrap();
    assert!(markdown.contains("The largest ocean is"), "{markdown}");

    // A long answer, stopped with Ctrl-C: back at the prompt, the chat goes on.
    tmux.line("/set max_tokens 2000");
    tmux.wait_for_count("you〉", 6, 10);
    tmux.line("Write a very long story about the sea");
    std::thread::sleep(Duration::from_secs(2));
    tmux.keys(&["C-c"]);
    tmux.wait_for_count("you〉", 7, 20);
    tmux.line("/set max_tokens 16");
    tmux.wait_for_count("you〉", 8, 10);
    tmux.line("One more question:");
    tmux.wait_for_count("you〉", 9, 60);
    tmux.keys(&["C-d"]);
    tmux.wait_for("[exited]", 20);
    // Two answers, the retried one replacing the second, the stopped one
    // and the last: every completed turn is in the file.
    assert!(saved_answers(&sandbox) >= 3);
}

#[test]
fn the_menu_starts_a_chat_resumes_the_second_session_and_runs_the_server() {
    let Some(model) = test_model() else { return };
    let sandbox = Sandbox::new();
    let port = free_port().to_string();
    let mut env = model_env(&model, &port, "8");
    env.push(("FLASHCHAT_USE_SERVER".into(), "never".into()));
    let Some(tmux) = Tmux::start(&sandbox, &[], &env) else {
        return;
    };
    let _stop = StopServer(&sandbox);
    // Two chats from the menu: New chat is the first entry.
    for (i, question) in ["First topic: apples", "Second topic: boats"]
        .iter()
        .enumerate()
    {
        tmux.wait_for_count("What next?", i + 1, 30);
        tmux.keys(&["Enter"]);
        tmux.wait_for_count("you〉", 2 * i + 1, 60);
        tmux.line(question);
        tmux.wait_for_count("you〉", 2 * i + 2, 60);
        tmux.keys(&["C-d"]);
    }
    // Resume (third entry) the second in the list (the older one: apples).
    tmux.wait_for_count("What next?", 3, 30);
    tmux.keys(&["Down", "Down"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Resume which chat?", 10);
    tmux.keys(&["Down"]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for_count("you〉", 5, 60);
    let resumed = sandbox.sessions_json()[1]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(screen.contains(&format!("resuming {resumed}")), "{screen}");
    tmux.keys(&["C-d"]);
    tmux.wait_for_count("What next?", 4, 30);

    // The workspace (second entry) opens full-screen and gives the menu back.
    tmux.keys(&["Down"]);
    tmux.keys(&["Enter"]);
    tmux.wait_visible("the workspace", 60, |s| s.contains("Ask anything"));
    tmux.keys(&["C-q"]);
    tmux.wait_for_count("What next?", 5, 30);

    // Start the server (fourth entry), see it in the header, stop it.
    tmux.keys(&["Down", "Down", "Down"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for(
        &format!("server: running at http://127.0.0.1:{port}/v1"),
        90,
    );
    tmux.wait_for_count("What next?", 6, 30);
    tmux.keys(&["Down", "Down", "Down"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Stopped the server", 30);
    tmux.wait_for_count("What next?", 7, 30);
    // Quit is the last entry.
    tmux.keys(&["Up"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("[exited]", 20);
    let sessions = sandbox.sessions_json();
    assert_eq!(sessions.as_array().unwrap().len(), 2);
}

#[test]
fn text_typed_while_an_answer_streams_waits_for_the_next_prompt() {
    let Some(model) = test_model() else { return };
    let sandbox = Sandbox::new();
    // Long enough to type into while it streams, short enough for a
    // loaded machine.
    let mut env = model_env(&model, &free_port().to_string(), "200");
    env.push(("FLASHCHAT_USE_SERVER".into(), "never".into()));
    env.push(("FLASHCHAT_TEMPERATURE".into(), "0".into()));
    let Some(tmux) = Tmux::start(&sandbox, &["chat"], &env) else {
        return;
    };
    tmux.wait_for("you〉", 90);
    tmux.line("Tell me about the history of Rome in detail");
    // Once the answer streams, type ahead without pressing Enter.
    tmux.wait_streaming_after("Tell me about the history of Rome in detail");
    let status = Command::new("tmux")
        .args(["send-keys", "-t", &tmux.name, "-l", "zebra123"])
        .status()
        .unwrap();
    assert!(status.success());
    std::thread::sleep(Duration::from_millis(300));
    let streaming = tmux.screen();
    assert_eq!(streaming.matches("you〉").count(), 1, "still answering");
    assert!(
        !streaming.contains("zebra123"),
        "echoed into the answer: {streaming}"
    );
    let screen = tmux.wait_for_count("you〉", 2, 240);
    // Not echoed into the answer: only at the new prompt, ready to edit.
    assert_eq!(screen.matches("zebra123").count(), 1, "{screen}");
    let prompt_line = screen.lines().rev().find(|l| l.contains("you〉")).unwrap();
    assert!(prompt_line.contains("zebra123"), "{screen}");
    // Ctrl-D typed while the next answer streams leaves once it is done,
    // as it would at the prompt.
    tmux.keys(&["C-u"]);
    tmux.line("And of Carthage?");
    tmux.wait_streaming_after("And of Carthage?");
    tmux.keys(&["C-d"]);
    let screen = tmux.wait_for("[exited]", 240);
    assert!(screen.contains("exit 0"), "{screen}");
    assert_eq!(saved_answers(&sandbox), 2, "{screen}");
}

#[test]
fn a_chat_whose_terminal_closes_or_that_is_terminated_mid_answer_keeps_the_turn() {
    let Some(model) = test_model() else { return };
    let sandbox = Sandbox::new();
    let mut env = model_env(&model, &free_port().to_string(), "4000");
    env.push(("FLASHCHAT_USE_SERVER".into(), "never".into()));
    let streaming = |tmux: &Tmux, question: &str| {
        tmux.wait_for("you〉", 90);
        tmux.line(question);
        tmux.wait_streaming_after(question);
    };
    // The window closes (its tmux session killed) while the answer streams.
    let Some(tmux) = Tmux::start(&sandbox, &["chat"], &env) else {
        return;
    };
    streaming(&tmux, "Once upon a time");
    tmux.hang_up_and_wait();
    drop(tmux);
    let session = sandbox.last_session();
    assert_eq!(
        session["messages"][0]["content"], "Once upon a time",
        "{session}"
    );
    assert_eq!(saved_answers(&sandbox), 1, "{session}");

    // SIGTERM while it streams: the turn is saved, the exit code is 143.
    let tmux = Tmux::start(&sandbox, &["chat"], &env).unwrap();
    streaming(&tmux, "In a land far away");
    let pid = tmux.command_pid().expect("flashchat's pid");
    // SAFETY: a signal to the process this test started.
    assert_eq!(unsafe { libc::kill(pid as i32, libc::SIGTERM) }, 0);
    let screen = tmux.wait_for("[exited]", 20);
    assert!(screen.contains("exit 143, icanon"), "{screen}");
    let session = sandbox.last_session();
    assert_eq!(
        session["messages"][0]["content"], "In a land far away",
        "{session}"
    );
    assert_eq!(saved_answers(&sandbox), 1, "{session}");
}

#[test]
fn compare_and_slash_compare_show_two_models_side_by_side_with_their_figures() {
    let (Some(gemma), Some(smol)) = (test_model(), instruct_model()) else {
        return;
    };
    let _heavy = heavy();
    let sandbox = Sandbox::new();
    link_model(
        &gemma,
        &sandbox.path().join("models/gemma-3-270m-q4_k_m.gguf"),
    );
    link_model(
        &smol,
        &sandbox
            .path()
            .join("models/SmolLM2-135M-Instruct.Q4_1.gguf"),
    );
    let env = [
        ("FLASHCHAT_SERVER_PORT".to_string(), free_port().to_string()),
        ("FLASHCHAT_MODEL".to_string(), gemma.display().to_string()),
        ("FLASHCHAT_MAX_TOKENS".to_string(), "12".to_string()),
        ("FLASHCHAT_TEMPERATURE".to_string(), "0".to_string()),
    ];
    let _stop = StopServer(&sandbox);
    let saved = sandbox.path().join("cmp.md");
    let saved_arg = saved.display().to_string();
    let args = [
        "compare",
        "-m",
        "gemma",
        "-m",
        "smollm2",
        "--save",
        &saved_arg,
        "What is the capital of France?",
    ];
    let Some(tmux) = Tmux::start(&sandbox, &args, &env) else {
        return;
    };
    let screen = tmux.wait_for("[exited]", 120);
    // One row holds both headers, another both speeds.
    let both = |line: &&str| line.starts_with("gemma") && line.contains("│ smollm2");
    assert!(screen.lines().any(|l| both(&l)), "{screen}");
    assert!(
        screen
            .lines()
            .any(|l| l.matches("tok/s").count() == 2 && l.matches("TTFT").count() == 2),
        "{screen}"
    );
    let saved = std::fs::read_to_string(&saved);
    let saved = saved.unwrap_or_else(|e| panic!("{e}: {screen}"));
    assert!(saved.contains("|  | `gemma` | `smollm2` |"), "{saved}");
    assert!(saved.contains("| Generation |"), "{saved}");
    drop(tmux);

    // In a chat through the server, /compare puts SmolLM2's answer beside Gemma's.
    let output = sandbox
        .cmd()
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .arg("serve")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        crate::common::stderr_of(&output)
    );
    let Some(tmux) = Tmux::start(&sandbox, &["chat"], &env) else {
        return;
    };
    tmux.wait_for("you〉", 60);
    tmux.line("The capital of France is");
    tmux.wait_for_count("you〉", 2, 60);
    tmux.line("/compare smollm2");
    let screen = tmux.wait_for("Not saved in the session", 120);
    assert!(
        screen
            .lines()
            .any(|l| l.starts_with("gemma-3-270m") && l.contains("│ smollm2")),
        "{screen}"
    );
    assert!(
        screen.lines().any(|l| l.matches("tok/s").count() == 2),
        "{screen}"
    );
}
