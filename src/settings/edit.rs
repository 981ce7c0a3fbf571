//! Changing values in the config file without losing what the user wrote:
//! comments, order and other keys stay as they are. A key still commented
//! out in the template (`# port = 8000`) is uncommented in place.

use std::path::Path;

use anyhow::Context;
use toml_edit::{DocumentMut, Item, Table};

use super::keys;
use crate::fsutil::write_atomically;

/// The file's text before and after a change.
pub struct Change {
    pub before: String,
    pub after: String,
}

impl Change {
    /// The changed lines, `-` for removed and `+` for added.
    pub fn diff(&self) -> Vec<String> {
        let diff = similar::TextDiff::from_lines(&self.before, &self.after);
        diff.iter_all_changes()
            .filter_map(|change| {
                let sign = match change.tag() {
                    similar::ChangeTag::Delete => "-",
                    similar::ChangeTag::Insert => "+",
                    similar::ChangeTag::Equal => return None,
                };
                Some(format!("{sign} {}", change.value().trim_end_matches('\n')))
            })
            .collect()
    }
}

/// Sets `key = value` for each pair and writes the file atomically. A file
/// that does not exist yet starts from the commented template.
pub fn set_values(path: &Path, values: &[(&str, toml::Value)]) -> anyhow::Result<Change> {
    let before = read_or_template(path)?;
    let mut text = before.clone();
    for (key, value) in values {
        text = set_in_text(&text, key, value)
            .with_context(|| format!("cannot update {} in {}", key, path.display()))?;
    }
    // Check what we write reads back as a valid config.
    super::file::parse(&text, path)?;
    write_atomically(path, text.as_bytes())?;
    Ok(Change {
        before,
        after: text,
    })
}

/// Writes `[section]` (a dotted name like `mcp.servers.time`) with the
/// keys of `body` (TOML text), replacing a table of that name; the rest
/// of the file, comments included, stays as it was.
pub fn put_table(path: &Path, section: &str, body: &str) -> anyhow::Result<Change> {
    let new: DocumentMut = body.parse().context("the new table is not valid TOML")?;
    edit_file(path, |doc| {
        let (parent, leaf) = section.rsplit_once('.').unwrap_or(("", section));
        let mut table = doc.as_table_mut();
        for part in parent.split('.').filter(|p| !p.is_empty()) {
            let item = table.entry(part).or_insert_with(|| {
                let mut implicit = Table::new();
                implicit.set_implicit(true);
                Item::Table(implicit)
            });
            table = item
                .as_table_mut()
                .with_context(|| format!("`{part}` in the file is not a table"))?;
        }
        table.insert(leaf, Item::Table(new.as_table().clone()));
        Ok(true)
    })
}

/// Removes `[section]` from the file; `None` when there is no such table.
pub fn remove_table(path: &Path, section: &str) -> anyhow::Result<Option<Change>> {
    let mut found = false;
    let change = edit_file(path, |doc| {
        let (parent, leaf) = section.rsplit_once('.').unwrap_or(("", section));
        let mut table = doc.as_table_mut();
        for part in parent.split('.').filter(|p| !p.is_empty()) {
            match table.get_mut(part).and_then(Item::as_table_mut) {
                Some(inner) => table = inner,
                None => return Ok(false),
            }
        }
        found = table.remove(leaf).is_some();
        Ok(found)
    })?;
    Ok(found.then_some(change))
}

/// Reads the file (or the template), lets `change` edit the document, and
/// writes it back atomically when it says it changed something and the
/// result still reads as a valid config.
fn edit_file(
    path: &Path,
    change: impl FnOnce(&mut DocumentMut) -> anyhow::Result<bool>,
) -> anyhow::Result<Change> {
    let before = read_or_template(path)?;
    let mut doc: DocumentMut = before
        .parse()
        .with_context(|| format!("{} is not valid TOML", path.display()))?;
    if !change(&mut doc)? {
        return Ok(Change {
            after: before.clone(),
            before,
        });
    }
    let text = doc.to_string();
    super::file::parse(&text, path)?;
    write_atomically(path, text.as_bytes())?;
    Ok(Change {
        before,
        after: text,
    })
}

