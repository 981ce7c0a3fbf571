//! Embeddings: a task of their own on the inference thread, computed in a
//! second context made for them (created on the first request): inputs
//! packed into batches of several sequences, pooled by llama.cpp (mean,
//! CLS or last token), L2-normalised. Nothing is sampled and no KV cache
//! is kept between tasks: as llama.cpp's `llama-embedding` computes them.

use std::num::NonZeroU32;

use llama_cpp_2::context::params::{LlamaContextParams, LlamaPoolingType};
use llama_cpp_2::context::LlamaContext;
use llama_cpp_2::llama_batch::LlamaBatch;
use llama_cpp_2::model::LlamaModel;
use llama_cpp_2::token::LlamaToken;

use super::kv::KvOptions;
use super::worker::backend;
use super::EngineError;

/// How a sequence's token embeddings become one vector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Pooling {
    Mean,
    /// The first token's (BERT's `[CLS]`).
    Cls,
    /// The last token's (decoder embedding models).
    Last,
}

impl Pooling {
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "mean" => Some(Self::Mean),
            "cls" => Some(Self::Cls),
            "last" => Some(Self::Last),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Mean => "mean",
            Self::Cls => "cls",
            Self::Last => "last",
        }
    }

    /// The model's own pooling (its GGUF's `<arch>.pooling_type`), or mean
    /// for a model that has none (a chat model).
    pub fn of_model(model: &LlamaModel) -> Result<Self, EngineError> {
        let architecture = model
            .meta_val_str("general.architecture")
            .unwrap_or_default();
        let declared = model
            .meta_val_str(&format!("{architecture}.pooling_type"))
            .ok()
            .and_then(|v| v.trim().parse::<i32>().ok());
        match declared.map(LlamaPoolingType::from) {
            Some(LlamaPoolingType::Cls) => Ok(Self::Cls),
            Some(LlamaPoolingType::Last) => Ok(Self::Last),
            Some(LlamaPoolingType::Rank) => Err(EngineError::Embeddings(
                "this is a reranking model: it scores pairs of texts, it does not embed them"
                    .into(),
            )),
            _ => Ok(Self::Mean),
        }
    }

    fn llama(self) -> LlamaPoolingType {
        match self {
            Self::Mean => LlamaPoolingType::Mean,
            Self::Cls => LlamaPoolingType::Cls,
            Self::Last => LlamaPoolingType::Last,
        }
    }
}

/// Embedded inputs: one normalised vector each, in order, and the tokens
/// they were.
#[derive(Debug, Clone)]
pub struct Embedded {
    pub vectors: Vec<Vec<f32>>,
    pub tokens: usize,
}

/// The most inputs decoded in one batch.
const SEQUENCES_PER_BATCH: u32 = 16;

pub(super) struct Embedder<'m> {
    ctx: LlamaContext<'m>,
    /// Tokens one decode may hold: the longest input there can be.
    batch_tokens: usize,
}

impl<'m> Embedder<'m> {
    /// A context for inputs of up to `context_size` tokens.
    pub fn new(
        model: &'m LlamaModel,
        context_size: u32,
        threads: u32,
        pooling: Pooling,
        kv: &KvOptions,
    ) -> Result<Self, EngineError> {
        let threads = threads.max(1) as i32;
        // The whole of an input in one micro-batch: pooling over a model
        // without causal attention needs it, and it is how llama-embedding
        // decodes.
        let params = LlamaContextParams::default()
            .with_n_ctx(NonZeroU32::new(context_size.max(8)))
            .with_n_batch(context_size.max(8))
            .with_n_ubatch(context_size.max(8))
            .with_n_seq_max(SEQUENCES_PER_BATCH)
            .with_kv_unified(true)
            .with_embeddings(true)
            .with_pooling_type(pooling.llama())
            .with_n_threads(threads)
            .with_n_threads_batch(threads);
        let ctx = model
            .new_context(backend()?, kv.apply(params))
            .map_err(|e| EngineError::Context {
                context_size,
                reason: e.to_string(),
            })?;
        let batch_tokens = ctx.n_batch() as usize;
        Ok(Self { ctx, batch_tokens })
    }

