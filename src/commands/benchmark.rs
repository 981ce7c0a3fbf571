//! `flashchat benchmark [target]`: chooses the model (the configured one, a
//! `--model`, or a synthetic one), runs the target, prints the table or the
//! JSON, keeps the history, and applies the `--baseline` regression gate.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::bench::{self, gate, history, ModelSource, Plan, Quant, Report, SyntheticSpec, Target};
use crate::cli::{BenchmarkArgs, SyntheticQuant};
use crate::errors::Hinted;
use crate::models;
use crate::settings::keys;
use crate::Context;

/// Layers `moe` extrapolates one layer to when no MoE model says otherwise:
/// as many as today's popular MoE models (Qwen3-30B-A3B has 48).
const DEFAULT_DEPTH: u32 = 48;

pub fn run(ctx: &Context, args: &BenchmarkArgs) -> anyhow::Result<()> {
    if args.history {
        return show_history(ctx, args.target, args.json);
    }
    let Some(target) = args.target else {
        return list_targets();
    };
    check_numbers(args)?;
    // Read first: a bad baseline should fail before minutes of measuring.
    let baseline = args.baseline.as_deref().map(read_baseline).transpose()?;
    let plan = plan(ctx, args, target)?;
    let progress = crate::reporters::BenchRun::new(&ctx.printer, target);
    let report = bench::measure(&plan, &progress).map_err(|e| {
        progress.finish();
        explain(e, target)
    })?;
    progress.finish();

    if let Err(e) = history::append(&ctx.paths.benchmark_history(), &report) {
        ctx.printer.warn(&format!(
            "could not add this run to {}: {e}",
            ctx.paths.benchmark_history().display()
        ));
    }
    if let Some(path) = &args.save {
        save(path, &report)?;
        ctx.printer.status(&format!(
            "Saved this result as a baseline: {}",
            path.display()
        ));
    }
    print_report(&report, args.json)?;
    if let Some(baseline) = baseline {
        apply_gate(ctx, &report, &baseline, args)?;
    }
    verdict(&report)
}

fn explain(e: bench::BenchError, target: Target) -> anyhow::Error {
    let hint = match &e {
        bench::BenchError::NotMoe(_) if target.measures_the_model() => {
            "--experts-used needs a mixture-of-experts model"
        }
        bench::BenchError::NotMoe(_) => {
            "run, bench, moe and moebench measure expert blocks: leave out --model to use a \
             synthetic MoE model, or measure this one with `full` or `fullbench`"
        }
        bench::BenchError::TooManyExperts { .. } => "choose K between 1 and the model's experts",
        bench::BenchError::Engine(_) => "run with -v to see llama.cpp's log lines",
    };
    anyhow::Error::new(Hinted::new(e.to_string(), hint))
        .context(format!("`flashchat benchmark {}` failed", target.name()))
}

fn list_targets() -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "Targets (flashchat benchmark TARGET):")?;
    for t in Target::ALL {
        writeln!(out, "  {:<10} {}", t.name(), t.summary())?;
    }
    writeln!(
        out,
        "\n`flashchat benchmark TARGET --help` lists the options; --history shows earlier runs."
    )?;
    Ok(())
}

fn check_numbers(args: &BenchmarkArgs) -> anyhow::Result<()> {
    if !(args.max_regression.is_finite() && args.max_regression >= 0.0) {
        return Err(Hinted::new(
            format!(
                "--max-regression {} is not a percentage",
                args.max_regression
            ),
            "give a number such as 10 (fail when more than 10% slower)",
        )
        .into());
    }
    if !(args.tolerance.is_finite() && args.tolerance > 0.0) {
        return Err(Hinted::new(
            format!("--tolerance {} must be a positive number", args.tolerance),
            "the default 0.05 allows token probabilities to differ by 5 percentage points",
        )
        .into());
    }
    Ok(())
}

