//! Progress and questions on the terminal for library operations: each type
//! here implements one of the library's small reporter traits with
//! indicatif and dialoguer, and shows nothing when stderr is not a terminal
//! or `--quiet` is given.

use std::cell::RefCell;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use indicatif::ProgressBar;

use crate::bench;
use crate::engine::LoadReporter;
use crate::human::human_bytes;
use crate::models::download::{DownloadReporter, Plan};
use crate::printer::Printer;
use crate::server::daemon::StartReporter;

/// Runs `work` with a spinner showing `message` (on a terminal only).
pub fn spinning<T>(printer: &Printer, message: &str, work: impl FnOnce() -> T) -> T {
    let spinner = printer.spinner(message);
    let result = work();
    if let Some(bar) = spinner {
        bar.finish_and_clear();
    }
    result
}

/// Loading a model: a percentage bar, fed from the inference thread.
pub struct ModelLoad(Option<ProgressBar>);

impl ModelLoad {
    pub fn new(printer: &Printer, name: &str) -> Self {
        Self(printer.progress(&format!("Loading {name}")))
    }

    /// What the engine reports to (it runs on the inference thread).
    pub fn engine_reporter(&self) -> Box<dyn LoadReporter> {
        match &self.0 {
            Some(bar) => Box::new(BarFraction(bar.clone())),
            None => Box::new(crate::engine::NoProgress),
        }
    }

    pub fn finish(self) {
        if let Some(bar) = self.0 {
            bar.finish_and_clear();
        }
    }
}

struct BarFraction(ProgressBar);

impl LoadReporter for BarFraction {
    fn progress(&self, fraction: f32) {
        self.0.set_position((fraction * 100.0) as u64);
    }
}

/// A benchmark run: a spinner with the step and the iteration.
pub struct BenchRun {
    bar: Option<ProgressBar>,
    target: &'static str,
}

impl BenchRun {
    pub fn new(printer: &Printer, target: bench::Target) -> Self {
        Self {
            bar: printer.spinner(&format!("{}: starting", target.name())),
            target: target.name(),
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl bench::Progress for BenchRun {
    fn step(&self, message: &str) {
        if let Some(bar) = &self.bar {
            bar.set_message(format!("{}: {message}", self.target));
        }
    }

    fn iteration(&self, done: u32, total: u32) {
        if let Some(bar) = &self.bar {
            bar.set_message(format!("{}: iteration {done}/{total}", self.target));
        }
    }
}

/// Starting the server in the background: a spinner while the model loads,
/// and a choice of port when the configured one is taken.
pub struct ServerStart<'a> {
    printer: &'a Printer,
    message: String,
    spinner: RefCell<Option<ProgressBar>>,
}

impl<'a> ServerStart<'a> {
    pub fn new(printer: &'a Printer, model_name: &str) -> Self {
        Self {
            printer,
            message: format!("Starting the server ({model_name})"),
            spinner: RefCell::new(None),
        }
    }
}

impl StartReporter for ServerStart<'_> {
    fn choose_port(&self, busy: u16, free: &[u16]) -> anyhow::Result<Option<u16>> {
        if !crate::ask::interactive() || self.printer.quiet {
            return Ok(None);
        }
        let items: Vec<String> = free.iter().map(|p| format!("port {p}")).collect();
        let choice = dialoguer::Select::new()
            .with_prompt(format!("Port {busy} is in use. Listen on"))
            .items(&items)
            .default(0)
            .interact_opt()
            .context("cannot read the choice")?;
        choice
            .map(|i| Some(free[i]))
            .ok_or_else(|| anyhow::anyhow!("no port chosen"))
    }

    fn waiting(&self) {
        let mut spinner = self.spinner.borrow_mut();
        if spinner.is_none() {
            *spinner = self.printer.spinner(&self.message);
        }
        if let Some(bar) = spinner.as_ref() {
            bar.tick();
        }
    }

    fn finished(&self) {
        if let Some(bar) = self.spinner.borrow_mut().take() {
            bar.finish_and_clear();
        }
    }
}

/// Progress on the terminal: a bar with bytes, speed and ETA; without a
/// terminal, one line when a file starts and one when it is done.
pub struct Download<'a> {
    printer: &'a Printer,
    bar: std::cell::RefCell<Option<ProgressBar>>,
    started: std::cell::Cell<Option<(Instant, u64)>>,
}

