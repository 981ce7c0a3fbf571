//! A benchmark's result: what ran, where, every iteration and the summary.
//! The same type is printed as JSON (`--json`), read back as a baseline,
//! and rendered as the table a person reads.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::machine::{LlamaCppBuild, Machine};
use super::stats::Stats;
use crate::human::{human_bytes, human_count};

/// Everything one `flashchat benchmark <target>` run found out.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Report {
    pub target: String,
    pub flashchat_version: String,
    /// When the run started (RFC 3339, UTC).
    pub date: String,
    pub machine: Machine,
    pub llama_cpp: LlamaCppBuild,
    pub model: ModelFacts,
    pub settings: RunSettings,
    /// The timed figures; empty for `verify`.
    #[serde(default)]
    pub measures: Vec<Measure>,
    /// `verify`'s comparisons.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
    /// `verify`'s verdict: every check that ran passed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passed: Option<bool>,
}

/// The model a benchmark ran on.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ModelFacts {
    pub name: String,
    pub path: String,
    /// `synthetic`, `configured` or `--model`.
    pub source: String,
    pub architecture: String,
    pub quantization: String,
    pub parameters: u64,
    pub size_bytes: u64,
    pub layers: u32,
    pub embedding: u32,
    /// Experts per layer; 0 for a dense model.
    pub experts: u32,
    /// Experts routed per token in this run (after any override).
    pub experts_used: u32,
    /// Bytes of one expert's feed-forward weights in one layer.
    pub expert_bytes: u64,
    /// Time to load the model (read the file and set up the weights), ms.
    pub load_ms: f64,
}

impl ModelFacts {
    pub fn is_moe(&self) -> bool {
        self.experts > 1
    }

    /// One line for people: `gemma-3-270m (Q4_K_M, 268M parameters, 18 layers)`.
    pub fn describe(&self) -> String {
        let layers = format!("{} layer{}", self.layers, plural(self.layers));
        let shape = if self.is_moe() {
            format!(
                "{layers}, {} experts ({} active)",
                self.experts, self.experts_used
            )
        } else {
            format!("{layers}, dense")
        };
        format!(
            "{} [{}] ({}, {} parameters, {}, {}, embedding {})",
            self.name,
            self.source,
            self.quantization,
            human_count(self.parameters),
            human_bytes(self.size_bytes),
            shape,
            self.embedding
        )
    }
}

/// How the run was set up.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RunSettings {
    pub iterations: u32,
    pub warmup: u32,
    pub threads: u32,
    /// Forward passes timed together as one iteration (their mean is the
    /// iteration's figure), so each iteration is long enough to time well.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passes_per_iteration: Option<u32>,
    /// `--experts-used K`, when it overrode the model's own count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experts_used_override: Option<u32>,
    /// Where the measured model ran: `CPU`, or a GPU and its layers
    /// (`Vulkan0: llvmpipe (19/19 layers)`). Older results lack it.
    #[serde(default)]
    pub device: String,
}

/// One timed figure over all iterations.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Measure {
    /// e.g. `forward`, `moe_layer`, `pp512`, `tg128`.
    pub name: String,
    /// What was timed, for people.
    pub label: String,
    /// `ms` or `tok/s`.
    pub unit: String,
    /// True for throughputs (tok/s), false for times.
    pub higher_is_better: bool,
    pub iterations: Vec<f64>,
    pub stats: Stats,
    /// Figures computed from the median, e.g. `experts_per_second`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub derived: BTreeMap<String, f64>,
}

/// One of `verify`'s comparisons.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Check {
    pub name: String,
    /// False when the check could not run here (e.g. no GPU).
    pub ran: bool,
    pub passed: bool,
    /// Largest absolute difference between two logits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_abs_diff: Option<f64>,
    /// Largest logit difference relative to its row's largest |logit|.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_rel_diff: Option<f64>,
    /// Largest difference between two token probabilities (softmax of
    /// the logits): what a sampler would see. The verdict's figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_prob_diff: Option<f64>,
    /// The largest `max_prob_diff` that passes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    pub detail: String,
}

