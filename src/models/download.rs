//! Downloads from the Hugging Face hub with `hf-hub`, into the shared cache.
//!
//! hf-hub writes each file to `blobs/<etag>.part` and resumes from it when a
//! download was interrupted. After a file arrives its SHA-256 is checked
//! against the hub's; a mismatch removes the file again. Progress goes
//! through the [`DownloadReporter`] trait so only the command touches the
//! terminal.

use std::io::Read;
use std::path::{Path, PathBuf};

use hf_hub::api::sync::{Api, ApiBuilder, ApiError};
use hf_hub::Cache;
use sha2::{Digest, Sha256};

use super::hf_cache::{self, is_later_split_part};
use super::spec::{matches_quant, ModelSpec, DEFAULT_QUANT};
use crate::env_vars;
use crate::paths::Env;

pub const DEFAULT_ENDPOINT: &str = "https://huggingface.co";

#[derive(Debug, thiserror::Error)]
pub enum DownloadError {
    #[error("the Hugging Face repo {repo} does not exist, or is private")]
    RepoNotFound { repo: String },
    #[error("{repo} is gated: its files need an access token")]
    Gated { repo: String },
    #[error("{repo} has no file {file}")]
    FileNotFound { repo: String, file: String },
    #[error("{repo} has no {quant} GGUF file")]
    NoQuant {
        repo: String,
        quant: String,
        available: Vec<String>,
    },
    #[error("cannot reach {endpoint}: {reason}")]
    Network { endpoint: String, reason: String },
    #[error("{endpoint} answered {status} for {url}")]
    Http {
        endpoint: String,
        status: u16,
        url: String,
    },
    #[error(
        "{file} is corrupt: its SHA-256 is {actual}, the hub says {expected} (the file was removed)"
    )]
    Checksum {
        file: String,
        expected: String,
        actual: String,
    },
    #[error("a model spec to download names a Hugging Face repo, not a local path: {0}")]
    NotHf(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("download failed: {0}")]
    Other(String),
}

impl DownloadError {
    /// What the user can do about it.
    pub fn hint(&self) -> String {
        match self {
            DownloadError::RepoNotFound { repo } => format!(
                "check the name at https://huggingface.co/{repo}; for a private repo set HF_TOKEN"
            ),
            DownloadError::Gated { repo } => format!(
                "accept the licence at https://huggingface.co/{repo}, then set HF_TOKEN to a token \
                 from https://huggingface.co/settings/tokens"
            ),
            DownloadError::FileNotFound { repo, .. } => {
                format!("see the repo's files at https://huggingface.co/{repo}/tree/main")
            }
            DownloadError::NoQuant { repo, available, .. } if !available.is_empty() => format!(
                "this repo has: {}; pick one with {repo}:QUANT",
                available.join(", ")
            ),
            DownloadError::NoQuant { repo, .. } => {
                format!("{repo} has no GGUF files; look for a repo whose name ends in -GGUF")
            }
            DownloadError::Network { .. } => {
                "check the network (HF_ENDPOINT sets another hub); run the same command again \
                 to resume"
                    .into()
            }
            DownloadError::Checksum { .. } => "run the same command again to download it afresh".into(),
            DownloadError::NotHf(_) => {
                "use owner/repo[:QUANT] or owner/repo/file.gguf; `flashchat models add` registers a local file"
                    .into()
            }
            _ => "run the same command again: finished files are kept and a partial one resumes".into(),
        }
    }
}

/// Told about download progress; implemented by the command that shows it.
pub trait DownloadReporter {
    /// What will be fetched: the repo, its files and their total size.
    fn planned(&self, plan: &Plan);
    /// A file of the plan is in the cache already and is not fetched.
    fn already_there(&self, file: &str);
    /// A file starts: `total` bytes, of which `resumed` are already on disk.
    fn start(&self, file: &str, total: u64, resumed: u64);
    /// `done` bytes of the current file are on disk.
    fn progress(&self, done: u64);
    /// The file is complete; its checksum is being checked.
    fn verifying(&self, file: &str);
    /// The file is in place.
    fn finished(&self, file: &str, path: &Path);
}

/// A file in a repo, as the hub's API lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteFile {
    pub name: String,
    pub size: Option<u64>,
    pub sha256: Option<String>,
}

