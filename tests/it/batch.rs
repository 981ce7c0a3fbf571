//! `flashchat batch`: records answered through a server's slots, written
//! in input order; a run killed half way goes on when run again; failed
//! lines are asked again; OpenAI's batch format, CSV with a template, and
//! llama.cpp's llama-server as the server.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::{
    heavy, instruct_model, llama_tools, stderr_of, test_model, Sandbox, StopServer,
};

fn lines(path: &std::path::Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn ids(lines: &[Value]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect()
}

fn wait_for_lines(path: &std::path::Path, at_least: usize) {
    let deadline = Instant::now() + Duration::from_secs(300);
    while std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .count()
        < at_least
    {
        assert!(Instant::now() < deadline, "no {at_least} lines in time");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_batch_is_answered_in_input_order_and_a_killed_run_goes_on_where_it_stopped() {
    let Some(model) = test_model() else {
        return;
    };
    let _heavy = heavy();
    let sandbox = Sandbox::new();
    let _stop = StopServer(&sandbox);
    let port = crate::common::free_port().to_string();
    let input = sandbox.path().join("in.jsonl");
    let total = 48;
    let text: String = (1..=total)
        .map(|i| format!("{{\"id\": \"p{i}\", \"prompt\": \"Story {i}: once upon a time\"}}\n"))
        .collect();
    std::fs::write(&input, text).unwrap();
    let model = model.display().to_string();
    let batch = |output: &str| {
        let mut cmd = sandbox.std_cmd();
        cmd.env("FLASHCHAT_MODEL", &model)
            .env("FLASHCHAT_SERVER_PORT", &port)
            .env("FLASHCHAT_TEMPERATURE", "0")
            .args([
                "batch",
                "in.jsonl",
                "-o",
                output,
                "-n",
                "6",
                "--parallel",
                "4",
            ])
            .current_dir(sandbox.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        cmd
    };

    // A whole run starts a server with four slots and stops it after.
    let output = batch("whole.jsonl").output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("4 at a time"), "{stderr}");
    assert!(
        stderr.contains(&format!("Wrote {total} results")),
        "{stderr}"
    );
    assert!(stderr.contains("Stopped the server"), "{stderr}");
    // Not a terminal: plain progress lines, no escape codes.
    assert!(
        stderr.contains(&format!("batch: {total}/{total} done, 0 failed")),
        "{stderr}"
    );
    assert!(!stderr.contains('\x1b'), "{stderr:?}");
    let whole = lines(&sandbox.path().join("whole.jsonl"));
    let expected: Vec<String> = (1..=total).map(|i| format!("p{i}")).collect();
    assert_eq!(ids(&whole), expected);
    for line in &whole {
        assert!(line["answer"].is_string(), "{line}");
        assert_eq!(line["usage"]["completion_tokens"], 6, "{line}");
        assert!(line["timings"]["ttft_ms"].as_f64().unwrap() > 0.0, "{line}");
        assert!(
            line["timings"]["total_ms"].as_f64().unwrap() > 0.0,
            "{line}"
        );
    }
    assert!(!sandbox.path().join("server.pid").exists());

    // Killed half way (the server it started keeps running), then run again.
    let killed = sandbox.path().join("killed.jsonl");
    let mut child = batch("killed.jsonl").spawn().unwrap();
    wait_for_lines(&killed, total / 3);
    child.kill().unwrap();
    child.wait().unwrap();
    let before = lines(&killed);
    let at_kill = before.len();
    assert!(at_kill < total, "the run ended before the kill");
    let output = batch("killed.jsonl").output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("holds {at_kill} answers; going on from there")),
        "{stderr}"
    );
    let after = lines(&killed);
    assert_eq!(ids(&after), expected, "each id once, in input order");
    // What the killed run wrote stays as it was; the rest is answered anew.
    // (Answers are not compared with the whole run's: greedy decoding on a
    // CPU can differ with how requests happened to share a batch.)
    assert_eq!(
        after[..at_kill],
        before[..],
        "lines written before the kill"
    );
    for line in &after[at_kill..] {
        assert!(line["answer"].is_string(), "{line}");
        assert_eq!(line["usage"]["completion_tokens"], 6, "{line}");
    }

    // Ctrl-C stops it cleanly: exit 130, what was written stays, and a
    // rerun finishes it.
    let stopped = sandbox.path().join("stopped.jsonl");
    let child = batch("stopped.jsonl").spawn().unwrap();
    wait_for_lines(&stopped, 4);
    // SAFETY: a plain kill(2) of the process this test started.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("run the same command again to go on"),
        "{}",
        stderr_of(&output)
    );
    let output = batch("stopped.jsonl").output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(ids(&lines(&stopped)), expected);
}

