//! llama.cpp behind one owner thread.
//!
//! llama.cpp contexts are not `Sync` and the backend initialises once per
//! process, so one thread owns the model and context and everything else
//! talks to it through channels: [`Engine::load`] starts it, and
//! [`Engine::generate`] returns a stream of [`Event`]s.

mod admission;
mod constraint;
pub mod embed;
pub mod gpu;
pub mod kv;
pub(crate) mod load;
pub mod load_report;
pub mod output;
mod policy;
mod prompt;
mod sampling;
mod scheduler;
mod seq_state;
mod slot;
pub mod state_cache;
pub mod system;
pub mod template;
pub mod text;
pub mod tools;
mod worker;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Instant;

use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver};

use admission::Admission;
use llama_cpp_2::model::LlamaModel;
use llama_cpp_2::token::LlamaToken;
use prompt::Prompter;
use slot::{Sibling, Submission};

/// Work for the inference thread.
pub(crate) enum Task {
    Generate(Submission),
    /// Inputs, tokenized, to embed; the vectors (or why not) go back.
    Embed {
        inputs: Vec<Vec<LlamaToken>>,
        reply: tokio::sync::oneshot::Sender<Result<embed::Embedded, EngineError>>,
    },
}

/// One input to embed.
#[derive(Debug, Clone)]
pub enum EmbedInput {
    Text(String),
    /// Token ids, embedded as they are.
    Tokens(Vec<i32>),
}

pub use crate::role::Role;
pub use constraint::Constraint;
use constraint::Grammar;
use sampling::logprobs;
pub use sampling::{argmax, random_seed, SamplingParams};
pub use tools::{Tool, ToolCall, ToolChoice, ToolFormat, ToolUse};

/// How to load a model.
#[derive(Debug, Clone)]
pub struct EngineConfig {
    pub model_path: PathBuf,
    /// Context window of each slot in tokens; 0 uses the model's trained length.
    pub context_size: u32,
    pub threads: u32,
    /// Requests decoded at the same time, each in its own KV-cache sequence.
    pub slots: u32,
    /// Requests that may wait for a slot; more are refused with `QueueFull`.
    pub queue_limit: usize,
    /// A Jinja chat template used instead of the model's own.
    pub chat_template: Option<PathBuf>,
    /// How embeddings are pooled; `None`: the model's own (mean without).
    pub pooling: Option<embed::Pooling>,
    /// The KV cache's layout.
    pub kv: kv::KvOptions,
    /// Where the model's layers run.
    pub gpu: gpu::GpuOptions,
    /// Where conversations' states are kept beyond the slots; `None`:
    /// only in the slots.
    pub state_cache: Option<state_cache::StateCacheConfig>,
}

impl EngineConfig {
    /// One slot and no queue: a single in-process generation.
    pub fn single(model_path: PathBuf, context_size: u32, threads: u32) -> Self {
        Self {
            model_path,
            context_size,
            threads,
            slots: 1,
            queue_limit: 1,
            chat_template: None,
            pooling: None,
            kv: kv::KvOptions::default(),
            gpu: gpu::GpuOptions::default(),
            state_cache: None,
        }
    }
}

/// One message of a conversation.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Message {
    pub role: Role,
    pub content: String,
    /// The tools an assistant message calls.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tool_calls: Vec<ToolCall>,
    /// The call a tool message answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_call_id: Option<String>,
    /// The tool that answered (tool messages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Message {
    pub fn new(role: Role, content: impl Into<String>) -> Self {
        Self {
            role,
            content: content.into(),
            tool_calls: Vec::new(),
            tool_call_id: None,
            name: None,
        }
    }
}

/// What the model is asked to continue.
#[derive(Debug, Clone)]
pub enum PromptInput {
    /// Messages formatted with the model's chat template (or joined plainly
    /// when the model has none).
    Chat(Vec<Message>),
    /// Text sent as is.
    Raw(String),
    /// Token ids sent as they are (no BOS added).
    Tokens(Vec<i32>),
}

