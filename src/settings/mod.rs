//! Settings: layers merged by precedence, remembering where each value came
//! from. `/set` in a chat > CLI flags > a persona > `FLASHCHAT_*`
//! environment > config file > defaults. The first four are read once by
//! `resolve`; personas and `/set` are laid on top with
//! [`Resolved::with_layer`].

pub mod edit;
mod file;
pub mod keys;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use toml::Value;

use crate::errors::Hinted;
use crate::paths::{Env, Paths};

/// Where a value came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    Default,
    File(PathBuf),
    Env(String),
    /// The persona a chat answers as.
    Persona(String),
    /// The prompt template `prompt -t` fills.
    Template(String),
    Cli(&'static str),
    /// `/set` in a running chat.
    Chat,
}

impl Origin {
    /// Precedence: a layer replaces the values of lower ranks only.
    fn rank(&self) -> u8 {
        match self {
            Origin::Default => 0,
            Origin::File(_) => 1,
            Origin::Env(_) => 2,
            Origin::Persona(_) => 3,
            Origin::Template(_) => 4,
            Origin::Cli(_) => 5,
            Origin::Chat => 6,
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => write!(f, "default"),
            Origin::File(path) => write!(f, "file {}", path.display()),
            Origin::Env(var) => write!(f, "env {var}"),
            Origin::Persona(name) => write!(f, "persona {name}"),
            Origin::Template(name) => write!(f, "template {name}"),
            Origin::Cli(flag) => write!(f, "cli {flag}"),
            Origin::Chat => write!(f, "chat /set"),
        }
    }
}

/// A value given on the command line: key, value and the flag that gave it.
#[derive(Debug, Clone)]
pub struct CliOverride {
    pub key: &'static str,
    pub value: Value,
    pub flag: &'static str,
}

/// Colour policy for terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorMode {
    Auto,
    Always,
    Never,
}

/// A remote OpenAI-compatible server answering some model names.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Upstream {
    pub models: Vec<String>,
    /// Its API base (`http://host:8000/v1`).
    pub url: String,
    /// The environment variable holding its key (never the key itself).
    pub api_key_env: Option<String>,
}

/// `server.upstreams`, already checked by its key.
fn upstreams(value: &Value) -> Vec<Upstream> {
    let text = |t: &toml::Table, k: &str| t.get(k).and_then(Value::as_str).map(str::to_string);
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_table)
                .map(|t| Upstream {
                    models: match t.get("models").and_then(Value::as_array) {
                        Some(names) => names
                            .iter()
                            .filter_map(Value::as_str)
                            .map(str::to_string)
                            .collect(),
                        None => text(t, "model").into_iter().collect(),
                    },
                    url: text(t, "url")
                        .unwrap_or_default()
                        .trim_end_matches('/')
                        .to_string(),
                    api_key_env: text(t, "api_key_env"),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Server settings (used by `serve` and the clients).
#[derive(Debug, Clone, serde::Serialize)]
pub struct ServerSettings {
    pub host: String,
    pub port: u16,
    pub parallel: u32,
    pub api_key: Option<String>,
    /// A server to use instead of flashchat's own.
    pub url: Option<String>,
    pub max_body_bytes: usize,
    /// Disk kept for the Responses API's stored answers.
    pub responses_max_bytes: u64,
    /// Models loaded at once; 0: as many as memory allows.
    pub max_models: u32,
    /// How long an unused model stays loaded, as written (`5m`, `-1`).
    pub keep_alive: String,
    /// Models answered by other servers.
    pub upstreams: Vec<Upstream>,
    /// Origins allowed to call the API from a browser.
    pub cors_origins: Vec<String>,
    /// Host names a loopback server answers besides localhost.
    pub allowed_hosts: Vec<String>,
}

/// Whether `prompt` and `chat` go through a server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UseServer {
    /// When one is running (or `server.url` is set).
    Auto,
    Always,
    Never,
}

/// The effective, typed settings every command receives.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Settings {
    pub model: Option<String>,
    pub context_size: u32,
    pub max_tokens: u32,
    pub temperature: f32,
    pub top_p: f32,
    pub top_k: u32,
    pub min_p: f32,
    pub repeat_penalty: f32,
    /// `None`: a fresh random seed each time.
    pub seed: Option<u32>,
    pub system_prompt: Option<String>,
    /// `None`: one thread per physical core.
    pub threads: Option<u32>,
    pub show_thinking: bool,
    /// A Jinja chat template file that replaces the model's own.
    pub chat_template: Option<PathBuf>,
    /// How embeddings are pooled (`None`: the model's own).
    pub pooling: Option<crate::engine::embed::Pooling>,
    /// The KV cache's layout.
    pub kv: crate::engine::kv::KvOptions,
    /// Where the model's layers run.
    pub gpu: crate::engine::gpu::GpuOptions,
    pub color: ColorMode,
    pub use_server: UseServer,
    pub server: ServerSettings,
    /// Extra folders `flashchat models` searches, as written (`~` not yet expanded).
    pub models_dirs: Vec<String>,
    pub cache: CacheSettings,
    /// MCP servers, by name.
    pub mcp_servers: Vec<crate::mcp::ServerConfig>,
    pub agent: AgentSettings,
    pub tui: TuiSettings,
}

