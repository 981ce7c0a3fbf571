//! What llama.cpp says it allocated while loading a model and creating its
//! context: the KV cache's size, how many layers went to the GPU and the
//! bytes of each buffer (weights, KV cache, compute) per device. llama.cpp
//! has no call that returns these figures; its log lines are where it says,
//! so a tracing layer reads them for the thread that loads.

use std::cell::RefCell;
use std::collections::BTreeMap;

use super::gpu::Device;

/// The figures llama.cpp reported on one thread.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Allocation {
    /// The KV cache (every cache: Gemma's full and sliding-window layers
    /// have one each).
    pub kv_cache_bytes: u64,
    /// Layers offloaded to the GPU, of the model's offloadable layers;
    /// `None` in a build without a GPU backend.
    pub offloaded_layers: Option<(u32, u32)>,
    /// Bytes per buffer name (`CPU_Mapped`, `Vulkan0`, `CUDA_Host`…),
    /// weights, KV cache, compute and output buffers together.
    pub buffers: BTreeMap<String, u64>,
}

impl Allocation {
    /// Bytes held on each GPU device, by device name (`Vulkan0`).
    pub fn on_devices(&self, devices: &[Device]) -> Vec<(String, u64)> {
        devices
            .iter()
            .filter(|d| d.is_gpu())
            .filter_map(|d| Some((d.name.clone(), *self.buffers.get(&d.name)?)))
            .collect()
    }

    fn hear(&mut self, module: &str, message: &str) {
        // llama-cpp-2 names the module after the C function ("llama.cpp::
        // llama_kv_cache"; "ggml::…" once llama.cpp's fitting has swapped
        // the loggers, which may also leave the function in the message).
        let message = without_function(message.trim());
        if module.ends_with("::llama_kv_cache") {
            if let Some(bytes) = message.strip_prefix("size =").and_then(mib) {
                self.kv_cache_bytes += bytes;
                return;
            }
        }
        if let Some((name, bytes)) = buffer(message) {
            *self.buffers.entry(name).or_default() += bytes;
        } else if let Some(layers) = offloaded(message) {
            self.offloaded_layers = Some(layers);
        }
    }
}

thread_local! {
    static HEARD: RefCell<Allocation> = RefCell::new(Allocation::default());
}

/// What llama.cpp reported on this thread since the last call (nothing
/// when its log is not being listened to).
pub fn take() -> Allocation {
    HEARD.with(|heard| heard.take())
}

/// The bytes of "  12.00 MiB …".
fn mib(text: &str) -> Option<u64> {
    let mib: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some((mib * 1024.0 * 1024.0) as u64)
}

/// "load_tensors: offloaded …" → "offloaded …".
fn without_function(message: &str) -> &str {
    match message.split_once(": ") {
        Some((function, rest)) if !function.contains(' ') => rest.trim_start(),
        _ => message,
    }
}

/// "Vulkan0 model buffer size = 120.00 MiB" (also KV, compute, output).
fn buffer(message: &str) -> Option<(String, u64)> {
    let (what, size) = message.split_once(" buffer size =")?;
    let name = what.split_whitespace().rev().nth(1)?;
    Some((name.to_string(), mib(size)?))
}

/// "offloaded 19/19 layers to GPU".
fn offloaded(message: &str) -> Option<(u32, u32)> {
    let counts = message
        .strip_prefix("offloaded ")?
        .strip_suffix(" layers to GPU")?;
    let (layers, of) = counts.split_once('/')?;
    Some((layers.parse().ok()?, of.parse().ok()?))
}

/// The tracing layer that hears llama.cpp's lines (install it filtered to
/// llama-cpp-2's information events).
pub struct LoadReport;

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for LoadReport {
    fn on_event(&self, event: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        #[derive(Default)]
        struct Fields {
            module: String,
            message: String,
        }
        impl tracing::field::Visit for Fields {
            fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
                match field.name() {
                    "module" => self.module = value.to_string(),
                    "message" => self.message = value.to_string(),
                    _ => {}
                }
            }
            fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
                self.record_str(field, &format!("{value:?}"));
            }
        }
        let mut fields = Fields::default();
        event.record(&mut fields);
        HEARD.with(|heard| heard.borrow_mut().hear(&fields.module, &fields.message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heard(lines: &[(&str, &str)]) -> Allocation {
        let mut allocation = Allocation::default();
        for (module, message) in lines {
            allocation.hear(module, message);
        }
        allocation
    }

    #[test]
    fn llama_cpp_lines_are_read() {
        let kv = "size =   12.00 MiB (  4096 cells,   3 layers,  1/1 seqs), K (f16):    6.00 MiB";
        let allocation = heard(&[
            ("llama.cpp::llama_kv_cache", kv),
            (
                "llama.cpp::llama_kv_cache",
                " size =    4.00 MiB (  1024 cells)",
            ),
            ("llama.cpp::llama_context", kv),
            ("ggml::llama_kv_cache", kv),
            (
                "llama.cpp::load_tensors",
                "offloading 18 repeating layers to GPU",
            ),
            ("llama.cpp::load_tensors", "offloaded 19/19 layers to GPU"),
            (
                "llama.cpp::load_tensors",
                "     Vulkan0 model buffer size =   120.50 MiB",
            ),
            (
                "ggml::load_tensors",
                "load_from_file:   CPU_Mapped model buffer size =    80.00 MiB",
            ),
            (
                "llama.cpp::llama_kv_cache",
                "   Vulkan0 KV buffer size =    16.00 MiB",
            ),
            (
                "llama.cpp::sched_reserve",
                "   Vulkan0 compute buffer size =     2.00 MiB",
            ),
        ]);
        assert_eq!(allocation.kv_cache_bytes, 28 << 20);
        assert_eq!(allocation.offloaded_layers, Some((19, 19)));
        assert_eq!(
            allocation.buffers["Vulkan0"],
            (120.5 * 1048576.0) as u64 + (18 << 20)
        );
        assert_eq!(allocation.buffers["CPU_Mapped"], 80 << 20);
        let devices = [
            Device {
                backend: "Vulkan".into(),
                name: "Vulkan0".into(),
                description: String::new(),
                memory_free: 0,
                memory_total: 0,
                gpu: true,
            },
            Device {
                backend: "CPU".into(),
                name: "CPU".into(),
                description: String::new(),
                memory_free: 0,
                memory_total: 0,
                gpu: false,
            },
        ];
        assert_eq!(
            allocation.on_devices(&devices),
            vec![("Vulkan0".to_string(), allocation.buffers["Vulkan0"])]
        );
        assert_eq!(heard(&[]).offloaded_layers, None);
    }
}
