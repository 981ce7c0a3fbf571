//! The table of setting keys: name, type and range, default and documentation.
//!
//! This table drives everything else: the commented config template, the
//! `FLASHCHAT_*` variable names, validation of every layer, `config show`.

use toml::Value;

/// What values a key accepts.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// Any string; the empty string means "not set".
    Text,
    Int {
        min: i64,
        max: i64,
    },
    Float {
        min: f64,
        max: f64,
    },
    Bool,
    Choice(&'static [&'static str]),
    /// A list of folders: a TOML array of strings; in the environment,
    /// separated by `:` like `PATH`.
    PathList,
    /// Layers to offload: `"auto"`, `"all"` or a whole number (a number
    /// in the environment or on the command line is read as one).
    Layers,
    /// Remote servers: an array of tables `{models, url, api_key_env}`
    /// (`[[server.upstreams]]` in the file; an inline TOML array in the
    /// environment).
    Upstreams,
    /// MCP servers: a table of tables (`[mcp.servers.NAME]` in the file;
    /// an inline TOML table in the environment).
    McpServers,
    /// Keys of the workspace: a table of action = "key" (`[tui.keys]`).
    KeyMap,
}

#[derive(Debug)]
pub struct Key {
    /// Dotted name as written in the file: `temperature`, `server.port`.
    pub name: &'static str,
    pub kind: Kind,
    /// The default as a TOML literal (`0.7`, `"auto"`); `None` when unset by default.
    pub default: Option<&'static str>,
    pub doc: &'static str,
}

/// The settings' names: a typo in one is a compile error, not a silent default.
pub const MODEL: &str = "model";
pub const CONTEXT_SIZE: &str = "context_size";
pub const MAX_TOKENS: &str = "max_tokens";
pub const TEMPERATURE: &str = "temperature";
pub const TOP_P: &str = "top_p";
pub const TOP_K: &str = "top_k";
pub const MIN_P: &str = "min_p";
pub const REPEAT_PENALTY: &str = "repeat_penalty";
pub const SEED: &str = "seed";
pub const SYSTEM_PROMPT: &str = "system_prompt";
pub const THREADS: &str = "threads";
pub const SHOW_THINKING: &str = "show_thinking";
pub const CHAT_TEMPLATE: &str = "chat_template";
pub const POOLING: &str = "pooling";
pub const CACHE_TYPE_K: &str = "cache_type_k";
pub const CACHE_TYPE_V: &str = "cache_type_v";
pub const FLASH_ATTENTION: &str = "flash_attention";
pub const SWA_FULL: &str = "swa_full";
pub const GPU_LAYERS: &str = "gpu_layers";
pub const MAIN_GPU: &str = "main_gpu";
pub const SPLIT_MODE: &str = "split_mode";

/// The KV cache element types, as llama.cpp's tools name them.
const CACHE_TYPES: &[&str] = &[
    "f32", "f16", "bf16", "q8_0", "q5_1", "q5_0", "q4_1", "q4_0", "iq4_nl",
];
pub const COLOR: &str = "color";
pub const USE_SERVER: &str = "use_server";
pub const SERVER_HOST: &str = "server.host";
pub const SERVER_PORT: &str = "server.port";
pub const SERVER_PARALLEL: &str = "server.parallel";
pub const SERVER_API_KEY: &str = "server.api_key";
pub const SERVER_MAX_BODY_MB: &str = "server.max_body_mb";
pub const SERVER_RESPONSES_MAX_MB: &str = "server.responses_max_mb";
pub const SERVER_MAX_MODELS: &str = "server.max_models";
pub const SERVER_KEEP_ALIVE: &str = "server.keep_alive";
pub const SERVER_UPSTREAMS: &str = "server.upstreams";
pub const SERVER_CORS_ORIGINS: &str = "server.cors_origins";
pub const SERVER_ALLOWED_HOSTS: &str = "server.allowed_hosts";
pub const SERVER_URL: &str = "server.url";
pub const MODELS_DIRS: &str = "models.dirs";
pub const CACHE_MAX_SIZE_MB: &str = "cache.max_size_mb";
pub const CACHE_MAX_RAM_MB: &str = "cache.max_ram_mb";
pub const MCP_SERVERS: &str = "mcp.servers";
pub const AGENT_MAX_STEPS: &str = "agent.max_steps";
pub const AGENT_TOOL_CHOICE: &str = "agent.tool_choice";
pub const TUI_THEME: &str = "tui.theme";
pub const TUI_MOUSE: &str = "tui.mouse";
pub const TUI_KEYS: &str = "tui.keys";

