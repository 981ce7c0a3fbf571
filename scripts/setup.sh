#!/usr/bin/env bash
# One command on a fresh machine: install build dependencies, build
# flashchat (release, native CPU kernels), fetch the demo model, and answer
# a prompt with it.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-build-deps.sh
cargo build --release --locked
model="$(scripts/fetch-test-model.sh smollm2)"
echo "built target/release/flashchat; demo model (SmolLM2-135M-Instruct) at $model" >&2
target/release/flashchat --model "$model" prompt "What is the capital of France?" -n 64 --temperature 0 --stats
