//! The inference thread: owns the backend, model and context, and runs one
//! generation at a time: tokenize, decode the prompt in batches, sample,
//! stream text.

use std::num::NonZeroU32;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, Sender};
use std::sync::OnceLock;
use std::time::Instant;

use llama_cpp_2::context::params::LlamaContextParams;
use llama_cpp_2::context::LlamaContext;
use llama_cpp_2::llama_backend::LlamaBackend;
use llama_cpp_2::llama_batch::LlamaBatch;
use llama_cpp_2::model::params::LlamaModelParams;
use llama_cpp_2::model::LlamaModel;
use llama_cpp_2::token::LlamaToken;

use super::prompt::render;
use super::sampling::argmax;
use super::text::{StopMatcher, Utf8Stream};
use super::{
    Command, Completion, EngineConfig, EngineError, Event, FinishReason, GenerateRequest,
    LoadReporter, ModelInfo, Timings, Usage,
};

/// Tokens decoded per llama_decode call. Larger batches abort inside
/// llama.cpp, so prompts are split into chunks of at most this size.
const BATCH_SIZE: u32 = 2048;
/// Tokens per compute micro-batch (llama.cpp's default, as llama-bench uses).
const UBATCH_SIZE: u32 = 512;

/// llama.cpp's backend may be initialised once per process.
fn backend() -> Result<&'static LlamaBackend, EngineError> {
    static BACKEND: OnceLock<Result<LlamaBackend, String>> = OnceLock::new();
    BACKEND
        .get_or_init(|| {
            llama_cpp_2::send_logs_to_tracing(llama_cpp_2::LogOptions::default());
            LlamaBackend::init().map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| EngineError::Backend(e.clone()))
}

pub(super) fn run(
    config: EngineConfig,
    reporter: Box<dyn LoadReporter>,
    ready: Sender<Result<ModelInfo, EngineError>>,
    commands: Receiver<Command>,
) {
    let loaded = backend().and_then(|backend| load_model(backend, &config, reporter));
    let model = match loaded {
        Ok(model) => model,
        Err(e) => {
            let _ = ready.send(Err(e));
            return;
        }
    };
    let mut session = match backend().and_then(|b| Session::new(b, &model, &config)) {
        Ok(session) => session,
        Err(e) => {
            let _ = ready.send(Err(e));
            return;
        }
    };
    if ready.send(Ok(session.info(&config))).is_err() {
        return;
    }
    for command in commands {
        match command {
            Command::Generate(request, events) => {
                let event = match session.generate(&request, &events) {
                    Ok(done) => Event::Done(done),
                    Err(e) => Event::Failed(e),
                };
                let _ = events.send(event);
            }
        }
    }
}

fn load_model(
    backend: &LlamaBackend,
    config: &EngineConfig,
    reporter: Box<dyn LoadReporter>,
) -> Result<LlamaModel, EngineError> {
    let params = LlamaModelParams::default().with_progress_callback(move |fraction| {
        reporter.progress(fraction);
        true
    });
    LlamaModel::load_from_file(backend, &config.model_path, &params).map_err(|e| {
        tracing::error!("loading {} failed: {e}", config.model_path.display());
        EngineError::Load {
            path: config.model_path.display().to_string(),
        }
    })
}

struct Session<'m> {
    model: &'m LlamaModel,
    ctx: LlamaContext<'m>,
    batch: LlamaBatch<'static>,
}

impl<'m> Session<'m> {
    fn new(
        backend: &LlamaBackend,
        model: &'m LlamaModel,
        config: &EngineConfig,
    ) -> Result<Self, EngineError> {
        let trained = model.n_ctx_train();
        let n_ctx = match config.context_size {
            0 => trained,
            n => n.min(trained.max(1)),
        };
        let threads = config.threads.max(1) as i32;
        let params = LlamaContextParams::default()
            .with_n_ctx(NonZeroU32::new(n_ctx))
            .with_n_batch(BATCH_SIZE)
            .with_n_ubatch(UBATCH_SIZE)
            .with_n_seq_max(1)
            .with_n_threads(threads)
            .with_n_threads_batch(threads);
        let ctx = model
            .new_context(backend, params)
            .map_err(|e| EngineError::Context {
                context_size: n_ctx,
                reason: e.to_string(),
            })?;
        let mut session = Self {
            model,
            ctx,
            batch: LlamaBatch::new(BATCH_SIZE as usize, 1),
        };
        session.warm_up()?;
        Ok(session)
    }

    /// One throwaway decode at load time, as llama.cpp's own tools do: it
    /// faults the memory-mapped weights in and sets up the compute buffers,
    /// so the first real prompt runs at full speed.
    fn warm_up(&mut self) -> Result<(), EngineError> {
        let vocab = self.model.vocab();
        let tokens = [vocab.bos(), vocab.eos()];
        self.batch.clear();
        for (pos, &token) in tokens.iter().enumerate() {
            self.batch
                .add(token, pos as i32, &[0], pos == tokens.len() - 1)
                .map_err(|e| EngineError::Decode(e.to_string()))?;
        }
        self.ctx
            .decode(&mut self.batch)
            .map_err(|e| EngineError::Decode(e.to_string()))?;
        self.ctx.clear_kv_cache();
        Ok(())
    }

    fn info(&self, config: &EngineConfig) -> ModelInfo {
        ModelInfo {
            context_size: self.ctx.n_ctx(),
            trained_context: self.model.n_ctx_train(),
            has_chat_template: self.model.chat_template(None).is_ok(),
            threads: config.threads.max(1),
        }
    }

