//! The engine's scheduler on the tiny synthetic model, so these never
//! skip: parallel slots, prompt-prefix reuse, cancellation and the queue
//! bound; and what depends on a real vocabulary on the Gemma model.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use flashchat::engine::{
    Completion, Engine, EngineConfig, Event, EventStream, FinishReason, GenerateRequest, Message,
    NoProgress, PromptInput, Role, SamplingParams,
};

use crate::common::{heavy, test_model};

/// An engine on the real model, for what depends on its vocabulary.
fn engine(slots: u32, queue_limit: usize) -> Option<Engine> {
    let model = test_model()?;
    Some(load(model, slots, queue_limit))
}

/// An engine on the tiny synthetic model: scheduling tests need no real
/// model, so they never skip. Its end-of-text logit is pinned low, so every
/// generation runs to its token budget.
fn synthetic_engine(slots: u32, queue_limit: usize) -> (Engine, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = flashchat::bench::ensure(&flashchat::bench::SyntheticSpec::tiny_dense(), dir.path())
        .expect("synthetic model written");
    (load(path, slots, queue_limit), dir)
}

fn load(model: std::path::PathBuf, slots: u32, queue_limit: usize) -> Engine {
    let config = EngineConfig {
        model_path: model,
        context_size: 2048,
        threads: 2,
        slots,
        queue_limit,
        chat_template: None,
        pooling: None,
        kv: Default::default(),
        gpu: Default::default(),
        state_cache: None,
    };
    Engine::load(config, NoProgress).expect("model loads")
}

fn greedy(prompt: PromptInput, max_tokens: u32) -> GenerateRequest {
    GenerateRequest {
        prompt,
        max_tokens,
        stop: Vec::new(),
        sampling: SamplingParams::greedy(),
        cancel: Arc::new(AtomicBool::new(false)),
        constraint: None,
        logprobs: None,
        tools: None,
        logit_bias: Vec::new(),
        template_variables: Default::default(),
    }
}

fn collect(mut stream: EventStream) -> (String, Completion) {
    let mut text = String::new();
    while let Some(event) = stream.blocking_recv() {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::Logprob(_) => {}
            Event::Done(done) => return (text, done),
            Event::Failed(e) => panic!("generation failed: {e}"),
        }
    }
    panic!("stream ended without Done")
}

#[test]
fn parallel_slots_all_complete() {
    let _guard = heavy();
    let (engine, _model_dir) = synthetic_engine(4, 8);
    let prompts = [
        "Once upon a time",
        "The weather today",
        "In a galaxy",
        "My favourite food",
    ];
    let streams: Vec<_> = prompts
        .iter()
        .cycle()
        .take(6)
        .map(|p| {
            engine
                .generate(greedy(PromptInput::Raw(p.to_string()), 24))
                .unwrap()
        })
        .collect();
    for stream in streams {
        let (text, done) = collect(stream);
        assert_eq!(done.finish_reason, FinishReason::Length);
        assert_eq!(done.usage.completion_tokens, 24);
        assert!(!text.is_empty());
    }
    assert_eq!(engine.load_figures().queued.load(Ordering::Acquire), 0);
}

#[test]
fn the_next_turn_reuses_the_cached_prefix() {
    let _guard = heavy();
    let (engine, _model_dir) = synthetic_engine(2, 4);
    let history = "The history of the city is long. ".repeat(60);
    let first = vec![Message::new(Role::User, history.clone())];
    let (reply, turn1) = collect(
        engine
            .generate(greedy(PromptInput::Chat(first), 16))
            .unwrap(),
    );
    let second = vec![
        Message::new(Role::User, history),
        Message::new(Role::Assistant, reply),
        Message::new(Role::User, "And what happened next?"),
    ];
    let (_, turn2) = collect(
        engine
            .generate(greedy(PromptInput::Chat(second), 16))
            .unwrap(),
    );
    assert!(turn1.usage.prompt_tokens > 300);
    assert!(
        turn2.timings.cached_tokens as u64 >= turn1.usage.prompt_tokens as u64 - 2,
        "cached {} of the first turn's {} tokens",
        turn2.timings.cached_tokens,
        turn1.usage.prompt_tokens
    );
}

