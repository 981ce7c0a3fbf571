#!/usr/bin/env bash
# Fetches the real chat templates that llama.cpp tests with (70 models'
# `.jinja` files in the llama-cpp-python source distribution's
# vendor/llama.cpp/models/templates), for comparing flashchat's template
# rendering with transformers'. Prints the folder; cached in
# ${XDG_CACHE_HOME:-~/.cache}/flashchat-chat-templates. Never copied into the repo.
set -euo pipefail

version="0.3.36"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/flashchat-chat-templates/$version"
if [ -f "$cache/.complete" ]; then
    echo "$cache"
    exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "fetching llama-cpp-python $version's chat templates" >&2
python3 -m pip download --quiet --disable-pip-version-check --no-binary :all: --no-deps \
    -d "$work" "llama-cpp-python==$version" >&2
tar -xzf "$work"/llama_cpp_python-*.tar.gz -C "$work" --wildcards '*/vendor/llama.cpp/models/templates/*.jinja'
mkdir -p "$cache"
cp "$work"/llama_cpp_python-*/vendor/llama.cpp/models/templates/*.jinja "$cache/"
touch "$cache/.complete"
echo "$cache"
