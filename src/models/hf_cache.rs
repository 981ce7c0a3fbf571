//! The Hugging Face cache layout and GGUF file naming, in one place: repo
//! folders (`models--owner--name`), snapshots, split models
//! (`name-00001-of-00003.gguf`) and projector files (`mmproj`), which are
//! not models by themselves. Discovery, `models pull` and quant matching
//! all ask here, so they cannot disagree.

use std::path::{Path, PathBuf};

/// The cache folder of `owner/name`.
pub fn repo_folder(hf_hub_dir: &Path, repo: &str) -> PathBuf {
    hf_hub_dir.join(format!("models--{}", repo.replace('/', "--")))
}

/// The repo a cache folder holds: `models--owner--name` -> `owner/name`.
pub fn repo_of_folder(folder: &str) -> Option<String> {
    folder
        .strip_prefix("models--")
        .and_then(|r| r.split_once("--"))
        .map(|(owner, name)| format!("{owner}/{name}"))
}

/// `file` in any snapshot, for caches whose `refs/main` is missing.
pub fn any_snapshot_file(hf_hub_dir: &Path, repo: &str, file: &str) -> Option<PathBuf> {
    let snapshots = repo_folder(hf_hub_dir, repo).join("snapshots");
    std::fs::read_dir(snapshots)
        .ok()?
        .flatten()
        .map(|e| e.path().join(file))
        .find(|p| p.is_file())
}

/// Every `.gguf` in the repo's snapshots (one level of sub-folders deep).
pub fn snapshot_ggufs(hf_hub_dir: &Path, repo: &str) -> Vec<PathBuf> {
    let snapshots = repo_folder(hf_hub_dir, repo).join("snapshots");
    let mut found = Vec::new();
    let Ok(revisions) = std::fs::read_dir(snapshots) else {
        return found;
    };
    for revision in revisions.flatten() {
        collect_ggufs(&revision.path(), 2, &mut found);
    }
    found.sort();
    found
}

/// `.../snapshots/<rev>/sub/f.gguf` -> `sub/f.gguf`.
pub fn snapshot_relative(path: &Path) -> Option<String> {
    let parts: Vec<_> = path.iter().map(|p| p.to_string_lossy()).collect();
    let at = parts.iter().rposition(|p| p == "snapshots")?;
    Some(parts.get(at + 2..)?.join("/"))
}

/// Adds every `.gguf` under `dir` (and `depth` levels of sub-folders).
pub fn collect_ggufs(dir: &Path, depth: u32, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() && depth > 0 {
            collect_ggufs(&path, depth - 1, out);
        } else if path.extension().is_some_and(|e| e == "gguf") {
            out.push(path);
        }
    }
}

/// `name-00001-of-00003` -> (`name`, 1, 3): llama.cpp's split naming, with
/// five-digit numbers. `model-2-of-3` is not a split name.
pub fn split_suffix(stem: &str) -> Option<(&str, u32, u32)> {
    let (rest, total) = stem.rsplit_once("-of-")?;
    let (base, index) = rest.rsplit_once('-')?;
    let digits = |s: &str| s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(index) || !digits(total) {
        return None;
    }
    Some((base, index.parse().ok()?, total.parse().ok()?))
}

fn stem_of(file_name: &str) -> &str {
    file_name.strip_suffix(".gguf").unwrap_or(file_name)
}

/// Whether the file is a second or later part of a split model.
pub fn is_later_split_part(file_name: &str) -> bool {
    split_suffix(stem_of(file_name)).is_some_and(|(_, index, _)| index > 1)
}

/// Whether the file is a multimodal projector rather than a model.
pub fn is_projector(file_name: &str) -> bool {
    file_name.to_ascii_lowercase().contains("mmproj")
}

/// Whether a `.gguf` file is a model one can load by naming it: not a
/// projector, and the first part if the model is split.
pub fn is_model_file(file_name: &str) -> bool {
    !is_projector(file_name) && !is_later_split_part(file_name)
}

/// The names of all parts of a split model, from its first part's name
/// (just the name itself when it is not split).
pub fn split_part_names(first: &str) -> Vec<String> {
    match split_suffix(stem_of(first)) {
        Some((base, 1, total)) => (1..=total)
            .map(|i| format!("{base}-{i:05}-of-{total:05}.gguf"))
            .collect(),
        _ => vec![first.to_string()],
    }
}

/// All parts of a split model from its first part's path.
pub fn split_parts(first: &Path) -> Vec<PathBuf> {
    let name = first
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    split_part_names(&name)
        .into_iter()
        .map(|part| first.with_file_name(part))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_names_follow_llama_cpp() {
        assert_eq!(
            split_suffix("big-Q8_0-00002-of-00003"),
            Some(("big-Q8_0", 2, 3))
        );
        assert!(is_later_split_part("big-Q8_0-00002-of-00003.gguf"));
        assert!(!is_later_split_part("big-Q8_0-00001-of-00003.gguf"));
        // Not llama.cpp's split naming: a model of its own.
        assert!(!is_later_split_part("model-2-of-3.gguf"));
        assert!(is_model_file("model-2-of-3.gguf"));
        assert_eq!(
            split_parts(Path::new("/m/big-00001-of-00002.gguf")),
            [
                PathBuf::from("/m/big-00001-of-00002.gguf"),
                PathBuf::from("/m/big-00002-of-00002.gguf")
            ]
        );
        assert_eq!(split_part_names("one.gguf"), ["one.gguf"]);
    }

    #[test]
    fn projectors_are_not_models() {
        assert!(is_projector("mmproj-x.gguf") && is_projector("Gemma-MMPROJ-f16.gguf"));
        assert!(!is_model_file("mmproj-x.gguf"));
        assert!(is_model_file("gemma-3-270m-q4_k_m.gguf"));
    }

    #[test]
    fn cache_folders_name_their_repo() {
        let hub = Path::new("/hub");
        assert_eq!(
            repo_folder(hub, "ggml-org/gemma-3-1b-it-GGUF"),
            PathBuf::from("/hub/models--ggml-org--gemma-3-1b-it-GGUF")
        );
        assert_eq!(
            repo_of_folder("models--ggml-org--gemma-3-1b-it-GGUF").as_deref(),
            Some("ggml-org/gemma-3-1b-it-GGUF")
        );
        assert_eq!(repo_of_folder("datasets--x--y"), None);
        assert_eq!(
            snapshot_relative(Path::new("/hub/models--a--b/snapshots/abc/sub/f.gguf")).as_deref(),
            Some("sub/f.gguf")
        );
    }
}
