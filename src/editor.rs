//! Opening the person's editor (`$VISUAL`, else `$EDITOR`) on a file: the
//! chat's `/edit`, `templates new` and `templates edit`.

use std::path::Path;

/// Opens the editor on `path` and waits for it. `Ok(false)` when neither
/// variable names an editor; an error when it fails.
pub fn open(path: &Path) -> anyhow::Result<bool> {
    let Some(editor) = std::env::var("VISUAL")
        .ok()
        .or_else(|| std::env::var("EDITOR").ok())
        .filter(|e| !e.trim().is_empty())
    else {
        return Ok(false);
    };
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let status = std::process::Command::new(program)
        .args(words)
        .arg(path)
        .status()
        .map_err(|e| anyhow::anyhow!("cannot start the editor `{editor}`: {e}"))?;
    if !status.success() {
        anyhow::bail!("{editor} exited with {status}");
    }
    Ok(true)
}
