//! The benchmark targets, mapped onto llama.cpp: what each one times, how,
//! and the report it makes.

use std::collections::BTreeMap;
use std::time::Instant;

use super::harness::{Harness, LoadOptions, LoadedModel};
use super::machine::{LlamaCppBuild, Machine};
use super::plan::{BenchError, ModelSource, Plan, Progress, Target};
use super::report::{Measure, ModelFacts, Report, RunSettings};
use super::stats::Stats;
use super::verify;
use crate::engine::gpu::GpuOptions;
use crate::models::gguf::GgufInfo;

/// A time this short cannot be read reliably from one clock reading; forward
/// passes are timed in groups at least this long.
const ITERATION_TARGET_MS: f64 = 200.0;

/// One of llama-bench's tests, as `fullbench` repeats it.
struct LlamaBenchTest {
    name: &'static str,
    label: &'static str,
    tokens: usize,
    /// A prompt decoded in batches; otherwise tokens generated one by one.
    prompt: bool,
}

const LLAMA_BENCH_TESTS: [LlamaBenchTest; 2] = [
    LlamaBenchTest {
        name: "pp512",
        label: "prompt processing, 512 tokens",
        tokens: 512,
        prompt: true,
    },
    LlamaBenchTest {
        name: "tg128",
        label: "generation, 128 tokens",
        tokens: 128,
        prompt: false,
    },
];

/// Runs the plan's target and reports every iteration.
pub fn measure(plan: &Plan, progress: &dyn Progress) -> Result<Report, BenchError> {
    let date = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let experts_used = effective_experts_used(plan)?;
    progress.step("loading the model");
    let architecture = plan.model_info.architecture.as_deref().unwrap_or("llama");
    let options = LoadOptions {
        experts_used: (experts_used != model_experts_used(&plan.model_info)
            && plan.model_info.expert_count.unwrap_or(0) > 1)
            .then_some(experts_used),
        // verify's reference is the CPU; its GPU check loads again.
        gpu: match plan.target {
            Target::Verify => GpuOptions::cpu_only(),
            _ => plan.gpu,
        },
    };
    let loaded = LoadedModel::load(&plan.model_path, architecture, options)?;
    let model = model_facts(plan, experts_used, loaded.load_time.as_secs_f64() * 1000.0);
    let mut settings = RunSettings {
        iterations: plan.iterations,
        warmup: plan.warmup,
        threads: plan.threads,
        passes_per_iteration: None,
        experts_used_override: options.experts_used,
        device: loaded.device.clone(),
    };
    let (mut measures, mut checks, mut passed) = (Vec::new(), Vec::new(), None);
    match plan.target {
        Target::Verify => {
            checks = verify::run(&loaded, options, plan, progress)?;
            passed = Some(checks.iter().all(|c| c.passed || !c.ran));
        }
        Target::Fullbench => measures = llama_bench_tests(&loaded, plan, progress)?,
        _ => {
            let mut harness = loaded.context(256, plan.threads)?;
            let (passes, samples) = time_forward_passes(&mut harness, plan, progress)?;
            settings.passes_per_iteration = Some(passes);
            measures = vec![forward_measure(plan, &model, samples)];
        }
    }
    Ok(Report {
        target: plan.target.name().into(),
        flashchat_version: env!("CARGO_PKG_VERSION").into(),
        date,
        machine: Machine::this(),
        llama_cpp: LlamaCppBuild::this(),
        model,
        settings,
        measures,
        checks,
        passed,
    })
}

/// `run` times one expert per layer; `moe` the model's K or the override.
fn effective_experts_used(plan: &Plan) -> Result<u32, BenchError> {
    let experts = plan.model_info.expert_count.unwrap_or(0) as u32;
    let own = model_experts_used(&plan.model_info);
    let wanted = match plan.target {
        Target::Run | Target::Bench if experts > 1 => plan.experts_used.unwrap_or(1),
        _ => plan.experts_used.unwrap_or(own),
    };
    if experts > 1 && !(1..=experts).contains(&wanted) {
        return Err(BenchError::TooManyExperts {
            asked: wanted,
            experts,
        });
    }
    let needs_moe = matches!(
        plan.target,
        Target::Run | Target::Bench | Target::Moe | Target::Moebench
    ) && plan.source != ModelSource::Synthetic;
    if experts <= 1
        && (needs_moe
            || plan.experts_used.is_some()
            || matches!(plan.target, Target::Moe | Target::Moebench))
    {
        return Err(BenchError::NotMoe(plan.model_path.display().to_string()));
    }
    Ok(if experts > 1 { wanted } else { 0 })
}

fn model_experts_used(info: &GgufInfo) -> u32 {
    info.expert_used_count.unwrap_or(0) as u32
}

fn model_facts(plan: &Plan, experts_used: u32, load_ms: f64) -> ModelFacts {
    let info = &plan.model_info;
    let layers = info.block_count.unwrap_or(1).max(1) as u32;
    let experts = info.expert_count.unwrap_or(0) as u32;
    let expert_bytes = match experts {
        0 | 1 => 0,
        n => info.expert_weight_bytes / (layers as u64 * n as u64),
    };
    ModelFacts {
        name: crate::models::served_name(&plan.model_path),
        path: plan.model_path.display().to_string(),
        source: plan.source.label().into(),
        architecture: info
            .architecture
            .clone()
            .unwrap_or_else(|| "unknown".into()),
        quantization: info
            .quantization
            .clone()
            .unwrap_or_else(|| "unknown".into()),
        parameters: info.parameter_count,
        size_bytes: info.file_size,
        layers,
        embedding: info.embedding_length.unwrap_or(0) as u32,
        experts,
        experts_used,
        expert_bytes,
        load_ms,
    }
}

