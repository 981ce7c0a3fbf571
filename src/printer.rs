//! Where output goes: stdout carries data (model text, JSON), stderr carries
//! status, warnings and progress. Progress and colour appear only on a terminal.

use std::io::{IsTerminal, Write};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::settings::ColorMode;

#[derive(Debug, Clone)]
pub struct Printer {
    pub quiet: bool,
    pub verbose: u8,
    stderr_is_terminal: bool,
    color: bool,
    /// Whether data on stdout may carry styling (a terminal, colour on).
    stdout_styled: bool,
}

impl Printer {
    pub fn new(quiet: bool, verbose: u8, color: ColorMode, no_color_env: bool) -> Self {
        let stderr_is_terminal = std::io::stderr().is_terminal();
        let wants = |is_terminal: bool| match color {
            ColorMode::Always => true,
            ColorMode::Never => false,
            ColorMode::Auto => is_terminal && !no_color_env,
        };
        Self {
            quiet,
            verbose,
            stderr_is_terminal,
            color: wants(stderr_is_terminal),
            stdout_styled: wants(std::io::stdout().is_terminal()),
        }
    }

    pub fn stdout_styled(&self) -> bool {
        self.stdout_styled
    }

    /// A status line on stderr, unless --quiet.
    pub fn status(&self, message: &str) {
        if !self.quiet {
            let _ = writeln!(std::io::stderr(), "{message}");
        }
    }

    /// A warning on stderr; shown even with --quiet.
    pub fn warn(&self, message: &str) {
        let label = if self.color {
            "\x1b[1;33mwarning:\x1b[0m"
        } else {
            "warning:"
        };
        let _ = writeln!(std::io::stderr(), "{label} {message}");
    }

    /// Dim text for secondary information on stderr (statistics).
    pub fn dim(&self, message: &str) -> String {
        if self.color {
            format!("\x1b[2m{message}\x1b[0m")
        } else {
            message.to_string()
        }
    }

    /// Bold text on stderr (a question, a tool call's header).
    pub fn bold(&self, message: &str) -> String {
        if self.color {
            format!("\x1b[1m{message}\x1b[0m")
        } else {
            message.to_string()
        }
    }

    /// A spinner on stderr, or nothing when stderr is not a terminal or
    /// --quiet is given.
    pub fn spinner(&self, message: &str) -> Option<ProgressBar> {
        if self.quiet || !self.stderr_is_terminal {
            return None;
        }
        let bar = ProgressBar::new_spinner();
        bar.set_message(message.to_string());
        bar.enable_steady_tick(Duration::from_millis(100));
        Some(bar)
    }

    /// A spinner with a percentage on stderr, or nothing when stderr is not
    /// a terminal or --quiet is given.
    pub fn progress(&self, message: &str) -> Option<ProgressBar> {
        if self.quiet || !self.stderr_is_terminal {
            return None;
        }
        let bar = ProgressBar::new(100);
        let style = ProgressStyle::with_template("{spinner} {msg} {percent:>3}%")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        bar.set_style(style);
        bar.set_message(message.to_string());
        bar.enable_steady_tick(Duration::from_millis(100));
        Some(bar)
    }

    /// A bar counting `total` items with rate and ETA on stderr, or
    /// nothing when stderr is not a terminal or --quiet is given.
    pub fn count_bar(&self, total: u64) -> Option<ProgressBar> {
        if self.quiet || !self.stderr_is_terminal {
            return None;
        }
        let bar = ProgressBar::new(total);
        let style =
            ProgressStyle::with_template("{wide_bar} {pos}/{len} {msg} {per_sec:1} ETA {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(200));
        Some(bar)
    }

    /// Whether progress is shown as plain lines (stderr is not a
    /// terminal, and --quiet is not given).
    pub fn progress_lines(&self) -> bool {
        !self.quiet && !self.stderr_is_terminal
    }

    /// A byte-count bar with speed and ETA on stderr, or nothing when
    /// stderr is not a terminal or --quiet is given.
    pub fn bytes_bar(&self, total: u64) -> Option<ProgressBar> {
        if self.quiet || !self.stderr_is_terminal {
            return None;
        }
        let bar = ProgressBar::new(total);
        let style = ProgressStyle::with_template(
            "{msg} {wide_bar} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(200));
        Some(bar)
    }
}
