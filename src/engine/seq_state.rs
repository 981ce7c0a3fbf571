//! One sequence's KV state in and out of a llama.cpp context (its
//! per-sequence state get/set), and what decides whether a cached sequence
//! can be cut back: a sliding-window model keeps only a window of positions
//! in those layers.

use llama_cpp_2::context::session::LlamaStateSeqFlags;
use llama_cpp_2::context::LlamaContext;
use llama_cpp_2::model::LlamaModel;

use super::kv::KvOptions;

/// The bytes of sequence `seq`'s state, or `None` when it is empty or
/// llama.cpp could not write it.
pub fn capture(ctx: &LlamaContext, seq: i32) -> Option<Vec<u8>> {
    let flags = LlamaStateSeqFlags::empty();
    let size = ctx.state_seq_get_size_ext(seq, flags);
    if size == 0 {
        return None;
    }
    let mut bytes = vec![0u8; size];
    // SAFETY: `bytes` holds exactly the size llama.cpp just gave for this
    // sequence's state, and nothing changes the context in between.
    let written = unsafe { ctx.state_seq_get_data_ext(bytes.as_mut_ptr(), seq, flags) };
    (written == size).then_some(bytes)
}

/// Puts a state into sequence `seq`, which must be empty. Returns false
/// when llama.cpp refused it (and left the sequence empty).
pub fn restore(ctx: &mut LlamaContext, seq: i32, bytes: &[u8]) -> bool {
    // SAFETY: the bytes come from [`capture`] in a context of the same
    // model and layout: held in memory by this engine, or read from a file
    // whose fingerprint and SHA-256 were checked (state_cache.rs).
    // llama.cpp checks the shape once more and refuses a mismatch.
    let restored = unsafe { ctx.state_seq_set_data_ext(bytes, seq, LlamaStateSeqFlags::empty()) };
    if !restored {
        let _ = ctx.clear_kv_cache_seq(Some(seq as u32), None, None);
    }
    restored
}

/// The attention window of the model's sliding-window layers, 0 when it
/// has none: such layers keep only the last window of positions, so a
/// cached sequence can only be cut back as far as that window reaches.
pub fn sliding_window(model: &LlamaModel) -> u32 {
    let architecture = model
        .meta_val_str("general.architecture")
        .unwrap_or_default();
    model
        .meta_val_str(&format!("{architecture}.attention.sliding_window"))
        .ok()
        .and_then(|w| w.trim().parse().ok())
        .unwrap_or(0)
}

/// The context settings that shape a sequence's state bytes: states are
/// only loaded into a context where these are equal.
pub fn layout(kv: &KvOptions, sequences: u32) -> String {
    format!(
        "cache k {} v {}, flash attention {}, swa_full {}, sequences {sequences}",
        kv.type_k.name(),
        kv.type_v.name(),
        kv.flash_attention.name(),
        kv.swa_full
    )
}
