//! A GGUF header reader: metadata and tensor table without loading weights.
//!
//! Used by `status` (which must answer in milliseconds) and to reject a file
//! that is not GGUF, or is truncated, with a clear message before llama.cpp
//! sees it.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

use format::{value_type, DEFAULT_ALIGNMENT, MAGIC};

/// The GGUF format's constants, shared by this reader, the synthetic-model
/// writer and the tests.
pub mod format {
    pub const MAGIC: &[u8; 4] = b"GGUF";
    /// The version written; the reader takes 2 and 3.
    pub const VERSION: u32 = 3;
    /// Where tensor data starts: a multiple of this, unless
    /// `general.alignment` says otherwise.
    pub const DEFAULT_ALIGNMENT: u64 = 32;

    /// The type ids of metadata values.
    pub mod value_type {
        pub const U8: u32 = 0;
        pub const I8: u32 = 1;
        pub const U16: u32 = 2;
        pub const I16: u32 = 3;
        pub const U32: u32 = 4;
        pub const I32: u32 = 5;
        pub const F32: u32 = 6;
        pub const BOOL: u32 = 7;
        pub const STRING: u32 = 8;
        pub const ARRAY: u32 = 9;
        pub const U64: u32 = 10;
        pub const I64: u32 = 11;
        pub const F64: u32 = 12;
    }
}
/// Sanity limits: a real file is far below these, a corrupt one is not.
const MAX_STRING: u64 = 64 << 20;
const MAX_ENTRIES: u64 = 1 << 24;
const MAX_DIMS: u32 = 4;

#[derive(Debug, thiserror::Error)]
pub enum GgufError {
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: io::Error },
    #[error("{path} is not a GGUF file (it does not start with the GGUF magic bytes)")]
    NotGguf { path: String },
    #[error(
        "{path} uses GGUF version {version}, which flashchat does not read (2 and 3 are supported)"
    )]
    UnsupportedVersion { path: String, version: u32 },
    #[error("{path} is truncated: it has {actual} bytes but its tensor table needs {expected}")]
    Truncated {
        path: String,
        actual: u64,
        expected: u64,
    },
    #[error("{path} is corrupt: {what}")]
    Corrupt { path: String, what: String },
}

/// What `status` and the model checks need to know about a GGUF file.
#[derive(Debug, Clone, serde::Serialize)]
pub struct GgufInfo {
    pub version: u32,
    pub architecture: Option<String>,
    pub name: Option<String>,
    /// Quantisation from `general.file_type`, e.g. `Q4_K_M`.
    pub quantization: Option<String>,
    pub context_length: Option<u64>,
    pub expert_count: Option<u64>,
    pub expert_used_count: Option<u64>,
    pub embedding_length: Option<u64>,
    pub block_count: Option<u64>,
    pub head_count: Option<u64>,
    /// `tokenizer.ggml.model`, e.g. `llama` (SentencePiece) or `gpt2` (BPE).
    pub tokenizer: Option<String>,
    pub has_chat_template: bool,
    pub tensor_count: u64,
    pub parameter_count: u64,
    /// Bytes of the experts' feed-forward weights (`*_exps` tensors), all
    /// layers and experts together; 0 for a dense model.
    pub expert_weight_bytes: u64,
    pub file_size: u64,
}

/// A metadata value, reduced to what we keep; arrays are skipped.
enum Val {
    Uint(u64),
    Int(i64),
    Str(String),
    Other,
}

