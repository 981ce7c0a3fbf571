//! The session store and `flashchat sessions`: listing, showing, searching,
//! exporting, renaming, deleting, and files cut short by a crash.

use std::io::Write;

use flashchat::engine::Message;
use flashchat::role::Role;
use flashchat::sessions::record::{Record, StoredMessage};
use flashchat::sessions::SessionStore;
use serde_json::Value;

use crate::common::{stderr_of, stdout_of, Sandbox};

fn message(role: &str, content: &str, at: i64) -> Record {
    let role = Role::from_api(role).expect("a chat role");
    Record::Message(StoredMessage {
        completion_tokens: Some(3),
        ..StoredMessage::of(&Message::new(role, content), at)
    })
}

/// Two sessions: an older one about Rust, a newer one about bread.
fn two_sessions(sandbox: &Sandbox) -> (String, String) {
    let store = SessionStore::new(&sandbox.path().join("sessions"));
    let rust = store.create("gemma", None, Value::Null).unwrap();
    store
        .append(
            &rust.id,
            &Record::Title {
                title: "Rust lists".into(),
                at: 10,
            },
        )
        .unwrap();
    store
        .append(
            &rust.id,
            &message("user", "How do I reverse a Vec in Rust?", 10),
        )
        .unwrap();
    store
        .append(
            &rust.id,
            &message("assistant", "Call `v.reverse()` on it.", 11),
        )
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let bread = store
        .create("gemma", Some("Be brief.".into()), Value::Null)
        .unwrap();
    store
        .append(
            &bread.id,
            &Record::Title {
                title: "Sourdough".into(),
                at: 20,
            },
        )
        .unwrap();
    store
        .append(
            &bread.id,
            &message("user", "How long should bread dough rest?", 20),
        )
        .unwrap();
    let mut answer = message("assistant", "About an hour, until doubled.", 21);
    if let Record::Message(stored) = &mut answer {
        stored.reasoning = Some("Dough rests until it doubles.".into());
    }
    store.append(&bread.id, &answer).unwrap();
    store
        .append(
            &bread.id,
            &message("user", "And overnight in the fridge?", 22),
        )
        .unwrap();
    (rust.id, bread.id)
}

#[test]
fn list_shows_newest_first_with_titles_and_turns() {
    let sandbox = Sandbox::new();
    let (rust, bread) = two_sessions(&sandbox);
    let rows = sandbox.sessions_json();
    assert_eq!(rows[0]["id"], bread.as_str());
    assert_eq!(rows[0]["title"], "Sourdough");
    assert_eq!(rows[0]["turns"], 2);
    assert_eq!(rows[0]["number"], 1);
    assert_eq!(rows[1]["id"], rust.as_str());
    let table = stdout_of(&sandbox.cmd().args(["sessions", "list"]).output().unwrap());
    assert!(
        table.lines().nth(1).unwrap().contains("Sourdough"),
        "{table}"
    );
}

#[test]
fn show_accepts_ids_prefixes_numbers_and_last() {
    let sandbox = Sandbox::new();
    let (rust, bread) = two_sessions(&sandbox);
    for (key, expected) in [
        (rust.as_str(), "# Rust lists"),
        (&rust[..rust.len() - 2], "# Rust lists"),
        ("2", "# Rust lists"),
        ("1", "# Sourdough"),
        ("last", "# Sourdough"),
        (bread.as_str(), "> **System:** Be brief."),
    ] {
        let output = sandbox
            .cmd()
            .args(["sessions", "show", key])
            .output()
            .unwrap();
        assert!(output.status.success(), "{key}: {}", stderr_of(&output));
        assert!(
            stdout_of(&output).contains(expected),
            "{key}: {}",
            stdout_of(&output)
        );
    }
    let output = sandbox
        .cmd()
        .args(["sessions", "show", "99"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).starts_with("error: no session matches `99`"));
}

