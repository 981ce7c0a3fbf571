//! llama.cpp driven directly, on the calling thread, for measuring: timed
//! forward passes, prompt and generation runs done the way `llama-bench`
//! does them, and the logits that `verify` compares.
//!
//! The engine's owner thread is built for serving answers; a benchmark
//! wants nothing between the clock and `llama_decode`, so it talks to
//! llama.cpp itself, sharing the engine's once-per-process backend.

use std::path::Path;
use std::time::{Duration, Instant};

use llama_cpp_2::context::LlamaContext;
use llama_cpp_2::llama_batch::LlamaBatch;
use llama_cpp_2::model::LlamaModel;
use llama_cpp_2::token::LlamaToken;

use super::synthetic::SplitMix64;
use crate::engine::gpu::{GpuLayers, GpuOptions, SplitMode};
use crate::engine::{load, EngineError};

/// Tokens per `llama_decode` call: the engine's, which are llama-bench's
/// defaults, so prompt figures compare like for like.
const BATCH: u32 = load::BATCH;

/// How to load a model for measuring.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// Overrides `<arch>.expert_used_count` (llama.cpp's metadata override),
    /// e.g. to run a MoE model with fewer or more active experts.
    pub experts_used: Option<u32>,
    /// Where the layers run; `gpu_layers = auto` offloads every layer, as
    /// llama-bench's default does.
    pub gpu: GpuOptions,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            experts_used: None,
            gpu: GpuOptions::cpu_only(),
        }
    }
}

/// A model loaded for measuring.
pub struct LoadedModel {
    model: LlamaModel,
    /// Wall time of reading the file and setting up the weights.
    pub load_time: Duration,
    /// Where its layers run: `CPU`, or `Vulkan0: llvmpipe (19/19 layers)`.
    pub device: String,
}

/// The devices a model with this many layers offloaded runs on, of the
/// machine's `gpus`: `main_gpu` alone when the model is not split, all of
/// them when it is split by layers or rows.
fn device(offloaded: Option<(u32, u32)>, gpus: &[String], options: &GpuOptions) -> String {
    let Some((layers, of)) = offloaded.filter(|&(layers, _)| layers > 0) else {
        return "CPU".into();
    };
    let used: Vec<&str> = match options.split_mode {
        SplitMode::None => gpus
            .get(options.main_gpu as usize)
            .into_iter()
            .map(String::as_str)
            .collect(),
        SplitMode::Layer | SplitMode::Row => gpus.iter().map(String::as_str).collect(),
    };
    match used.as_slice() {
        [] => "CPU".into(),
        [gpu] => format!("{gpu} ({layers}/{of} layers)"),
        all => format!(
            "{} ({layers}/{of} layers over {} GPUs)",
            all.join(" + "),
            all.len()
        ),
    }
}

impl LoadedModel {
    pub fn load(
        path: &Path,
        architecture: &str,
        options: LoadOptions,
    ) -> Result<Self, EngineError> {
        let gpu = options.gpu;
        let options = load::ModelOptions {
            experts_used: options.experts_used.map(|k| (architecture.to_string(), k)),
            gpu: GpuOptions {
                layers: match options.gpu.layers {
                    GpuLayers::Auto => GpuLayers::All,
                    layers => layers,
                },
                ..options.gpu
            },
            context: None,
            reporter: None,
        };
        let started = Instant::now();
        crate::engine::load_report::take();
        let model = load::model(path, options)?;
        let load_time = started.elapsed();
        Ok(Self {
            model,
            load_time,
            device: device(
                crate::engine::load_report::take().offloaded_layers,
                &super::machine::gpu_devices(),
                &gpu,
            ),
        })
    }

    /// A context of `context` tokens decoding on `threads` threads.
    pub fn context(&self, context: u32, threads: u32) -> Result<Harness<'_>, EngineError> {
        let ctx = load::context(
            &self.model,
            context,
            1,
            threads,
            &crate::engine::kv::KvOptions::default(),
        )?;
        Ok(Harness {
            model: &self.model,
            ctx,
            batch: LlamaBatch::new(BATCH as usize, 1),
            rng: SplitMix64(0x5eed),
        })
    }

    pub fn n_vocab(&self) -> u32 {
        self.model.n_vocab().max(1) as u32
    }
}

/// A context on a loaded model, with the measuring operations.
pub struct Harness<'m> {
    model: &'m LlamaModel,
    ctx: LlamaContext<'m>,
    /// Reused by every decode, so the timed loops allocate nothing.
    batch: LlamaBatch<'static>,
    /// Random tokens, as llama-bench feeds them: the content does not
    /// change the work, and a fixed seed keeps runs comparable.
    rng: SplitMix64,
}

