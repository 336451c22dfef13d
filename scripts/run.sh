#!/usr/bin/env bash
# Sets up, builds and runs the checker.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo run --locked --quiet --bin nianbao -- check tests/fixtures || true
