//! What every command receives: the environment and locations, the
//! resolved settings and the printer, built once by the dispatch in
//! `lib.rs`. Mid-level modules that still take it depend on this module,
//! not on the dispatch.

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

    /// The same context with the settings read again (after the config
    /// file changed, e.g. in the setup wizard).
    pub fn reload(&self) -> anyhow::Result<Context> {
        let resolved = crate::settings::resolve(
            &self.env,
            &self.paths,
            self.config_override.as_deref(),
            &self.cli,
        )?;
        Ok(Context {
            env: self.env.clone(),
            paths: self.paths.clone(),
            resolved,
            printer: self.printer.clone(),
            config_override: self.config_override.clone(),
            cli: self.cli.clone(),
        })
    }
}