/// Decides the model, the iterations and the rest before anything runs.
fn plan(ctx: &Context, args: &BenchmarkArgs, target: Target) -> anyhow::Result<Plan> {
    let (model_path, source) = choose_model(ctx, args, target)?;
    let model_info = models::read_checked(&model_path)?;
    let gguf_moe = source != ModelSource::Synthetic && model_info.expert_count.unwrap_or(0) > 1;
    let experts_used = match source {
        // The synthetic model was written with the asked-for shape.
        ModelSource::Synthetic => None,
        _ => args.experts_used.or(args.experts),
    };
    let depth = args.depth.unwrap_or(if gguf_moe {
        model_info.block_count.unwrap_or(DEFAULT_DEPTH as u64) as u32
    } else {
        DEFAULT_DEPTH
    });
    Ok(Plan {
        target,
        model_path,
        model_info,
        source,
        iterations: args.iterations.unwrap_or(target.default_iterations()),
        warmup: args.warmup,
        threads: args
            .threads
            .unwrap_or_else(|| ctx.resolved.settings.effective_threads()),
        gpu: ctx.resolved.settings.gpu,
        experts_used,
        depth,
        tolerance: args.tolerance,
        perturb: args.perturb,
    })
}

/// The configured model or `--model` for the targets that measure the
/// model; synthetic models for the others unless `--model` names one.
fn choose_model(
    ctx: &Context,
    args: &BenchmarkArgs,
    target: Target,
) -> anyhow::Result<(PathBuf, ModelSource)> {
    let named = ctx.resolved.from_command_line(keys::MODEL).is_some();
    if args.synthetic {
        return synthetic(ctx, args, target);
    }
    if target.measures_the_model() || named {
        let source = if named {
            ModelSource::Named
        } else {
            ModelSource::Configured
        };
        match models::resolve(&ctx.resolved, &ctx.env, &ctx.paths) {
            Ok(model) => {
                reject_shape_flags(args, &model.path)?;
                return Ok((model.path, source));
            }
            Err(e) if named => return Err(e.into()),
            Err(e) => ctx.printer.status(&format!(
                "note: {e}; measuring a synthetic model instead (--model PATH.gguf measures yours)"
            )),
        }
    }
    synthetic(ctx, args, target)
}

/// Shape flags describe a synthetic model; with a real one they would be
/// silently ignored, so they are an error instead.
fn reject_shape_flags(args: &BenchmarkArgs, model: &Path) -> anyhow::Result<()> {
    let given: Vec<&str> = [
        ("--layers", args.layers.is_some()),
        ("--embd", args.embd.is_some()),
        ("--ff", args.ff.is_some()),
        ("--quant", args.quant.is_some()),
    ]
    .into_iter()
    .filter_map(|(flag, set)| set.then_some(flag))
    .collect();
    if given.is_empty() {
        return Ok(());
    }
    Err(Hinted::new(
        format!(
            "{} shape{} a synthetic model, but this run measures {}",
            given.join(", "),
            if given.len() == 1 { "s" } else { "" },
            model.display()
        ),
        "add --synthetic to measure a synthetic model of that shape",
    )
    .into())
}

/// The target's synthetic model with the shape flags applied, written to
/// the cache the first time.
fn synthetic(
    ctx: &Context,
    args: &BenchmarkArgs,
    target: Target,
) -> anyhow::Result<(PathBuf, ModelSource)> {
    let spec = synthetic_spec(args, target);
    let dir = ctx.paths.cache_dir.join("synthetic");
    let written = crate::reporters::spinning(
        &ctx.printer,
        "writing the synthetic model (once: it is cached)",
        || bench::ensure(&spec, &dir),
    );
    let path = written.map_err(|e| {
        let hint = match e {
            bench::SyntheticError::InvalidSpec(_) => {
                "change --layers/--experts/--experts-used/--embd/--ff (Q4_K_M needs multiples of 256)"
            }
            _ => "check that the cache folder is writable and has space",
        };
        Hinted::new(e.to_string(), hint)
    })?;
    Ok((path, ModelSource::Synthetic))
}

