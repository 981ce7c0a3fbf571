//! Loading a model and creating a context, for the engine and the
//! benchmarks alike, so both run llama.cpp with the same parameters.

use std::ffi::CString;
use std::num::NonZeroU32;
use std::path::Path;
use std::pin::{pin, Pin};
use std::sync::Mutex;

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
    /// The context the model will get: `gpu_layers = auto` leaves room on
    /// the GPU for its KV cache and compute buffers.
    pub context: Option<ContextPlan>,
    /// Hears the loading progress.
    pub reporter: Option<Box<dyn LoadReporter>>,
}

/// A context's shape: `sequences` KV-cache sequences of `per_sequence`
/// tokens each (0: the model's trained context), decoding on `threads`.
#[derive(Debug, Clone, Copy)]
pub struct ContextPlan {
    pub per_sequence: u32,
    pub sequences: u32,
    pub threads: u32,
    pub kv: KvOptions,
}

impl ContextPlan {
    fn params(&self) -> LlamaContextParams {
        let sequences = self.sequences.max(1);
        let threads = self.threads.max(1) as i32;
        let params = LlamaContextParams::default()
            .with_n_ctx(NonZeroU32::new(self.per_sequence.saturating_mul(sequences)))
            .with_n_batch(BATCH)
            .with_n_ubatch(UBATCH)
            .with_n_seq_max(sequences)
            .with_kv_unified(false)
            .with_n_threads(threads)
            .with_n_threads_batch(threads);
        self.kv.apply(params)
    }
}

/// Free memory `gpu_layers = auto` leaves on each device, as llama.cpp's
/// own tools do (`--fit-target`): room for other programs and the driver.
const FIT_MARGIN: usize = 1 << 30;

/// Loads a model as `options` say, or fails (the benchmarks: a GPU
/// measurement must not quietly run on the CPU).
pub fn model(path: &Path, options: ModelOptions) -> Result<LlamaModel, EngineError> {
    let reporter: Option<Arc<dyn LoadReporter>> = options.reporter.map(Arc::from);
    let load = Load {
        path,
        experts_used: options.experts_used.as_ref(),
        context: options.context,
    };
    load.with(options.gpu, reporter)
}

/// Loads a model; when offloading to a GPU fails (a driver that does not
/// start, too little memory), loads it on the CPU instead and says why.
pub fn model_or_cpu(
    path: &Path,
    options: ModelOptions,
) -> Result<(LlamaModel, Option<String>), EngineError> {
    let reporter: Option<Arc<dyn LoadReporter>> = options.reporter.map(Arc::from);
    let load = Load {
        path,
        experts_used: options.experts_used.as_ref(),
        context: options.context,
    };
    let offloads = options.gpu.layers != GpuLayers::Count(0);
    match load.with(options.gpu, reporter.clone()) {
        Err(e) if offloads && has_gpu() => {
            let why = format!("the model could not be loaded on the GPU ({e}); it runs on the CPU");
            tracing::warn!("{why}");
            // The failed attempt's figures are not the model's.
            super::load_report::take();
            let model = load.with(GpuOptions::cpu_only(), reporter)?;
            Ok((model, Some(why)))
        }
        loaded => loaded.map(|model| (model, None)),
    }
}

/// How many layers `gpu_layers = auto` would put on the GPU for this
/// model and context (llama.cpp's fitting, without loading the weights;
/// `u32::MAX`: every layer); `None` without a GPU or when nothing fits.
fn fitted_layers(path: &Path, gpu: GpuOptions, context: ContextPlan) -> Option<u32> {
    if !has_gpu() {
        return None;
    }
    let load = Load {
        path,
        experts_used: None,
        context: Some(context),
    };
    let mut params = pin!(gpu.apply(LlamaModelParams::default()).ok()?);
    load.fit(params.as_mut())
}

/// Where a model's layers would go, without loading it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Placement {
    /// Layers on the GPU.
    pub layers: u32,
    /// The model's offloadable layers (its blocks and the output layer).
    pub of: u32,
    /// Chosen by llama.cpp's fitting to free memory (`gpu_layers = auto`).
    pub fitted: bool,
    /// The share of the weights file those layers hold, roughly (the KV
    /// cache and compute buffers come on top).
    pub weights_bytes: u64,
}

