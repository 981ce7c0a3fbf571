//! What every command receives: the environment and locations, the
//! resolved settings and the printer, built once by the dispatch in
//! `lib.rs`. Only commands take it: the layers below them take the plain
//! values they need (settings, paths, printer).

use crate::paths::{Env, Paths};
use crate::printer::Printer;
use crate::settings::{CliOverride, Resolved};

/// Everything a command needs, resolved before it runs.
pub struct Context {
    pub env: Env,
    pub paths: Paths,
    pub resolved: Resolved,
    pub printer: Printer,
    /// `--config FILE` and the settings given as flags, to read them again.
    config_override: Option<std::path::PathBuf>,
    cli: Vec<CliOverride>,
}

impl Context {
    pub fn new(
        env: Env,
        paths: Paths,
        resolved: Resolved,
        printer: Printer,
        config_override: Option<std::path::PathBuf>,
        cli: Vec<CliOverride>,
    ) -> Self {
        Self {
            env,
            paths,
            resolved,
            printer,
            config_override,
            cli,
        }
    }

    /// The settings read again (after the config file changed, e.g. in
    /// the setup wizard), with the same flags and `--config`.
    pub fn reload_settings(&self) -> anyhow::Result<Resolved> {
        crate::settings::resolve(
            &self.env,
            &self.paths,
            self.config_override.as_deref(),
            &self.cli,
        )
    }

    /// The same context with other settings.
    pub fn with_settings(&self, resolved: Resolved) -> Context {
        Context {
            env: self.env.clone(),
            paths: self.paths.clone(),
            resolved,
            printer: self.printer.clone(),
            config_override: self.config_override.clone(),
            cli: self.cli.clone(),
        }
    }
}
