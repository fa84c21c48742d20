#!/usr/bin/env bash
# Installs every tool the build, demo and tests need, pinned, skipping what is already there:
# the wasm32 target, the wasm-bindgen CLI matching Cargo.lock, Debian's Chromium and
# ChromeDriver, and the npm dev tools (npm ci). Safe to run again. Used by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s\n' "$*"; }

step "Rust target wasm32-unknown-unknown"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

step "wasm-bindgen CLI matching Cargo.lock"
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  # Not --locked: its lock file wants a crate version the registry here lacks (toolchain.md).
  cargo install wasm-bindgen-cli --version "$want"
fi
wasm-bindgen --version

step "Chromium and ChromeDriver (Debian) for browser tests"
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver
fi
chromium --version

step "Node >= 20 and the dev tools (npm ci)"
node -e 'const [maj] = process.versions.node.split("."); if (+maj < 20) { console.error("Node >= 20 is required, found " + process.version); process.exit(1) }'
npm ci --no-audit --no-fund

