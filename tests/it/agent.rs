//! The agent loop with real MCP servers and the instruct test model
//! (SmolLM2-135M, with the first step's tool choice forced, as a model
//! that small needs): `prompt --tools`, a piped chat with servers that
//! fail, and the chat's confirmation on a terminal (in terminal.rs).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use serde_json::Value;

use crate::common::{
    heavy, instruct_model, mcp_servers, stderr_of, stdout_of, Sandbox, MCP_FILESYSTEM,
};

/// `/tmp/NAME` with two files, for the filesystem server to list. A
/// model this small copies a short path reliably and mangles a random
/// temporary one, so the folder has a fixed name; tests running at once
/// write the same files into it.
pub fn work_folder(name: &str) -> PathBuf {
    let folder = Path::new("/tmp").join(name);
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("harbour-log.txt"), "tides").unwrap();
    std::fs::write(folder.join("notes.md"), "# notes").unwrap();
    folder
}

/// `[mcp.servers.fs]`: the reference filesystem server, allowed `folder`.
pub fn filesystem_server(mcp: &Path, folder: &Path, trust: &str) -> String {
    format!(
        "[mcp.servers.fs]\ncommand = [\"node\", {:?}, {:?}]\ntrust = {trust}\n",
        mcp.join(MCP_FILESYSTEM).display().to_string(),
        folder.display().to_string(),
    )
}

/// A request SmolLM2 turns into the right call.
pub fn ask_to_list(folder: &Path) -> String {
    format!(
        "Call list_directory with path {} and tell me the file names.",
        folder.display()
    )
}

#[test]
fn prompt_with_tools_lists_a_folder_and_names_a_file_in_it() {
    let (Some(mcp), Some(model)) = (mcp_servers(), instruct_model()) else {
        return;
    };
    let _heavy = heavy();
    let sandbox = Sandbox::new();
    let folder = work_folder("fcprompt");
    std::fs::write(
        sandbox.config_file(),
        filesystem_server(&mcp, &folder, "\"ask\""),
    )
    .unwrap();
    let question = ask_to_list(&folder);
    let prompt = |extra: &[&str]| {
        sandbox
            .cmd()
            .env("FLASHCHAT_MODEL", &model)
            .args([
                "prompt",
                "--local",
                "--tools",
                "--tool-choice",
                "list_directory",
            ])
            .args(["--max-steps", "1", "--temperature", "0", "-n", "60"])
            .args(extra)
            .arg(&question)
            .output()
            .unwrap()
    };

    let output = prompt(&["--yes"]);
    let (stdout, stderr) = (stdout_of(&output), stderr_of(&output));
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("→ fs › list_directory"), "{stderr}");
    assert!(
        stderr.contains("[FILE] harbour-log.txt") && stderr.contains("[FILE] notes.md"),
        "the listing, on stderr: {stderr}"
    );
    assert!(
        stdout.contains("notes.md") || stdout.contains("log.txt"),
        "the answer names a file in the folder: {stdout}"
    );
    assert!(!stdout.contains("→ fs"), "calls stay off stdout: {stdout}");

    // Without --yes a call that needs confirmation is refused, and the
    // model is told so; --json holds the call.
    let output = prompt(&["--json"]);
    let stderr = stderr_of(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("refused fs › list_directory: it needs confirmation; pass --yes"),
        "{stderr}"
    );
    let answer: Value = serde_json::from_slice(&output.stdout).unwrap();
    let call = &answer["tool_calls"][0];
    assert_eq!(call["server"], "fs", "{answer:#}");
    assert_eq!(call["tool"], "list_directory");
    assert_eq!(call["ran"], false);
    assert!(call["arguments"]["path"].is_string(), "{answer:#}");
    assert!(call["result"]
        .as_str()
        .unwrap()
        .contains("needs the person's confirmation"));
    // Two requests to the model (the call, then the answer after it):
    // `steps` holds each, `usage` adds them up.
    let steps = answer["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 2, "{answer:#}");
    assert_eq!(steps[0]["finish_reason"], "tool_calls", "{answer:#}");
    assert_eq!(steps[1]["finish_reason"], answer["finish_reason"]);
    for field in ["prompt_tokens", "completion_tokens", "total_tokens"] {
        let each: Vec<u64> = steps
            .iter()
            .map(|step| step["usage"][field].as_u64().unwrap())
            .collect();
        assert!(each.iter().all(|&n| n > 0), "{field}: {answer:#}");
        assert_eq!(
            answer["usage"][field].as_u64(),
            Some(each.iter().sum()),
            "{field}: {answer:#}"
        );
    }
}

#[test]
fn prompt_tools_need_a_server_and_a_known_tool() {
    let sandbox = Sandbox::new();
    let run = |args: &[&str]| {
        let mut cmd = sandbox.with_model()?;
        Some(cmd.arg("prompt").args(args).output().unwrap())
    };
    let Some(output) = run(&["--tools", "hello"]) else {
        return;
    };
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr_of(&output).contains("--tools: no MCP server is enabled"),
        "{}",
        stderr_of(&output)
    );
    let output = run(&["--mcp", "nope", "hello"]).unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).contains("no MCP server is called `nope`"));
    let output = run(&["--tools", "--raw", "hello"]).unwrap();
    assert_eq!(output.status.code(), Some(2), "clap refuses the pair");
}