/// How `flashchat tui` looks and which keys it takes.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TuiSettings {
    /// `dark` or `light`.
    pub theme: String,
    pub mouse: bool,
    /// Action name → key, over the defaults.
    pub keys: BTreeMap<String, String>,
}

/// How chat and `prompt --tools` run tool calls.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AgentSettings {
    /// Most answers with tool calls in one turn.
    pub max_steps: u32,
    /// `auto`, `required`, `none` or a tool's name, for the first step of
    /// each turn (later steps are `auto`).
    pub tool_choice: String,
}

/// How much room conversations' KV states get beyond the slots.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct CacheSettings {
    /// Bytes of state files on disk; 0 saves none.
    pub max_disk_bytes: u64,
    /// Bytes of states in memory; 0 keeps none.
    pub max_ram_bytes: u64,
}

impl CacheSettings {
    /// Where and how the engine keeps states, in `dir`.
    pub fn engine_config(&self, dir: &Path) -> crate::engine::state_cache::StateCacheConfig {
        crate::engine::state_cache::StateCacheConfig {
            dir: dir.to_path_buf(),
            max_disk: self.max_disk_bytes,
            max_ram: self.max_ram_bytes,
        }
    }
}

impl Settings {
    /// Threads for inference: the setting, or one per physical core (no
    /// more than the CPUs this process may use, under affinity or cgroup limits).
    pub fn effective_threads(&self) -> u32 {
        self.threads.unwrap_or_else(|| {
            let usable = std::thread::available_parallelism().map_or(1, |n| n.get());
            num_cpus::get_physical().min(usable).max(1) as u32
        })
    }
}

/// The outcome of resolution: typed settings plus what `config show` needs.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub settings: Settings,
    /// Every key's effective value (absent when unset) and its origin.
    pub values: BTreeMap<&'static str, (Option<Value>, Origin)>,
    /// The config file read, if any.
    pub config_file: Option<PathBuf>,
    /// True when this run created the commented default config file.
    pub created_config: bool,
    pub warnings: Vec<String>,
}

impl Resolved {
    /// Where the value of `key` (one of the `keys::*` names) came from.
    pub fn origin(&self, key: &str) -> &Origin {
        self.values
            .get(key)
            .map_or(&Origin::Default, |(_, origin)| origin)
    }

    /// The value of `key` when it was given on the command line.
    pub fn from_command_line(&self, key: &str) -> Option<&Value> {
        match self.values.get(key) {
            Some((value, Origin::Cli(_))) => value.as_ref(),
            _ => None,
        }
    }

    /// The value of `key` when this run asked for it: a flag, or the prompt
    /// template being filled.
    pub fn asked_for(&self, key: &str) -> Option<&Value> {
        match self.values.get(key) {
            Some((value, Origin::Cli(_) | Origin::Template(_))) => value.as_ref(),
            _ => None,
        }
    }

    /// Whether `key` was chosen for this run explicitly, by a flag or an
    /// environment variable, rather than by the config file or a default.
    pub fn is_explicit(&self, key: &str) -> bool {
        matches!(self.origin(key), Origin::Cli(_) | Origin::Env(_))
    }

    /// These settings with one more layer laid on: each value replaces the
    /// key's current one where that came from a layer of lower precedence
    /// (a persona's temperature gives way to `--temperature`, `/set` to
    /// nothing). Values are checked against the key table like any other
    /// layer's; the error names the key.
    pub fn with_layer<'v>(
        &self,
        origin: &Origin,
        layer: impl IntoIterator<Item = (&'v str, Value)>,
    ) -> Result<Resolved, String> {
        let mut values = self.values.clone();
        for (name, value) in layer {
            let key = keys::find(name).ok_or_else(|| format!("`{name}` is not a setting"))?;
            let value = key.check(&value).map_err(|e| format!("{name}: {e}"))?;
            let current = values.get(key.name).map_or(0, |(_, o)| o.rank());
            if origin.rank() >= current {
                values.insert(key.name, (Some(value), origin.clone()));
            }
        }
        Ok(Resolved {
            settings: typed(&values),
            values,
            ..self.clone()
        })
    }
}