#[derive(Debug, Clone)]
pub struct GenerateRequest {
    pub prompt: PromptInput,
    pub max_tokens: u32,
    pub stop: Vec<String>,
    pub sampling: SamplingParams,
    /// Set to stop generation early (Ctrl-C, a client going away).
    pub cancel: Arc<AtomicBool>,
    /// What the answer must look like (JSON, a schema, a grammar).
    pub constraint: Option<Constraint>,
    /// Report each generated token's log-probability and this many of the
    /// most likely alternatives (`None`: no log-probabilities).
    pub logprobs: Option<u8>,
    /// Tools the model may (or must) call.
    pub tools: Option<ToolUse>,
    /// Added to these tokens' logits before sampling (OpenAI's
    /// `logit_bias`; -100 bans a token, 100 all but forces it).
    pub logit_bias: Vec<(i32, f32)>,
    /// Extra variables for the chat template (`enable_thinking`,
    /// `reasoning_effort`, a request's `chat_template_kwargs`).
    pub template_variables: serde_json::Map<String, serde_json::Value>,
}

/// The most alternatives a token's log-probability report lists (OpenAI's
/// `top_logprobs` limit).
pub const MAX_TOP_LOGPROBS: u8 = 20;

/// A generated token's log-probability under the model (before sampling
/// settings reshape the distribution), with the likeliest alternatives.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenLogprob {
    pub token: TokenText,
    pub logprob: f32,
    /// Most likely first.
    pub top: Vec<(TokenText, f32)>,
}

/// A token's text: its bytes (a token may hold part of a character) and
/// those bytes as text, with replacement characters where they are partial.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenText {
    pub text: String,
    pub bytes: Vec<u8>,
}

/// Why generation ended (OpenAI's vocabulary plus `cancelled`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FinishReason {
    /// End-of-generation token or a stop string.
    Stop,
    /// `max_tokens` reached or the context window is full.
    Length,
    /// The answer is tool calls.
    #[serde(rename = "tool_calls")]
    ToolCalls,
    Cancelled,
}

#[derive(Debug, Clone, Copy, Default, serde::Serialize, serde::Deserialize)]
pub struct Usage {
    pub prompt_tokens: u32,
    pub completion_tokens: u32,
    pub total_tokens: u32,
}

impl std::ops::Add for Usage {
    type Output = Usage;

    fn add(self, other: Usage) -> Usage {
        Usage {
            prompt_tokens: self.prompt_tokens + other.prompt_tokens,
            completion_tokens: self.completion_tokens + other.completion_tokens,
            total_tokens: self.total_tokens + other.total_tokens,
        }
    }
}

/// Timings of one generation, in milliseconds and tokens per second.
#[derive(Debug, Clone, Copy, Default, serde::Serialize, serde::Deserialize)]
pub struct Timings {
    /// Request received to the first generated token.
    pub ttft_ms: f64,
    /// Time spent waiting for a free slot.
    pub queue_ms: f64,
    /// Prompt tokens reused from the KV cache instead of decoded.
    pub cached_tokens: u32,
    /// Decoding the prompt tokens that were not cached.
    pub prompt_ms: f64,
    pub prompt_tokens_per_second: f64,
    /// First to last generated token.
    pub generation_ms: f64,
    /// Tokens after the first, over the time they took; comparable with
    /// llama-bench's tg figure.
    pub generation_tokens_per_second: f64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Completion {
    pub finish_reason: FinishReason,
    /// The stop string that ended the answer, if one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stop_string: Option<String>,
    pub usage: Usage,
    pub timings: Timings,
}

/// Streamed output of a generation.
#[derive(Debug)]
pub enum Event {
    Text(String),
    /// The log-probability of the token just generated (when asked for);
    /// it follows the token's text, which may have been held back.
    Logprob(TokenLogprob),
    Done(Completion),
    Failed(EngineError),
}

/// Facts about the loaded model.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ModelInfo {
    /// Context window of each slot.
    pub context_size: u32,
    pub slots: u32,
    pub trained_context: u32,
    pub has_chat_template: bool,
    pub threads: u32,
    /// The KV cache's memory as llama.cpp allocated it, when it said.
    pub kv_cache_bytes: Option<u64>,
    /// Why the model runs on the CPU although GPU offloading was asked for.
    pub gpu_fallback: Option<String>,
    /// Layers on the GPU, of the model's offloadable layers (`None`: a
    /// build without a GPU backend).
    pub offloaded_layers: Option<(u32, u32)>,
    /// The model's buffers (weights, KV cache, compute) on each GPU, by
    /// device name, in bytes.
    pub device_bytes: Vec<(String, u64)>,
}

