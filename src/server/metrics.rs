//! Server counters and histograms, rendered in Prometheus' text format.
//! Everything is an atomic, so handlers record without locking.

use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::engine::{Completion, EngineLoad};
use crate::wire::admin::DeviceMemory;

/// A histogram with fixed upper bounds.
struct Histogram {
    bounds: &'static [f64],
    counts: Vec<AtomicU64>,
    /// Sum in thousandths, to keep it an integer.
    sum_milli: AtomicU64,
    total: AtomicU64,
}

impl Histogram {
    fn new(bounds: &'static [f64]) -> Self {
        Self {
            bounds,
            counts: bounds.iter().map(|_| AtomicU64::new(0)).collect(),
            sum_milli: AtomicU64::new(0),
            total: AtomicU64::new(0),
        }
    }

    fn observe(&self, value: f64) {
        if let Some(i) = self.bounds.iter().position(|&b| value <= b) {
            self.counts[i].fetch_add(1, Ordering::Relaxed);
        }
        self.sum_milli
            .fetch_add((value.max(0.0) * 1000.0) as u64, Ordering::Relaxed);
        self.total.fetch_add(1, Ordering::Relaxed);
    }

    fn render(&self, out: &mut String, name: &str, help: &str) {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} histogram");
        let mut cumulative = 0;
        for (bound, count) in self.bounds.iter().zip(&self.counts) {
            cumulative += count.load(Ordering::Relaxed);
            let _ = writeln!(out, "{name}_bucket{{le=\"{bound}\"}} {cumulative}");
        }
        let total = self.total.load(Ordering::Relaxed);
        let sum = self.sum_milli.load(Ordering::Relaxed) as f64 / 1000.0;
        let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {total}");
        let _ = writeln!(out, "{name}_sum {sum}\n{name}_count {total}");
    }
}

pub struct Metrics {
    requests: AtomicU64,
    errors: AtomicU64,
    completed: AtomicU64,
    prompt_tokens: AtomicU64,
    cached_tokens: AtomicU64,
    completion_tokens: AtomicU64,
    ttft_seconds: Histogram,
    tokens_per_second: Histogram,
}

impl Default for Metrics {
    fn default() -> Self {
        Self {
            requests: AtomicU64::new(0),
            errors: AtomicU64::new(0),
            completed: AtomicU64::new(0),
            prompt_tokens: AtomicU64::new(0),
            cached_tokens: AtomicU64::new(0),
            completion_tokens: AtomicU64::new(0),
            ttft_seconds: Histogram::new(&[0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0]),
            tokens_per_second: Histogram::new(&[1.0, 5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0]),
        }
    }
}

impl Metrics {
    pub fn request(&self, ok: bool) {
        self.requests.fetch_add(1, Ordering::Relaxed);
        if !ok {
            self.errors.fetch_add(1, Ordering::Relaxed);
        }
    }

    pub fn completion(&self, done: &Completion) {
        self.completed.fetch_add(1, Ordering::Relaxed);
        let u = &done.usage;
        self.prompt_tokens
            .fetch_add(u.prompt_tokens.into(), Ordering::Relaxed);
        self.cached_tokens
            .fetch_add(done.timings.cached_tokens.into(), Ordering::Relaxed);
        self.completion_tokens
            .fetch_add(u.completion_tokens.into(), Ordering::Relaxed);
        self.ttft_seconds.observe(done.timings.ttft_ms / 1000.0);
        if u.completion_tokens > 1 {
            self.tokens_per_second
                .observe(done.timings.generation_tokens_per_second);
        }
    }

    pub fn completed(&self) -> u64 {
        self.completed.load(Ordering::Relaxed)
    }

