//! Running the server in the background: the checks before listening, the
//! port choice, the same binary re-executed with `serve --foreground`,
//! detached from the terminal with its output in the server log, waiting
//! until `/health` says ready; and stopping it by signal.

use std::fs::OpenOptions;
use std::net::{SocketAddr, TcpListener, ToSocketAddrs};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context as _;

use super::pidfile::{self, ServerRecord, ServerState};
use crate::errors::Hinted;
use crate::settings::{keys, ServerSettings};

/// What starting a server in the background needs.
pub struct StartOptions<'a> {
    pub model_path: &'a Path,
    /// The name clients will know the model by.
    pub model_name: &'a str,
    pub server: &'a ServerSettings,
    /// The config file the server reads, when there is one.
    pub config_file: Option<&'a Path>,
    /// A chat template file replacing the model's own (it may come from a
    /// flag, which the daemon would not otherwise see).
    pub chat_template: Option<&'a Path>,
    /// The KV cache's layout (flags included).
    pub kv: crate::engine::kv::KvOptions,
    pub gpu: crate::engine::gpu::GpuOptions,
    pub allow_unauthenticated: bool,
    pub log: &'a Path,
}

/// How a start shows its progress and asks about a busy port.
pub trait StartReporter {
    /// The configured port `busy` is taken: one of `free` to use instead,
    /// or `None` when nobody can choose (the error then names one).
    fn choose_port(&self, busy: u16, free: &[u16]) -> anyhow::Result<Option<u16>>;
    /// Called while the server loads its model.
    fn waiting(&self);
    /// The wait is over, whatever its outcome.
    fn finished(&self);
}

/// A server started in the background.
pub struct Started {
    pub url: String,
    pub pid: u32,
}

/// Starts the server as a daemon and waits until it is ready.
pub fn start(options: &StartOptions, reporter: &dyn StartReporter) -> anyhow::Result<Started> {
    let s = options.server;
    check_before_listening(s, options.allow_unauthenticated)?;
    let port = choose_port(&s.host, s.port, reporter)?;
    let mut args = vec![
        "--model".to_string(),
        options.model_path.display().to_string(),
        "--host".into(),
        s.host.clone(),
        "--port".into(),
        port.to_string(),
        "--parallel".into(),
        s.parallel.to_string(),
    ];
    if let Some(file) = options.config_file {
        args.extend(["--config".into(), file.display().to_string()]);
    }
    if let Some(file) = options.chat_template {
        // The daemon may run from another folder: the path is made absolute.
        let file = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        args.extend(["--chat-template".into(), file.display().to_string()]);
    }
    let kv = options.kv;
    args.extend([
        "--cache-type-k".into(),
        kv.type_k.name().into(),
        "--cache-type-v".into(),
        kv.type_v.name().into(),
        "--flash-attention".into(),
        kv.flash_attention.name().into(),
    ]);
    if kv.swa_full {
        args.push("--swa-full".into());
    }
    let gpu = options.gpu;
    args.extend([
        "--gpu-layers".into(),
        gpu.layers.describe(),
        "--main-gpu".into(),
        gpu.main_gpu.to_string(),
        "--split-mode".into(),
        gpu.split_mode.name().into(),
    ]);
    if options.allow_unauthenticated {
        args.push("--allow-unauthenticated".into());
    }
    let exe = std::env::current_exe().context("cannot find the flashchat executable")?;
    let envs: Vec<(String, String)> = s
        .api_key
        .iter()
        .map(|key| (keys::env_var_for(keys::SERVER_API_KEY), key.clone()))
        .collect();
    let mut child = spawn(&exe, &args, &envs, options.log)?;
    let addr = client_addr(&s.host, port)?;
    let outcome = wait_ready(&mut child, addr, || reporter.waiting());
    reporter.finished();
    let log = options.log.display();
    match outcome {
        Startup::Ready => Ok(Started {
            url: base_url(&s.host, port),
            pid: child.id(),
        }),
        Startup::Exited(code) => Err(Hinted::new(
            format!(
                "the server stopped during start-up (exit code {})",
                code.map_or("none".into(), |c| c.to_string())
            ),
            format!("its log says why: `flashchat serve --logs` ({log})"),
        )
        .into()),
        Startup::TimedOut => {
            let _ = child.kill();
            Err(Hinted::new(
                "the server did not become ready in time",
                format!("see `flashchat serve --logs` ({log})"),
            )
            .into())
        }
    }
}

/// The API's base URL for a server bound to host:port.
pub fn base_url(host: &str, port: u16) -> String {
    let host = if host.contains(':') {
        format!("[{host}]")
    } else {
        host.to_string()
    };
    format!("http://{host}:{port}/v1")
}

