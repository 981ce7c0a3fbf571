//! File-system helpers every store shares.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

/// Replaces `path` with `bytes` all at once: written to a temporary file in
/// the same folder, synced, then renamed over it, so a crash leaves the old
/// file or the new one, never half of either.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path)
        .with_context(|| format!("cannot replace {}", path.display()))?;
    Ok(())
}

/// A name safe as a file stem and a config table key: 1 to 64 letters,
/// digits, `-` and `_` (template and MCP server names).
pub fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}
