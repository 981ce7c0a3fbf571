//! Summary statistics of a benchmark's iterations.

/// Minimum, median, 90th percentile, maximum and mean of some samples
/// (all zero when there were none).
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Stats {
    pub min: f64,
    pub median: f64,
    pub p90: f64,
    pub max: f64,
    pub mean: f64,
    /// Population standard deviation.
    pub stdev: f64,
}

impl Stats {
    /// The statistics of `samples`, or `None` when there are none (or one
    /// is not a number).
    pub fn of(samples: &[f64]) -> Option<Stats> {
        if samples.is_empty() || samples.iter().any(|v| !v.is_finite()) {
            return None;
        }
        let mut sorted = samples.to_vec();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let median = if n % 2 == 1 {
            sorted[n / 2]
        } else {
            (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
        };
        let mean = sorted.iter().sum::<f64>() / n as f64;
        let variance = sorted.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n as f64;
        Some(Stats {
            min: sorted[0],
            median,
            p90: nearest_rank(&sorted, 0.9),
            max: sorted[n - 1],
            mean,
            stdev: variance.sqrt(),
        })
    }
}

/// The nearest-rank percentile of sorted samples: the smallest sample with
/// at least `q` of the samples at or below it.
fn nearest_rank(sorted: &[f64], q: f64) -> f64 {
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

#[cfg(test)]
mod tests {
    use super::Stats;

    #[test]
    fn ten_samples() {
        let samples: Vec<f64> = (1..=10).rev().map(f64::from).collect();
        let s = Stats::of(&samples).unwrap();
        assert_eq!((s.min, s.median, s.p90, s.max), (1.0, 5.5, 9.0, 10.0));
        assert_eq!(s.mean, 5.5);
        assert!((s.stdev - 2.8723).abs() < 1e-3);
    }

    #[test]
    fn one_sample_is_every_statistic() {
        let s = Stats::of(&[3.0]).unwrap();
        assert_eq!(
            (s.min, s.median, s.p90, s.max, s.stdev),
            (3.0, 3.0, 3.0, 3.0, 0.0)
        );
    }

    #[test]
    fn odd_count_median_and_nothing_to_summarise() {
        assert_eq!(Stats::of(&[5.0, 1.0, 3.0]).unwrap().median, 3.0);
        assert!(Stats::of(&[]).is_none());
        assert!(Stats::of(&[1.0, f64::NAN]).is_none());
    }
}