pub const KEYS: &[Key] = &[
    Key {
        name: MODEL,
        kind: Kind::Text,
        default: None,
        doc: "Model: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf (Hugging Face cache)",
    },
    Key {
        name: CONTEXT_SIZE,
        kind: Kind::Int {
            min: 0,
            max: 1 << 20,
        },
        default: Some("4096"),
        doc: "Context window in tokens; 0 uses the model's trained length",
    },
    Key {
        name: MAX_TOKENS,
        kind: Kind::Int {
            min: 1,
            max: 1 << 20,
        },
        default: Some("2048"),
        doc: "Most tokens generated for one answer",
    },
    Key {
        name: TEMPERATURE,
        kind: Kind::Float { min: 0.0, max: 5.0 },
        default: Some("0.7"),
        doc: "Sampling temperature; 0 always picks the most likely token",
    },
    Key {
        name: TOP_P,
        kind: Kind::Float { min: 0.0, max: 1.0 },
        default: Some("0.95"),
        doc: "Nucleus sampling threshold; 1 disables it",
    },
    Key {
        name: TOP_K,
        kind: Kind::Int {
            min: 0,
            max: 1 << 20,
        },
        default: Some("40"),
        doc: "Sample among the K most likely tokens; 0 disables it",
    },
    Key {
        name: MIN_P,
        kind: Kind::Float { min: 0.0, max: 1.0 },
        default: Some("0.05"),
        doc: "Drop tokens less likely than min_p times the most likely one; 0 disables it",
    },
    Key {
        name: REPEAT_PENALTY,
        kind: Kind::Float {
            min: 0.01,
            max: 10.0,
        },
        default: Some("1.0"),
        doc: "Penalty for repeating recent tokens; 1 disables it",
    },
    Key {
        name: SEED,
        kind: Kind::Int {
            min: -1,
            max: u32::MAX as i64,
        },
        default: Some("-1"),
        doc: "Random seed for sampling; -1 picks a new one each time",
    },
    Key {
        name: SYSTEM_PROMPT,
        kind: Kind::Text,
        default: Some("\"\""),
        doc: "System prompt sent before every conversation",
    },
    Key {
        name: THREADS,
        kind: Kind::Int { min: 0, max: 1024 },
        default: Some("0"),
        doc: "CPU threads for inference; 0 uses one per physical core",
    },
    Key {
        name: SHOW_THINKING,
        kind: Kind::Bool,
        default: Some("false"),
        doc: "Show the reasoning of thinking models",
    },
    Key {
        name: CHAT_TEMPLATE,
        kind: Kind::Text,
        default: Some("\"\""),
        doc: "A Jinja chat template file used instead of the model's own (empty: the model's)",
    },
    Key {
        name: POOLING,
        kind: Kind::Choice(&["auto", "mean", "cls", "last"]),
        default: Some("\"auto\""),
        doc: "How embeddings are pooled: auto (the model's own; mean if it has none), mean, cls or last",
    },
    Key {
        name: CACHE_TYPE_K,
        kind: Kind::Choice(CACHE_TYPES),
        default: Some("\"f16\""),
        doc: "Element type of the KV cache's keys: f16, q8_0 (half the memory), q4_0, … as llama.cpp's -ctk",
    },
    Key {
        name: CACHE_TYPE_V,
        kind: Kind::Choice(CACHE_TYPES),
        default: Some("\"f16\""),
        doc: "Element type of the KV cache's values (a quantised one needs flash attention), as llama.cpp's -ctv",
    },
    Key {
        name: FLASH_ATTENTION,
        kind: Kind::Choice(&["auto", "on", "off"]),
        default: Some("\"auto\""),
        doc: "Flash attention: auto (where the backend has it), on or off",
    },
    Key {
        name: SWA_FULL,
        kind: Kind::Bool,
        default: Some("false"),
        doc: "Keep a full-length cache for sliding-window layers (more memory; llama.cpp's tools keep it off)",
    },
    Key {
        name: GPU_LAYERS,
        kind: Kind::Layers,
        default: Some("\"auto\""),
        doc: "Model layers offloaded to the GPU (GPU builds): auto (as many as fit the free GPU memory, by llama.cpp's own fitting), all, or a number; 0 runs on the CPU",
    },
    Key {
        name: MAIN_GPU,
        kind: Kind::Int { min: 0, max: 63 },
        default: Some("0"),
        doc: "The GPU that holds the model when split_mode is none, and the results otherwise",
    },
    Key {
        name: SPLIT_MODE,
        kind: Kind::Choice(crate::engine::gpu::SplitMode::NAMES),
        default: Some("\"layer\""),
        doc: "How several GPUs share a model: none (main_gpu only), layer, row",
    },
    Key {
        name: COLOR,
        kind: Kind::Choice(&["auto", "always", "never"]),
        default: Some("\"auto\""),
        doc: "Colour on the terminal: auto, always or never (NO_COLOR is honoured)",
    },
    Key {
        name: USE_SERVER,
        kind: Kind::Choice(&["auto", "always", "never"]),
        default: Some("\"auto\""),
        doc: "prompt and chat: use a running server (auto), require one (always), or load the model in-process (never)",
    },
    Key {
        name: SERVER_HOST,
        kind: Kind::Text,
        default: Some("\"127.0.0.1\""),
        doc: "Address the server binds to",
    },
    Key {
        name: SERVER_PORT,
        kind: Kind::Int { min: 1, max: 65535 },
        default: Some("8000"),
        doc: "Port the server listens on",
    },
    Key {
        name: SERVER_PARALLEL,
        kind: Kind::Int { min: 1, max: 64 },
        default: Some("4"),
        doc: "Requests the server decodes at the same time",
    },
    Key {
        name: SERVER_API_KEY,
        kind: Kind::Text,
        default: Some("\"\""),
        doc: "When set, clients must send it as a Bearer token",
    },
    Key {
        name: SERVER_MAX_BODY_MB,
        kind: Kind::Int { min: 1, max: 1024 },
        default: Some("8"),
        doc: "Largest request body in MiB; larger ones get 413",
    },
    Key {
        name: SERVER_RESPONSES_MAX_MB,
        kind: Kind::Int { min: 1, max: 1 << 20 },
        default: Some("256"),
        doc: "Disk kept for stored /v1/responses answers in MiB; the oldest go first",
    },
    Key {
        name: SERVER_MAX_MODELS,
        kind: Kind::Int { min: 0, max: 64 },
        default: Some("0"),
        doc: "Models the server keeps loaded at once (0: as many as memory allows); the least recently used is unloaded first",
    },
    Key {
        name: SERVER_KEEP_ALIVE,
        kind: Kind::Text,
        default: Some("\"5m\""),
        doc: "How long an unused model stays loaded: seconds, or 30s, 5m, 1h; -1 keeps it",
    },
    Key {
        name: SERVER_UPSTREAMS,
        kind: Kind::Upstreams,
        default: Some("[]"),
        doc: "Models answered by other OpenAI-compatible servers: [[server.upstreams]] with models = [...], url, api_key_env",
    },
    Key {
        name: SERVER_CORS_ORIGINS,
        kind: Kind::Text,
        default: Some("\"\""),
        doc: "Comma-separated origins browsers may call the API from (none by default)",
    },
    Key {
        name: SERVER_ALLOWED_HOSTS,
        kind: Kind::Text,
        default: Some("\"\""),
        doc: "Comma-separated host names a loopback server answers besides localhost (for a reverse proxy); .example.com allows a whole domain",
    },
    Key {
        name: SERVER_URL,
        kind: Kind::Text,
        default: Some("\"\""),
        doc: "Another OpenAI-compatible server to use instead of flashchat's own, e.g. http://gpu-box:8080/v1",
    },
    Key {
        name: MODELS_DIRS,
        kind: Kind::PathList,
        default: Some("[]"),
        doc: "Extra folders searched for .gguf files by `flashchat models`, e.g. [\"~/models\"]",
    },
    Key {
        name: CACHE_MAX_SIZE_MB,
        kind: Kind::Int { min: 0, max: 1 << 24 },
        default: Some("4096"),
        doc: "Disk for saved conversation KV states in MiB (the cache folder's kv/); the least recently used go first; 0 saves none",
    },
    Key {
        name: CACHE_MAX_RAM_MB,
        kind: Kind::Int { min: 0, max: 1 << 24 },
        default: Some("2048"),
        doc: "Memory for the KV states of conversations whose slot was given to another, in MiB; 0 keeps none",
    },
    Key {
        name: MCP_SERVERS,
        kind: Kind::McpServers,
        default: Some("{}"),
        doc: "MCP servers (flashchat mcp): [mcp.servers.NAME] with command = [...] and env, or url and headers; enabled, trust, timeout",
    },
    Key {
        name: AGENT_MAX_STEPS,
        kind: Kind::Int { min: 1, max: 100 },
        default: Some("10"),
        doc: "Most answers with tool calls in one turn of chat or prompt --tools before the loop stops",
    },
    Key {
        name: AGENT_TOOL_CHOICE,
        kind: Kind::Text,
        default: Some("\"auto\""),
        doc: "Tool use at the first step of each turn: auto, required (small models may need it), none, or a tool's name",
    },
    Key {
        name: TUI_THEME,
        kind: Kind::Choice(&["dark", "light"]),
        default: Some("\"dark\""),
        doc: "Colours of flashchat tui: dark or light (for the terminal's background)",
    },
    Key {
        name: TUI_MOUSE,
        kind: Kind::Bool,
        default: Some("true"),
        doc: "Whether flashchat tui takes the mouse (wheel scrolls, a click focuses; off keeps the terminal's own selection)",
    },
    Key {
        name: TUI_KEYS,
        kind: Kind::KeyMap,
        default: Some("{}"),
        doc: "Keys of flashchat tui, rebound: [tui.keys] with action = \"key\", like palette = \"ctrl-k\" (the palette lists the actions)",
    },
];

