//! `flashchat models`: downloads from a stand-in hub (progress, resume,
//! checksum, quantisation choice, errors), discovery in every place models
//! live, aliases, `use`, `rm`, `info`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use flashchat::models::download::sha256_of;

use crate::common::{stderr_of, stdout_of, test_model, write_header_only_gguf, Sandbox};
use crate::hub::{FakeHub, HubFile, COMMIT};

const REPO: &str = "test/gemma-3-270m-GGUF";

fn hub_file(name: &str, source: &Path, sha256: &str, corrupt_at: Option<u64>) -> HubFile {
    HubFile {
        name: name.into(),
        source: source.to_path_buf(),
        sha256: sha256.into(),
        size: std::fs::metadata(source).unwrap().len(),
        corrupt_at,
    }
}

fn repo_dir(sandbox: &Sandbox, repo: &str) -> PathBuf {
    sandbox
        .path()
        .join("hf/hub")
        .join(format!("models--{}", repo.replace('/', "--")))
}

fn files_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn pull_downloads_resumes_verifies_and_picks_the_quant() {
    let Some(model) = test_model() else { return };
    let sha = sha256_of(&model).unwrap();
    let size = std::fs::metadata(&model).unwrap().len();
    let hub = FakeHub::start();
    hub.add_repo(
        REPO,
        vec![
            hub_file("gemma-3-270m-Q4_K_M.gguf", &model, &sha, None),
            hub_file("gemma-3-270m-Q8_0.gguf", &model, &sha, None),
        ],
    );
    hub.add_repo(
        "test/corrupt-GGUF",
        vec![hub_file(
            "corrupt-Q4_K_M.gguf",
            &model,
            &sha,
            Some(size / 2),
        )],
    );
    let sandbox = Sandbox::new();
    let pull = |spec: &str| {
        sandbox
            .cmd()
            .args(["models", "pull", spec])
            .env("HF_ENDPOINT", &hub.endpoint)
            .output()
            .unwrap()
    };

    // Interrupt a slow download half-way.
    hub.set_slow(true);
    let mut child = sandbox
        .std_cmd()
        .args(["models", "pull", REPO])
        .env("HF_ENDPOINT", &hub.endpoint)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while hub.sent() < size / 4 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let blobs = repo_dir(&sandbox, REPO).join("blobs");
    let part = blobs.join(format!("{sha}.part"));
    let kept = std::fs::metadata(&part).map(|m| m.len()).unwrap_or(0);
    assert!(
        kept > 0 && kept < size,
        "a partial file stays: {:?}",
        files_in(&blobs)
    );

    // Run it again: it resumes, fetching only the rest, and checks the file.
    hub.set_slow(false);
    hub.reset_sent();
    let output = pull(REPO);
    let err = stderr_of(&output);
    assert!(output.status.success(), "{err}");
    assert!(err.contains("resuming at"), "{err}");
    assert!(err.contains("SHA-256 checked"), "{err}");
    let second = hub.sent();
    assert!(
        second < size - kept / 2,
        "second run fetched {second} of {size} bytes after {kept} were kept"
    );
    let path = PathBuf::from(stdout_of(&output).trim());
    assert!(path.ends_with(format!("snapshots/{COMMIT}/gemma-3-270m-Q4_K_M.gguf")));
    assert_eq!(sha256_of(&path).unwrap(), sha);
    // No model was configured, so the download became the default.
    let config = std::fs::read_to_string(sandbox.config_file()).unwrap();
    assert!(
        config.contains(&format!("model = \"{REPO}:Q4_K_M\""))
            || config.contains(&format!("model = \"{REPO}\"")),
        "{config}"
    );
    assert!(err.contains("Default model"), "{err}");

    // Again: nothing to fetch.
    hub.reset_sent();
    let output = pull(REPO);
    assert!(stderr_of(&output).contains("already downloaded"));
    assert!(hub.sent() < 16, "fetched {} bytes", hub.sent());

    // A named quantisation picks that file.
    let output = pull(&format!("{REPO}:q8_0"));
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(stdout_of(&output)
        .trim()
        .ends_with("gemma-3-270m-Q8_0.gguf"));
    assert!(hub
        .requests()
        .iter()
        .any(|r| r.ends_with("/resolve/main/gemma-3-270m-Q8_0.gguf")));

    // A flipped byte is caught, and nothing is left behind.
    let output = pull("test/corrupt-GGUF");
    let err = stderr_of(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: corrupt-Q4_K_M.gguf is corrupt"),
        "{err}"
    );
    assert!(err.contains("SHA-256"), "{err}");
    let corrupt = repo_dir(&sandbox, "test/corrupt-GGUF");
    assert!(files_in(&corrupt.join("blobs")).is_empty());
    assert!(files_in(&corrupt.join(format!("snapshots/{COMMIT}"))).is_empty());

    // Errors name the problem and the way out.
    let output = pull(&format!("{REPO}:Q5_K_M"));
    let err = stderr_of(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(err.contains("has no Q5_K_M GGUF file"), "{err}");
    assert!(err.contains("this repo has: Q4_K_M, Q8_0"), "{err}");
    let output = pull("nobody/nothing-GGUF");
    let err = stderr_of(&output);
    assert!(err.contains("does not exist, or is private"), "{err}");
    let output = pull(&format!("{REPO}/missing.gguf"));
    assert!(stderr_of(&output).contains("has no file missing.gguf"));

    // Both downloads are listed with where they came from.
    let output = sandbox.cmd().args(["models", "list"]).output().unwrap();
    let list = stdout_of(&output);
    assert!(list.contains("gemma-3-270m-q4_k_m") && list.contains("gemma-3-270m-q8_0"));
    assert!(list.contains(&format!("hf:{REPO}")), "{list}");
}

#[test]
fn unreachable_hub_is_a_clear_error() {
    let sandbox = Sandbox::new();
    let port = crate::common::free_port();
    let output = sandbox
        .cmd()
        .args(["models", "pull", "o/r-GGUF"])
        .env("HF_ENDPOINT", format!("http://127.0.0.1:{port}"))
        .output()
        .unwrap();
    let err = stderr_of(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: cannot reach http://127.0.0.1:"),
        "{err}"
    );
    assert!(err.contains("hint:"), "{err}");
}

#[test]
fn list_finds_the_cache_a_configured_folder_and_registered_files() {
    let sandbox = Sandbox::new();
    let hub = sandbox.path().join("hf/hub");
    for i in 0..40 {
        let repo = hub.join(format!("models--org--repo{i}-GGUF"));
        write_header_only_gguf(
            &repo.join(format!("snapshots/{COMMIT}/repo{i}-Q4_K_M.gguf")),
            "llama",
            4096,
        );
        std::fs::create_dir_all(repo.join("refs")).unwrap();
        std::fs::write(repo.join("refs/main"), COMMIT).unwrap();
    }
    let folder = sandbox.path().join("my models");
    for i in 0..30 {
        write_header_only_gguf(&folder.join(format!("folder{i}.gguf")), "qwen2", 8192);
    }
    let elsewhere = tempfile::tempdir().unwrap();
    for i in 0..30 {
        let file = elsewhere.path().join(format!("registered{i}.gguf"));
        write_header_only_gguf(&file, "gemma3", 32768);
        let output = sandbox
            .cmd()
            .args(["models", "add"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
    }
    std::fs::write(
        sandbox.config_file(),
        format!("[models]\ndirs = [{:?}]\n", folder.display().to_string()),
    )
    .unwrap();

    let output = sandbox
        .cmd()
        .args(["models", "list", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let rows: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 100);
    let count = |kind: &str| rows.iter().filter(|r| r["source"]["kind"] == kind).count();
    assert_eq!(count("hf_cache"), 40);
    assert_eq!(count("config_dir"), 30);
    assert_eq!(count("registered"), 30);
    let qwen = rows.iter().find(|r| r["name"] == "folder7").unwrap();
    assert_eq!(qwen["gguf"]["architecture"], "qwen2");
    assert_eq!(qwen["gguf"]["context_length"], 8192);
    assert_eq!(qwen["gguf"]["quantization"], "Q4_K_M");
    let cached = rows.iter().find(|r| r["name"] == "repo3-q4_k_m").unwrap();
    assert_eq!(cached["spec"], "org/repo3-GGUF/repo3-Q4_K_M.gguf");
}

#[test]
fn aliases_and_short_names_work_wherever_a_model_is_accepted() {
    let sandbox = Sandbox::new();
    let file = sandbox.path().join("models/Tiny-Test-Q4_K_M.gguf");
    write_header_only_gguf(&file, "llama", 2048);
    let run = |args: &[&str]| sandbox.cmd().args(args).output().unwrap();

    let output = run(&["models", "alias", "tiny", "tiny-test"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let output = run(&["models", "info", "tiny", "--json"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let info: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(info["gguf"]["context_length"], 2048);
    assert!(info["gpu"].is_null(), "no GPU in a CPU-only build: {info}");
    let text = stdout_of(&run(&["models", "info", "tiny"]));
    assert!(text.contains("on the GPU        no usable GPU"), "{text}");
    // The alias works as --model for any command, e.g. status.
    let output = run(&["status", "--json", "--model", "tiny"]);
    let status: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        status["model"]["path"].as_str().map(PathBuf::from),
        Some(file.clone()),
        "{status}"
    );

    let output = run(&["models", "use", "tiny"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let config = std::fs::read_to_string(sandbox.config_file()).unwrap();
    assert!(config.contains(&format!("model = {:?}", file.display().to_string())));
    let list = stdout_of(&run(&["models"]));
    assert!(
        list.contains("* ") && list.contains("tiny-test-q4_k_m (tiny)"),
        "{list}"
    );

    let output = run(&["models", "info", "nothing-like-it"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).contains("no model is called `nothing-like-it`"));
    let output = run(&["models", "alias", "bad/alias", "tiny"]);
    assert!(stderr_of(&output).contains("cannot be an alias"));

    // Without a terminal, removing needs --yes; with it the file goes.
    let output = run(&["models", "rm", "tiny"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(file.exists());
    let output = run(&["models", "rm", "tiny", "--yes"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(!file.exists());
    assert!(stderr_of(&output).contains("was the default model"));
}
