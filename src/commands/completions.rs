//! `flashchat completions <shell>`: print a completion script.

use std::io::Write;

use crate::cli::CompletionsArgs;
use crate::docs::completion_script;

pub fn run(args: &CompletionsArgs) -> anyhow::Result<()> {
    std::io::stdout().write_all(&completion_script(args.shell))?;
    Ok(())
}
