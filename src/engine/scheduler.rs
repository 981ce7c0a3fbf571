//! Continuous batching: every active slot decodes in the same llama.cpp
//! batch, new requests join between steps, and a bounded queue holds the
//! rest. A new request goes to the idle slot whose cached tokens share the
//! longest prefix with its prompt, so a conversation's next turn only
//! decodes the new tokens. With a [`StateCache`], a slot given to another
//! conversation keeps its state in memory first, finished turns are saved
//! to disk, and a prompt that a kept state starts loads it instead of
//! decoding it again.

use std::collections::VecDeque;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::Arc;

use llama_cpp_2::context::LlamaContext;
use llama_cpp_2::llama_batch::LlamaBatch;
use llama_cpp_2::model::LlamaModel;
use llama_cpp_2::token::LlamaToken;

use super::admission::Admission;
use super::embed::{Embedded, Embedder, Pooling};
use super::policy::{choose_slot, plan_batch, JobView, SlotView, Work};
use super::seq_state;
use super::slot::{common_prefix, Job, Sibling, Slot, Submission, TokenDisplay};
use super::state_cache::{self, StateCache};
use super::tools::ToolFormat;
use super::worker::Shared;
use super::{EngineError, EngineLoad, FinishReason, Task};

pub(super) struct Scheduler<'m> {
    model: &'m LlamaModel,
    ctx: LlamaContext<'m>,
    batch: LlamaBatch<'static>,
    batch_size: usize,
    /// Context window of each slot.
    slot_context: u32,
    slots: Vec<Slot>,
    queue: VecDeque<Submission>,
    /// Special tokens hidden, or shown as text for tool calls.
    display: TokenDisplay,
    load: Arc<EngineLoad>,
    admission: Arc<Admission>,
    step: u64,
    /// Embedding tasks waiting for their turn.
    embeds: VecDeque<EmbedTask>,
    /// The embeddings context, made for the first of them.
    embedder: Option<Embedder<'m>>,
    embed_config: EmbedConfig,
    /// Conversations' states beyond the slots.
    states: Option<StateCache>,
    /// The attention window of the model's sliding-window layers (0: none).
    window: u32,
}

/// How the embeddings context is made.
pub(super) struct EmbedConfig {
    pub pooling: Option<Pooling>,
    pub threads: u32,
    pub kv: super::kv::KvOptions,
}

type EmbedTask = (
    Vec<Vec<LlamaToken>>,
    tokio::sync::oneshot::Sender<Result<Embedded, EngineError>>,
);

impl<'m> Scheduler<'m> {
    pub fn new(
        model: &'m LlamaModel,
        ctx: LlamaContext<'m>,
        batch_size: usize,
        slot_count: u32,
        shared: Shared,
        tool_format: ToolFormat,
        embed_config: EmbedConfig,
    ) -> Self {
        let slot_context = ctx.n_ctx() / slot_count.max(1);
        Self {
            window: seq_state::sliding_window(model),
            states: None,
            model,
            ctx,
            batch: LlamaBatch::new(batch_size, slot_count as i32),
            batch_size,
            slot_context,
            slots: (0..slot_count as i32).map(Slot::new).collect(),
            queue: VecDeque::new(),
            display: TokenDisplay::new(model, tool_format),
            load: shared.load,
            admission: shared.admission,
            step: 0,
            embeds: VecDeque::new(),
            embedder: None,
            embed_config,
        }
    }

    /// Keeps conversations' states beyond the slots in `states`.
    pub fn with_states(mut self, states: Option<StateCache>) -> Self {
        self.states = states;
        self
    }