pub fn read_info(path: &Path) -> Result<GgufInfo, GgufError> {
    let shown = path.display().to_string();
    let io_err = |source| GgufError::Io {
        path: shown.clone(),
        source,
    };
    let file = File::open(path).map_err(io_err)?;
    let file_size = file.metadata().map_err(io_err)?.len();
    let mut r = Reader {
        inner: BufReader::with_capacity(1 << 16, file),
        path: shown.clone(),
        pos: 0,
        size: file_size,
    };
    let mut magic = [0u8; 4];
    r.exact(&mut magic)?;
    if &magic != MAGIC {
        return Err(GgufError::NotGguf { path: shown });
    }
    let version = r.u32()?;
    if !(2..=3).contains(&version) {
        return Err(GgufError::UnsupportedVersion {
            path: shown,
            version,
        });
    }
    let tensor_count = r.count()?;
    let kv_count = r.count()?;

    let mut info = GgufInfo {
        version,
        architecture: None,
        name: None,
        quantization: None,
        context_length: None,
        expert_count: None,
        expert_used_count: None,
        embedding_length: None,
        block_count: None,
        head_count: None,
        tokenizer: None,
        has_chat_template: false,
        tensor_count,
        parameter_count: 0,
        expert_weight_bytes: 0,
        file_size,
    };
    let mut alignment = DEFAULT_ALIGNMENT;
    let mut arch_keys: Vec<(String, u64)> = Vec::new();
    for _ in 0..kv_count {
        let key = r.string()?;
        let value = r.value()?;
        match (key.as_str(), value) {
            ("general.architecture", Val::Str(s)) => info.architecture = Some(s),
            ("general.name", Val::Str(s)) => info.name = Some(s),
            ("general.file_type", Val::Uint(t)) => info.quantization = Some(file_type_name(t)),
            ("general.alignment", Val::Uint(a)) if a > 0 && a.is_power_of_two() => alignment = a,
            ("tokenizer.chat_template", Val::Str(_)) => info.has_chat_template = true,
            ("tokenizer.ggml.model", Val::Str(s)) => info.tokenizer = Some(s),
            (k, Val::Uint(n)) => arch_keys.push((k.to_string(), n)),
            (k, Val::Int(n)) if n >= 0 => arch_keys.push((k.to_string(), n as u64)),
            _ => {}
        }
    }
    if let Some(arch) = &info.architecture {
        let find = |suffix: &str| {
            let key = format!("{arch}.{suffix}");
            arch_keys.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
        };
        info.context_length = find("context_length");
        info.expert_count = find("expert_count");
        info.expert_used_count = find("expert_used_count");
        info.embedding_length = find("embedding_length");
        info.block_count = find("block_count");
        info.head_count = find("attention.head_count");
    }

    let mut data_needed = 0u64;
    let mut sizes_known = true;
    for _ in 0..tensor_count {
        let name = r.string()?;
        let n_dims = r.u32()?;
        if n_dims > MAX_DIMS {
            return Err(r.corrupt(format!("a tensor has {n_dims} dimensions")));
        }
        let mut elements = 1u64;
        for _ in 0..n_dims {
            elements = elements.saturating_mul(r.u64()?);
        }
        let ggml_type = r.u32()?;
        let offset = r.u64()?;
        info.parameter_count = info.parameter_count.saturating_add(elements);
        match tensor_bytes(ggml_type, elements) {
            Some(bytes) => {
                data_needed = data_needed.max(offset.saturating_add(bytes));
                if name.contains("_exps") {
                    info.expert_weight_bytes = info.expert_weight_bytes.saturating_add(bytes);
                }
            }
            None => sizes_known = false,
        }
    }
    let data_start = r.pos.div_ceil(alignment) * alignment;
    let expected = data_start.saturating_add(data_needed);
    if sizes_known && file_size < expected {
        return Err(GgufError::Truncated {
            path: shown,
            actual: file_size,
            expected,
        });
    }
    Ok(info)
}

struct Reader {
    inner: BufReader<File>,
    path: String,
    pos: u64,
    size: u64,
}

impl Reader {
    fn truncated(&self, needed: u64) -> GgufError {
        GgufError::Truncated {
            path: self.path.clone(),
            actual: self.size,
            expected: needed,
        }
    }

    fn corrupt(&self, what: String) -> GgufError {
        GgufError::Corrupt {
            path: self.path.clone(),
            what,
        }
    }

    fn exact(&mut self, buf: &mut [u8]) -> Result<(), GgufError> {
        let end = self.pos + buf.len() as u64;
        if end > self.size {
            return Err(self.truncated(end));
        }
        self.inner.read_exact(buf).map_err(|source| GgufError::Io {
            path: self.path.clone(),
            source,
        })?;
        self.pos = end;
        Ok(())
    }

    fn skip(&mut self, n: u64) -> Result<(), GgufError> {
        let end = self.pos.saturating_add(n);
        if end > self.size {
            return Err(self.truncated(end));
        }
        self.inner
            .seek_relative(n as i64)
            .map_err(|source| GgufError::Io {
                path: self.path.clone(),
                source,
            })?;
        self.pos = end;
        Ok(())
    }