impl Report {
    pub fn measure(&self, name: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.name == name)
    }

    /// The table printed on stdout without `--json`.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let s = &self.settings;
        let _ = writeln!(out, "{}: {}", self.target, self.model.describe());
        let mut setup = format!(
            "{}{} threads on {} ({} logical CPUs), {} iteration{}",
            match s.device.as_str() {
                "" | "CPU" => String::new(),
                gpu => format!("{gpu}; "),
            },
            s.threads,
            self.machine.cpu,
            self.machine.logical_cpus,
            s.iterations,
            plural(s.iterations)
        );
        if let Some(passes) = s.passes_per_iteration {
            let _ = write!(setup, " of {passes} forward passes");
        }
        let _ = write!(
            setup,
            ", {} warm-up; model loaded in {} ms",
            s.warmup,
            format_figure(self.model.load_ms)
        );
        let _ = writeln!(out, "{setup}");
        if !self.measures.is_empty() {
            out.push('\n');
            out.push_str(&self.render_measures());
        }
        if !self.checks.is_empty() {
            out.push('\n');
            out.push_str(&self.render_checks());
        }
        out
    }

    fn render_measures(&self) -> String {
        if self.settings.iterations == 1 {
            return self.render_single();
        }
        let rows: Vec<[String; 5]> = self
            .measures
            .iter()
            .map(|m| {
                let st = &m.stats;
                let f = |v: f64| format_figure(v);
                [
                    format!("{} ({})", m.label, m.unit),
                    f(st.min),
                    f(st.median),
                    f(st.p90),
                    f(st.max),
                ]
            })
            .collect();
        let width = rows.iter().map(|r| r[0].len()).max().unwrap_or(0).max(6);
        let mut out = format!(
            "{:<width$}  {:>10}  {:>10}  {:>10}  {:>10}\n",
            "", "min", "median", "p90", "max"
        );
        for r in &rows {
            let _ = writeln!(
                out,
                "{:<width$}  {:>10}  {:>10}  {:>10}  {:>10}",
                r[0], r[1], r[2], r[3], r[4]
            );
        }
        for m in &self.measures {
            for line in derived_lines(m) {
                let _ = writeln!(out, "{line}");
            }
        }
        out
    }

    /// One iteration has no spread to show: one figure per measure.
    fn render_single(&self) -> String {
        let mut out = String::new();
        for m in &self.measures {
            let _ = writeln!(
                out,
                "{}: {} {}",
                m.label,
                format_figure(m.stats.median),
                m.unit
            );
            for line in derived_lines(m) {
                let _ = writeln!(out, "{line}");
            }
        }
        out
    }

    fn render_checks(&self) -> String {
        let mut out = String::new();
        for c in &self.checks {
            let verdict = match (c.ran, c.passed) {
                (false, _) => "SKIP",
                (true, true) => "PASS",
                (true, false) => "FAIL",
            };
            let mut line = format!("{verdict}  {}", c.name);
            if let (Some(abs), Some(rel)) = (c.max_abs_diff, c.max_rel_diff) {
                let _ = write!(
                    line,
                    ": logits max abs diff {abs:.3e}, max rel diff {rel:.3e}"
                );
            }
            if let (Some(p), Some(tol)) = (c.max_prob_diff, c.tolerance) {
                let _ = write!(line, "; max probability diff {p:.3e} (tolerance {tol:.3})");
            }
            let _ = writeln!(out, "{line}");
            if !c.detail.is_empty() {
                let _ = writeln!(out, "      {}", c.detail);
            }
        }
        if let Some(passed) = self.passed {
            let _ = writeln!(out, "\n{}", if passed { "PASS" } else { "FAIL" });
        }
        out
    }
}