/// What `models pull` will fetch for a spec.
#[derive(Debug, Clone)]
pub struct Plan {
    pub repo: String,
    /// The model's files; the first is the one to load.
    pub files: Vec<RemoteFile>,
}

impl Plan {
    pub fn total_size(&self) -> Option<u64> {
        self.files.iter().map(|f| f.size).sum()
    }
}

pub struct Hub {
    api: Api,
    cache: Cache,
    endpoint: String,
}

impl Hub {
    /// A client for `HF_ENDPOINT` (default huggingface.co) with `HF_TOKEN`
    /// (or the token file in the Hugging Face home), writing into `hub_dir`.
    pub fn new(env: &Env, hub_dir: &Path) -> Result<Self, DownloadError> {
        let endpoint = env
            .get(env_vars::HF_ENDPOINT)
            .unwrap_or(DEFAULT_ENDPOINT)
            .trim_end_matches('/')
            .to_string();
        let cache = Cache::new(hub_dir.to_path_buf());
        let token = env
            .get(env_vars::HF_TOKEN)
            .map(str::to_string)
            .or_else(|| cache.token());
        let api = ApiBuilder::from_cache(cache.clone())
            .with_endpoint(endpoint.clone())
            .with_token(token)
            .with_progress(false)
            .with_retries(3)
            .with_user_agent("flashchat", env!("CARGO_PKG_VERSION"))
            .build()
            .map_err(|e| DownloadError::Other(e.to_string()))?;
        Ok(Self {
            api,
            cache,
            endpoint,
        })
    }

    /// The files of a repo with sizes and checksums.
    pub fn list(&self, repo: &str) -> Result<Vec<RemoteFile>, DownloadError> {
        let request = self
            .api
            .model(repo.to_string())
            .info_request()
            .query("blobs", "true");
        let response = request
            .call()
            .map_err(|e| self.request_error(e, repo, None))?;
        let info: serde_json::Value = response
            .into_json()
            .map_err(|e| DownloadError::Other(format!("the hub's answer is not JSON: {e}")))?;
        Ok(parse_siblings(&info))
    }

    /// Picks the files a spec names: an exact file, or the GGUF with the
    /// quantisation (every part when it is split).
    pub fn plan(&self, spec: &ModelSpec) -> Result<Plan, DownloadError> {
        let (repo, files) = match spec {
            ModelSpec::Path(p) => return Err(DownloadError::NotHf(p.display().to_string())),
            ModelSpec::HfFile { repo, file } => {
                let listing = self.list(repo)?;
                let found = listing.iter().find(|f| &f.name == file).ok_or_else(|| {
                    DownloadError::FileNotFound {
                        repo: repo.clone(),
                        file: file.clone(),
                    }
                })?;
                (repo, with_split_parts(found, &listing))
            }
            ModelSpec::HfQuant { repo, quant } => {
                let listing = self.list(repo)?;
                let quant = quant.as_deref().unwrap_or(DEFAULT_QUANT);
                let first = pick_quant(&listing, quant).ok_or_else(|| DownloadError::NoQuant {
                    repo: repo.clone(),
                    quant: quant.to_uppercase(),
                    available: available_quants(&listing),
                })?;
                (repo, with_split_parts(first, &listing))
            }
        };
        Ok(Plan {
            repo: repo.clone(),
            files,
        })
    }

    /// Where the file is in the cache, if it was downloaded already.
    pub fn cached(&self, repo: &str, file: &str) -> Option<PathBuf> {
        self.cache.model(repo.to_string()).get(file)
    }

    /// Downloads one file (resuming a partial one), checks its SHA-256 and
    /// returns its path in the cache.
    pub fn fetch(
        &self,
        repo: &str,
        file: &RemoteFile,
        reporter: &dyn DownloadReporter,
    ) -> Result<PathBuf, DownloadError> {
        let progress = ProgressAdapter {
            reporter,
            file: file.name.clone(),
            total: 0,
            done: 0,
            awaiting_offset: false,
        };
        let path = self
            .api
            .model(repo.to_string())
            .download_with_progress(&file.name, progress)
            .map_err(|e| self.api_error(e, repo, Some(&file.name)))?;
        reporter.verifying(&file.name);
        if let Some(expected) = &file.sha256 {
            let actual = sha256_of(&path)?;
            if !actual.eq_ignore_ascii_case(expected) {
                remove_cached(&path);
                return Err(DownloadError::Checksum {
                    file: file.name.clone(),
                    expected: expected.clone(),
                    actual,
                });
            }
        }
        reporter.finished(&file.name, &path);
        Ok(path)
    }

