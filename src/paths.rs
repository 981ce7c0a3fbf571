//! Where flashchat keeps its files: XDG directories, `FLASHCHAT_HOME`, and the
//! Hugging Face cache. Everything that touches a location goes through here so
//! tests can point the whole program at a temporary folder.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::env_vars;

/// A snapshot of the process environment, read once at start-up.
#[derive(Debug, Clone, Default)]
pub struct Env {
    vars: HashMap<String, String>,
}

impl Env {
    pub fn from_process() -> Self {
        Self {
            vars: std::env::vars_os()
                .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
                .collect(),
        }
    }

    #[cfg(test)]
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Self {
        Self {
            vars: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    /// The variable's value, with empty values treated as unset.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.vars.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// The folders and files flashchat uses.
#[derive(Debug, Clone)]
pub struct Paths {
    /// `~/.config/flashchat`, or `$FLASHCHAT_HOME`.
    pub config_dir: PathBuf,
    /// `config.toml` inside `config_dir`.
    pub config_file: PathBuf,
    pub sessions_dir: PathBuf,
    pub personas_dir: PathBuf,
    /// Prompt templates (`NAME.md`).
    pub templates_dir: PathBuf,
    /// The last prompt `flashchat prompt` answered, for `templates new --from-last`.
    pub last_prompt_file: PathBuf,
    pub logs_dir: PathBuf,
    pub pid_file: PathBuf,
    /// The Hugging Face hub cache (`models--owner--repo/...` folders).
    pub hf_hub_dir: PathBuf,
    /// flashchat's own models folder (`~/.local/share/flashchat/models`, or
    /// `$FLASHCHAT_HOME/models`): searched by `flashchat models`.
    pub models_dir: PathBuf,
    /// Registered model files and aliases (`models.toml`).
    pub model_registry: PathBuf,
    /// The Responses API's stored answers (`~/.local/share/flashchat/responses`).
    pub responses_dir: PathBuf,
    /// Files flashchat can make again, e.g. the benchmarks' synthetic models
    /// (`~/.cache/flashchat`, or `$FLASHCHAT_HOME/cache`).
    pub cache_dir: PathBuf,
    /// Saved conversation KV states (`~/.cache/flashchat/kv`).
    pub kv_cache_dir: PathBuf,
}

impl Paths {
    pub fn discover(env: &Env) -> anyhow::Result<Self> {
        let home = home_dir(env);
        let (config_dir, data_dir, cache_dir) = match env.get(env_vars::FLASHCHAT_HOME) {
            Some(dir) => (
                PathBuf::from(dir),
                PathBuf::from(dir),
                PathBuf::from(dir).join("cache"),
            ),
            None => (
                xdg_dir(env, env_vars::XDG_CONFIG_HOME, home.as_deref(), ".config")?
                    .join("flashchat"),
                xdg_dir(
                    env,
                    env_vars::XDG_DATA_HOME,
                    home.as_deref(),
                    ".local/share",
                )?
                .join("flashchat"),
                xdg_dir(env, env_vars::XDG_CACHE_HOME, home.as_deref(), ".cache")?
                    .join("flashchat"),
            ),
        };
        let hf_hub_dir = match (env.get(env_vars::HF_HUB_CACHE), env.get(env_vars::HF_HOME)) {
            (Some(hub), _) => PathBuf::from(hub),
            (None, Some(hf_home)) => PathBuf::from(hf_home).join("hub"),
            (None, None) => xdg_dir(env, env_vars::XDG_CACHE_HOME, home.as_deref(), ".cache")?
                .join("huggingface")
                .join("hub"),
        };
        Ok(Self::under(config_dir, &data_dir, cache_dir, hf_hub_dir))
    }

    fn under(
        config_dir: PathBuf,
        data_dir: &Path,
        cache_dir: PathBuf,
        hf_hub_dir: PathBuf,
    ) -> Self {
        Self {
            kv_cache_dir: cache_dir.join("kv"),
            cache_dir,
            models_dir: data_dir.join("models"),
            responses_dir: data_dir.join("responses"),
            model_registry: config_dir.join("models.toml"),
            config_file: config_dir.join("config.toml"),
            sessions_dir: config_dir.join("sessions"),
            personas_dir: config_dir.join("personas"),
            templates_dir: config_dir.join("templates"),
            last_prompt_file: data_dir.join("last-prompt.txt"),
            logs_dir: config_dir.join("logs"),
            pid_file: config_dir.join("server.pid"),
            config_dir,
            hf_hub_dir,
        }
    }

    /// The log file for llama.cpp's own messages and flashchat's diagnostics.
    pub fn engine_log(&self) -> PathBuf {
        self.logs_dir.join("flashchat.log")
    }

    /// The server's log: start-up, model load, one line per request.
    pub fn server_log(&self) -> PathBuf {
        self.logs_dir.join("server.log")
    }

    /// Every benchmark run's summary, one JSON object per line.
    pub fn benchmark_history(&self) -> PathBuf {
        self.config_dir.join("benchmarks.jsonl")
    }
}

fn home_dir(env: &Env) -> Option<PathBuf> {
    env.get("HOME")
        .map(PathBuf::from)
        .or_else(|| directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf()))
}

/// An XDG base directory: the variable when it holds an absolute path (the
/// spec says relative values are ignored), else `$HOME/<fallback>`.
fn xdg_dir(env: &Env, var: &str, home: Option<&Path>, fallback: &str) -> anyhow::Result<PathBuf> {
    if let Some(dir) = env.get(var).map(PathBuf::from).filter(|p| p.is_absolute()) {
        return Ok(dir);
    }
    match home {
        Some(home) => Ok(home.join(fallback)),
        None => anyhow::bail!(
            "cannot find the home directory to place flashchat's files\n\
             hint: set HOME, or FLASHCHAT_HOME to a folder flashchat may use"
        ),
    }
}

/// `~/x` -> `$HOME/x`; other paths unchanged.
pub fn expand_tilde(path: &str, env: &Env) -> PathBuf {
    match (path.strip_prefix("~/"), home_dir(env)) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flashchat_home_relocates_everything() {
        let env = Env::from_pairs(&[("FLASHCHAT_HOME", "/tmp/fc"), ("HOME", "/home/u")]);
        let paths = Paths::discover(&env).unwrap();
        assert_eq!(paths.config_file, PathBuf::from("/tmp/fc/config.toml"));
        assert_eq!(paths.pid_file, PathBuf::from("/tmp/fc/server.pid"));
        assert_eq!(paths.sessions_dir, PathBuf::from("/tmp/fc/sessions"));
    }

    #[test]
    fn xdg_and_hf_variables_are_honoured() {
        let env = Env::from_pairs(&[
            ("HOME", "/home/u"),
            ("XDG_CONFIG_HOME", "/x/conf"),
            ("HF_HOME", "/x/hf"),
        ]);
        let paths = Paths::discover(&env).unwrap();
        assert_eq!(paths.config_dir, PathBuf::from("/x/conf/flashchat"));
        assert_eq!(paths.hf_hub_dir, PathBuf::from("/x/hf/hub"));
    }

    #[test]
    fn relative_xdg_values_are_ignored() {
        let env = Env::from_pairs(&[("HOME", "/home/u"), ("XDG_CONFIG_HOME", "rel")]);
        let paths = Paths::discover(&env).unwrap();
        assert_eq!(paths.config_dir, PathBuf::from("/home/u/.config/flashchat"));
        assert_eq!(
            paths.hf_hub_dir,
            PathBuf::from("/home/u/.cache/huggingface/hub")
        );
    }
}
