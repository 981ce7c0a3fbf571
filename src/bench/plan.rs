//! What a benchmark run is: the targets, the plan decided before a run
//! starts, how progress is heard, and what can go wrong. The targets and
//! `verify` both build on it.

use std::path::PathBuf;

use super::synthetic::SyntheticSpec;
use crate::engine::EngineError;
use crate::models::gguf::GgufInfo;

/// What `flashchat benchmark <target>` measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Run,
    Verify,
    Bench,
    Moe,
    Moebench,
    Full,
    Fullbench,
}

impl Target {
    pub const ALL: [Target; 7] = [
        Target::Run,
        Target::Verify,
        Target::Bench,
        Target::Moe,
        Target::Moebench,
        Target::Full,
        Target::Fullbench,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Target::Run => "run",
            Target::Verify => "verify",
            Target::Bench => "bench",
            Target::Moe => "moe",
            Target::Moebench => "moebench",
            Target::Full => "full",
            Target::Fullbench => "fullbench",
        }
    }

    /// One line for `flashchat benchmark` without a target.
    pub fn summary(self) -> &'static str {
        match self {
            Target::Run => "one forward pass of a single expert-sized feed-forward block, timed",
            Target::Verify => {
                "correctness: batched = token-by-token logits, repeatable greedy runs, GPU = CPU"
            }
            Target::Bench => "`run` repeated (10 iterations): min / median / p90 / max",
            Target::Moe => {
                "one MoE layer, K of N experts, one token: experts/s, GB/s, implied tok/s"
            }
            Target::Moebench => "`moe` repeated (10 iterations) with the same statistics",
            Target::Full => "one full forward pass (all layers) of the configured model",
            Target::Fullbench => {
                "`full` repeated (3 iterations): pp512 and tg128 tok/s as llama-bench"
            }
        }
    }

    pub fn default_iterations(self) -> u32 {
        match self {
            Target::Bench | Target::Moebench => 10,
            Target::Fullbench => 3,
            Target::Run | Target::Moe | Target::Full | Target::Verify => 1,
        }
    }

    /// `full`, `fullbench` and `verify` measure the configured model; the
    /// others measure expert blocks, synthetic unless `--model` names a
    /// MoE model.
    pub fn measures_the_model(self) -> bool {
        matches!(self, Target::Full | Target::Fullbench | Target::Verify)
    }

    /// The synthetic model the target runs on when no GGUF is chosen.
    pub fn synthetic_default(self) -> SyntheticSpec {
        match self {
            // "One expert": a dense layer with the MoE default's expert shape.
            Target::Run | Target::Bench => SyntheticSpec {
                experts: 0,
                experts_used: 0,
                ..SyntheticSpec::moe_default()
            },
            _ => SyntheticSpec::moe_default(),
        }
    }
}

/// Where the model under test came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelSource {
    Synthetic,
    Configured,
    /// Named with `--model`.
    Named,
}

impl ModelSource {
    pub(super) fn label(self) -> &'static str {
        match self {
            ModelSource::Synthetic => "synthetic",
            ModelSource::Configured => "configured",
            ModelSource::Named => "--model",
        }
    }
}

/// Everything a run needs, decided before it starts.
#[derive(Debug, Clone)]
pub struct Plan {
    pub target: Target,
    pub model_path: PathBuf,
    pub model_info: GgufInfo,
    pub source: ModelSource,
    pub iterations: u32,
    pub warmup: u32,
    pub threads: u32,
    /// Where the measured layers run (`gpu_layers`, `main_gpu`,
    /// `split_mode`); `verify` keeps its reference on the CPU.
    pub gpu: crate::engine::gpu::GpuOptions,
    /// Active experts instead of the model's own count.
    pub experts_used: Option<u32>,
    /// Layers of the whole model `moe` extrapolates one layer to.
    pub depth: u32,
    /// `verify`: the largest relative logit difference that passes.
    pub tolerance: f64,
    /// `verify`, for testing the check itself: added to one batched logit,
    /// as a fraction of its row's largest magnitude.
    pub perturb: f64,
}

/// Hears how a run is going (the command shows it on stderr).
pub trait Progress {
    fn step(&self, message: &str);
    fn iteration(&self, done: u32, total: u32);
}

#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error("{0} is not a mixture-of-experts model")]
    NotMoe(String),
    #[error("--experts-used {asked} is not possible: the model has {experts} experts per layer")]
    TooManyExperts { asked: u32, experts: u32 },
}
