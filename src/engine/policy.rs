//! The scheduler's decisions as pure functions of the slots' state, so
//! they are unit-tested without a model: which idle slot a new prompt goes
//! to (prefix reuse, least recently used), and what goes into the next
//! batch (generating slots first, prompt chunks in the room left).

use llama_cpp_2::token::LlamaToken;

/// Fewest shared prompt tokens for which reusing a slot's cache beats
/// keeping it for the conversation it belongs to.
pub const MIN_REUSE: usize = 16;

/// What slot choice knows about one slot.
#[derive(Debug, Clone, Copy)]
pub struct SlotView<'a> {
    pub busy: bool,
    /// Tokens whose KV entries the slot's cache holds, in order.
    pub history: &'a [LlamaToken],
    /// Scheduler step at which the slot last finished a job.
    pub last_used: u64,
}

/// The idle slot for a prompt, or `None` when every slot is busy. A slot
/// whose cache shares a substantial prefix with the prompt wins (the
/// longest); otherwise the prompt takes an empty slot, or else the least
/// recently used one, so that an unrelated request never evicts a
/// conversation just because they share the first token or two.
pub fn choose_slot(slots: &[SlotView], prompt: &[LlamaToken]) -> Option<usize> {
    let idle = || slots.iter().enumerate().filter(|(_, s)| !s.busy);
    let shared = |slot: &SlotView| {
        slot.history
            .iter()
            .zip(prompt)
            .take_while(|(a, b)| a == b)
            .count()
    };
    let substantial = |n: usize| n >= MIN_REUSE && (n * 2 >= prompt.len() || n >= 512);
    let reuse = idle()
        .map(|(i, s)| (i, shared(s)))
        .filter(|&(_, n)| substantial(n))
        .max_by_key(|&(_, n)| n);
    if let Some((index, _)) = reuse {
        return Some(index);
    }
    idle()
        .min_by_key(|(_, s)| (!s.history.is_empty(), s.last_used))
        .map(|(i, _)| i)
}

/// What a running job has for the next batch.
#[derive(Debug, Clone, Copy, Default)]
pub struct JobView {
    /// A sampled token waiting to be decoded.
    pub generating: bool,
    /// Prompt tokens not yet decoded.
    pub pending: usize,
}

/// One slot's share of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// Decode its sampled token and sample the next.
    Generate,
    /// Decode `take` prompt tokens; `last` when they end the prompt (the
    /// last one then needs logits).
    Prompt { take: usize, last: bool },
}