/// The code for "the prompt does not fit the context window", as the
/// OpenAI-compatible servers (llama-server included) send it; clients and
/// the chat recognise the situation by it.
pub const CONTEXT_OVERFLOW_CODE: &str = "exceed_context_size_error";

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("llama.cpp backend failed to start: {0}")]
    Backend(String),
    #[error("llama.cpp could not load {path}")]
    Load { path: String },
    /// GPU settings this machine cannot follow.
    #[error("{0}")]
    Gpu(String),
    #[error("could not create a context of {context_size} tokens: {reason}")]
    Context { context_size: u32, reason: String },
    #[error("the prompt is {prompt_tokens} tokens but the context window holds {context_size}")]
    PromptTooLong {
        prompt_tokens: usize,
        context_size: u32,
    },
    #[error("the prompt is empty")]
    EmptyPrompt,
    /// A grammar or schema that cannot constrain this model's output.
    #[error("{0}")]
    InvalidConstraint(String),
    /// The chat template cannot render this conversation (or cannot be read).
    #[error("{0}")]
    Template(String),
    /// A token id the model's vocabulary does not have (in `param`: a
    /// token prompt, a logit bias).
    #[error("{param}: token {token} is not in the model's vocabulary of {vocabulary} tokens")]
    UnknownToken {
        param: &'static str,
        token: i64,
        vocabulary: i32,
    },
    #[error("llama.cpp failed to decode: {0}")]
    Decode(String),
    /// This model cannot embed, or an embedding could not be read.
    #[error("{0}")]
    Embeddings(String),
    #[error("all {slots} slots are busy and {queued} requests are waiting")]
    QueueFull { slots: u32, queued: usize },
    #[error("the server is shutting down")]
    ShuttingDown,
    #[error("the inference thread stopped unexpectedly")]
    WorkerGone,
}

/// Live load figures, shared with the inference thread.
#[derive(Debug, Default)]
pub struct EngineLoad {
    pub busy_slots: AtomicUsize,
    pub queued: AtomicUsize,
}

/// Receives load progress (0.0 to 1.0) on the inference thread.
pub trait LoadReporter: Send + 'static {
    fn progress(&self, fraction: f32);
}

impl LoadReporter for Box<dyn LoadReporter> {
    fn progress(&self, fraction: f32) {
        (**self).progress(fraction);
    }
}

/// A reporter for callers that show nothing.
pub struct NoProgress;

impl LoadReporter for NoProgress {
    fn progress(&self, _: f32) {}
}

/// The stream of a generation's output.
pub type EventStream = UnboundedReceiver<Event>;

/// Answers queued by [`Engine::generate_many`].
pub struct Queued {
    /// The prompt's length, which every answer shares.
    pub prompt_tokens: usize,
    pub streams: Vec<EventStream>,
}

/// Handle to the inference thread. Dropping it lets queued work finish and
/// then stops the thread.
pub struct Engine {
    submissions: Option<Sender<Task>>,
    thread: Option<JoinHandle<()>>,
    info: ModelInfo,
    /// Shared with the inference thread, to render and tokenize prompts.
    model: Arc<LlamaModel>,
    prompter: Box<Prompter>,
    load: Arc<EngineLoad>,
    admission: Arc<Admission>,
    /// Numbers the groups of answers to one prompt.
    next_group: AtomicU64,
}

impl Engine {
    /// Starts the inference thread and waits until the model is loaded.
    pub fn load(config: EngineConfig, reporter: impl LoadReporter) -> Result<Self, EngineError> {
        let (ready_tx, ready_rx) = mpsc::channel();
        let (submissions, submission_rx) = mpsc::channel();
        let load = Arc::new(EngineLoad::default());
        let admission = Arc::new(Admission::new(config.slots.max(1), config.queue_limit));
        let shared = worker::Shared {
            load: Arc::clone(&load),
            admission: Arc::clone(&admission),
        };
        let thread = std::thread::Builder::new()
            .name("flashchat-engine".into())
            .spawn(move || worker::run(config, Box::new(reporter), ready_tx, submission_rx, shared))
            .map_err(|e| EngineError::Backend(e.to_string()))?;
        match ready_rx.recv() {
            Ok(Ok((info, model, prompter))) => Ok(Self {
                submissions: Some(submissions),
                thread: Some(thread),
                info,
                model,
                prompter,
                load,
                admission,
                next_group: AtomicU64::new(0),
            }),
            Ok(Err(e)) => {
                let _ = thread.join();
                Err(e)
            }
            Err(_) => {
                let _ = thread.join();
                Err(EngineError::WorkerGone)
            }
        }
    }