    fn api_error(&self, e: ApiError, repo: &str, file: Option<&str>) -> DownloadError {
        match e {
            ApiError::RequestError(inner) => self.request_error(*inner, repo, file),
            ApiError::TooManyRetries(inner) => self.api_error(*inner, repo, file),
            ApiError::IoError(io) => DownloadError::Io(io),
            other => DownloadError::Other(other.to_string()),
        }
    }

    fn request_error(&self, e: ureq2::Error, repo: &str, file: Option<&str>) -> DownloadError {
        match e {
            ureq2::Error::Status(401, _) if file.is_none() => DownloadError::RepoNotFound {
                repo: repo.to_string(),
            },
            ureq2::Error::Status(401 | 403, _) => DownloadError::Gated {
                repo: repo.to_string(),
            },
            ureq2::Error::Status(404, _) => match file {
                Some(file) => DownloadError::FileNotFound {
                    repo: repo.to_string(),
                    file: file.to_string(),
                },
                None => DownloadError::RepoNotFound {
                    repo: repo.to_string(),
                },
            },
            ureq2::Error::Status(status, response) => DownloadError::Http {
                endpoint: self.endpoint.clone(),
                status,
                url: response.get_url().to_string(),
            },
            ureq2::Error::Transport(t) => DownloadError::Network {
                endpoint: self.endpoint.clone(),
                reason: t.to_string(),
            },
        }
    }
}

/// hf-hub reports progress as byte counts; the first count after each
/// `init` is where a resumed download starts.
struct ProgressAdapter<'a> {
    reporter: &'a dyn DownloadReporter,
    file: String,
    total: u64,
    done: u64,
    awaiting_offset: bool,
}

impl hf_hub::api::Progress for ProgressAdapter<'_> {
    fn init(&mut self, size: usize, _filename: &str) {
        self.total = size as u64;
        self.done = 0;
        self.awaiting_offset = true;
    }

    fn update(&mut self, size: usize) {
        self.done += size as u64;
        if std::mem::take(&mut self.awaiting_offset) {
            self.reporter.start(&self.file, self.total, self.done);
        } else {
            self.reporter.progress(self.done);
        }
    }

    fn finish(&mut self) {}
}

/// Reads `siblings` from the hub's repo info (`?blobs=true` adds sizes and
/// LFS checksums).
fn parse_siblings(info: &serde_json::Value) -> Vec<RemoteFile> {
    let Some(siblings) = info.get("siblings").and_then(|s| s.as_array()) else {
        return Vec::new();
    };
    siblings
        .iter()
        .filter_map(|s| {
            let name = s.get("rfilename")?.as_str()?.to_string();
            let lfs = s.get("lfs");
            let size = lfs
                .and_then(|l| l.get("size"))
                .or_else(|| s.get("size"))
                .and_then(|v| v.as_u64());
            let sha256 = lfs
                .and_then(|l| l.get("sha256"))
                .and_then(|v| v.as_str())
                .map(str::to_string);
            Some(RemoteFile { name, size, sha256 })
        })
        .collect()
}

/// The GGUF with this quantisation; the shortest name wins (as in the cache lookup).
fn pick_quant<'a>(listing: &'a [RemoteFile], quant: &str) -> Option<&'a RemoteFile> {
    listing
        .iter()
        .filter(|f| f.name.ends_with(".gguf") && matches_quant(Path::new(&f.name), quant))
        .min_by_key(|f| f.name.len())
}

/// The first part and, for a split model, the others in order (those the
/// listing has).
fn with_split_parts(first: &RemoteFile, listing: &[RemoteFile]) -> Vec<RemoteFile> {
    let (folder, name) = first.name.rsplit_once('/').unwrap_or(("", &first.name));
    hf_cache::split_part_names(name)
        .into_iter()
        .map(|part| match folder {
            "" => part,
            folder => format!("{folder}/{part}"),
        })
        .filter_map(|part| listing.iter().find(|f| f.name == part).cloned())
        .collect()
}