    fn u32(&mut self) -> Result<u32, GgufError> {
        let mut b = [0u8; 4];
        self.exact(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }

    fn u64(&mut self) -> Result<u64, GgufError> {
        let mut b = [0u8; 8];
        self.exact(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    fn count(&mut self) -> Result<u64, GgufError> {
        let n = self.u64()?;
        if n > MAX_ENTRIES {
            return Err(self.corrupt(format!("it claims {n} entries")));
        }
        Ok(n)
    }

    fn string_len(&mut self) -> Result<u64, GgufError> {
        let len = self.u64()?;
        if len > MAX_STRING {
            return Err(self.corrupt(format!("a string claims {len} bytes")));
        }
        Ok(len)
    }

    fn string(&mut self) -> Result<String, GgufError> {
        let len = self.string_len()?;
        let mut buf = vec![0u8; len as usize];
        self.exact(&mut buf)?;
        Ok(String::from_utf8_lossy(&buf).into_owned())
    }

    fn value(&mut self) -> Result<Val, GgufError> {
        let ty = self.u32()?;
        self.scalar(ty)
    }

    fn scalar(&mut self, ty: u32) -> Result<Val, GgufError> {
        Ok(match ty {
            value_type::U8 | value_type::I8 | value_type::BOOL => {
                let mut b = [0u8; 1];
                self.exact(&mut b)?;
                if ty == value_type::I8 {
                    Val::Int(b[0] as i8 as i64)
                } else {
                    Val::Uint(b[0] as u64)
                }
            }
            value_type::U16 | value_type::I16 => {
                let mut b = [0u8; 2];
                self.exact(&mut b)?;
                if ty == value_type::I16 {
                    Val::Int(i16::from_le_bytes(b) as i64)
                } else {
                    Val::Uint(u16::from_le_bytes(b) as u64)
                }
            }
            value_type::U32 => Val::Uint(self.u32()? as u64),
            value_type::I32 => Val::Int(self.u32()? as i32 as i64),
            value_type::F32 => {
                self.skip(4)?;
                Val::Other
            }
            value_type::STRING => Val::Str(self.string()?),
            value_type::ARRAY => {
                self.skip_array()?;
                Val::Other
            }
            value_type::U64 => Val::Uint(self.u64()?),
            value_type::I64 => Val::Int(self.u64()? as i64),
            value_type::F64 => {
                self.skip(8)?;
                Val::Other
            }
            other => return Err(self.corrupt(format!("unknown metadata type {other}"))),
        })
    }

    /// Skips `n` strings. Vocabularies hold hundreds of thousands, so whole
    /// entries are stepped over inside the read buffer; an entry that
    /// straddles the buffer's end goes the slow way.
    fn skip_strings(&mut self, n: u64) -> Result<(), GgufError> {
        use std::io::BufRead;
        let mut left = n;
        while left > 0 {
            let buf = self.inner.fill_buf().map_err(|source| GgufError::Io {
                path: self.path.clone(),
                source,
            })?;
            let mut used = 0usize;
            let mut too_long = None;
            while left > 0 && used + 8 <= buf.len() {
                let mut len_bytes = [0u8; 8];
                len_bytes.copy_from_slice(&buf[used..used + 8]);
                let len = u64::from_le_bytes(len_bytes);
                if len > MAX_STRING {
                    too_long = Some(len);
                    break;
                }
                let end = used + 8 + len as usize;
                if end > buf.len() {
                    break;
                }
                used = end;
                left -= 1;
            }
            if let Some(len) = too_long {
                return Err(self.corrupt(format!("a string claims {len} bytes")));
            }
            if used == 0 {
                let len = self.string_len()?;
                self.skip(len)?;
                left -= 1;
                continue;
            }
            self.inner.consume(used);
            self.pos += used as u64;
        }
        Ok(())
    }

    fn skip_array(&mut self) -> Result<(), GgufError> {
        let elem = self.u32()?;
        let n = self.count()?;
        let width = match elem {
            value_type::U8 | value_type::I8 | value_type::BOOL => 1,
            value_type::U16 | value_type::I16 => 2,
            value_type::U32 | value_type::I32 | value_type::F32 => 4,
            value_type::U64 | value_type::I64 | value_type::F64 => 8,
            value_type::STRING => return self.skip_strings(n),
            value_type::ARRAY => {
                for _ in 0..n {
                    self.skip_array()?;
                }
                return Ok(());
            }
            other => return Err(self.corrupt(format!("unknown array type {other}"))),
        };
        self.skip(n.saturating_mul(width))
    }
}

/// Bytes of a tensor's data, from ggml's block size and block bytes per type.
fn tensor_bytes(ggml_type: u32, elements: u64) -> Option<u64> {
    let (block, bytes) = match ggml_type {
        0 => (1, 4),
        1 | 30 => (1, 2),
        2 | 20 => (32, 18),
        3 => (32, 20),
        6 => (32, 22),
        7 => (32, 24),
        8 => (32, 34),
        9 => (32, 36),
        10 => (256, 84),
        11 | 21 => (256, 110),
        12 => (256, 144),
        13 => (256, 176),
        14 => (256, 210),
        15 => (256, 292),
        16 => (256, 66),
        17 => (256, 74),
        18 => (256, 98),
        19 => (256, 50),
        22 => (256, 82),
        23 => (256, 136),
        24 => (1, 1),
        25 => (1, 2),
        26 => (1, 4),
        27 | 28 => (1, 8),
        29 => (256, 56),
        39 => (32, 17),
        _ => return None,
    };
    Some(elements.div_ceil(block) * bytes)
}

/// llama.cpp's `llama_ftype` names.
pub fn file_type_name(t: u64) -> String {
    let name = match t {
        0 => "F32",
        1 => "F16",
        2 => "Q4_0",
        3 => "Q4_1",
        7 => "Q8_0",
        8 => "Q5_0",
        9 => "Q5_1",
        10 => "Q2_K",
        11 => "Q3_K_S",
        12 => "Q3_K_M",
        13 => "Q3_K_L",
        14 => "Q4_K_S",
        15 => "Q4_K_M",
        16 => "Q5_K_S",
        17 => "Q5_K_M",
        18 => "Q6_K",
        19 => "IQ2_XXS",
        20 => "IQ2_XS",
        21 => "Q2_K_S",
        22 => "IQ3_XS",
        23 => "IQ3_XXS",
        24 => "IQ1_S",
        25 => "IQ4_NL",
        26 => "IQ3_S",
        27 => "IQ3_M",
        28 => "IQ2_S",
        29 => "IQ2_M",
        30 => "IQ4_XS",
        31 => "IQ1_M",
        32 => "BF16",
        36 => "TQ1_0",
        37 => "TQ2_0",
        38 => "MXFP4_MOE",
        _ => return format!("type {t}"),
    };
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gguf_bytes(truncate_data: bool) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&3u32.to_le_bytes());
        b.extend_from_slice(&1u64.to_le_bytes()); // tensors
        b.extend_from_slice(&2u64.to_le_bytes()); // kv
        let string = |b: &mut Vec<u8>, s: &str| {
            b.extend_from_slice(&(s.len() as u64).to_le_bytes());
            b.extend_from_slice(s.as_bytes());
        };
        string(&mut b, "general.architecture");
        b.extend_from_slice(&8u32.to_le_bytes());
        string(&mut b, "llama");
        string(&mut b, "llama.context_length");
        b.extend_from_slice(&4u32.to_le_bytes());
        b.extend_from_slice(&2048u32.to_le_bytes());
        string(&mut b, "token_embd.weight");
        b.extend_from_slice(&2u32.to_le_bytes());
        b.extend_from_slice(&8u64.to_le_bytes());
        b.extend_from_slice(&4u64.to_le_bytes());
        b.extend_from_slice(&0u32.to_le_bytes()); // F32
        b.extend_from_slice(&0u64.to_le_bytes());
        while b.len() % 32 != 0 {
            b.push(0);
        }
        let data = if truncate_data { 64 } else { 128 };
        b.extend(std::iter::repeat_n(0u8, data));
        b
    }

    fn write(bytes: &[u8]) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(bytes).unwrap();
        f
    }

    #[test]
    fn reads_metadata_and_counts_parameters() {
        let f = write(&gguf_bytes(false));
        let info = read_info(f.path()).unwrap();
        assert_eq!(info.architecture.as_deref(), Some("llama"));
        assert_eq!(info.context_length, Some(2048));
        assert_eq!(info.parameter_count, 32);
    }

    #[test]
    fn detects_truncated_data_and_header() {
        let f = write(&gguf_bytes(true));
        assert!(matches!(
            read_info(f.path()),
            Err(GgufError::Truncated { .. })
        ));
        let f = write(&gguf_bytes(false)[..40]);
        assert!(matches!(
            read_info(f.path()),
            Err(GgufError::Truncated { .. })
        ));
    }

    #[test]
    fn rejects_other_files() {
        let f = write(b"hello world, not a model");
        assert!(matches!(
            read_info(f.path()),
            Err(GgufError::NotGguf { .. })
        ));
    }
}
