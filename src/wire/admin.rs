//! flashchat's own routes beside the OpenAI API: `/health` (read by
//! `status`, the daemon's start-up wait and model switches) and
//! `POST /admin/model` (switch the served model).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// `GET /health` once the first model is loaded (before that: 503 and an
/// error body).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Health {
    /// `ok`, or `loading` while a switch to another model is under way.
    pub status: String,
    /// The model served now.
    pub model: String,
    pub slots: u32,
    pub slots_busy: usize,
    pub queued: usize,
    pub requests_served: u64,
    /// The model a switch is loading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loading_model: Option<String>,
    /// Why the last switch failed (the old model kept serving).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub switch_error: Option<String>,
    /// Every model loaded or loading.
    #[serde(default)]
    pub models: Vec<LoadedModel>,
    /// The server's resident memory in bytes (Linux).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_bytes: Option<u64>,
    /// The loaded models' KV caches together, in bytes.
    #[serde(default)]
    pub kv_cache_bytes: u64,
    /// The GPUs this server's llama.cpp sees (none in a CPU-only build).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub devices: Vec<DeviceMemory>,
}

/// A GPU's memory, as its driver reports it (every process's use).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeviceMemory {
    /// `CUDA0`, `Vulkan0`…
    pub name: String,
    /// The hardware, e.g. "NVIDIA GeForce RTX 4090".
    #[serde(default)]
    pub description: String,
    pub memory_used_bytes: u64,
    pub memory_total_bytes: u64,
}

impl Health {
    pub const OK: &'static str = "ok";
    pub const LOADING: &'static str = "loading";
}

/// `POST /admin/model`.
#[derive(Debug, Serialize, Deserialize)]
pub struct SwitchRequest {
    /// The GGUF file to load, on the server's machine.
    pub path: PathBuf,
    /// The name clients will use; the file name without `.gguf` by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// `POST /admin/unload`.
#[derive(Debug, Serialize, Deserialize)]
pub struct UnloadRequest {
    pub model: String,
}

/// A model in `/health`'s list (what `flashchat ps` shows).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadedModel {
    pub name: String,
    /// `loaded` or `loading`.
    pub state: String,
    /// Requests without a model get this one.
    #[serde(default)]
    pub default: bool,
    #[serde(default)]
    pub slots: u32,
    #[serde(default)]
    pub slots_busy: usize,
    #[serde(default)]
    pub queued: usize,
    /// Seconds since its last request.
    #[serde(default)]
    pub idle_seconds: u64,
    /// Size of its weights file.
    #[serde(default)]
    pub size_bytes: u64,
    /// Its KV cache's memory, as llama.cpp allocated it (0: not known).
    #[serde(default)]
    pub kv_cache_bytes: u64,
    /// Layers on the GPU and the model's offloadable layers (absent in a
    /// CPU-only build).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offloaded_layers: Option<[u32; 2]>,
    /// Its buffers on the GPUs (weights, KV cache, compute), in bytes.
    #[serde(default)]
    pub device_memory_bytes: u64,
}

/// The 202 answer to a switch: loading has begun.
#[derive(Debug, Serialize, Deserialize)]
pub struct SwitchAccepted {
    pub status: String,
    pub model: String,
}
