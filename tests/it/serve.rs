//! `flashchat serve` against the real model: the daemon's life cycle, the
//! OpenAI wire format, bad input, authentication and cancellation.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::common::{free_port, heavy, stderr_of, stdout_of, Sandbox};

/// A daemon started in a sandbox; stopped (or killed) when dropped.
pub(crate) struct Server {
    pub(crate) sandbox: Sandbox,
    port: u16,
    api_key: Option<String>,
}

impl Server {
    pub(crate) fn start(extra: &[&str]) -> Option<Self> {
        Self::start_with_env(extra, &[])
    }

    pub(crate) fn start_with_env(extra: &[&str], env: &[(&str, &str)]) -> Option<Self> {
        let sandbox = Sandbox::new();
        let cmd = sandbox.with_model()?;
        Self::launch(sandbox, cmd, extra, env)
    }

    /// A server of the instruct model (SmolLM2), for chat templates,
    /// structured output and tools.
    pub(crate) fn start_instruct(extra: &[&str]) -> Option<Self> {
        let sandbox = Sandbox::new();
        let cmd = sandbox.with_instruct_model()?;
        Self::launch(sandbox, cmd, extra, &[])
    }

    fn launch(
        sandbox: Sandbox,
        cmd: assert_cmd::Command,
        extra: &[&str],
        env: &[(&str, &str)],
    ) -> Option<Self> {
        let port = Self::spawn(cmd, extra, env);
        let api_key = extra
            .windows(2)
            .find(|w| w[0] == "--api-key")
            .map(|w| w[1].to_string());
        Some(Self {
            sandbox,
            port,
            api_key,
        })
    }

    /// Stops the instruct model's server and starts it again in the same
    /// home, with `extra`.
    pub(crate) fn restart_instruct(&mut self, extra: &[&str]) {
        let cmd = self
            .sandbox
            .with_instruct_model()
            .expect("the instruct model");
        self.restart(cmd, extra, &[]);
    }

    /// Stops the server and starts `cmd`'s in the same home, with `extra`
    /// and `env`.
    pub(crate) fn restart(
        &mut self,
        cmd: assert_cmd::Command,
        extra: &[&str],
        env: &[(&str, &str)],
    ) {
        let stopped = self.flashchat().args(["serve", "--stop"]).output().unwrap();
        assert!(stopped.status.success(), "{}", stderr_of(&stopped));
        self.port = Self::spawn(cmd, extra, env);
    }

    /// Starts `flashchat serve` on a free port; returns the port.
    fn spawn(mut cmd: assert_cmd::Command, extra: &[&str], env: &[(&str, &str)]) -> u16 {
        let port = free_port();
        let parallel = if extra.contains(&"--parallel") {
            vec![]
        } else {
            vec!["--parallel", "2"]
        };
        let output = cmd
            .args(["serve", "--port", &port.to_string()])
            .args(parallel)
            .args(extra)
            .env("FLASHCHAT_CONTEXT_SIZE", "1024")
            .envs(env.iter().copied())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "serve failed: {}",
            stderr_of(&output)
        );
        assert_eq!(
            stdout_of(&output).trim(),
            format!("http://127.0.0.1:{port}/v1")
        );
        port
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Starts a streamed chat completion and returns its lines as they come.
    fn open_stream(&self, body: &Value) -> std::io::Lines<BufReader<impl Read>> {
        let response = json_post(&self.url("/v1/chat/completions"))
            .send(body.to_string().as_bytes())
            .unwrap();
        BufReader::new(response.into_body().into_reader()).lines()
    }

    /// `GET /health` as JSON.
    /// A GET and its JSON answer.
    pub(crate) fn get_json(&self, path: &str) -> (u16, Value) {
        let response = Self::agent().get(self.url(path)).call().unwrap();
        let status = response.status().as_u16();
        let text = response.into_body().read_to_string().unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    pub(crate) fn health(&self) -> Value {
        let response = Self::agent().get(self.url("/health")).call().unwrap();
        serde_json::from_str(&response.into_body().read_to_string().unwrap()).unwrap()
    }

    /// Polls `/health` until `ready` holds for it (20 s at most).
    fn wait_for_health(&self, ready: impl Fn(&Value) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let health = self.health();
            if ready(&health) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "health never got there: {health}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn pid_file(&self) -> PathBuf {
        self.sandbox.path().join("server.pid")
    }

    fn pid(&self) -> u32 {
        let text = std::fs::read_to_string(self.pid_file()).unwrap();
        serde_json::from_str::<Value>(&text).unwrap()["pid"]
            .as_u64()
            .unwrap() as u32
    }

    pub(crate) fn agent() -> ureq::Agent {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            // Generous: on a loaded CI machine two servers share two cores.
            .timeout_global(Some(Duration::from_secs(300)))
            .build()
            .into()
    }

    pub(crate) fn post(&self, path: &str, body: &[u8]) -> (u16, Value) {
        let mut request = json_post(&self.url(path));
        if let Some(key) = &self.api_key {
            request = request.header("Authorization", format!("Bearer {key}"));
        }
        let mut response = request.send(body).unwrap();
        let status = response.status().as_u16();
        let text = response.body_mut().read_to_string().unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    /// Declares a body of `declared` bytes but sends none of it, and returns
    /// the status line: a server that refuses the body answers at once,
    /// without reading it.
    fn post_oversized(&self, declared: usize) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let head = format!(
            "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n\
             Content-Type: application/json\r\nContent-Length: {declared}\r\n\r\n"
        );
        stream.write_all(head.as_bytes()).unwrap();
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        let text = String::from_utf8_lossy(&response);
        text.lines().next().unwrap_or_default().to_string()
    }

    pub(crate) fn post_json(&self, path: &str, body: Value) -> (u16, Value) {
        self.post(path, body.to_string().as_bytes())
    }

    /// The `data:` payloads of a streamed response.
    pub(crate) fn stream(&self, body: Value) -> Vec<String> {
        let response = json_post(&self.url("/v1/chat/completions"))
            .send(body.to_string().as_bytes())
            .unwrap();
        assert_eq!(response.status().as_u16(), 200);
        let reader = BufReader::new(response.into_body().into_reader());
        reader
            .lines()
            .map(Result::unwrap)
            .filter_map(|l| l.strip_prefix("data: ").map(str::to_string))
            .collect()
    }

    pub(crate) fn flashchat(&self) -> assert_cmd::Command {
        self.sandbox.cmd()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self
            .flashchat()
            .args(["serve", "--stop", "--force"])
            .output();
    }
}

/// Whether a process exists and has not exited (a zombie has).
fn process_runs(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .is_some_and(|state| state != "Z" && state != "X")
    })
}

/// A POST with a JSON body, as every client sends one.
fn json_post(url: &str) -> ureq::RequestBuilder<ureq::typestate::WithBody> {
    Server::agent()
        .post(url)
        .header("Content-Type", "application/json")
}

fn chat_body(content: &str, max_tokens: i64) -> Value {
    json!({
        "model": "gemma-3-270m-q4_k_m",
        "messages": [{"role": "user", "content": content}],
        "max_tokens": max_tokens,
        "temperature": 0,
    })
}

