//! One module per subcommand. Each exposes a single `run` function that takes
//! the resolved [`Context`](crate::Context) and its clap arguments.

pub mod benchmark;
pub mod chat;
pub mod completions;
pub mod config;
pub mod menu;
pub mod models;
pub mod prompt;
pub mod serve;
pub mod sessions;
pub mod status;