/// Refuses what would make the server unsafe or fail after it detached:
/// listening beyond this machine without a key (anyone could use it), and
/// `server.allowed_hosts` entries that are not host names.
pub fn check_before_listening(
    s: &ServerSettings,
    allow_unauthenticated: bool,
) -> anyhow::Result<()> {
    super::check_allowed_hosts(&s.allowed_hosts).map_err(|message| {
        Hinted::new(
            message,
            "list host names such as `chat.example.com`, or `.example.com` for a whole domain",
        )
    })?;
    let loopback = client_addr(&s.host, s.port)
        .map(|a| a.ip().is_loopback())
        .unwrap_or(false)
        && !matches!(s.host.as_str(), "0.0.0.0" | "::" | "[::]");
    if !loopback && s.api_key.is_none() && !allow_unauthenticated {
        return Err(Hinted::new(
            format!("refusing to listen on {} without an API key", s.host),
            "set server.api_key (or --api-key), bind 127.0.0.1, or pass --allow-unauthenticated",
        )
        .into());
    }
    Ok(())
}

/// The configured port, or another one when it is taken: chosen by the
/// reporter, named in the error otherwise.
fn choose_port(host: &str, port: u16, reporter: &dyn StartReporter) -> anyhow::Result<u16> {
    if !port_in_use(host, port) {
        return Ok(port);
    }
    let free = free_ports_after(host, port);
    let Some(&first) = free.first() else {
        return Err(Hinted::new(
            format!("port {port} is in use, and so are the ten after it"),
            "pick a port with `flashchat serve --port N`",
        )
        .into());
    };
    if let Some(chosen) = reporter.choose_port(port, &free)? {
        return Ok(chosen);
    }
    Err(Hinted::new(
        format!("port {port} is in use by another program"),
        format!("port {first} is free: `flashchat serve --port {first}`"),
    )
    .into())
}

/// How long `serve` waits for the model to load before giving up.
const START_TIMEOUT: Duration = Duration::from_secs(300);
/// How long `serve --stop` waits after SIGTERM.
pub const STOP_TIMEOUT: Duration = Duration::from_secs(10);

/// Starts `exe serve --foreground ARGS` detached, with stdin closed, its
/// output appended to `log`, and `envs` added to its environment (secrets
/// go there rather than on the command line, which `ps` shows to everyone).
fn spawn(
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
enum Startup {
    Ready,
    /// The process ended; its exit code if it had one.
    Exited(Option<i32>),
    TimedOut,
}

/// Polls `/health` until it answers 200, the child exits, or time runs out.
fn wait_ready(child: &mut Child, addr: SocketAddr, mut tick: impl FnMut()) -> Startup {
    let deadline = Instant::now() + START_TIMEOUT;
    while Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            return Startup::Exited(status.code());
        }
        let answer = crate::client::health(&format!("http://{addr}"), Duration::from_secs(2));
        if answer.is_some_and(|(status, _)| status == 200) {
            return Startup::Ready;
        }
        tick();
        std::thread::sleep(Duration::from_millis(100));
    }
    Startup::TimedOut
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
fn port_in_use(host: &str, port: u16) -> bool {
    TcpListener::bind((host, port)).is_err()
}

/// The first free port after `port`, looking at most ten ahead.
fn free_ports_after(host: &str, port: u16) -> Vec<u16> {
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
    if wait_gone(pid_file, record.pid, STOP_TIMEOUT) {
        return Ok(StopOutcome::Stopped(record));
    }
    if !force {
        return Ok(StopOutcome::StillRunning(record));
    }
    signal(record.pid, libc::SIGKILL)?;
    wait_gone(pid_file, record.pid, Duration::from_secs(5));
    if let ServerState::Stale(_) = pidfile::inspect(pid_file) {
        let _ = std::fs::remove_file(pid_file);
    }
    Ok(StopOutcome::Killed(record))
}

/// Waits until no process holds the PID file's lock and the process has
/// exited: the server removes its PID file before it unloads the model, and
/// `serve --stop` returning while it still runs would leave its port and
/// memory taken for the next command.
fn wait_gone(pid_file: &Path, pid: u32, timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if !matches!(pidfile::inspect(pid_file), ServerState::Running(_)) && !is_alive(pid) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

/// Whether the process exists and has not yet exited (a zombie waiting for
/// its parent to collect it has exited).
fn is_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: kill(2) with signal 0 only checks that the process exists.
    if unsafe { libc::kill(pid, 0) } != 0 {
        return std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
    }
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // The state follows the parenthesised command name.
        Ok(stat) => stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .is_none_or(|state| state != "Z" && state != "X"),
        Err(_) => !std::path::Path::new("/proc/self").exists(),
    }
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
