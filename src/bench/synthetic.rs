//! Synthetic llama.cpp models: small but real GGUF files with random weights.
//!
//! A [`SyntheticSpec`] describes the shape (dense or mixture-of-experts); the
//! F32 model is written by our own GGUF writer, then llama.cpp's quantiser
//! turns it into the requested type. [`ensure`] caches the result under a
//! name made from every parameter, so benchmarks and tests pay for it once.

use std::fs::{self, File};
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};

use super::gguf_writer::{GgufWriter, MetaValue, TensorInfo};
use super::quant::Quant;
use super::quantize::{quantize, QuantizeError};
use crate::models::gguf;

/// Bumped whenever the same spec would produce different bytes, so cached
/// files from an older generator are not reused.
const GENERATOR_REVISION: u32 = 1;
/// `<unk>`, `<s>`, `</s>`.
const SPECIAL_TOKENS: usize = 3;
const BYTE_TOKENS: usize = 256;
const FIRST_PIECE: usize = SPECIAL_TOKENS + BYTE_TOKENS;
const RMS_EPS: f32 = 1e-5;
const ROPE_FREQ_BASE: f32 = 10_000.0;
/// Uniform ranges of the random weights: small enough that activations and
/// logits stay finite, large enough that the logits differ.
const EMBEDDING_SCALE: f32 = 0.1;
const ROUTER_SCALE: f32 = 0.1;
const WEIGHT_SCALE: f32 = 0.05;

/// llama.cpp's token types.
mod token_type {
    pub const NORMAL: i32 = 1;
    pub const UNKNOWN: i32 = 2;
    pub const CONTROL: i32 = 3;
    pub const BYTE: i32 = 6;
}

/// The shape of a synthetic `llama`-architecture model.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SyntheticSpec {
    pub layers: u32,
    /// Embedding width; also the row length of most weight matrices.
    pub embd: u32,
    /// Feed-forward width, per expert in a MoE model.
    pub ff: u32,
    /// Attention heads (as many key/value heads).
    pub heads: u32,
    /// 0 or 1 for a dense model, else the experts per layer.
    pub experts: u32,
    /// Experts routed per token; ignored by dense models.
    pub experts_used: u32,
    pub vocab: u32,
    /// Trained context length written into the metadata.
    pub context: u32,
    pub seed: u64,
    pub quant: Quant,
}

impl Default for SyntheticSpec {
    fn default() -> Self {
        Self::moe_default()
    }
}

impl SyntheticSpec {
    /// One MoE layer of 64 experts, 4 routed per token: the benchmark target.
    pub fn moe_default() -> Self {
        Self {
            layers: 1,
            embd: 1024,
            ff: 256,
            heads: 8,
            experts: 64,
            experts_used: 4,
            vocab: 512,
            context: 2048,
            seed: 42,
            quant: Quant::Q4_K_M,
        }
    }

    /// The smallest useful dense model: loads in milliseconds, for tests.
    pub fn tiny_dense() -> Self {
        Self {
            layers: 1,
            embd: 256,
            ff: 256,
            heads: 4,
            experts: 0,
            experts_used: 0,
            vocab: 512,
            context: 2048,
            seed: 42,
            quant: Quant::Q4_K_M,
        }
    }

    pub fn is_moe(&self) -> bool {
        self.experts > 1
    }

    /// The cache file's name, made from every parameter that changes the
    /// bytes, e.g. `synthetic-r1-moe-l1-e64k4-d1024-f256-h8-v512-c2048-s42-q4_k_m.gguf`.
    pub fn file_name(&self) -> String {
        let kind = if self.is_moe() {
            format!(
                "moe-l{}-e{}k{}",
                self.layers, self.experts, self.experts_used
            )
        } else {
            format!("dense-l{}", self.layers)
        };
        format!(
            "synthetic-r{GENERATOR_REVISION}-{kind}-d{}-f{}-h{}-v{}-c{}-s{}-{}.gguf",
            self.embd,
            self.ff,
            self.heads,
            self.vocab,
            self.context,
            self.seed,
            self.quant.slug()
        )
    }

    /// Weights in the file, as `models::gguf::read_info` counts them.
    pub fn parameter_count(&self) -> u64 {
        let (embd, ff, vocab) = (self.embd as u64, self.ff as u64, self.vocab as u64);
        let ffn = if self.is_moe() {
            let experts = self.experts as u64;
            embd * experts + 3 * embd * ff * experts
        } else {
            3 * embd * ff
        };
        let layer = 2 * embd + 4 * embd * embd + ffn;
        2 * embd * vocab + embd + self.layers as u64 * layer
    }

