//! Synthetic GGUF models through the real stack: llama.cpp's quantiser, our
//! GGUF reader and the engine loading and generating with them.

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Instant;

use flashchat::bench::{ensure, Quant, SyntheticSpec};
use flashchat::engine::{
    Completion, Engine, EngineConfig, Event, FinishReason, GenerateRequest, NoProgress,
    PromptInput, SamplingParams,
};
use flashchat::models::gguf::read_info;

use crate::common::heavy;

/// A MoE model small enough to write, load and run in a blink.
fn small_moe() -> SyntheticSpec {
    SyntheticSpec {
        experts: 16,
        experts_used: 4,
        ..SyntheticSpec::tiny_dense()
    }
}

fn load(path: &Path) -> Engine {
    Engine::load(EngineConfig::single(path.to_path_buf(), 512, 2), NoProgress)
        .expect("synthetic model loads")
}

/// Greedy generation of `max_tokens` from a raw prompt.
fn generate(engine: &Engine, max_tokens: u32) -> Completion {
    let request = GenerateRequest {
        prompt: PromptInput::Raw("Hello world, this is a test".into()),
        max_tokens,
        stop: Vec::new(),
        sampling: SamplingParams::greedy(),
        cancel: Arc::new(AtomicBool::new(false)),
        constraint: None,
        logprobs: None,
        tools: None,
        logit_bias: Vec::new(),
        template_variables: Default::default(),
    };
    let mut stream = engine.generate(request).expect("request accepted");
    while let Some(event) = stream.blocking_recv() {
        match event {
            // Random weights produce byte soup; only the count matters.
            Event::Text(_) | Event::Logprob(_) => {}
            Event::Done(done) => return done,
            Event::Failed(e) => panic!("generation failed: {e}"),
        }
    }
    panic!("stream ended without Done")
}

/// The model never ends early (its `</s>` logit is pinned below the rest),
/// so every generation runs to `max_tokens`.
fn assert_generates(path: &Path, max_tokens: u32) {
    let engine = load(path);
    let done = generate(&engine, max_tokens);
    assert_eq!(done.finish_reason, FinishReason::Length);
    assert_eq!(done.usage.completion_tokens, max_tokens);
    assert!(done.usage.prompt_tokens > 1);
}

#[test]
fn dense_model_loads_and_generates() {
    let _guard = heavy();
    let dir = tempfile::tempdir().unwrap();
    let path = ensure(&SyntheticSpec::tiny_dense(), dir.path()).unwrap();
    assert_generates(&path, 8);
}

#[test]
fn moe_model_loads_and_generates() {
    let _guard = heavy();
    let dir = tempfile::tempdir().unwrap();
    let path = ensure(&small_moe(), dir.path()).unwrap();
    assert_generates(&path, 8);
}

#[test]
fn every_quant_loads_and_reads_back() {
    let _guard = heavy();
    let dir = tempfile::tempdir().unwrap();
    for quant in [Quant::F32, Quant::F16, Quant::Q8_0, Quant::Q4_K_M] {
        let spec = SyntheticSpec {
            quant,
            ..small_moe()
        };
        let path = ensure(&spec, dir.path()).unwrap();
        let info = read_info(&path).unwrap();
        assert_eq!(info.quantization, Some(quant.to_string()));
        assert_generates(&path, 2);
    }
}

#[test]
fn gguf_reader_reads_synthetic_metadata() {
    let _guard = heavy();
    let dir = tempfile::tempdir().unwrap();
    let spec = SyntheticSpec {
        layers: 2,
        ..small_moe()
    };
    let path = ensure(&spec, dir.path()).unwrap();
    let info = read_info(&path).unwrap();
    assert_eq!(info.version, 3);
    assert_eq!(info.architecture.as_deref(), Some("llama"));
    assert_eq!(info.name.as_deref(), spec.file_name().strip_suffix(".gguf"));
    assert_eq!(info.quantization.as_deref(), Some("Q4_K_M"));
    assert_eq!(info.context_length, Some(2048));
    assert_eq!(info.expert_count, Some(16));
    assert_eq!(info.expert_used_count, Some(4));
    assert_eq!(info.tensor_count, 3 + 2 * 10);
    assert_eq!(info.parameter_count, spec.parameter_count());
    assert!(!info.has_chat_template);

    let dense = ensure(&SyntheticSpec::tiny_dense(), dir.path()).unwrap();
    let info = read_info(&dense).unwrap();
    assert_eq!(info.expert_count, None);
    assert_eq!(info.tensor_count, 3 + 9);
}

#[test]
fn same_spec_and_seed_give_identical_files() {
    let _guard = heavy();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let spec = small_moe();
    let first = ensure(&spec, a.path()).unwrap();
    let second = ensure(&spec, b.path()).unwrap();
    let bytes = std::fs::read(&first).unwrap();
    assert!(bytes == std::fs::read(&second).unwrap(), "files differ");

    let reseeded = SyntheticSpec {
        seed: 7,
        ..spec.clone()
    };
    let other = ensure(&reseeded, a.path()).unwrap();
    assert!(bytes != std::fs::read(other).unwrap());

    // A second ensure reuses the cached file instead of rewriting it.
    let modified = std::fs::metadata(&first).unwrap().modified().unwrap();
    assert_eq!(ensure(&spec, a.path()).unwrap(), first);
    assert_eq!(
        std::fs::metadata(&first).unwrap().modified().unwrap(),
        modified
    );
    // Only finished files: no temporaries left beside them.
    assert_eq!(std::fs::read_dir(a.path()).unwrap().count(), 2);
}

/// The figures quoted for the benchmark defaults. Slow, so run it by hand:
/// `cargo test --test it synthetic_figures -- --ignored --nocapture`.
#[test]
#[ignore]
fn synthetic_figures() {
    let _guard = heavy();
    let dir = tempfile::tempdir().unwrap();
    let spec = SyntheticSpec::moe_default();
    let started = Instant::now();
    let moe = ensure(&spec, dir.path()).unwrap();
    let written = started.elapsed();
    let size = std::fs::metadata(&moe).unwrap().len();
    eprintln!(
        "moe_default: written in {written:.2?}, {:.1} MB, {} parameters",
        size as f64 / 1e6,
        spec.parameter_count()
    );

    let unquantised = SyntheticSpec {
        quant: Quant::F32,
        ..spec.clone()
    };
    let started = Instant::now();
    ensure(&unquantised, dir.path()).unwrap();
    eprintln!(
        "moe_default: its F32 file alone written in {:.2?}",
        started.elapsed()
    );

    let dense = ensure(&SyntheticSpec::tiny_dense(), dir.path()).unwrap();
    let started = Instant::now();
    drop(load(&dense));
    eprintln!("tiny_dense: loaded in {:.2?}", started.elapsed());

    let started = Instant::now();
    let engine = load(&moe);
    eprintln!("moe_default: loaded in {:.2?}", started.elapsed());
    let done = generate(&engine, 65);
    let per_token = done.timings.generation_ms / (done.usage.completion_tokens - 1) as f64;
    eprintln!(
        "moe_default, 2 threads: {per_token:.2} ms per decoded token ({:.0} tok/s), prompt {:.0} tok/s",
        done.timings.generation_tokens_per_second, done.timings.prompt_tokens_per_second
    );
}