    pub fn info(&self) -> &ModelInfo {
        &self.info
    }

    pub fn load_figures(&self) -> &EngineLoad {
        &self.load
    }

    /// How this model writes tool calls.
    pub fn tool_format(&self) -> ToolFormat {
        self.prompter.tool_format()
    }

    /// Queues a generation; its text arrives on the returned stream, ending
    /// with `Done` or `Failed`. Dropping the stream cancels the generation.
    /// Refused with `QueueFull` when every slot and queue place is taken,
    /// and with `ShuttingDown` once [`Engine::drain`] was called.
    pub fn generate(&self, request: GenerateRequest) -> Result<EventStream, EngineError> {
        let mut queued = self.generate_many(request, 1)?;
        queued.streams.pop().ok_or(EngineError::WorkerGone)
    }

    /// Queues inputs to embed; the vectors (one per input, L2-normalised,
    /// in order) arrive on the returned channel. Text is tokenized here,
    /// off the inference thread, as `llama-embedding` tokenizes it.
    pub fn embed(
        &self,
        inputs: Vec<EmbedInput>,
    ) -> Result<tokio::sync::oneshot::Receiver<Result<embed::Embedded, EngineError>>, EngineError>
    {
        if self.admission.is_draining() {
            return Err(EngineError::ShuttingDown);
        }
        let vocabulary = self.model.vocab().n_tokens();
        let mut tokenized = Vec::with_capacity(inputs.len());
        for input in inputs {
            tokenized.push(match input {
                EmbedInput::Text(text) => self.model.vocab().tokenize(text.as_bytes(), true, true),
                EmbedInput::Tokens(ids) => {
                    if let Some(&bad) = ids.iter().find(|t| !(0..vocabulary).contains(*t)) {
                        return Err(EngineError::UnknownToken {
                            param: "input",
                            token: bad.into(),
                            vocabulary,
                        });
                    }
                    ids.into_iter().map(LlamaToken).collect()
                }
            });
        }
        let (reply, answer) = tokio::sync::oneshot::channel();
        let task = Task::Embed {
            inputs: tokenized,
            reply,
        };
        let sent = self
            .submissions
            .as_ref()
            .is_some_and(|s| s.send(task).is_ok());
        if !sent {
            return Err(EngineError::WorkerGone);
        }
        Ok(answer)
    }

    /// How many tokens the request's prompt is, rendered with the chat
    /// template as a generation would render it (the context window is not
    /// checked: this only counts).
    pub fn count_prompt_tokens(&self, request: &GenerateRequest) -> Result<usize, EngineError> {
        Ok(self.prompt_tokens(request)?.len())
    }

    /// Queues `n` answers to one prompt (OpenAI's `n`), seeded `seed`,
    /// `seed + 1`, …: all are admitted or none. The prompt is decoded
    /// once; the others copy its cache as soon as it is there.
    pub fn generate_many(&self, request: GenerateRequest, n: usize) -> Result<Queued, EngineError> {
        let received = Instant::now();
        let vocabulary = self.model.vocab().n_tokens();
        if let Some(&(token, _)) = request
            .logit_bias
            .iter()
            .find(|(t, _)| !(0..vocabulary).contains(t))
        {
            return Err(EngineError::UnknownToken {
                param: "logit_bias",
                token: token.into(),
                vocabulary,
            });
        }
        let tokens = self.tokenize(&request)?;
        let constraint = self.constraint(&request)?;
        let grammar = || match &constraint {
            Some(constraint) => Grammar::new(&self.model, constraint)
                .map(Some)
                .map_err(EngineError::InvalidConstraint),
            None => Ok(None),
        };
        let mut grammars = Vec::with_capacity(n);
        for _ in 0..n.max(1) {
            grammars.push(grammar()?);
        }
        let tickets = (0..grammars.len())
            .map(|_| self.admission.admit())
            .collect::<Result<Vec<_>, _>>()?;
        let group = (grammars.len() > 1).then(|| self.next_group.fetch_add(1, Ordering::Relaxed));
        let mut streams = Vec::with_capacity(tickets.len());
        for (i, (ticket, grammar)) in tickets.into_iter().zip(grammars).enumerate() {
            let mut request = request.clone();
            request.sampling.seed = request.sampling.seed.wrapping_add(i as u32);
            let (events, stream) = unbounded_channel();
            self.load.queued.fetch_add(1, Ordering::AcqRel);
            let task = Task::Generate(Submission {
                request: Box::new(request),
                tokens: tokens.clone(),
                grammar,
                events,
                received,
                ticket,
                sibling: group.map(|group| Sibling {
                    group,
                    leads: i == 0,
                }),
            });
            let sent = self
                .submissions
                .as_ref()
                .is_some_and(|s| s.send(task).is_ok());
            if !sent {
                self.load.queued.fetch_sub(1, Ordering::AcqRel);
                return Err(EngineError::WorkerGone);
            }
            streams.push(stream);
        }
        Ok(Queued {
            prompt_tokens: tokens.len(),
            streams,
        })
    }

