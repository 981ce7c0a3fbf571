//! What this build of llama.cpp can do: compiled CPU features and backends.
//! Cheap to call; loads no model and initialises no backend.

use std::ffi::CStr;

#[derive(Debug, Clone, serde::Serialize)]
pub struct SystemInfo {
    /// CPU features llama.cpp was compiled with and found on this CPU (AVX2, FMA, ...).
    pub cpu_features: Vec<String>,
    /// Registered ggml backends (CPU, CUDA, Metal, ...).
    pub backends: Vec<String>,
}

pub fn system_info() -> SystemInfo {
    // SAFETY: llama_print_system_info returns a pointer to a static,
    // NUL-terminated buffer; it is copied before any other llama.cpp call.
    let text = unsafe {
        let ptr = llama_cpp_sys_2::llama_print_system_info();
        if ptr.is_null() {
            String::new()
        } else {
            CStr::from_ptr(ptr).to_string_lossy().into_owned()
        }
    };
    SystemInfo {
        cpu_features: enabled_features(&text),
        backends: backends(),
    }
}

/// `CPU : SSE3 = 1 | AVX = 1 | AVX512 = 0 |` -> `[SSE3, AVX]`.
fn enabled_features(text: &str) -> Vec<String> {
    text.split(['|', ':'])
        .filter_map(|part| part.split_once('='))
        .filter(|(_, value)| value.trim() == "1")
        .map(|(name, _)| name.trim().to_string())
        .collect()
}

fn backends() -> Vec<String> {
    // SAFETY: the registry is initialised on first use inside ggml and the
    // returned names are static strings owned by it.
    unsafe {
        (0..llama_cpp_sys_2::ggml_backend_reg_count())
            .filter_map(|i| {
                let reg = llama_cpp_sys_2::ggml_backend_reg_get(i);
                let name = llama_cpp_sys_2::ggml_backend_reg_name(reg);
                (!name.is_null()).then(|| CStr::from_ptr(name).to_string_lossy().into_owned())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::enabled_features;

    #[test]
    fn parses_llama_system_info() {
        let text = "CPU : SSE3 = 1 | AVX = 1 | AVX512 = 0 | OPENMP = 1 | ";
        assert_eq!(enabled_features(text), ["SSE3", "AVX", "OPENMP"]);
    }
}
