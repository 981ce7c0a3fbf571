//! llama.cpp behind one owner thread.
//!
//! llama.cpp contexts are not `Sync` and the backend initialises once per
//! process, so one thread owns the model and context and everything else
//! talks to it through channels: [`Engine::load`] starts it, and
//! [`Engine::generate`] returns a stream of [`Event`]s.

mod prompt;
mod sampling;
pub mod system;
pub mod text;
mod worker;

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;

pub use sampling::SamplingParams;

/// How to load a model.
#[derive(Debug, Clone)]
pub struct EngineConfig {
    pub model_path: PathBuf,
    /// Context window in tokens; 0 uses the model's trained length.
    pub context_size: u32,
    pub threads: u32,
}

/// One message of a conversation.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Message {
    pub role: String,
    pub content: String,
}

impl Message {
    pub fn new(role: &str, content: impl Into<String>) -> Self {
        Self {
            role: role.to_string(),
            content: content.into(),
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
}

#[derive(Debug, Clone)]
pub struct GenerateRequest {
    pub prompt: PromptInput,
    pub max_tokens: u32,
    pub stop: Vec<String>,
    pub sampling: SamplingParams,
    /// Set to stop generation early (Ctrl-C, a client going away).
    pub cancel: Arc<AtomicBool>,
}

/// Why generation ended (OpenAI's vocabulary plus `cancelled`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FinishReason {
    /// End-of-generation token or a stop string.
    Stop,
    /// `max_tokens` reached or the context window is full.
    Length,
    Cancelled,
}

#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Usage {
    pub prompt_tokens: u32,
    pub completion_tokens: u32,
    pub total_tokens: u32,
}

/// Timings of one generation, in milliseconds and tokens per second.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Timings {
    /// Request start to the first generated token.
    pub ttft_ms: f64,
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
    pub usage: Usage,
    pub timings: Timings,
}

/// Streamed output of a generation.
#[derive(Debug)]
pub enum Event {
    Text(String),
    Done(Completion),
    Failed(EngineError),
}

/// Facts about the loaded model.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ModelInfo {
    pub context_size: u32,
    pub trained_context: u32,
    pub has_chat_template: bool,
    pub threads: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("llama.cpp backend failed to start: {0}")]
    Backend(String),
    #[error("llama.cpp could not load {path}")]
    Load { path: String },
    #[error("could not create a context of {context_size} tokens: {reason}")]
    Context { context_size: u32, reason: String },
    #[error("the prompt is {prompt_tokens} tokens but the context window holds {context_size}")]
    PromptTooLong {
        prompt_tokens: usize,
        context_size: u32,
    },
    #[error("the prompt is empty")]
    EmptyPrompt,
    #[error("llama.cpp failed to decode: {0}")]
    Decode(String),
    #[error("the inference thread stopped unexpectedly")]
    WorkerGone,
}

/// Receives load progress (0.0 to 1.0) on the inference thread.
pub trait LoadReporter: Send + 'static {
    fn progress(&self, fraction: f32);
}

/// A reporter for callers that show nothing.
pub struct NoProgress;

impl LoadReporter for NoProgress {
    fn progress(&self, _: f32) {}
}

enum Command {
    Generate(Box<GenerateRequest>, Sender<Event>),
}

/// Handle to the inference thread. Dropping it stops the thread.
pub struct Engine {
    commands: Option<Sender<Command>>,
    thread: Option<JoinHandle<()>>,
    info: ModelInfo,
}

impl Engine {
    /// Starts the inference thread and waits until the model is loaded.
    pub fn load(config: EngineConfig, reporter: impl LoadReporter) -> Result<Self, EngineError> {
        let (ready_tx, ready_rx) = mpsc::channel();
        let (commands, command_rx) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("flashchat-engine".into())
            .spawn(move || worker::run(config, Box::new(reporter), ready_tx, command_rx))
            .map_err(|e| EngineError::Backend(e.to_string()))?;
        match ready_rx.recv() {
            Ok(Ok(info)) => Ok(Self {
                commands: Some(commands),
                thread: Some(thread),
                info,
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

    /// Queues a generation; its text arrives on the returned channel, ending
    /// with `Done` or `Failed`.
    pub fn generate(&self, request: GenerateRequest) -> Result<Receiver<Event>, EngineError> {
        let (tx, rx) = mpsc::channel();
        self.commands
            .as_ref()
            .ok_or(EngineError::WorkerGone)?
            .send(Command::Generate(Box::new(request), tx))
            .map_err(|_| EngineError::WorkerGone)?;
        Ok(rx)
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        // Closing the channel ends the worker's loop.
        self.commands.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
