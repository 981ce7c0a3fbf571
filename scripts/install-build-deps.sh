#!/usr/bin/env bash
# Installs what building llama.cpp needs (cmake, clang/libclang for bindgen)
# and what the terminal tests drive flashchat with (tmux), when missing. Debian/Ubuntu via apt-get; elsewhere it says what to install.
set -euo pipefail

missing=()
command -v cmake >/dev/null || missing+=(cmake)
command -v clang >/dev/null || missing+=(clang)
command -v tmux >/dev/null || missing+=(tmux)
if ! ls /usr/lib/llvm-*/lib/libclang*.so* /usr/lib/x86_64-linux-gnu/libclang*.so* >/dev/null 2>&1 \
   && [ -z "${LIBCLANG_PATH:-}" ]; then
    missing+=(libclang-dev)
fi
[ "${#missing[@]}" -eq 0 ] && exit 0

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
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
