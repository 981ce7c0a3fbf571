//! Errors as the user sees them: one `error:` line, the causes, a hint, and
//! an exit code that means something.

use std::fmt;
use std::io::{IsTerminal, Write};

/// An error that knows what the user should do next.
#[derive(Debug)]
pub struct Hinted {
    pub message: String,
    pub hint: String,
    /// A machine-readable code for the situation, where code reacts to it
    /// (the API error codes, such as `exceed_context_size_error`).
    pub code: Option<&'static str>,
}

impl Hinted {
    pub fn new(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            hint: hint.into(),
            code: None,
        }
    }

    pub fn with_code(self, code: &'static str) -> Self {
        Self {
            code: Some(code),
            ..self
        }
    }
}

impl fmt::Display for Hinted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Hinted {}

/// The user pressed Ctrl-C; the work stopped cleanly.
#[derive(Debug)]
pub struct Interrupted;

impl fmt::Display for Interrupted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("interrupted")
    }
}

impl std::error::Error for Interrupted {}

/// A signal (SIGTERM, SIGHUP) ended the work after it was put in order;
/// the exit code is the shell's for a signal, 128 + its number.
#[derive(Debug)]
pub struct Signalled(pub i32);

impl fmt::Display for Signalled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ended by signal {}", self.0)
    }
}

impl std::error::Error for Signalled {}

/// Exit codes: 0 success, 1 failure, 2 usage errors and unimplemented
/// commands (clap's convention), 130 interrupted by Ctrl-C, 128 + N ended
/// by signal N.
pub mod exit {
    pub const FAILURE: i32 = 1;
    pub const USAGE: i32 = 2;
    pub const INTERRUPTED: i32 = 130;
}

/// Prints the error to stderr and returns the exit code. A write into a
/// closed pipe is not an error worth a message: it exits quietly with 0.
pub fn report(err: &anyhow::Error) -> i32 {
    if is_broken_pipe(err) {
        return 0;
    }
    if err.downcast_ref::<Interrupted>().is_some() {
        return exit::INTERRUPTED;
    }
    if let Some(Signalled(signal)) = err.downcast_ref::<Signalled>() {
        return 128 + signal;
    }
    let color =
        std::io::stderr().is_terminal() && std::env::var_os(crate::env_vars::NO_COLOR).is_none();
    let label = if color {
        "\x1b[1;31merror:\x1b[0m"
    } else {
        "error:"
    };
    let mut out = String::new();
    out.push_str(&format!("{label} {err}\n"));
    for cause in err.chain().skip(1) {
        out.push_str(&format!("  caused by: {cause}\n"));
    }
    if let Some(hint) = err.chain().find_map(|e| e.downcast_ref::<Hinted>()) {
        out.push_str(&format!("hint: {}\n", hint.hint));
    }
    let code = exit::FAILURE;
    let _ = std::io::stderr().write_all(out.as_bytes());
    code
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
