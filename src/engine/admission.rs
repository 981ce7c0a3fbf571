//! Who gets in: the bound on requests an engine holds (running plus
//! waiting), counted atomically at the moment a request arrives, and the
//! drain that turns every waiting request away when the server stops.
//!
//! A request holds a [`Ticket`] from admission until its last event is
//! sent; dropping the ticket frees its place. Counting tickets rather than
//! busy slots is what makes the bound hold under a burst: slots are marked
//! busy by the inference thread a step later, after many more requests may
//! have arrived.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use super::EngineError;

#[derive(Debug)]
pub struct Admission {
    /// Slots plus places in the queue.
    capacity: usize,
    slots: u32,
    /// Requests holding a ticket: running or waiting.
    admitted: AtomicUsize,
    draining: AtomicBool,
}

impl Admission {
    pub fn new(slots: u32, queue_limit: usize) -> Self {
        Self {
            capacity: slots as usize + queue_limit,
            slots,
            admitted: AtomicUsize::new(0),
            draining: AtomicBool::new(false),
        }
    }

    /// A place for one more request, or why there is none.
    pub fn admit(self: &Arc<Self>) -> Result<Ticket, EngineError> {
        if self.is_draining() {
            return Err(EngineError::ShuttingDown);
        }
        let taken = self
            .admitted
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < self.capacity).then_some(n + 1)
            });
        match taken {
            Ok(_) => Ok(Ticket(Arc::clone(self))),
            Err(held) => Err(EngineError::QueueFull {
                slots: self.slots,
                queued: held.saturating_sub(self.slots as usize),
            }),
        }
    }

    /// Refuses new requests from now on; the inference thread turns the
    /// waiting ones away with [`EngineError::ShuttingDown`].
    pub fn drain(&self) {
        self.draining.store(true, Ordering::Release);
    }

    pub fn is_draining(&self) -> bool {
        self.draining.load(Ordering::Acquire)
    }

    /// Requests running or waiting now.
    #[cfg(test)]
    pub fn admitted(&self) -> usize {
        self.admitted.load(Ordering::Acquire)
    }
}

/// One admitted request's place; dropping it frees the place.
#[derive(Debug)]
pub struct Ticket(Arc<Admission>);

impl Drop for Ticket {
    fn drop(&mut self) {
        self.0.admitted.fetch_sub(1, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_capacity_tickets_are_given_and_a_dropped_one_frees_its_place() {
        let admission = Arc::new(Admission::new(4, 64));
        let mut tickets: Vec<_> = (0..68).map(|_| admission.admit().unwrap()).collect();
        match admission.admit() {
            Err(EngineError::QueueFull { slots, queued }) => {
                assert_eq!((slots, queued), (4, 64));
            }
            other => panic!("expected QueueFull, got {other:?}"),
        }
        drop(tickets.pop());
        assert_eq!(admission.admitted(), 67);
        let again = admission.admit().unwrap();
        assert!(admission.admit().is_err());
        drop((again, tickets));
        assert_eq!(admission.admitted(), 0);
    }

    #[test]
    fn a_burst_from_many_threads_never_exceeds_capacity() {
        let admission = Arc::new(Admission::new(2, 5));
        let barrier = Arc::new(std::sync::Barrier::new(32));
        let handles: Vec<_> = (0..32)
            .map(|_| {
                let admission = Arc::clone(&admission);
                let barrier = Arc::clone(&barrier);
                std::thread::spawn(move || {
                    barrier.wait();
                    admission.admit().ok()
                })
            })
            .collect();
        let tickets: Vec<_> = handles
            .into_iter()
            .filter_map(|h| h.join().unwrap())
            .collect();
        assert_eq!(tickets.len(), 7);
        assert_eq!(admission.admitted(), 7);
        drop(tickets);
        assert_eq!(admission.admitted(), 0);
    }

    #[test]
    fn a_draining_engine_admits_nobody() {
        let admission = Arc::new(Admission::new(1, 1));
        let held = admission.admit().unwrap();
        admission.drain();
        assert!(matches!(admission.admit(), Err(EngineError::ShuttingDown)));
        drop(held);
        assert!(matches!(admission.admit(), Err(EngineError::ShuttingDown)));
    }
}