/// The range of the numeric setting `name`, as the table gives it: the
/// one source for every place a value is checked (files, environment,
/// flags, HTTP requests, the chat's `/set`, the setup wizard). Whole-number
/// settings are `whole`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min: f64,
    pub max: f64,
    pub whole: bool,
}

impl Bounds {
    pub fn contains(&self, value: f64) -> bool {
        value.is_finite()
            && (self.min..=self.max).contains(&value)
            && (!self.whole || value.fract() == 0.0)
    }
}

/// The bounds of a numeric key. Only names from this module are passed,
/// and a test checks each of them is numeric.
pub fn bounds(name: &str) -> Bounds {
    match find(name).map(|k| k.kind) {
        Some(Kind::Int { min, max }) => Bounds {
            min: min as f64,
            max: max as f64,
            whole: true,
        },
        Some(Kind::Float { min, max }) => Bounds {
            min,
            max,
            whole: false,
        },
        _ => Bounds {
            min: f64::NEG_INFINITY,
            max: f64::INFINITY,
            whole: false,
        },
    }
}

/// The environment variable that overrides the key `name`.
pub fn env_var_for(name: &str) -> String {
    format!(
        "{}{}",
        crate::env_vars::SETTING_PREFIX,
        name.to_ascii_uppercase().replace('.', "_")
    )
}

