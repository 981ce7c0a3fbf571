//! One slot: a KV-cache sequence with its token history, and the job it is
//! running (prompt tokens still to decode, sampler, text streaming, timings).

use std::collections::HashSet;
use std::sync::atomic::Ordering;
use std::time::Instant;

use llama_cpp_2::context::LlamaContext;
use llama_cpp_2::model::LlamaModel;
use llama_cpp_2::sampling::LlamaSampler;
use llama_cpp_2::token::LlamaToken;
use llama_cpp_2::token_type::LlamaTokenAttr;
use tokio::sync::mpsc::UnboundedSender;

use super::admission::Ticket;
use super::constraint::Grammar;
use super::sampling::argmax;
use super::seq_state;
use super::text::{is_media_marker, StopMatcher, Utf8Stream};
use super::tools::ToolFormat;
use super::{
    logprobs, Completion, EngineError, Event, FinishReason, GenerateRequest, Timings, TokenLogprob,
    TokenText, Usage,
};

/// Tokens llama.cpp would render as text that are never shown: the
/// model's user-defined media placeholders (see [`is_media_marker`]).
pub fn hidden_tokens(model: &LlamaModel) -> HashSet<LlamaToken> {
    let vocab = model.vocab();
    vocab
        .tokens()
        .filter(|&token| {
            vocab.attr(token).0.contains(LlamaTokenAttr::UserDefined)
                && vocab
                    .text(token)
                    .and_then(|t| t.to_str().ok())
                    .is_some_and(is_media_marker)
        })
        .collect()
}

/// How special tokens show in the output.
#[derive(Debug, Default)]
pub struct TokenDisplay {
    /// Generated but never shown (see [`hidden_tokens`]).
    pub hidden: HashSet<LlamaToken>,
    /// The model's tool-call markers that are control tokens
    /// (`[TOOL_CALLS]`, `<|python_tag|>`…): shown as their text when the
    /// request offers tools, so the output parser can find the calls, as
    /// llama.cpp's "preserved tokens" are.
    pub markers: HashSet<LlamaToken>,
}

impl TokenDisplay {
    pub fn new(model: &LlamaModel, format: ToolFormat) -> Self {
        let vocab = model.vocab();
        let markers = format
            .markers()
            .iter()
            .filter_map(
                |marker| match vocab.tokenize(marker.as_bytes(), false, true)[..] {
                    [token] if vocab.attr(token).0.contains(LlamaTokenAttr::Control) => Some(token),
                    _ => None,
                },
            )
            .collect();
        Self {
            hidden: hidden_tokens(model),
            markers,
        }
    }
}

/// A queued request with the channel its output goes to.
pub(crate) struct Submission {
    pub request: Box<GenerateRequest>,
    /// The prompt's tokens, ready to decode.
    pub tokens: Vec<LlamaToken>,
    /// The request's constraint, checked against the vocabulary.
    pub grammar: Option<Grammar>,
    pub events: UnboundedSender<Event>,
    pub received: Instant,
    /// Its place among the admitted requests, held until it is answered.
    pub ticket: Ticket,
    /// One of several answers to the same prompt (OpenAI's `n`).
    pub sibling: Option<Sibling>,
}

/// Answers to one prompt share it: the leader decodes it, the others wait
/// until it is in the cache and copy it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sibling {
    pub group: u64,
    pub leads: bool,
}

impl Submission {
    /// Turns the request away before it ran. Its place is freed before the
    /// client hears, so a client that retries at once can get it.
    pub fn refuse(self, error: EngineError) {
        drop(self.ticket);
        let _ = self.events.send(Event::Failed(error));
    }
}

pub(super) struct Slot {
    pub seq: i32,
    /// Tokens whose KV entries are in the cache for this sequence, in order.
    pub history: Vec<LlamaToken>,
    /// Scheduler step at which the slot last finished a job (for LRU).
    pub last_used: u64,
    pub job: Option<Job>,
}

impl Slot {
    pub fn new(seq: i32) -> Self {
        Self {
            seq,
            history: Vec::new(),
            last_used: 0,
            job: None,
        }
    }

    /// How many of `tokens` this slot's cache can stand for: the prefix
    /// they share, leaving at least one token to decode (its logits give
    /// the first sample), or none when the cache cannot be cut back there.
    /// A model's sliding-window layers (attention window `window`) keep
    /// only recent positions, and decoding on from `keep` needs the
    /// window before it.
    pub fn reusable(&self, ctx: &LlamaContext, tokens: &[LlamaToken], window: u32) -> usize {
        let keep = common_prefix(&self.history, tokens).min(tokens.len().saturating_sub(1));
        if keep == 0 {
            return 0;
        }
        let oldest = ctx.kv_cache_seq_pos_min(self.seq);
        let needed = (keep as i64 - i64::from(window)).max(0);
        if oldest < 0 || i64::from(oldest) > needed {
            return 0;
        }
        keep
    }

