//! Where a benchmark ran: the CPU, what llama.cpp was built with, and which
//! llama.cpp it is. Recorded in every result so figures from different
//! machines or builds are never mistaken for a regression.

use std::ffi::CStr;

use crate::engine::system::system_info;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Machine {
    /// The CPU's model name, e.g. `AMD EPYC 7B13`.
    pub cpu: String,
    pub logical_cpus: usize,
    /// CPU features llama.cpp was compiled with and found on this CPU.
    pub cpu_features: Vec<String>,
    /// Compiled ggml backends (CPU, CUDA, Metal, ...).
    pub backends: Vec<String>,
    /// GPUs those backends found, e.g. `CUDA0: NVIDIA H100`.
    #[serde(default)]
    pub gpus: Vec<String>,
    pub os: String,
    pub arch: String,
}

impl Machine {
    pub fn this() -> Self {
        let info = system_info();
        Self {
            cpu: cpu_model().unwrap_or_else(|| "unknown".into()),
            logical_cpus: num_cpus::get(),
            cpu_features: info.cpu_features,
            backends: info.backends,
            gpus: gpu_devices(),
            os: std::env::consts::OS.into(),
            arch: std::env::consts::ARCH.into(),
        }
    }
}

/// The llama.cpp linked into flashchat.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LlamaCppBuild {
    /// llama.cpp's version string (its build number and commit when known).
    pub version: String,
    pub ggml_version: String,
    pub ggml_commit: String,
    /// The Rust binding crate that carries this copy of llama.cpp.
    pub binding: String,
}

impl LlamaCppBuild {
    pub fn this() -> Self {
        let text = |ptr| c_text(ptr).unwrap_or_else(|| "unknown".into());
        // SAFETY: these return static strings compiled into llama.cpp.
        unsafe {
            Self {
                version: text(llama_cpp_sys_2::llama_version()),
                ggml_version: text(llama_cpp_sys_2::ggml_version()),
                ggml_commit: text(llama_cpp_sys_2::ggml_commit()),
                binding: format!("llama-cpp-2 {LLAMA_CPP_2_VERSION}"),
            }
        }
    }
}

/// A NUL-terminated string owned by llama.cpp, copied; `None` for null.
fn c_text(ptr: *const std::os::raw::c_char) -> Option<String> {
    // SAFETY: callers pass null or a pointer to a static NUL-terminated
    // string owned by llama.cpp or ggml.
    (!ptr.is_null()).then(|| {
        unsafe { CStr::from_ptr(ptr) }
            .to_string_lossy()
            .into_owned()
    })
}

/// The GPU devices llama.cpp can offload to (none in a CPU-only build).
pub fn gpu_devices() -> Vec<String> {
    crate::engine::gpu::devices()
        .into_iter()
        .filter(crate::engine::gpu::Device::is_gpu)
        .map(|d| match d.description.is_empty() {
            true => d.name,
            false => format!("{}: {}", d.name, d.description),
        })
        .collect()
}

/// Kept equal to the exact version pinned in Cargo.toml.
const LLAMA_CPP_2_VERSION: &str = "0.1.160";

/// `model name` from /proc/cpuinfo on Linux, `machdep.cpu.brand_string`
/// on macOS.
fn cpu_model() -> Option<String> {
    if let Ok(text) = std::fs::read_to_string("/proc/cpuinfo") {
        return text
            .lines()
            .filter_map(|line| line.split_once(':'))
            .find(|(key, _)| matches!(key.trim(), "model name" | "Model" | "cpu model"))
            .map(|(_, value)| value.trim().to_string())
            .filter(|v| !v.is_empty());
    }
    let out = std::process::Command::new("sysctl")
        .args(["-n", "machdep.cpu.brand_string"])
        .output()
        .ok()?;
    let name = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_this_machine_and_build() {
        let m = Machine::this();
        assert!(m.logical_cpus >= 1);
        assert!(m.backends.iter().any(|b| b == "CPU"), "{:?}", m.backends);
        let build = LlamaCppBuild::this();
        assert!(!build.ggml_version.is_empty());
        assert!(build.binding.starts_with("llama-cpp-2 "));
    }

    #[test]
    fn binding_version_matches_the_pin() {
        let manifest = include_str!("../../Cargo.toml");
        assert!(
            manifest.contains(&format!(
                "llama-cpp-2 = {{ version = \"={LLAMA_CPP_2_VERSION}\""
            )),
            "update LLAMA_CPP_2_VERSION to the version pinned in Cargo.toml"
        );
    }
}
