//! The command-line grammar: clap derive types only, no logic.
//!
//! Everything a user can type is declared here once; help text, the man page
//! and shell completions are all generated from these types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::bench::Target;

/// Run a local LLM with one command.
#[derive(Debug, Parser)]
#[command(
    name = "flashchat",
    version,
    about = "Run a local LLM with one command: chat, prompt, serve, benchmark",
    after_help = "Configuration: ~/.config/flashchat/config.toml (FLASHCHAT_HOME relocates it).\n\
                  Every key can be overridden with a FLASHCHAT_* environment variable; \
                  see `flashchat config show --origin`."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Flags accepted by every subcommand.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Show more detail on stderr (llama.cpp's own log lines with -v)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Print only data and errors: no status lines or progress
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Read settings from FILE instead of the user config file
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf
    #[arg(long, global = true, value_name = "SPEC")]
    pub model: Option<String>,

    /// When to use colour on the terminal
    #[arg(long, global = true, value_name = "WHEN")]
    pub color: Option<ColorChoice>,

    /// A Jinja chat template file to use instead of the model's own (config: chat_template)
    #[arg(long, global = true, value_name = "FILE")]
    pub chat_template: Option<PathBuf>,

    /// KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)
    #[arg(long, global = true, value_name = "TYPE")]
    pub cache_type_k: Option<String>,

    /// KV cache value type; a quantised one needs flash attention (config: cache_type_v)
    #[arg(long, global = true, value_name = "TYPE")]
    pub cache_type_v: Option<String>,

    /// Flash attention: auto, on or off (config: flash_attention)
    #[arg(long, global = true, value_name = "WHEN")]
    pub flash_attention: Option<String>,

    /// Keep a full-length cache for sliding-window layers (config: swa_full)
    #[arg(long, global = true)]
    pub swa_full: bool,

    /// Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)
    #[arg(long, global = true, value_name = "N")]
    pub gpu_layers: Option<String>,

    /// The GPU holding the model, or the results when split (config: main_gpu)
    #[arg(long, global = true, value_name = "INDEX")]
    pub main_gpu: Option<i64>,

    /// How several GPUs share a model: none, layer or row (config: split_mode)
    #[arg(long, global = true, value_name = "MODE")]
    pub split_mode: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Chat with the model in the terminal; every turn is saved as a session
    Chat(ChatArgs),
    /// Full-screen workspace: the chat, sessions, models, live metrics and the server's log in panes
    Tui(ChatArgs),
    /// Run the OpenAI-compatible HTTP server as a background daemon
    Serve(ServeArgs),
    /// Answer one prompt on stdout (text piped on stdin is added as context)
    Prompt(PromptArgs),
    /// Answer every prompt of a JSONL or CSV file through the server's slots; reruns go on where one stopped
    Batch(BatchArgs),
    /// Ask several models the same question and show their answers side by side, with their speed
    Compare(CompareArgs),
    /// Embed texts (arguments, or stdin lines) as vectors on stdout
    Embed(EmbedArgs),
    /// Show the running server's loaded models: state, slots, queue, idle time, size
    Ps(PsArgs),
    /// Show or empty the saved conversation KV states (the cache folder's kv/)
    Cache(CacheArgs),
    /// List, add and remove MCP servers (Model Context Protocol) and see their tools
    Mcp(McpArgs),
    /// List, show, write and edit prompt templates (for `prompt -t NAME`)
    Templates(TemplatesArgs),
    /// Show or change the configuration
    Config(ConfigArgs),
    /// Show paths, the resolved model, settings, CPU features and server state
    Status(StatusArgs),
    /// List, show, search, export, rename and delete saved chat sessions
    Sessions(SessionsArgs),
    /// List, download, inspect and choose GGUF models
    Models(ModelsArgs),
    /// Measure expert and whole-model speed (run, verify, bench, moe, moebench, full, fullbench)
    Benchmark(BenchmarkArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
}

#[derive(Debug, Args)]
pub struct ChatArgs {
    /// Continue a saved session: its id, its number in `flashchat sessions`, or `last`
    #[arg(long, value_name = "ID")]
    pub resume: Option<String>,

    /// Start with a persona's system prompt and settings
    #[arg(long, value_name = "NAME")]
    pub persona: Option<String>,

    /// Offer the model no MCP tools in this chat
    #[arg(long, conflicts_with = "mcp")]
    pub no_tools: bool,

    /// Offer only this MCP server's tools (repeatable)
    #[arg(long = "mcp", value_name = "NAME")]
    pub mcp: Vec<String>,

    /// Tool use at the first step of each turn: auto, required, none, or a tool's name (config: agent.tool_choice)
    #[arg(long, value_name = "CHOICE")]
    pub tool_choice: Option<String>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Stop the running server (SIGTERM, then wait up to 10 s)
    #[arg(long)]
    pub stop: bool,

    /// With --stop: SIGKILL the server if it has not exited after 10 s
    #[arg(long, requires = "stop")]
    pub force: bool,

    /// Run attached to the terminal instead of as a daemon (systemd, containers)
    #[arg(long, conflicts_with = "stop")]
    pub foreground: bool,

    /// Port to listen on (default from config: server.port)
    #[arg(long, value_name = "N")]
    pub port: Option<u16>,

    /// Address to bind (default from config: server.host)
    #[arg(long, value_name = "HOST")]
    pub host: Option<String>,

    /// Number of requests decoded in parallel (default from config: server.parallel)
    #[arg(long, value_name = "N")]
    pub parallel: Option<u32>,

    /// Require this key as `Authorization: Bearer KEY` (default from config: server.api_key)
    #[arg(long, value_name = "KEY")]
    pub api_key: Option<String>,

    /// Allow listening on a non-loopback address without an API key
    #[arg(long)]
    pub allow_unauthenticated: bool,

    /// Print the server log
    #[arg(long)]
    pub logs: bool,

    /// With --logs: keep printing new lines as they are written
    #[arg(short, long, requires = "logs")]
    pub follow: bool,
}

#[derive(Debug, Args)]
pub struct PsArgs {
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CacheArgs {
    #[command(subcommand)]
    pub command: Option<CacheCommand>,

    /// Print JSON instead of a table
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum CacheCommand {
    /// The folder, its size and bound, and each saved state (the default action)
    List,
    /// Remove every saved state
    Clear,
}

#[derive(Debug, Args)]
pub struct McpArgs {
    #[command(subcommand)]
    pub command: Option<McpCommand>,

    /// Print JSON instead of a table
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum McpCommand {
    /// Start each enabled server, list its tools and stop it (the default action)
    List,
    /// Declare a server in the config file: `mcp add NAME -- COMMAND...` or `--url URL`
    Add {
        /// The server's name (letters, digits, - and _)
        name: String,
        /// An environment variable for a command server (repeatable)
        #[arg(long, value_name = "KEY=VALUE")]
        env: Vec<String>,
        /// A streamable HTTP server's URL, instead of a command
        #[arg(long, conflicts_with = "command")]
        url: Option<String>,
        /// A header for a URL server; ${VAR} takes an environment variable (repeatable)
        #[arg(long, value_name = "NAME=VALUE", requires = "url")]
        header: Vec<String>,
        /// Tools that run without asking: always, or tool names separated by commas
        #[arg(long, value_name = "always|TOOL,...")]
        trust: Option<String>,
        /// Seconds that starting it, listing its tools or one call may take [default: 30]
        #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u32).range(1..=3600))]
        timeout: Option<u32>,
        /// The program and its arguments, after --
        #[arg(last = true, value_name = "COMMAND")]
        command: Vec<String>,
    },
    /// Remove a server from the config file
    Rm {
        /// The server's name
        name: String,
    },
}

#[derive(Debug, Args)]
pub struct EmbedArgs {
    /// The texts to embed; when absent, each line of stdin is one
    #[arg(value_name = "TEXT")]
    pub text: Vec<String>,

    /// Print JSON (the model, each text and its vector, the token count) instead of one vector per line
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PromptArgs {
    /// The prompt; when absent it is read from stdin, when both are given stdin is appended as context
    #[arg(value_name = "TEXT")]
    pub text: Vec<String>,

    #[command(flatten)]
    pub answer: AnswerArgs,

    /// Stop when the model writes STRING (repeatable); the string itself is not printed
    #[arg(long, value_name = "STRING")]
    pub stop: Vec<String>,

    /// Send the text to the model as is, without the model's chat template or system prompt
    #[arg(long, conflicts_with_all = ["system", "persona"])]
    pub raw: bool,

    /// Answer as a persona: its system prompt and settings (`flashchat chat` lists them with /persona)
    #[arg(long, value_name = "NAME")]
    pub persona: Option<String>,

    /// Answer with JSON that validates against this JSON schema: a file, or the schema itself
    #[arg(long, value_name = "FILE|JSON", conflicts_with = "grammar")]
    pub schema: Option<String>,

    /// Answer following this GBNF grammar file (llama.cpp's grammar format, start rule `root`)
    #[arg(long, value_name = "FILE")]
    pub grammar: Option<std::path::PathBuf>,

    /// Print token counts and timings to stderr after the answer
    #[arg(long)]
    pub stats: bool,

    /// Load the model in this process even when a server is running (config: use_server)
    #[arg(long)]
    pub local: bool,

    /// Print one JSON object (text, finish reason, usage, timings) instead of streaming text
    #[arg(long)]
    pub json: bool,

    /// Let the model call the tools of the enabled MCP servers (`flashchat mcp list`); calls and results go to stderr
    #[arg(long, conflicts_with_all = ["raw", "schema", "grammar"])]
    pub tools: bool,

    /// With tools: only this MCP server's (repeatable; implies --tools)
    #[arg(long = "mcp", value_name = "NAME", conflicts_with_all = ["raw", "schema", "grammar"])]
    pub mcp: Vec<String>,

    /// Run tool calls that need confirmation without asking (otherwise they are refused)
    #[arg(long)]
    pub yes: bool,

    /// Tool use at the first step: auto, required, none, or a tool's name (config: agent.tool_choice)
    #[arg(long, value_name = "CHOICE")]
    pub tool_choice: Option<String>,

    /// Most answers with tool calls before the loop stops (config: agent.max_steps)
    #[arg(long, value_name = "N")]
    pub max_steps: Option<i64>,

    /// Fill the prompt template NAME (`flashchat templates`); stdin is its `input`
    #[arg(short = 't', long, value_name = "NAME", conflicts_with = "raw")]
    pub template: Option<String>,

    /// A template variable's value (repeatable): -p NAME VALUE
    #[arg(short = 'p', long = "var", num_args = 2, value_names = ["NAME", "VALUE"], requires = "template")]
    pub vars: Vec<String>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Input: JSON Lines in OpenAI's batch format ({\"custom_id\", \"body\": {\"messages\": ...}}), \
plain JSON Lines ({\"id\", \"prompt\"} or {\"id\", \"messages\"}, with any request field beside them), \
or CSV with `id` and `prompt` columns; with -t, each record's fields fill the template's variables. \
-n, --temperature, --top-p, --seed, --system and --schema apply to records that do not say.\n\
Output: one line per record in input order, with its id, answer, usage and timings, or its error. \
Run the same command again to go on after a stop: answered ids are skipped, failed ones asked again."
)]
pub struct BatchArgs {
    /// The requests: a .jsonl file, or a .csv file
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,

    /// Write the results here (.csv for CSV, JSON Lines otherwise) and go on from what it holds; without it they go to stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Fill the prompt template NAME with each record's fields (`flashchat templates`)
    #[arg(short = 't', long, value_name = "NAME")]
    pub template: Option<String>,

    /// A template variable shared by every record (repeatable): -p NAME VALUE
    #[arg(short = 'p', long = "var", num_args = 2, value_names = ["NAME", "VALUE"], requires = "template")]
    pub vars: Vec<String>,

    /// Requests at a time; a server started for the batch gets this many slots (config: server.parallel)
    #[arg(long, value_name = "N")]
    pub parallel: Option<u32>,

    // For the records that do not say otherwise.
    #[command(flatten)]
    pub answer: AnswerArgs,

    /// Every answer is JSON that validates against this schema: a file, or the schema itself
    #[arg(long, value_name = "FILE|JSON")]
    pub schema: Option<String>,

    /// Check the input and print the first request that would be sent, sending nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The question; when absent it is read from stdin
    #[arg(value_name = "TEXT")]
    pub text: Vec<String>,

    /// A model to ask (repeat for each, at least two): a name from `flashchat models`, an alias or a spec
    #[arg(
        short = 'm',
        long = "with",
        value_name = "MODEL",
        required = true,
        num_args = 1
    )]
    pub models: Vec<String>,

    #[command(flatten)]
    pub answer: AnswerArgs,

    /// Print one JSON object (the prompt, and each model's answer, usage and timings)
    #[arg(long)]
    pub json: bool,

    /// Also write the comparison to FILE as a Markdown table
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,
}

/// How answers are made, for `prompt` and `batch` (the settings' flags).
#[derive(Debug, Clone, Args)]
pub struct AnswerArgs {
    /// Maximum number of tokens to generate (config: max_tokens)
    #[arg(short = 'n', long, value_name = "N", allow_negative_numbers = true)]
    pub tokens: Option<i64>,

    /// Sampling temperature; 0 picks the most likely token every time (config: temperature)
    #[arg(long, value_name = "T", allow_negative_numbers = true)]
    pub temperature: Option<f64>,

    /// Nucleus sampling: keep the smallest set of tokens whose probability reaches P (config: top_p)
    #[arg(long, value_name = "P", allow_negative_numbers = true)]
    pub top_p: Option<f64>,

    /// Random seed: the same seed, prompt and settings give the same text (config: seed)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub seed: Option<i64>,

    /// System prompt (config: system_prompt)
    #[arg(long, value_name = "TEXT")]
    pub system: Option<String>,
}

#[derive(Debug, Args)]
pub struct TemplatesArgs {
    #[command(subcommand)]
    pub command: Option<TemplatesCommand>,

    /// Print JSON instead of a table or text
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Each template with its description and variables (the default action)
    List,
    /// Print a template's file
    Show {
        /// The template's name
        name: String,
    },
    /// Write a new template (an example, or the last prompt) and open it in $VISUAL or $EDITOR
    New {
        /// The template's name: letters, digits, - and _
        name: String,
        /// Start from the last prompt `flashchat prompt` answered
        #[arg(long)]
        from_last: bool,
        /// Replace a template of that name
        #[arg(long)]
        force: bool,
    },
    /// Open a template in $VISUAL or $EDITOR
    Edit {
        /// The template's name
        name: String,
    },
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub command: Option<ConfigCommand>,

    /// Run the setup wizard again (sessions are kept)
    #[arg(long, conflicts_with = "full_reset")]
    pub reset: bool,

    /// Delete config, sessions, history, personas and logs (never model files)
    #[arg(long)]
    pub full_reset: bool,

    /// With --full-reset: do not ask for confirmation
    #[arg(long, requires = "full_reset")]
    pub yes: bool,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the effective settings (the default action)
    Show(ConfigShowArgs),
    /// Print the path of the config file in use
    Path,
}

#[derive(Debug, Default, Args)]
pub struct ConfigShowArgs {
    /// Say where each value came from: cli, env, file or default
    #[arg(long)]
    pub origin: bool,

    /// Print one JSON object
    #[arg(long)]
    pub json: bool,

    /// The settings as `prompt -t NAME` would run with them
    #[arg(short = 't', long, value_name = "NAME")]
    pub template: Option<String>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Print one JSON object
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SessionsArgs {
    #[command(subcommand)]
    pub command: Option<SessionsCommand>,

    /// Print JSON instead of a table or text
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum SessionsCommand {
    /// Table of sessions, newest first (the default action)
    List,
    /// Print one session
    Show {
        /// Session id or its number in the list
        id: String,
    },
    /// Full-text search across all sessions
    Search {
        /// Text to look for
        text: String,
    },
    /// Write a session as Markdown, JSON Lines or JSON
    Export {
        /// Session id or its number in the list
        id: String,
        /// Output format
        #[arg(long, value_enum, default_value = "md")]
        format: ExportFormat,
        /// Write to FILE instead of stdout
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Give a session a new title
    Rename {
        /// Session id or its number in the list
        id: String,
        /// The new title
        title: String,
    },
    /// Delete sessions
    Delete {
        /// Session ids or numbers
        #[arg(required = true)]
        ids: Vec<String>,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Md,
    Jsonl,
    Json,
}

#[derive(Debug, Args)]
pub struct ModelsArgs {
    #[command(subcommand)]
    pub command: Option<ModelsCommand>,

    /// Print JSON instead of a table or text
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ModelsCommand {
    /// Every GGUF found on disk, with size, quantisation and architecture (the default action)
    List,
    /// Download a GGUF from Hugging Face into the shared cache
    Pull {
        /// owner/repo[:QUANT] or owner/repo/file.gguf
        spec: String,
    },
    /// Print a model's GGUF metadata
    Info {
        /// Model name, alias or spec
        name: String,
    },
    /// Register a GGUF file where it is (no copy)
    Add {
        /// Path to a .gguf file
        path: PathBuf,
    },
    /// Delete a downloaded model
    Rm {
        /// Model name, alias or spec
        name: String,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
    /// Make a model the default
    Use {
        /// Model name, alias or spec
        name: String,
    },
    /// Unload a model from the running server (it loads again when a request names it)
    Unload {
        /// The loaded model's name (as `flashchat ps` shows it)
        name: String,
    },
    /// Give a model a short name
    Alias {
        /// The short name
        alias: String,
        /// Model name or spec it stands for
        name: String,
    },
}

#[derive(Debug, Args)]
#[command(
    after_help = "Without a target the targets are listed. Every run's summary is added \
    to benchmarks.jsonl in the config folder; --history shows the trend.\n\
    CI: `flashchat benchmark moebench --save base.json` once, then \
    `flashchat benchmark moebench --baseline base.json` fails (exit 1) when the median \
    is more than --max-regression percent slower."
)]
pub struct BenchmarkArgs {
    /// What to measure
    #[arg(value_enum)]
    pub target: Option<Target>,

    /// Print one JSON object: machine, llama.cpp build, model, every iteration, statistics
    #[arg(long)]
    pub json: bool,

    /// Timed iterations [default: 10 for bench and moebench, 3 for fullbench, else 1]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub iterations: Option<u32>,

    /// Untimed iterations before the timed ones
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(0..=1000))]
    pub warmup: u32,

    /// CPU threads [default: the `threads` setting]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub threads: Option<u32>,

    /// Compare with an earlier --json result of the same target; exit 1 when slower
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// How much slower than the baseline's median fails, in percent
    #[arg(long, value_name = "PCT", default_value_t = 10.0)]
    pub max_regression: f64,

    /// Write this run's JSON result to FILE, to use as a --baseline later
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,

    /// Show earlier runs (of the target, when given) and how their medians moved
    #[arg(long, conflicts_with_all = ["baseline", "save", "synthetic"])]
    pub history: bool,

    /// Layers of the whole model that `moe` extrapolates one layer to [default: 48]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub depth: Option<u32>,

    /// `verify`: the largest difference between two token probabilities that passes
    #[arg(long, value_name = "X", default_value_t = 0.05)]
    pub tolerance: f64,

    /// `verify` self-test: shift one batched logit by X times its row's scale
    #[arg(long, value_name = "X", default_value_t = 0.0, hide = true)]
    pub perturb: f64,

    /// Active experts K per token, overriding the model's own count
    #[arg(long, value_name = "K", help_heading = "Model shape")]
    pub experts_used: Option<u32>,

    /// Measure a synthetic model even when a model is configured
    #[arg(long, help_heading = "Model shape")]
    pub synthetic: bool,

    /// Synthetic model: layers
    #[arg(long, value_name = "N", help_heading = "Model shape")]
    pub layers: Option<u32>,

    /// Synthetic model: experts per layer (0 for dense); with a GGUF model, the same as --experts-used
    #[arg(long, value_name = "N", help_heading = "Model shape")]
    pub experts: Option<u32>,

    /// Synthetic model: embedding width
    #[arg(long, value_name = "N", help_heading = "Model shape")]
    pub embd: Option<u32>,

    /// Synthetic model: feed-forward width (per expert)
    #[arg(long, value_name = "N", help_heading = "Model shape")]
    pub ff: Option<u32>,

    /// Synthetic model: tensor type
    #[arg(long, value_enum, value_name = "TYPE", help_heading = "Model shape")]
    pub quant: Option<SyntheticQuant>,
}

/// The targets are defined once, in `bench`; this only shows them to clap,
/// with their one-line summaries as help.
impl ValueEnum for Target {
    fn value_variants<'a>() -> &'a [Self] {
        &Target::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()).help(self.summary()))
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SyntheticQuant {
    #[value(name = "q4_k_m")]
    Q4KM,
    #[value(name = "q8_0")]
    Q8_0,
    F16,
    F32,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to generate the script for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