/// Plans the next batch over the slots' jobs (`None`: an idle slot):
/// every generating slot first, one token each, so streams never stall
/// behind a long prompt; then prompt chunks fill the rest of the batch, in
/// slot order.
pub fn plan_batch(jobs: &[Option<JobView>], batch_size: usize) -> Vec<(usize, Work)> {
    let mut plan = Vec::new();
    let mut used = 0;
    for (slot, job) in jobs.iter().enumerate() {
        if job.is_some_and(|j| j.generating) && used < batch_size {
            plan.push((slot, Work::Generate));
            used += 1;
        }
    }
    for (slot, job) in jobs.iter().enumerate() {
        let pending = job.map_or(0, |j| j.pending);
        let room = batch_size - used;
        if pending == 0 || room == 0 {
            continue;
        }
        let take = pending.min(room);
        plan.push((
            slot,
            Work::Prompt {
                take,
                last: take == pending,
            },
        ));
        used += take;
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(ids: impl IntoIterator<Item = i32>) -> Vec<LlamaToken> {
        ids.into_iter().map(LlamaToken).collect()
    }

    fn view(history: &[LlamaToken], last_used: u64) -> SlotView<'_> {
        SlotView {
            busy: false,
            history,
            last_used,
        }
    }

    #[test]
    fn the_next_turn_goes_to_the_slot_holding_its_conversation() {
        let conversation = tokens(0..100);
        let other = tokens(1000..1100);
        let next_turn = tokens(0..130);
        let slots = [view(&other, 5), view(&conversation, 1), view(&[], 0)];
        assert_eq!(choose_slot(&slots, &next_turn), Some(1));
    }

    #[test]
    fn the_longest_shared_prefix_wins() {
        let short = tokens(0..40);
        let long = tokens(0..90);
        let prompt = tokens(0..100);
        let slots = [view(&short, 9), view(&long, 1)];
        assert_eq!(choose_slot(&slots, &prompt), Some(1));
    }

    #[test]
    fn an_unrelated_request_takes_an_empty_slot_not_a_conversation() {
        // Both start with the same BOS and template tokens.
        let conversation = tokens([2, 106, 1].into_iter().chain(10..200));
        let unrelated = tokens([2, 106, 1].into_iter().chain(5000..5050));
        let slots = [view(&conversation, 0), view(&[], 7)];
        assert_eq!(choose_slot(&slots, &unrelated), Some(1));
    }

    #[test]
    fn without_an_empty_slot_the_least_recently_used_one_is_evicted() {
        let a = tokens(100..200);
        let b = tokens(300..400);
        let c = tokens(500..600);
        let prompt = tokens(900..950);
        let slots = [view(&a, 8), view(&b, 3), view(&c, 6)];
        assert_eq!(choose_slot(&slots, &prompt), Some(1));
    }

    #[test]
    fn busy_slots_are_never_chosen() {
        let conversation = tokens(0..100);
        let mut busy = view(&conversation, 0);
        busy.busy = true;
        let prompt = tokens(0..120);
        assert_eq!(choose_slot(&[busy, view(&[], 3)], &prompt), Some(1));
        assert_eq!(choose_slot(&[busy], &prompt), None);
    }

    #[test]
    fn a_short_shared_prefix_is_not_worth_a_conversation() {
        // 15 shared tokens are below MIN_REUSE; half of a long prompt is
        // not reached either; 512 shared tokens always count.
        let conversation = tokens(0..15);
        let prompt = tokens(0..20);
        assert_eq!(
            choose_slot(&[view(&conversation, 0), view(&[], 9)], &prompt),
            Some(1)
        );
        let long_history = tokens(0..600);
        let long_prompt = tokens((0..512).chain(10_000..12_000));
        assert_eq!(
            choose_slot(&[view(&[], 0), view(&long_history, 0)], &long_prompt),
            Some(1)
        );
    }

    fn job(generating: bool, pending: usize) -> Option<JobView> {
        Some(JobView {
            generating,
            pending,
        })
    }

    #[test]
    fn generating_slots_go_first_and_prompts_fill_the_rest() {
        let jobs = [job(false, 3000), None, job(true, 0), job(true, 0)];
        let plan = plan_batch(&jobs, 2048);
        assert_eq!(
            plan,
            [
                (2, Work::Generate),
                (3, Work::Generate),
                (
                    0,
                    Work::Prompt {
                        take: 2046,
                        last: false
                    }
                ),
            ]
        );
        // The next step finishes the prompt.
        let jobs = [job(false, 954), None, job(true, 0), job(true, 0)];
        let plan = plan_batch(&jobs, 2048);
        assert_eq!(
            plan[2],
            (
                0,
                Work::Prompt {
                    take: 954,
                    last: true
                }
            )
        );
    }

    #[test]
    fn a_full_batch_leaves_later_prompts_for_the_next_step() {
        let jobs = [job(false, 10), job(false, 2040), job(false, 5)];
        let plan = plan_batch(&jobs, 2048);
        assert_eq!(
            plan,
            [
                (
                    0,
                    Work::Prompt {
                        take: 10,
                        last: true
                    }
                ),
                (
                    1,
                    Work::Prompt {
                        take: 2038,
                        last: false
                    }
                ),
            ]
        );
        assert!(plan_batch(&[None, None], 2048).is_empty());
    }
}
