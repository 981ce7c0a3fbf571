//! The inference thread: loads the model, owns the context, and runs the
//! scheduler, which decodes every active request in shared batches.

use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, OnceLock};

use llama_cpp_2::context::LlamaContext;
use llama_cpp_2::llama_backend::LlamaBackend;
use llama_cpp_2::llama_batch::LlamaBatch;
use llama_cpp_2::model::LlamaModel;

use super::admission::Admission;
use super::load;
use super::prompt::Prompter;
use super::scheduler::{EmbedConfig, Scheduler};
use super::seq_state;
use super::state_cache::{Fingerprint, StateCache};
use super::{EngineConfig, EngineError, EngineLoad, LoadReporter, ModelInfo, Task};

/// llama.cpp's backend may be initialised once per process; the benchmarks
/// share it with the engine.
pub(crate) fn backend() -> Result<&'static LlamaBackend, EngineError> {
    static BACKEND: OnceLock<Result<LlamaBackend, String>> = OnceLock::new();
    BACKEND
        .get_or_init(|| {
            llama_cpp_2::send_logs_to_tracing(llama_cpp_2::LogOptions::default());
            LlamaBackend::init().map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| EngineError::Backend(e.clone()))
}

/// What a loaded model gives the engine handle.
pub(super) type Loaded = (ModelInfo, Arc<LlamaModel>, Box<Prompter>);

/// What the engine handle and the inference thread share.
pub(super) struct Shared {
    pub load: Arc<EngineLoad>,
    pub admission: Arc<Admission>,
}

pub(super) fn run(
    config: EngineConfig,
    reporter: Box<dyn LoadReporter>,
    ready: Sender<Result<Loaded, EngineError>>,
    submissions: Receiver<Task>,
    shared: Shared,
) {
    if let Some(problem) = config.gpu.problem(&super::gpu::devices()) {
        let _ = ready.send(Err(EngineError::Gpu(problem)));
        return;
    }
    super::load_report::take();
    let options = load::ModelOptions {
        reporter: Some(reporter),
        gpu: config.gpu,
        context: Some(load::ContextPlan {
            per_sequence: config.context_size,
            sequences: config.slots,
            threads: config.threads,
            kv: config.kv,
        }),
        ..load::ModelOptions::default()
    };
    let (model, gpu_fallback) = match load::model_or_cpu(&config.model_path, options) {
        // The handle shares the model: requests are rendered and tokenized
        // on the caller's thread, so a long prompt never stalls running
        // streams.
        Ok((model, fallback)) => (Arc::new(model), fallback),
        Err(e) => {
            let _ = ready.send(Err(e));
            return;
        }
    };
    let prompter = match Prompter::new(&model, config.chat_template.as_deref()) {
        Ok(prompter) => Box::new(prompter),
        Err(e) => {
            let _ = ready.send(Err(e));
            return;
        }
    };
    let ctx = new_context(&model, &config);
    let allocation = super::load_report::take();
    let ctx = match ctx {
        Ok(ctx) => ctx,
        Err(e) => {
            let _ = ready.send(Err(e));
            return;
        }
    };
    let slots = config.slots.max(1);
    let tool_format = prompter.tool_format();
    let info = ModelInfo {
        context_size: ctx.n_ctx() / slots,
        slots,
        trained_context: model.n_ctx_train(),
        has_chat_template: model.chat_template(None).is_ok(),
        threads: config.threads.max(1),
        kv_cache_bytes: Some(allocation.kv_cache_bytes).filter(|&b| b > 0),
        gpu_fallback,
        offloaded_layers: allocation.offloaded_layers,
        device_bytes: allocation.on_devices(&super::gpu::devices()),
    };
    if ready
        .send(Ok((info, Arc::clone(&model), prompter)))
        .is_err()
    {
        return;
    }
    // llama.cpp lowers n_batch to a small context's requested size before
    // it rounds the context up to 256: decoding more than its n_batch
    // aborts the process, so the batches are planned with its figure.
    let batch_size = ctx.n_batch() as usize;
    let embed_config = EmbedConfig {
        pooling: config.pooling,
        threads: config.threads,
        kv: config.kv,
    };
    let states = state_cache(&config, slots);
    Scheduler::new(
        &model,
        ctx,
        batch_size,
        slots,
        shared,
        tool_format,
        embed_config,
    )
    .with_states(states)
    .run(submissions);
}

/// The kept states of this model and layout, when any tier is on.
fn state_cache(config: &EngineConfig, slots: u32) -> Option<StateCache> {
    let settings = config
        .state_cache
        .as_ref()
        .filter(|c| c.max_disk > 0 || c.max_ram > 0)?;
    match Fingerprint::new(&config.model_path, &seq_state::layout(&config.kv, slots)) {
        Ok(fingerprint) => Some(StateCache::new(settings.clone(), fingerprint)),
        Err(e) => {
            tracing::warn!("KV states are not kept: cannot read the model file's identity: {e}");
            None
        }
    }
}

/// A context with one KV-cache sequence of `context_size` tokens per slot.
fn new_context<'m>(
    model: &'m LlamaModel,
    config: &EngineConfig,
) -> Result<LlamaContext<'m>, EngineError> {
    let trained = model.n_ctx_train().max(1);
    let per_slot = match config.context_size {
        0 => trained,
        n => n.min(trained),
    };
    let mut ctx = load::context(model, per_slot, config.slots, config.threads, &config.kv)?;
    warm_up(model, &mut ctx)?;
    Ok(ctx)
}

/// One throwaway decode at load time, as llama.cpp's own tools do: it
/// faults the memory-mapped weights in and sets up the compute buffers, so
/// the first real prompt runs at full speed.
fn warm_up(model: &LlamaModel, ctx: &mut LlamaContext) -> Result<(), EngineError> {
    let vocab = model.vocab();
    let tokens = [vocab.bos(), vocab.eos()];
    let mut batch = LlamaBatch::new(tokens.len(), 1);
    for (pos, &token) in tokens.iter().enumerate() {
        batch
            .add(token, pos as i32, &[0], pos == tokens.len() - 1)
            .map_err(|e| EngineError::Decode(e.to_string()))?;
    }
    ctx.decode(&mut batch)
        .map_err(|e| EngineError::Decode(e.to_string()))?;
    ctx.clear_kv_cache();
    Ok(())
}