#[test]
fn the_daemon_starts_reports_and_stops() {
    let Some(server) = Server::start(&[]) else {
        return;
    };
    let status = server
        .flashchat()
        .args(["status", "--json"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(json["server"]["running"], true);
    assert_eq!(json["server"]["pid"], server.pid());

    let pid = server.pid();
    let before = std::fs::read(server.pid_file()).unwrap();
    let again = server.flashchat().arg("serve").output().unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr_of(&again).contains("a server is already running"));
    assert_eq!(std::fs::read(server.pid_file()).unwrap(), before);

    let stop = server
        .flashchat()
        .args(["serve", "--stop"])
        .output()
        .unwrap();
    assert!(stop.status.success(), "{}", stderr_of(&stop));
    assert!(stderr_of(&stop).contains("Stopped the server"));
    assert!(!server.pid_file().exists());
    // `--stop` returns once the process is gone, so its port is free at once.
    assert!(
        !process_runs(pid),
        "pid {pid} still runs after `serve --stop`"
    );
    assert!(TcpListener::bind(("127.0.0.1", server.port)).is_ok());
    let status = server
        .flashchat()
        .args(["status", "--json"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(json["server"]["running"], false);
    let log = server
        .flashchat()
        .args(["serve", "--logs"])
        .output()
        .unwrap();
    assert!(stdout_of(&log).contains("model loaded"));
}

#[test]
fn a_killed_server_leaves_a_stale_file_that_is_detected_not_signalled() {
    let Some(server) = Server::start(&[]) else {
        return;
    };
    let pid = server.pid();
    assert!(std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap()
        .success());
    let deadline = Instant::now() + Duration::from_secs(5);
    while std::path::Path::new(&format!("/proc/{pid}")).exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(server.pid_file().exists());
    let status = server.flashchat().arg("status").output().unwrap();
    assert!(
        stdout_of(&status).contains("stale PID file"),
        "{}",
        stdout_of(&status)
    );
    let stop = server
        .flashchat()
        .args(["serve", "--stop"])
        .output()
        .unwrap();
    assert!(stop.status.success());
    assert!(stderr_of(&stop).contains("removed the stale PID file"));
    assert!(!server.pid_file().exists());
}

#[test]
fn a_busy_port_is_named_with_the_next_free_one() {
    let sandbox = Sandbox::new();
    let Some(mut cmd) = sandbox.with_model() else {
        return;
    };
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let output = cmd
        .args(["serve", "--port", &port.to_string()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr_of(&output);
    assert!(err.contains(&format!("port {port} is in use")), "{err}");
    assert!(err.contains("flashchat serve --port"), "{err}");
    assert!(!sandbox.path().join("server.pid").exists());
}

#[test]
fn chat_completions_follow_the_openai_wire_format() {
    let Some(server) = Server::start(&[]) else {
        return;
    };
    let (status, body) = server.post_json("/v1/chat/completions", chat_body("Once upon a time", 8));
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["object"], "chat.completion");
    assert_eq!(body["choices"][0]["message"]["role"], "assistant");
    assert_eq!(body["choices"][0]["finish_reason"], "length");
    assert_eq!(body["usage"]["completion_tokens"], 8);
    let whole = body["choices"][0]["message"]["content"]
        .as_str()
        .unwrap()
        .to_string();

    let mut streamed = chat_body("Once upon a time", 8);
    streamed["stream"] = json!(true);
    streamed["stream_options"] = json!({"include_usage": true});
    let data = server.stream(streamed);
    assert_eq!(data.last().unwrap(), "[DONE]");
    let chunks: Vec<Value> = data[..data.len() - 1]
        .iter()
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    let id = &chunks[0]["id"];
    assert!(chunks
        .iter()
        .all(|c| &c["id"] == id && c["created"] == chunks[0]["created"]));
    assert!(chunks
        .iter()
        .all(|c| c["object"] == "chat.completion.chunk"));
    assert_eq!(chunks[0]["choices"][0]["delta"]["role"], "assistant");
    let finishes: Vec<&Value> = chunks
        .iter()
        .filter_map(|c| c["choices"].get(0))
        .filter(|c| !c["finish_reason"].is_null())
        .collect();
    assert_eq!(finishes.len(), 1);
    assert_eq!(finishes[0]["finish_reason"], "length");
    let usage = chunks.last().unwrap();
    assert_eq!(usage["choices"], json!([]));
    assert_eq!(usage["usage"]["completion_tokens"], 8);
    let text: String = chunks
        .iter()
        .filter_map(|c| {
            c["choices"].get(0)?["delta"]["content"]
                .as_str()
                .map(str::to_string)
        })
        .collect();
    assert_eq!(text, whole, "streamed and whole answers agree");

    let (status, body) = server.post_json(
        "/v1/completions",
        json!({"prompt": "Once upon a time", "max_tokens": 4, "temperature": 0, "stop": ["zzz"]}),
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["object"], "text_completion");
    assert_eq!(body["usage"]["completion_tokens"], 4);

    let models = Server::agent()
        .get(server.url("/v1/models"))
        .call()
        .unwrap();
    let models: Value =
        serde_json::from_str(&models.into_body().read_to_string().unwrap()).unwrap();
    assert_eq!(models["data"][0]["id"], "gemma-3-270m-q4_k_m");

    let health = server.health();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["slots_busy"], 0);
    assert_eq!(health["requests_served"], 3);
    let metrics = Server::agent().get(server.url("/metrics")).call().unwrap();
    let metrics = metrics.into_body().read_to_string().unwrap();
    assert!(
        metrics.contains("flashchat_completions_total 3\n"),
        "{metrics}"
    );
    assert!(
        metrics.contains("flashchat_completion_tokens_total 20\n"),
        "{metrics}"
    );
    assert!(metrics.contains("flashchat_time_to_first_token_seconds_count 3\n"));
    // The CPU-only build: no GPU memory to report, and ps says so.
    assert!(!metrics.contains("flashchat_device_memory"), "{metrics}");
    assert!(health.get("devices").is_none(), "{health}");
    assert_eq!(health["models"][0]["device_memory_bytes"], 0);
    assert!(health["models"][0].get("offloaded_layers").is_none());
    let ps = stdout_of(&server.flashchat().arg("ps").output().unwrap());
    let header = ps
        .lines()
        .find(|l| l.starts_with("NAME"))
        .unwrap_or_default();
    let row = ps
        .lines()
        .find(|l| l.starts_with("gemma"))
        .unwrap_or_default();
    assert!(
        header.trim_end().ends_with("GPU") && row.trim_end().ends_with("CPU"),
        "{ps}"
    );
}

#[test]
fn bad_input_gets_4xx_and_the_server_keeps_working() {
    let Some(server) = Server::start(&[]) else {
        return;
    };
    let garbage: Vec<u8> = (0..1 << 20).map(|i| (i * 7 % 251) as u8).collect();
    let cases: Vec<(&str, Vec<u8>, u16)> = vec![
        ("malformed JSON", b"{\"messages\": [".to_vec(), 400),
        ("wrong type", br#"{"messages": "hello"}"#.to_vec(), 400),
        ("missing messages", br#"{"max_tokens": 3}"#.to_vec(), 400),
        ("empty messages", br#"{"messages": []}"#.to_vec(), 400),
        (
            "unknown role",
            br#"{"messages": [{"role": "wizard", "content": "hi"}]}"#.to_vec(),
            400,
        ),
        (
            "max_tokens 0",
            br#"{"messages": [{"role": "user", "content": "hi"}], "max_tokens": 0}"#.to_vec(),
            400,
        ),
        (
            "max_tokens -3",
            br#"{"messages": [{"role": "user", "content": "hi"}], "max_tokens": -3}"#.to_vec(),
            400,
        ),
        (
            "temperature string",
            br#"{"messages": [{"role": "user", "content": "hi"}], "temperature": "hot"}"#.to_vec(),
            400,
        ),
        (
            "invalid UTF-8",
            b"{\"messages\": [{\"role\": \"user\", \"content\": \"\xff\xfe\"}]}".to_vec(),
            400,
        ),
        ("1 MiB garbage", garbage, 400),
        (
            "unknown model",
            br#"{"model": "gpt-9", "messages": [{"role": "user", "content": "hi"}]}"#.to_vec(),
            404,
        ),
    ];
    for (name, body, expected) in cases {
        let started = Instant::now();
        let (status, json) = server.post("/v1/chat/completions", &body);
        assert_eq!(status, expected, "{name}: {json}");
        assert!(json["error"]["message"].is_string(), "{name}: {json}");
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{name} took too long"
        );
    }
    assert_eq!(
        server.post_oversized(9 << 20),
        "HTTP/1.1 413 Payload Too Large"
    );
    let long = "word ".repeat(2000);
    let (status, json) = server.post_json("/v1/chat/completions", chat_body(&long, 4));
    assert_eq!(status, 400);
    assert_eq!(json["error"]["type"], "exceed_context_size_error");
    assert_eq!(json["error"]["n_ctx"], 1024);
    assert!(json["error"]["n_prompt_tokens"].as_u64().unwrap() > 1024);

    let (status, json) = server.post("/v1/nothing-here", b"{}");
    assert_eq!(status, 404, "{json}");

    let (status, _) = server.post_json("/v1/chat/completions", chat_body("Hello", 2));
    assert_eq!(status, 200, "a valid request still succeeds");
}

#[test]
fn the_api_key_guards_every_route_but_health() {
    let Some(mut server) = Server::start(&["--api-key", "sesame"]) else {
        return;
    };
    let (status, _) = server.post_json("/v1/chat/completions", chat_body("Hello", 2));
    assert_eq!(status, 200);
    server.api_key = Some("wrong".into());
    let (status, json) = server.post_json("/v1/chat/completions", chat_body("Hello", 2));
    assert_eq!(status, 401, "{json}");
    assert_eq!(json["error"]["type"], "authentication_error");
    let models = Server::agent()
        .get(server.url("/v1/models"))
        .call()
        .unwrap();
    assert_eq!(models.status().as_u16(), 401);
    let health = Server::agent().get(server.url("/health")).call().unwrap();
    assert_eq!(health.status().as_u16(), 200);
}

/// Sends `head` (and `body`) as one raw HTTP/1.1 request and returns the
/// status line: no client library adds or fixes a header on the way.
fn raw_request(port: u16, head: &str, body: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let request = format!(
        "{head}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response.lines().next().unwrap_or_default().to_string()
}

#[test]
fn the_host_guard_refuses_rebinding_names_and_answers_allowed_hosts() {
    let env = [("FLASHCHAT_SERVER_ALLOWED_HOSTS", "chat.example.com, .lan")];
    let Some(server) = Server::start_with_env(&[], &env) else {
        return;
    };
    let port = server.port;
    let get = |host: &str| {
        raw_request(
            port,
            &format!("GET /v1/models HTTP/1.1\r\nHost: {host}"),
            "",
        )
    };
    for host in [
        "evil.example".to_string(),
        "127.evil.example".into(),
        format!("127.evil.example:{port}"),
        "127.0.0.1.nip.io".into(),
        "[::1].evil.example".into(),
        "localhost.evil.example".into(),
        "0x7f.1".into(),
        "other.example.com".into(),
        "chat.example.com.evil".into(),
    ] {
        assert_eq!(get(&host), "HTTP/1.1 403 Forbidden", "Host: {host}");
    }
    for host in [
        "localhost".to_string(),
        "LOCALHOST".into(),
        "localhost.".into(),
        format!("localhost:{port}"),
        "127.0.0.1".into(),
        format!("127.0.0.2:{port}"),
        "[::1]".into(),
        format!("[::1]:{port}"),
        "chat.example.com".into(),
        format!("box.lan:{port}"),
    ] {
        assert_eq!(get(&host), "HTTP/1.1 200 OK", "Host: {host}");
    }
    // The guard stands in front of model switching too.
    let switch = raw_request(
        port,
        "POST /admin/model HTTP/1.1\r\nHost: 127.evil.example\r\nContent-Type: application/json",
        r#"{"path": "/etc/passwd"}"#,
    );
    assert_eq!(switch, "HTTP/1.1 403 Forbidden");

    let bad = crate::common::Sandbox::new()
        .with_model()
        .unwrap()
        .args(["serve", "--port", &free_port().to_string()])
        .env("FLASHCHAT_SERVER_ALLOWED_HOSTS", "http://proxy.example")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1), "{}", stderr_of(&bad));
    let stderr = stderr_of(&bad);
    assert!(
        stderr.contains("error: server.allowed_hosts: `http://proxy.example` is not a host"),
        "{stderr}"
    );
    assert!(stderr.contains(".example.com"), "{stderr}");
}

#[test]
fn bodies_must_be_json_and_foreign_web_origins_are_refused() {
    let env = [("FLASHCHAT_SERVER_CORS_ORIGINS", "http://app.example")];
    let Some(server) = Server::start_with_env(&[], &env) else {
        return;
    };
    let body = chat_body("Hi", 1).to_string();
    let post = |headers: &str| {
        raw_request(
            server.port,
            &format!("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1{headers}"),
            &body,
        )
    };
    // What a web page can send cross-site without a CORS preflight.
    for content_type in [
        "",
        "\r\nContent-Type: text/plain",
        "\r\nContent-Type: text/plain;charset=UTF-8",
        "\r\nContent-Type: application/x-www-form-urlencoded",
        "\r\nContent-Type: multipart/form-data; boundary=x",
    ] {
        assert_eq!(
            post(content_type),
            "HTTP/1.1 415 Unsupported Media Type",
            "{content_type:?}"
        );
    }
    let (status, json) =
        server.post_json("/v1/completions", json!({"prompt": "Hi", "max_tokens": 1}));
    assert_eq!(status, 200, "{json}");
    assert_eq!(
        post("\r\nContent-Type: application/json; charset=utf-8"),
        "HTTP/1.1 200 OK"
    );
    // A page on another origin is refused, not merely denied the CORS header.
    for origin in ["http://evil.example", "null", "http://app.example.evil"] {
        assert_eq!(
            post(&format!(
                "\r\nContent-Type: application/json\r\nOrigin: {origin}"
            )),
            "HTTP/1.1 403 Forbidden",
            "{origin}"
        );
    }
    assert_eq!(
        post("\r\nContent-Type: application/json\r\nOrigin: http://app.example"),
        "HTTP/1.1 200 OK"
    );
}

#[test]
fn an_aborted_stream_frees_its_slot_at_once() {
    let Some(server) = Server::start(&["--parallel", "1"]) else {
        return;
    };
    let mut body = chat_body("Once upon a time", 1000);
    body["stream"] = json!(true);
    let mut lines = server.open_stream(&body);
    let mut chunks = 0;
    while chunks < 3 {
        if lines.next().unwrap().unwrap().starts_with("data: ") {
            chunks += 1;
        }
    }
    drop(lines);
    let started = Instant::now();
    let (status, json) = server.post_json("/v1/chat/completions", chat_body("Hello", 2));
    assert_eq!(status, 200, "{json}");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "the next request waited {:?}",
        started.elapsed()
    );
}

#[test]
fn stopping_ends_open_streams_with_a_final_chunk() {
    let Some(server) = Server::start(&[]) else {
        return;
    };
    let mut body = chat_body("Once upon a time", 1000);
    body["stream"] = json!(true);
    let mut lines = server.open_stream(&body);
    let mut data = Vec::new();
    while data.len() < 3 {
        if let Some(d) = lines.next().unwrap().unwrap().strip_prefix("data: ") {
            data.push(d.to_string());
        }
    }
    let started = Instant::now();
    let stop = server
        .flashchat()
        .args(["serve", "--stop"])
        .output()
        .unwrap();
    assert!(stop.status.success(), "{}", stderr_of(&stop));
    assert!(started.elapsed() < Duration::from_secs(10));
    data.extend(
        lines
            .map_while(Result::ok)
            .filter_map(|l| l.strip_prefix("data: ").map(str::to_string)),
    );
    assert_eq!(data.last().map(String::as_str), Some("[DONE]"));
    let last_chunk: Value = serde_json::from_str(&data[data.len() - 2]).unwrap();
    assert_eq!(last_chunk["choices"][0]["finish_reason"], "stop");
    assert!(!server.pid_file().exists());
}

#[test]
fn prompt_uses_a_running_server_or_server_url_and_local_bypasses_it() {
    let Some(server) = Server::start(&[]) else {
        return;
    };
    let args = [
        "prompt",
        "Once upon a time",
        "-n",
        "6",
        "--temperature",
        "0",
        "--json",
    ];
    let served_before = || {
        let health = server.health();
        health["requests_served"].as_u64().unwrap()
    };
    let base = served_before();
    let output = server
        .sandbox
        .with_model()
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let via_server: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        via_server["model"],
        format!("http://127.0.0.1:{}/v1", server.port)
    );
    assert_eq!(via_server["usage"]["completion_tokens"], 6);
    assert_eq!(served_before(), base + 1);

    let output = server
        .sandbox
        .with_model()
        .unwrap()
        .args(args)
        .arg("--local")
        .output()
        .unwrap();
    let local: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(local["model"].as_str().unwrap().ends_with(".gguf"));
    assert_eq!(
        local["text"], via_server["text"],
        "same greedy text either way"
    );
    assert_eq!(served_before(), base + 1);

    // Another home with no server of its own, pointed at this one.
    let elsewhere = Sandbox::new();
    let output = elsewhere
        .cmd()
        .args(args)
        .env("FLASHCHAT_SERVER_URL", server.url("/v1"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(served_before(), base + 2);
}

#[test]
fn use_server_always_without_a_server_is_an_error() {
    let sandbox = Sandbox::new();
    let Some(mut cmd) = sandbox.with_model() else {
        return;
    };
    let output = cmd
        .args(["prompt", "hi"])
        .env("FLASHCHAT_USE_SERVER", "always")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).starts_with("error: no flashchat server is running"));
}

#[test]
fn cors_allows_only_configured_origins_and_the_body_limit_is_configurable() {
    let env = [
        (
            "FLASHCHAT_SERVER_CORS_ORIGINS",
            "http://app.example, http://other.example",
        ),
        ("FLASHCHAT_SERVER_MAX_BODY_MB", "1"),
    ];
    let Some(server) = Server::start_with_env(&[], &env) else {
        return;
    };
    let origin_of = |origin: &str, method: &str| {
        let request = ureq::http::Request::builder()
            .method(method)
            .uri(server.url("/v1/models"))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .body(())
            .unwrap();
        let response = Server::agent().run(request).unwrap();
        let allowed = response
            .headers()
            .get("access-control-allow-origin")
            .map(|v| v.to_str().unwrap().to_string());
        (response.status().as_u16(), allowed)
    };
    assert_eq!(
        origin_of("http://app.example", "GET"),
        (200, Some("http://app.example".into()))
    );
    assert_eq!(origin_of("http://evil.example", "GET"), (403, None));
    assert_eq!(origin_of("http://evil.example", "OPTIONS"), (403, None));
    assert_eq!(
        origin_of("http://other.example", "OPTIONS"),
        (204, Some("http://other.example".into()))
    );

    assert_eq!(
        server.post_oversized(2 << 20),
        "HTTP/1.1 413 Payload Too Large"
    );
}

/// The finish reason and the timings of one streamed chat completion.
fn streamed_finish(server: &Server, body: Value) -> (String, Value) {
    let data = server.stream(body);
    assert_eq!(data.last().map(String::as_str), Some("[DONE]"));
    let chunks: Vec<Value> = data[..data.len() - 1]
        .iter()
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    let finish = chunks
        .iter()
        .filter_map(|c| {
            c["choices"].get(0)?["finish_reason"]
                .as_str()
                .map(str::to_string)
        })
        .next()
        .expect("a finish reason");
    let timings = chunks.last().unwrap()["timings"].clone();
    (finish, timings)
}

#[test]
fn eight_clients_times_five_requests_on_four_slots_all_complete() {
    let Some(server) = Server::start(&["--parallel", "4"]) else {
        return;
    };
    std::thread::scope(|scope| {
        for client in 0..8 {
            let server = &server;
            scope.spawn(move || {
                for request in 0..5 {
                    let mut body =
                        chat_body(&format!("Client {client} asks question {request}"), 8);
                    body["stream"] = json!(true);
                    body["stream_options"] = json!({"include_usage": true});
                    let (finish, _) = streamed_finish(server, body);
                    assert_eq!(finish, "length");
                }
            });
        }
    });
    let health = server.health();
    assert_eq!(health["requests_served"], 40);
    assert_eq!(health["slots_busy"], 0);
}

#[test]
fn the_next_turn_reuses_the_cache_while_other_slots_are_busy() {
    let _guard = heavy();
    let Some(server) = Server::start(&["--parallel", "3"]) else {
        return;
    };
    let history = "Tell me about the old harbour town and its fishermen. ".repeat(70);
    let first = json!({
        "messages": [{"role": "user", "content": history}],
        "max_tokens": 16, "temperature": 0, "stream": true,
        "stream_options": {"include_usage": true},
    });
    let (_, first_timings) = streamed_finish(&server, first.clone());
    let reply = server.post_json("/v1/chat/completions", {
        let mut b = first.clone();
        b["stream"] = json!(false);
        b
    });
    let reply_text = reply.1["choices"][0]["message"]["content"]
        .as_str()
        .unwrap()
        .to_string();
    std::thread::scope(|scope| {
        // Two long generations keep the other slots busy meanwhile.
        for i in 0..2 {
            let server = &server;
            scope.spawn(move || {
                let mut body = chat_body(&format!("Busy story number {i}"), 100);
                body["stream"] = json!(true);
                streamed_finish(server, body);
            });
        }
        std::thread::sleep(Duration::from_millis(300));
        let second = json!({
            "messages": [
                {"role": "user", "content": history},
                {"role": "assistant", "content": reply_text},
                {"role": "user", "content": "And what happened to the lighthouse?"},
            ],
            "max_tokens": 8, "temperature": 0, "stream": true,
            "stream_options": {"include_usage": true},
        });
        let (_, timings) = streamed_finish(&server, second);
        let cached = timings["cached_tokens"].as_u64().unwrap();
        assert!(
            cached + 4 >= first_timings["cached_tokens"].as_u64().unwrap() + 700,
            "the follow-up reused only {cached} tokens: {timings}"
        );
    });
}

/// Checks made with the official `openai` Python package.
const OPENAI_CLIENT_SCRIPT: &str = r#"
import sys
from openai import OpenAI

client = OpenAI(base_url=sys.argv[1], api_key="unused")
model = "gemma-3-270m-q4_k_m"
messages = [{"role": "user", "content": "Once upon a time"}]
whole = client.chat.completions.create(model=model, messages=messages, max_tokens=8, temperature=0)
assert whole.choices[0].finish_reason == "length", whole
assert whole.usage.completion_tokens == 8, whole.usage
chunks = list(client.chat.completions.create(
    model=model, messages=messages, max_tokens=8, temperature=0,
    stream=True, stream_options={"include_usage": True}))
streamed = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
assert streamed == whole.choices[0].message.content, (streamed, whole)
assert sum(1 for c in chunks if c.choices and c.choices[0].finish_reason) == 1
assert chunks[-1].usage.completion_tokens == 8
text = client.completions.create(model=model, prompt="Hello", max_tokens=4, temperature=0)
assert text.usage.completion_tokens == 4, text
assert [m.id for m in client.models.list().data] == [model]
# Fields that describe the caller, or ask for the default, are accepted ...
ok = client.chat.completions.create(model=model, messages=messages, max_tokens=2,
    user="me", metadata={"run": "test"}, store=False, n=1, logprobs=False)
assert ok.usage.completion_tokens == 2, ok
# ... and what flashchat does not do is refused by name, never ignored.
import openai
tool = {"type": "function", "function": {"name": "now", "parameters": {"type": "object"}}}
for extra, field in [({"extra_body": {"functions": [tool["function"]]}}, "functions"),
                     ({"extra_body": {"mirostat": 2}}, "mirostat")]:
    try:
        client.chat.completions.create(model=model, messages=messages, max_tokens=2, **extra)
        raise SystemExit(f"{field} was accepted")
    except openai.BadRequestError as e:
        assert e.status_code == 400 and e.body["param"] == field, (field, e.body)
        assert e.body["code"] == "unsupported_field", e.body
# Log-probabilities, whole and streamed: one entry per token, the greedy
# choice first among the alternatives, the same figures both ways.
whole = client.chat.completions.create(model=model, messages=messages, max_tokens=6, temperature=0,
    logprobs=True, top_logprobs=3)
content = whole.choices[0].logprobs.content
assert len(content) == whole.usage.completion_tokens == 6, whole
for entry in content:
    assert entry.logprob <= 0 and len(entry.top_logprobs) == 3, entry
    assert entry.top_logprobs[0].token == entry.token, entry
    assert [t.logprob for t in entry.top_logprobs] == sorted((t.logprob for t in entry.top_logprobs), reverse=True)
    assert bytes(entry.bytes).decode("utf-8", "replace") == entry.token
assert "".join(e.token for e in content) == whole.choices[0].message.content
streamed = [e for c in client.chat.completions.create(model=model, messages=messages, max_tokens=6,
            temperature=0, logprobs=True, top_logprobs=3, stream=True)
            if c.choices and c.choices[0].logprobs for e in c.choices[0].logprobs.content]
# (Within float noise: a reused prompt cache decodes in other batch shapes.)
assert [e.token for e in streamed] == [e.token for e in content], (streamed, content)
assert all(abs(a.logprob - b.logprob) < 0.05 for a, b in zip(streamed, content)), (streamed, content)
plain = client.chat.completions.create(model=model, messages=messages, max_tokens=2)
assert plain.choices[0].logprobs is None
# n: several answers to one prompt (decoded once), each a choice.
two = client.chat.completions.create(model=model, messages=messages, max_tokens=5, temperature=0.8, seed=3, n=2)
assert [c.index for c in two.choices] == [0, 1], two
assert all(c.message.content and c.finish_reason == "length" for c in two.choices), two
assert two.usage.completion_tokens == 10 and two.usage.total_tokens == two.usage.prompt_tokens + 10, two.usage
chunks = list(client.chat.completions.create(model=model, messages=messages, max_tokens=5, temperature=0.8,
    seed=3, n=2, stream=True, stream_options={"include_usage": True}))
texts = {0: "", 1: ""}
finishes = []
for c in chunks:
    for choice in c.choices:
        texts[choice.index] += choice.delta.content or ""
        if choice.finish_reason:
            finishes.append((choice.index, choice.finish_reason))
assert sorted(finishes) == [(0, "length"), (1, "length")], finishes
assert all(texts.values()), texts
assert chunks[-1].usage.completion_tokens == 10, chunks[-1]
try:
    client.chat.completions.create(model=model, messages=messages, max_tokens=2, n=3)
    raise SystemExit("n=3 was accepted by a 2-slot server")
except openai.BadRequestError as e:
    assert e.body["param"] == "n" and "at most 2" in e.body["message"], e.body
for extra in ({"top_logprobs": 2}, {"logprobs": True, "top_logprobs": 21}):
    try:
        client.chat.completions.create(model=model, messages=messages, max_tokens=2, **extra)
        raise SystemExit(f"{extra} was accepted")
    except openai.BadRequestError as e:
        assert e.body["param"] == "top_logprobs", e.body
try:
    client.completions.create(model=model, prompt="Hello", max_tokens=2, echo=True)
    raise SystemExit("echo was accepted")
except openai.BadRequestError as e:
    assert e.body["param"] == "echo", e.body
# Completions: a list of prompts, n answers each, log-probabilities in the
# legacy shape; choices are numbered prompt by prompt.
many = client.completions.create(model=model, prompt=["Hello", "The sky is"], n=2, max_tokens=3,
    temperature=0.8, seed=1, logprobs=2)
assert [c.index for c in many.choices] == [0, 1, 2, 3], many
for c in many.choices:
    lp = c.logprobs
    assert len(lp.tokens) == len(lp.token_logprobs) == len(lp.top_logprobs) == len(lp.text_offset) == 3, lp
    assert "".join(lp.tokens) == c.text and lp.text_offset[0] == 0, (lp, c.text)
    assert all(len(top) == 2 for top in lp.top_logprobs), lp
assert many.usage.completion_tokens == 12, many.usage
streamed = {}
for chunk in client.completions.create(model=model, prompt=["Hello", "The sky is"], max_tokens=3, temperature=0,
        logprobs=1, stream=True):
    for c in chunk.choices:
        streamed.setdefault(c.index, []).extend(c.logprobs.tokens if c.logprobs else [])
assert sorted(streamed) == [0, 1] and all(len(t) == 3 for t in streamed.values()), streamed
# Token ids as the prompt, one list or several.
ids = client.completions.create(model=model, prompt=[2, 9259, 236764], max_tokens=2, temperature=0)
assert ids.choices[0].text and ids.usage.prompt_tokens == 3, ids
lists = client.completions.create(model=model, prompt=[[2, 9259], [2, 818]], max_tokens=2, temperature=0)
assert len(lists.choices) == 2 and lists.usage.prompt_tokens == 4, lists
# logit_bias: +100 on one token makes it the only choice; a bad one is a 400.
forced = client.completions.create(model=model, prompt="Hello", max_tokens=3, temperature=0,
    logit_bias={"9259": 100}, logprobs=0)
assert len(set(forced.choices[0].logprobs.tokens)) == 1, forced
for bias, field in [({"a": 1}, "logit_bias"), ({"9259": 101}, "logit_bias"), ({"999999999": 1}, "logit_bias")]:
    try:
        client.completions.create(model=model, prompt="Hello", max_tokens=2, logit_bias=bias)
        raise SystemExit(f"{bias} was accepted")
    except openai.BadRequestError as e:
        assert e.body["param"] == field, e.body
for prompt in ([999999999], [], [[]]):
    try:
        client.completions.create(model=model, prompt=prompt, max_tokens=2)
        raise SystemExit(f"{prompt} was accepted")
    except openai.BadRequestError as e:
        assert e.body["param"] == "prompt", e.body
print("openai client ok")
"#;

/// The Python with the official `openai` package, or `None` (skip) outside CI.
pub(crate) fn openai_python() -> Option<String> {
    python_with("openai")
}

/// The Python that can import `package`, or `None` (skip) outside CI.
pub(crate) fn python_with(package: &str) -> Option<String> {
    let python = std::env::var("FLASHCHAT_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let has_package = std::process::Command::new(&python)
        .args(["-c", &format!("import {package}")])
        .status()
        .is_ok_and(|s| s.success());
    if !has_package {
        assert!(
            std::env::var("CI").ok().as_deref() != Some("true"),
            "the {package} package is missing (scripts/test.sh installs it)"
        );
        eprintln!("skipping: {python} has no {package} package");
        return None;
    }
    Some(python)
}

#[test]
fn the_official_openai_python_client_works() {
    let _guard = heavy();
    let Some(python) = openai_python() else {
        return;
    };
    let Some(server) = Server::start(&[]) else {
        return;
    };
    run_python(&python, OPENAI_CLIENT_SCRIPT, &server);
}

#[test]
fn a_full_queue_gets_503_with_retry_after() {
    let Some(server) = Server::start(&["--parallel", "1"]) else {
        return;
    };
    let mut busy = chat_body("Once upon a time", 2000);
    busy["stream"] = json!(true);
    let mut lines = server.open_stream(&busy);
    lines.next();
    // One slot, sixteen places in the queue: fill them, then one more.
    let queued: Vec<_> = (0..16)
        .map(|_| {
            let url = server.url("/v1/chat/completions");
            std::thread::spawn(move || {
                json_post(&url)
                    .send(chat_body("Hi", 1).to_string().as_bytes())
                    .map(|r| r.status().as_u16())
            })
        })
        .collect();
    server.wait_for_health(|h| h["queued"] == 16);
    let refused = json_post(&server.url("/v1/chat/completions"))
        .send(chat_body("One too many", 1).to_string().as_bytes())
        .unwrap();
    assert_eq!(refused.status().as_u16(), 503);
    assert_eq!(refused.headers().get("retry-after").unwrap(), "1");
    drop(lines);
    for handle in queued {
        assert_eq!(handle.join().unwrap().unwrap(), 200);
    }
}

/// Status, `Retry-After` and error code of one non-streamed request, or
/// what went wrong with the connection.
fn answer_of(url: &str, body: &Value) -> Result<(u16, Option<String>, Value), String> {
    let mut response = json_post(url)
        .send(body.to_string().as_bytes())
        .map_err(|e| e.to_string())?;
    let retry_after = response
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_string());
    let text = response
        .body_mut()
        .read_to_string()
        .map_err(|e| e.to_string())?;
    let json = serde_json::from_str(&text).map_err(|_| format!("not JSON: {text}"))?;
    Ok((response.status().as_u16(), retry_after, json))
}

#[test]
fn a_burst_gets_exactly_slots_plus_queue_and_sigterm_answers_every_accepted_request() {
    // 200 client threads and a generation: heavy enough to keep to itself.
    let _guard = crate::common::heavy();
    let Some(server) = Server::start(&["--parallel", "1"]) else {
        return;
    };
    // 200 long non-streamed requests at the same moment on an idle server:
    // one slot and sixteen queue places take 17 of them.
    let (answers, answered) = std::sync::mpsc::channel();
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(200));
    for _ in 0..200 {
        let url = server.url("/v1/chat/completions");
        let barrier = std::sync::Arc::clone(&barrier);
        let answers = answers.clone();
        std::thread::spawn(move || {
            barrier.wait();
            let _ = answers.send(answer_of(&url, &chat_body("Once upon a time", 2000)));
        });
    }
    drop(answers);
    let log_file = server.sandbox.path().join("logs/server.log");
    let log_tail = || {
        let log = std::fs::read_to_string(&log_file).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    };
    let next = || {
        let (status, retry_after, json) = answered
            .recv_timeout(Duration::from_secs(60))
            .expect("an answer")
            .unwrap_or_else(|e| {
                panic!(
                    "a request got no answer ({e}); the server log:\n{}",
                    log_tail()
                )
            });
        if status == 503 {
            assert_eq!(retry_after.as_deref(), Some("1"));
        }
        let code = json["error"]["code"].as_str().map(str::to_string);
        (
            status,
            code.unwrap_or_else(|| json["choices"][0]["finish_reason"].to_string()),
        )
    };
    for _ in 0..200 - 17 {
        assert_eq!(next(), (503, "queue_full".into()));
    }
    server.wait_for_health(|h| h["slots_busy"] == 1 && h["queued"] == 16);

    let term = std::process::Command::new("kill")
        .args(["-TERM", &server.pid().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    // The waiting ones hear at once; the running answer finishes, or is
    // cut short with what it has before the process ends.
    for _ in 0..16 {
        assert_eq!(next(), (503, "shutting_down".into()));
    }
    let (status, finish) = next();
    assert_eq!(status, 200, "{finish}");
    // It exits by itself once every connection is answered, not by the timer.
    let deadline = Instant::now() + Duration::from_secs(15);
    let log = loop {
        let log = std::fs::read_to_string(&log_file).unwrap();
        if log.lines().any(|l| l.ends_with(" INFO stopped")) || log.contains("still open") {
            break log;
        }
        assert!(Instant::now() < deadline, "the server did not exit: {log}");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(!log.contains("still open"), "{log}");
    assert!(!server.pid_file().exists());
}

#[test]
fn models_use_switches_the_running_server_without_failing_a_request() {
    let Some(server) = Server::start(&[]) else {
        return;
    };
    let model = crate::common::test_model().unwrap();
    let second = server.sandbox.path().join("models/other-model.gguf");
    std::fs::create_dir_all(second.parent().unwrap()).unwrap();
    std::fs::copy(&model, &second).unwrap();

    // A client keeps asking while the switch happens.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let url = server.url("/v1/chat/completions");
    let client = std::thread::spawn({
        let stop = std::sync::Arc::clone(&stop);
        move || {
            let mut answered: Vec<String> = Vec::new();
            let mut failed = Vec::new();
            let mut after_stop = 0;
            loop {
                // Once the switch is done, go on until the new model answers.
                if stop.load(std::sync::atomic::Ordering::SeqCst) {
                    after_stop += 1;
                    if answered.last().is_some_and(|m| m == "other-model") || after_stop > 200 {
                        break;
                    }
                }
                let body =
                    json!({"messages": [{"role": "user", "content": "Hi"}], "max_tokens": 4});
                let mut response = json_post(&url).send(body.to_string().as_bytes()).unwrap();
                let status = response.status().as_u16();
                let text = response.body_mut().read_to_string().unwrap();
                match serde_json::from_str::<Value>(&text) {
                    Ok(v) if status == 200 => {
                        answered.push(v["model"].as_str().unwrap().to_string())
                    }
                    _ => failed.push(format!("{status}: {text}")),
                }
            }
            (answered, failed)
        }
    });
    std::thread::sleep(Duration::from_millis(500));
    let output = server
        .flashchat()
        .args(["models", "use", "other-model"])
        .output()
        .unwrap();
    let err = stderr_of(&output);
    assert!(output.status.success(), "{err}");
    assert!(err.contains("now serves other-model"), "{err}");
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let (answered, failed) = client.join().unwrap();
    assert!(failed.is_empty(), "failed requests: {failed:?}");
    assert!(
        answered.iter().any(|m| m == "gemma-3-270m-q4_k_m"),
        "{answered:?}"
    );
    assert_eq!(answered.last().map(String::as_str), Some("other-model"));

    let response = Server::agent()
        .get(server.url("/v1/models"))
        .call()
        .unwrap();
    let models: Value =
        serde_json::from_str(&response.into_body().read_to_string().unwrap()).unwrap();
    assert_eq!(models["data"][0]["id"], "other-model");
    let status = stdout_of(
        &server
            .flashchat()
            .args(["status", "--json"])
            .output()
            .unwrap(),
    );
    let status: Value = serde_json::from_str(&status).unwrap();
    assert_eq!(status["server"]["model"], "other-model", "{status}");

    // A model that does not load leaves the current one serving.
    let broken = server.sandbox.path().join("broken.gguf");
    crate::common::write_header_only_gguf(&broken, "no-such-architecture", 2048);
    let (code, body) = server.post_json("/admin/model", json!({"path": broken}));
    assert_eq!(code, 202, "{body}");
    // From the 202 on, /health shows the switch: loading, or its outcome.
    let mut health = server.health();
    assert!(
        health.get("loading_model").is_some() || health["switch_error"].is_string(),
        "{health}"
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    while health.get("loading_model").is_some() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
        health = server.health();
    }
    assert_eq!(health["model"], "other-model", "{health}");
    assert!(
        health["switch_error"]
            .as_str()
            .unwrap()
            .contains("cannot load broken"),
        "{health}"
    );
    let (code, body) = server.post_json(
        "/v1/chat/completions",
        json!({"messages": [{"role": "user", "content": "Hi"}], "max_tokens": 2}),
    );
    assert_eq!(code, 200, "{body}");
    // A file that is not a model is refused at once.
    let (code, body) = server.post_json("/admin/model", json!({"path": "/nonexistent.gguf"}));
    assert_eq!(code, 400, "{body}");
}

const STRUCTURED_OUTPUT_SCRIPT: &str = r#"
import json, sys
import openai
from openai import OpenAI
from pydantic import BaseModel

client = OpenAI(base_url=sys.argv[1], api_key="unused")
model = "SmolLM2-135M-Instruct.Q4_1"

class City(BaseModel):
    name: str
    country: str
    population: int

messages = [{"role": "user", "content": "Describe Paris as a city record."}]
parsed = client.beta.chat.completions.parse(model=model, messages=messages,
    response_format=City, max_tokens=80, temperature=0)
city = parsed.choices[0].message.parsed
assert isinstance(city, City), parsed
assert parsed.choices[0].finish_reason == "stop", parsed

# json_object: whatever the model says is a JSON object, streamed or not.
for stream in (False, True):
    args = dict(model=model, messages=[{"role": "user", "content": "Describe a cat as JSON with a name and an age."}],
                response_format={"type": "json_object"}, max_tokens=100, temperature=0)
    if stream:
        text = "".join(c.choices[0].delta.content or "" for c in client.chat.completions.create(stream=True, **args) if c.choices)
    else:
        text = client.chat.completions.create(**args).choices[0].message.content
    assert isinstance(json.loads(text), dict), text

# llama-server's fields, on both endpoints.
answer = client.chat.completions.create(model=model, messages=[{"role": "user", "content": "Is water wet?"}],
    max_tokens=4, extra_body={"grammar": 'root ::= "yes" | "no"'})
assert answer.choices[0].message.content in ("yes", "no"), answer
numbers = client.completions.create(model=model, prompt="Three numbers:", max_tokens=40, temperature=0,
    extra_body={"json_schema": {"type": "array", "items": {"type": "integer"}, "minItems": 3, "maxItems": 3}})
assert len(json.loads(numbers.choices[0].text)) == 3, numbers

# Wrong constraints are 400s naming the field.
for extra, field in [({"response_format": {"type": "json_schema", "json_schema": {"name": "x", "schema": {"type": 5}}}}, "response_format"),
                     ({"response_format": {"type": "yaml"}}, "response_format"),
                     ({"extra_body": {"grammar": "root ::= ("}}, "grammar"),
                     ({"extra_body": {"grammar": "x ::= \"a\""}}, "grammar")]:
    try:
        client.chat.completions.create(model=model, messages=messages, max_tokens=2, **extra)
        raise SystemExit(f"{extra} was accepted")
    except openai.BadRequestError as e:
        assert e.body["param"] == field, (extra, e.body)
print("structured output ok")
"#;

#[test]
fn structured_output_follows_schemas_and_grammars_with_the_openai_client() {
    let Some(python) = openai_python() else {
        return;
    };
    let Some(server) = Server::start_instruct(&[]) else {
        return;
    };
    run_python(&python, STRUCTURED_OUTPUT_SCRIPT, &server);
}

/// The official client's tool-calling flow on the instruct model: a
/// required call among two tools (whole and streamed), its arguments valid
/// against the tool's schema, the result sent back, and an answer.
const TOOL_CALLING_SCRIPT: &str = r#"
import json, sys
import openai
from openai import OpenAI

client = OpenAI(base_url=sys.argv[1], api_key="unused")
model = "SmolLM2-135M-Instruct.Q4_1"
weather = {"type": "function", "function": {"name": "get_weather", "description": "Current weather in a city",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}, "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}},
                   "required": ["city", "unit"], "additionalProperties": False}}}
clock = {"type": "function", "function": {"name": "get_time", "description": "Current time in a time zone",
    "parameters": {"type": "object", "properties": {"zone": {"type": "string"}}, "required": ["zone"], "additionalProperties": False}}}
tools = [weather, clock]
schemas = {t["function"]["name"]: t["function"]["parameters"] for t in tools}
question = [{"role": "user", "content": "What is the weather in Paris?"}]

def valid(name, arguments):
    schema = schemas[name]
    args = json.loads(arguments)
    assert set(args) == set(schema["required"]), (name, args)
    for key, value in args.items():
        spec = schema["properties"][key]
        assert isinstance(value, str), (key, value)
        assert "enum" not in spec or value in spec["enum"], (key, value)
    return args

for parallel in (True, False):
    answer = client.chat.completions.create(model=model, messages=question, tools=tools, tool_choice="required",
        parallel_tool_calls=parallel, temperature=0, max_tokens=120)
    choice = answer.choices[0]
    assert choice.finish_reason == "tool_calls", answer
    assert choice.message.tool_calls and (parallel or len(choice.message.tool_calls) == 1), answer
    for call in choice.message.tool_calls:
        assert call.type == "function" and call.id.startswith("call_"), call
        valid(call.function.name, call.function.arguments)

# Streamed: the call arrives as OpenAI tool-call deltas.
calls, finish = {}, None
for chunk in client.chat.completions.create(model=model, messages=question, tools=tools, tool_choice="required",
        temperature=0, max_tokens=120, stream=True):
    for choice in chunk.choices:
        for delta in choice.delta.tool_calls or []:
            call = calls.setdefault(delta.index, {"id": None, "name": None, "arguments": ""})
            call["id"] = delta.id or call["id"]
            call["name"] = delta.function.name or call["name"]
            call["arguments"] += delta.function.arguments or ""
        finish = choice.finish_reason or finish
assert finish == "tool_calls" and calls, (finish, calls)
for call in calls.values():
    assert call["id"] and call["name"] in schemas, call
    valid(call["name"], call["arguments"])

# A named tool: always that one.
named = client.chat.completions.create(model=model, messages=question, tools=tools,
    tool_choice={"type": "function", "function": {"name": "get_time"}}, temperature=0, max_tokens=60)
assert [c.function.name for c in named.choices[0].message.tool_calls] == ["get_time"], named

# The result goes back; the model answers in text.
call = answer.choices[0].message.tool_calls[0]
follow_up = question + [
    {"role": "assistant", "content": None, "tool_calls": [call.model_dump()]},
    {"role": "tool", "tool_call_id": call.id, "content": "18 degrees celsius and sunny"},
]
reply = client.chat.completions.create(model=model, messages=follow_up, tools=tools, temperature=0, max_tokens=60)
assert reply.choices[0].finish_reason == "stop", reply
assert reply.choices[0].message.content and not reply.choices[0].message.tool_calls, reply

# n and log-probabilities on the same model.
three = client.chat.completions.create(model=model, messages=question, n=3, temperature=0.9, seed=1, max_tokens=8)
assert [c.index for c in three.choices] == [0, 1, 2] and all(c.message.content for c in three.choices), three
probs = client.chat.completions.create(model=model, messages=question, logprobs=True, top_logprobs=3, max_tokens=5)
assert all(len(e.top_logprobs) == 3 for e in probs.choices[0].logprobs.content), probs
print("tool calling ok")
"#;

#[test]
fn tools_are_called_with_valid_arguments_through_the_openai_client() {
    let _guard = heavy();
    let Some(python) = openai_python() else {
        return;
    };
    let Some(server) = Server::start_instruct(&["--parallel", "3"]) else {
        return;
    };
    run_python(&python, TOOL_CALLING_SCRIPT, &server);
}

/// A table of malformed tool-calling requests: each is a 400 naming the
/// problem, and the server keeps serving.
#[test]
fn malformed_tools_schemas_and_messages_are_400s_naming_the_problem() {
    let Some(server) = Server::start_instruct(&[]) else {
        return;
    };
    let tool = json!({"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}});
    let user = json!({"role": "user", "content": "Weather?"});
    let call = json!({"role": "assistant", "content": null, "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "get_weather", "arguments": "{}"}}]});
    let cases: Vec<(Value, &str, &str)> = vec![
        (json!({"tools": {"name": "x"}}), "tools", "tools is a list"),
        (
            json!({"tools": [{"type": "function"}]}),
            "tools",
            "tools[0].function is missing",
        ),
        (
            json!({"tools": [{"type": "code_interpreter"}]}),
            "tools",
            "tools[0].type",
        ),
        (
            json!({"tools": [{"type": "function", "function": {"name": "has space"}}]}),
            "tools",
            "tools[0].function.name",
        ),
        (
            json!({"tools": [{"type": "function", "function": {"name": "f", "parameters": [1]}}]}),
            "tools",
            "tools[0].function.parameters",
        ),
        (
            json!({"tools": [{"type": "function", "function": {"name": "f", "parameters": {"type": "object", "properties": {"a": {"$ref": "#/nowhere"}}}}}]}),
            "tools",
            "tools[0].function.parameters",
        ),
        (json!({"tools": [tool, tool]}), "tools", "used twice"),
        (
            json!({"tools": [tool], "tool_choice": "always"}),
            "tool_choice",
            "`always`",
        ),
        (
            json!({"tools": [tool], "tool_choice": {"type": "function", "function": {"name": "get_time"}}}),
            "tool_choice",
            "`get_time`",
        ),
        (
            json!({"tool_choice": "required"}),
            "tool_choice",
            "needs `tools`",
        ),
        (
            json!({"tools": [tool], "parallel_tool_calls": "yes"}),
            "parallel_tool_calls",
            "true or false",
        ),
        (
            json!({"tools": [tool], "response_format": {"type": "json_object"}}),
            "grammar",
            "cannot be combined",
        ),
        (
            json!({"response_format": {"type": "json_schema", "json_schema": {"name": "x", "schema": {"type": 7}}}}),
            "response_format",
            "response_format",
        ),
        (json!({"grammar": "root ::= ("}), "grammar", "GBNF"),
        (
            json!({"messages": [user, call, {"role": "tool", "content": "sunny"}]}),
            "messages",
            "without `tool_call_id`",
        ),
        (
            json!({"messages": [user, call, {"role": "tool", "tool_call_id": "c9", "content": "sunny"}]}),
            "messages",
            "`c9` answers no earlier",
        ),
        (
            json!({"messages": [user, {"role": "assistant", "tool_calls": [{"type": "function", "function": {"arguments": "{}"}}]}]}),
            "messages",
            "function.name is missing",
        ),
        (
            json!({"messages": [user, {"role": "assistant", "tool_calls": [{"id": "c1", "function": {"name": "f", "arguments": 5}}]}]}),
            "messages",
            "arguments must be a JSON text",
        ),
        (
            json!({"messages": [{"role": "user", "content": "x", "tool_calls": []}]}),
            "messages",
            "only assistant messages",
        ),
        (
            json!({"functions": [{"name": "f"}]}),
            "functions",
            "not supported",
        ),
        (
            json!({"reasoning_effort": "extreme"}),
            "reasoning_effort",
            "`\"extreme\"`",
        ),
        (
            json!({"chat_template_kwargs": {"messages": []}}),
            "chat_template_kwargs",
            "`messages`",
        ),
        (
            json!({"chat_template_kwargs": [1]}),
            "chat_template_kwargs",
            "an object",
        ),
        (json!({"mirostat": 2}), "mirostat", "unknown field"),
    ];
    for (fields, param, expected) in cases {
        let mut body = json!({"messages": [user], "max_tokens": 4});
        for (key, value) in fields.as_object().unwrap() {
            body[key] = value.clone();
        }
        let (status, answer) = server.post_json("/v1/chat/completions", body.clone());
        assert_eq!(status, 400, "{body}: {answer}");
        assert_eq!(answer["error"]["param"], param, "{body}: {answer}");
        let message = answer["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains(expected), "{body}: {message}");
    }
    let health = server.health();
    assert_eq!(health["status"], "ok", "the server kept serving: {health}");
    let (status, _) = server.post_json(
        "/v1/chat/completions",
        json!({"messages": [user], "max_tokens": 2}),
    );
    assert_eq!(status, 200);
}

/// `--chat-template` replaces the model's template, and a request's
/// `reasoning_effort` and `chat_template_kwargs` reach it as variables.
#[test]
fn a_chat_template_file_renders_with_the_request_s_variables() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("t.jinja");
    std::fs::write(
        &template,
        "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}\
         {% if enable_thinking is false %}<|im_start|>system\nAnswer without thinking, in one short line.<|im_end|>\n{% endif %}\
         {% if extra %}{{ extra }}\n{% endif %}<|im_start|>assistant\n",
    )
    .unwrap();
    let flag = template.display().to_string();
    let Some(server) = Server::start_instruct(&["--chat-template", &flag]) else {
        return;
    };
    let prompt_tokens = |extra: Value| {
        let mut body = json!({"messages": [{"role": "user", "content": "Hi"}], "max_tokens": 1});
        for (key, value) in extra.as_object().unwrap() {
            body[key] = value.clone();
        }
        let (status, answer) = server.post_json("/v1/chat/completions", body);
        assert_eq!(status, 200, "{answer}");
        answer["usage"]["prompt_tokens"].as_u64().unwrap()
    };
    let plain = prompt_tokens(json!({}));
    let no_thinking = prompt_tokens(json!({"reasoning_effort": "none"}));
    let kwargs = prompt_tokens(json!({"chat_template_kwargs": {"extra": "one two three"}}));
    assert!(no_thinking > plain + 5, "{plain} {no_thinking}");
    assert!(kwargs > plain, "{plain} {kwargs}");
    assert_eq!(prompt_tokens(json!({"reasoning_effort": "high"})), plain);
}

/// Runs a Python script against the server's `/v1` and then checks the
/// server is still healthy.
pub(crate) fn run_python(python: &str, script: &str, server: &Server) -> String {
    run_python_with(python, script, server, &[])
}

/// Runs `script` with the server's base URL and `args`; returns its stdout.
pub(crate) fn run_python_with(
    python: &str,
    script: &str,
    server: &Server,
    args: &[&str],
) -> String {
    let output = std::process::Command::new(python)
        .args(["-c", script, &server.url("/v1")])
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let health = server.health();
    assert_eq!(health["status"], "ok", "the server kept serving: {health}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}