pub fn find(name: &str) -> Option<&'static Key> {
    KEYS.iter().find(|k| k.name == name)
}

impl Key {
    /// `server.port` -> `FLASHCHAT_SERVER_PORT`.
    pub fn env_var(&self) -> String {
        env_var_for(self.name)
    }

    pub fn default_value(&self) -> Option<Value> {
        let literal = self.default?;
        let table: toml::Table = toml::from_str(&format!("v = {literal}")).ok()?;
        table.get("v").cloned()
    }

    /// Checks a value from a file or the command line, normalising integers
    /// written for float keys. The error says what is expected.
    pub fn check(&self, value: &Value) -> Result<Value, String> {
        let ok = match (self.kind, value) {
            (Kind::Text, Value::String(_)) => Some(value.clone()),
            (Kind::Int { min, max }, Value::Integer(i)) if (min..=max).contains(i) => {
                Some(value.clone())
            }
            (Kind::Float { min, max }, Value::Float(f))
                if f.is_finite() && (min..=max).contains(f) =>
            {
                Some(value.clone())
            }
            (Kind::Float { min, max }, Value::Integer(i)) if (min..=max).contains(&(*i as f64)) => {
                Some(Value::Float(*i as f64))
            }
            (Kind::Bool, Value::Boolean(_)) => Some(value.clone()),
            (Kind::Choice(choices), Value::String(s)) if choices.contains(&s.as_str()) => {
                Some(value.clone())
            }
            (Kind::PathList, Value::Array(items)) if items.iter().all(Value::is_str) => {
                Some(value.clone())
            }
            (Kind::PathList, Value::String(s)) => {
                Some(Value::Array(vec![Value::String(s.clone())]))
            }
            (Kind::Layers, Value::String(s)) => match crate::engine::gpu::GpuLayers::parse(s) {
                Some(crate::engine::gpu::GpuLayers::Count(n)) => Some(Value::Integer(i64::from(n))),
                Some(_) => Some(Value::String(s.trim().to_string())),
                None => None,
            },
            (Kind::Layers, Value::Integer(n)) if (0..=i64::from(u32::MAX)).contains(n) => {
                Some(value.clone())
            }
            (Kind::KeyMap, Value::Table(_)) => {
                crate::keymap::check(value).map_err(|e| format!("{}: {e}", self.name))?;
                Some(value.clone())
            }
            (Kind::McpServers, Value::Table(_)) => {
                crate::mcp::config::check(value).map_err(|e| format!("{}: {e}", self.name))?;
                Some(value.clone())
            }
            (Kind::Upstreams, Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    check_upstream(item).map_err(|e| format!("{}[{i}]: {e}", self.name))?;
                }
                Some(value.clone())
            }
            _ => None,
        };
        ok.ok_or_else(|| format!("{} must be {}, found {value}", self.name, self.expected()))
    }

    /// Parses an environment variable's text by the key's type.
    pub fn parse_text(&self, text: &str) -> Result<Value, String> {
        let trimmed = text.trim();
        let parsed = match self.kind {
            Kind::Text | Kind::Choice(_) | Kind::Layers => Some(Value::String(text.to_string())),
            Kind::PathList => Some(Value::Array(
                text.split(':')
                    .filter(|p| !p.trim().is_empty())
                    .map(|p| Value::String(p.to_string()))
                    .collect(),
            )),
            Kind::Upstreams | Kind::McpServers | Kind::KeyMap => {
                toml::from_str::<toml::Table>(&format!("v = {trimmed}"))
                    .ok()
                    .and_then(|mut t| t.remove("v"))
            }
            Kind::Int { .. } => trimmed.parse::<i64>().ok().map(Value::Integer),
            Kind::Float { .. } => trimmed.parse::<f64>().ok().map(Value::Float),
            Kind::Bool => match trimmed.to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" | "on" => Some(Value::Boolean(true)),
                "0" | "false" | "no" | "off" => Some(Value::Boolean(false)),
                _ => None,
            },
        };
        match parsed {
            Some(value) => self.check(&value),
            None => Err(format!(
                "{} must be {}, found {text:?}",
                self.name,
                self.expected()
            )),
        }
    }

    fn expected(&self) -> String {
        match self.kind {
            Kind::Text => "a string".into(),
            Kind::Int { min, max } => format!("a whole number from {min} to {max}"),
            Kind::Float { min, max } => format!("a number from {min} to {max}"),
            Kind::Bool => "true or false".into(),
            Kind::Choice(choices) => format!("one of {}", choices.join(", ")),
            Kind::PathList => "a list of folders, like [\"~/models\"]".into(),
            Kind::Layers => "auto, all or a whole number of layers (0: CPU only)".into(),
            Kind::KeyMap => "a table of action = \"key\", like { palette = \"ctrl-k\" }".into(),
            Kind::McpServers => {
                "a table of servers like { time = { command = [\"uvx\", \"mcp-server-time\"] } }".into()
            }
            Kind::Upstreams => {
                "a list of tables like [{ models = [\"name\"], url = \"http://host:8000/v1\", api_key_env = \"VAR\" }]"
                    .into()
            }
        }
    }
}

