//! Conversations' KV states kept between requests, slots and processes, so
//! no prompt is computed twice.
//!
//! A state is the bytes llama.cpp gives for one sequence, with the tokens
//! whose entries it holds. Two tiers sit in front of recomputing:
//! - **host memory**, bounded: a slot's state moves there when the slot is
//!   given to another conversation;
//! - **a folder of state files**, bounded, least recently used removed
//!   first: a state is written after each finished turn, by a writer thread,
//!   to a temporary file renamed into place.
//!
//! Every file carries the fingerprint of the model file and cache layout it
//! was made under, the tokens it holds and a SHA-256 of its payload. A state
//! from another model or layout, or a truncated or corrupt file, is never
//! handed to llama.cpp: it is ignored with a warning (and removed).
//!
//! This module knows nothing of llama.cpp; [`super::seq_state`] moves the
//! bytes in and out of a context.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sha2::{Digest, Sha256};

const MAGIC: &[u8; 8] = b"FCKVSTAT";
const VERSION: u32 = 1;
const EXTENSION: &str = "kv";
/// States shorter than this are not worth a file: decoding them is quick.
pub const MIN_TOKENS: usize = 64;
/// Saves waiting for the writer; more are dropped rather than held in memory.
const WRITE_QUEUE: usize = 2;
/// A temporary file older than this was left by a writer that was killed.
const STALE_TEMPORARY: Duration = Duration::from_secs(600);
/// Test hook: the writer pauses this long halfway through a payload, so a
/// test can kill the process while a state is being written.
pub const WRITE_PAUSE_VAR: &str = "FLASHCHAT_TEST_STATE_WRITE_PAUSE_MS";

/// Where states are kept and how much room they get.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateCacheConfig {
    pub dir: PathBuf,
    /// Bytes the folder may hold; 0 turns the disk tier off.
    pub max_disk: u64,
    /// Bytes host memory may hold; 0 turns the memory tier off.
    pub max_ram: u64,
}

/// What a state belongs to: the model file (path, size, modification time)
/// and the settings that shape its bytes. States are only ever loaded
/// under an equal fingerprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint(String);

impl Fingerprint {
    /// `layout` names the context settings that change a state's bytes.
    pub fn new(model: &Path, layout: &str) -> io::Result<Self> {
        let meta = fs::metadata(model)?;
        let modified = meta
            .modified()?
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let path = fs::canonicalize(model)?;
        Ok(Self(format!(
            "flashchat {} state v{VERSION}\nmodel {}\nsize {}\nmodified {modified}\n{layout}",
            env!("CARGO_PKG_VERSION"),
            path.display(),
            meta.len()
        )))
    }

    /// The start of every file name made under this fingerprint.
    fn tag(&self) -> String {
        hex(&Sha256::digest(self.0.as_bytes()))[..16].to_string()
    }
}

/// A state found for a prompt.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The tokens whose entries it holds.
    pub tokens: Arc<[i32]>,
    pub bytes: Arc<Vec<u8>>,
    pub tier: Tier,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    Memory,
    Disk,
}

impl Tier {
    pub fn name(self) -> &'static str {
        match self {
            Tier::Memory => "memory",
            Tier::Disk => "disk",
        }
    }
}

struct RamEntry {
    tokens: Arc<[i32]>,
    bytes: Arc<Vec<u8>>,
    last_used: u64,
}

/// One state file as the index knows it.
#[derive(Debug, Clone)]
struct DiskEntry {
    tokens: Arc<[i32]>,
    size: u64,
    modified: SystemTime,
}

/// The states of one engine's model and layout.
pub struct StateCache {
    config: StateCacheConfig,
    ram: Vec<RamEntry>,
    clock: u64,
    disk: Option<Disk>,
}

struct Disk {
    shared: Arc<DiskShared>,
    writer: Option<SyncSender<Save>>,
    thread: Option<JoinHandle<()>>,
}

/// What the inference thread and the writer thread share.
struct DiskShared {
    dir: PathBuf,
    max: u64,
    fingerprint: Fingerprint,
    tag: String,
    /// The files under this fingerprint, by name.
    index: Mutex<HashMap<String, DiskEntry>>,
}

