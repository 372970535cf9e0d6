#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build and test Headroom, and
# nothing it already has. Idempotent; safe to run again.
#   scripts/setup.sh            GNU GSL (libgsl-dev) for building
#   scripts/setup.sh --python   also the Python virtual environment (.venv) with
#                               duckdb, used by the analytics conformance tests
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  say "need root to run: $*"; exit 1; fi; }

if ! command -v swift >/dev/null 2>&1; then
  say "Swift 6.1 or newer is required and is not on PATH (install it from swift.org or your image);"
  say "everything else is installed by this script."
  exit 1
fi

apt_missing=()
pkg-config --exists gsl 2>/dev/null || apt_missing+=(libgsl-dev)
command -v pkg-config >/dev/null 2>&1 || apt_missing+=(pkg-config)
if [ "${1:-}" = "--python" ]; then
  python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || apt_missing+=(python3-venv)
fi
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "installing ${apt_missing[*]} with apt-get"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi

if [ "${1:-}" = "--python" ]; then
  if ! .venv/bin/python -c 'import duckdb' >/dev/null 2>&1; then
    say "creating .venv with duckdb"
    python3 -m venv .venv
    .venv/bin/pip install --quiet --disable-pip-version-check duckdb
  fi
fi
say "ready: $(swift --version 2>/dev/null | head -1 | sed 's/^.*Swift version/Swift/'), GSL $(pkg-config --modversion gsl)"