/// Times forward passes in groups of a calibrated size: returns the group
/// size and, per iteration, the mean time of one pass in milliseconds.
fn time_forward_passes(
    harness: &mut Harness,
    plan: &Plan,
    progress: &dyn Progress,
) -> Result<(u32, Vec<f64>), BenchError> {
    progress.step("warming up");
    let passes = calibrate(harness)?;
    for _ in 0..plan.warmup {
        time_group(harness, passes)?;
    }
    progress.step("measuring");
    let mut samples = Vec::with_capacity(plan.iterations as usize);
    for i in 0..plan.iterations {
        samples.push(time_group(harness, passes)?);
        progress.iteration(i + 1, plan.iterations);
    }
    Ok((passes, samples))
}

/// Passes per iteration so that one iteration lasts about
/// [`ITERATION_TARGET_MS`]: at least one, whatever the model's size.
fn calibrate(harness: &mut Harness) -> Result<u32, BenchError> {
    let started = Instant::now();
    let mut runs = 0u32;
    while runs < 3 || (started.elapsed().as_secs_f64() < 0.05 && runs < 10_000) {
        harness.forward_pass()?;
        runs += 1;
    }
    let per_pass_ms = started.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    Ok((ITERATION_TARGET_MS / per_pass_ms)
        .ceil()
        .clamp(1.0, 100_000.0) as u32)
}

fn time_group(harness: &mut Harness, passes: u32) -> Result<f64, BenchError> {
    let started = Instant::now();
    for _ in 0..passes {
        harness.forward_pass()?;
    }
    Ok(started.elapsed().as_secs_f64() * 1000.0 / passes as f64)
}

/// The figure `run`, `bench`, `moe`, `moebench` and `full` report, with what
/// follows from its median.
fn forward_measure(plan: &Plan, model: &ModelFacts, samples: Vec<f64>) -> Measure {
    let per_layer = matches!(plan.target, Target::Moe | Target::Moebench);
    let layers = model.layers as f64;
    let samples: Vec<f64> = if per_layer {
        samples.iter().map(|ms| ms / layers).collect()
    } else {
        samples
    };
    let stats = Stats::of(&samples).unwrap_or_default();
    let median_s = stats.median / 1000.0;
    let mut derived = BTreeMap::new();
    let (name, label) = match plan.target {
        Target::Moe | Target::Moebench => {
            let k = model.experts_used as f64;
            derived.insert("experts_used".into(), k);
            derived.insert("experts_per_second".into(), k / median_s);
            derived.insert("expert_bytes".into(), model.expert_bytes as f64);
            derived.insert(
                "expert_gb_per_second".into(),
                k * model.expert_bytes as f64 / median_s / 1e9,
            );
            derived.insert("depth".into(), plan.depth as f64);
            derived.insert(
                "whole_token_tokens_per_second".into(),
                1.0 / (median_s * plan.depth as f64),
            );
            ("moe_layer", "MoE layer forward".to_string())
        }
        Target::Full => {
            derived.insert("tokens_per_second".into(), 1.0 / median_s);
            (
                "forward",
                format!("full forward pass, {} layers", model.layers),
            )
        }
        _ => {
            let what = if model.is_moe() {
                format!("forward pass, 1 expert per layer, {} layers", model.layers)
            } else {
                format!(
                    "forward pass, {} dense layer{}",
                    model.layers,
                    if model.layers == 1 { "" } else { "s" }
                )
            };
            ("forward", what)
        }
    };
    Measure {
        name: name.into(),
        label,
        unit: "ms".into(),
        higher_is_better: false,
        iterations: samples,
        stats,
        derived,
    }
}

/// `fullbench`: llama-bench's pp512 and tg128, done the same way (random
/// tokens, a warm-up run, an empty context for each repetition, tokens per
/// second of the timed part).
fn llama_bench_tests(
    loaded: &LoadedModel,
    plan: &Plan,
    progress: &dyn Progress,
) -> Result<Vec<Measure>, BenchError> {
    let mut measures = Vec::new();
    for test in LLAMA_BENCH_TESTS {
        let (name, tokens) = (test.name, test.tokens);
        progress.step(&format!("{name}: warming up"));
        let mut harness = loaded.context(tokens as u32, plan.threads)?;
        let run = |h: &mut Harness, n: usize| {
            if test.prompt {
                h.prompt(n)
            } else {
                h.generate(n)
            }
        };
        // llama-bench warms up with one whole prompt, or one generated token.
        for w in 0..plan.warmup {
            run(
                &mut harness,
                if w == 0 && !test.prompt { 1 } else { tokens },
            )?;
        }
        progress.step(&format!("{name}: measuring"));
        let mut samples = Vec::new();
        for i in 0..plan.iterations {
            let started = Instant::now();
            run(&mut harness, tokens)?;
            samples.push(tokens as f64 / started.elapsed().as_secs_f64());
            progress.iteration(i + 1, plan.iterations);
        }
        measures.push(Measure {
            name: name.into(),
            label: test.label.into(),
            unit: "tok/s".into(),
            higher_is_better: true,
            stats: Stats::of(&samples).unwrap_or_default(),
            iterations: samples,
            derived: BTreeMap::new(),
        });
    }
    Ok(measures)
}