/// One `[[server.upstreams]]` entry: `models` (names, or `model`), `url`
/// (http or https), and optionally `api_key_env`, the variable holding
/// its key.
fn check_upstream(item: &Value) -> Result<(), String> {
    let Value::Table(table) = item else {
        return Err("each upstream is a table".into());
    };
    for key in table.keys() {
        if !["models", "model", "url", "api_key_env"].contains(&key.as_str()) {
            return Err(format!(
                "unknown field `{key}` (an upstream has models, url and api_key_env)"
            ));
        }
    }
    match table.get("url").and_then(Value::as_str) {
        Some(url) if url.starts_with("http://") || url.starts_with("https://") => {}
        _ => return Err("`url` is the server's base URL, http://… or https://…".into()),
    }
    let names = match (table.get("models"), table.get("model")) {
        (Some(Value::Array(names)), None) => {
            names
                .iter()
                .all(|n| n.as_str().is_some_and(|n| !n.is_empty()))
                && !names.is_empty()
        }
        (None, Some(Value::String(name))) => !name.is_empty(),
        _ => false,
    };
    if !names {
        return Err("`models` lists the model names it answers (or `model` names one)".into());
    }
    match table.get("api_key_env") {
        None | Some(Value::String(_)) => Ok(()),
        Some(_) => Err("`api_key_env` is the name of an environment variable".into()),
    }
}

