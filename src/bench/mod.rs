//! Benchmark targets and the synthetic GGUF models they run on.
//!
//! [`targets`] says what each `flashchat benchmark <target>` measures and
//! runs it on llama.cpp directly ([`harness`]); [`verify`] checks the
//! numbers; [`report`] is the result (table and JSON), [`gate`] compares it
//! with a baseline and [`history`] keeps every run's summary.
//! [`synthetic`] writes small but real llama.cpp models (dense or
//! mixture-of-experts, random weights, quantised by llama.cpp itself), so a
//! benchmark or a test needs no download.

pub mod gate;
mod gguf_writer;
pub mod harness;
pub mod history;
pub mod machine;
mod plan;
mod quant;
mod quantize;
pub mod report;
pub mod stats;
pub mod synthetic;
pub mod targets;
mod verify;

pub use plan::{BenchError, ModelSource, Plan, Progress, Target};
pub use quant::Quant;
pub use report::Report;
pub use synthetic::{ensure, SyntheticError, SyntheticSpec};
pub use targets::measure;
