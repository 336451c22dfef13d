#!/usr/bin/env bash
# Sets up, builds and runs the checker.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release   # the web app (src/app, feature ui) into dist/
echo "年报体检 / nianbao: http://127.0.0.1:8080/"
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory dist
