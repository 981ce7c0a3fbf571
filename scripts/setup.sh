#!/usr/bin/env bash
# One command on a fresh machine: install build dependencies, build
# flashchat (release, native CPU kernels), fetch the demo model, and answer
# a prompt with it.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-build-deps.sh
cargo build --release --locked
model="$(scripts/fetch-test-model.sh)"
echo "built target/release/flashchat; demo model at $model" >&2
target/release/flashchat --model "$model" prompt "Once upon a time" -n 32 --temperature 0 --stats
