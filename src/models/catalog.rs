//! Every GGUF model on disk: the Hugging Face cache, flashchat's own models
//! folder, the folders in `models.dirs` and files registered in place. Each
//! gets a short name (from its file name, or an alias) usable wherever a model
//! spec is accepted. Finding files reads directories only; headers are read
//! on demand, in parallel, without loading weights.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::gguf::{self, GgufInfo};
use super::hf_cache::{self, split_suffix};
use super::registry::Registry;
use crate::paths::{expand_tilde, Env, Paths};

/// Where a model file was found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// Downloaded into the Hugging Face cache.
    HfCache { repo: String, file: String },
    /// flashchat's own models folder.
    ModelsDir,
    /// A folder listed in `models.dirs`.
    ConfigDir { dir: PathBuf },
    /// Registered in place with `models add`.
    Registered,
}

impl Source {
    pub fn label(&self) -> String {
        match self {
            Source::HfCache { repo, .. } => format!("hf:{repo}"),
            Source::ModelsDir => "models folder".into(),
            Source::ConfigDir { dir } => dir.display().to_string(),
            Source::Registered => "registered".into(),
        }
    }
}

/// One model on disk.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Short name: the file name without `.gguf` (and without a split suffix), lower case.
    pub name: String,
    /// Aliases from the registry that point at this model.
    pub aliases: Vec<String>,
    /// The first (or only) file.
    pub path: PathBuf,
    /// Every part of a split model, the first one included.
    pub parts: Vec<PathBuf>,
    pub source: Source,
}

impl Entry {
    /// What to write as `model` in the config to use this model.
    pub fn spec(&self) -> String {
        match &self.source {
            Source::HfCache { repo, file } => format!("{repo}/{file}"),
            _ => self.path.display().to_string(),
        }
    }

    /// Bytes on disk, all parts together.
    pub fn size(&self) -> u64 {
        self.parts
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum()
    }

    pub fn read_info(&self) -> Result<GgufInfo, gguf::GgufError> {
        gguf::read_info(&self.path)
    }

    /// Whether `text` names this entry: its name, an alias, its spec or path.
    pub fn answers_to(&self, text: &str) -> bool {
        let lower = text.to_ascii_lowercase();
        self.name == lower
            || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(text))
            || self.spec() == text
            || same_file(&self.path, Path::new(text))
    }
}

/// All models found, in a stable order: registered files, the models folder,
/// configured folders, then the Hugging Face cache.
#[derive(Debug, Default)]
pub struct Catalog {
    pub entries: Vec<Entry>,
}