#[test]
fn search_finds_text_case_insensitively_with_context() {
    let sandbox = Sandbox::new();
    let (rust, _) = two_sessions(&sandbox);
    let output = sandbox
        .cmd()
        .args(["sessions", "search", "REVERSE", "--json"])
        .output();
    let output = output.unwrap();
    let hits: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(hits.as_array().unwrap().len(), 2, "{hits}");
    assert_eq!(hits[0]["id"], rust.as_str());
    assert!(hits[0]["snippet"]
        .as_str()
        .unwrap()
        .contains("reverse a Vec"));
    let none = sandbox
        .cmd()
        .args(["sessions", "search", "zebra"])
        .output()
        .unwrap();
    assert!(none.status.success());
    assert!(stdout_of(&none).is_empty());
}

#[test]
fn export_formats_round_trip() {
    let sandbox = Sandbox::new();
    let (_, bread) = two_sessions(&sandbox);
    let md = sandbox
        .cmd()
        .args(["sessions", "export", &bread, "--format", "md"])
        .output();
    let md = stdout_of(&md.unwrap());
    assert!(
        md.contains("**You:**\n\nHow long should bread dough rest?"),
        "{md}"
    );
    // Reasoning is kept, folded where Markdown is read.
    assert!(
        md.contains(
            "**Assistant:**\n\n<details><summary>Reasoning</summary>\n\n\
             Dough rests until it doubles.\n\n</details>\n\nAbout an hour"
        ),
        "{md}"
    );
    let jsonl = sandbox
        .cmd()
        .args(["sessions", "export", &bread, "--format", "jsonl"])
        .output();
    let jsonl = stdout_of(&jsonl.unwrap());
    assert_eq!(jsonl.lines().count(), 5);
    assert!(jsonl
        .lines()
        .all(|l| serde_json::from_str::<Value>(l).is_ok()));
    let file = sandbox.path().join("out.json");
    let output = sandbox
        .cmd()
        .args(["sessions", "export", &bread, "--format", "json", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(json["messages"].as_array().unwrap().len(), 3);
    assert_eq!(
        json["messages"][1]["reasoning"],
        "Dough rests until it doubles."
    );
    assert_eq!(json["system_prompt"], "Be brief.");
}

#[test]
fn rename_and_delete() {
    let sandbox = Sandbox::new();
    let (rust, bread) = two_sessions(&sandbox);
    let output = sandbox
        .cmd()
        .args(["sessions", "rename", &rust, "Vectors"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let show = stdout_of(
        &sandbox
            .cmd()
            .args(["sessions", "show", &rust])
            .output()
            .unwrap(),
    );
    assert!(show.starts_with("# Vectors"), "{show}");

    let refused = sandbox
        .cmd()
        .args(["sessions", "delete", &rust])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr_of(&refused).contains("add --yes"));
    let deleted = sandbox
        .cmd()
        .args(["sessions", "delete", &rust, "--yes"])
        .output()
        .unwrap();
    assert!(deleted.status.success());
    let rows = sandbox.sessions_json();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["id"], bread.as_str());
}

#[test]
fn a_torn_last_line_is_skipped_with_a_warning() {
    let sandbox = Sandbox::new();
    let (_, bread) = two_sessions(&sandbox);
    let path = sandbox
        .path()
        .join("sessions")
        .join(format!("{bread}.jsonl"));
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    file.write_all(br#"{"type":"message","role":"assistant","content":"Over"#)
        .unwrap();
    drop(file);
    let output = sandbox
        .cmd()
        .args(["sessions", "show", &bread, "--json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["messages"].as_array().unwrap().len(), 3);
    assert!(stderr_of(&output).contains("warning: 1 unreadable line(s) skipped"));
    // Appending after a torn line keeps every complete record readable.
    let store = SessionStore::new(&sandbox.path().join("sessions"));
    store
        .append(&bread, &message("user", "Still there?", 30))
        .unwrap();
    let session = store.load(&bread).unwrap();
    assert_eq!(session.messages.last().unwrap().content, "Still there?");
}
