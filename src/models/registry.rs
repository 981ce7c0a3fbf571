//! The model registry, `models.toml` in the config folder: GGUF files
//! registered where they are (`models add`) and short aliases (`models alias`).
//!
//! Written whole to a temporary file and renamed into place, so a crash never
//! leaves it half written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::errors::Hinted;

#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq)]
pub struct Registry {
    /// Files registered in place, by absolute path.
    #[serde(default)]
    pub files: Vec<PathBuf>,
    /// Alias -> model spec (a path, `owner/repo[:QUANT]` or `owner/repo/file.gguf`).
    #[serde(default)]
    pub aliases: BTreeMap<String, String>,
}

impl Registry {
    /// Reads the registry; a missing file is an empty registry.
    pub fn load(path: &Path) -> Result<Self, Hinted> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => {
                return Err(Hinted::new(
                    format!("cannot read {}: {e}", path.display()),
                    "check the file's permissions",
                ))
            }
        };
        toml::from_str(&text).map_err(|e| {
            Hinted::new(
                format!(
                    "{} is not a valid model registry: {}",
                    path.display(),
                    e.message()
                ),
                "fix the file by hand, or delete it to forget registered files and aliases",
            )
        })
    }

    pub fn save(&self, path: &Path) -> anyhow::Result<()> {
        let text = format!(
            "# Models registered with `flashchat models add` and aliases set with\n\
             # `flashchat models alias`. Edited by flashchat; comments are not kept.\n\n{}",
            toml::to_string_pretty(self)?
        );
        crate::fsutil::write_atomically(path, text.as_bytes())
    }

    /// Registers a file; false when it already was.
    pub fn add_file(&mut self, path: PathBuf) -> bool {
        if self.files.contains(&path) {
            return false;
        }
        self.files.push(path);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_treats_a_missing_file_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("models.toml");
        assert_eq!(Registry::load(&path).unwrap(), Registry::default());
        let mut registry = Registry::default();
        assert!(registry.add_file("/m/a.gguf".into()));
        assert!(!registry.add_file("/m/a.gguf".into()));
        registry.aliases.insert("small".into(), "o/r:Q8_0".into());
        registry.save(&path).unwrap();
        assert_eq!(Registry::load(&path).unwrap(), registry);
        std::fs::write(&path, "files = 3").unwrap();
        assert!(Registry::load(&path).is_err());
    }
}
