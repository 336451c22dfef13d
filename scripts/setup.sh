#!/usr/bin/env bash
# Installs what nianbao needs, skipping whatever is already there.
# Everything comes from the package registries (crates, npm, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK=0.21.14
WASM_BINDGEN=0.2.130   # must equal wasm-bindgen in Cargo.lock
WASM_PACK=0.15.1

step() { printf '== %s\n' "$*"; }

rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown \
  || { step "rust target wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown; }

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  step "chromium + chromedriver (Debian)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# pdftotext, for the PDF text shapes tests/e2e/shapes.mjs writes.
if ! command -v pdftotext >/dev/null; then
  step "pdftotext (Debian poppler-utils)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi

# A CJK font, so that the app's screenshot (tests/e2e/app.mjs) shows Chinese, not boxes.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  step "CJK font (Debian fonts-wqy-microhei)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei >/dev/null
fi

has() { command -v "$1" >/dev/null && "$1" --version 2>/dev/null | grep -q "$2"; }
pids=()
has trunk "$TRUNK" || { step "cargo install trunk $TRUNK"; cargo install --locked trunk --version "$TRUNK" & pids+=($!); }
# No --locked: its lockfile pins a crate the registry mirror lacks.
has wasm-bindgen "$WASM_BINDGEN" || { step "cargo install wasm-bindgen-cli $WASM_BINDGEN"; cargo install wasm-bindgen-cli --version "$WASM_BINDGEN" & pids+=($!); }
has wasm-pack "$WASM_PACK" || { step "cargo install wasm-pack $WASM_PACK"; cargo install --locked wasm-pack --version "$WASM_PACK" & pids+=($!); }
has cargo-fuzz "0.13" || { step "cargo install cargo-fuzz"; cargo install --locked cargo-fuzz --version 0.13.2 & pids+=($!); }
for p in "${pids[@]}"; do wait "$p"; done

# playwright-core (drives Debian's chromium), binaryen 132 (wasm-opt),
# typescript (checks the JS API's types), pdfjs-dist (the app's PDF
# reader: Trunk copies its build, CMaps and fonts into dist/pdfjs) and idb
# (the batch's IndexedDB wrapper, copied into dist/idb).
# Never Debian's binaryen 108: it breaks wasm-bindgen output at run time.
if [ ! -x tests/e2e/node_modules/.bin/wasm-opt ] || [ ! -d tests/e2e/node_modules/playwright-core ] \
  || [ ! -d tests/e2e/node_modules/typescript ] || [ ! -f tests/e2e/node_modules/pdfjs-dist/build/pdf.min.mjs ] \
  || [ ! -f tests/e2e/node_modules/idb/build/index.js ]; then
  step "npm install (tests/e2e, as package-lock.json pins)"
  # Not `npm ci`: the lock cannot list pdf.js's optional native canvas for
  # every platform (the registry mirror lacks some), which `npm ci` rejects;
  # `npm install` follows the lock and leaves it unchanged.
  (cd tests/e2e && npm install --no-audit --no-fund --loglevel=error)
fi

cargo fetch --locked >/dev/null 2>&1 || cargo fetch --locked
