//! The regression gate: a run against an earlier `--json` result of the same
//! target, failing when a median got more than the allowed percentage
//! slower. What CI jobs call `flashchat benchmark moebench --baseline` for.

use std::fmt::Write as _;

use super::report::{format_figure, Report};

/// Why a baseline cannot be compared with this run.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum GateError {
    #[error("the baseline is a `{baseline}` result but this run is `{current}`")]
    OtherTarget { baseline: String, current: String },
    #[error("`{0}` measures no speed, so there is nothing to compare with a baseline")]
    NothingTimed(String),
    #[error("the baseline measured model {baseline} but this run measured {current}")]
    OtherModel { baseline: String, current: String },
    #[error("the baseline has no `{0}` figure")]
    MissingMeasure(String),
}

/// One figure compared with its baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    pub current: f64,
    /// How many times slower this run is: >1 is slower, whatever the unit.
    pub slowdown: f64,
    pub regressed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub rows: Vec<Row>,
    pub max_regression_pct: f64,
    /// Things that make the comparison less meaningful but not wrong.
    pub warnings: Vec<String>,
}

impl Comparison {
    pub fn regressed(&self) -> bool {
        self.rows.iter().any(|r| r.regressed)
    }

    /// Both figures and the ratio for each measure, and the verdict.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for r in &self.rows {
            let change = (r.slowdown - 1.0) * 100.0;
            let verdict = if r.regressed {
                format!("REGRESSION (more than {}% slower)", self.max_regression_pct)
            } else if change > 0.0 {
                format!("{change:.1}% slower, within {}%", self.max_regression_pct)
            } else {
                format!("{:.1}% faster", -change)
            };
            let _ = writeln!(
                out,
                "{}: median {} {} vs baseline {} {}: ratio {:.3} ({verdict})",
                r.name,
                format_figure(r.current),
                r.unit,
                format_figure(r.baseline),
                r.unit,
                r.current / r.baseline,
            );
        }
        out
    }
}

/// Compares every median of `current` with the same measure in `baseline`.
pub fn compare(
    current: &Report,
    baseline: &Report,
    max_regression_pct: f64,
) -> Result<Comparison, GateError> {
    if current.target != baseline.target {
        return Err(GateError::OtherTarget {
            baseline: baseline.target.clone(),
            current: current.target.clone(),
        });
    }
    if current.measures.is_empty() {
        return Err(GateError::NothingTimed(current.target.clone()));
    }
    let (a, b) = (&baseline.model, &current.model);
    let same_model = a.name == b.name
        && a.parameters == b.parameters
        && a.quantization == b.quantization
        && a.experts_used == b.experts_used;
    if !same_model {
        return Err(GateError::OtherModel {
            baseline: a.describe(),
            current: b.describe(),
        });
    }
    let mut rows = Vec::new();
    for m in &current.measures {
        let base = baseline
            .measure(&m.name)
            .ok_or_else(|| GateError::MissingMeasure(m.name.clone()))?;
        let (then, now) = (base.stats.median, m.stats.median);
        let slowdown = if m.higher_is_better {
            then / now
        } else {
            now / then
        };
        rows.push(Row {
            name: m.name.clone(),
            unit: m.unit.clone(),
            baseline: then,
            current: now,
            slowdown,
            regressed: slowdown > 1.0 + max_regression_pct / 100.0,
        });
    }
    Ok(Comparison {
        rows,
        max_regression_pct,
        warnings: warnings(current, baseline),
    })
}

fn warnings(current: &Report, baseline: &Report) -> Vec<String> {
    let mut out = Vec::new();
    if current.settings.threads != baseline.settings.threads {
        out.push(format!(
            "the baseline ran on {} threads, this run on {}",
            baseline.settings.threads, current.settings.threads
        ));
    }
    if current.machine.cpu != baseline.machine.cpu {
        out.push(format!(
            "the baseline ran on {}, this run on {}",
            baseline.machine.cpu, current.machine.cpu
        ));
    }
    if current.llama_cpp != baseline.llama_cpp {
        out.push(format!(
            "llama.cpp changed: {} then, {} now",
            baseline.llama_cpp.version, current.llama_cpp.version
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::report::tests::sample_report;

    #[test]
    fn slower_beyond_the_limit_regresses() {
        let base = sample_report("moebench", "moe_layer", false, 1.0);
        let slower = sample_report("moebench", "moe_layer", false, 1.3);
        let c = compare(&slower, &base, 10.0).unwrap();
        assert!(c.regressed());
        assert!((c.rows[0].slowdown - 1.3).abs() < 1e-9);
        assert!(c.render().contains("REGRESSION"), "{}", c.render());
        let within = sample_report("moebench", "moe_layer", false, 1.05);
        assert!(!compare(&within, &base, 10.0).unwrap().regressed());
        let faster = sample_report("moebench", "moe_layer", false, 0.7);
        assert!(!compare(&faster, &base, 10.0).unwrap().regressed());
    }

    #[test]
    fn throughput_regresses_when_it_falls() {
        let base = sample_report("fullbench", "tg128", true, 100.0);
        let slower = sample_report("fullbench", "tg128", true, 80.0);
        let c = compare(&slower, &base, 10.0).unwrap();
        assert!(c.regressed());
        assert!((c.rows[0].slowdown - 1.25).abs() < 1e-9);
        let faster = sample_report("fullbench", "tg128", true, 120.0);
        assert!(!compare(&faster, &base, 10.0).unwrap().regressed());
    }

    #[test]
    fn refuses_other_targets_and_models() {
        let base = sample_report("moebench", "moe_layer", false, 1.0);
        let other = sample_report("bench", "forward", false, 1.0);
        assert!(matches!(
            compare(&other, &base, 10.0),
            Err(GateError::OtherTarget { .. })
        ));
        let mut other_model = sample_report("moebench", "moe_layer", false, 1.0);
        other_model.model.experts_used = 8;
        assert!(matches!(
            compare(&other_model, &base, 10.0),
            Err(GateError::OtherModel { .. })
        ));
        let mut verify = sample_report("verify", "x", false, 1.0);
        verify.measures.clear();
        let mut verify_base = verify.clone();
        verify_base.target = "verify".into();
        assert!(matches!(
            compare(&verify, &verify_base, 10.0),
            Err(GateError::NothingTimed(_))
        ));
    }
}