    /// Checks the shape before anything is written.
    pub fn validate(&self) -> Result<(), SyntheticError> {
        let invalid = |why: String| Err(SyntheticError::InvalidSpec(why));
        let block = self.quant.block_size();
        if self.layers == 0 || self.embd == 0 || self.ff == 0 || self.heads == 0 {
            return invalid("layers, embd, ff and heads must be at least 1".into());
        }
        if !self.embd.is_multiple_of(block) || !self.ff.is_multiple_of(block) {
            return invalid(format!(
                "{} needs embd ({}) and ff ({}) to be multiples of {block}",
                self.quant, self.embd, self.ff
            ));
        }
        if !self.embd.is_multiple_of(self.heads) || !(self.embd / self.heads).is_multiple_of(2) {
            return invalid(format!(
                "embd ({}) must split into {} heads of an even size",
                self.embd, self.heads
            ));
        }
        if self.is_moe() && !(1..=self.experts).contains(&self.experts_used) {
            return invalid(format!(
                "experts_used ({}) must be between 1 and experts ({})",
                self.experts_used, self.experts
            ));
        }
        let (min, max) = (FIRST_PIECE + 1, FIRST_PIECE + word_pieces().count());
        if !(min..=max).contains(&(self.vocab as usize)) {
            return invalid(format!(
                "vocab ({}) must be between {min} and {max}",
                self.vocab
            ));
        }
        if self.context < 16 {
            return invalid(format!("context ({}) must be at least 16", self.context));
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SyntheticError {
    #[error("invalid synthetic model: {0}")]
    InvalidSpec(String),
    #[error("cannot write {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error(transparent)]
    Quantize(#[from] QuantizeError),
}

/// The model for `spec` in `cache_dir`, written first if it is not there.
pub fn ensure(spec: &SyntheticSpec, cache_dir: &Path) -> Result<PathBuf, SyntheticError> {
    spec.validate()?;
    let path = cache_dir.join(spec.file_name());
    if path.is_file() {
        // Files only ever appear whole (see `write`), but a header check
        // costs microseconds and catches one damaged by something else.
        match gguf::read_info(&path) {
            Ok(_) => return Ok(path),
            Err(e) => tracing::warn!("rewriting {}: {e}", path.display()),
        }
    }
    fs::create_dir_all(cache_dir).map_err(|source| SyntheticError::Io {
        path: cache_dir.to_path_buf(),
        source,
    })?;
    write(spec, &path)?;
    Ok(path)
}

/// Writes the model for `spec` to `dest`. The work happens in temporary
/// files beside it, renamed into place at the end, so `dest` is either
/// absent, the old file, or the complete new one.
pub fn write(spec: &SyntheticSpec, dest: &Path) -> Result<(), SyntheticError> {
    spec.validate()?;
    let dir = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let io_err = |source| SyntheticError::Io {
        path: dest.to_path_buf(),
        source,
    };
    let temp = || {
        tempfile::Builder::new()
            .prefix(".synthetic-")
            .suffix(".gguf.tmp")
            .tempfile_in(dir)
            .map_err(io_err)
    };
    let f32_file = temp()?;
    write_f32(spec, f32_file.as_file()).map_err(io_err)?;
    let finished = match spec.quant {
        Quant::F32 => f32_file,
        quant => {
            let out = temp()?;
            quantize(f32_file.path(), out.path(), quant)?;
            out
        }
    };
    // llama.cpp rewrote the quantised file through its own handle; reopen
    // by path so the flush covers what it wrote.
    File::open(finished.path())
        .and_then(|f| f.sync_all())
        .map_err(io_err)?;
    finished.persist(dest).map_err(|e| io_err(e.error))?;
    Ok(())
}

/// The unquantised model: metadata, vocabulary and random F32 weights.
fn write_f32(spec: &SyntheticSpec, file: &File) -> io::Result<()> {
    let gguf = layout(spec);
    let mut weights = Weights::new(spec);
    let out = BufWriter::with_capacity(1 << 20, file);
    gguf.write(out, |tensor, first, values| {
        weights.fill(tensor, first, values)
    })?;
    file.sync_all()
}

fn layout(spec: &SyntheticSpec) -> GgufWriter {
    let mut g = GgufWriter::default();
    let arch = |key: &str| format!("llama.{key}");
    let name = spec.file_name();
    let name = name.trim_end_matches(".gguf");
    g.meta("general.architecture", MetaValue::Str("llama".into()))
        .meta("general.name", MetaValue::Str(name.into()))
        .meta("general.file_type", MetaValue::U32(0))
        .meta(&arch("vocab_size"), MetaValue::U32(spec.vocab))
        .meta(&arch("context_length"), MetaValue::U32(spec.context))
        .meta(&arch("embedding_length"), MetaValue::U32(spec.embd))
        .meta(&arch("block_count"), MetaValue::U32(spec.layers))
        .meta(&arch("feed_forward_length"), MetaValue::U32(spec.ff))
        .meta(&arch("attention.head_count"), MetaValue::U32(spec.heads))
        .meta(&arch("attention.head_count_kv"), MetaValue::U32(spec.heads))
        .meta(
            &arch("attention.layer_norm_rms_epsilon"),
            MetaValue::F32(RMS_EPS),
        )
        .meta(
            &arch("rope.dimension_count"),
            MetaValue::U32(spec.embd / spec.heads),
        )
        .meta(&arch("rope.freq_base"), MetaValue::F32(ROPE_FREQ_BASE));
    if spec.is_moe() {
        g.meta(&arch("expert_count"), MetaValue::U32(spec.experts))
            .meta(
                &arch("expert_used_count"),
                MetaValue::U32(spec.experts_used),
            );
    }
    add_vocabulary(&mut g, spec.vocab as usize);
    add_tensors(&mut g, spec);
    g
}

/// An SPM vocabulary: the specials, the 256 byte tokens llama.cpp falls
/// back to, then word pieces.
fn add_vocabulary(g: &mut GgufWriter, vocab: usize) {
    let (tokens, scores, types) = vocabulary(vocab);
    g.meta("tokenizer.ggml.model", MetaValue::Str("llama".into()))
        .meta("tokenizer.ggml.tokens", MetaValue::StrArray(tokens))
        .meta("tokenizer.ggml.scores", MetaValue::F32Array(scores))
        .meta("tokenizer.ggml.token_type", MetaValue::I32Array(types))
        .meta("tokenizer.ggml.unknown_token_id", MetaValue::U32(0))
        .meta("tokenizer.ggml.bos_token_id", MetaValue::U32(1))
        .meta("tokenizer.ggml.eos_token_id", MetaValue::U32(2))
        .meta("tokenizer.ggml.add_bos_token", MetaValue::Bool(true))
        .meta("tokenizer.ggml.add_eos_token", MetaValue::Bool(false));
}

fn vocabulary(vocab: usize) -> (Vec<String>, Vec<f32>, Vec<i32>) {
    let mut tokens: Vec<String> = ["<unk>", "<s>", "</s>"].map(String::from).to_vec();
    let mut types = vec![
        token_type::UNKNOWN,
        token_type::CONTROL,
        token_type::CONTROL,
    ];
    tokens.extend((0..=255u8).map(|b| format!("<0x{b:02X}>")));
    types.extend([token_type::BYTE; BYTE_TOKENS]);
    let mut scores = vec![0.0; FIRST_PIECE];
    for (rank, piece) in word_pieces().take(vocab - FIRST_PIECE).enumerate() {
        tokens.push(piece);
        // SPM merges the highest score first: earlier pieces win.
        scores.push(-(rank as f32));
        types.push(token_type::NORMAL);
    }
    (tokens, scores, types)
}

/// Distinct word pieces in a fixed order: the word boundary `▁`, printable
/// ASCII, `▁` + letter, then letter pairs with and without `▁`. Every
/// multi-character piece is one merge of two shorter ones, so the SPM
/// tokenizer can reach it.
fn word_pieces() -> impl Iterator<Item = String> {
    let letters = || ('a'..='z').chain('A'..='Z');
    let pairs = || ('a'..='z').flat_map(|a| ('a'..='z').map(move |b| format!("{a}{b}")));
    std::iter::once("\u{2581}".to_string())
        .chain((b'!'..=b'~').map(|b| char::from(b).to_string()))
        .chain(letters().map(|c| format!("\u{2581}{c}")))
        .chain(pairs())
        .chain(pairs().map(|p| format!("\u{2581}{p}")))
}

/// Tensor names and shapes of llama.cpp's `llama` architecture, in ggml's
/// dimension order (row length first).
fn add_tensors(g: &mut GgufWriter, spec: &SyntheticSpec) {
    let (embd, ff, vocab) = (spec.embd as u64, spec.ff as u64, spec.vocab as u64);
    g.tensor("token_embd.weight", &[embd, vocab])
        .tensor("output_norm.weight", &[embd])
        .tensor("output.weight", &[embd, vocab]);
    for i in 0..spec.layers {
        let blk = |name: &str| format!("blk.{i}.{name}.weight");
        g.tensor(blk("attn_norm"), &[embd])
            .tensor(blk("attn_q"), &[embd, embd])
            .tensor(blk("attn_k"), &[embd, embd])
            .tensor(blk("attn_v"), &[embd, embd])
            .tensor(blk("attn_output"), &[embd, embd])
            .tensor(blk("ffn_norm"), &[embd]);
        if spec.is_moe() {
            let experts = spec.experts as u64;
            g.tensor(blk("ffn_gate_inp"), &[embd, experts])
                .tensor(blk("ffn_gate_exps"), &[embd, ff, experts])
                .tensor(blk("ffn_up_exps"), &[embd, ff, experts])
                .tensor(blk("ffn_down_exps"), &[ff, embd, experts]);
        } else {
            g.tensor(blk("ffn_gate"), &[embd, ff])
                .tensor(blk("ffn_up"), &[embd, ff])
                .tensor(blk("ffn_down"), &[ff, embd]);
        }
    }
}

/// Deterministic weights: each tensor draws from its own generator, seeded
/// by the spec's seed and the tensor's name, so shapes elsewhere in the
/// file do not change it.
struct Weights {
    seed: u64,
    embd: u64,
    rng: SplitMix64,
}

impl Weights {
    fn new(spec: &SyntheticSpec) -> Self {
        Self {
            seed: spec.seed,
            embd: spec.embd as u64,
            rng: SplitMix64(0),
        }
    }

    fn fill(&mut self, tensor: &TensorInfo, first: u64, out: &mut [f32]) {
        if first == 0 {
            self.rng = SplitMix64(self.seed ^ fnv1a(tensor.name.as_bytes()));
        }
        let name = tensor.name.as_str();
        if name.ends_with("_norm.weight") {
            out.fill(1.0);
            return;
        }
        let scale = match name {
            "token_embd.weight" => EMBEDDING_SCALE,
            n if n.ends_with("ffn_gate_inp.weight") => ROUTER_SCALE,
            _ => WEIGHT_SCALE,
        };
        for v in out.iter_mut() {
            *v = self.rng.uniform() * scale;
        }
        if name == "output.weight" {
            // The special tokens' logits are exactly 0 while the others
            // spread either side of it, so greedy decoding never picks
            // `</s>` and a benchmark always gets the tokens it asked for.
            let zero_until = SPECIAL_TOKENS as u64 * self.embd;
            let end = first + out.len() as u64;
            if first < zero_until {
                out[..(zero_until.min(end) - first) as usize].fill(0.0);
            }
        }
    }
}

/// Sebastiano Vigna's SplitMix64: tiny, fast and good enough for weights
/// (and for the benchmarks' random tokens).
pub(super) struct SplitMix64(pub(super) u64);

impl SplitMix64 {
    pub(super) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [-1, 1).
    fn uniform(&mut self) -> f32 {
        let unit = (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32;
        unit * 2.0 - 1.0
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xCBF2_9CE4_8422_2325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01B3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f32_spec() -> SyntheticSpec {
        SyntheticSpec {
            quant: Quant::F32,
            ..SyntheticSpec::tiny_dense()
        }
    }

    #[test]
    fn defaults_are_valid() {
        SyntheticSpec::moe_default().validate().unwrap();
        SyntheticSpec::tiny_dense().validate().unwrap();
        assert!(SyntheticSpec::default().is_moe());
        assert!(!SyntheticSpec::tiny_dense().is_moe());
    }

    #[test]
    fn file_name_names_every_parameter() {
        assert_eq!(
            SyntheticSpec::moe_default().file_name(),
            format!(
                "synthetic-r{GENERATOR_REVISION}-moe-l1-e64k4-d1024-f256-h8-v512-c2048-s42-q4_k_m.gguf"
            )
        );
        let base = SyntheticSpec::tiny_dense();
        let variants = [
            SyntheticSpec {
                seed: 7,
                ..base.clone()
            },
            SyntheticSpec {
                quant: Quant::Q8_0,
                ..base.clone()
            },
            SyntheticSpec {
                context: 512,
                ..base.clone()
            },
            SyntheticSpec {
                heads: 8,
                ..base.clone()
            },
            SyntheticSpec {
                vocab: 600,
                ..base.clone()
            },
        ];
        for v in variants {
            assert_ne!(v.file_name(), base.file_name(), "{v:?}");
        }
    }

    #[test]
    fn validate_rejects_unusable_shapes() {
        let base = SyntheticSpec::moe_default();
        let bad = [
            SyntheticSpec {
                embd: 1000,
                ..base.clone()
            },
            SyntheticSpec {
                ff: 128,
                ..base.clone()
            },
            SyntheticSpec {
                heads: 3,
                ..base.clone()
            },
            SyntheticSpec {
                experts_used: 65,
                ..base.clone()
            },
            SyntheticSpec {
                experts_used: 0,
                ..base.clone()
            },
            SyntheticSpec {
                vocab: 100,
                ..base.clone()
            },
            SyntheticSpec {
                vocab: 100_000,
                ..base.clone()
            },
            SyntheticSpec {
                layers: 0,
                ..base.clone()
            },
        ];
        for spec in bad {
            assert!(
                matches!(spec.validate(), Err(SyntheticError::InvalidSpec(_))),
                "{spec:?}"
            );
        }
        // Unquantised rows need no particular length.
        let f32_odd = SyntheticSpec {
            embd: 96,
            ff: 80,
            heads: 3,
            quant: Quant::F32,
            ..base
        };
        f32_odd.validate().unwrap();
    }

    #[test]
    fn vocabulary_has_specials_bytes_and_distinct_pieces() {
        let (tokens, scores, types) = vocabulary(512);
        assert_eq!((tokens.len(), scores.len(), types.len()), (512, 512, 512));
        assert_eq!(&tokens[..3], ["<unk>", "<s>", "</s>"]);
        assert_eq!(tokens[3], "<0x00>");
        assert_eq!(tokens[3 + 0x0A], "<0x0A>");
        assert_eq!(tokens[258], "<0xFF>");
        assert!(types[3..259].iter().all(|&t| t == token_type::BYTE));
        assert_eq!(tokens[259], "\u{2581}");
        let distinct: std::collections::HashSet<_> = tokens.iter().collect();
        assert_eq!(distinct.len(), tokens.len());
    }

    #[test]
    fn weights_are_deterministic_and_bounded() {
        let spec = f32_spec();
        let tensor = TensorInfo {
            name: "blk.0.attn_q.weight".into(),
            dims: vec![256, 256],
        };
        let draw = |seed| {
            let mut w = Weights::new(&SyntheticSpec {
                seed,
                ..spec.clone()
            });
            let mut out = vec![0f32; 1000];
            w.fill(&tensor, 0, &mut out);
            out
        };
        let a = draw(1);
        assert_eq!(a, draw(1));
        assert_ne!(a, draw(2));
        assert!(a.iter().all(|v| v.abs() <= WEIGHT_SCALE));
        let spread = a.iter().fold(0f32, |m, v| m.max(v.abs()));
        assert!(spread > WEIGHT_SCALE * 0.9);
    }

    #[test]
    fn special_token_logits_are_zero() {
        let spec = f32_spec();
        let tensor = TensorInfo {
            name: "output.weight".into(),
            dims: vec![256, 512],
        };
        let mut w = Weights::new(&spec);
        let mut out = vec![0f32; 1024];
        w.fill(&tensor, 0, &mut out);
        assert!(out[..768].iter().all(|&v| v == 0.0));
        assert!(out[768..].iter().any(|&v| v != 0.0));
    }

    #[test]
    fn unquantised_file_reads_back_and_repeats_byte_for_byte() {
        let dir = tempfile::tempdir().unwrap();
        let spec = SyntheticSpec {
            experts: 4,
            experts_used: 2,
            ..f32_spec()
        };
        let path = ensure(&spec, dir.path()).unwrap();
        assert_eq!(path, dir.path().join(spec.file_name()));
        let info = gguf::read_info(&path).unwrap();
        assert_eq!(info.architecture.as_deref(), Some("llama"));
        assert_eq!(info.quantization.as_deref(), Some("F32"));
        assert_eq!(info.expert_count, Some(4));
        assert_eq!(info.expert_used_count, Some(2));
        assert_eq!(info.context_length, Some(2048));
        assert_eq!(info.parameter_count, spec.parameter_count());
        let again = dir.path().join("again.gguf");
        write(&spec, &again).unwrap();
        assert!(fs::read(&path).unwrap() == fs::read(&again).unwrap());
        // Only the two finished files remain: no temporary left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn ensure_rewrites_a_damaged_cache_file() {
        let dir = tempfile::tempdir().unwrap();
        let spec = f32_spec();
        let path = dir.path().join(spec.file_name());
        fs::write(&path, b"not a model").unwrap();
        ensure(&spec, dir.path()).unwrap();
        assert!(gguf::read_info(&path).is_ok());
    }
}