/// The sentences under the table: what the median means.
fn derived_lines(m: &Measure) -> Vec<String> {
    let d = |key: &str| m.derived.get(key).copied();
    let mut lines = Vec::new();
    if let Some(tps) = d("tokens_per_second") {
        lines.push(format!(
            "{}: {} tok/s at the median",
            m.label,
            format_figure(tps)
        ));
    }
    if let (Some(eps), Some(gbs)) = (d("experts_per_second"), d("expert_gb_per_second")) {
        lines.push(format!(
            "{} experts per token: {} experts/s, {:.2} GB/s of expert weights touched ({} per expert)",
            d("experts_used").unwrap_or(0.0),
            human_count(eps as u64),
            gbs,
            human_bytes(d("expert_bytes").unwrap_or(0.0) as u64)
        ));
    }
    if let (Some(tps), Some(depth)) = (d("whole_token_tokens_per_second"), d("depth")) {
        lines.push(format!(
            "if this were the whole token ({depth} such layers): {} tok/s",
            format_figure(tps)
        ));
    }
    lines
}

/// Three significant figures or more: `0.213`, `21.3`, `1234`.
pub fn format_figure(v: f64) -> String {
    let a = v.abs();
    if a >= 100.0 {
        format!("{v:.0}")
    } else if a >= 10.0 {
        format!("{v:.1}")
    } else if a >= 1.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.3}")
    }
}

fn plural(n: u32) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A report with one measure whose every iteration is `median`.
    pub(crate) fn sample_report(
        target: &str,
        measure: &str,
        higher_is_better: bool,
        median: f64,
    ) -> Report {
        let iterations = vec![median; 3];
        Report {
            target: target.into(),
            flashchat_version: "0.0.0".into(),
            date: "2026-11-21T00:00:00Z".into(),
            machine: Machine {
                cpu: "Test CPU".into(),
                logical_cpus: 2,
                cpu_features: vec!["AVX2".into()],
                backends: vec!["CPU".into()],
                gpus: Vec::new(),
                os: "linux".into(),
                arch: "x86_64".into(),
            },
            llama_cpp: LlamaCppBuild {
                version: "1 (abc)".into(),
                ggml_version: "0.26.0".into(),
                ggml_commit: "abc".into(),
                binding: "llama-cpp-2 0.1.160".into(),
            },
            model: ModelFacts {
                name: "synthetic".into(),
                path: "/tmp/synthetic.gguf".into(),
                source: "synthetic".into(),
                architecture: "llama".into(),
                quantization: "Q4_K_M".into(),
                parameters: 55_600_000,
                size_bytes: 36_000_000,
                layers: 1,
                embedding: 1024,
                experts: 64,
                experts_used: 4,
                expert_bytes: 442_368,
                load_ms: 30.0,
            },
            settings: RunSettings {
                iterations: 3,
                warmup: 1,
                threads: 2,
                passes_per_iteration: Some(100),
                experts_used_override: None,
                device: "CPU".into(),
            },
            measures: vec![Measure {
                name: measure.into(),
                label: measure.into(),
                unit: if higher_is_better { "tok/s" } else { "ms" }.into(),
                higher_is_better,
                stats: Stats::of(&iterations).unwrap(),
                iterations,
                derived: BTreeMap::new(),
            }],
            checks: Vec::new(),
            passed: None,
        }
    }

    #[test]
    fn renders_a_table_and_round_trips_as_json() {
        let report = sample_report("moebench", "moe_layer", false, 0.25);
        let table = report.render();
        assert!(table.contains("median"), "{table}");
        assert!(table.contains("0.250"), "{table}");
        let json = serde_json::to_string(&report).unwrap();
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back.measures, report.measures);
        assert_eq!(back.model, report.model);
    }

    #[test]
    fn figures_keep_three_significant_digits() {
        assert_eq!(format_figure(0.21345), "0.213");
        assert_eq!(format_figure(2.1345), "2.13");
        assert_eq!(format_figure(21.345), "21.3");
        assert_eq!(format_figure(1234.5), "1234");
    }
}
