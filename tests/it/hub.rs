//! A stand-in for the Hugging Face hub on 127.0.0.1: the repo info API and
//! `resolve` downloads with ranges, as hf-hub uses them. It counts the bytes
//! it sends, can slow down (to interrupt a download half-way) and can flip a
//! byte (to test checksum verification).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub const COMMIT: &str = "0123456789abcdef0123456789abcdef01234567";

/// A file in a repo: served from `source`, announced with the checksum of
/// the true file, optionally with one byte flipped at `corrupt_at`.
#[derive(Clone)]
pub struct HubFile {
    pub name: String,
    pub source: PathBuf,
    pub sha256: String,
    pub size: u64,
    pub corrupt_at: Option<u64>,
}

#[derive(Default)]
struct Shared {
    repos: Mutex<HashMap<String, Vec<HubFile>>>,
    /// Bytes of file content sent (range probes included).
    sent: AtomicU64,
    /// Paths requested, in order.
    requests: Mutex<Vec<String>>,
    /// When set, file bodies trickle at about 8 MB/s.
    slow: AtomicBool,
}

pub struct FakeHub {
    pub endpoint: String,
    shared: Arc<Shared>,
}

impl FakeHub {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let endpoint = format!("http://{}", listener.local_addr().unwrap());
        let shared = Arc::new(Shared::default());
        let serving = Arc::clone(&shared);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let shared = Arc::clone(&serving);
                std::thread::spawn(move || {
                    let _ = handle(stream, &shared);
                });
            }
        });
        Self { endpoint, shared }
    }

    pub fn add_repo(&self, repo: &str, files: Vec<HubFile>) {
        self.shared
            .repos
            .lock()
            .unwrap()
            .insert(repo.to_string(), files);
    }

    pub fn sent(&self) -> u64 {
        self.shared.sent.load(Ordering::SeqCst)
    }

    pub fn reset_sent(&self) {
        self.shared.sent.store(0, Ordering::SeqCst);
    }

    pub fn set_slow(&self, slow: bool) {
        self.shared.slow.store(slow, Ordering::SeqCst);
    }

    pub fn requests(&self) -> Vec<String> {
        self.shared.requests.lock().unwrap().clone()
    }
}

fn handle(stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let target = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut range_start = None;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        let lower = header.to_ascii_lowercase();
        if let Some(value) = lower.strip_prefix("range: bytes=") {
            range_start = value.split('-').next().and_then(|s| s.trim().parse().ok());
        }
        // A probe asks for `bytes=0-0`: remember it as a one-byte range.
        if lower.starts_with("range: bytes=0-0") {
            range_start = Some(u64::MAX);
        }
    }
    shared.requests.lock().unwrap().push(target.clone());
    let path = target.split('?').next().unwrap_or("/");
    let mut out = stream;
    if let Some(repo) = path
        .strip_prefix("/api/models/")
        .and_then(|p| p.strip_suffix("/revision/main"))
    {
        return repo_info(&mut out, shared, repo);
    }
    let Some((repo, file)) = path
        .trim_start_matches('/')
        .split_once("/resolve/main/")
        .map(|(r, f)| (r.to_string(), f.to_string()))
    else {
        return respond(&mut out, "404 Not Found", &[], b"not found");
    };
    let found = shared
        .repos
        .lock()
        .unwrap()
        .get(&repo)
        .and_then(|files| files.iter().find(|f| f.name == file).cloned());
    match found {
        Some(file) => send_file(&mut out, shared, &file, range_start),
        None => respond(&mut out, "404 Not Found", &[], b"Entry not found"),
    }
}

fn repo_info(out: &mut TcpStream, shared: &Shared, repo: &str) -> std::io::Result<()> {
    let repos = shared.repos.lock().unwrap();
    let Some(files) = repos.get(repo) else {
        // The real hub answers 401 for a repo that does not exist.
        return respond(
            out,
            "401 Unauthorized",
            &[],
            br#"{"error":"Repository not found"}"#,
        );
    };
    let siblings: Vec<serde_json::Value> = files
        .iter()
        .map(|f| {
            serde_json::json!({
                "rfilename": f.name,
                "size": f.size,
                "lfs": {"sha256": f.sha256, "size": f.size},
            })
        })
        .collect();
    let body = serde_json::json!({"id": repo, "sha": COMMIT, "siblings": siblings}).to_string();
    respond(
        out,
        "200 OK",
        &[("Content-Type", "application/json".into())],
        body.as_bytes(),
    )
}

fn send_file(
    out: &mut TcpStream,
    shared: &Shared,
    file: &HubFile,
    range_start: Option<u64>,
) -> std::io::Result<()> {
    let (start, end) = match range_start {
        Some(u64::MAX) => (0, 0),
        Some(start) => (start, file.size.saturating_sub(1)),
        None => (0, file.size.saturating_sub(1)),
    };
    let length = if file.size == 0 { 0 } else { end + 1 - start };
    let head = format!(
        "HTTP/1.1 206 Partial Content\r\nContent-Length: {length}\r\n\
         Content-Range: bytes {start}-{end}/{}\r\nETag: \"{}\"\r\nX-Repo-Commit: {COMMIT}\r\n\
         Accept-Ranges: bytes\r\nConnection: close\r\n\r\n",
        file.size, file.sha256
    );
    out.write_all(head.as_bytes())?;
    let mut source = std::fs::File::open(&file.source)?;
    source.seek(SeekFrom::Start(start))?;
    let mut remaining = length;
    let mut offset = start;
    let mut buf = vec![0u8; 256 << 10];
    while remaining > 0 {
        let want = remaining.min(buf.len() as u64) as usize;
        let n = source.read(&mut buf[..want])?;
        if n == 0 {
            break;
        }
        if let Some(at) = file.corrupt_at {
            if (offset..offset + n as u64).contains(&at) {
                buf[(at - offset) as usize] ^= 0xff;
            }
        }
        out.write_all(&buf[..n])?;
        shared.sent.fetch_add(n as u64, Ordering::SeqCst);
        remaining -= n as u64;
        offset += n as u64;
        if shared.slow.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(30));
        }
    }
    out.flush()
}

fn respond(
    out: &mut TcpStream,
    status: &str,
    headers: &[(&str, String)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    out.write_all(body)?;
    out.flush()
}
