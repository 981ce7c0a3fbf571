#!/usr/bin/env bash
# Builds llama.cpp's own llama-bench, llama-server and llama-embedding,
# with native CPU flags, for comparing flashchat against them (and for the
# tests that check flashchat's embeddings and its llama-server upstreams). llama.cpp's full source tree
# is taken from the llama-cpp-python source distribution on the Python
# package index (the Rust crate's copy has no tools). Prints the folder
# holding the binaries; cached in ${XDG_CACHE_HOME:-~/.cache}/flashchat-llama-tools.
set -euo pipefail

version="0.3.36"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/flashchat-llama-tools"
tools="llama-bench llama-server llama-embedding llama-completion"
built=yes
for tool in $tools; do [ -x "$cache/$tool" ] || built=no; done
if [ "$built" = yes ]; then
    echo "$cache"
    exit 0
fi
mkdir -p "$cache"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "building $tools from llama-cpp-python $version (a few minutes)" >&2
python3 -m pip download --quiet --no-binary :all: --no-deps -d "$work" \
    "llama-cpp-python==$version" >&2
tar -xzf "$work"/llama_cpp_python-*.tar.gz -C "$work"
src="$(echo "$work"/llama_cpp_python-*/vendor/llama.cpp)"
# Without AMX, as flashchat builds it (.cargo/config.toml): llama.cpp's AMX
# kernels crash on CPUs that have it (ggml-org/llama.cpp#26954).
no_amx=""
[ "$(uname -m)" = x86_64 ] && no_amx="-mno-amx-tile -mno-amx-int8 -mno-amx-bf16"
cmake -S "$src" -B "$src/build" -DCMAKE_BUILD_TYPE=Release -DGGML_NATIVE=ON \
    -DCMAKE_C_FLAGS="$no_amx" -DCMAKE_CXX_FLAGS="$no_amx" \
    -DBUILD_SHARED_LIBS=OFF -DLLAMA_CURL=OFF -DLLAMA_BUILD_TESTS=OFF \
    -DLLAMA_BUILD_EXAMPLES=ON >&2
# shellcheck disable=SC2086
cmake --build "$src/build" --target $tools -j "$(nproc)" >&2
for tool in $tools; do cp "$src/build/bin/$tool" "$cache/"; done
echo "$cache"
