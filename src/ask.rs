//! Questions to the person at the terminal. Without one nobody can answer,
//! so a question becomes an error that names the flag which skips it.

use std::io::IsTerminal;

use anyhow::Context;

use crate::errors::Hinted;

/// Whether someone can answer questions: stdin and stderr are terminals.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Asks a yes/no question (default no). Without a terminal, fails with
/// `refusal` and the hint to pass `skip_flag`.
pub fn confirm(question: &str, refusal: &str, skip_flag: &str) -> anyhow::Result<bool> {
    if !interactive() {
        return Err(Hinted::new(
            refusal.to_string(),
            format!("add {skip_flag} to go ahead without being asked"),
        )
        .into());
    }
    dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .interact()
        .context("cannot read the answer")
}
