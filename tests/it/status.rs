//! `flashchat status`: what it reports, without loading the model.

use crate::common::{stdout_of, Sandbox};

#[test]
fn status_reports_the_model_from_its_header() {
    let sandbox = Sandbox::new();
    let Some(mut cmd) = sandbox.with_model() else {
        return;
    };
    let output = cmd.args(["status", "--json"]).output().unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["model"]["architecture"], "gemma3");
    assert_eq!(json["model"]["quantization"], "Q4_K_M");
    assert_eq!(json["model"]["context_length"], 32768);
    assert!(json["model"]["parameter_count"].as_u64().unwrap() > 200_000_000);
    assert!(json["threads"].as_u64().unwrap() >= 1);
    assert!(json["system"]["backends"]
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b == "CPU"));
    assert_eq!(json["server"]["running"], false);
}

#[test]
fn status_text_shows_paths_and_a_missing_model() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .cmd()
        .args(["status", "--model", "/nonexistent/m.gguf"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = stdout_of(&output);
    let row = |label: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(label))
            .map(str::trim)
            .unwrap_or_else(|| panic!("no {label} row in {text}"))
            .to_string()
    };
    assert_eq!(
        row("Config file"),
        sandbox.config_file().display().to_string()
    );
    assert_eq!(
        row("Model"),
        "model file /nonexistent/m.gguf does not exist"
    );
    assert_eq!(row("Server"), "not running");
}

#[test]
fn status_lists_the_devices_and_gpu_settings_are_checked() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .cmd()
        .args([
            "status",
            "--json",
            "--gpu-layers",
            "0",
            "--split-mode",
            "none",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let devices = json["devices"].as_array().unwrap();
    assert!(
        devices.iter().any(|d| d["backend"] == "CPU"),
        "the CPU is a device: {devices:?}"
    );
    assert_eq!(json["gpu"]["layers"], serde_json::json!({"count": 0}));
    assert_eq!(json["gpu"]["split_mode"], "none");
    let text = stdout_of(&sandbox.cmd().arg("status").output().unwrap());
    assert!(text.contains("GPU offload"), "{text}");

    std::fs::write(sandbox.config_file(), "gpu_layers = \"most\"\n").unwrap();
    let output = sandbox.cmd().arg("status").output().unwrap();
    assert!(!output.status.success());
    let err = crate::common::stderr_of(&output);
    assert!(
        err.contains("gpu_layers must be auto, all or a whole number of layers"),
        "{err}"
    );
}
