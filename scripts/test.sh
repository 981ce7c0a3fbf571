#!/usr/bin/env bash
# The whole test suite: formatting, lints, unit and end-to-end tests against
# the real model. Installs what it needs first. This is what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-build-deps.sh
FLASHCHAT_TEST_MODEL="$(scripts/fetch-test-model.sh)"
export FLASHCHAT_TEST_MODEL

cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo test --locked