#[test]
fn a_chat_reports_each_failing_server_once_and_goes_on() {
    let (Some(mcp), Some(model)) = (mcp_servers(), instruct_model()) else {
        return;
    };
    let _heavy = heavy();
    let sandbox = Sandbox::new();
    let folder = work_folder("fcchat");
    let config = format!(
        "{}\n[mcp.servers.broken]\ncommand = [\"sh\", \"-c\", \"echo 'cannot open the database' >&2; exit 3\"]\n\n\
         [mcp.servers.hangs]\ncommand = [\"sleep\", \"30\"]\ntimeout = 1\n",
        filesystem_server(&mcp, &folder, "\"always\"")
    );
    std::fs::write(sandbox.config_file(), config).unwrap();
    let model = model.display().to_string();
    let env = [
        ("FLASHCHAT_MODEL", model.as_str()),
        ("FLASHCHAT_USE_SERVER", "never"),
        ("FLASHCHAT_TEMPERATURE", "0"),
        ("FLASHCHAT_MAX_TOKENS", "40"),
        ("FLASHCHAT_AGENT_TOOL_CHOICE", "list_directory"),
        ("FLASHCHAT_AGENT_MAX_STEPS", "1"),
    ];
    let Some(mut child) = sandbox.spawn_with_model(&["chat"], &env, Stdio::piped()) else {
        return;
    };
    // A folder the server may not read (an error from the tool), then
    // the one it may.
    let lines = format!(
        "{}\n{}\n",
        ask_to_list(Path::new("/root/elsewhere")),
        ask_to_list(&folder)
    );
    child
        .stdin
        .take()
        .unwrap()
        .write_all(lines.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = stderr_of(&output);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(
        stderr.matches("cannot open the database").count(),
        1,
        "the server that exits is reported once, with its stderr: {stderr}"
    );
    assert_eq!(
        stderr
            .matches("did not answer the start-up handshake within 1 s")
            .count(),
        1,
        "the server that hangs is reported once: {stderr}"
    );
    assert!(
        stderr.contains("↳ error:"),
        "the tool's error is shown: {stderr}"
    );
    assert!(stderr.contains("harbour-log.txt"), "{stderr}");
    assert_eq!(
        stderr.matches("finish:").count(),
        4,
        "two steps a turn: {stderr}"
    );

    // The session holds the calls and their results as messages.
    let session = sandbox.last_session();
    let messages = session["messages"].as_array().unwrap();
    let calls: Vec<&Value> = messages
        .iter()
        .filter(|m| m["tool_calls"].is_array())
        .collect();
    assert_eq!(calls.len(), 2, "{session:#}");
    assert_eq!(calls[0]["tool_calls"][0]["name"], "list_directory");
    let results: Vec<&Value> = messages.iter().filter(|m| m["role"] == "tool").collect();
    assert_eq!(results.len(), 2, "{session:#}");
    assert!(results[0]["content"]
        .as_str()
        .unwrap()
        .starts_with("The tool reported an error"));
    assert!(results[1]["content"]
        .as_str()
        .unwrap()
        .contains("harbour-log.txt"));
    assert_eq!(results[1]["tool_call_id"], calls[1]["tool_calls"][0]["id"]);

    // The export shows them.
    let shown = sandbox
        .cmd()
        .args(["sessions", "show", "last"])
        .output()
        .unwrap();
    let markdown = stdout_of(&shown);
    assert!(markdown.contains("Calls `list_directory`"), "{markdown}");
    assert!(
        markdown.contains("**Tool** (`list_directory`)"),
        "{markdown}"
    );

    // Resumed, the calls and results are back in the model's context: the
    // template renders them and the conversation goes on.
    let before = messages.len();
    let Some(mut child) =
        sandbox.spawn_with_model(&["chat", "--resume", "last"], &env, Stdio::piped())
    else {
        return;
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Which of them is a Markdown file?\n")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let session = sandbox.last_session();
    let messages = session["messages"].as_array().unwrap();
    assert!(messages.len() >= before + 2, "{session:#}");
    assert_eq!(messages.last().unwrap()["role"], "assistant");
}
