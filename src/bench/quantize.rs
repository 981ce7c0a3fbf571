//! llama.cpp's own quantiser, so synthetic models carry exactly the tensor
//! types (and the per-tensor choices of a mix such as Q4_K_M) that a real
//! model quantised with `llama-quantize` would.

use std::ffi::CString;
use std::path::Path;

use std::path::PathBuf;

use super::quant::Quant;

#[derive(Debug, thiserror::Error)]
pub enum QuantizeError {
    #[error("{0} cannot be passed to llama.cpp (it is not UTF-8 or contains a NUL byte)")]
    Path(PathBuf),
    #[error(
        "llama.cpp could not quantise the synthetic model to {quant} (details in the engine log)"
    )]
    Failed { quant: Quant },
}

/// Quantises the GGUF at `input` into `output` (overwritten).
pub(super) fn quantize(input: &Path, output: &Path, quant: Quant) -> Result<(), QuantizeError> {
    let input_c = c_path(input)?;
    let output_c = c_path(output)?;
    // The quantiser logs every tensor, partly in lines split across calls
    // that the tracing bridge lets through to the terminal: silence it for
    // the call, then hand llama.cpp's log back to the bridge.
    // SAFETY: `discard` has the C signature llama.cpp expects and ignores
    // its arguments; a null user-data pointer is never dereferenced.
    unsafe { llama_cpp_sys_2::llama_log_set(Some(discard), std::ptr::null_mut()) };
    let result = run_quantizer(input, &input_c, &output_c, quant);
    llama_cpp_2::send_logs_to_tracing(llama_cpp_2::LogOptions::default());
    result
}

unsafe extern "C" fn discard(
    _level: llama_cpp_sys_2::ggml_log_level,
    _text: *const std::os::raw::c_char,
    _user_data: *mut std::os::raw::c_void,
) {
}

fn run_quantizer(
    input: &Path,
    input_c: &CString,
    output_c: &CString,
    quant: Quant,
) -> Result<(), QuantizeError> {
    // SAFETY: returns a plain struct by value; no pointers are involved.
    let mut params = unsafe { llama_cpp_sys_2::llama_model_quantize_default_params() };
    params.ftype = quant.ftype();
    // 0 lets llama.cpp use every core; the result does not depend on it.
    params.nthread = 0;
    // SAFETY: both paths are NUL-terminated strings that outlive the call,
    // and `params` is a valid, initialised parameter struct whose pointer
    // fields (imatrix, overrides) are the defaults' nulls.
    let rc = unsafe {
        llama_cpp_sys_2::llama_model_quantize(input_c.as_ptr(), output_c.as_ptr(), &params)
    };
    if rc == 0 {
        Ok(())
    } else {
        tracing::error!("llama_model_quantize returned {rc} for {}", input.display());
        Err(QuantizeError::Failed { quant })
    }
}

fn c_path(path: &Path) -> Result<CString, QuantizeError> {
    path.to_str()
        .and_then(|s| CString::new(s).ok())
        .ok_or_else(|| QuantizeError::Path(path.to_path_buf()))
}
