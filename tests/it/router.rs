//! The model router: models on disk requested by name from concurrent
//! clients, swapped under `server.max_models`, unloaded when idle, and
//! shown by `flashchat ps`.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::common::{heavy, instruct_model, stderr_of, stdout_of, test_model};
use crate::serve::Server;

const GEMMA: &str = "gemma-3-270m-q4_k_m";
const SMOLLM: &str = "smollm2-135m-instruct.q4_1";

/// A server of Gemma whose models folder also holds SmolLM2.
fn server_with_two_models(env: &[(&str, &str)]) -> Option<Server> {
    let smollm = instruct_model()?;
    test_model()?;
    let server = Server::start_with_env(&["--parallel", "2"], env)?;
    let models = server.sandbox.path().join("models");
    std::fs::create_dir_all(&models).unwrap();
    std::os::unix::fs::symlink(&smollm, models.join("SmolLM2-135M-Instruct.Q4_1.gguf")).unwrap();
    Some(server)
}

/// Four clients, each asking both models in turn; every answer must come
/// from the model it named.
fn ask_both_from_four_clients(server: &Server) {
    let url = server.url("/v1/chat/completions");
    let clients: Vec<_> = (0..4)
        .map(|client| {
            let url = url.clone();
            std::thread::spawn(move || {
                let mut failures = Vec::new();
                for turn in 0..4 {
                    let model = if (client + turn) % 2 == 0 {
                        GEMMA
                    } else {
                        SMOLLM
                    };
                    let body = json!({"model": model, "max_tokens": 3,
                        "messages": [{"role": "user", "content": "Hi"}]});
                    let answer = Server::agent()
                        .post(&url)
                        .header("Content-Type", "application/json")
                        .send(body.to_string().as_bytes());
                    match answer {
                        Ok(mut r) => {
                            let status = r.status().as_u16();
                            let text = r.body_mut().read_to_string().unwrap_or_default();
                            let reply: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                            if status != 200 || reply["model"] != model {
                                failures.push(format!("{model}: {status} {text}"));
                            }
                        }
                        Err(e) => failures.push(format!("{model}: {e}")),
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<String> = clients
        .into_iter()
        .flat_map(|c| c.join().unwrap())
        .collect();
    assert!(failures.is_empty(), "failed requests: {failures:#?}");
}

fn ps(server: &Server) -> Value {
    let output = server.flashchat().args(["ps", "--json"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    serde_json::from_str(&stdout_of(&output)).unwrap()
}

fn loaded(ps: &Value) -> Vec<String> {
    let mut names: Vec<String> = ps["models"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["state"] == "loaded")
        .map(|m| m["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

#[test]
fn two_models_on_disk_answer_by_name_side_by_side() {
    let _guard = heavy();
    let Some(server) = server_with_two_models(&[]) else {
        return;
    };
    let (status, list) = server.get_json("/v1/models");
    assert_eq!(status, 200);
    let states: Vec<(String, String)> = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["id"].as_str().unwrap().into(),
                m["status"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            (GEMMA.into(), "loaded".into()),
            (SMOLLM.into(), "on disk".into())
        ]
    );
    ask_both_from_four_clients(&server);
    let both = ps(&server);
    assert_eq!(loaded(&both), [GEMMA, SMOLLM], "{both}");
    let (status, error) = server.post_json(
        "/v1/chat/completions",
        json!({"model": "gemma-3", "messages": [{"role": "user", "content": "Hi"}], "max_tokens": 2}),
    );
    assert_eq!(status, 404, "{error}");
    assert!(
        error["error"]["message"].as_str().unwrap().contains(GEMMA),
        "{error}"
    );
    // Unloaded on request; loaded again by the next request naming it.
    let output = server
        .flashchat()
        .args(["models", "unload", SMOLLM])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(loaded(&ps(&server)), [GEMMA]);
    // A request's keep_alive replaces the server's: 0 unloads at once.
    let ask = |keep_alive: Value| {
        server.post_json(
            "/v1/chat/completions",
            json!({"model": SMOLLM, "keep_alive": keep_alive, "max_tokens": 2,
                   "messages": [{"role": "user", "content": "Hi"}]}),
        )
    };
    let (status, reply) = ask(json!("soon"));
    assert_eq!(
        (status, &reply["error"]["param"]),
        (400, &json!("keep_alive")),
        "{reply}"
    );
    let (status, reply) = ask(json!(0));
    assert_eq!(status, 200, "{reply}");
    let deadline = Instant::now() + Duration::from_secs(20);
    while loaded(&ps(&server)) != [GEMMA] && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(loaded(&ps(&server)), [GEMMA]);
}

#[test]
fn one_model_at_a_time_swaps_without_a_failed_request_and_idle_models_unload() {
    let _guard = heavy();
    let env = [
        ("FLASHCHAT_SERVER_MAX_MODELS", "1"),
        ("FLASHCHAT_SERVER_KEEP_ALIVE", "4s"),
    ];
    let Some(server) = server_with_two_models(&env) else {
        return;
    };
    ask_both_from_four_clients(&server);
    let busy = ps(&server);
    assert!(loaded(&busy).len() <= 1, "{busy}");
    let resident = busy["memory_bytes"].as_u64().unwrap();
    // Idle for longer than the keep-alive: unloaded, and the memory is given back.
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut idle = ps(&server);
    while !loaded(&idle).is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(250));
        idle = ps(&server);
    }
    assert!(loaded(&idle).is_empty(), "{idle}");
    // The engine is dropped after it leaves the list: its memory follows
    // a moment later (longer on a busy machine).
    let memory = |ps: &Value| ps["memory_bytes"].as_u64().unwrap();
    let deadline = Instant::now() + Duration::from_secs(15);
    while memory(&idle) + (50 << 20) >= resident && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(250));
        idle = ps(&server);
    }
    let after = memory(&idle);
    eprintln!(
        "resident: {} MiB loaded, {} MiB after the idle unload",
        resident >> 20,
        after >> 20
    );
    assert!(after + (50 << 20) < resident, "{resident} -> {after}");
    // The next request loads the model again.
    let (status, reply) = server.post_json(
        "/v1/chat/completions",
        json!({"messages": [{"role": "user", "content": "Hi"}], "max_tokens": 2}),
    );
    assert_eq!(status, 200, "{reply}");
    assert_eq!(reply["model"], GEMMA);
}

/// llama.cpp's own server with the instruct model, stopped when dropped.
pub struct LlamaServer {
    child: std::process::Child,
    pub port: u16,
}

impl LlamaServer {
    pub fn start(tools: &std::path::Path, model: &std::path::Path, key: &str) -> Self {
        let port = crate::common::free_port();
        let child = std::process::Command::new(tools.join("llama-server"))
            .arg("-m")
            .arg(model)
            .args(["--host", "127.0.0.1", "--port", &port.to_string()])
            .args(["-c", "1024", "-np", "1", "-t", "1", "--api-key", key])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("llama-server starts");
        let server = Self { child, port };
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            let health = Server::agent()
                .get(format!("http://127.0.0.1:{port}/health"))
                .call();
            if health.is_ok_and(|r| r.status().as_u16() == 200) {
                return server;
            }
            assert!(
                Instant::now() < deadline,
                "llama-server did not become ready"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

impl Drop for LlamaServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The official client through flashchat to the upstream llama-server:
/// whole and streamed, listed in /v1/models.
const UPSTREAM_SCRIPT: &str = r#"
import sys
from openai import OpenAI

client = OpenAI(base_url=sys.argv[1], api_key="sesame", max_retries=0)
question = [{"role": "user", "content": "What is the capital of France?"}]
whole = client.chat.completions.create(model="remote-smol", messages=question, max_tokens=12, temperature=0)
text = whole.choices[0].message.content
assert text and whole.usage.completion_tokens > 0, whole
chunks = list(client.chat.completions.create(model="remote-smol", messages=question, max_tokens=12,
                                             temperature=0, stream=True))
streamed = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
assert streamed == text, (streamed, text)
listed = {m.id: m.model_extra.get("status") for m in client.models.list().data}
assert listed.get("remote-smol") == "upstream", listed
local = client.chat.completions.create(model="gemma-3-270m-q4_k_m", messages=question, max_tokens=2)
assert local.model == "gemma-3-270m-q4_k_m", local
print("upstream ok")
"#;

#[test]
fn a_model_of_an_upstream_llama_server_is_answered_through_flashchat() {
    let _guard = heavy();
    let (Some(tools), Some(smollm), Some(python)) = (
        crate::common::llama_tools(),
        instruct_model(),
        crate::serve::python_with("openai"),
    ) else {
        return;
    };
    let upstream = LlamaServer::start(&tools, &smollm, "upstream-secret");
    let upstreams = format!(
        r#"[{{ models = ["remote-smol"], url = "http://127.0.0.1:{}/v1", api_key_env = "SMOL_KEY" }}]"#,
        upstream.port
    );
    let env = [
        ("FLASHCHAT_SERVER_UPSTREAMS", upstreams.as_str()),
        ("SMOL_KEY", "upstream-secret"),
    ];
    let Some(server) = Server::start_with_env(&["--api-key", "sesame"], &env) else {
        return;
    };
    crate::serve::run_python_with(&python, UPSTREAM_SCRIPT, &server, &[]);
    let log = std::fs::read_to_string(server.sandbox.path().join("logs/server.log")).unwrap();
    assert!(!log.contains("upstream-secret"), "the key is never logged");
    // The upstream goes away: a 502 that says so, at once.
    drop(upstream);
    let started = Instant::now();
    let (status, reply) = server.post_json(
        "/v1/chat/completions",
        json!({"model": "remote-smol", "messages": [{"role": "user", "content": "Hi"}], "max_tokens": 2}),
    );
    assert_eq!(status, 502, "{reply}");
    assert_eq!(reply["error"]["code"], "upstream_unreachable", "{reply}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}
