//! A minimal GGUF v3 writer: metadata, tensor table and F32 tensor data.
//!
//! Only what the synthetic models need. Tensor data is streamed in chunks
//! from a caller's fill function, so a file of hundreds of megabytes never
//! sits in memory. The layout follows ggml's `docs/gguf.md`: header, key-value
//! pairs, tensor infos, padding to the alignment, then the data, each tensor
//! starting at a multiple of the alignment.

use std::io::{self, Write};

use crate::models::gguf::format::{value_type, DEFAULT_ALIGNMENT, MAGIC, VERSION};

/// `general.alignment`'s default; we do not write the key.
const ALIGNMENT: u64 = DEFAULT_ALIGNMENT;
/// Elements handed to the fill function at a time.
const CHUNK: usize = 1 << 16;
/// ggml's type id for F32 tensors.
const GGML_TYPE_F32: u32 = 0;

/// A metadata value, in the types the synthetic models use.
#[derive(Debug, Clone)]
pub(super) enum MetaValue {
    U32(u32),
    F32(f32),
    Bool(bool),
    Str(String),
    StrArray(Vec<String>),
    F32Array(Vec<f32>),
    I32Array(Vec<i32>),
}

/// One F32 tensor. `dims` are in ggml order: `dims[0]` is the length of a
/// contiguous row (numpy's last axis).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TensorInfo {
    pub name: String,
    pub dims: Vec<u64>,
}

impl TensorInfo {
    pub fn elements(&self) -> u64 {
        self.dims.iter().product()
    }

    fn bytes(&self) -> u64 {
        self.elements() * 4
    }
}

/// The contents of a GGUF file, minus the tensor data.
#[derive(Debug, Default)]
pub(super) struct GgufWriter {
    metadata: Vec<(String, MetaValue)>,
    tensors: Vec<TensorInfo>,
}

impl GgufWriter {
    pub fn meta(&mut self, key: &str, value: MetaValue) -> &mut Self {
        self.metadata.push((key.to_string(), value));
        self
    }

    pub fn tensor(&mut self, name: impl Into<String>, dims: &[u64]) -> &mut Self {
        self.tensors.push(TensorInfo {
            name: name.into(),
            dims: dims.to_vec(),
        });
        self
    }

    /// Writes the file. `fill(tensor, first, out)` fills `out` with the
    /// tensor's elements `first..first + out.len()`; it is called for every
    /// tensor in order, with `first` going up from 0.
    pub fn write<W, F>(&self, out: W, mut fill: F) -> io::Result<()>
    where
        W: Write,
        F: FnMut(&TensorInfo, u64, &mut [f32]),
    {
        let mut out = Counting { inner: out, at: 0 };
        self.write_header(&mut out)?;
        pad(&mut out)?;
        let mut values = vec![0f32; CHUNK];
        let mut bytes = Vec::with_capacity(CHUNK * 4);
        for tensor in &self.tensors {
            let total = tensor.elements();
            let mut first = 0u64;
            while first < total {
                let n = (total - first).min(CHUNK as u64) as usize;
                fill(tensor, first, &mut values[..n]);
                bytes.clear();
                bytes.extend(values[..n].iter().flat_map(|v| v.to_le_bytes()));
                out.write_all(&bytes)?;
                first += n as u64;
            }
            pad(&mut out)?;
        }
        out.flush()
    }

    fn write_header(&self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(MAGIC)?;
        out.write_all(&VERSION.to_le_bytes())?;
        out.write_all(&(self.tensors.len() as u64).to_le_bytes())?;
        out.write_all(&(self.metadata.len() as u64).to_le_bytes())?;
        for (key, value) in &self.metadata {
            string(out, key)?;
            write_value(out, value)?;
        }
        let mut offset = 0u64;
        for tensor in &self.tensors {
            string(out, &tensor.name)?;
            out.write_all(&(tensor.dims.len() as u32).to_le_bytes())?;
            for dim in &tensor.dims {
                out.write_all(&dim.to_le_bytes())?;
            }
            out.write_all(&GGML_TYPE_F32.to_le_bytes())?;
            out.write_all(&offset.to_le_bytes())?;
            offset += tensor.bytes().next_multiple_of(ALIGNMENT);
        }
        Ok(())
    }
}