/// The file's text; the commented template when there is no file yet.
fn read_or_template(path: &Path) -> anyhow::Result<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(keys::commented_template()),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

fn set_in_text(text: &str, key: &str, value: &toml::Value) -> anyhow::Result<String> {
    let (section, leaf) = key.rsplit_once('.').unwrap_or(("", key));
    let literal = value.to_string();
    let doc: DocumentMut = text.parse()?;
    let exists = table_of(&doc, section).is_some_and(|t| t.contains_key(leaf));
    if !exists {
        if let Some(uncommented) = uncomment(text, section, leaf, &literal) {
            return Ok(uncommented);
        }
    }
    let mut doc = doc;
    let mut table = doc.as_table_mut();
    if !section.is_empty() {
        for part in section.split('.') {
            let item = table
                .entry(part)
                .or_insert_with(|| Item::Table(Table::new()));
            table = item
                .as_table_mut()
                .with_context(|| format!("`{part}` in the file is not a table"))?;
        }
    }
    let parsed: DocumentMut = format!("v = {literal}").parse()?;
    let new_value = parsed["v"].clone();
    match table.get_mut(leaf) {
        Some(item) => {
            // Keep the comment that follows the old value on its line.
            let suffix = item.as_value().and_then(|v| {
                v.decor()
                    .suffix()
                    .and_then(|s| s.as_str())
                    .map(str::to_string)
            });
            *item = new_value;
            if let (Some(suffix), Some(v)) = (suffix, item.as_value_mut()) {
                v.decor_mut().set_suffix(suffix);
            }
        }
        None => {
            table.insert(leaf, new_value);
        }
    }
    Ok(doc.to_string())
}

fn table_of<'a>(doc: &'a DocumentMut, section: &str) -> Option<&'a Table> {
    let mut table = doc.as_table();
    if section.is_empty() {
        return Some(table);
    }
    for part in section.split('.') {
        table = table.get(part)?.as_table()?;
    }
    Some(table)
}

/// Replaces a `# leaf = ...` line inside `[section]` with `leaf = literal`.
fn uncomment(text: &str, section: &str, leaf: &str, literal: &str) -> Option<String> {
    let mut current = String::new();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut hit = None;
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if let Some(name) = trimmed.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            current = name.trim().to_string();
            continue;
        }
        let Some(rest) = trimmed.strip_prefix('#') else {
            continue;
        };
        let is_key = rest
            .trim_start()
            .strip_prefix(leaf)
            .is_some_and(|r| r.trim_start().starts_with('='));
        if current == section && is_key {
            hit = Some(i);
        }
    }
    lines[hit?] = format!("{leaf} = {literal}");
    let mut out = lines.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uncomments_template_lines_and_keeps_everything_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let change = set_values(
            &path,
            &[
                ("model", toml::Value::String("/m/a.gguf".into())),
                ("server.port", toml::Value::Integer(9000)),
            ],
        )
        .unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\nmodel = \"/m/a.gguf\"\n"), "{text}");
        assert!(text.contains("\nport = 9000\n"), "{text}");
        assert!(text.contains("# temperature = 0.7"));
        assert_eq!(
            change.diff(),
            [
                "- # model = \"\"",
                "+ model = \"/m/a.gguf\"",
                "- # port = 8000",
                "+ port = 9000"
            ]
        );
        // A second change replaces the value where it is.
        set_values(&path, &[("model", toml::Value::String("b".into()))]).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\nmodel = \"b\"\n"), "{text}");
        assert_eq!(text.matches("model =").count(), 1);
    }

    #[test]
    fn adds_keys_to_files_without_the_template() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "temperature = 0.2 # mine\n").unwrap();
        set_values(&path, &[("temperature", toml::Value::Float(0.5))]).unwrap();
        set_values(&path, &[("server.port", toml::Value::Integer(9001))]).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("temperature = 0.5 # mine"), "{text}");
        assert!(text.contains("[server]\nport = 9001"), "{text}");
    }
}