    fn generate(
        &mut self,
        request: &GenerateRequest,
        events: &Sender<Event>,
    ) -> Result<Completion, EngineError> {
        let start = Instant::now();
        let prompt = render(self.model, &request.prompt);
        let vocab = self.model.vocab();
        // Special tokens are parsed in every mode, as llama.cpp's own tools do,
        // so a raw prompt can spell out a template by hand.
        let tokens = vocab.tokenize(prompt.as_bytes(), true, true);
        let n_ctx = self.ctx.n_ctx();
        if tokens.is_empty() {
            return Err(EngineError::EmptyPrompt);
        }
        if tokens.len() >= n_ctx as usize {
            return Err(EngineError::PromptTooLong {
                prompt_tokens: tokens.len(),
                context_size: n_ctx,
            });
        }

        let decode_start = Instant::now();
        self.ctx.clear_kv_cache();
        self.decode_prompt(&tokens)?;
        let prompt_done = Instant::now();

        let mut sampler = request.sampling.build(vocab.n_tokens());
        sampler.accept_many(&tokens[tokens.len().saturating_sub(64)..]);
        let plain_greedy = request.sampling.is_plain_greedy();
        let budget = request.max_tokens.min(n_ctx - tokens.len() as u32);

        let mut utf8 = Utf8Stream::default();
        let mut stops = StopMatcher::new(&request.stop);
        let mut pos = tokens.len() as i32;
        let mut generated = 0u32;
        let mut first_token_at = None;
        let mut last_token_at = prompt_done;
        let mut finish = FinishReason::Length;
        let mut stopped_by_string = false;
        let send = |text: String| text.is_empty() || events.send(Event::Text(text)).is_ok();

        while generated < budget {
            if request.cancel.load(Ordering::Relaxed) {
                finish = FinishReason::Cancelled;
                break;
            }
            let logits_index = self.batch.n_tokens() - 1;
            let token = if plain_greedy {
                LlamaToken(argmax(self.ctx.get_logits_ith(logits_index)) as i32)
            } else {
                sampler.sample(&self.ctx, logits_index)
            };
            let now = Instant::now();
            first_token_at.get_or_insert(now);
            if vocab.is_eog(token) {
                finish = FinishReason::Stop;
                break;
            }
            last_token_at = now;
            generated += 1;
            let piece = utf8.push(&vocab.token_to_piece(token, false, None));
            let check = stops.push(&piece);
            if !send(check.emit) {
                finish = FinishReason::Cancelled;
                break;
            }
            if check.stopped {
                finish = FinishReason::Stop;
                stopped_by_string = true;
                break;
            }
            if generated == budget {
                break;
            }
            self.batch.clear();
            self.batch
                .add(token, pos, &[0], true)
                .map_err(|e| EngineError::Decode(e.to_string()))?;
            self.ctx
                .decode(&mut self.batch)
                .map_err(|e| EngineError::Decode(e.to_string()))?;
            pos += 1;
        }
        if !stopped_by_string {
            let tail = stops.push(&utf8.finish());
            let held = if tail.stopped {
                String::new()
            } else {
                stops.finish()
            };
            send(tail.emit + &held);
        }

        let first = first_token_at.unwrap_or(prompt_done);
        Ok(Completion {
            finish_reason: finish,
            usage: Usage {
                prompt_tokens: tokens.len() as u32,
                completion_tokens: generated,
                total_tokens: tokens.len() as u32 + generated,
            },
            timings: Timings::measure(
                [start, decode_start, prompt_done, first, last_token_at],
                tokens.len(),
                generated,
            ),
        })
    }

    /// Decodes the prompt in chunks of at most `BATCH_SIZE` tokens, asking
    /// for logits of the last token only.
    fn decode_prompt(&mut self, tokens: &[LlamaToken]) -> Result<(), EngineError> {
        let last = tokens.len() - 1;
        for (chunk_index, chunk) in tokens.chunks(BATCH_SIZE as usize).enumerate() {
            self.batch.clear();
            for (i, &token) in chunk.iter().enumerate() {
                let pos = chunk_index * BATCH_SIZE as usize + i;
                self.batch
                    .add(token, pos as i32, &[0], pos == last)
                    .map_err(|e| EngineError::Decode(e.to_string()))?;
            }
            self.ctx
                .decode(&mut self.batch)
                .map_err(|e| EngineError::Decode(e.to_string()))?;
        }
        Ok(())
    }
}

impl Timings {
    /// From the instants: request start, prompt decode start, prompt decoded,
    /// first generated token, last generated token.
    fn measure(at: [Instant; 5], prompt_tokens: usize, generated: u32) -> Self {
        let [start, decode_start, prompt_done, first, last] = at;
        let ms = |a: Instant, b: Instant| b.saturating_duration_since(a).as_secs_f64() * 1000.0;
        let rate = |n: f64, ms: f64| if ms > 0.0 { n * 1000.0 / ms } else { 0.0 };
        let prompt_ms = ms(decode_start, prompt_done);
        let generation_ms = ms(first, last);
        Timings {
            ttft_ms: ms(start, first),
            prompt_ms,
            prompt_tokens_per_second: rate(prompt_tokens as f64, prompt_ms),
            generation_ms,
            generation_tokens_per_second: rate(generated.saturating_sub(1) as f64, generation_ms),
        }
    }
}