fn synthetic_spec(args: &BenchmarkArgs, target: Target) -> SyntheticSpec {
    let mut spec = target.synthetic_default();
    if let Some(n) = args.layers {
        spec.layers = n;
    }
    if let Some(n) = args.embd {
        spec.embd = n;
    }
    if let Some(n) = args.ff {
        spec.ff = n;
    }
    if let Some(q) = args.quant {
        spec.quant = match q {
            SyntheticQuant::Q4KM => Quant::Q4_K_M,
            SyntheticQuant::Q8_0 => Quant::Q8_0,
            SyntheticQuant::F16 => Quant::F16,
            SyntheticQuant::F32 => Quant::F32,
        };
    }
    if let Some(n) = args.experts {
        spec.experts = n;
        spec.experts_used = spec.experts_used.clamp(1, n.max(1));
    }
    if let Some(k) = args.experts_used {
        spec.experts_used = k;
    }
    if !spec.is_moe() {
        spec.experts = 0;
        spec.experts_used = 0;
    }
    spec
}

fn read_baseline(path: &Path) -> anyhow::Result<Report> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Hinted::new(
            format!("cannot read the baseline {}: {e}", path.display()),
            "write one with `flashchat benchmark TARGET --save FILE`",
        )
    })?;
    serde_json::from_str(&text).map_err(|e| {
        Hinted::new(
            format!("{} is not a benchmark result: {e}", path.display()),
            "a baseline is the output of `flashchat benchmark TARGET --json` (or --save FILE)",
        )
        .into()
    })
}

fn save(path: &Path, report: &Report) -> anyhow::Result<()> {
    let mut json = serde_json::to_vec_pretty(report)?;
    json.push(b'\n');
    crate::fsutil::write_atomically(path, &json)
        .with_context(|| format!("cannot save the baseline {}", path.display()))
}

fn print_report(report: &Report, json: bool) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, report)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", report.render())?;
    }
    out.flush()?;
    Ok(())
}

/// Prints both medians and the ratio; a regression is an error (exit 1).
fn apply_gate(
    ctx: &Context,
    report: &Report,
    baseline: &Report,
    args: &BenchmarkArgs,
) -> anyhow::Result<()> {
    let comparison = gate::compare(report, baseline, args.max_regression).map_err(|e| {
        Hinted::new(
            e.to_string(),
            "compare with a baseline of the same target and model (save one with --save FILE)",
        )
    })?;
    for warning in &comparison.warnings {
        ctx.printer.warn(warning);
    }
    let text = comparison.render();
    if args.json {
        eprint!("{text}");
    } else {
        print!("\n{text}");
    }
    if comparison.regressed() {
        let worst = comparison
            .rows
            .iter()
            .map(|r| r.slowdown)
            .fold(f64::MIN, f64::max);
        return Err(Hinted::new(
            format!(
                "`{}` is {:.1}% slower than the baseline (more than {}%)",
                report.target,
                (worst - 1.0) * 100.0,
                args.max_regression
            ),
            "if the slowdown is expected, record a new baseline with --save FILE",
        )
        .into());
    }
    Ok(())
}

/// `verify` fails the command when a check failed.
fn verdict(report: &Report) -> anyhow::Result<()> {
    if report.passed == Some(false) {
        let failed: Vec<&str> = report
            .checks
            .iter()
            .filter(|c| c.ran && !c.passed)
            .map(|c| c.name.as_str())
            .collect();
        return Err(Hinted::new(
            format!("verify FAILED: {}", failed.join("; ")),
            "run with -v to see llama.cpp's log; report it with the JSON from --json",
        )
        .into());
    }
    Ok(())
}

fn show_history(ctx: &Context, target: Option<Target>, json: bool) -> anyhow::Result<()> {
    let path = ctx.paths.benchmark_history();
    let (entries, skipped) = history::read(&path, target.map(Target::name))
        .with_context(|| format!("cannot read {}", path.display()))?;
    if skipped > 0 {
        ctx.printer.warn(&format!(
            "skipped {skipped} unreadable line{} in {}",
            if skipped == 1 { "" } else { "s" },
            path.display()
        ));
    }
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &entries)?;
        writeln!(out)?;
    } else if entries.is_empty() {
        ctx.printer.status(&format!(
            "No benchmark runs recorded yet{} (they are kept in {}).",
            target
                .map(|t| format!(" for `{}`", t.name()))
                .unwrap_or_default(),
            path.display()
        ));
    } else {
        write!(out, "{}", history::render(&entries))?;
    }
    Ok(())
}
