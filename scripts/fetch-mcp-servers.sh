#!/usr/bin/env bash
# Installs the reference MCP servers the tests drive (nobody here wrote
# them) into one folder and prints it (for FLASHCHAT_TEST_MCP):
#   venv/bin/mcp-server-time        the Python package mcp-server-time
#   node_modules/@modelcontextprotocol/server-filesystem (npm)
# Node.js and npm come from apt-get when missing (Debian/Ubuntu).
set -euo pipefail

dir="${XDG_CACHE_HOME:-$HOME/.cache}/flashchat-test-mcp"
time_version=2026.10.19
filesystem_version=2026.8.31
mkdir -p "$dir"
if [ ! -x "$dir/venv/bin/mcp-server-time" ]; then
    python3 -m venv "$dir/venv"
    "$dir/venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        "mcp-server-time==$time_version" >&2
fi
filesystem="$dir/node_modules/@modelcontextprotocol/server-filesystem/dist/index.js"
if [ ! -f "$filesystem" ]; then
    if ! command -v npm >/dev/null; then
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        echo "installing nodejs and npm" >&2
        $sudo apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >&2
    fi
    (cd "$dir" && npm install --silent --no-audit --no-fund \
        "@modelcontextprotocol/server-filesystem@$filesystem_version" >&2)
fi
echo "$dir"
