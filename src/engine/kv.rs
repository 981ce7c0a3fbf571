//! The KV cache's layout: the element types of its keys and values, flash
//! attention, and whether sliding-window layers keep a full-length cache.
//! These decide the cache's memory, and the engine, the embeddings context
//! and the benchmarks all build contexts with them.

use llama_cpp_2::context::params::{KvCacheType, LlamaContextParams};

/// A KV cache element type, as llama.cpp's tools name them (`-ctk`, `-ctv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CacheType {
    F32,
    F16,
    Bf16,
    Q8_0,
    Q5_1,
    Q5_0,
    Q4_1,
    Q4_0,
    Iq4Nl,
}

impl CacheType {
    /// Every type, by its name.
    pub const ALL: [(&'static str, CacheType); 9] = [
        ("f32", Self::F32),
        ("f16", Self::F16),
        ("bf16", Self::Bf16),
        ("q8_0", Self::Q8_0),
        ("q5_1", Self::Q5_1),
        ("q5_0", Self::Q5_0),
        ("q4_1", Self::Q4_1),
        ("q4_0", Self::Q4_0),
        ("iq4_nl", Self::Iq4Nl),
    ];

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }

    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, t)| *t == self)
            .map_or("f16", |(n, _)| n)
    }

    /// A block-quantised type (anything but the float ones).
    pub fn is_quantised(self) -> bool {
        !matches!(self, Self::F32 | Self::F16 | Self::Bf16)
    }

    fn llama(self) -> KvCacheType {
        match self {
            Self::F32 => KvCacheType::F32,
            Self::F16 => KvCacheType::F16,
            Self::Bf16 => KvCacheType::BF16,
            Self::Q8_0 => KvCacheType::Q8_0,
            Self::Q5_1 => KvCacheType::Q5_1,
            Self::Q5_0 => KvCacheType::Q5_0,
            Self::Q4_1 => KvCacheType::Q4_1,
            Self::Q4_0 => KvCacheType::Q4_0,
            Self::Iq4Nl => KvCacheType::IQ4_NL,
        }
    }
}

/// Flash attention: llama.cpp decides (`auto`), always, or never.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FlashAttention {
    Auto,
    On,
    Off,
}

impl FlashAttention {
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "auto" => Some(Self::Auto),
            "on" => Some(Self::On),
            "off" => Some(Self::Off),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::On => "on",
            Self::Off => "off",
        }
    }

    fn llama(self) -> llama_cpp_sys_2::llama_flash_attn_type {
        match self {
            Self::Auto => llama_cpp_sys_2::LLAMA_FLASH_ATTN_TYPE_AUTO,
            Self::On => llama_cpp_sys_2::LLAMA_FLASH_ATTN_TYPE_ENABLED,
            Self::Off => llama_cpp_sys_2::LLAMA_FLASH_ATTN_TYPE_DISABLED,
        }
    }
}

/// How a context's KV cache is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct KvOptions {
    pub type_k: CacheType,
    pub type_v: CacheType,
    pub flash_attention: FlashAttention,
    /// Keep a full-length cache for sliding-window layers. Off, as
    /// llama.cpp's own tools run: those layers only ever look back a
    /// window, and a full cache for them more than doubles Gemma's memory.
    pub swa_full: bool,
}

impl Default for KvOptions {
    fn default() -> Self {
        Self {
            type_k: CacheType::F16,
            type_v: CacheType::F16,
            flash_attention: FlashAttention::Auto,
            swa_full: false,
        }
    }
}

impl KvOptions {
    /// Why these options cannot work together, if they cannot.
    pub fn problem(&self) -> Option<String> {
        (self.type_v.is_quantised() && self.flash_attention == FlashAttention::Off).then(|| {
            format!(
                "cache_type_v {} needs flash attention, which flash_attention = \"off\" turns off; \
                 set flash_attention to auto or on, or cache_type_v to f16",
                self.type_v.name()
            )
        })
    }

    /// `params` with this layout.
    pub fn apply(&self, params: LlamaContextParams) -> LlamaContextParams {
        params
            .with_type_k(self.type_k.llama())
            .with_type_v(self.type_v.llama())
            .with_flash_attention_policy(self.flash_attention.llama())
            .with_swa_full(self.swa_full)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_a_quantised_v_cache_needs_flash_attention() {
        for (name, kind) in CacheType::ALL {
            assert_eq!(CacheType::parse(name), Some(kind));
            assert_eq!(kind.name(), name);
        }
        assert!(KvOptions::default().problem().is_none());
        let quantised = KvOptions {
            type_v: CacheType::Q8_0,
            flash_attention: FlashAttention::Off,
            ..KvOptions::default()
        };
        assert!(quantised
            .problem()
            .unwrap()
            .contains("needs flash attention"));
        let with_fa = KvOptions {
            flash_attention: FlashAttention::Auto,
            ..quantised
        };
        assert!(with_fa.problem().is_none());
    }
}