struct Save {
    tokens: Arc<[i32]>,
    bytes: Arc<Vec<u8>>,
    /// A shorter state this one must not replace (see [`StateCache::save`]).
    keep: Option<Arc<[i32]>>,
}

impl StateCache {
    pub fn new(config: StateCacheConfig, fingerprint: Fingerprint) -> Self {
        let disk = (config.max_disk > 0).then(|| Disk::start(&config, fingerprint));
        Self {
            config,
            ram: Vec::new(),
            clock: 0,
            disk,
        }
    }

    /// The state that saves the most decoding for `prompt`, if it saves
    /// more than `better_than` tokens: one whose tokens start the prompt
    /// (leaving at least one token to decode), or, when `trimmable`, one
    /// that shares a prefix with it and is cut back after loading.
    /// A state taken from memory leaves it (the slot holds it now).
    pub fn find(&mut self, prompt: &[i32], better_than: usize, trimmable: bool) -> Option<Hit> {
        let usable = |tokens: &[i32]| usable(tokens, prompt, trimmable);
        let in_memory = self
            .ram
            .iter()
            .enumerate()
            .map(|(i, e)| (usable(&e.tokens), i))
            .max();
        let memory_best = in_memory.map_or(0, |(n, _)| n);
        let from_disk = self
            .disk
            .as_ref()
            .and_then(|d| d.find(prompt, better_than.max(memory_best), trimmable));
        if from_disk.is_some() {
            return from_disk;
        }
        let (n, i) = in_memory?;
        if n <= better_than {
            return None;
        }
        let entry = self.ram.swap_remove(i);
        Some(Hit {
            tokens: entry.tokens,
            bytes: entry.bytes,
            tier: Tier::Memory,
        })
    }

    /// Keeps a slot's state in memory before the slot is reused. States
    /// it supersedes (whose tokens start its own) leave; the least
    /// recently kept leave when the tier is over its bound.
    pub fn stash(&mut self, tokens: Vec<i32>, bytes: Vec<u8>) {
        let size = bytes.len() as u64;
        if size > self.config.max_ram || tokens.len() < MIN_TOKENS {
            return;
        }
        self.ram.retain(|e| !tokens.starts_with(&e.tokens));
        self.clock += 1;
        self.ram.push(RamEntry {
            tokens: tokens.into(),
            bytes: Arc::new(bytes),
            last_used: self.clock,
        });
        while self.ram_bytes() > self.config.max_ram {
            let Some(oldest) = self
                .ram
                .iter()
                .enumerate()
                .min_by_key(|(_, e)| e.last_used)
                .map(|(i, _)| i)
            else {
                break;
            };
            self.ram.swap_remove(oldest);
        }
    }

    fn ram_bytes(&self) -> u64 {
        self.ram.iter().map(|e| e.bytes.len() as u64).sum()
    }

    /// Whether finished turns are written to disk.
    pub fn saves_to_disk(&self) -> bool {
        self.disk.is_some()
    }

    /// Writes a finished turn's state to disk in the background. States it
    /// supersedes are removed, except `keep` (a sliding-window model's
    /// prompt-end state, which a regenerated answer needs: its cache cannot
    /// be cut back). Dropped when the writer is busy or the state is larger
    /// than the whole folder may be.
    pub fn save(&self, tokens: Vec<i32>, bytes: Vec<u8>, keep: Option<&[i32]>) {
        let Some(disk) = &self.disk else {
            return;
        };
        if tokens.len() < MIN_TOKENS || bytes.len() as u64 > disk.shared.max {
            return;
        }
        let save = Save {
            tokens: tokens.into(),
            bytes: Arc::new(bytes),
            keep: keep.map(Arc::from),
        };
        if let Some(writer) = &disk.writer {
            match writer.try_send(save) {
                Ok(()) | Err(TrySendError::Disconnected(_)) => {}
                Err(TrySendError::Full(_)) => {
                    tracing::debug!("the KV state writer is busy; a state was not saved");
                }
            }
        }
    }
}

