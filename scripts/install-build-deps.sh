#!/usr/bin/env bash
# Installs what building llama.cpp needs (cmake, clang/libclang for bindgen)
# and what the terminal tests drive flashchat with (tmux), when missing;
# with a GPU backend (vulkan, cuda, rocm, metal), also what that backend's
# build needs. Debian/Ubuntu via apt-get, macOS via Homebrew; elsewhere it
# says what to install.
#
#   scripts/install-build-deps.sh [cpu|vulkan|cuda|rocm|metal]
set -euo pipefail
cd "$(dirname "$0")/.."

backend="${1:-cpu}"
missing=()
has_package() { dpkg -s "$1" >/dev/null 2>&1; }
case "$(uname -s)" in
    Darwin)
        [ "$backend" = cpu ] || [ "$backend" = metal ] || {
            echo "error: on macOS flashchat builds for the CPU or Metal, not $backend" >&2; exit 2; }
        xcode-select -p >/dev/null 2>&1 || { echo "error: run xcode-select --install first (Apple's compilers and the Metal SDK)" >&2; exit 1; }
        command -v cmake >/dev/null || {
            command -v brew >/dev/null || { echo "error: install cmake (https://cmake.org or Homebrew)" >&2; exit 1; }
            brew install cmake >&2
        }
        exit 0 ;;
esac

command -v cmake >/dev/null || missing+=(cmake)
command -v clang >/dev/null || missing+=(clang)
command -v tmux >/dev/null || missing+=(tmux)
if ! ls /usr/lib/llvm-*/lib/libclang*.so* /usr/lib/x86_64-linux-gnu/libclang*.so* >/dev/null 2>&1 \
   && [ -z "${LIBCLANG_PATH:-}" ]; then
    missing+=(libclang-dev)
fi
case "$backend" in
    cpu) ;;
    vulkan)
        # The loader and headers, the shader compiler, and Mesa's drivers
        # (AMD and Intel GPUs, and lavapipe, Vulkan on the CPU); NVIDIA's
        # driver brings its own.
        for p in libvulkan-dev glslc spirv-headers mesa-vulkan-drivers vulkan-tools; do
            has_package "$p" || missing+=("$p")
        done ;;
    cuda)
        command -v nvcc >/dev/null || [ -x /usr/local/cuda/bin/nvcc ] || missing+=(nvidia-cuda-toolkit) ;;
    rocm)
        command -v hipcc >/dev/null || [ -x /opt/rocm/bin/hipcc ] || missing+=(hipcc libhipblas-dev librocblas-dev) ;;
    metal) echo "error: Metal builds need macOS" >&2; exit 2 ;;
    *) echo "error: unknown backend $backend (cpu, vulkan, cuda, rocm or metal)" >&2; exit 2 ;;
esac

if [ "${#missing[@]}" -gt 0 ]; then
    if ! command -v apt-get >/dev/null; then
        echo "error: install ${missing[*]} with your package manager, then run this again" >&2
        exit 1
    fi
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "error: need root or sudo to install ${missing[*]}" >&2; exit 1; }
        sudo="sudo"
    fi
    echo "installing build dependencies: ${missing[*]}" >&2
    $sudo apt-get update -qq >&2
    if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2; then
        case "$backend" in
            cuda) echo "hint: the CUDA toolkit is in Debian's contrib/non-free sections, or install it from https://developer.nvidia.com/cuda-downloads (nvcc on PATH)" >&2 ;;
            rocm) echo "hint: install ROCm's HIP SDK from https://rocm.docs.amd.com (hipcc, hipBLAS, rocBLAS)" >&2 ;;
        esac
        exit 1
    fi
fi
if [ "$backend" = vulkan ]; then
    scripts/vulkan-headers.sh >/dev/null
fi