    /// Starts a job on this slot, reusing the cached prefix it shares with
    /// `tokens` (see [`Slot::reusable`]). Returns how many prompt tokens
    /// were reused.
    pub fn start(
        &mut self,
        ctx: &mut LlamaContext,
        job: Job,
        tokens: &[LlamaToken],
        window: u32,
    ) -> usize {
        let mut reuse = self.reusable(ctx, tokens, window);
        if reuse > 0
            && !ctx
                .clear_kv_cache_seq(Some(self.seq as u32), Some(reuse as u32), None)
                .unwrap_or(false)
        {
            reuse = 0;
        }
        if reuse == 0 {
            let _ = ctx.clear_kv_cache_seq(Some(self.seq as u32), None, None);
        }
        self.history.truncate(reuse);
        let mut job = job;
        job.pending = tokens[reuse..].to_vec();
        job.cached = reuse;
        self.job = Some(job);
        reuse
    }

    /// Replaces this slot's cache with a kept state holding `tokens`.
    /// Returns false when llama.cpp refused it; the slot is empty then.
    pub fn load_state(&mut self, ctx: &mut LlamaContext, tokens: &[i32], bytes: &[u8]) -> bool {
        let _ = ctx.clear_kv_cache_seq(Some(self.seq as u32), None, None);
        self.history.clear();
        if !seq_state::restore(ctx, self.seq, bytes) {
            return false;
        }
        self.history = tokens.iter().map(|&t| LlamaToken(t)).collect();
        true
    }

    /// Takes over `donor`'s cache (all of it: llama.cpp copies between
    /// sequences of their own only whole); [`Slot::start`] then trims it to
    /// the prompt. Returns false when the copy failed and nothing is cached.
    pub fn copy_cache_from(&mut self, ctx: &mut LlamaContext, donor: &Slot) -> bool {
        let _ = ctx.clear_kv_cache_seq(Some(self.seq as u32), None, None);
        if ctx
            .copy_kv_cache_seq(donor.seq, self.seq, None, None)
            .is_err()
        {
            self.history.clear();
            return false;
        }
        self.history = donor.history.clone();
        true
    }

    /// Forgets the cache after a failed decode.
    pub fn reset(&mut self, ctx: &mut LlamaContext) {
        let _ = ctx.clear_kv_cache_seq(Some(self.seq as u32), None, None);
        self.history.clear();
        self.job = None;
    }
}