    /// What steers sampling: the request's constraint, or its tools' grammar.
    fn constraint(&self, request: &GenerateRequest) -> Result<Option<Constraint>, EngineError> {
        let tools = match &request.tools {
            Some(tools) => tools::tool_grammar(self.tool_format(), tools)
                .map_err(EngineError::InvalidConstraint)?,
            None => None,
        };
        match (tools, &request.constraint) {
            (Some(_), Some(_)) => Err(EngineError::InvalidConstraint(
                "a response format or grammar cannot be combined with tool calls; send one or the other".into(),
            )),
            (Some(tools), None) => Ok(Some(Constraint::ToolCalls(tools))),
            (None, constraint) => Ok(constraint.clone()),
        }
    }

    /// The prompt's tokens, rendered with the model's chat template, or why
    /// it cannot run: empty, or longer than a slot's context window.
    fn tokenize(&self, request: &GenerateRequest) -> Result<Vec<LlamaToken>, EngineError> {
        self.checked(self.prompt_tokens(request)?)
    }

    /// The prompt's tokens, whatever their number.
    fn prompt_tokens(&self, request: &GenerateRequest) -> Result<Vec<LlamaToken>, EngineError> {
        if let PromptInput::Tokens(ids) = &request.prompt {
            let vocabulary = self.model.vocab().n_tokens();
            if let Some(&bad) = ids.iter().find(|t| !(0..vocabulary).contains(*t)) {
                return Err(EngineError::UnknownToken {
                    param: "prompt",
                    token: bad.into(),
                    vocabulary,
                });
            }
            return Ok(ids.iter().map(|&t| LlamaToken(t)).collect());
        }
        let text = self.prompter.render(
            &self.model,
            &request.prompt,
            request.tools.as_ref(),
            &request.template_variables,
        )?;
        Ok(self.model.vocab().tokenize(text.as_bytes(), true, true))
    }

    /// The prompt's tokens, or why they cannot run: none, or more than a
    /// slot's context window.
    fn checked(&self, tokens: Vec<LlamaToken>) -> Result<Vec<LlamaToken>, EngineError> {
        if tokens.is_empty() {
            return Err(EngineError::EmptyPrompt);
        }
        if tokens.len() >= self.info.context_size as usize {
            return Err(EngineError::PromptTooLong {
                prompt_tokens: tokens.len(),
                context_size: self.info.context_size,
            });
        }
        Ok(tokens)
    }

    /// Stops taking requests: new ones and every one still waiting for a
    /// slot get `ShuttingDown` at once; running generations go on.
    pub fn drain(&self) {
        self.admission.drain();
    }

    /// A handle that drains this engine even while the engine is being
    /// dropped (which waits for its queued work).
    pub fn drainer(&self) -> Drainer {
        Drainer(Arc::clone(&self.admission))
    }
}

/// Drains one engine; see [`Engine::drainer`].
#[derive(Debug, Clone)]
pub struct Drainer(Arc<Admission>);

impl Drainer {
    pub fn drain(&self) {
        self.0.drain();
    }

    /// Whether both drain the same engine.
    pub fn is_for_same(&self, other: &Drainer) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        // Closing the channel ends the worker's loop.
        self.submissions.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
