//! Completions and the man page are generated from the CLI definition; the
//! committed copies must match it. `UPDATE_GENERATED=1 cargo test` rewrites them.

use std::path::Path;
use std::process::Command;

use flashchat::docs::{completion_script, man_page, COMPLETION_FILES, MAN_FILE};

fn check(path: &str, expected: &[u8]) {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&full, expected).unwrap();
        return;
    }
    let committed = std::fs::read(&full).unwrap_or_default();
    assert!(
        committed == expected,
        "{path} is out of date with the CLI: run `UPDATE_GENERATED=1 cargo test generated` and commit it"
    );
}

#[test]
fn committed_completions_and_man_page_are_up_to_date() {
    for (shell, path) in COMPLETION_FILES {
        check(path, &completion_script(*shell));
    }
    check(MAN_FILE, &man_page().unwrap());
}

#[test]
fn bash_completion_offers_the_subcommands() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/flashchat.bash");
    let probe = format!(
        "source '{}'; COMP_WORDS=(flashchat ''); COMP_CWORD=1; COMP_LINE='flashchat '; COMP_POINT=10; \
         _flashchat flashchat '' flashchat; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let output = Command::new("bash")
        .args(["--norc", "-c", &probe])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let offered = String::from_utf8(output.stdout).unwrap();
    for sub in [
        "chat",
        "serve",
        "prompt",
        "config",
        "status",
        "sessions",
        "models",
        "benchmark",
        "completions",
    ] {
        assert!(
            offered.lines().any(|l| l == sub),
            "{sub} missing from: {offered}"
        );
    }
}

#[test]
fn completions_command_prints_the_same_script() {
    let output = assert_cmd::Command::cargo_bin("flashchat")
        .unwrap()
        .args(["completions", "zsh"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(output.stdout, completion_script(clap_complete::Shell::Zsh));
}