/// The config file written on first run: every key commented out at its default.
pub fn commented_template() -> String {
    let mut out = String::from(
        "# flashchat configuration. Uncomment a line to change it.\n\
         # Every key can also be set with an environment variable, shown after it,\n\
         # and `flashchat config show --origin` says where each value comes from.\n",
    );
    let mut section = "";
    for key in KEYS {
        let (table, leaf) = key.name.rsplit_once('.').unwrap_or(("", key.name));
        if table != section {
            out.push_str(&format!("\n[{table}]\n"));
            section = table;
        }
        out.push_str(&format!("\n# {} ({})\n", key.doc, key.env_var()));
        if let Kind::McpServers = key.kind {
            // A table per server: an example reads better than `{}`.
            out.push_str(
                "# [mcp.servers.time]\n\
                 # command = [\"uvx\", \"mcp-server-time\"]\n\
                 # trust = [\"get_current_time\"]\n",
            );
            continue;
        }
        out.push_str(&format!("# {leaf} = {}\n", key.default.unwrap_or("\"\"")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_passes_its_own_check() {
        for key in KEYS {
            if let Some(value) = key.default_value() {
                key.check(&value).unwrap();
            }
        }
    }

    #[test]
    fn template_parses_and_sets_nothing() {
        let table: toml::Table = toml::from_str(&commented_template()).unwrap();
        for section in ["server", "models", "cache", "mcp", "agent", "tui"] {
            assert!(table
                .get(section)
                .is_some_and(|s| s.as_table().unwrap().is_empty()));
        }
        assert_eq!(table.len(), 6);
    }

    #[test]
    fn bounds_come_from_the_table() {
        for name in [
            MAX_TOKENS,
            TEMPERATURE,
            TOP_P,
            TOP_K,
            MIN_P,
            REPEAT_PENALTY,
            SEED,
            SERVER_PORT,
        ] {
            assert!(bounds(name).max.is_finite(), "{name} is numeric");
        }
        let temperature = bounds(TEMPERATURE);
        assert!(temperature.contains(5.0) && !temperature.contains(5.01));
        assert!(!temperature.contains(f64::NAN));
        let tokens = bounds(MAX_TOKENS);
        assert!(tokens.contains(1.0) && !tokens.contains(0.0) && !tokens.contains(1.5));
    }

    #[test]
    fn every_name_constant_is_in_the_table() {
        let names = [
            MODEL,
            CONTEXT_SIZE,
            MAX_TOKENS,
            TEMPERATURE,
            TOP_P,
            TOP_K,
            MIN_P,
            REPEAT_PENALTY,
            SEED,
            SYSTEM_PROMPT,
            THREADS,
            SHOW_THINKING,
            CHAT_TEMPLATE,
            POOLING,
            CACHE_TYPE_K,
            CACHE_TYPE_V,
            FLASH_ATTENTION,
            SWA_FULL,
            GPU_LAYERS,
            MAIN_GPU,
            SPLIT_MODE,
            COLOR,
            USE_SERVER,
            SERVER_HOST,
            SERVER_PORT,
            SERVER_PARALLEL,
            SERVER_API_KEY,
            SERVER_MAX_BODY_MB,
            SERVER_RESPONSES_MAX_MB,
            SERVER_MAX_MODELS,
            SERVER_KEEP_ALIVE,
            SERVER_UPSTREAMS,
            SERVER_CORS_ORIGINS,
            SERVER_ALLOWED_HOSTS,
            SERVER_URL,
            MODELS_DIRS,
            CACHE_MAX_SIZE_MB,
            CACHE_MAX_RAM_MB,
            MCP_SERVERS,
            AGENT_MAX_STEPS,
            AGENT_TOOL_CHOICE,
            TUI_THEME,
            TUI_MOUSE,
            TUI_KEYS,
        ];
        assert_eq!(names.len(), KEYS.len());
        for name in names {
            assert!(find(name).is_some(), "{name}");
        }
    }

    #[test]
    fn env_text_is_parsed_by_type() {
        let port = find("server.port").unwrap();
        assert_eq!(port.env_var(), "FLASHCHAT_SERVER_PORT");
        assert_eq!(port.parse_text("8080").unwrap(), Value::Integer(8080));
        assert!(port.parse_text("80a").is_err());
        assert!(port.parse_text("70000").is_err());
        let thinking = find("show_thinking").unwrap();
        assert_eq!(thinking.parse_text("yes").unwrap(), Value::Boolean(true));
        let temp = find("temperature").unwrap();
        assert_eq!(temp.check(&Value::Integer(1)).unwrap(), Value::Float(1.0));
        assert!(temp.parse_text("NaN").is_err());
    }
}