    pub fn render(&self, load: Option<&EngineLoad>, slots: u32) -> String {
        let mut out = String::new();
        let mut counter = |name: &str, help: &str, value: u64| {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}"
            );
        };
        let get = |a: &AtomicU64| a.load(Ordering::Relaxed);
        counter(
            "flashchat_requests_total",
            "HTTP requests to the API routes.",
            get(&self.requests),
        );
        counter(
            "flashchat_request_errors_total",
            "API requests answered with an error.",
            get(&self.errors),
        );
        counter(
            "flashchat_completions_total",
            "Generations finished.",
            get(&self.completed),
        );
        counter(
            "flashchat_prompt_tokens_total",
            "Prompt tokens received.",
            get(&self.prompt_tokens),
        );
        counter(
            "flashchat_prompt_tokens_cached_total",
            "Prompt tokens reused from the KV cache.",
            get(&self.cached_tokens),
        );
        counter(
            "flashchat_completion_tokens_total",
            "Tokens generated.",
            get(&self.completion_tokens),
        );
        let busy = load.map_or(0, |l| l.busy_slots.load(Ordering::Relaxed));
        let queued = load.map_or(0, |l| l.queued.load(Ordering::Relaxed));
        for (name, help, value) in [
            ("flashchat_slots", "Parallel slots.", slots as usize),
            ("flashchat_slots_busy", "Slots running a request.", busy),
            (
                "flashchat_queue_depth",
                "Requests waiting for a slot.",
                queued,
            ),
        ] {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}"
            );
        }
        self.ttft_seconds.render(
            &mut out,
            "flashchat_time_to_first_token_seconds",
            "Time from request to first token.",
        );
        self.tokens_per_second.render(
            &mut out,
            "flashchat_generation_tokens_per_second",
            "Generation speed of each request.",
        );
        out
    }
}

/// Gauges of each GPU's memory (in use by every process, and in all) and
/// of the served model's buffers on it; nothing in a CPU-only build.
pub fn render_devices(out: &mut String, devices: &[DeviceMemory], model: &[(String, u64)]) {
    if devices.is_empty() {
        return;
    }
    let model_bytes = |d: &DeviceMemory| {
        model
            .iter()
            .find(|(name, _)| *name == d.name)
            .map_or(0, |(_, b)| *b)
    };
    let gauges = [
        (
            "flashchat_device_memory_used_bytes",
            "GPU memory in use (every process), as the driver reports it.",
            devices
                .iter()
                .map(|d| d.memory_used_bytes)
                .collect::<Vec<_>>(),
        ),
        (
            "flashchat_device_memory_total_bytes",
            "GPU memory in all.",
            devices.iter().map(|d| d.memory_total_bytes).collect(),
        ),
        (
            "flashchat_model_device_memory_bytes",
            "The served model's buffers (weights, KV cache, compute) on the GPU.",
            devices.iter().map(model_bytes).collect(),
        ),
    ];
    for (name, help, values) in gauges {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge");
        for (device, value) in devices.iter().zip(values) {
            let _ = writeln!(out, "{name}{{device=\"{}\"}} {value}", device.name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histograms_are_cumulative() {
        let h = Histogram::new(&[1.0, 2.0]);
        h.observe(0.5);
        h.observe(1.5);
        h.observe(9.0);
        let mut out = String::new();
        h.render(&mut out, "x", "help");
        assert!(out.contains("x_bucket{le=\"1\"} 1\n"));
        assert!(out.contains("x_bucket{le=\"2\"} 2\n"));
        assert!(out.contains("x_bucket{le=\"+Inf\"} 3\n"));
        assert!(out.contains("x_count 3\n"));
    }

    #[test]
    fn device_gauges_name_each_gpu() {
        let mut out = String::new();
        render_devices(&mut out, &[], &[]);
        assert!(out.is_empty(), "a CPU-only build shows no device gauges");
        let gpu = DeviceMemory {
            name: "CUDA0".into(),
            description: "NVIDIA H100".into(),
            memory_used_bytes: 300,
            memory_total_bytes: 1000,
        };
        render_devices(&mut out, &[gpu], &[("CUDA0".into(), 120)]);
        assert!(out.contains("flashchat_device_memory_used_bytes{device=\"CUDA0\"} 300\n"));
        assert!(out.contains("flashchat_device_memory_total_bytes{device=\"CUDA0\"} 1000\n"));
        assert!(out.contains("flashchat_model_device_memory_bytes{device=\"CUDA0\"} 120\n"));
    }
}
