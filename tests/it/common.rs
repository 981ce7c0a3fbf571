//! Helpers: a sandboxed `flashchat` command and the test model's path.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// A temporary FLASHCHAT_HOME and HF cache, removed when dropped.
pub struct Sandbox {
    pub home: TempDir,
}

impl Sandbox {
    /// A sandbox whose (empty) config file already exists, so the
    /// first-run notice does not appear in every test's stderr.
    pub fn new() -> Self {
        let sandbox = Self::fresh();
        std::fs::write(sandbox.config_file(), "").expect("config file");
        sandbox
    }

    /// A sandbox as on a machine where flashchat never ran.
    pub fn fresh() -> Self {
        Self {
            home: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.home.path()
    }

    pub fn config_file(&self) -> PathBuf {
        self.path().join("config.toml")
    }

    /// `flashchat` with every location inside the sandbox and no
    /// FLASHCHAT_* variables from the caller's environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("flashchat").expect("binary");
        for (key, _) in std::env::vars() {
            if key.starts_with("FLASHCHAT_") || key == "NO_COLOR" {
                cmd.env_remove(key);
            }
        }
        cmd.env("FLASHCHAT_HOME", self.path())
            .env("HF_HOME", self.path().join("hf"))
            .env_remove("HF_HUB_CACHE")
            .env_remove("HF_ENDPOINT")
            .env_remove("HF_TOKEN")
            .env_remove("XDG_CONFIG_HOME");
        cmd
    }

    /// `flashchat ARGS` with the test model and `env`, running, with stdout
    /// and stderr piped and stdin as given.
    pub fn spawn_with_model(
        &self,
        args: &[&str],
        env: &[(&str, &str)],
        stdin: std::process::Stdio,
    ) -> Option<std::process::Child> {
        let model = test_model()?;
        let child = self
            .std_cmd()
            .env("FLASHCHAT_MODEL", model)
            .args(args)
            .envs(env.iter().copied())
            .stdin(stdin)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("flashchat starts");
        Some(child)
    }

    /// [`Sandbox::cmd`] as a plain `std::process::Command`, for tests that
    /// spawn, signal or kill it.
    pub fn std_cmd(&self) -> std::process::Command {
        let cmd = self.cmd();
        let mut std_cmd = std::process::Command::new(cmd.get_program());
        for (key, value) in cmd.get_envs() {
            match value {
                Some(value) => std_cmd.env(key, value),
                None => std_cmd.env_remove(key),
            };
        }
        std_cmd
    }

    /// `flashchat sessions show last --json`, parsed.
    pub fn last_session(&self) -> serde_json::Value {
        let output = self
            .cmd()
            .args(["sessions", "show", "last", "--json"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        serde_json::from_slice(&output.stdout).unwrap()
    }

    /// `flashchat sessions --json`, parsed.
    pub fn sessions_json(&self) -> serde_json::Value {
        let output = self.cmd().args(["sessions", "--json"]).output().unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        serde_json::from_slice(&output.stdout).unwrap()
    }

    /// `flashchat` with the test model configured by environment.
    pub fn with_model(&self) -> Option<Command> {
        let model = test_model()?;
        let mut cmd = self.cmd();
        cmd.env("FLASHCHAT_MODEL", model);
        Some(cmd)
    }

    /// `flashchat` with the instruct test model configured by environment.
    pub fn with_instruct_model(&self) -> Option<Command> {
        let model = instruct_model()?;
        let mut cmd = self.cmd();
        cmd.env("FLASHCHAT_MODEL", model);
        Some(cmd)
    }
}

/// One heavy test at a time across the whole suite: benchmarks, engine and
/// synthetic-model tests each use both cores, and timing one next to
/// another only measures the contention. Hold the guard for the test.
pub fn heavy() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

/// A loopback port nobody listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Stops the server a test started in the sandbox, whatever happened.
pub struct StopServer<'a>(pub &'a Sandbox);

impl Drop for StopServer<'_> {
    fn drop(&mut self) {
        let _ = self.0.cmd().args(["serve", "--stop", "--force"]).output();
    }
}

