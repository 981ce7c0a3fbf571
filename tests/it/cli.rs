//! The dispatcher: help and unknown input.

use crate::common::{stderr_of, stdout_of, Sandbox};

#[test]
fn help_texts_match_their_snapshots() {
    let sandbox = Sandbox::new();
    for args in [
        vec!["--help"],
        vec!["prompt", "--help"],
        vec!["status", "--help"],
        vec!["config", "--help"],
        vec!["chat", "--help"],
        vec!["serve", "--help"],
        vec!["sessions", "--help"],
        vec!["models", "--help"],
        vec!["benchmark", "--help"],
        vec!["completions", "--help"],
    ] {
        let output = sandbox.cmd().args(&args).output().unwrap();
        assert!(output.status.success(), "{args:?}");
        let name = args.join("_").replace("--", "");
        insta::assert_snapshot!(name, stdout_of(&output));
    }
}

#[test]
fn unknown_subcommand_is_a_usage_error() {
    let output = Sandbox::new().cmd().arg("frobnicate").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).starts_with("error: unrecognized subcommand 'frobnicate'"));
}

#[test]
fn no_arguments_without_a_terminal_prints_help_and_exits_2() {
    let output = Sandbox::new().cmd().output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("Usage: flashchat"));
    assert!(output.stdout.is_empty());
}