impl Harness<'_> {
    /// One forward pass of a single token in an empty context: the cost of
    /// every layer once, without attention over earlier tokens.
    pub fn forward_pass(&mut self) -> Result<(), EngineError> {
        self.ctx.clear_kv_cache_seq(Some(0), None, None).ok();
        let token = self.random_token();
        self.decode(&[token], 0, false)?;
        self.ctx.synchronize();
        Ok(())
    }

    /// llama-bench's prompt test: `n` tokens (the first one `<bos>`) decoded
    /// in batches from an empty context.
    pub fn prompt(&mut self, n: usize) -> Result<(), EngineError> {
        self.clear();
        let mut tokens = vec![self.model.vocab().bos()];
        tokens.extend((1..n).map(|_| self.random_token()));
        for (i, chunk) in tokens.chunks(BATCH as usize).enumerate() {
            self.decode(chunk, (i * BATCH as usize) as i32, false)?;
        }
        self.ctx.synchronize();
        Ok(())
    }

    /// llama-bench's generation test: `n` single-token decodes from an empty
    /// context, each at the next position.
    pub fn generate(&mut self, n: usize) -> Result<(), EngineError> {
        self.clear();
        let mut token = self.model.vocab().bos();
        for pos in 0..n {
            self.decode(&[token], pos as i32, false)?;
            self.ctx.synchronize();
            token = self.random_token();
        }
        Ok(())
    }

    /// The logits at every position of `tokens`, decoded in one batch.
    pub fn logits_batched(&mut self, tokens: &[LlamaToken]) -> Result<Vec<Vec<f32>>, EngineError> {
        self.clear();
        self.decode(tokens, 0, true)?;
        Ok((0..tokens.len())
            .map(|i| self.ctx.get_logits_ith(i as i32).to_vec())
            .collect())
    }

    /// The logits at every position of `tokens`, decoded one token at a time.
    pub fn logits_one_by_one(
        &mut self,
        tokens: &[LlamaToken],
    ) -> Result<Vec<Vec<f32>>, EngineError> {
        self.clear();
        let mut rows = Vec::with_capacity(tokens.len());
        for (pos, &token) in tokens.iter().enumerate() {
            self.decode(&[token], pos as i32, true)?;
            rows.push(self.ctx.get_logits_ith(0).to_vec());
        }
        Ok(rows)
    }

    /// Greedy continuation of `prompt`: `n` arg-max tokens.
    pub fn greedy(&mut self, prompt: &[LlamaToken], n: usize) -> Result<Vec<i32>, EngineError> {
        self.clear();
        self.decode(prompt, 0, false)?;
        let mut out = Vec::with_capacity(n);
        let start = prompt.len() as i32;
        for pos in start..start + n as i32 {
            let best = arg_max(self.ctx.get_logits_ith(-1));
            out.push(best);
            self.decode(&[LlamaToken(best)], pos, false)?;
        }
        Ok(out)
    }

    /// `text` as the model's tokens, `<bos>` first.
    pub fn tokenize(&self, text: &str) -> Vec<LlamaToken> {
        self.model.vocab().tokenize(text.as_bytes(), true, false)
    }

    /// `n` tokens drawn from the vocabulary, deterministic for this harness.
    pub fn random_tokens(&mut self, n: usize) -> Vec<LlamaToken> {
        (0..n).map(|_| self.random_token()).collect()
    }

    fn random_token(&mut self) -> LlamaToken {
        let vocab = self.model.n_vocab().max(1) as u64;
        LlamaToken((self.rng.next_u64() % vocab) as i32)
    }

    fn clear(&mut self) {
        self.ctx.clear_kv_cache_seq(Some(0), None, None).ok();
    }

    /// Decodes `tokens` (at most [`BATCH`]) at positions `first..`; logits
    /// for every token when `all_logits`, else for the last one only.
    fn decode(
        &mut self,
        tokens: &[LlamaToken],
        first: i32,
        all_logits: bool,
    ) -> Result<(), EngineError> {
        let decode_error = |e: &dyn std::fmt::Display| EngineError::Decode(e.to_string());
        self.batch.clear();
        let last = tokens.len().saturating_sub(1);
        for (i, &token) in tokens.iter().enumerate() {
            self.batch
                .add(token, first + i as i32, &[0], all_logits || i == last)
                .map_err(|e| decode_error(&e))?;
        }
        self.ctx
            .decode(&mut self.batch)
            .map_err(|e| decode_error(&e))
    }
}

/// The index of the largest logit (the first of equal ones).
pub(super) fn arg_max(logits: &[f32]) -> i32 {
    crate::engine::argmax(logits) as i32
}

#[cfg(test)]
mod tests {
    use super::{arg_max, device};
    use crate::engine::gpu::{GpuLayers, GpuOptions, SplitMode};

    #[test]
    fn arg_max_takes_the_first_of_equal_maxima() {
        assert_eq!(arg_max(&[0.5, 2.0, -1.0, 2.0]), 1);
        assert_eq!(arg_max(&[f32::NEG_INFINITY]), 0);
    }

    #[test]
    fn the_device_is_the_main_gpu_or_every_gpu_the_model_is_split_over() {
        let gpus = ["CUDA0: H200".to_string(), "CUDA1: L4".to_string()];
        let on = |split_mode, main_gpu| GpuOptions {
            layers: GpuLayers::All,
            main_gpu,
            split_mode,
        };
        assert_eq!(
            device(Some((19, 19)), &gpus, &on(SplitMode::None, 1)),
            "CUDA1: L4 (19/19 layers)"
        );
        assert_eq!(
            device(Some((19, 19)), &gpus, &on(SplitMode::Layer, 1)),
            "CUDA0: H200 + CUDA1: L4 (19/19 layers over 2 GPUs)"
        );
        assert_eq!(
            device(Some((7, 19)), &gpus[..1], &on(SplitMode::Row, 0)),
            "CUDA0: H200 (7/19 layers)"
        );
        // Nothing offloaded, no such GPU, no GPU at all: the CPU.
        assert_eq!(device(Some((0, 19)), &gpus, &on(SplitMode::None, 0)), "CPU");
        assert_eq!(
            device(Some((19, 19)), &gpus, &on(SplitMode::None, 5)),
            "CPU"
        );
        assert_eq!(device(None, &[], &on(SplitMode::Layer, 0)), "CPU");
    }
}
