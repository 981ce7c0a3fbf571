//! Model specs: what a user may write for `model`, and how each form is
//! found on disk (a path, or a file in the Hugging Face hub cache).

use super::hf_cache;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::errors::Hinted;
use crate::paths::{expand_tilde, Env};

/// The quantisation picked when a Hugging Face spec names none (as llama.cpp's `-hf`).
pub const DEFAULT_QUANT: &str = "Q4_K_M";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelSpec {
    /// A GGUF file on disk.
    Path(PathBuf),
    /// `owner/repo[:QUANT]`: the repo's GGUF with that quantisation.
    HfQuant { repo: String, quant: Option<String> },
    /// `owner/repo/path/in/repo.gguf`.
    HfFile { repo: String, file: String },
}

impl fmt::Display for ModelSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelSpec::Path(p) => write!(f, "{}", p.display()),
            ModelSpec::HfQuant { repo, quant: None } => write!(f, "{repo}"),
            ModelSpec::HfQuant {
                repo,
                quant: Some(q),
            } => write!(f, "{repo}:{q}"),
            ModelSpec::HfFile { repo, file } => write!(f, "{repo}/{file}"),
        }
    }
}

impl ModelSpec {
    /// Reads a spec. Anything that exists on disk, or looks like a path
    /// (absolute, `./`, `../`, `~/`, or a single `.gguf` name), is a path;
    /// otherwise `owner/repo[:QUANT]` and `owner/repo/file.gguf` name
    /// Hugging Face files.
    pub fn parse(text: &str, env: &Env) -> Result<Self, Hinted> {
        let text = text.trim();
        let path = expand_tilde(text, env);
        let looks_like_path = text.starts_with('/')
            || text.starts_with("./")
            || text.starts_with("../")
            || text.starts_with("~/")
            || (!text.contains('/') && text.ends_with(".gguf"));
        if looks_like_path || path.exists() {
            return Ok(ModelSpec::Path(path));
        }
        let invalid = || {
            Hinted::new(
                format!("`{text}` is not a model spec"),
                "use a path to a .gguf file, owner/repo[:QUANT] or owner/repo/file.gguf",
            )
        };
        let (repo_part, quant) = match text.split_once(':') {
            Some((repo, quant)) if !quant.is_empty() && !quant.contains('/') => {
                (repo, Some(quant.to_string()))
            }
            Some(_) => return Err(invalid()),
            None => (text, None),
        };
        let parts: Vec<&str> = repo_part.split('/').collect();
        if parts.len() < 2 || parts.iter().any(|p| p.is_empty() || *p == "..") {
            return Err(invalid());
        }
        let repo = format!("{}/{}", parts[0], parts[1]);
        match (parts.len(), quant) {
            (2, quant) => Ok(ModelSpec::HfQuant { repo, quant }),
            (_, None) if repo_part.ends_with(".gguf") => Ok(ModelSpec::HfFile {
                repo,
                file: parts[2..].join("/"),
            }),
            _ => Err(invalid()),
        }
    }

    /// Finds the GGUF file on disk. For split models this is the first part.
    pub fn locate(&self, hf_hub_dir: &Path) -> Result<PathBuf, Hinted> {
        match self {
            ModelSpec::Path(path) if path.is_file() => Ok(path.clone()),
            ModelSpec::Path(path) => Err(Hinted::new(
                format!("model file {} does not exist", path.display()),
                "check the path, or set `model` with `flashchat config` or --model",
            )),
            ModelSpec::HfFile { repo, file } => {
                let cache = hf_hub::Cache::new(hf_hub_dir.to_path_buf());
                let found = cache
                    .model(repo.clone())
                    .get(file)
                    .or_else(|| hf_cache::any_snapshot_file(hf_hub_dir, repo, file));
                found.ok_or_else(|| self.not_in_cache(hf_hub_dir, repo))
            }
            ModelSpec::HfQuant { repo, quant } => {
                let quant = quant.as_deref().unwrap_or(DEFAULT_QUANT);
                hf_cache::snapshot_ggufs(hf_hub_dir, repo)
                    .into_iter()
                    .filter(|p| matches_quant(p, quant))
                    .min_by_key(|p| p.to_string_lossy().len())
                    .ok_or_else(|| self.not_in_cache(hf_hub_dir, repo))
            }
        }
    }

