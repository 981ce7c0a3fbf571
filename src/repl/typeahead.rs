//! Keystrokes typed while an answer streams: the terminal stops echoing
//! them into the answer, and they stay in the terminal's input buffer, so
//! they appear at the next prompt, as type-ahead does in a shell. Ctrl-D
//! among them is kept as a key too (the terminal would otherwise take it as
//! an end of input that nobody reads), so it leaves the chat once the
//! answer is done.

use std::io::IsTerminal;
use std::os::fd::AsRawFd;

/// Echo (and the end-of-input key) is off while this lives; dropping it
/// restores the terminal as it was. Ctrl-C still interrupts (signals stay
/// on).
pub struct EchoOff {
    fd: i32,
    saved: libc::termios,
}

impl EchoOff {
    /// Turns echo off when stdin is a terminal; `None` otherwise.
    pub fn new() -> Option<Self> {
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            return None;
        }
        let fd = stdin.as_raw_fd();
        // SAFETY: termios is plain data; tcgetattr fills it for a valid fd,
        // and its result is checked before the value is used.
        let mut saved: libc::termios = unsafe { std::mem::zeroed() };
        if unsafe { libc::tcgetattr(fd, &mut saved) } != 0 {
            return None;
        }
        let mut quiet = saved;
        quiet.c_lflag &= !(libc::ECHO | libc::ECHONL);
        quiet.c_cc[libc::VEOF] = libc::_POSIX_VDISABLE;
        // SAFETY: a valid fd and a termios read from it.
        if unsafe { libc::tcsetattr(fd, libc::TCSANOW, &quiet) } != 0 {
            return None;
        }
        Some(Self { fd, saved })
    }
}

impl Drop for EchoOff {
    fn drop(&mut self) {
        // SAFETY: restores the settings read from the same fd.
        unsafe {
            libc::tcsetattr(self.fd, libc::TCSANOW, &self.saved);
        }
    }
}

/// Drops keys typed but not read yet, so that none answers a question
/// asked after them.
pub fn discard() {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        // SAFETY: tcflush on a valid terminal fd only discards its queue.
        unsafe {
            libc::tcflush(stdin.as_raw_fd(), libc::TCIFLUSH);
        }
    }
}
