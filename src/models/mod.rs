//! Models: what the user named (a spec), where it is on disk, and what its
//! GGUF header says. Downloads and listing arrive with model management.

pub mod gguf;
pub mod spec;

use std::path::PathBuf;

use crate::errors::Hinted;
use crate::paths::{Env, Paths};
use crate::settings::Resolved;
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
    let spec = ModelSpec::parse(text, env)?;
    let path = spec.locate(&paths.hf_hub_dir)?;
    let info = gguf::read_info(&path).map_err(|e| {
        let hint = match e {
            gguf::GgufError::Truncated { .. } => {
                "the download was probably interrupted: fetch the file again"
            }
            gguf::GgufError::Io { .. } => "check the file's permissions",
            _ => "point `model` at a .gguf file (llama.cpp's model format)",
        };
        Hinted::new(e.to_string(), hint)
    })?;
    Ok(ResolvedModel { spec, path, info })
}
