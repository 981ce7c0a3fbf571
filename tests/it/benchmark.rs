//! `flashchat benchmark`: every target on the real binary, synthetic models
//! written by llama.cpp's quantiser and the Gemma model, the JSON result,
//! the history file, the baseline gate and verify's verdict.

use std::path::PathBuf;

use serde_json::Value;

use crate::common::{heavy, stderr_of, stdout_of, test_model, Sandbox};

/// `flashchat ARGS` in the sandbox: exit code, stdout and stderr.
fn bench(sandbox: &Sandbox, args: &[&str]) -> (i32, String, String) {
    let _guard = heavy();
    let output = sandbox.cmd().args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        stdout_of(&output),
        stderr_of(&output),
    )
}

fn json_of(args: &[&str], stdout: &str) -> Value {
    serde_json::from_str(stdout)
        .unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {stdout}"))
}

/// The figures of one measure are real, ordered statistics of its iterations.
fn assert_measure(m: &Value, iterations: usize) {
    let values: Vec<f64> = m["iterations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert_eq!(values.len(), iterations, "{m}");
    assert!(values.iter().all(|v| v.is_finite() && *v > 0.0), "{m}");
    let s = &m["stats"];
    let f = |k: &str| s[k].as_f64().unwrap();
    assert!(
        f("min") <= f("median") && f("median") <= f("p90") && f("p90") <= f("max"),
        "{s}"
    );
    let lowest = values.iter().cloned().fold(f64::MAX, f64::min);
    assert_eq!(f("min"), lowest);
}

fn synthetic_model_in(sandbox: &Sandbox, kind: &str) -> PathBuf {
    let dir = sandbox.path().join("cache/synthetic");
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains(kind))
        .unwrap_or_else(|| panic!("no {kind} model in {}", dir.display()))
}

#[test]
fn without_a_target_the_targets_are_listed() {
    let (code, out, _) = bench(&Sandbox::new(), &["benchmark"]);
    assert_eq!(code, 0);
    for target in [
        "run",
        "verify",
        "bench",
        "moe",
        "moebench",
        "full",
        "fullbench",
    ] {
        assert!(
            out.lines().any(|l| l.trim_start().starts_with(target)),
            "{target} missing:\n{out}"
        );
    }
}