impl Catalog {
    pub fn scan(paths: &Paths, env: &Env, dirs: &[String], registry: &Registry) -> Self {
        let mut found: Vec<(PathBuf, Source)> = Vec::new();
        for file in &registry.files {
            found.push((file.clone(), Source::Registered));
        }
        for file in ggufs_in(&paths.models_dir) {
            found.push((file, Source::ModelsDir));
        }
        for dir in dirs {
            let dir = expand_tilde(dir, env);
            for file in ggufs_in(&dir) {
                found.push((
                    file,
                    Source::ConfigDir {
                        dir: dir.to_path_buf(),
                    },
                ));
            }
        }
        found.extend(hf_cache_files(&paths.hf_hub_dir));

        let mut seen = HashSet::new();
        let mut entries: Vec<Entry> = Vec::new();
        for (path, source) in found {
            // Snapshot files are links into `blobs/`, where identical files
            // share one blob: they are distinct models all the same.
            let key = match source {
                Source::HfCache { .. } => path.clone(),
                _ => std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone()),
            };
            if !seen.insert(key) {
                continue;
            }
            let file_name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut name = short_name(&file_name);
            let taken = |n: &str| entries.iter().any(|e| e.name == n);
            if taken(&name) {
                name = (2..)
                    .map(|i| format!("{name}-{i}"))
                    .find(|n| !taken(n))
                    .unwrap_or(name);
            }
            entries.push(Entry {
                name,
                aliases: Vec::new(),
                parts: hf_cache::split_parts(&path),
                path,
                source,
            });
        }
        for (alias, target) in &registry.aliases {
            if let Some(entry) = entries.iter_mut().find(|e| e.answers_to(target)) {
                entry.aliases.push(alias.clone());
            }
        }
        Self { entries }
    }

    /// The entry `text` names: exactly, or as the unique start of a name.
    pub fn find(&self, text: &str) -> Lookup<'_> {
        if let Some(entry) = self.entries.iter().find(|e| e.answers_to(text)) {
            return Lookup::Found(entry);
        }
        let lower = text.to_ascii_lowercase();
        let matches: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| e.name.starts_with(&lower))
            .collect();
        match matches.as_slice() {
            [] => Lookup::Missing,
            [one] => Lookup::Found(one),
            many => Lookup::Ambiguous(many.iter().map(|e| e.name.clone()).collect()),
        }
    }

    /// The entry the configured model resolves to, if it is one of these.
    pub fn in_use(&self, model: Option<&Path>) -> Option<&Entry> {
        let model = model?;
        self.entries.iter().find(|e| same_file(&e.path, model))
    }

    /// Reads every entry's header, in parallel (a header read is mostly
    /// waiting on the disk).
    pub fn read_all(&self) -> Vec<Result<GgufInfo, gguf::GgufError>> {
        let workers = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .clamp(2, 8);
        let chunk = self.entries.len().div_ceil(workers).max(1);
        std::thread::scope(|scope| {
            let handles: Vec<_> = self
                .entries
                .chunks(chunk)
                .map(|entries| {
                    scope.spawn(move || entries.iter().map(Entry::read_info).collect::<Vec<_>>())
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect::<Vec<_>>()
        })
    }
}

pub enum Lookup<'a> {
    Found(&'a Entry),
    Missing,
    Ambiguous(Vec<String>),
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// `Gemma-3-270M-Q4_K_M-00001-of-00002.gguf` -> `gemma-3-270m-q4_k_m`.
pub fn short_name(file_name: &str) -> String {
    let stem = file_name.strip_suffix(".gguf").unwrap_or(file_name);
    let stem = match split_suffix(stem) {
        Some((base, _, _)) => base,
        None => stem,
    };
    stem.to_ascii_lowercase()
}

/// Models in a folder and its sub-folders (two levels), skipping later
/// split parts and projector files.
fn ggufs_in(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    hf_cache::collect_ggufs(dir, 2, &mut out);
    out.retain(|p| is_model_file(p));
    out.sort();
    out
}

fn is_model_file(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| hf_cache::is_model_file(&n.to_string_lossy()))
}

/// Every model in the Hugging Face cache, with the repo and in-repo path it came from.
fn hf_cache_files(hub: &Path) -> Vec<(PathBuf, Source)> {
    let Ok(repos) = std::fs::read_dir(hub) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut folders: Vec<_> = repos.flatten().map(|e| e.file_name()).collect();
    folders.sort();
    for folder in folders {
        let folder = folder.to_string_lossy();
        let Some(repo) = hf_cache::repo_of_folder(&folder) else {
            continue;
        };
        for path in hf_cache::snapshot_ggufs(hub, &repo) {
            if !is_model_file(&path) {
                continue;
            }
            let file = hf_cache::snapshot_relative(&path).unwrap_or_default();
            out.push((
                path,
                Source::HfCache {
                    repo: repo.clone(),
                    file,
                },
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::hf_cache::{is_later_split_part, split_parts};
    use super::*;

    #[test]
    fn short_names_drop_extension_and_split_suffix() {
        assert_eq!(short_name("Gemma-3-Q4_K_M.gguf"), "gemma-3-q4_k_m");
        assert_eq!(short_name("big-Q8_0-00001-of-00003.gguf"), "big-q8_0");
        assert!(is_later_split_part("big-Q8_0-00002-of-00003.gguf"));
        assert!(!is_later_split_part("big-Q8_0-00001-of-00003.gguf"));
        assert!(!is_later_split_part("model-2-of-3.gguf"));
        assert_eq!(
            split_parts(Path::new("/m/big-00001-of-00002.gguf")),
            vec![
                PathBuf::from("/m/big-00001-of-00002.gguf"),
                PathBuf::from("/m/big-00002-of-00002.gguf")
            ]
        );
    }

    #[test]
    fn finds_by_name_alias_and_unique_prefix() {
        let dir = tempfile::tempdir().unwrap();
        let env = Env::from_pairs(&[("FLASHCHAT_HOME", dir.path().to_str().unwrap())]);
        let paths = Paths::discover(&env).unwrap();
        std::fs::create_dir_all(&paths.models_dir).unwrap();
        for f in [
            "alpha-q4.gguf",
            "alpha-q8.gguf",
            "beta.gguf",
            "mmproj-x.gguf",
        ] {
            std::fs::write(paths.models_dir.join(f), b"x").unwrap();
        }
        let mut registry = Registry::default();
        registry.aliases.insert(
            "fast".into(),
            paths.models_dir.join("beta.gguf").display().to_string(),
        );
        let catalog = Catalog::scan(&paths, &env, &[], &registry);
        let names: Vec<_> = catalog.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["alpha-q4", "alpha-q8", "beta"]);
        assert!(matches!(catalog.find("BETA"), Lookup::Found(e) if e.name == "beta"));
        assert!(matches!(catalog.find("fast"), Lookup::Found(e) if e.name == "beta"));
        assert!(matches!(catalog.find("b"), Lookup::Found(e) if e.name == "beta"));
        assert!(matches!(catalog.find("alpha"), Lookup::Ambiguous(n) if n.len() == 2));
        assert!(matches!(catalog.find("gamma"), Lookup::Missing));
    }
}
