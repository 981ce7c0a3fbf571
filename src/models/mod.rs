//! Models: what the user named (a spec, an alias or a short name), where it
//! is on disk, what its GGUF header says, and getting it from Hugging Face.

pub mod catalog;
pub mod download;
pub mod gguf;
pub mod hf_cache;
pub mod registry;
pub mod spec;

use std::path::PathBuf;

use crate::errors::Hinted;
use crate::paths::{Env, Paths};
use crate::settings::Resolved;
use catalog::{Catalog, Lookup};
use registry::Registry;
pub use spec::ModelSpec;

/// A model that exists on disk and whose header reads as GGUF.
#[derive(Debug, Clone)]
pub struct ResolvedModel {
    pub spec: ModelSpec,
    pub path: PathBuf,
    pub info: gguf::GgufInfo,
}

/// Finds the configured model and checks that it is a complete GGUF file.
pub fn resolve(resolved: &Resolved, env: &Env, paths: &Paths) -> Result<ResolvedModel, Hinted> {
    let Some(text) = resolved.settings.model.as_deref() else {
        let file = resolved
            .config_file
            .as_ref()
            .unwrap_or(&paths.config_file)
            .display()
            .to_string();
        return Err(Hinted::new(
            "no model is configured",
            format!("pass --model PATH.gguf, set FLASHCHAT_MODEL, or set `model` in {file}"),
        ));
    };
    let spec = spec_for(text, &resolved.settings.models_dirs, env, paths)?;
    let path = spec.locate(&paths.hf_hub_dir)?;
    let info = read_checked(&path)?;
    Ok(ResolvedModel { spec, path, info })
}

/// Turns what the user wrote into a spec: an alias from the registry, a
/// path, a Hugging Face name, or the (unique start of the) short name of a
/// model on disk.
pub fn spec_for(
    text: &str,
    dirs: &[String],
    env: &Env,
    paths: &Paths,
) -> Result<ModelSpec, Hinted> {
    let registry = Registry::load(&paths.model_registry)?;
    if let Some(target) = registry.aliases.get(text) {
        return ModelSpec::parse(target, env);
    }
    let parsed = ModelSpec::parse(text, env);
    if matches!(&parsed, Ok(ModelSpec::Path(p)) if p.exists()) || text.contains('/') {
        return parsed;
    }
    let catalog = Catalog::scan(paths, env, dirs, &registry);
    match catalog.find(text) {
        Lookup::Found(entry) => Ok(ModelSpec::Path(entry.path.clone())),
        Lookup::Ambiguous(names) => Err(Hinted::new(
            format!("`{text}` could mean {}", names.join(", ")),
            "type more of the name (`flashchat models` lists them)",
        )),
        Lookup::Missing => parsed.map_err(|_| {
            Hinted::new(
                format!("no model is called `{text}`"),
                "`flashchat models` lists the models on disk; a spec is a .gguf path, \
                 owner/repo[:QUANT] or owner/repo/file.gguf",
            )
        }),
    }
}

/// The name a server announces for the model at `path` (its file name
/// without `.gguf`), in `/v1/models` and every response.
pub fn served_name(path: &std::path::Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// Every model on disk: the Hugging Face cache, flashchat's models folder,
/// the `models.dirs` folders and the registered files.
pub fn on_disk(paths: &Paths, env: &Env, models_dirs: &[String]) -> anyhow::Result<Catalog> {
    let registry = Registry::load(&paths.model_registry)?;
    Ok(Catalog::scan(paths, env, models_dirs, &registry))
}

/// Downloads a Hugging Face model (every part) into the cache and returns
/// the first file's path; errors say what to do.
pub fn pull(
    env: &Env,
    paths: &Paths,
    spec: &ModelSpec,
    reporter: &dyn download::DownloadReporter,
) -> anyhow::Result<PathBuf> {
    let hinted = |e: download::DownloadError| Hinted::new(e.to_string(), e.hint());
    let hub = download::Hub::new(env, &paths.hf_hub_dir).map_err(hinted)?;
    Ok(download::pull(&hub, spec, reporter).map_err(hinted)?)
}

/// Reads a GGUF header, turning failures into errors that say what to do.
pub fn read_checked(path: &std::path::Path) -> Result<gguf::GgufInfo, Hinted> {
    gguf::read_info(path).map_err(|e| {
        let hint = match e {
            gguf::GgufError::Truncated { .. } => {
                "the download was probably interrupted: fetch the file again"
            }
            gguf::GgufError::Io { .. } => "check the file's permissions",
            _ => "point `model` at a .gguf file (llama.cpp's model format)",
        };
        Hinted::new(e.to_string(), hint)
    })
}
