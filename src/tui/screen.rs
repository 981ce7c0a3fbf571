//! The terminal while the workspace owns it: raw mode, the alternate
//! screen and the mouse, given back on every way out — quitting, an error,
//! a panic (the hook gives the terminal back before the report is
//! printed), SIGTERM and SIGHUP (caught for as long as the screen is
//! held: a flag the loop sees within a frame).
//! Meanwhile stderr goes to a log file, so a stray warning cannot scribble
//! over the screen.

use std::io::Write;
use std::os::fd::AsRawFd;
use std::path::Path;
use std::sync::{Arc, Mutex};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

pub type Term = Terminal<CrosstermBackend<std::io::Stdout>>;

/// The saved stderr while it points at the log (-1: not redirected).
static SAVED_STDERR: Mutex<i32> = Mutex::new(-1);

/// Owns the terminal; dropping it gives the terminal back.
pub struct Screen {
    pub terminal: Term,
    previous_hook: Arc<Mutex<Option<PanicHook>>>,
    _termination: crate::interrupt::Termination,
}

type PanicHook = Box<dyn Fn(&std::panic::PanicHookInfo<'_>) + Sync + Send + 'static>;

impl Screen {
    /// Takes the terminal; stderr goes to `stderr_log` until the end.
    /// `panicked` receives the message of a panic on any thread.
    pub fn take(
        stderr_log: &Path,
        mouse: bool,
        panicked: Arc<Mutex<Option<String>>>,
    ) -> anyhow::Result<Self> {
        let termination = crate::interrupt::Termination::catch();
        let previous_hook = Arc::new(Mutex::new(Some(std::panic::take_hook())));
        std::panic::set_hook(Box::new(move |info| {
            give_back();
            let message = match info.payload().downcast_ref::<&str>() {
                Some(s) => s.to_string(),
                None => info
                    .payload()
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_else(|| "(no message)".into()),
            };
            let at = info
                .location()
                .map_or(String::new(), |l| format!(" at {}:{}", l.file(), l.line()));
            if let Ok(mut slot) = panicked.lock() {
                slot.get_or_insert(format!("{message}{at}"));
            }
        }));
        redirect_stderr(stderr_log);
        enable_raw_mode()?;
        let mut stdout = std::io::stdout();
        execute!(stdout, EnterAlternateScreen, cursor::Hide)?;
        if mouse {
            execute!(stdout, EnableMouseCapture)?;
        }
        let terminal = Terminal::new(CrosstermBackend::new(stdout))?;
        Ok(Screen {
            terminal,
            previous_hook,
            _termination: termination,
        })
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        give_back();
        if let Some(hook) = self.previous_hook.lock().ok().and_then(|mut h| h.take()) {
            std::panic::set_hook(hook);
        }
    }
}

/// Gives the terminal back as it was; safe to call more than once.
fn give_back() {
    let mut stdout = std::io::stdout();
    let _ = execute!(
        stdout,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = stdout.flush();
    restore_stderr();
}

fn redirect_stderr(log: &Path) {
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
    else {
        return;
    };
    let Ok(mut saved) = SAVED_STDERR.lock() else {
        return;
    };
    // SAFETY: plain descriptor calls; the file stays open through fd 2.
    unsafe {
        let copy = libc::dup(2);
        if copy >= 0 && libc::dup2(file.as_raw_fd(), 2) >= 0 {
            *saved = copy;
        }
    }
}

fn restore_stderr() {
    let Ok(mut saved) = SAVED_STDERR.lock() else {
        return;
    };
    if *saved >= 0 {
        // A terminal that hung up is not worth writing to (a write there
        // fails, and `eprintln!` panics): stderr stays where it is.
        let gone = crate::interrupt::terminated() == Some(libc::SIGHUP) || super::input::hung_up();
        // SAFETY: puts back the descriptor saved by `redirect_stderr`.
        unsafe {
            if !gone {
                libc::dup2(*saved, 2);
            }
            libc::close(*saved);
        }
        *saved = -1;
    }
}