impl<'a> Download<'a> {
    pub fn new(printer: &'a Printer) -> Self {
        Self {
            printer,
            bar: Default::default(),
            started: Default::default(),
        }
    }
}

impl DownloadReporter for Download<'_> {
    fn planned(&self, plan: &Plan) {
        let size = plan
            .total_size()
            .map(human_bytes)
            .unwrap_or_else(|| "size unknown".into());
        let names: Vec<&str> = plan.files.iter().map(|f| f.name.as_str()).collect();
        self.printer
            .status(&format!("{}: {} ({size})", plan.repo, names.join(", ")));
    }

    fn already_there(&self, file: &str) {
        self.printer
            .status(&format!("{file} is already downloaded"));
    }

    fn start(&self, file: &str, total: u64, resumed: u64) {
        self.started.set(Some((Instant::now(), resumed)));
        let resuming = if resumed > 0 {
            format!(", resuming at {}", human_bytes(resumed))
        } else {
            String::new()
        };
        let bar = self.printer.bytes_bar(total);
        match &bar {
            Some(bar) => {
                bar.set_message(file.to_string());
                bar.set_position(resumed);
                bar.reset_eta();
                if resumed > 0 {
                    bar.println(format!("Resuming {file} at {}", human_bytes(resumed)));
                }
            }
            None => self.printer.status(&format!(
                "Downloading {file} ({}{resuming})",
                human_bytes(total)
            )),
        }
        *self.bar.borrow_mut() = bar;
    }

    fn progress(&self, done: u64) {
        if let Some(bar) = self.bar.borrow().as_ref() {
            bar.set_position(done);
        }
    }

    fn verifying(&self, file: &str) {
        if let Some(bar) = self.bar.borrow().as_ref() {
            bar.set_message(format!("{file}: checking SHA-256"));
        }
    }

    fn finished(&self, file: &str, path: &Path) {
        if let Some(bar) = self.bar.borrow_mut().take() {
            bar.finish_and_clear();
        }
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        let (elapsed, fetched) = match self.started.get() {
            Some((at, resumed)) => (at.elapsed(), size.saturating_sub(resumed)),
            None => (Duration::ZERO, size),
        };
        let rate = fetched as f64 / elapsed.as_secs_f64().max(1e-3);
        self.printer.status(&format!(
            "Downloaded {file}: {} fetched in {:.1} s ({}/s), SHA-256 checked",
            human_bytes(fetched),
            elapsed.as_secs_f64(),
            human_bytes(rate as u64)
        ));
    }
}

/// A batch run: a bar with done, failed, rate and ETA on a terminal;
/// otherwise a line at each tenth of the work.
pub struct Batch {
    bar: Option<ProgressBar>,
    lines: bool,
    total: usize,
    started: Instant,
    counts: std::sync::Mutex<(usize, usize)>,
}

impl Batch {
    pub fn new(printer: &Printer, total: usize) -> Self {
        let bar = printer.count_bar(total as u64);
        if let Some(bar) = &bar {
            bar.set_message("done, 0 failed,");
        }
        Self {
            bar,
            lines: printer.progress_lines(),
            total,
            started: Instant::now(),
            counts: Default::default(),
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl crate::batch::Progress for Batch {
    fn finished(&self, ok: bool) {
        let Ok(mut counts) = self.counts.lock() else {
            return;
        };
        let (done, failed) = &mut *counts;
        *done += 1;
        *failed += usize::from(!ok);
        if let Some(bar) = &self.bar {
            bar.set_message(format!("done, {failed} failed,"));
            bar.inc(1);
        } else if self.lines
            && (*done * 10 / self.total.max(1) > (*done - 1) * 10 / self.total.max(1))
        {
            let seconds = self.started.elapsed().as_secs_f64();
            let rate = *done as f64 / seconds.max(1e-9);
            let left = (self.total - *done) as f64 / rate.max(1e-9);
            eprintln!(
                "batch: {done}/{} done, {failed} failed, {rate:.1}/s, about {} left",
                self.total,
                crate::human::human_duration(left.round() as u64)
            );
        }
    }
}