/// Reads every layer and merges them. `config_override` is `--config FILE`.
pub fn resolve(
    env: &Env,
    paths: &Paths,
    config_override: Option<&Path>,
    cli: &[CliOverride],
) -> anyhow::Result<Resolved> {
    let mut warnings = Vec::new();
    let (config_file, created_config) = match config_override {
        Some(path) => (path.to_path_buf(), false),
        None => {
            let created = file::create_default(&paths.config_file).unwrap_or_else(|e| {
                warnings.push(format!("{e:#}; continuing with defaults"));
                false
            });
            (paths.config_file.clone(), created)
        }
    };
    let file_values = if config_override.is_some() || config_file.exists() {
        let parsed = file::read(&config_file)?;
        warnings.extend(parsed.warnings);
        Some(parsed.values)
    } else {
        None
    };

    let mut values = default_values();
    for (key, value) in file_values.into_iter().flatten() {
        values.insert(key, (Some(value), Origin::File(config_file.clone())));
    }
    for (key, value, var) in env_layer(env, &mut warnings)? {
        values.insert(key, (Some(value), Origin::Env(var)));
    }
    for o in cli {
        let key = keys::find(o.key).ok_or_else(|| anyhow::anyhow!("unknown setting {}", o.key))?;
        let value = key.check(&o.value).map_err(|msg| {
            Hinted::new(
                format!("invalid value for {}: {msg}", o.flag),
                format!("see `flashchat help` for {}", o.flag),
            )
        })?;
        values.insert(key.name, (Some(value), Origin::Cli(o.flag)));
    }

    Ok(Resolved {
        settings: typed(&values),
        values,
        config_file: config_file.exists().then_some(config_file),
        created_config,
        warnings,
    })
}

type Values = BTreeMap<&'static str, (Option<Value>, Origin)>;

fn default_values() -> Values {
    keys::KEYS
        .iter()
        .map(|k| (k.name, (k.default_value(), Origin::Default)))
        .collect()
}

#[cfg(test)]
impl Settings {
    /// Every key at its default, with no files read: for unit tests.
    pub fn defaults() -> Self {
        typed(&default_values())
    }
}

#[cfg(test)]
impl Resolved {
    /// Every key at its default, with no files read: for unit tests.
    pub fn defaults() -> Self {
        let values = default_values();
        Resolved {
            settings: typed(&values),
            values,
            config_file: None,
            created_config: false,
            warnings: Vec::new(),
        }
    }
}

