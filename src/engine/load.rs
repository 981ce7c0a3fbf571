//! Loading a model and creating a context, for the engine and the
//! benchmarks alike, so both run llama.cpp with the same parameters.

use std::ffi::CString;
use std::num::NonZeroU32;
use std::path::Path;
use std::pin::pin;

use llama_cpp_2::context::params::LlamaContextParams;
use llama_cpp_2::context::LlamaContext;
use llama_cpp_2::model::params::kv_overrides::ParamOverrideValue;
use llama_cpp_2::model::params::LlamaModelParams;
use llama_cpp_2::model::LlamaModel;

use std::sync::Arc;

use super::gpu::{self, GpuLayers, GpuOptions};
use super::kv::KvOptions;
use super::worker::backend;
use super::{EngineError, LoadReporter};

/// Tokens per `llama_decode` call (llama.cpp lowers it for a smaller
/// context; read the context's `n_batch()`) and per compute micro-batch:
/// llama.cpp's and llama-bench's defaults.
pub const BATCH: u32 = 2048;
pub const UBATCH: u32 = 512;

/// How to load a model.
#[derive(Default)]
pub struct ModelOptions {
    /// Overrides `<architecture>.expert_used_count` (a metadata override),
    /// e.g. to run a MoE model with fewer or more active experts.
    pub experts_used: Option<(String, u32)>,
    /// Where the layers run.
    pub gpu: GpuOptions,
    /// Hears the loading progress.
    pub reporter: Option<Box<dyn LoadReporter>>,
}

/// Loads a model as `options` say, or fails (the benchmarks: a GPU
/// measurement must not quietly run on the CPU).
pub fn model(path: &Path, options: ModelOptions) -> Result<LlamaModel, EngineError> {
    let reporter: Option<Arc<dyn LoadReporter>> = options.reporter.map(Arc::from);
    load_with(path, options.gpu, options.experts_used.as_ref(), reporter)
}

/// Loads a model; when offloading to a GPU fails (a driver that does not
/// start, too little memory), loads it on the CPU instead and says why.
pub fn model_or_cpu(
    path: &Path,
    options: ModelOptions,
) -> Result<(LlamaModel, Option<String>), EngineError> {
    let reporter: Option<Arc<dyn LoadReporter>> = options.reporter.map(Arc::from);
    let experts = options.experts_used.as_ref();
    let offloads = options.gpu.layers != GpuLayers::Count(0);
    match load_with(path, options.gpu, experts, reporter.clone()) {
        Err(e) if offloads && gpu::devices().iter().any(gpu::Device::is_gpu) => {
            let why = format!("the model could not be loaded on the GPU ({e}); it runs on the CPU");
            tracing::warn!("{why}");
            let model = load_with(path, GpuOptions::cpu_only(), experts, reporter)?;
            Ok((model, Some(why)))
        }
        loaded => loaded.map(|model| (model, None)),
    }
}

fn load_with(
    path: &Path,
    gpu: GpuOptions,
    experts_used: Option<&(String, u32)>,
    reporter: Option<Arc<dyn LoadReporter>>,
) -> Result<LlamaModel, EngineError> {
    let load_error = || EngineError::Load {
        path: path.display().to_string(),
    };
    let mut params = gpu.apply(LlamaModelParams::default());
    if let Some(reporter) = reporter {
        params = params.with_progress_callback(move |fraction| {
            reporter.progress(fraction);
            true
        });
    }
    let mut params = pin!(params);
    if let Some((architecture, k)) = experts_used {
        let key =
            CString::new(format!("{architecture}.expert_used_count")).map_err(|_| load_error())?;
        params
            .as_mut()
            .append_kv_override(&key, ParamOverrideValue::Int(i64::from(*k)));
    }
    LlamaModel::load_from_file(backend()?, path, &params).map_err(|e| {
        tracing::error!("loading {} failed: {e}", path.display());
        load_error()
    })
}

/// A context of `sequences` KV-cache sequences of `per_sequence` tokens
/// each, decoding on `threads` threads.
pub fn context<'m>(
    model: &'m LlamaModel,
    per_sequence: u32,
    sequences: u32,
    threads: u32,
    kv: &KvOptions,
) -> Result<LlamaContext<'m>, EngineError> {
    if let Some(problem) = kv.problem() {
        return Err(EngineError::Context {
            context_size: per_sequence,
            reason: problem,
        });
    }
    let sequences = sequences.max(1);
    let threads = threads.max(1) as i32;
    let params = LlamaContextParams::default()
        .with_n_ctx(NonZeroU32::new(
            per_sequence.max(1).saturating_mul(sequences),
        ))
        .with_n_batch(BATCH)
        .with_n_ubatch(UBATCH)
        .with_n_seq_max(sequences)
        .with_kv_unified(false)
        .with_n_threads(threads)
        .with_n_threads_batch(threads);
    model
        .new_context(backend()?, kv.apply(params))
        .map_err(|e| EngineError::Context {
            context_size: per_sequence,
            reason: e.to_string(),
        })
}
