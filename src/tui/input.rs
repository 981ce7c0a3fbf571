//! Terminal events, read on a thread of their own and handed to the loop
//! through a channel, so the loop never waits inside crossterm. That
//! matters when the terminal goes away: crossterm then reads nothing
//! forever without returning, and a loop stuck there would never see the
//! hang-up or SIGTERM, spinning instead of ending.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use crossterm::event::{self, Event};

/// How long the reading thread waits for an event before it looks whether
/// it should stop.
const POLL: Duration = Duration::from_millis(50);

/// What the loop gets from the terminal.
pub enum Input {
    Event(Event),
    /// Nothing came in time.
    Nothing,
    /// The terminal hung up (its window closed, its tmux session killed).
    HungUp,
    /// The terminal cannot be read.
    Failed(String),
}

/// The reading thread; dropping it stops the thread (so a menu that goes
/// on after the workspace reads its own keys again).
pub struct Reader {
    events: Receiver<std::io::Result<Event>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Reader {
    pub fn start() -> Self {
        let (sender, events) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let thread = std::thread::Builder::new()
            .name("tui-input".into())
            .spawn({
                let stop = Arc::clone(&stop);
                move || {
                    while !stop.load(Ordering::Relaxed) {
                        let read = match event::poll(POLL) {
                            Ok(false) => continue,
                            Ok(true) => event::read(),
                            Err(e) => Err(e),
                        };
                        let failed = read.is_err();
                        if sender.send(read).is_err() || failed {
                            return;
                        }
                    }
                }
            })
            .ok();
        Reader {
            events,
            stop,
            thread,
        }
    }

    /// The next event, waiting at most `wait`. A terminal that hung up is
    /// seen here too, within `wait`, whatever the reading thread is doing.
    pub fn next(&self, wait: Duration) -> Input {
        if hung_up() {
            return Input::HungUp;
        }
        let failed = match self.events.recv_timeout(wait) {
            Ok(Ok(event)) => return Input::Event(event),
            Err(RecvTimeoutError::Timeout) => return Input::Nothing,
            Ok(Err(e)) => e.to_string(),
            Err(RecvTimeoutError::Disconnected) => "the terminal's reader stopped".into(),
        };
        if hung_up() {
            Input::HungUp
        } else {
            Input::Failed(failed)
        }
    }

    /// An event already waiting, without waiting.
    pub fn ready(&self) -> Option<Event> {
        match self.events.try_recv() {
            Ok(Ok(event)) => Some(event),
            _ => None,
        }
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        // It ends within one poll, unless it is stuck on a hung-up
        // terminal, where it never does: then it is left, and ends with
        // the process, right after the workspace.
        let Some(thread) = self.thread.take() else {
            return;
        };
        let deadline = std::time::Instant::now() + 4 * POLL;
        while !thread.is_finished() && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        if thread.is_finished() {
            let _ = thread.join();
        }
    }
}

/// Whether the terminal on stdout hung up.
pub fn hung_up() -> bool {
    let mut fd = libc::pollfd {
        fd: libc::STDOUT_FILENO,
        events: 0,
        revents: 0,
    };
    // SAFETY: one pollfd on the stack, no waiting.
    let ready = unsafe { libc::poll(&mut fd, 1, 0) };
    ready > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}