type EnvValue = (&'static str, Value, String);

fn env_layer(env: &Env, warnings: &mut Vec<String>) -> anyhow::Result<Vec<EnvValue>> {
    let mut out = Vec::new();
    for key in keys::KEYS {
        let var = key.env_var();
        if let Some(text) = env.get(&var) {
            let value = key.parse_text(text).map_err(|msg| {
                Hinted::new(
                    format!("environment variable {var}: {msg}"),
                    format!("fix or unset {var}"),
                )
            })?;
            out.push((key.name, value, var));
        }
    }
    for (name, _) in env.iter() {
        let is_setting = keys::KEYS.iter().any(|k| k.env_var() == name);
        if name.starts_with(crate::env_vars::SETTING_PREFIX)
            && !is_setting
            && !crate::env_vars::NON_SETTING_VARS.contains(&name)
        {
            warnings.push(format!("{name} is not a flashchat setting and is ignored"));
        }
    }
    Ok(out)
}

/// The non-empty, trimmed items of a comma-separated setting.
fn comma_list(text: Option<String>) -> Vec<String> {
    text.map(|list| {
        list.split(',')
            .map(|item| item.trim().to_string())
            .filter(|item| !item.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

/// Builds the typed struct. Every value was checked against its key's kind
/// and range when its layer was read, so the conversions here cannot fail.
fn typed(values: &Values) -> Settings {
    let get = |k: &str| values.get(k).and_then(|(v, _)| v.as_ref());
    let text = |k: &str| {
        get(k)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let int = |k: &str| get(k).and_then(Value::as_integer).unwrap_or(0);
    let float = |k: &str| get(k).and_then(Value::as_float).unwrap_or(0.0) as f32;
    Settings {
        model: text(keys::MODEL),
        context_size: int(keys::CONTEXT_SIZE) as u32,
        max_tokens: int(keys::MAX_TOKENS) as u32,
        temperature: float(keys::TEMPERATURE),
        top_p: float(keys::TOP_P),
        top_k: int(keys::TOP_K) as u32,
        min_p: float(keys::MIN_P),
        repeat_penalty: float(keys::REPEAT_PENALTY),
        seed: u32::try_from(int(keys::SEED)).ok(),
        system_prompt: text(keys::SYSTEM_PROMPT),
        threads: Some(int(keys::THREADS) as u32).filter(|&t| t > 0),
        show_thinking: get(keys::SHOW_THINKING)
            .and_then(Value::as_bool)
            .unwrap_or(false),
        chat_template: text(keys::CHAT_TEMPLATE).map(PathBuf::from),
        pooling: text(keys::POOLING).and_then(|p| crate::engine::embed::Pooling::parse(&p)),
        kv: {
            use crate::engine::kv::{CacheType, FlashAttention, KvOptions};
            let cache_type = |k: &str| {
                text(k)
                    .and_then(|t| CacheType::parse(&t))
                    .unwrap_or(CacheType::F16)
            };
            KvOptions {
                type_k: cache_type(keys::CACHE_TYPE_K),
                type_v: cache_type(keys::CACHE_TYPE_V),
                flash_attention: text(keys::FLASH_ATTENTION)
                    .and_then(|f| FlashAttention::parse(&f))
                    .unwrap_or(FlashAttention::Auto),
                swa_full: get(keys::SWA_FULL)
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
            }
        },
        gpu: {
            use crate::engine::gpu::{GpuLayers, GpuOptions, SplitMode};
            GpuOptions {
                layers: match get(keys::GPU_LAYERS) {
                    Some(Value::Integer(n)) => GpuLayers::Count(*n as u32),
                    Some(Value::String(s)) => GpuLayers::parse(s).unwrap_or(GpuLayers::Auto),
                    _ => GpuLayers::Auto,
                },
                main_gpu: int(keys::MAIN_GPU) as u32,
                split_mode: text(keys::SPLIT_MODE)
                    .and_then(|s| SplitMode::parse(&s))
                    .unwrap_or(SplitMode::Layer),
            }
        },
        color: match text(keys::COLOR).as_deref() {
            Some("always") => ColorMode::Always,
            Some("never") => ColorMode::Never,
            _ => ColorMode::Auto,
        },
        use_server: match text(keys::USE_SERVER).as_deref() {
            Some("always") => UseServer::Always,
            Some("never") => UseServer::Never,
            _ => UseServer::Auto,
        },
        server: ServerSettings {
            host: text(keys::SERVER_HOST).unwrap_or_else(|| "127.0.0.1".into()),
            port: int(keys::SERVER_PORT) as u16,
            parallel: int(keys::SERVER_PARALLEL) as u32,
            api_key: text(keys::SERVER_API_KEY),
            url: text(keys::SERVER_URL),
            max_body_bytes: int(keys::SERVER_MAX_BODY_MB) as usize * (1 << 20),
            responses_max_bytes: int(keys::SERVER_RESPONSES_MAX_MB) as u64 * (1 << 20),
            max_models: int(keys::SERVER_MAX_MODELS) as u32,
            keep_alive: text(keys::SERVER_KEEP_ALIVE).unwrap_or_else(|| "5m".into()),
            upstreams: get(keys::SERVER_UPSTREAMS)
                .map(upstreams)
                .unwrap_or_default(),
            cors_origins: comma_list(text(keys::SERVER_CORS_ORIGINS))
                .into_iter()
                .map(|o| o.trim_end_matches('/').to_string())
                .collect(),
            allowed_hosts: comma_list(text(keys::SERVER_ALLOWED_HOSTS)),
        },
        models_dirs: get(keys::MODELS_DIRS)
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
        cache: CacheSettings {
            max_disk_bytes: int(keys::CACHE_MAX_SIZE_MB) as u64 * (1 << 20),
            max_ram_bytes: int(keys::CACHE_MAX_RAM_MB) as u64 * (1 << 20),
        },
        mcp_servers: get(keys::MCP_SERVERS)
            .map(crate::mcp::config::servers)
            .unwrap_or_default(),
        agent: AgentSettings {
            max_steps: int(keys::AGENT_MAX_STEPS) as u32,
            tool_choice: text(keys::AGENT_TOOL_CHOICE).unwrap_or_else(|| "auto".into()),
        },
        tui: TuiSettings {
            theme: text(keys::TUI_THEME).unwrap_or_else(|| "dark".into()),
            mouse: get(keys::TUI_MOUSE)
                .and_then(Value::as_bool)
                .unwrap_or(true),
            keys: get(keys::TUI_KEYS)
                .and_then(Value::as_table)
                .map(|t| {
                    t.iter()
                        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                        .collect()
                })
                .unwrap_or_default(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_paths(dir: &Path) -> Paths {
        let env = Env::from_pairs(&[("FLASHCHAT_HOME", dir.to_str().unwrap())]);
        Paths::discover(&env).unwrap()
    }

    #[test]
    fn precedence_is_cli_then_env_then_file_then_default() {
        let dir = tempfile::tempdir().unwrap();
        let paths = temp_paths(dir.path());
        std::fs::write(
            &paths.config_file,
            "temperature = 0.2\ntop_k = 7\nmin_p = 0.1\n",
        )
        .unwrap();
        let env = Env::from_pairs(&[("FLASHCHAT_TEMPERATURE", "0.3"), ("FLASHCHAT_TOP_K", "9")]);
        let cli = [CliOverride {
            key: "temperature",
            value: Value::Float(0.4),
            flag: "--temperature",
        }];
        let r = resolve(&env, &paths, None, &cli).unwrap();
        assert_eq!(r.settings.temperature, 0.4);
        assert_eq!(r.settings.top_k, 9);
        assert_eq!(r.settings.min_p, 0.1);
        assert_eq!(r.settings.top_p, 0.95);
        assert_eq!(r.values[keys::TEMPERATURE].1, Origin::Cli("--temperature"));
        assert_eq!(
            r.values[keys::TOP_K].1,
            Origin::Env("FLASHCHAT_TOP_K".into())
        );
        assert_eq!(
            r.values[keys::MIN_P].1,
            Origin::File(paths.config_file.clone())
        );
        assert_eq!(r.values[keys::TOP_P].1, Origin::Default);
    }

    #[test]
    fn layers_give_way_to_higher_precedence_only() {
        let dir = tempfile::tempdir().unwrap();
        let paths = temp_paths(dir.path());
        std::fs::write(&paths.config_file, "temperature = 0.2\ntop_p = 0.5\n").unwrap();
        let cli = [CliOverride {
            key: keys::MAX_TOKENS,
            value: Value::Integer(64),
            flag: "--max-tokens",
        }];
        let base = resolve(&Env::default(), &paths, None, &cli).unwrap();
        let persona = Origin::Persona("coder".into());
        let r = base
            .with_layer(
                &persona,
                [
                    (keys::TEMPERATURE, Value::Float(0.9)),
                    (keys::MAX_TOKENS, Value::Integer(10)),
                ],
            )
            .unwrap();
        assert_eq!(r.settings.temperature, 0.9);
        assert_eq!(*r.origin(keys::TEMPERATURE), persona);
        assert_eq!(r.settings.max_tokens, 64, "a flag beats a persona");
        assert_eq!(r.settings.top_p, 0.5);
        let r = r
            .with_layer(&Origin::Chat, [(keys::MAX_TOKENS, Value::Integer(5))])
            .unwrap();
        assert_eq!(r.settings.max_tokens, 5, "/set beats everything");
        assert_eq!(r.origin(keys::MAX_TOKENS).to_string(), "chat /set");
        assert_eq!(r.origin(keys::TEMPERATURE).to_string(), "persona coder");
        // Layers are checked like the config file.
        let err = base
            .with_layer(&persona, [(keys::TEMPERATURE, Value::Float(9.0))])
            .unwrap_err();
        assert!(err.starts_with("temperature:"), "{err}");
        assert!(base
            .with_layer(&persona, [("temprature", Value::Float(0.1))])
            .is_err());
    }

    #[test]
    fn first_run_writes_the_template_once() {
        let dir = tempfile::tempdir().unwrap();
        let paths = temp_paths(dir.path());
        let r = resolve(&Env::default(), &paths, None, &[]).unwrap();
        assert!(r.created_config);
        let r = resolve(&Env::default(), &paths, None, &[]).unwrap();
        assert!(!r.created_config);
        assert_eq!(r.settings.server.port, 8000);
        assert_eq!(r.settings.seed, None);
    }

    #[test]
    fn bad_env_values_are_errors_naming_the_variable() {
        let dir = tempfile::tempdir().unwrap();
        let env = Env::from_pairs(&[("FLASHCHAT_SERVER_PORT", "eighty")]);
        let err = resolve(&env, &temp_paths(dir.path()), None, &[]).unwrap_err();
        assert!(err.to_string().contains("FLASHCHAT_SERVER_PORT"), "{err}");
    }
}
