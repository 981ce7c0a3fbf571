//! The sampler chain, built from settings in llama.cpp's usual order:
//! penalties, top-k, top-p, min-p, temperature, then a seeded draw.
//! Temperature 0 means greedy decoding.

use llama_cpp_2::sampling::LlamaSampler;
use llama_cpp_2::token::logit_bias::LlamaLogitBias;
use llama_cpp_2::token::LlamaToken;

/// How many recent tokens the repetition penalty looks at (llama.cpp's default).
const PENALTY_LAST_N: i32 = 64;

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct SamplingParams {
    pub temperature: f32,
    pub top_p: f32,
    /// 0 disables top-k.
    pub top_k: u32,
    pub min_p: f32,
    /// 1.0 disables it.
    pub repeat_penalty: f32,
    pub presence_penalty: f32,
    pub frequency_penalty: f32,
    pub seed: u32,
}

impl SamplingParams {
    /// Always the most likely token, no penalties: reproducible output.
    pub fn greedy() -> Self {
        Self {
            temperature: 0.0,
            top_p: 1.0,
            top_k: 0,
            min_p: 0.0,
            repeat_penalty: 1.0,
            presence_penalty: 0.0,
            frequency_penalty: 0.0,
            seed: 0,
        }
    }

    pub fn is_greedy(&self) -> bool {
        self.temperature <= 0.0
    }

    fn has_penalties(&self) -> bool {
        self.repeat_penalty != 1.0 || self.presence_penalty != 0.0 || self.frequency_penalty != 0.0
    }

    /// True when the next token is simply the most likely one, so the
    /// engine can take the arg-max of the logits without a sampler.
    pub fn is_plain_greedy(&self) -> bool {
        self.is_greedy() && !self.has_penalties()
    }

    /// The chain for these settings, with `logit_bias` (token, bias)
    /// applied to the logits first.
    pub fn build(&self, n_vocab: i32, logit_bias: &[(i32, f32)]) -> LlamaSampler {
        let mut chain = Vec::new();
        if !logit_bias.is_empty() {
            let biases: Vec<LlamaLogitBias> = logit_bias
                .iter()
                .map(|&(token, bias)| LlamaLogitBias::new(LlamaToken(token), bias))
                .collect();
            chain.push(LlamaSampler::logit_bias(n_vocab, &biases));
        }
        if self.has_penalties() {
            chain.push(LlamaSampler::penalties(
                n_vocab,
                PENALTY_LAST_N,
                self.repeat_penalty,
                self.frequency_penalty,
                self.presence_penalty,
            ));
        }
        if self.is_greedy() {
            chain.push(LlamaSampler::greedy());
        } else {
            if self.top_k > 0 {
                chain.push(LlamaSampler::top_k(self.top_k as i32));
            }
            if self.top_p < 1.0 {
                chain.push(LlamaSampler::top_p(self.top_p, 1));
            }
            if self.min_p > 0.0 {
                chain.push(LlamaSampler::min_p(self.min_p, 1));
            }
            chain.push(LlamaSampler::temp(self.temperature));
            chain.push(LlamaSampler::dist(self.seed));
        }
        LlamaSampler::chain_simple(chain)
    }
}

/// A seed for when the user set none: differs between calls and processes.
pub fn random_seed() -> u32 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() ^ d.as_secs() as u32)
        .unwrap_or(0);
    nanos ^ std::process::id().rotate_left(16)
}

/// Index of the largest logit; ties go to the lowest token id, as in llama.cpp's greedy sampler.
pub fn argmax(logits: &[f32]) -> usize {
    let mut best = 0;
    let mut best_value = f32::NEG_INFINITY;
    for (i, &v) in logits.iter().enumerate() {
        if v > best_value {
            best = i;
            best_value = v;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::argmax;

    #[test]
    fn argmax_takes_the_first_maximum() {
        assert_eq!(argmax(&[0.1, 3.0, -1.0, 3.0]), 1);
        assert_eq!(argmax(&[f32::NEG_INFINITY, -5.0]), 1);
    }
}

/// The log-probability of `token` under the softmax of `logits`, and the
/// `top` most likely tokens with theirs, most likely first.
pub fn logprobs(logits: &[f32], token: usize, top: usize) -> (f32, Vec<(usize, f32)>) {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let sum: f64 = logits.iter().map(|&l| f64::from(l - max).exp()).sum();
    let log_norm = max + sum.ln() as f32;
    let mut best: Vec<(usize, f32)> = Vec::with_capacity(top + 1);
    if top > 0 {
        for (id, &logit) in logits.iter().enumerate() {
            if best.len() < top || logit > best[best.len() - 1].1 {
                let at = best.partition_point(|&(_, l)| l >= logit);
                best.insert(at, (id, logit));
                best.truncate(top);
            }
        }
    }
    let chosen = logits
        .get(token)
        .map_or(f32::NEG_INFINITY, |&l| l - log_norm);
    (
        chosen,
        best.into_iter().map(|(id, l)| (id, l - log_norm)).collect(),
    )
}

#[cfg(test)]
mod logprob_tests {
    use super::logprobs;

    #[test]
    fn logprobs_are_a_normalised_log_softmax_with_the_top_in_order() {
        let logits = [1.0f32, 3.0, 2.0, 3.0, -1.0];
        let (chosen, top) = logprobs(&logits, 2, 3);
        let total: f32 = logits.iter().map(|&l| l.exp()).sum();
        assert!((chosen - (2.0f32.exp() / total).ln()).abs() < 1e-5);
        let ids: Vec<usize> = top.iter().map(|&(id, _)| id).collect();
        assert_eq!(ids, [1, 3, 2], "ties keep vocabulary order");
        let probability: f32 = logits.iter().map(|&l| (l - total.ln()).exp()).sum();
        assert!((probability - 1.0).abs() < 1e-5);
        assert!(logprobs(&logits, 0, 0).1.is_empty());
    }
}
