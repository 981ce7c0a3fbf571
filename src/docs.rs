//! Generated documentation: shell completions and the man page, both from
//! the clap definition in `cli.rs`.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

pub fn completion_script(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "flashchat", &mut out);
    out
}

pub fn man_page() -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    Ok(out)
}

/// The committed files and the shells they are for.
pub const COMPLETION_FILES: &[(Shell, &str)] = &[
    (Shell::Bash, "completions/flashchat.bash"),
    (Shell::Zsh, "completions/_flashchat"),
    (Shell::Fish, "completions/flashchat.fish"),
    (Shell::Elvish, "completions/flashchat.elv"),
    (Shell::PowerShell, "completions/_flashchat.ps1"),
];

pub const MAN_FILE: &str = "man/flashchat.1";
