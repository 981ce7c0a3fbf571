//! Diagnostics: flashchat's tracing events and llama.cpp's own log lines go
//! to `logs/flashchat.log`; with -v they are also shown on stderr.

use std::fs::{self, File, OpenOptions};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use tracing_subscriber::filter::LevelFilter;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::prelude::*;

/// The log starts afresh past this size; the previous one is kept as `.1`.
const MAX_LOG_BYTES: u64 = 8 << 20;

pub fn init(log_file: &Path, verbose: u8) {
    let file_layer = tracing_subscriber::fmt::layer()
        .with_ansi(false)
        .with_target(false)
        .with_writer(LazyFile::new(log_file.to_path_buf()))
        .with_filter(LevelFilter::INFO);
    let stderr_level = match verbose {
        0 => LevelFilter::OFF,
        1 => LevelFilter::INFO,
        _ => LevelFilter::DEBUG,
    };
    let colour =
        io::stderr().is_terminal() && std::env::var_os(crate::env_vars::NO_COLOR).is_none();
    let stderr_layer = tracing_subscriber::fmt::layer()
        .with_writer(io::stderr)
        .with_ansi(colour)
        .with_target(false)
        .without_time()
        .with_filter(stderr_level);
    // Only llama.cpp's information lines: listening to every event would
    // turn on every crate's debug and trace events.
    let load_report = crate::engine::load_report::LoadReport.with_filter(
        tracing_subscriber::filter::Targets::new().with_target("llama-cpp-2", LevelFilter::INFO),
    );
    let _ = tracing_subscriber::registry()
        .with(file_layer)
        .with(stderr_layer)
        .with(load_report)
        .try_init();
}

/// Opens the log file on the first event, so commands that log nothing
/// create nothing. If it cannot be opened, events are dropped.
struct LazyFile {
    path: PathBuf,
    file: OnceLock<Option<Mutex<File>>>,
}

impl LazyFile {
    fn new(path: PathBuf) -> Self {
        Self {
            path,
            file: OnceLock::new(),
        }
    }

    fn open(path: &Path) -> Option<Mutex<File>> {
        fs::create_dir_all(path.parent()?).ok()?;
        if fs::metadata(path).is_ok_and(|m| m.len() > MAX_LOG_BYTES) {
            let _ = fs::rename(path, path.with_extension("log.1"));
        }
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .ok()?;
        Some(Mutex::new(file))
    }
}

pub struct LogWriter<'a>(Option<&'a Mutex<File>>);

impl Write for LogWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self.0.and_then(|m| m.lock().ok()) {
            Some(mut file) => file.write(buf),
            None => Ok(buf.len()),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for LazyFile {
    type Writer = LogWriter<'a>;

    fn make_writer(&'a self) -> Self::Writer {
        LogWriter(self.file.get_or_init(|| Self::open(&self.path)).as_ref())
    }
}
