//! Reading the TOML config file: syntax errors with line and column, unknown
//! keys as warnings, and the commented template written on first run.

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::Context;
use toml::Value;

use super::keys::{self, commented_template};
use crate::errors::Hinted;

/// The key/value pairs a file sets, flattened to dotted names, already checked.
pub struct FileValues {
    pub values: Vec<(&'static str, Value)>,
    pub warnings: Vec<String>,
}

pub fn read(path: &Path) -> anyhow::Result<FileValues> {
    let bytes = fs::read(path).map_err(|e| {
        Hinted::new(
            format!("cannot read config file {}: {e}", path.display()),
            "check that the file exists and is readable, or pass another one with --config",
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Hinted::new(
            format!("config file {} is not valid UTF-8 text", path.display()),
            "fix or delete the file; flashchat leaves it untouched",
        )
    })?;
    parse(&text, path)
}

pub fn parse(text: &str, path: &Path) -> anyhow::Result<FileValues> {
    let table: toml::Table = toml::from_str(text).map_err(|e| syntax_error(&e, text, path))?;
    let mut out = FileValues {
        values: Vec::new(),
        warnings: Vec::new(),
    };
    flatten(&table, "", path, &mut out)?;
    Ok(out)
}

fn flatten(
    table: &toml::Table,
    prefix: &str,
    path: &Path,
    out: &mut FileValues,
) -> anyhow::Result<()> {
    for (name, value) in table {
        let full = format!("{prefix}{name}");
        match (keys::find(&full), value) {
            (Some(key), value) => {
                let checked = key.check(value).map_err(|msg| {
                    Hinted::new(
                        format!("config file {}: {msg}", path.display()),
                        "fix the value; flashchat leaves the file untouched",
                    )
                })?;
                out.values.push((key.name, checked));
            }
            (None, Value::Table(inner)) => flatten(inner, &format!("{full}."), path, out)?,
            (None, _) => out.warnings.push(format!(
                "unknown key `{full}` in {} is ignored",
                path.display()
            )),
        }
    }
    Ok(())
}

fn syntax_error(err: &toml::de::Error, text: &str, path: &Path) -> anyhow::Error {
    let (line, column) = err
        .span()
        .map(|span| line_and_column(text, span.start))
        .unwrap_or((1, 1));
    Hinted::new(
        format!(
            "config file {}:{line}:{column}: {}",
            path.display(),
            err.message().trim_end()
        ),
        "fix the syntax at that line; flashchat never overwrites a file it cannot read",
    )
    .into()
}

/// 1-based line and column (in characters) of a byte offset.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Writes the commented template if no file exists yet. Never replaces an
/// existing file: the new file is written beside it and linked into place
/// only if the name is still free.
pub fn create_default(path: &Path) -> anyhow::Result<bool> {
    if path.exists() {
        return Ok(false);
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let tmp = dir.join(format!(".config.toml.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<bool> {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(commented_template().as_bytes())?;
        file.sync_all()?;
        match fs::hard_link(&tmp, path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
            Err(e) => Err(e),
        }
    })();
    let _ = fs::remove_file(&tmp);
    result.with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err = parse("temperature = 0.5\nmodel = \"x\n", Path::new("c.toml"))
            .err()
            .unwrap();
        let msg = err.to_string();
        assert!(msg.starts_with("config file c.toml:2:"), "{msg}");
    }

    #[test]
    fn nested_tables_flatten_and_unknown_keys_warn() {
        let parsed = parse("[server]\nport = 9000\nbogus = 1\n", Path::new("c.toml")).unwrap();
        assert_eq!(parsed.values, vec![("server.port", Value::Integer(9000))]);
        assert_eq!(parsed.warnings.len(), 1);
    }

    #[test]
    fn wrong_types_name_the_key() {
        let err = parse("[server]\nport = \"http\"\n", Path::new("c.toml"))
            .err()
            .unwrap();
        assert!(err
            .to_string()
            .contains("server.port must be a whole number"));
    }

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_and_column("ab\ncdé f", 8), (2, 5));
    }
}
