//! Ctrl-C, SIGTERM and SIGHUP as flags. The Ctrl-C handler is installed
//! once per process and sets a shared flag that whatever is generating
//! checks and clears. SIGTERM and SIGHUP end the process at once, except
//! while a [`Termination`] guard lives: then they stop the work as Ctrl-C
//! does (so the turn is saved) and are remembered, for the caller to end
//! with the shell's code for them.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, OnceLock};

/// The process's Ctrl-C flag.
static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();

/// The signal caught while a [`Termination`] guard lived (0: none).
static TERMINATED: AtomicI32 = AtomicI32::new(0);

/// Whether stdin, stdout and stderr were a terminal when the guard was
/// made (a hung-up terminal no longer says so).
static ON_TERMINAL: [AtomicBool; 3] = [const { AtomicBool::new(false) }; 3];

/// The process's Ctrl-C flag, cleared; installs the handler on first use.
pub fn cleared_flag() -> Arc<AtomicBool> {
    let flag = FLAG.get_or_init(|| {
        let flag = Arc::new(AtomicBool::new(false));
        let set = Arc::clone(&flag);
        // If a handler cannot be installed, Ctrl-C keeps its default
        // meaning (end the process), which is still safe.
        let _ = ctrlc::set_handler(move || set.store(true, Ordering::Relaxed));
        flag
    });
    flag.store(false, Ordering::Relaxed);
    Arc::clone(flag)
}

/// SIGTERM or SIGHUP, if one was caught.
pub fn terminated() -> Option<i32> {
    Some(TERMINATED.load(Ordering::Relaxed)).filter(|&signal| signal != 0)
}

/// While it lives, SIGTERM and SIGHUP stop the work in hand instead of
/// ending the process; [`terminated`] then names the signal. After a
/// hang-up the terminal is gone, so what is printed from then on goes
/// nowhere (writing to a hung-up terminal fails, and `eprintln!` would
/// panic) and the work can still put itself in order.
pub struct Termination(());

impl Termination {
    pub fn catch() -> Self {
        for (fd, on_terminal) in ON_TERMINAL.iter().enumerate() {
            // SAFETY: isatty only asks about the descriptor.
            let tty = unsafe { libc::isatty(fd as libc::c_int) } == 1;
            on_terminal.store(tty, Ordering::Relaxed);
        }
        // SAFETY: the handler only stores to atomics and calls open/dup2,
        // which are async-signal-safe.
        unsafe {
            libc::signal(libc::SIGTERM, on_signal as *const () as libc::sighandler_t);
            libc::signal(libc::SIGHUP, on_signal as *const () as libc::sighandler_t);
        }
        Termination(())
    }
}

impl Drop for Termination {
    fn drop(&mut self) {
        // SAFETY: restores the default dispositions.
        unsafe {
            libc::signal(libc::SIGTERM, libc::SIG_DFL);
            libc::signal(libc::SIGHUP, libc::SIG_DFL);
        }
    }
}

extern "C" fn on_signal(signal: libc::c_int) {
    TERMINATED.store(signal, Ordering::Relaxed);
    if let Some(flag) = FLAG.get() {
        flag.store(true, Ordering::Relaxed);
    }
    if signal == libc::SIGHUP {
        // Only what went to the terminal goes nowhere; a file or pipe
        // still gets the rest.
        // SAFETY: open, dup2 and close are async-signal-safe; the path is
        // a NUL-terminated literal.
        unsafe {
            let null = libc::open(c"/dev/null".as_ptr(), libc::O_WRONLY);
            if null >= 0 {
                for (fd, on_terminal) in ON_TERMINAL.iter().enumerate().skip(1) {
                    if on_terminal.load(Ordering::Relaxed) {
                        libc::dup2(null, fd as libc::c_int);
                    }
                }
                libc::close(null);
            }
        }
    }
}