/// Quantisations present in a listing, for the hint when one is missing.
fn available_quants(listing: &[RemoteFile]) -> Vec<String> {
    const KNOWN: &[&str] = &[
        "IQ1_S", "IQ1_M", "IQ2_XXS", "IQ2_XS", "IQ2_S", "IQ2_M", "IQ3_XXS", "IQ3_XS", "IQ3_S",
        "IQ3_M", "IQ4_XS", "IQ4_NL", "Q2_K", "Q2_K_L", "Q3_K_S", "Q3_K_M", "Q3_K_L", "Q3_K_XL",
        "Q4_0", "Q4_1", "Q4_K_S", "Q4_K_M", "Q4_K_L", "Q4_K_XL", "Q5_0", "Q5_1", "Q5_K_S",
        "Q5_K_M", "Q5_K_L", "Q6_K", "Q6_K_L", "Q8_0", "F16", "BF16", "F32",
    ];
    let mut found: Vec<String> = KNOWN
        .iter()
        .filter(|q| {
            listing.iter().any(|f| {
                f.name.ends_with(".gguf")
                    && !is_later_split_part(&f.name)
                    && matches_quant(Path::new(&f.name), q)
            })
        })
        .map(|q| q.to_string())
        .collect();
    found.dedup();
    found
}

/// Hex SHA-256 of a file.
pub fn sha256_of(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Removes a file from the cache: the snapshot link, the blob it points at
/// and hf-hub's lock file beside the blob.
pub fn remove_cached(pointer: &Path) {
    if let Ok(blob) = std::fs::canonicalize(pointer) {
        let _ = std::fs::remove_file(blob.with_extension("lock"));
        let _ = std::fs::remove_file(blob);
    }
    let _ = std::fs::remove_file(pointer);
}

/// Downloads every part of a model into the cache (parts already there
/// are kept) and returns the first part's path.
pub fn pull(
    hub: &Hub,
    spec: &ModelSpec,
    reporter: &dyn DownloadReporter,
) -> Result<PathBuf, DownloadError> {
    let plan = hub.plan(spec)?;
    reporter.planned(&plan);
    let mut first = None;
    for file in &plan.files {
        let cached = hub.cached(&plan.repo, &file.name).filter(|p| {
            file.size
                .is_none_or(|s| std::fs::metadata(p).is_ok_and(|m| m.len() == s))
        });
        let path = match cached {
            Some(path) => {
                reporter.already_there(&file.name);
                path
            }
            None => hub.fetch(&plan.repo, file, reporter)?,
        };
        first.get_or_insert(path);
    }
    // A plan always holds the file the spec named, so `first` is set.
    Ok(first.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str) -> RemoteFile {
        RemoteFile {
            name: name.into(),
            size: Some(1),
            sha256: None,
        }
    }

    #[test]
    fn picks_the_quant_and_every_split_part() {
        let listing: Vec<_> = [
            "README.md",
            "m-Q4_K_M.gguf",
            "m-Q8_0.gguf",
            "mmproj-m-Q4_K_M.gguf",
            "Q6_K/m-Q6_K-00002-of-00002.gguf",
            "Q6_K/m-Q6_K-00001-of-00002.gguf",
        ]
        .into_iter()
        .map(file)
        .collect();
        assert_eq!(
            pick_quant(&listing, "Q4_K_M").unwrap().name,
            "m-Q4_K_M.gguf"
        );
        assert_eq!(pick_quant(&listing, "q8_0").unwrap().name, "m-Q8_0.gguf");
        let first = pick_quant(&listing, "Q6_K").unwrap();
        let parts: Vec<_> = with_split_parts(first, &listing)
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(
            parts,
            [
                "Q6_K/m-Q6_K-00001-of-00002.gguf",
                "Q6_K/m-Q6_K-00002-of-00002.gguf"
            ]
        );
        assert!(pick_quant(&listing, "Q5_K_M").is_none());
        assert_eq!(available_quants(&listing), ["Q4_K_M", "Q6_K", "Q8_0"]);
    }

    #[test]
    fn reads_sizes_and_checksums_from_the_repo_info() {
        let info = serde_json::json!({"sha": "abc", "siblings": [
            {"rfilename": "a.gguf", "size": 10, "lfs": {"sha256": "ff", "size": 10}},
            {"rfilename": "README.md", "size": 3}
        ]});
        let files = parse_siblings(&info);
        assert_eq!(files[0].sha256.as_deref(), Some("ff"));
        assert_eq!(files[0].size, Some(10));
        assert_eq!(files[1].size, Some(3));
        assert_eq!(files[1].sha256, None);
    }
}