/// Where the layers of the model at `path` (`blocks` transformer blocks,
/// `file_size` bytes) would run with `gpu` and `context`; `None` without a
/// GPU or with options that cannot work here.
pub fn placement(
    path: &Path,
    blocks: u64,
    file_size: u64,
    gpu: GpuOptions,
    context: ContextPlan,
) -> Option<Placement> {
    let devices = gpu::devices();
    if !devices.iter().any(gpu::Device::is_gpu) || gpu.problem(&devices).is_some() {
        return None;
    }
    let of = u32::try_from(blocks).ok()?.saturating_add(1);
    let (layers, fitted) = match gpu.layers {
        GpuLayers::Count(n) => (n.min(of), false),
        GpuLayers::All => (of, false),
        GpuLayers::Auto => {
            let fitted = fitted_layers(path, gpu, context);
            (fitted.map_or(of, |n| n.min(of)), true)
        }
    };
    Some(Placement {
        layers,
        of,
        fitted,
        weights_bytes: file_size / u64::from(of) * u64::from(layers),
    })
}

fn has_gpu() -> bool {
    gpu::devices().iter().any(gpu::Device::is_gpu)
}

/// One model file and how it is read.
struct Load<'a> {
    path: &'a Path,
    experts_used: Option<&'a (String, u32)>,
    context: Option<ContextPlan>,
}

impl Load<'_> {
    fn error(&self) -> EngineError {
        EngineError::Load {
            path: self.path.display().to_string(),
        }
    }

    fn with(
        &self,
        gpu: GpuOptions,
        reporter: Option<Arc<dyn LoadReporter>>,
    ) -> Result<LlamaModel, EngineError> {
        let mut params = gpu
            .apply(LlamaModelParams::default())
            .map_err(EngineError::Gpu)?;
        if let Some(reporter) = reporter {
            params = params.with_progress_callback(move |fraction| {
                reporter.progress(fraction);
                true
            });
        }
        let mut params = pin!(params);
        if let Some((architecture, k)) = self.experts_used {
            let key = CString::new(format!("{architecture}.expert_used_count"))
                .map_err(|_| self.error())?;
            params
                .as_mut()
                .append_kv_override(&key, ParamOverrideValue::Int(i64::from(*k)));
        }
        if gpu.layers == GpuLayers::Auto && has_gpu() {
            self.fit(params.as_mut());
        }
        LlamaModel::load_from_file(backend()?, self.path, &params).map_err(|e| {
            tracing::error!("loading {} failed: {e}", self.path.display());
            self.error()
        })
    }

    /// Lets llama.cpp choose how many layers (and, for a mixture of
    /// experts, which expert tensors) go to the GPUs so that the weights,
    /// the KV cache and the compute buffers leave [`FIT_MARGIN`] free on
    /// each device. When nothing fits, llama.cpp's default (every layer)
    /// stays and a load that fails falls back to the CPU.
    fn fit(&self, mut params: Pin<&mut LlamaModelParams>) -> Option<u32> {
        // llama.cpp's fitting swaps its global logger while it runs.
        static FITTING: Mutex<()> = Mutex::new(());
        let _fitting = FITTING.lock().unwrap_or_else(|e| e.into_inner());
        let path = CString::new(self.path.as_os_str().as_encoded_bytes()).ok()?;
        let plan = self.context.unwrap_or(ContextPlan {
            per_sequence: 0,
            sequences: 1,
            threads: 1,
            kv: KvOptions::default(),
        });
        let mut cparams = plan.params();
        let mut margins = vec![FIT_MARGIN; llama_cpp_2::max_devices()];
        // The smallest context fitting may choose: none smaller than asked.
        let n_ctx_min = u32::MAX;
        let fitted = params.as_mut().fit_params(
            &path,
            &mut cparams,
            &mut margins,
            n_ctx_min,
            llama_cpp_sys_2::GGML_LOG_LEVEL_INFO,
        );
        // The projection loads the model without memory; its figures are
        // not the real load's.
        super::load_report::take();
        match fitted {
            // Left at its default (-1, every layer) when everything fits.
            Ok(_) => match u32::try_from(params.n_gpu_layers()) {
                Ok(layers) => {
                    tracing::info!("gpu_layers = auto: llama.cpp fits {layers} layers on the GPU");
                    Some(layers)
                }
                Err(_) => {
                    tracing::info!("gpu_layers = auto: every layer fits on the GPU");
                    Some(u32::MAX)
                }
            },
            Err(e) => {
                tracing::warn!("gpu_layers = auto: {e}; llama.cpp's default offload is tried");
                None
            }
        }
    }
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
    let plan = ContextPlan {
        per_sequence: per_sequence.max(1),
        sequences,
        threads,
        kv: *kv,
    };
    model
        .new_context(backend()?, plan.params())
        .map_err(|e| EngineError::Context {
            context_size: per_sequence,
            reason: e.to_string(),
        })
}