    /// Serves tasks until the engine handle is dropped and all work is done.
    pub fn run(mut self, tasks: Receiver<Task>) {
        let mut open = true;
        loop {
            let idle = self.queue.is_empty() && self.slots.iter().all(|s| s.job.is_none());
            if idle {
                if !open {
                    return;
                }
                match tasks.recv() {
                    Ok(task) => self.accept(task),
                    Err(_) => return,
                }
            }
            loop {
                match tasks.try_recv() {
                    Ok(task) => self.accept(task),
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        open = false;
                        break;
                    }
                }
            }
            self.drop_cancelled();
            if self.admission.is_draining() {
                self.refuse_queued();
            }
            self.run_embeddings();
            self.assign_queued();
            self.publish_load();
            self.step += 1;
            if let Err(e) = self.decode_step() {
                tracing::error!("decode failed: {e}");
            }
            // Again after the step, so that figures are right while idle.
            self.publish_load();
        }
    }

    /// Embeds every waiting input set, between two decode steps of the
    /// generations (which wait that long).
    fn run_embeddings(&mut self) {
        while let Some((inputs, reply)) = self.embeds.pop_front() {
            if reply.is_closed() {
                continue;
            }
            let result = self.embedder().and_then(|e| e.embed(&inputs));
            let _ = reply.send(result);
        }
    }

    fn embedder(&mut self) -> Result<&mut Embedder<'m>, EngineError> {
        if self.embedder.is_none() {
            let pooling = match self.embed_config.pooling {
                Some(pooling) => pooling,
                None => Pooling::of_model(self.model)?,
            };
            let embedder = Embedder::new(
                self.model,
                self.slot_context,
                self.embed_config.threads,
                pooling,
                &self.embed_config.kv,
            )?;
            tracing::info!(
                pooling = pooling.name(),
                tokens = embedder.max_tokens(),
                "embeddings context ready"
            );
            self.embedder = Some(embedder);
        }
        self.embedder.as_mut().ok_or(EngineError::WorkerGone)
    }

    fn publish_load(&self) {
        let busy = self.slots.iter().filter(|s| s.job.is_some()).count();
        self.load.busy_slots.store(busy, Ordering::Release);
    }

    fn drop_cancelled(&mut self) {
        let step = self.step;
        for slot in &mut self.slots {
            if slot.job.as_ref().is_some_and(Job::is_cancelled) {
                if let Some(mut job) = slot.job.take() {
                    let done = job.finish(FinishReason::Cancelled, false);
                    job.deliver(done);
                }
                slot.last_used = step;
            }
        }
        let before = self.queue.len();
        self.queue.retain(|s| !s.events.is_closed());
        self.load
            .queued
            .fetch_sub(before - self.queue.len(), Ordering::AcqRel);
    }

    fn accept(&mut self, task: Task) {
        match task {
            Task::Generate(submission) => self.queue.push_back(submission),
            Task::Embed { inputs, reply } => self.embeds.push_back((inputs, reply)),
        }
    }

    /// The server is stopping: everything still waiting is answered at once.
    fn refuse_queued(&mut self) {
        let refused = self.queue.len();
        for submission in self.queue.drain(..) {
            submission.refuse(EngineError::ShuttingDown);
        }
        self.load.queued.fetch_sub(refused, Ordering::AcqRel);
    }

    /// Moves queued requests onto idle slots, in order, except that the
    /// later answers of a group wait for their leader's prompt.
    fn assign_queued(&mut self) {
        while self.slots.iter().any(|s| s.job.is_none()) {
            let Some(at) = self.queue.iter().position(|s| self.is_ready(s)) else {
                return;
            };
            let Some(mut submission) = self.queue.remove(at) else {
                return;
            };
            self.load.queued.fetch_sub(1, Ordering::AcqRel);
            // Tokenized (and checked against the window) by Engine::generate.
            let tokens = std::mem::take(&mut submission.tokens);
            let index = self.best_slot(&tokens);
            match submission.sibling {
                Some(Sibling { leads: false, .. }) => self.copy_prompt_into(index, &tokens),
                _ => self.bring_state(index, &tokens),
            }
            let mut job = Job::new(submission, self.model, tokens.len(), self.slot_context);
            job.accept_prompt(&tokens);
            let slot = &mut self.slots[index];
            let reused = slot.start(&mut self.ctx, job, &tokens, self.window);
            tracing::debug!(
                slot = index,
                prompt = tokens.len(),
                reused,
                "request started"
            );
        }
    }

    /// A later answer of a group waits while its leader is queued or still
    /// decoding the prompt; then the prompt is in the leader's cache.
    fn is_ready(&self, submission: &Submission) -> bool {
        let Some(Sibling {
            group,
            leads: false,
        }) = submission.sibling
        else {
            return true;
        };
        let leader_queued = self
            .queue
            .iter()
            .any(|q| q.sibling == Some(Sibling { group, leads: true }));
        let prompt_pending = self.slots.iter().any(|s| {
            s.job
                .as_ref()
                .is_some_and(|j| j.group == Some(group) && !j.pending.is_empty())
        });
        !leader_queued && !prompt_pending
    }

    /// Gives slot `target` the cache of another slot that holds `tokens`
    /// (all but the last, which is decoded again for its logits), so that a
    /// prompt shared by several answers is decoded once.
    fn copy_prompt_into(&mut self, target: usize, tokens: &[LlamaToken]) {
        let want = tokens.len().saturating_sub(1);
        if want == 0 || common_prefix(&self.slots[target].history, tokens) >= want {
            return;
        }
        let donor = self
            .slots
            .iter()
            .enumerate()
            .find(|(i, s)| {
                *i != target && s.history.len() >= want && s.history[..want] == tokens[..want]
            })
            .map(|(i, _)| i);
        let Some(donor) = donor else {
            return;
        };
        let (donor, slot) = if donor < target {
            let (left, right) = self.slots.split_at_mut(target);
            (&left[donor], &mut right[0])
        } else {
            let (left, right) = self.slots.split_at_mut(donor);
            (&right[0], &mut left[target])
        };
        slot.copy_cache_from(&mut self.ctx, donor);
    }

    /// Before slot `index` takes a prompt: a kept state that saves more
    /// decoding than the slot's own cache is loaded into it, and the slot's
    /// state, when the prompt would drop much of it, moves to memory first.
    fn bring_state(&mut self, index: usize, tokens: &[LlamaToken]) {
        let Some(states) = self.states.as_mut() else {
            return;
        };
        let slot = &mut self.slots[index];
        let reusable = slot.reusable(&self.ctx, tokens, self.window);
        let ids: Vec<i32> = tokens.iter().map(|t| t.0).collect();
        let hit = states.find(&ids, reusable + MIN_GAIN, self.window == 0);
        let losing = slot.history.len().saturating_sub(reusable);
        if losing >= state_cache::MIN_TOKENS && (hit.is_some() || reusable < slot.history.len()) {
            if let Some(bytes) = seq_state::capture(&self.ctx, slot.seq) {
                states.stash(slot.history.iter().map(|t| t.0).collect(), bytes);
            }
        }
        let Some(hit) = hit else {
            return;
        };
        if slot.load_state(&mut self.ctx, &hit.tokens, &hit.bytes) {
            tracing::info!(
                slot = index,
                tokens = hit.tokens.len(),
                from = hit.tier.name(),
                "KV state loaded"
            );
        } else {
            tracing::warn!(
                slot = index,
                tokens = hit.tokens.len(),
                from = hit.tier.name(),
                "llama.cpp refused a kept KV state; the prompt is computed again"
            );
        }
    }

    /// Writes slot `index`'s state to disk: at a finished turn, and, for a
    /// sliding-window model (whose cache cannot be cut back), also where
    /// its prompt ends, which a regenerated answer starts from.
    fn save_state(&self, index: usize, keep_prompt: Option<usize>) {
        let Some(states) = self.states.as_ref().filter(|s| s.saves_to_disk()) else {
            return;
        };
        let slot = &self.slots[index];
        if slot.history.len() < state_cache::MIN_TOKENS {
            return;
        }
        let Some(bytes) = seq_state::capture(&self.ctx, slot.seq) else {
            return;
        };
        let ids: Vec<i32> = slot.history.iter().map(|t| t.0).collect();
        let keep = keep_prompt
            .filter(|_| self.window > 0)
            .map(|n| ids[..n.min(ids.len())].to_vec());
        states.save(ids, bytes, keep.as_deref());
    }

    /// The idle slot for a prompt (see [`choose_slot`]).
    fn best_slot(&self, tokens: &[LlamaToken]) -> usize {
        let views: Vec<SlotView> = self
            .slots
            .iter()
            .map(|s| SlotView {
                busy: s.job.is_some(),
                history: &s.history,
                last_used: s.last_used,
            })
            .collect();
        choose_slot(&views, tokens).unwrap_or(0)
    }

    /// Builds one batch from every active slot, decodes it, and samples.
    fn decode_step(&mut self) -> Result<(), EngineError> {
        self.batch.clear();
        let jobs: Vec<Option<JobView>> = self
            .slots
            .iter_mut()
            .map(|slot| {
                slot.job.as_mut().map(|job| {
                    job.logits_index = None;
                    JobView {
                        generating: job.next_token.is_some(),
                        pending: job.pending.len(),
                    }
                })
            })
            .collect();
        let mut in_batch = Vec::new();
        for (i, work) in plan_batch(&jobs, self.batch_size) {
            let slot = &mut self.slots[i];
            let Some(job) = slot.job.as_mut() else {
                continue;
            };
            match work {
                Work::Generate => {
                    let Some(token) = job.next_token.take() else {
                        continue;
                    };
                    let pos = slot.history.len() as i32;
                    add(&mut self.batch, token, pos, slot.seq, true)?;
                    job.logits_index = Some(self.batch.n_tokens() - 1);
                    slot.history.push(token);
                }
                Work::Prompt { take, last } => {
                    for (k, token) in job.pending.drain(..take).enumerate() {
                        let pos = slot.history.len() as i32;
                        add(&mut self.batch, token, pos, slot.seq, last && k == take - 1)?;
                        slot.history.push(token);
                    }
                    if last {
                        job.logits_index = Some(self.batch.n_tokens() - 1);
                    }
                }
            }
            if !in_batch.contains(&i) {
                in_batch.push(i);
            }
        }
        if self.batch.n_tokens() == 0 {
            return Ok(());
        }
        if let Err(e) = self.ctx.decode(&mut self.batch) {
            let error = EngineError::Decode(e.to_string());
            for &i in &in_batch {
                if let Some(job) = self.slots[i].job.as_mut() {
                    job.fail(EngineError::Decode(e.to_string()));
                }
                self.slots[i].reset(&mut self.ctx);
            }
            return Err(error);
        }
        self.sample(&in_batch);
        Ok(())
    }

    fn sample(&mut self, in_batch: &[usize]) {
        for &i in in_batch {
            let slot = &mut self.slots[i];
            let Some(job) = slot.job.as_mut() else {
                continue;
            };
            let Some(index) = job.logits_index else {
                continue;
            };
            let prompt_end = job.is_first_sample() && job.prompt_tokens > job.cached + 1;
            let prompt_tokens = job.prompt_tokens;
            let sampled = job.on_logits(&self.ctx, self.model, &self.display, index);
            if prompt_end && self.window > 0 {
                self.save_state(i, None);
            }
            let Some(done) = sampled else {
                continue;
            };
            let slot = &mut self.slots[i];
            tracing::info!(
                slot = i,
                prompt = done.usage.prompt_tokens,
                cached = done.timings.cached_tokens,
                generated = done.usage.completion_tokens,
                ttft_ms = done.timings.ttft_ms.round(),
                tokens_per_second = (done.timings.generation_tokens_per_second * 10.0).round() / 10.0,
                finish = ?done.finish_reason,
                "request finished"
            );
            let finished = slot.job.take();
            slot.last_used = self.step;
            // The slot counts as free before the client hears it is done.
            self.publish_load();
            if let Some(job) = finished {
                job.deliver(done);
            }
            self.save_state(i, Some(prompt_tokens));
        }
    }
}

/// A kept state is loaded when it saves at least this many more tokens of
/// decoding than the slot's own cache.
const MIN_GAIN: usize = state_cache::MIN_TOKENS / 2;

fn add(
    batch: &mut LlamaBatch,
    token: LlamaToken,
    pos: i32,
    seq: i32,
    logits: bool,
) -> Result<(), EngineError> {
    batch
        .add(token, pos, &[seq], logits)
        .map_err(|e| EngineError::Decode(e.to_string()))
}
