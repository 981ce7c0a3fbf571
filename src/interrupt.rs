//! Ctrl-C as a flag: the handler is installed once per process and sets a
//! shared flag that whatever is generating checks and clears.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

/// The process's Ctrl-C flag, cleared; installs the handler on first use.
pub fn cleared_flag() -> Arc<AtomicBool> {
    static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();
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