/// The GGUF named by FLASHCHAT_TEST_MODEL (Gemma 3 270M, a base model).
/// Without it the model tests are skipped locally, but under CI=true a
/// missing model is a failure.
pub fn test_model() -> Option<PathBuf> {
    model_from_env("FLASHCHAT_TEST_MODEL", "scripts/fetch-test-model.sh")
}

/// The GGUF named by FLASHCHAT_TEST_INSTRUCT_MODEL (SmolLM2-135M-Instruct,
/// a chat model with a template), skipped or failed like [`test_model`].
pub fn instruct_model() -> Option<PathBuf> {
    model_from_env(
        "FLASHCHAT_TEST_INSTRUCT_MODEL",
        "scripts/fetch-test-model.sh smollm2",
    )
}

/// The folder of real chat templates named by FLASHCHAT_TEST_TEMPLATES
/// (`scripts/fetch-chat-templates.sh`), skipped or failed like [`test_model`].
pub fn chat_templates() -> Option<PathBuf> {
    from_env(
        "FLASHCHAT_TEST_TEMPLATES",
        "scripts/fetch-chat-templates.sh",
        |p| p.is_dir(),
    )
}

/// The folder of llama.cpp's own tools (llama-server, llama-embedding)
/// named by FLASHCHAT_TEST_LLAMA_TOOLS, skipped or failed like [`test_model`].
pub fn llama_tools() -> Option<PathBuf> {
    from_env(
        "FLASHCHAT_TEST_LLAMA_TOOLS",
        "scripts/bench/build-llama-cpp-tools.sh",
        |p| p.join("llama-embedding").is_file() && p.join("llama-server").is_file(),
    )
}

/// The folder of reference MCP servers named by FLASHCHAT_TEST_MCP
/// (`scripts/fetch-mcp-servers.sh`), skipped or failed like [`test_model`].
pub fn mcp_servers() -> Option<PathBuf> {
    from_env("FLASHCHAT_TEST_MCP", "scripts/fetch-mcp-servers.sh", |p| {
        p.join("venv/bin/mcp-server-time").is_file() && p.join(MCP_FILESYSTEM).is_file()
    })
}

/// The filesystem server's entry point inside [`mcp_servers`]' folder.
pub const MCP_FILESYSTEM: &str =
    "node_modules/@modelcontextprotocol/server-filesystem/dist/index.js";

fn model_from_env(var: &str, fetch: &str) -> Option<PathBuf> {
    from_env(var, fetch, |p| p.is_file())
}

fn from_env(var: &str, fetch: &str, exists: impl Fn(&std::path::Path) -> bool) -> Option<PathBuf> {
    match std::env::var_os(var).map(PathBuf::from) {
        Some(path) if exists(&path) => Some(path),
        other => {
            let why = match other {
                Some(path) => format!("{var}={} does not exist", path.display()),
                None => format!("{var} is not set ({fetch})"),
            };
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("{why}: model tests cannot be skipped in CI");
            }
            eprintln!("skipping model test: {why}");
            None
        }
    }
}

pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Writes a GGUF file with metadata only (no tensors): enough for the
/// header reader, not for llama.cpp to load.
pub fn write_header_only_gguf(path: &Path, architecture: &str, context_length: u32) {
    fn string(out: &mut Vec<u8>, s: &str) {
        out.extend((s.len() as u64).to_le_bytes());
        out.extend(s.as_bytes());
    }
    use flashchat::models::gguf::format::{value_type, DEFAULT_ALIGNMENT, MAGIC, VERSION};
    let mut out = MAGIC.to_vec();
    out.extend(VERSION.to_le_bytes());
    out.extend(0u64.to_le_bytes()); // tensors
    out.extend(3u64.to_le_bytes()); // key/values
    string(&mut out, "general.architecture");
    out.extend(value_type::STRING.to_le_bytes());
    string(&mut out, architecture);
    string(&mut out, "general.file_type");
    out.extend(value_type::U32.to_le_bytes());
    out.extend(15u32.to_le_bytes()); // Q4_K_M
    string(&mut out, &format!("{architecture}.context_length"));
    out.extend(value_type::U32.to_le_bytes());
    out.extend(context_length.to_le_bytes());
    // The (empty) data section starts at a multiple of the alignment.
    let alignment = DEFAULT_ALIGNMENT as usize;
    out.resize(out.len().div_ceil(alignment) * alignment, 0);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(path, out).unwrap();
}