pub(super) fn common_prefix(a: &[LlamaToken], b: &[LlamaToken]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// A request in progress on a slot.
pub(super) struct Job {
    pub request: Box<GenerateRequest>,
    events: UnboundedSender<Event>,
    ticket: Option<Ticket>,
    /// Prompt tokens not yet decoded.
    pub pending: Vec<LlamaToken>,
    pub prompt_tokens: usize,
    /// Prompt tokens whose KV entries were reused from an earlier request.
    pub cached: usize,
    /// The sampled token to decode in the next batch.
    pub next_token: Option<LlamaToken>,
    /// Index of this job's logits in the batch just decoded.
    pub logits_index: Option<i32>,
    /// The group of answers to one prompt this job belongs to.
    pub group: Option<u64>,
    sampler: LlamaSampler,
    grammar: Option<Grammar>,
    /// The next token is the logits' arg-max: no sampler needed.
    plain_greedy: bool,
    budget: u32,
    generated: u32,
    utf8: Utf8Stream,
    stops: StopMatcher,
    /// The stop string that ended the answer.
    stop_string: Option<String>,
    received: Instant,
    started: Instant,
    prompt_done: Option<Instant>,
    first_token: Option<Instant>,
    last_token: Option<Instant>,
}

impl Job {
    pub fn new(
        submission: Submission,
        model: &LlamaModel,
        prompt_tokens: usize,
        context_size: u32,
    ) -> Self {
        let request = submission.request;
        let sampler = request
            .sampling
            .build(model.vocab().n_tokens(), &request.logit_bias);
        Self {
            plain_greedy: request.sampling.is_plain_greedy() && request.logit_bias.is_empty(),
            grammar: submission.grammar,
            budget: request
                .max_tokens
                .min(context_size.saturating_sub(prompt_tokens as u32)),
            stops: StopMatcher::new(&request.stop),
            stop_string: None,
            request,
            events: submission.events,
            ticket: Some(submission.ticket),
            pending: Vec::new(),
            prompt_tokens,
            cached: 0,
            next_token: None,
            logits_index: None,
            group: submission.sibling.map(|s| s.group),
            sampler,
            generated: 0,
            utf8: Utf8Stream::default(),
            received: submission.received,
            started: Instant::now(),
            prompt_done: None,
            first_token: None,
            last_token: None,
        }
    }

    /// The prompt is decoded and nothing sampled yet.
    pub fn is_first_sample(&self) -> bool {
        self.prompt_done.is_none()
    }

    /// The client went away or asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.request.cancel.load(Ordering::Relaxed) || self.events.is_closed()
    }

    /// Primes penalty samplers with the end of the prompt.
    pub fn accept_prompt(&mut self, tokens: &[LlamaToken]) {
        if !self.plain_greedy {
            self.sampler
                .accept_many(&tokens[tokens.len().saturating_sub(64)..]);
        }
    }

    /// Samples the next token from this job's logits in the decoded batch.
    /// Returns the completion when the job is finished.
    /// Hidden tokens count as generated but show no text; tool-call
    /// markers show theirs when the request has tools.
    pub fn on_logits(
        &mut self,
        ctx: &LlamaContext,
        model: &LlamaModel,
        display: &TokenDisplay,
        index: i32,
    ) -> Option<Completion> {
        let now = Instant::now();
        self.prompt_done.get_or_insert(now);
        let token = if let Some(grammar) = &mut self.grammar {
            grammar.sample(
                &mut self.sampler,
                ctx.get_logits_ith(index),
                self.plain_greedy,
            )
        } else if self.plain_greedy {
            LlamaToken(argmax(ctx.get_logits_ith(index)) as i32)
        } else {
            self.sampler.sample(ctx, index)
        };
        let now = Instant::now();
        self.first_token.get_or_insert(now);
        let vocab = model.vocab();
        if vocab.is_eog(token) {
            return Some(self.finish(FinishReason::Stop, false));
        }
        self.generated += 1;
        self.last_token = Some(now);
        let bytes = if display.hidden.contains(&token) {
            Vec::new()
        } else {
            let marker = self.request.tools.is_some() && display.markers.contains(&token);
            vocab.token_to_piece(token, marker, None)
        };
        let piece = self.utf8.push(&bytes);
        let check = self.stops.push(&piece);
        if !self.send(check.emit) {
            return Some(self.finish(FinishReason::Cancelled, true));
        }
        if let Some(stop) = check.stopped {
            self.stop_string = Some(stop);
            return Some(self.finish(FinishReason::Stop, true));
        }
        if let Some(top) = self.request.logprobs {
            let logits = ctx.get_logits_ith(index);
            let (logprob, alternatives) = logprobs(logits, token.0 as usize, top as usize);
            let text = |token: LlamaToken| {
                let bytes = vocab.token_to_piece(token, false, None);
                TokenText {
                    text: String::from_utf8_lossy(&bytes).into_owned(),
                    bytes,
                }
            };
            let report = TokenLogprob {
                token: TokenText {
                    text: String::from_utf8_lossy(&bytes).into_owned(),
                    bytes,
                },
                logprob,
                top: alternatives
                    .into_iter()
                    .map(|(id, logprob)| (text(LlamaToken(id as i32)), logprob))
                    .collect(),
            };
            if self.events.send(Event::Logprob(report)).is_err() {
                return Some(self.finish(FinishReason::Cancelled, true));
            }
        }
        if self.generated >= self.budget {
            return Some(self.finish(FinishReason::Length, false));
        }
        self.next_token = Some(token);
        None
    }

    fn send(&self, text: String) -> bool {
        text.is_empty() || self.events.send(Event::Text(text)).is_ok()
    }

    /// Ends the job: flushes held-back text (unless a stop string ended it)
    /// and returns the completion, which [`Job::deliver`] sends once the
    /// scheduler has freed the slot.
    pub fn finish(&mut self, reason: FinishReason, stopped_by_string: bool) -> Completion {
        if !stopped_by_string {
            let tail = self.stops.push(&self.utf8.finish());
            let held = if let Some(stop) = tail.stopped {
                self.stop_string = Some(stop);
                String::new()
            } else {
                self.stops.finish()
            };
            self.send(tail.emit + &held);
        }
        self.completion(reason)
    }

    /// Sends the completion: the last event of the stream. The request's
    /// place is freed first, so the client's next request finds it.
    pub fn deliver(mut self, completion: Completion) {
        self.ticket.take();
        let _ = self.events.send(Event::Done(completion));
    }

    /// Reports a failure to the client.
    pub fn fail(&mut self, error: EngineError) {
        self.ticket.take();
        let _ = self.events.send(Event::Failed(error));
    }

    fn completion(&self, reason: FinishReason) -> Completion {
        let ms = |a: Instant, b: Instant| b.saturating_duration_since(a).as_secs_f64() * 1000.0;
        let rate = |n: f64, ms: f64| if ms > 0.0 { n * 1000.0 / ms } else { 0.0 };
        let prompt_done = self.prompt_done.unwrap_or(self.started);
        let first = self.first_token.unwrap_or(prompt_done);
        let last = self.last_token.unwrap_or(first);
        let decoded = self.prompt_tokens - self.cached;
        let prompt_ms = ms(self.started, prompt_done);
        let generation_ms = ms(first, last);
        Completion {
            finish_reason: reason,
            stop_string: self.stop_string.clone(),
            usage: Usage {
                prompt_tokens: self.prompt_tokens as u32,
                completion_tokens: self.generated,
                total_tokens: self.prompt_tokens as u32 + self.generated,
            },
            timings: Timings {
                ttft_ms: ms(self.received, first),
                queue_ms: ms(self.received, self.started),
                cached_tokens: self.cached as u32,
                prompt_ms,
                prompt_tokens_per_second: rate(decoded as f64, prompt_ms),
                generation_ms,
                generation_tokens_per_second: rate(
                    self.generated.saturating_sub(1) as f64,
                    generation_ms,
                ),
            },
        }
    }
}
