//! `flashchat mcp` against reference MCP servers nobody here wrote:
//! mcp-server-time (Python) and @modelcontextprotocol/server-filesystem
//! (Node), plus servers that die at start or never answer.

use serde_json::Value;

use crate::common::{heavy, mcp_servers, stderr_of, stdout_of, Sandbox, MCP_FILESYSTEM};

#[test]
fn servers_are_added_listed_with_their_tools_and_removed() {
    let Some(mcp) = mcp_servers() else {
        return;
    };
    // It starts Python and Node servers at once.
    let _heavy = heavy();
    let sandbox = Sandbox::new();
    let config = sandbox.config_file();
    std::fs::write(&config, "# my own note\ntemperature = 0.5\n").unwrap();
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("harbour-log.txt"), "tides").unwrap();
    let time = mcp.join("venv/bin/mcp-server-time");
    let filesystem = mcp.join(MCP_FILESYSTEM);
    let add = |args: &[&str]| {
        let output = sandbox
            .cmd()
            .arg("mcp")
            .arg("add")
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}: {}", stderr_of(&output));
    };
    add(&[
        "time",
        "--trust",
        "get_current_time",
        "--",
        time.to_str().unwrap(),
        "--local-timezone",
        "UTC",
    ]);
    add(&[
        "files",
        "--",
        "node",
        filesystem.to_str().unwrap(),
        folder.path().to_str().unwrap(),
    ]);
    add(&[
        "broken",
        "--",
        "sh",
        "-c",
        "echo 'cannot open the database' >&2; exit 3",
    ]);
    add(&["hangs", "--timeout", "1", "--", "sleep", "60"]);

    let output = sandbox
        .cmd()
        .args(["mcp", "list", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let servers: Value = serde_json::from_slice(&output.stdout).unwrap();
    let server = |name: &str| {
        servers
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("no {name} in {servers:#}"))
    };
    let tool = |server: &Value, name: &str| {
        server["tools"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == name)
            .cloned()
    };
    let time = server("time");
    assert_eq!(time["state"], "ready", "{time:#}");
    let current = tool(&time, "get_current_time").expect("get_current_time");
    assert_eq!(current["trusted"], true);
    assert_eq!(tool(&time, "convert_time").unwrap()["trusted"], false);
    let files = server("files");
    assert_eq!(files["state"], "ready", "{files:#}");
    let listing = tool(&files, "list_directory").expect("list_directory");
    assert_eq!(listing["input_schema"]["type"], "object");
    let broken = server("broken");
    assert_eq!(broken["state"], "failed");
    let error = broken["error"].as_str().unwrap();
    assert!(
        error.contains("start-up handshake") && error.contains("cannot open the database"),
        "the reason and the server's stderr: {error}"
    );
    let hangs = server("hangs");
    assert_eq!(hangs["state"], "failed");
    assert!(
        hangs["error"]
            .as_str()
            .unwrap()
            .contains("did not answer the start-up handshake within 1 s"),
        "{hangs:#}"
    );

    let text = stdout_of(&sandbox.cmd().args(["mcp", "list"]).output().unwrap());
    assert!(text.contains("get_current_time (trusted)"), "{text}");
    assert!(text.contains("[failed]"), "{text}");

    let output = sandbox
        .cmd()
        .args(["mcp", "rm", "broken"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let written = std::fs::read_to_string(&config).unwrap();
    assert!(
        written.starts_with("# my own note\ntemperature = 0.5\n"),
        "{written}"
    );
    assert!(!written.contains("[mcp.servers.broken]") && written.contains("[mcp.servers.files]"));
    let output = sandbox
        .cmd()
        .args(["mcp", "rm", "broken"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).contains("no MCP server is called `broken`"));
}

#[test]
fn a_mistake_in_a_declared_server_is_an_error_naming_it() {
    let sandbox = Sandbox::new();
    std::fs::write(
        sandbox.config_file(),
        "[mcp.servers.time]\ncommand = [\"uvx\", \"mcp-server-time\"]\nargs = [\"--x\"]\n",
    )
    .unwrap();
    let output = sandbox.cmd().args(["mcp", "list"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr_of(&output);
    assert!(
        err.contains("mcp.servers: server `time`: unknown field `args`"),
        "{err}"
    );
    let sandbox = Sandbox::new();
    let output = sandbox
        .cmd()
        .args(["mcp", "add", "bad name", "--", "x"])
        .output()
        .unwrap();
    assert!(stderr_of(&output).contains("cannot name a server"));
    let output = sandbox
        .cmd()
        .args(["mcp", "add", "nothing"])
        .output()
        .unwrap();
    assert!(stderr_of(&output).contains("a server needs a command or a URL"));
}
