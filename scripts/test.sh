#!/usr/bin/env bash
# The whole test suite: formatting, lints, unit and end-to-end tests against
# the real model. Installs what it needs first. This is what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-build-deps.sh
FLASHCHAT_TEST_MODEL="$(scripts/fetch-test-model.sh)"
FLASHCHAT_TEST_INSTRUCT_MODEL="$(scripts/fetch-test-model.sh smollm2)"
FLASHCHAT_TEST_TEMPLATES="$(scripts/fetch-chat-templates.sh)"
# llama.cpp's own llama-embedding and llama-server, to check embeddings and
# upstream forwarding against (built once, a few minutes).
FLASHCHAT_TEST_LLAMA_TOOLS="$(scripts/bench/build-llama-cpp-tools.sh)"
# The reference MCP servers mcp-server-time (pip) and server-filesystem (npm).
FLASHCHAT_TEST_MCP="$(scripts/fetch-mcp-servers.sh)"
export FLASHCHAT_TEST_MODEL FLASHCHAT_TEST_INSTRUCT_MODEL FLASHCHAT_TEST_TEMPLATES FLASHCHAT_TEST_LLAMA_TOOLS FLASHCHAT_TEST_MCP

# The official openai and anthropic Python packages, to check the server
# against real clients, and jinja2, to render chat templates as
# transformers does; kept in a virtualenv of its own.
venv="${XDG_CACHE_HOME:-$HOME/.cache}/flashchat-test-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import openai, anthropic, jinja2" 2>/dev/null \
    || "$venv/bin/python" -m pip install --quiet --disable-pip-version-check openai anthropic jinja2
export FLASHCHAT_TEST_PYTHON="$venv/bin/python"

cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo test --locked