    /// The longest input, in tokens.
    pub fn max_tokens(&self) -> usize {
        self.batch_tokens
    }

    /// One normalised vector per input, in order.
    pub fn embed(&mut self, inputs: &[Vec<LlamaToken>]) -> Result<Embedded, EngineError> {
        if let Some(long) = inputs.iter().find(|t| t.len() > self.batch_tokens) {
            return Err(EngineError::PromptTooLong {
                prompt_tokens: long.len(),
                context_size: self.batch_tokens as u32,
            });
        }
        if inputs.iter().any(Vec::is_empty) {
            return Err(EngineError::EmptyPrompt);
        }
        let mut out = Vec::with_capacity(inputs.len());
        let mut start = 0;
        while start < inputs.len() {
            let mut end = start;
            let mut tokens = 0;
            while end < inputs.len()
                && end - start < SEQUENCES_PER_BATCH as usize
                && tokens + inputs[end].len() <= self.batch_tokens
            {
                tokens += inputs[end].len();
                end += 1;
            }
            out.extend(self.embed_batch(&inputs[start..end], tokens)?);
            start = end;
        }
        Ok(Embedded {
            vectors: out,
            tokens: inputs.iter().map(Vec::len).sum(),
        })
    }

    fn embed_batch(
        &mut self,
        inputs: &[Vec<LlamaToken>],
        tokens: usize,
    ) -> Result<Vec<Vec<f32>>, EngineError> {
        let decode_error = |e: String| EngineError::Decode(e);
        self.ctx.clear_kv_cache();
        let mut batch = LlamaBatch::new(tokens, inputs.len() as i32);
        for (seq, input) in inputs.iter().enumerate() {
            for (pos, &token) in input.iter().enumerate() {
                batch
                    .add(token, pos as i32, &[seq as i32], true)
                    .map_err(|e| decode_error(e.to_string()))?;
            }
        }
        if let Err(decode) = self.ctx.decode(&mut batch) {
            // Encoder-only models (BERT) run through llama_encode.
            self.ctx
                .encode(&mut batch)
                .map_err(|_| decode_error(decode.to_string()))?;
        }
        let mut out = Vec::with_capacity(inputs.len());
        for seq in 0..inputs.len() {
            let vector = self
                .ctx
                .embeddings_seq_ith(seq as i32)
                .map_err(|e| EngineError::Embeddings(e.to_string()))?;
            out.push(normalised(vector));
        }
        self.ctx.clear_kv_cache();
        Ok(out)
    }
}

/// `vector` scaled to length 1 (as llama.cpp's `embd_normalize` 2 does; a
/// zero vector stays zero).
pub fn normalised(vector: &[f32]) -> Vec<f32> {
    let norm = vector
        .iter()
        .map(|&x| f64::from(x) * f64::from(x))
        .sum::<f64>()
        .sqrt();
    let scale = if norm > 0.0 { 1.0 / norm } else { 0.0 };
    vector
        .iter()
        .map(|&x| (f64::from(x) * scale) as f32)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_are_scaled_to_unit_length() {
        let v = normalised(&[3.0, 4.0]);
        assert!((v[0] - 0.6).abs() < 1e-7 && (v[1] - 0.8).abs() < 1e-7);
        assert_eq!(normalised(&[0.0, 0.0]), vec![0.0, 0.0]);
    }

    #[test]
    fn pooling_names_round_trip() {
        for p in [Pooling::Mean, Pooling::Cls, Pooling::Last] {
            assert_eq!(Pooling::parse(p.name()), Some(p));
        }
        assert_eq!(Pooling::parse("max"), None);
    }
}
