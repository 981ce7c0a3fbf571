//! Offloading to GPUs: how many of a model's layers go to the GPU
//! (`gpu_layers`), which device leads (`main_gpu`) and how several share
//! the work (`split_mode`); and the devices this build of llama.cpp sees.
//! A build without a GPU backend (the default) sees only the CPU.

use llama_cpp_2::model::params::{LlamaModelParams, LlamaSplitMode};

/// How many layers are offloaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GpuLayers {
    /// As many as fit the devices' free memory (llama.cpp's own fitting).
    Auto,
    /// Every layer.
    All,
    /// This many; 0 runs on the CPU.
    Count(u32),
}

impl GpuLayers {
    /// `auto`, `all` or a whole number.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "auto" => Some(Self::Auto),
            "all" => Some(Self::All),
            n => n.parse().ok().map(Self::Count),
        }
    }

    pub fn describe(self) -> String {
        match self {
            Self::Auto => "auto".into(),
            Self::All => "all".into(),
            Self::Count(n) => n.to_string(),
        }
    }
}

/// How layers are shared between several GPUs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SplitMode {
    /// One GPU (`main_gpu`) holds everything offloaded.
    None,
    /// Whole layers (and their KV cache) spread over the GPUs.
    Layer,
    /// Layers split by rows, where the backend supports it.
    Row,
}

impl SplitMode {
    pub const NAMES: &'static [&'static str] = &["none", "layer", "row"];

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "none" => Some(Self::None),
            "layer" => Some(Self::Layer),
            "row" => Some(Self::Row),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Layer => "layer",
            Self::Row => "row",
        }
    }

    fn llama(self) -> LlamaSplitMode {
        match self {
            Self::None => LlamaSplitMode::None,
            Self::Layer => LlamaSplitMode::Layer,
            Self::Row => LlamaSplitMode::Row,
        }
    }
}

/// Where a model's layers run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct GpuOptions {
    pub layers: GpuLayers,
    pub main_gpu: u32,
    pub split_mode: SplitMode,
}

impl Default for GpuOptions {
    fn default() -> Self {
        Self {
            layers: GpuLayers::Auto,
            main_gpu: 0,
            split_mode: SplitMode::Layer,
        }
    }
}

impl GpuOptions {
    /// Everything on the CPU.
    pub fn cpu_only() -> Self {
        Self {
            layers: GpuLayers::Count(0),
            ..Self::default()
        }
    }

    /// Why these options cannot work on this machine, if they cannot.
    pub fn problem(&self, devices: &[Device]) -> Option<String> {
        let gpus = devices.iter().filter(|d| d.is_gpu()).count();
        (gpus > 0 && self.main_gpu as usize >= gpus).then(|| {
            format!(
                "main_gpu {} does not exist: this machine has {gpus} GPU{} (0 to {})",
                self.main_gpu,
                if gpus == 1 { "" } else { "s" },
                gpus - 1
            )
        })
    }

    /// `params` with these options. `Auto` leaves llama.cpp to decide
    /// (its default offloads every layer to a GPU when one is present);
    /// the engine fits the layers to free memory before that, see
    /// [`super::load::model`]. `0` gives the model no GPU at all: with
    /// its weights on the CPU llama.cpp would still send large batches to
    /// a GPU ("op offload"), and "runs on the CPU" must mean what it says.
    pub fn apply(&self, params: LlamaModelParams) -> Result<LlamaModelParams, String> {
        let params = params
            .with_main_gpu(self.main_gpu as i32)
            .with_split_mode(self.split_mode.llama());
        Ok(match self.layers {
            GpuLayers::Auto => params,
            GpuLayers::All => params.with_n_gpu_layers(u32::MAX),
            GpuLayers::Count(0) => params
                .with_n_gpu_layers(0)
                .with_devices(&[])
                .map_err(|e| e.to_string())?,
            GpuLayers::Count(n) => params.with_n_gpu_layers(n),
        })
    }
}

/// A device llama.cpp can run on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Device {
    /// `CPU`, `CUDA`, `Vulkan`, `Metal`…
    pub backend: String,
    /// `CUDA0`, `Vulkan0`…
    pub name: String,
    /// The hardware, e.g. "NVIDIA GeForce RTX 4090".
    pub description: String,
    pub memory_free: u64,
    pub memory_total: u64,
    /// A GPU (discrete or integrated), where layers can be offloaded.
    pub gpu: bool,
}

impl Device {
    pub fn is_gpu(&self) -> bool {
        self.gpu
    }
}

/// Every device this build sees (the CPU included).
pub fn devices() -> Vec<Device> {
    if super::worker::backend().is_err() {
        return Vec::new();
    }
    llama_cpp_2::list_llama_ggml_backend_devices()
        .into_iter()
        .map(|d| Device {
            backend: d.backend,
            name: d.name,
            description: d.description,
            memory_free: d.memory_free as u64,
            memory_total: d.memory_total as u64,
            gpu: matches!(
                d.device_type,
                llama_cpp_2::LlamaBackendDeviceType::Gpu
                    | llama_cpp_2::LlamaBackendDeviceType::IntegratedGpu
            ),
        })
        .collect()
}

/// The GPU backends this binary was built with.
pub fn compiled_backends() -> Vec<&'static str> {
    let mut backends = Vec::new();
    if cfg!(feature = "cuda") {
        backends.push("cuda");
    }
    if cfg!(feature = "vulkan") {
        backends.push("vulkan");
    }
    if cfg!(feature = "metal") {
        backends.push("metal");
    }
    if cfg!(feature = "rocm") {
        backends.push("rocm");
    }
    backends
}

#[cfg(test)]
mod tests {
    use super::*;

    fn device(backend: &str) -> Device {
        Device {
            backend: backend.into(),
            name: format!("{backend}0"),
            description: String::new(),
            memory_free: 0,
            memory_total: 0,
            gpu: backend != "CPU",
        }
    }

    #[test]
    fn layers_parse_and_main_gpu_must_exist() {
        assert_eq!(GpuLayers::parse("auto"), Some(GpuLayers::Auto));
        assert_eq!(GpuLayers::parse("all"), Some(GpuLayers::All));
        assert_eq!(GpuLayers::parse("12"), Some(GpuLayers::Count(12)));
        assert_eq!(GpuLayers::parse("-1"), None);
        assert_eq!(GpuLayers::parse("many"), None);
        let second = GpuOptions {
            main_gpu: 1,
            ..GpuOptions::default()
        };
        assert!(
            second.problem(&[device("CPU")]).is_none(),
            "no GPU: CPU only"
        );
        let one_gpu = [device("CPU"), device("Vulkan")];
        assert!(second
            .problem(&one_gpu)
            .unwrap()
            .contains("has 1 GPU (0 to 0)"));
        assert!(GpuOptions::default().problem(&one_gpu).is_none());
        for name in SplitMode::NAMES {
            assert_eq!(SplitMode::parse(name).unwrap().name(), *name);
        }
    }
}