/// What CI jobs run: no model, no network, a home flashchat never saw.
#[test]
fn every_quick_target_runs_in_a_fresh_home_without_a_model() {
    let sandbox = Sandbox::fresh();
    for (target, iterations) in [("moebench", 10), ("run", 1), ("bench", 10), ("moe", 1)] {
        let args = ["benchmark", target, "--json"];
        let started = std::time::Instant::now();
        let (code, out, err) = bench(&sandbox, &args);
        eprintln!("{target}: {:.1} s", started.elapsed().as_secs_f64());
        assert_eq!(code, 0, "{target}: {err}");
        let report = json_of(&args, &out);
        assert_eq!(report["target"], target);
        assert_eq!(report["model"]["source"], "synthetic");
        assert_eq!(report["settings"]["iterations"], iterations);
        assert!(report["settings"]["passes_per_iteration"].as_u64().unwrap() >= 1);
        assert!(!report["machine"]["cpu_features"]
            .as_array()
            .unwrap()
            .is_empty());
        assert!(!report["llama_cpp"]["version"].as_str().unwrap().is_empty());
        let measures = report["measures"].as_array().unwrap();
        assert_eq!(measures.len(), 1, "{report}");
        assert_measure(&measures[0], iterations);
        if target.starts_with("moe") {
            let m = &measures[0];
            assert_eq!(m["name"], "moe_layer");
            assert_eq!(report["model"]["experts"], 64);
            assert_eq!(report["model"]["experts_used"], 4);
            assert!(report["model"]["expert_bytes"].as_u64().unwrap() > 100_000);
            for key in [
                "experts_per_second",
                "expert_gb_per_second",
                "whole_token_tokens_per_second",
            ] {
                assert!(m["derived"][key].as_f64().unwrap() > 0.0, "{key}: {m}");
            }
        } else {
            assert_eq!(
                report["model"]["experts"], 0,
                "run measures one dense expert block"
            );
        }
    }

    // Every run was recorded; the history shows them, all or by target.
    let history = std::fs::read_to_string(sandbox.path().join("benchmarks.jsonl")).unwrap();
    assert_eq!(history.lines().count(), 4, "{history}");
    let (code, out, _) = bench(&sandbox, &["benchmark", "--history"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.lines().filter(|l| l.contains("synthetic")).count(),
        4,
        "{out}"
    );
    let (_, out, _) = bench(&sandbox, &["benchmark", "--history", "moebench", "--json"]);
    let entries = json_of(&["--history"], &out);
    assert_eq!(entries.as_array().unwrap().len(), 1, "{entries}");
    assert_eq!(entries[0]["target"], "moebench");
    assert!(entries[0]["medians"][0]["median"].as_f64().unwrap() > 0.0);
}

#[test]
fn the_baseline_gate_fails_a_slowdown_and_passes_the_real_baseline() {
    let sandbox = Sandbox::new();
    let base = sandbox.path().join("base.json");
    let base_arg = base.to_str().unwrap();
    // Five iterations of moebench, then the given flags.
    let moebench = |flags: &[&str]| {
        let mut args = vec!["benchmark", "moebench", "--iterations", "5"];
        args.extend_from_slice(flags);
        bench(&sandbox, &args)
    };
    let (code, out, err) = moebench(&["--save", base_arg]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("median"), "{out}");
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&base).unwrap()).unwrap();

    // A baseline 30% faster than what this machine does: a regression.
    let mut doctored = saved.clone();
    let median = saved["measures"][0]["stats"]["median"].as_f64().unwrap();
    doctored["measures"][0]["stats"]["median"] = (median * 0.7).into();
    let doctored_path = sandbox.path().join("doctored.json");
    std::fs::write(&doctored_path, doctored.to_string()).unwrap();
    let (code, out, err) = moebench(&["--baseline", doctored_path.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}\n{err}");
    assert!(out.contains("ratio") && out.contains("REGRESSION"), "{out}");
    assert!(err.contains("slower than the baseline"), "{err}");

    // The real baseline passes. The limit is wide because tests share two
    // cores with each other (a run measured next to a busy test can be
    // twice as slow); RUN.md gives the run-to-run spread on a quiet machine.
    let (code, out, err) = moebench(&["--baseline", base_arg, "--max-regression", "300", "--json"]);
    assert_eq!(code, 0, "{err}");
    json_of(&["--baseline"], &out);
    assert!(
        err.contains("ratio"),
        "the comparison goes to stderr with --json: {err}"
    );

    // A baseline of another target, or not a result at all, is an error.
    let (code, _, err) = bench(
        &sandbox,
        &[
            "benchmark",
            "bench",
            "--iterations",
            "1",
            "--baseline",
            base_arg,
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("is a `moebench` result"), "{err}");
    let garbage = sandbox.path().join("garbage.json");
    std::fs::write(&garbage, "not json").unwrap();
    let (code, _, err) = bench(
        &sandbox,
        &["benchmark", "moe", "--baseline", garbage.to_str().unwrap()],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("is not a benchmark result") && err.contains("hint:"),
        "{err}"
    );
}

fn verify(sandbox: &Sandbox, extra: &[&str]) -> (i32, Value, String) {
    let mut args = vec!["benchmark", "verify", "--json"];
    args.extend_from_slice(extra);
    let (code, out, err) = bench(sandbox, &args);
    (code, json_of(&args, &out), err)
}

fn assert_verified(code: i32, report: &Value, err: &str) {
    assert_eq!(code, 0, "{report}\n{err}");
    assert_eq!(report["passed"], true, "{report}");
    let checks = report["checks"].as_array().unwrap();
    assert_eq!(checks.len(), 3, "{report}");
    assert!(checks[0]["max_abs_diff"].as_f64().is_some());
    assert!(checks[0]["max_rel_diff"].as_f64().is_some());
    assert_eq!(checks[1]["passed"], true);
}

#[test]
fn verify_passes_on_synthetic_models_and_fails_when_perturbed() {
    let sandbox = Sandbox::new();
    // No model configured: the synthetic MoE model, and a notice saying so.
    let (code, report, err) = verify(&sandbox, &[]);
    assert!(err.contains("measuring a synthetic model instead"), "{err}");
    assert_eq!(report["model"]["experts"], 64);
    assert_verified(code, &report, &err);

    let (code, report, err) = verify(&sandbox, &["--synthetic", "--experts", "0"]);
    assert_eq!(report["model"]["experts"], 0);
    assert_verified(code, &report, &err);

    // The comparison itself is checked: a shifted logit must fail it.
    let (code, report, err) = verify(&sandbox, &["--perturb", "1"]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(report["passed"], false);
    assert_eq!(report["checks"][0]["passed"], false);
    assert!(err.contains("verify FAILED"), "{err}");
}

#[test]
fn a_moe_gguf_runs_with_an_overridden_expert_count() {
    let sandbox = Sandbox::new();
    let (code, _, err) = bench(&sandbox, &["benchmark", "moe", "--iterations", "1"]);
    assert_eq!(code, 0, "{err}");
    let moe = synthetic_model_in(&sandbox, "-moe-");
    let model = moe.to_str().unwrap();

    let args = [
        "--model",
        model,
        "benchmark",
        "moe",
        "--experts-used",
        "2",
        "--json",
    ];
    let (code, out, err) = bench(&sandbox, &args);
    assert_eq!(code, 0, "{err}");
    let report = json_of(&args, &out);
    assert_eq!(report["model"]["source"], "--model");
    assert_eq!(report["model"]["experts_used"], 2);
    assert_eq!(report["settings"]["experts_used_override"], 2);
    assert_eq!(report["measures"][0]["derived"]["experts_used"], 2.0);

    // `run` on a MoE model times one expert per layer.
    let args = ["--model", model, "benchmark", "run", "--json"];
    let (code, out, err) = bench(&sandbox, &args);
    assert_eq!(code, 0, "{err}");
    assert_eq!(json_of(&args, &out)["model"]["experts_used"], 1);

    let (code, _, err) = bench(
        &sandbox,
        &["--model", model, "benchmark", "moe", "--experts-used", "65"],
    );
    assert_eq!(code, 1);
    assert!(err.contains("65") && err.contains("hint:"), "{err}");
    let (code, _, err) = bench(
        &sandbox,
        &["--model", model, "benchmark", "full", "--layers", "2"],
    );
    assert_eq!(code, 1);
    assert!(err.contains("--synthetic"), "{err}");
}

#[test]
fn bad_numbers_are_refused_before_measuring() {
    let sandbox = Sandbox::new();
    for args in [
        vec!["benchmark", "moebench", "--iterations", "0"],
        vec!["benchmark", "moebench", "--threads", "0"],
        vec!["benchmark", "moebench", "--max-regression", "-5"],
        vec!["benchmark", "verify", "--tolerance", "0"],
    ] {
        let (code, _, err) = bench(&sandbox, &args);
        assert_ne!(code, 0, "{args:?}");
        assert!(err.contains("error:"), "{args:?}: {err}");
    }
    let (code, _, err) = bench(
        &sandbox,
        &["benchmark", "moe", "--synthetic", "--embd", "100"],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("multiples of 256") && err.contains("hint:"),
        "{err}"
    );
}

fn gemma(sandbox: &Sandbox, args: &[&str]) -> Option<(i32, String, String)> {
    let model = test_model()?;
    let mut all = vec!["--model", model.to_str().unwrap()];
    all.extend_from_slice(args);
    Some(bench(sandbox, &all))
}

#[test]
fn verify_full_and_fullbench_measure_the_gemma_model() {
    let sandbox = Sandbox::new();
    let Some((code, out, err)) = gemma(&sandbox, &["benchmark", "verify", "--json"]) else {
        return;
    };
    let report = json_of(&["verify"], &out);
    assert_eq!(report["model"]["architecture"], "gemma3");
    assert_verified(code, &report, &err);

    let args = ["benchmark", "fullbench", "--iterations", "1", "--json"];
    let (code, out, err) = gemma(&sandbox, &args).unwrap();
    assert_eq!(code, 0, "{err}");
    let report = json_of(&args, &out);
    let names: Vec<&str> = report["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["pp512", "tg128"]);
    for m in report["measures"].as_array().unwrap() {
        assert_eq!(m["unit"], "tok/s");
        assert_measure(m, 1);
    }

    let (code, out, err) = gemma(&sandbox, &["benchmark", "full"]).unwrap();
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("full forward pass, 18 layers") && out.contains("tok/s"),
        "{out}"
    );

    // A dense model is no MoE model to measure experts on.
    let (code, _, err) = gemma(&sandbox, &["benchmark", "moebench"]).unwrap();
    assert_eq!(code, 1);
    assert!(
        err.contains("not a mixture-of-experts model") && err.contains("fullbench"),
        "{err}"
    );
}