#[test]
fn dropping_a_stream_frees_its_slot() {
    let _guard = heavy();
    let (engine, _model_dir) = synthetic_engine(1, 4);
    let mut long = engine
        .generate(greedy(PromptInput::Raw("Once upon a time".into()), 2000))
        .unwrap();
    for _ in 0..3 {
        assert!(matches!(long.blocking_recv(), Some(Event::Text(_))));
    }
    drop(long);
    let started = Instant::now();
    let (_, done) = collect(
        engine
            .generate(greedy(PromptInput::Raw("Hello".into()), 4))
            .unwrap(),
    );
    assert_eq!(done.usage.completion_tokens, 4);
    assert!(
        done.timings.queue_ms < 1000.0,
        "waited {} ms",
        done.timings.queue_ms
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_full_queue_is_refused_at_once() {
    let _guard = heavy();
    let (engine, _model_dir) = synthetic_engine(1, 1);
    let _busy = engine
        .generate(greedy(PromptInput::Raw("Once upon a time".into()), 500))
        .unwrap();
    // Wait until the first request holds the slot.
    let deadline = Instant::now() + Duration::from_secs(10);
    while engine.load_figures().busy_slots.load(Ordering::Acquire) == 0 {
        assert!(Instant::now() < deadline);
        std::thread::sleep(Duration::from_millis(5));
    }
    let _waiting = engine
        .generate(greedy(PromptInput::Raw("Hello".into()), 4))
        .unwrap();
    let refused = engine.generate(greedy(PromptInput::Raw("Hi".into()), 4));
    assert!(matches!(
        refused,
        Err(flashchat::engine::EngineError::QueueFull { .. })
    ));
}

#[test]
fn media_placeholder_tokens_are_generated_but_never_shown() {
    let _guard = heavy();
    let Some(engine) = engine(1, 1) else { return };
    // A prompt of image markers makes Gemma continue with more of them.
    let prompt = "Picture: <start_of_image>".repeat(12);
    let stream = engine
        .generate(greedy(PromptInput::Raw(prompt), 12))
        .unwrap();
    let (text, done) = collect(stream);
    assert_eq!(done.usage.completion_tokens, 12);
    assert!(!text.contains("<start_of_image>"), "{text:?}");
    assert!(!text.contains("[multimodal]"), "{text:?}");
}

#[test]
fn several_answers_to_one_prompt_decode_it_once() {
    let _guard = heavy();
    for slots in [4, 2] {
        let (engine, _dir) = synthetic_engine(slots, 8);
        let prompt =
            PromptInput::Raw("one two three four five six seven eight nine ten ".repeat(4));
        let mut request = greedy(prompt, 8);
        request.sampling.temperature = 0.8;
        request.sampling.seed = 7;
        let streams = engine.generate_many(request, 3).expect("admitted").streams;
        let answers: Vec<Completion> = streams.into_iter().map(|s| collect(s).1).collect();
        let prompt_tokens = answers[0].usage.prompt_tokens;
        assert!(prompt_tokens > 20, "{prompt_tokens}");
        assert_eq!(
            answers[0].timings.cached_tokens, 0,
            "the first decodes the prompt"
        );
        for later in &answers[1..] {
            assert_eq!(later.usage.prompt_tokens, prompt_tokens);
            assert_eq!(
                later.timings.cached_tokens,
                prompt_tokens - 1,
                "the others copy it ({slots} slots)"
            );
            assert_eq!(later.usage.completion_tokens, 8);
        }
    }
}

#[test]
fn several_answers_are_admitted_together_or_not_at_all() {
    let (engine, _dir) = synthetic_engine(1, 1);
    let refused = engine.generate_many(greedy(PromptInput::Raw("hello there".into()), 4), 3);
    assert!(matches!(
        refused,
        Err(flashchat::engine::EngineError::QueueFull { .. })
    ));
    // Nothing was kept: two fit afterwards.
    let streams = engine
        .generate_many(greedy(PromptInput::Raw("hello there".into()), 4), 2)
        .expect("room for two")
        .streams;
    for stream in streams {
        assert_eq!(collect(stream).1.usage.completion_tokens, 4);
    }
}
