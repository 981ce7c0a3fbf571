//! Benchmark targets and the synthetic GGUF models they run on.
//!
//! [`synthetic`] writes small but real llama.cpp models (dense or
//! mixture-of-experts, random weights, quantised by llama.cpp itself), so a
//! benchmark or a test needs no download.

mod gguf_writer;
mod quantize;
pub mod synthetic;

pub use synthetic::{ensure, Quant, SyntheticError, SyntheticSpec};