fn write_value(out: &mut impl Write, value: &MetaValue) -> io::Result<()> {
    let array_header = |out: &mut dyn Write, ty: u32, len: usize| -> io::Result<()> {
        out.write_all(&value_type::ARRAY.to_le_bytes())?;
        out.write_all(&ty.to_le_bytes())?;
        out.write_all(&(len as u64).to_le_bytes())
    };
    match value {
        MetaValue::U32(v) => {
            out.write_all(&value_type::U32.to_le_bytes())?;
            out.write_all(&v.to_le_bytes())
        }
        MetaValue::F32(v) => {
            out.write_all(&value_type::F32.to_le_bytes())?;
            out.write_all(&v.to_le_bytes())
        }
        MetaValue::Bool(v) => {
            out.write_all(&value_type::BOOL.to_le_bytes())?;
            out.write_all(&[u8::from(*v)])
        }
        MetaValue::Str(s) => {
            out.write_all(&value_type::STRING.to_le_bytes())?;
            string(out, s)
        }
        MetaValue::StrArray(items) => {
            array_header(out, value_type::STRING, items.len())?;
            items.iter().try_for_each(|s| string(out, s))
        }
        MetaValue::F32Array(items) => {
            array_header(out, value_type::F32, items.len())?;
            items
                .iter()
                .try_for_each(|v| out.write_all(&v.to_le_bytes()))
        }
        MetaValue::I32Array(items) => {
            array_header(out, value_type::I32, items.len())?;
            items
                .iter()
                .try_for_each(|v| out.write_all(&v.to_le_bytes()))
        }
    }
}

fn string(out: &mut (impl Write + ?Sized), s: &str) -> io::Result<()> {
    out.write_all(&(s.len() as u64).to_le_bytes())?;
    out.write_all(s.as_bytes())
}

/// Zeros up to the next multiple of the alignment.
fn pad<W: Write>(out: &mut Counting<W>) -> io::Result<()> {
    let gap = out.at.next_multiple_of(ALIGNMENT) - out.at;
    out.write_all(&[0u8; ALIGNMENT as usize][..gap as usize])
}

/// A writer that knows how many bytes went through it, for the padding.
struct Counting<W> {
    inner: W,
    at: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.at += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::gguf::read_info;

    fn sample() -> GgufWriter {
        let mut w = GgufWriter::default();
        w.meta("general.architecture", MetaValue::Str("llama".into()))
            .meta("llama.context_length", MetaValue::U32(128))
            .meta("general.file_type", MetaValue::U32(0))
            .meta("x.eps", MetaValue::F32(1e-5))
            .meta("x.flag", MetaValue::Bool(true))
            .meta(
                "x.words",
                MetaValue::StrArray(vec!["a".into(), "bc".into()]),
            )
            .meta("x.scores", MetaValue::F32Array(vec![0.5, -1.0]))
            .meta("x.types", MetaValue::I32Array(vec![1, 6]))
            .tensor("odd", &[3])
            .tensor("matrix", &[8, 2]);
        w
    }

    #[test]
    fn our_reader_reads_what_we_write() {
        let file = tempfile::NamedTempFile::new().unwrap();
        sample()
            .write(file.as_file(), |t, first, out| {
                for (i, v) in out.iter_mut().enumerate() {
                    *v = (first + i as u64) as f32 + t.dims[0] as f32;
                }
            })
            .unwrap();
        let info = read_info(file.path()).unwrap();
        assert_eq!(info.version, 3);
        assert_eq!(info.architecture.as_deref(), Some("llama"));
        assert_eq!(info.context_length, Some(128));
        assert_eq!(info.quantization.as_deref(), Some("F32"));
        assert_eq!(info.tensor_count, 2);
        assert_eq!(info.parameter_count, 19);
    }

    #[test]
    fn tensor_data_is_aligned_and_in_order() {
        let mut bytes = Vec::new();
        sample()
            .write(&mut bytes, |t, first, out| {
                let base = if t.name == "odd" { 100.0 } else { 200.0 };
                for (i, v) in out.iter_mut().enumerate() {
                    *v = base + (first + i as u64) as f32;
                }
            })
            .unwrap();
        assert_eq!(bytes.len() as u64 % ALIGNMENT, 0);
        // The odd tensor (12 bytes) is padded to 32; the matrix (64 bytes)
        // follows it and ends the file.
        let matrix_start = bytes.len() - 64;
        let odd_start = matrix_start - 32;
        assert_eq!(odd_start as u64 % ALIGNMENT, 0);
        let f32_at = |at: usize| f32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
        assert_eq!(f32_at(odd_start), 100.0);
        assert_eq!(f32_at(odd_start + 8), 102.0);
        assert_eq!(&bytes[odd_start + 12..matrix_start], &[0u8; 20]);
        assert_eq!(f32_at(matrix_start), 200.0);
        assert_eq!(f32_at(matrix_start + 60), 215.0);
    }
}
