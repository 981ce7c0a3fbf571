#!/usr/bin/env bash
# llama.cpp's Vulkan backend needs Vulkan headers 1.3.261 or newer
# (VK_EXT_layer_settings); Debian 12 and Ubuntu 22.04 ship older ones. This
# prints the include folder to build with: none when the system's headers
# are new enough, otherwise Debian 13's headers (libvulkan-dev and
# spirv-headers, unpacked, not installed) in ~/.cache/flashchat-vulkan-headers.
#
#   export CPATH="$(scripts/vulkan-headers.sh)"
set -euo pipefail

system=/usr/include/vulkan/vulkan_core.h
if [ -f "$system" ] && grep -q VK_EXT_layer_settings "$system"; then
    exit 0
fi
dir="${XDG_CACHE_HOME:-$HOME/.cache}/flashchat-vulkan-headers"
if ! grep -qs VK_EXT_layer_settings "$dir/usr/include/vulkan/vulkan_core.h"; then
    mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    echo "fetching Vulkan headers from Debian 13 (the system's are older than llama.cpp needs)" >&2
    curl -fsS -m 120 -o "$work/Packages.xz" "$mirror/dists/trixie/main/binary-amd64/Packages.xz"
    xz -d "$work/Packages.xz"
    mkdir -p "$dir"
    for package in libvulkan-dev spirv-headers; do
        file="$(awk -v p="$package" '$1 == "Package:" { hit = ($2 == p) } hit && $1 == "Filename:" { print $2; exit }' "$work/Packages")"
        [ -n "$file" ] || { echo "error: $package is not in Debian 13's package list" >&2; exit 1; }
        curl -fsS -m 300 -o "$work/$package.deb" "$mirror/$file"
        dpkg-deb -x "$work/$package.deb" "$dir"
    done
fi
echo "$dir/usr/include"