#[test]
fn openai_batch_lines_fail_one_by_one_and_are_asked_again_on_a_rerun() {
    let Some(smol) = instruct_model() else {
        return;
    };
    let _heavy = heavy();
    let sandbox = Sandbox::new();
    let _stop = StopServer(&sandbox);
    let port = crate::common::free_port().to_string();
    let good = |id: &str, question: &str| {
        serde_json::json!({"custom_id": id, "method": "POST", "url": "/v1/chat/completions",
            "body": {"messages": [{"role": "user", "content": question}], "max_tokens": 8, "temperature": 0}})
        .to_string()
    };
    let bad = serde_json::json!({"custom_id": "bad", "body": {
        "messages": [{"role": "user", "content": "Hi"}], "temperature": "hot"}});
    let text = [
        good("a", "What is 2+2?"),
        bad.to_string(),
        good("c", "Name a fruit."),
    ]
    .join("\n");
    std::fs::write(sandbox.path().join("in.jsonl"), text + "\n").unwrap();
    let run = |input: &str| {
        sandbox
            .cmd()
            .env("FLASHCHAT_MODEL", &smol)
            .env("FLASHCHAT_SERVER_PORT", &port)
            .args(["batch", input, "-o", "out.jsonl"])
            .current_dir(sandbox.path())
            .output()
            .unwrap()
    };
    let output = run("in.jsonl");
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("error: 1 of 3 requests failed"), "{stderr}");
    assert!(
        stderr.contains("temperature"),
        "the server's reason: {stderr}"
    );
    let out = lines(&sandbox.path().join("out.jsonl"));
    assert_eq!(ids(&out), ["a", "bad", "c"]);
    assert_eq!(out[1]["error"]["status"], 400, "{}", out[1]);
    assert!(
        out[0]["answer"].as_str().is_some_and(|a| !a.is_empty()),
        "{}",
        out[0]
    );
    assert_eq!(
        out[2]["usage"]["completion_tokens"]
            .as_u64()
            .map(|n| n <= 8),
        Some(true)
    );

    // Mended, the failed line alone is asked again, and takes its place.
    let mended = [
        good("a", "What is 2+2?"),
        good("bad", "Hi"),
        good("c", "Name a fruit."),
    ]
    .join("\n");
    std::fs::write(sandbox.path().join("in.jsonl"), mended).unwrap();
    let output = run("in.jsonl");
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("Answering 1 requests (2 answered before)"),
        "{}",
        stderr_of(&output)
    );
    let again = lines(&sandbox.path().join("out.jsonl"));
    assert_eq!(ids(&again), ["a", "bad", "c"]);
    assert!(
        again[1]["error"].is_null() && again[1]["answer"].is_string(),
        "{}",
        again[1]
    );
    assert_eq!(again[0], out[0], "answered lines are kept as they were");

    // Everything answered: nothing is sent.
    let output = run("in.jsonl");
    assert!(output.status.success());
    assert!(
        stderr_of(&output).contains("nothing to do"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn csv_rows_fill_a_template_and_come_back_as_csv_from_llama_server() {
    let (Some(smol), Some(tools)) = (instruct_model(), llama_tools()) else {
        return;
    };
    let _heavy = heavy();
    let sandbox = Sandbox::new();
    let templates = sandbox.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("capital.md"),
        "+++\ntemperature = 0\nmax_tokens = 12\nsystem = \"Answer in a few words.\"\n+++\n\
         What is the capital of {{country}}? Answer in {{language}}.\n",
    )
    .unwrap();
    std::fs::write(
        sandbox.path().join("countries.csv"),
        "id,country\nfr,France\nde,\"Germany\"\njp,Japan\n",
    )
    .unwrap();
    // llama.cpp's own server, behind an API key, as `server.url`.
    let server = crate::router::LlamaServer::start(&tools, &smol, "secret");
    let url = format!("http://127.0.0.1:{}/v1", server.port);
    let batch = |extra: &[&str]| {
        sandbox
            .cmd()
            .env("FLASHCHAT_SERVER_URL", &url)
            .env("FLASHCHAT_SERVER_API_KEY", "secret")
            .args([
                "batch",
                "countries.csv",
                "-t",
                "capital",
                "-p",
                "language",
                "English",
            ])
            .args(extra)
            .current_dir(sandbox.path())
            .output()
            .unwrap()
    };

    let dry = batch(&["--dry-run"]);
    assert!(dry.status.success(), "{}", stderr_of(&dry));
    let shown = String::from_utf8_lossy(&dry.stdout);
    assert!(shown.starts_with("POST /v1/chat/completions\n"), "{shown}");
    let body: Value = serde_json::from_str(shown.split_once('\n').unwrap().1).unwrap();
    assert_eq!(body["messages"][0]["content"], "Answer in a few words.");
    assert_eq!(
        body["messages"][1]["content"],
        "What is the capital of France? Answer in English."
    );
    assert_eq!(body["max_tokens"], 12);
    assert!(!sandbox.path().join("out.csv").exists());

    let output = batch(&["-o", "out.csv", "--parallel", "2"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let mut reader = csv::Reader::from_path(sandbox.path().join("out.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(ids, ["fr", "de", "jp"]);
    for row in &rows {
        assert!(row[column("error")].is_empty(), "{row:?}");
        assert!(!row[column("answer")].is_empty(), "{row:?}");
        let tokens: u32 = row[column("completion_tokens")].parse().unwrap();
        assert!((1..=12).contains(&tokens), "{row:?}");
        let ttft: f64 = row[column("ttft_ms")].parse().unwrap();
        assert!(ttft > 0.0, "{row:?}");
    }
    assert!(rows[0][column("answer")].contains("Paris"), "{:?}", rows[0]);
}

#[test]
fn bad_input_is_refused_before_anything_is_sent_naming_its_line() {
    let sandbox = Sandbox::new();
    let cases: [(&str, &str, &str); 5] = [
        (
            "in.jsonl",
            "{\"prompt\": \"a\"}\n{\"prompt\": \"b\"",
            "line 2: not JSON",
        ),
        (
            "in.jsonl",
            "{\"id\": 1, \"prompt\": \"a\"}\n\n{\"id\": \"1\", \"prompt\": \"b\"}\n",
            "the id `1` is on line 1 and line 3",
        ),
        (
            "in.jsonl",
            "{\"custom_id\": \"x\", \"url\": \"/v1/embeddings\", \"body\": {\"input\": \"a\"}}\n",
            "line 1: url \"/v1/embeddings\" is not /v1/chat/completions",
        ),
        (
            "in.csv",
            "id,city\n1,Oslo\n",
            "line 2: column `city` means nothing without a template",
        ),
        ("missing.jsonl", "", "cannot read missing.jsonl"),
    ];
    for (name, text, expected) in cases {
        if name != "missing.jsonl" {
            std::fs::write(sandbox.path().join(name), text).unwrap();
        }
        let output = sandbox
            .cmd()
            .args(["batch", name, "--dry-run"])
            .current_dir(sandbox.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{name}: {text}");
        let stderr = stderr_of(&output);
        assert!(stderr.contains(&format!("error: {expected}")), "{stderr}");
        assert!(stderr.contains("hint: "), "{stderr}");
        let _ = std::fs::remove_file(sandbox.path().join(name));
    }

    // A template's missing variable is named with the row it is missing from.
    std::fs::create_dir_all(sandbox.path().join("templates")).unwrap();
    std::fs::write(
        sandbox.path().join("templates/t.md"),
        "Translate {{text}} into {{language}}.",
    )
    .unwrap();
    std::fs::write(sandbox.path().join("in.csv"), "text\nhello\n").unwrap();
    let output = sandbox
        .cmd()
        .args(["batch", "in.csv", "-t", "t", "--dry-run"])
        .current_dir(sandbox.path())
        .output()
        .unwrap();
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("error: line 2: template `t` needs a value for `language`"),
        "{stderr}"
    );

    // The input is never taken for the output, nor is a file that is not
    // a batch's output appended to.
    std::fs::write(sandbox.path().join("in.jsonl"), "{\"prompt\": \"a\"}\n").unwrap();
    std::fs::write(
        sandbox.path().join("notes.jsonl"),
        "{\"title\": \"mine\"}\n",
    )
    .unwrap();
    for (output, expected) in [
        (
            "in.jsonl",
            "in.jsonl is the input; it cannot be the output too",
        ),
        (
            "notes.jsonl",
            "notes.jsonl is not the output of flashchat batch (line 1",
        ),
    ] {
        let run = sandbox
            .cmd()
            .args(["batch", "in.jsonl", "-o", output, "--dry-run"])
            .current_dir(sandbox.path())
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(1));
        assert!(stderr_of(&run).contains(expected), "{}", stderr_of(&run));
    }
    assert_eq!(
        std::fs::read_to_string(sandbox.path().join("notes.jsonl")).unwrap(),
        "{\"title\": \"mine\"}\n"
    );
}
