#!/usr/bin/env bash
# Runs every test: core (native), the core built for wasm32, the app and the
# embeddable builds, and the browser tests. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"   # wasm-opt 132 first

step() { printf '\n== %s\n' "$*"; }

step "style: cargo fmt --check; cargo clippy -D warnings (core, tests, CLI, the app)"
cargo fmt --check
cargo clippy --locked --all-targets --features html,files -- -D warnings
cargo clippy --locked --features ui --bin app -- -D warnings

step "core: cargo test"
cargo test --locked

step "core library builds for wasm32 with no web crates"
cargo build --locked --lib --target wasm32-unknown-unknown --no-default-features

step "CLI on the seed reports (the default build reads .html, .docx and .pdf too)"
cargo run --locked --quiet --bin nianbao -- check tests/fixtures >/dev/null || test $? -eq 1

step "fuzz: check(), the HTML, .docx and .pdf readers, bounded runs (cargo-fuzz, libFuzzer + ASan)"
# Stable rustc with RUSTC_BOOTSTRAP=1 accepts the sanitizer flags cargo-fuzz
# passes; no nightly toolchain is downloaded. Longer runs by hand: see README.
fuzz_run() {  # target runs max_len seed-dir...
  local target=$1 runs=$2 max_len=$3; shift 3
  local corpus; corpus=$(mktemp -d)
  local seeds=(); for d in "$@"; do [ -d "$d" ] && seeds+=("$d"); done
  if ! RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "$corpus" "${seeds[@]}" -- \
      -runs="$runs" -max_len="$max_len" -timeout=20 -print_final_stats=1 >"$corpus.log" 2>&1; then
    tail -60 "$corpus.log"; echo "fuzz $target: a crash or timeout (input saved under fuzz/artifacts/$target/)"; exit 1
  fi
  echo "fuzz $target: $(grep -E '^Done' "$corpus.log")"
  rm -rf "$corpus" "$corpus.log"
}
shared_seed() {  # a temporary folder with the given ../shared files, when ../shared is there
  local d; d=$(mktemp -d); cp "$@" "$d"/ 2>/dev/null || echo "(../shared/corpus not found: fuzzing without its seeds)" >&2; echo "$d"
}
fuzz_run check "${FUZZ_RUNS:-2000}" 16384 tests/fixtures
fuzz_run html "${FUZZ_RUNS_HTML:-300}" 400000 "$(shared_seed ../shared/corpus/html/*.html)"
fuzz_run docx "${FUZZ_RUNS:-2000}" 65536 "$(shared_seed ../shared/corpus/files/*.docx)"
fuzz_run pdf "${FUZZ_RUNS_PDF:-300}" 500000 "$(shared_seed ../shared/corpus/files/*.pdf)"

# --- app (issue 3) and embed (issue 4) steps are added below this line ---

# embed (issue 4): the JS/WASM API package, the single-file widget, their browser tests.
step "embed: wasm-pack build (feature wasm-api) into www/pkg"
wasm-pack build --target web --profile wasm-release --mode no-install --out-dir www/pkg --out-name nianbao -- --locked --no-default-features --features wasm-api
step "embed: single-file widget (www/dist)"
node scripts/build-single-file.mjs
step "embed: browser tests (tests/e2e/embed.mjs)"
cargo build --locked --quiet --bin nianbao   # the CLI whose JSON the tests expect
node tests/e2e/embed.mjs

# app (issue 3): the Leptos app (feature ui) built by Trunk into dist/, its
# unit tests, and its browser tests against dist/ served on 127.0.0.1.
step "app: unit tests (cargo test --features ui --bin app)"
cargo test --locked --features ui --bin app
step "app: trunk build --release into dist/"
trunk build --release
step "app: browser tests (tests/e2e/app.mjs)"
cargo build --locked --quiet --bin nianbao   # the CLI whose JSON the tests expect
app_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$app_port" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
app_server=$!
trap 'kill "$app_server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$app_port/" >/dev/null 2>&1 && break; sleep 0.1; done
node tests/e2e/app.mjs "http://127.0.0.1:$app_port/"
step "trust: injection payloads, size limits, binary input, no request off 127.0.0.1 (tests/e2e/trust.mjs; serves www/ itself)"
node tests/e2e/trust.mjs "http://127.0.0.1:$app_port/"
step "app: pasted HTML, .html/.docx/.pdf files (tests/e2e/inputs.mjs)"
node tests/e2e/inputs.mjs "http://127.0.0.1:$app_port/"
step "app: the 填报 mode: typing, pasting, marks, suggestions, exports read back by the CLI, reload (tests/e2e/author.mjs)"
node tests/e2e/author.mjs "http://127.0.0.1:$app_port/"

# batch (issue 17): the batch workers' checker (bin batch-checker, built by
# Trunk above), and the batch's browser tests against the same dist/.
step "batch: the workers' checker (cargo test --features worker --bin batch-checker)"
cargo test --locked --features worker --bin batch-checker
step "batch: many files, folders, the summary against the CLI, storage (tests/e2e/batch.mjs)"
cargo build --locked --quiet --features html,files --bin nianbao   # the CLI that reads .html and .docx
node tests/e2e/batch.mjs "http://127.0.0.1:$app_port/"
step "batch: year against year and the exports (data set, XLSX, feedback letters) against the CLI (tests/e2e/exports.mjs)"
node tests/e2e/exports.mjs "http://127.0.0.1:$app_port/"

# shapes (issue 14): random report pages of both template versions in every
# content style through real Chromium and pdftotext, each text read back cell
# by cell against its truth (the seed is printed; tests/shape_matrix.rs).
# Under CI one fixed batch, so that a run fails only for a change in this
# clone; on a developer's machine a fresh one each run, to find what no batch
# so far has shown (a failing seed is printed: make it a fixture or a gap).
if [ -n "${CI:-}" ]; then
  export SHAPEGEN_SEED=${SHAPEGEN_SEED:-986183542}
fi
step "shapes: a batch of random pages through Chromium, pdftotext and pdf.js (scripts/shapegen.sh)"
bash scripts/shapegen.sh

# size (issue 13): the builds above (www/pkg, dist/), gzip -9, printed
# against their budgets (the API package 100 KB, the app's first load 250 KB:
# not met yet, see docs/perf.md) and failing if either grew past the size
# recorded in scripts/size.sh (sizes are deterministic).
step "size: the API package and the app's first load, no larger than recorded (scripts/size.sh --no-build --ceiling)"
bash scripts/size.sh --no-build --ceiling
