//! The tensor types synthetic models are written in, with llama.cpp's
//! names for them.

use std::fmt;

/// The tensor type of the finished file.
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Quant {
    F32,
    F16,
    Q8_0,
    /// llama.cpp's mix: mostly Q4_K, with Q6_K for some tensors.
    #[default]
    Q4_K_M,
}

impl Quant {
    /// The lower-case name used in file names, e.g. `q4_k_m`.
    pub fn slug(self) -> &'static str {
        match self {
            Quant::F32 => "f32",
            Quant::F16 => "f16",
            Quant::Q8_0 => "q8_0",
            Quant::Q4_K_M => "q4_k_m",
        }
    }

    /// Elements per quantisation block: rows must be a multiple of it.
    pub fn block_size(self) -> u32 {
        match self {
            Quant::F32 | Quant::F16 => 1,
            Quant::Q8_0 => 32,
            Quant::Q4_K_M => 256,
        }
    }

    pub(super) fn ftype(self) -> llama_cpp_sys_2::llama_ftype {
        match self {
            Quant::F32 => llama_cpp_sys_2::LLAMA_FTYPE_ALL_F32,
            Quant::F16 => llama_cpp_sys_2::LLAMA_FTYPE_MOSTLY_F16,
            Quant::Q8_0 => llama_cpp_sys_2::LLAMA_FTYPE_MOSTLY_Q8_0,
            Quant::Q4_K_M => llama_cpp_sys_2::LLAMA_FTYPE_MOSTLY_Q4_K_M,
        }
    }
}

impl fmt::Display for Quant {
    /// llama.cpp's spelling, e.g. `Q4_K_M`, as `general.file_type` reads.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.slug().to_ascii_uppercase())
    }
}