/// How many of `prompt`'s tokens `state` saves decoding (see [`StateCache::find`]).
fn usable(state: &[i32], prompt: &[i32], trimmable: bool) -> usize {
    let shared = common_prefix(state, prompt).min(prompt.len().saturating_sub(1));
    if shared == state.len() || trimmable {
        shared
    } else {
        0
    }
}

fn common_prefix(a: &[i32], b: &[i32]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

impl Disk {
    fn start(config: &StateCacheConfig, fingerprint: Fingerprint) -> Self {
        let shared = Arc::new(DiskShared {
            dir: config.dir.clone(),
            max: config.max_disk,
            tag: fingerprint.tag(),
            fingerprint,
            index: Mutex::new(HashMap::new()),
        });
        let (writer, saves) = sync_channel::<Save>(WRITE_QUEUE);
        let pause = std::env::var(WRITE_PAUSE_VAR)
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map(Duration::from_millis);
        let for_writer = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("flashchat-kv-writer".into())
            .spawn(move || {
                for save in saves {
                    for_writer.write(&save, pause);
                }
            })
            .ok();
        Self {
            shared,
            writer: thread.is_some().then_some(writer),
            thread,
        }
    }

    fn find(&self, prompt: &[i32], better_than: usize, trimmable: bool) -> Option<Hit> {
        let shared = &self.shared;
        shared.refresh();
        let mut candidates: Vec<(usize, String, Arc<[i32]>)> = shared
            .index()
            .iter()
            .map(|(name, e)| {
                (
                    usable(&e.tokens, prompt, trimmable),
                    name.clone(),
                    e.tokens.clone(),
                )
            })
            .filter(|(n, _, _)| *n > better_than)
            .collect();
        candidates.sort_by_key(|c| std::cmp::Reverse(c.0));
        for (_, name, tokens) in candidates.into_iter().take(3) {
            let path = shared.dir.join(&name);
            match read_state(&path, &shared.fingerprint) {
                Ok((read_tokens, bytes)) if *read_tokens == *tokens => {
                    touch(&path);
                    return Some(Hit {
                        tokens,
                        bytes: Arc::new(bytes),
                        tier: Tier::Disk,
                    });
                }
                Ok(_) => shared.discard(&name, "it changed while it was read"),
                Err(e) => shared.discard(&name, &e.to_string()),
            }
        }
        None
    }
}

impl Drop for Disk {
    /// Waits for the saves already queued, so a server that stops leaves
    /// its last turns on disk.
    fn drop(&mut self) {
        self.writer.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl DiskShared {
    fn index(&self) -> MutexGuard<'_, HashMap<String, DiskEntry>> {
        self.index.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Brings the index up to date with the folder, which other processes
    /// (a chat beside a server) may write too: new files' headers are read,
    /// files gone are forgotten.
    fn refresh(&self) {
        let Ok(listing) = fs::read_dir(&self.dir) else {
            self.index().clear();
            return;
        };
        let mut present = HashMap::new();
        for item in listing.flatten() {
            let name = item.file_name().to_string_lossy().into_owned();
            if name.starts_with(&self.tag) && name.ends_with(&format!(".{EXTENSION}")) {
                if let Ok(meta) = item.metadata() {
                    present.insert(name, (meta.len(), meta.modified().unwrap_or(UNIX_EPOCH)));
                }
            }
        }
        let mut index = self.index();
        index.retain(|name, _| present.contains_key(name));
        for (name, (size, modified)) in present {
            if index.get(&name).is_some_and(|e| e.size == size) {
                if let Some(entry) = index.get_mut(&name) {
                    entry.modified = modified;
                }
                continue;
            }
            match read_header(&self.dir.join(&name), &self.fingerprint) {
                Ok(header) => {
                    index.insert(
                        name,
                        DiskEntry {
                            tokens: header.tokens.into(),
                            size,
                            modified,
                        },
                    );
                }
                Err(e) => {
                    drop(index);
                    self.discard(&name, &e.to_string());
                    index = self.index();
                }
            }
        }
    }

    /// Ignores a file that cannot be loaded, and removes it so it is not
    /// read again.
    fn discard(&self, name: &str, reason: &str) {
        tracing::warn!(
            "ignoring the saved KV state {name}: {reason}; the prompt is computed again"
        );
        self.index().remove(name);
        let _ = fs::remove_file(self.dir.join(name));
    }

    /// Writes one state (on the writer thread), then removes the states it
    /// supersedes.
    fn write(&self, save: &Save, pause: Option<Duration>) {
        let size = file_size(&self.fingerprint, save.tokens.len(), save.bytes.len());
        // Room first, so the folder stays within its bound even while the
        // new file is being written.
        self.prune(self.max.saturating_sub(size));
        let name = format!(
            "{}-{}.{EXTENSION}",
            self.tag,
            &tokens_hash(&save.tokens)[..16]
        );
        if let Err(e) = write_state(&self.dir, &name, &self.fingerprint, save, pause) {
            tracing::warn!("could not save a KV state in {}: {e}", self.dir.display());
            return;
        }
        // Files written by earlier runs may be superseded too.
        self.refresh();
        let mut index = self.index();
        index.insert(
            name.clone(),
            DiskEntry {
                tokens: save.tokens.clone(),
                size,
                modified: SystemTime::now(),
            },
        );
        let superseded: Vec<String> = index
            .iter()
            .filter(|(other, e)| {
                **other != name
                    && e.tokens.len() < save.tokens.len()
                    && save.tokens.starts_with(&e.tokens)
                    && save.keep.as_deref() != Some(&*e.tokens)
            })
            .map(|(other, _)| other.clone())
            .collect();
        for other in superseded {
            index.remove(&other);
            let _ = fs::remove_file(self.dir.join(other));
        }
        tracing::debug!(tokens = save.tokens.len(), bytes = size, "KV state saved");
    }

    /// Removes the least recently used state files (of any model) until
    /// the folder holds at most `limit` bytes, and temporary files left by
    /// killed writers.
    fn prune(&self, limit: u64) {
        let mut files = listing(&self.dir);
        let now = SystemTime::now();
        files.retain(|f| {
            let stale = f.temporary
                && now
                    .duration_since(f.modified)
                    .is_ok_and(|age| age > STALE_TEMPORARY);
            if stale {
                let _ = fs::remove_file(&f.path);
            }
            !f.temporary
        });
        files.sort_by_key(|f| f.modified);
        let mut total: u64 = files.iter().map(|f| f.size).sum();
        for file in files {
            if total <= limit {
                break;
            }
            if fs::remove_file(&file.path).is_ok() {
                total -= file.size;
                if let Some(name) = file.path.file_name() {
                    self.index().remove(&*name.to_string_lossy());
                }
            }
        }
    }
}

/// A file in the cache folder.
#[derive(Debug)]
pub struct CachedFile {
    pub path: PathBuf,
    pub size: u64,
    pub modified: SystemTime,
    /// A state being written, or left by a writer that was killed.
    pub temporary: bool,
}

fn listing(dir: &Path) -> Vec<CachedFile> {
    let Ok(items) = fs::read_dir(dir) else {
        return Vec::new();
    };
    items
        .flatten()
        .filter_map(|item| {
            let meta = item.metadata().ok()?;
            let name = item.file_name().to_string_lossy().into_owned();
            let state = name.ends_with(&format!(".{EXTENSION}")) && !name.starts_with('.');
            (meta.is_file() && (state || name.starts_with(".tmp"))).then(|| CachedFile {
                path: item.path(),
                size: meta.len(),
                modified: meta.modified().unwrap_or(UNIX_EPOCH),
                temporary: !state,
            })
        })
        .collect()
}

/// Marks a state as just used, for least-recently-used removal.
fn touch(path: &Path) {
    if let Ok(file) = File::options().append(true).open(path) {
        let _ = file.set_modified(SystemTime::now());
    }
}

/// A state file's header: everything before the payload.
#[derive(Debug)]
pub struct Header {
    pub fingerprint: String,
    pub tokens: Vec<i32>,
    pub payload_len: u64,
    pub payload_sha256: [u8; 32],
}

fn file_size(fingerprint: &Fingerprint, tokens: usize, payload: usize) -> u64 {
    (MAGIC.len() + 4 + 4 + fingerprint.0.len() + 4 + 4 * tokens + 8 + 32 + payload) as u64
}

fn write_state(
    dir: &Path,
    name: &str,
    fingerprint: &Fingerprint,
    save: &Save,
    pause: Option<Duration>,
) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let mut file = tempfile::Builder::new().prefix(".tmp").tempfile_in(dir)?;
    {
        let mut out = io::BufWriter::with_capacity(1 << 20, file.as_file_mut());
        out.write_all(MAGIC)?;
        out.write_all(&VERSION.to_le_bytes())?;
        out.write_all(&(fingerprint.0.len() as u32).to_le_bytes())?;
        out.write_all(fingerprint.0.as_bytes())?;
        out.write_all(&(save.tokens.len() as u32).to_le_bytes())?;
        for token in save.tokens.iter() {
            out.write_all(&token.to_le_bytes())?;
        }
        out.write_all(&(save.bytes.len() as u64).to_le_bytes())?;
        out.write_all(&Sha256::digest(&save.bytes[..]))?;
        let (first, second) = save.bytes.split_at(save.bytes.len() / 2);
        out.write_all(first)?;
        if let Some(pause) = pause {
            out.flush()?;
            std::thread::sleep(pause);
        }
        out.write_all(second)?;
        out.flush()?;
    }
    file.persist(dir.join(name)).map_err(|e| e.error)?;
    Ok(())
}

/// Reads a header, refusing a file that is not a state of this version or
/// was made under another fingerprint.
fn read_header_from(input: &mut impl Read, expected: Option<&Fingerprint>) -> io::Result<Header> {
    let invalid = |what: &str| io::Error::new(io::ErrorKind::InvalidData, what.to_string());
    let mut magic = [0u8; 8];
    input
        .read_exact(&mut magic)
        .map_err(|_| invalid("it is not a flashchat KV state"))?;
    if &magic != MAGIC {
        return Err(invalid("it is not a flashchat KV state"));
    }
    let truncated = |_| invalid("the file is truncated");
    if read_u32(input).map_err(truncated)? != VERSION {
        return Err(invalid("it was written by another version of flashchat"));
    }
    let length = read_u32(input).map_err(truncated)? as usize;
    if length > 1 << 16 {
        return Err(invalid("its header is corrupt"));
    }
    let mut text = vec![0u8; length];
    input.read_exact(&mut text).map_err(truncated)?;
    let fingerprint = String::from_utf8(text).map_err(|_| invalid("its header is corrupt"))?;
    if let Some(expected) = expected {
        if fingerprint != expected.0 {
            return Err(invalid(
                "it was made under another model file or cache layout",
            ));
        }
    }
    let count = read_u32(input).map_err(truncated)? as usize;
    if count > 1 << 24 {
        return Err(invalid("its header is corrupt"));
    }
    let mut raw = vec![0u8; count * 4];
    input.read_exact(&mut raw).map_err(truncated)?;
    let tokens = raw
        .chunks_exact(4)
        .map(|c| i32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    let mut len = [0u8; 8];
    input.read_exact(&mut len).map_err(truncated)?;
    let mut payload_sha256 = [0u8; 32];
    input.read_exact(&mut payload_sha256).map_err(truncated)?;
    Ok(Header {
        fingerprint,
        tokens,
        payload_len: u64::from_le_bytes(len),
        payload_sha256,
    })
}

fn read_u32(input: &mut impl Read) -> io::Result<u32> {
    let mut bytes = [0u8; 4];
    input.read_exact(&mut bytes)?;
    Ok(u32::from_le_bytes(bytes))
}

fn read_header(path: &Path, expected: &Fingerprint) -> io::Result<Header> {
    let mut input = BufReader::new(File::open(path)?);
    read_header_from(&mut input, Some(expected))
}

/// A whole state, checked: header, length and checksum.
fn read_state(path: &Path, expected: &Fingerprint) -> io::Result<(Vec<i32>, Vec<u8>)> {
    let mut input = BufReader::with_capacity(1 << 20, File::open(path)?);
    let header = read_header_from(&mut input, Some(expected))?;
    let invalid = |what: &str| io::Error::new(io::ErrorKind::InvalidData, what.to_string());
    let mut payload = Vec::with_capacity(header.payload_len.min(1 << 34) as usize);
    input.read_to_end(&mut payload)?;
    if payload.len() as u64 != header.payload_len {
        return Err(invalid("the file is truncated"));
    }
    if Sha256::digest(&payload)[..] != header.payload_sha256 {
        return Err(invalid("its checksum does not match (the file is corrupt)"));
    }
    Ok((header.tokens, payload))
}

fn tokens_hash(tokens: &[i32]) -> String {
    let mut hasher = Sha256::new();
    for token in tokens {
        hasher.update(token.to_le_bytes());
    }
    hex(&hasher.finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// One state file, as `flashchat cache` lists it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Entry {
    pub file: String,
    pub bytes: u64,
    pub tokens: usize,
    /// The model file it was made with.
    pub model: String,
    /// Seconds since the Unix epoch.
    pub last_used: u64,
    /// Why it would not load (another flashchat version, a damaged header).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

/// Every state file in `dir` (of any model), most recently used first,
/// and the bytes the folder holds (temporary files included).
pub fn entries(dir: &Path) -> (Vec<Entry>, u64) {
    let files = listing(dir);
    let total = files.iter().map(|f| f.size).sum();
    let mut entries: Vec<Entry> = files
        .into_iter()
        .filter(|f| !f.temporary)
        .map(|f| {
            let header = File::open(&f.path)
                .and_then(|file| read_header_from(&mut BufReader::new(file), None));
            let (tokens, model, problem) = match header {
                Ok(h) => {
                    let model = h
                        .fingerprint
                        .lines()
                        .find_map(|l| l.strip_prefix("model "))
                        .unwrap_or("")
                        .to_string();
                    (h.tokens.len(), model, None)
                }
                Err(e) => (0, String::new(), Some(e.to_string())),
            };
            Entry {
                file: f
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                bytes: f.size,
                tokens,
                model,
                last_used: f
                    .modified
                    .duration_since(UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs()),
                problem,
            }
        })
        .collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.last_used));
    (entries, total)
}

/// The bytes the folder holds, temporary files included.
pub fn folder_bytes(dir: &Path) -> u64 {
    listing(dir).iter().map(|f| f.size).sum()
}

/// Empties the folder of states and temporary files; returns how many
/// files and bytes were removed.
pub fn clear(dir: &Path) -> io::Result<(usize, u64)> {
    let mut removed = (0, 0);
    for file in listing(dir) {
        match fs::remove_file(&file.path) {
            Ok(()) => {
                removed.0 += 1;
                removed.1 += file.size;
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache(dir: &Path, max_disk: u64, max_ram: u64, model: &str) -> StateCache {
        let model_file = dir.join(model);
        if !model_file.exists() {
            fs::write(&model_file, model.as_bytes()).unwrap();
        }
        let config = StateCacheConfig {
            dir: dir.join("kv"),
            max_disk,
            max_ram,
        };
        StateCache::new(config, Fingerprint::new(&model_file, "layout").unwrap())
    }

    fn tokens(n: usize, salt: i32) -> Vec<i32> {
        (0..n as i32).map(|i| i * 7 + salt).collect()
    }

    /// Saves each state and waits for the writer (dropping the cache
    /// joins it).
    fn saved(dir: &Path, states: &[(Vec<i32>, Vec<u8>)], max_disk: u64) {
        for (t, b) in states {
            cache(dir, max_disk, 0, "model.gguf").save(t.clone(), b.clone(), None);
        }
    }

    #[test]
    fn a_saved_state_is_found_for_a_longer_prompt_and_refused_under_another_model() {
        let dir = tempfile::tempdir().unwrap();
        let state = tokens(100, 1);
        saved(dir.path(), &[(state.clone(), vec![9u8; 5000])], 1 << 20);
        let mut same = cache(dir.path(), 1 << 20, 0, "model.gguf");
        let mut prompt = state.clone();
        prompt.extend([5, 6, 7]);
        let hit = same.find(&prompt, 0, false).expect("a hit");
        assert_eq!((&*hit.tokens, hit.tier), (&state[..], Tier::Disk));
        assert_eq!(*hit.bytes, vec![9u8; 5000]);
        // Already cached better in the slot: nothing to load.
        assert!(same.find(&prompt, 100, false).is_none());
        // The same prompt leaves nothing to decode: only a trimmable cache helps.
        assert!(same.find(&state, 0, false).is_none());
        assert_eq!(&*same.find(&state, 0, true).unwrap().tokens, &state[..]);
        // A state diverging before its end needs cutting back.
        let mut other = state[..80].to_vec();
        other.extend([1, 2, 3]);
        assert!(same.find(&other, 0, false).is_none());
        assert!(same.find(&other, 0, true).is_some());

        let mut another = cache(dir.path(), 1 << 20, 0, "other.gguf");
        assert!(another.find(&prompt, 0, true).is_none());
        // Even renamed to the other model's tag, the header refuses it.
        let (entries, _) = entries(&dir.path().join("kv"));
        let other_tag = Fingerprint::new(&dir.path().join("other.gguf"), "layout")
            .unwrap()
            .tag();
        let kv = dir.path().join("kv");
        fs::copy(
            kv.join(&entries[0].file),
            kv.join(format!("{other_tag}-x.kv")),
        )
        .unwrap();
        assert!(another.find(&prompt, 0, true).is_none());
        assert!(!kv.join(format!("{other_tag}-x.kv")).exists(), "removed");
    }

    #[test]
    fn a_truncated_or_corrupt_state_is_ignored_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let state = tokens(100, 2);
        let mut prompt = state.clone();
        prompt.push(1);
        for damage in ["truncate", "flip"] {
            saved(dir.path(), &[(state.clone(), vec![3u8; 10_000])], 1 << 20);
            let kv = dir.path().join("kv");
            let (found, _) = entries(&kv);
            let path = kv.join(&found[0].file);
            let mut bytes = fs::read(&path).unwrap();
            match damage {
                "truncate" => bytes.truncate(bytes.len() - 100),
                _ => *bytes.last_mut().unwrap() ^= 1,
            }
            fs::write(&path, bytes).unwrap();
            let mut cache = cache(dir.path(), 1 << 20, 0, "model.gguf");
            assert!(cache.find(&prompt, 0, false).is_none(), "{damage}");
            assert!(!path.exists(), "{damage}: removed");
        }
    }

    #[test]
    fn the_folder_stays_within_its_bound_and_superseded_states_leave() {
        let dir = tempfile::tempdir().unwrap();
        let kv = dir.path().join("kv");
        let conversations: Vec<_> = (0..6)
            .map(|i| (tokens(100, 1000 * i), vec![0u8; 20_000]))
            .collect();
        saved(dir.path(), &conversations, 50_000);
        let (found, total) = entries(&kv);
        assert!(total <= 50_000, "{total}");
        assert_eq!(found.len(), 2, "the two most recent");
        // A longer turn of the same conversation replaces its earlier state.
        let mut longer = conversations[5].0.clone();
        longer.extend(tokens(10, 5));
        saved(dir.path(), &[(longer.clone(), vec![1u8; 1000])], 50_000);
        let (found, _) = entries(&kv);
        assert_eq!(found.len(), 2);
        assert!(found.iter().any(|e| e.tokens == longer.len()));
        assert!(clear(&kv).unwrap().0 == 2 && entries(&kv).0.is_empty());
    }

    #[test]
    fn memory_keeps_the_most_recent_states_within_its_bound_and_hands_them_over() {
        let dir = tempfile::tempdir().unwrap();
        let mut cache = cache(dir.path(), 0, 25_000, "model.gguf");
        for i in 0..3 {
            cache.stash(tokens(100, 1000 * i), vec![0u8; 10_000]);
        }
        let mut prompt = tokens(100, 0);
        prompt.push(1);
        assert!(cache.find(&prompt, 0, false).is_none(), "the oldest left");
        let mut prompt = tokens(100, 2000);
        prompt.push(1);
        let hit = cache.find(&prompt, 0, false).unwrap();
        assert_eq!(hit.tier, Tier::Memory);
        assert!(
            cache.find(&prompt, 0, false).is_none(),
            "it moved to the slot"
        );
        assert!(!cache.saves_to_disk());
    }
}