    fn not_in_cache(&self, hf_hub_dir: &Path, repo: &str) -> Hinted {
        let folder = hf_cache::repo_folder(hf_hub_dir, repo);
        let state = if folder.exists() {
            "the repo is there, but not this file"
        } else {
            "the repo is not there"
        };
        Hinted::new(
            format!(
                "model {self} is not in the Hugging Face cache: looked in {} ({state})",
                folder.display()
            ),
            format!(
                "download it with `flashchat models pull {self}`, or pick another model with \
                 `flashchat models use` (HF_HOME or HF_HUB_CACHE point at another cache)"
            ),
        )
    }
}

/// A file matches `Q4_K_M` when the name contains it as a separate token
/// (case-insensitive), is not a projector (`mmproj`), and is the first part
/// of a split model if it is split.
pub(crate) fn matches_quant(path: &Path, quant: &str) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let quant = quant.to_ascii_lowercase();
    let token_match = name
        .split(['-', '.', '_'].as_ref())
        .collect::<Vec<_>>()
        .windows(quant.split('_').count())
        .any(|w| w.join("_") == quant);
    token_match && hf_cache::is_model_file(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env() -> Env {
        Env::from_pairs(&[("HOME", "/home/u")])
    }

    #[test]
    fn parses_each_form() {
        let e = env();
        assert_eq!(
            ModelSpec::parse("/m/x.gguf", &e).unwrap(),
            ModelSpec::Path("/m/x.gguf".into())
        );
        assert_eq!(
            ModelSpec::parse("~/m.gguf", &e).unwrap(),
            ModelSpec::Path("/home/u/m.gguf".into())
        );
        assert_eq!(
            ModelSpec::parse("ggml-org/gemma-3-270m-GGUF:Q8_0", &e).unwrap(),
            ModelSpec::HfQuant {
                repo: "ggml-org/gemma-3-270m-GGUF".into(),
                quant: Some("Q8_0".into())
            }
        );
        assert_eq!(
            ModelSpec::parse("o/r/sub/f.gguf", &e).unwrap(),
            ModelSpec::HfFile {
                repo: "o/r".into(),
                file: "sub/f.gguf".into()
            }
        );
        assert!(ModelSpec::parse("justaname", &e).is_err());
        assert!(ModelSpec::parse("o/r:", &e).is_err());
        assert!(ModelSpec::parse("o/r/notes.txt", &e).is_err());
    }

    #[test]
    fn quant_matching_and_discovery_agree_on_split_parts() {
        // Discovery (catalog) and downloads (pull) use the same rule: only
        // llama.cpp's five-digit split names are parts.
        assert!(matches_quant(
            Path::new("model-Q4_K_M-2-of-3.gguf"),
            "Q4_K_M"
        ));
        assert!(!matches_quant(
            Path::new("m-Q4_K_M-00002-of-00003.gguf"),
            "Q4_K_M"
        ));
        assert!(matches_quant(
            Path::new("m-Q4_K_M-00001-of-00003.gguf"),
            "Q4_K_M"
        ));
        assert!(!matches_quant(Path::new("mmproj-m-Q4_K_M.gguf"), "Q4_K_M"));
    }

    #[test]
    fn finds_quant_in_the_cache_layout() {
        let hub = tempfile::tempdir().unwrap();
        let snap = hub.path().join("models--o--r/snapshots/abc123");
        std::fs::create_dir_all(&snap).unwrap();
        std::fs::create_dir_all(hub.path().join("models--o--r/refs")).unwrap();
        std::fs::write(hub.path().join("models--o--r/refs/main"), "abc123").unwrap();
        for f in [
            "m-Q4_K_M.gguf",
            "m-Q4_K_S.gguf",
            "mmproj-m-Q4_K_M.gguf",
            "big-Q8_0-00002-of-00002.gguf",
            "big-Q8_0-00001-of-00002.gguf",
        ] {
            std::fs::write(snap.join(f), b"x").unwrap();
        }
        let find = |s: &str| ModelSpec::parse(s, &env()).unwrap().locate(hub.path());
        assert_eq!(find("o/r").unwrap(), snap.join("m-Q4_K_M.gguf"));
        assert_eq!(find("o/r:q4_k_s").unwrap(), snap.join("m-Q4_K_S.gguf"));
        assert_eq!(
            find("o/r:Q8_0").unwrap(),
            snap.join("big-Q8_0-00001-of-00002.gguf")
        );
        assert_eq!(
            find("o/r/m-Q4_K_S.gguf").unwrap(),
            snap.join("m-Q4_K_S.gguf")
        );
        let err = find("o/r:Q6_K").unwrap_err();
        assert!(err.message.contains("models--o--r"), "{}", err.message);
        let err = find("x/y").unwrap_err();
        assert!(err.message.contains("not there"), "{}", err.message);
    }
}
