//! Running the server in the background: the same binary re-executed with
//! `serve --foreground`, detached from the terminal, its output in the
//! server log; waiting until `/health` says ready; stopping it by signal.

use std::fs::OpenOptions;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context as _;

use super::pidfile::{self, ServerRecord, ServerState};

/// How long `serve` waits for the model to load before giving up.
const START_TIMEOUT: Duration = Duration::from_secs(300);
/// How long `serve --stop` waits after SIGTERM.
pub const STOP_TIMEOUT: Duration = Duration::from_secs(10);

/// Starts `exe serve --foreground ARGS` detached, with stdin closed, its
/// output appended to `log`, and `envs` added to its environment (secrets
/// go there rather than on the command line, which `ps` shows to everyone).
pub fn spawn(
    exe: &Path,
    args: &[String],
    envs: &[(String, String)],
    log: &Path,
) -> anyhow::Result<Child> {
    if let Some(dir) = log.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let out = OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .with_context(|| format!("cannot open the server log {}", log.display()))?;
    let err = out.try_clone()?;
    Command::new(exe)
        .args(["serve", "--foreground"])
        .args(args)
        .envs(envs.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        // Its own process group: Ctrl-C in the terminal does not reach it.
        .process_group(0)
        .spawn()
        .with_context(|| format!("cannot start {}", exe.display()))
}

/// Outcome of waiting for a freshly started server.
pub enum Startup {
    Ready,
    /// The process ended; its exit code if it had one.
    Exited(Option<i32>),
    TimedOut,
}

/// Polls `/health` until it answers 200, the child exits, or time runs out.
pub fn wait_ready(child: &mut Child, addr: SocketAddr, mut tick: impl FnMut()) -> Startup {
    let deadline = Instant::now() + START_TIMEOUT;
    while Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            return Startup::Exited(status.code());
        }
        if health_status(addr) == Some(200) {
            return Startup::Ready;
        }
        tick();
        std::thread::sleep(Duration::from_millis(100));
    }
    Startup::TimedOut
}

/// The status code of `GET /health`, or `None` when nothing answers.
pub fn health_status(addr: SocketAddr) -> Option<u16> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_millis(500)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    let request = format!("GET /health HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    let mut head = [0u8; 32];
    let n = stream.read(&mut head).ok()?;
    let line = std::str::from_utf8(&head[..n]).ok()?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The address a client should use to reach a server bound to host:port.
pub fn client_addr(host: &str, port: u16) -> anyhow::Result<SocketAddr> {
    let host = match host {
        "0.0.0.0" => "127.0.0.1",
        "::" | "[::]" => "::1",
        other => other,
    };
    (host, port)
        .to_socket_addrs()
        .ok()
        .and_then(|mut a| a.next())
        .with_context(|| format!("cannot resolve host `{host}`"))
}

/// True when something already listens on host:port.
pub fn port_in_use(host: &str, port: u16) -> bool {
    TcpListener::bind((host, port)).is_err()
}

/// The first free port after `port`, looking at most ten ahead.
pub fn free_ports_after(host: &str, port: u16) -> Vec<u16> {
    (1..=10u16)
        .filter_map(|i| port.checked_add(i))
        .filter(|&p| !port_in_use(host, p))
        .collect()
}

/// What `serve --stop` did.
pub enum StopOutcome {
    NotRunning,
    /// The PID file was stale; it was removed and nothing was signalled.
    RemovedStale(Option<ServerRecord>),
    Stopped(ServerRecord),
    Killed(ServerRecord),
    StillRunning(ServerRecord),
}

pub fn stop(pid_file: &Path, force: bool) -> anyhow::Result<StopOutcome> {
    let record = match pidfile::inspect(pid_file) {
        ServerState::NotRunning => return Ok(StopOutcome::NotRunning),
        ServerState::Stale(record) => {
            let _ = std::fs::remove_file(pid_file);
            return Ok(StopOutcome::RemovedStale(record));
        }
        ServerState::Running(record) => record,
    };
    if record.pid == 0 {
        anyhow::bail!("the server is still starting; try again in a moment");
    }
    signal(record.pid, libc::SIGTERM)?;
    if wait_gone(pid_file, STOP_TIMEOUT) {
        return Ok(StopOutcome::Stopped(record));
    }
    if !force {
        return Ok(StopOutcome::StillRunning(record));
    }
    signal(record.pid, libc::SIGKILL)?;
    wait_gone(pid_file, Duration::from_secs(5));
    if let ServerState::Stale(_) = pidfile::inspect(pid_file) {
        let _ = std::fs::remove_file(pid_file);
    }
    Ok(StopOutcome::Killed(record))
}

/// Waits until no process holds the PID file's lock.
fn wait_gone(pid_file: &Path, timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if !matches!(pidfile::inspect(pid_file), ServerState::Running(_)) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

fn signal(pid: u32, signal: libc::c_int) -> anyhow::Result<()> {
    let pid = libc::pid_t::try_from(pid).context("the PID file holds an invalid PID")?;
    // SAFETY: kill(2) has no memory-safety preconditions. The PID was read
    // from a PID file whose lock is held, so it is the server's.
    let rc = unsafe { libc::kill(pid, signal) };
    if rc != 0 {
        let err = std::io::Error::last_os_error();
        if err.raw_os_error() != Some(libc::ESRCH) {
            return Err(err).with_context(|| format!("cannot signal the server (pid {pid})"));
        }
    }
    Ok(())
}
