//! The server's PID file. The running server holds an exclusive lock on it
//! for its whole life, so "is the server running?" is answered by the lock,
//! never by the PID alone: a stale file (the server was killed) is detected
//! and replaced, and a PID that now belongs to another process is never
//! signalled.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// What the PID file records about a running server.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ServerRecord {
    pub pid: u32,
    pub url: String,
    pub model: String,
    /// Unix time the server started.
    pub started: u64,
}

/// The state the PID file describes.
#[derive(Debug)]
pub enum ServerState {
    NotRunning,
    /// A file was left by a server that is gone.
    Stale(Option<ServerRecord>),
    Running(ServerRecord),
}

/// Reads the PID file and checks its lock.
pub fn inspect(path: &Path) -> ServerState {
    let Ok(mut file) = File::open(path) else {
        return ServerState::NotRunning;
    };
    let mut record = read_record(&mut file);
    if record.is_none() {
        // Caught mid-update (see `PidFile::update`): read it again.
        std::thread::sleep(std::time::Duration::from_millis(20));
        record = read_record(&mut file);
    }
    match file.try_lock_shared() {
        // Nobody holds the lock: the server that wrote the file is gone.
        Ok(()) => ServerState::Stale(record),
        Err(TryLockError::WouldBlock) => match record {
            Some(record) => ServerState::Running(record),
            // Locked but not yet written: a server is starting.
            None => ServerState::Running(ServerRecord {
                pid: 0,
                url: String::new(),
                model: String::new(),
                started: 0,
            }),
        },
        Err(TryLockError::Error(_)) => ServerState::Stale(record),
    }
}

fn read_record(file: &mut File) -> Option<ServerRecord> {
    use std::io::{Seek, SeekFrom};
    let mut text = String::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.read_to_string(&mut text).ok()?;
    serde_json::from_str(&text).ok()
}

/// Held by the running server; removes the file when dropped.
pub struct PidFile {
    path: PathBuf,
    _lock: File,
}

#[derive(Debug, thiserror::Error)]
pub enum PidFileError {
    #[error("a server is already running (pid {})", .0.pid)]
    AlreadyRunning(ServerRecord),
    #[error("cannot write the PID file {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

impl PidFile {
    /// Takes the lock and writes the record. The lock is taken on a side
    /// file first and the record renamed into place, so the file is never
    /// seen half-written; a stale file is replaced.
    pub fn acquire(path: &Path, record: &ServerRecord) -> Result<Self, PidFileError> {
        let io = |source| PidFileError::Io {
            path: path.display().to_string(),
            source,
        };
        if let ServerState::Running(existing) = inspect(path) {
            return Err(PidFileError::AlreadyRunning(existing));
        }
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io)?;
        }
        let tmp = path.with_extension(format!("pid.{}.tmp", std::process::id()));
        let mut file = OpenOptions::new()
            .create(true)
            .truncate(true)
            .write(true)
            .open(&tmp)
            .map_err(io)?;
        file.try_lock().map_err(|e| match e {
            TryLockError::WouldBlock => io(std::io::Error::other("locked by another process")),
            TryLockError::Error(e) => io(e),
        })?;
        let text = serde_json::to_string(record).map_err(|e| io(std::io::Error::other(e)))?;
        file.write_all(text.as_bytes()).map_err(io)?;
        file.sync_all().map_err(io)?;
        // Another server may have started between the check and now.
        if let ServerState::Running(existing) = inspect(path) {
            let _ = fs::remove_file(&tmp);
            return Err(PidFileError::AlreadyRunning(existing));
        }
        fs::rename(&tmp, path).map_err(io)?;
        Ok(Self {
            path: path.to_path_buf(),
            _lock: file,
        })
    }
}

impl PidFile {
    /// Rewrites the record in place, through the locked handle (a rename
    /// would leave the lock on the old file). Readers retry a half-written one.
    pub fn update(&mut self, record: &ServerRecord) -> std::io::Result<()> {
        use std::io::{Seek, SeekFrom};
        let text = serde_json::to_string(record).map_err(std::io::Error::other)?;
        self._lock.set_len(0)?;
        self._lock.seek(SeekFrom::Start(0))?;
        self._lock.write_all(text.as_bytes())?;
        self._lock.sync_all()
    }
}

impl Drop for PidFile {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> ServerRecord {
        ServerRecord {
            pid: std::process::id(),
            url: "http://127.0.0.1:8000/v1".into(),
            model: "m".into(),
            started: 1,
        }
    }

    #[test]
    fn a_held_file_reads_as_running_and_a_dropped_one_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("server.pid");
        let held = PidFile::acquire(&path, &record()).unwrap();
        assert!(matches!(inspect(&path), ServerState::Running(r) if r == record()));
        assert!(matches!(
            PidFile::acquire(&path, &record()),
            Err(PidFileError::AlreadyRunning(_))
        ));
        drop(held);
        assert!(matches!(inspect(&path), ServerState::NotRunning));
    }

    #[test]
    fn an_unlocked_file_is_stale_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("server.pid");
        fs::write(&path, serde_json::to_string(&record()).unwrap()).unwrap();
        assert!(matches!(inspect(&path), ServerState::Stale(Some(_))));
        let _held = PidFile::acquire(&path, &record()).unwrap();
        assert!(matches!(inspect(&path), ServerState::Running(_)));
    }
}
