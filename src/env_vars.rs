//! Every environment variable flashchat reads, in one documented table.
//!
//! Setting keys are overridden by `FLASHCHAT_<KEY>` where `<KEY>` is the
//! config key in upper case with dots as underscores (`server.port` ->
//! `FLASHCHAT_SERVER_PORT`); those names are derived in `settings::keys`.

/// Relocates everything flashchat writes (config, sessions, logs, PID file).
pub const FLASHCHAT_HOME: &str = "FLASHCHAT_HOME";

/// Prefix of the per-key setting overrides.
pub const SETTING_PREFIX: &str = "FLASHCHAT_";

/// Path of the GGUF model the test suite runs against (see scripts/fetch-test-model.sh).
pub const FLASHCHAT_TEST_MODEL: &str = "FLASHCHAT_TEST_MODEL";

/// XDG base directory for configuration (default `~/.config`).
pub const XDG_CONFIG_HOME: &str = "XDG_CONFIG_HOME";

/// XDG base directory for caches (default `~/.cache`).
pub const XDG_CACHE_HOME: &str = "XDG_CACHE_HOME";

/// XDG base directory for data (default `~/.local/share`): flashchat's own models folder.
pub const XDG_DATA_HOME: &str = "XDG_DATA_HOME";

/// Hugging Face home; its `hub/` folder is the model cache (default `~/.cache/huggingface`).
pub const HF_HOME: &str = "HF_HOME";

/// Hugging Face hub cache folder itself, when set it wins over `HF_HOME`.
pub const HF_HUB_CACHE: &str = "HF_HUB_CACHE";

/// The Hugging Face hub to download from (default `https://huggingface.co`).
pub const HF_ENDPOINT: &str = "HF_ENDPOINT";

/// Access token for gated or private repos (otherwise `$HF_HOME/token`).
pub const HF_TOKEN: &str = "HF_TOKEN";

/// Disables colour when set to anything (<https://no-color.org>).
pub const NO_COLOR: &str = "NO_COLOR";

/// `flashchat tui` writes a line per frame here (ms since start, ms
/// drawing, 1 while an answer streams), for scripts/bench/tui.sh.
pub const FLASHCHAT_TUI_FRAME_LOG: &str = "FLASHCHAT_TUI_FRAME_LOG";

/// For tests: `flashchat tui` panics after its first frame, to show the
/// terminal is given back and the panic reported as an error.
pub const FLASHCHAT_TEST_TUI_PANIC: &str = "FLASHCHAT_TEST_TUI_PANIC";

/// Environment variables that start with the setting prefix but are not settings.
pub const NON_SETTING_VARS: &[&str] = &[
    FLASHCHAT_HOME,
    FLASHCHAT_TEST_MODEL,
    FLASHCHAT_TUI_FRAME_LOG,
    FLASHCHAT_TEST_TUI_PANIC,
    crate::engine::state_cache::WRITE_PAUSE_VAR,
];
