#!/usr/bin/env bash
# The shape generator's browser half (issue 14; tests/shape_matrix.rs says
# what it measures): random report pages of both template versions in every
# content style, through real Chromium and pdftotext (tests/e2e/shapes.mjs:
# the clipboard copy, innerText, pdftotext -raw/-layout/plain of the
# printed PDF, the app's pdf.js text), each text checked and compared cell
# by cell with the page's truth.
#
#   bash scripts/shapegen.sh              a fresh batch, checked as strictly
#                                         as the committed fixtures
#   bash scripts/shapegen.sh --fixtures   rewrites tests/shapegen/fixtures
#                                         (fixed seed; the PDFs are not kept)
#
# SHAPEGEN_SEED picks the batch (random by default, printed, so a failing
# batch can be made again; 1000 for the fixtures), SHAPEGEN_PER the pages a
# version × style (2). When ../realworld is there (real reports with their
# ground truth, never committed), its HTML pages go through the same
# programs and are measured too (printed, not asserted).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"

if [ "${1:-}" = "--fixtures" ]; then
  pages=tests/shapegen/fixtures
  seed=${SHAPEGEN_SEED:-1000}
  per=${SHAPEGEN_PER:-2}
  rm -f "$pages"/*.html "$pages"/*.json "$pages"/*.txt "$pages"/*.pdf
  mkdir -p "$pages"
  out=$pages
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  pages=$work/pages
  out=$work/out
  mkdir -p "$pages"
  seed=${SHAPEGEN_SEED:-$(( (RANDOM << 15 | RANDOM) ))}
  per=${SHAPEGEN_PER:-2}
fi
echo "shapegen: seed $seed, $per page(s) a version × style (SHAPEGEN_SEED=$seed SHAPEGEN_PER=$per bash scripts/shapegen.sh ${1:-} makes it again)"

SHAPEGEN_WRITE=$pages SHAPEGEN_SEED=$seed SHAPEGEN_PER=$per \
  cargo test --locked --quiet --test shape_matrix write_batch -- --ignored >/dev/null

realworld=${NIANBAO_REALWORLD:-../realworld}
if [ "${1:-}" != "--fixtures" ]; then
  if [ -d "$realworld/truth" ]; then
    for truth in "$realworld"/truth/*.json; do
      slug=$(basename "$truth" .json)
      if [ -f "$realworld/reports/$slug.html" ]; then
        cp "$realworld/reports/$slug.html" "$pages/real-$slug.html"
        cp "$truth" "$pages/real-$slug.truth.json"
      fi
    done
  else
    echo "shapegen: $realworld not found: the real reports' pages are not measured (they are never committed)"
  fi
fi

node tests/e2e/shapes.mjs "$pages" "$out"

if [ "${1:-}" = "--fixtures" ]; then
  # (Chromium's PDFs embed their fonts, some 200 KB a page: measured by
  # the browser batch, not kept. The command line's PDF reading is tested
  # on ../shared/corpus/files in place.)
  rm -f "$pages"/*.pdf
  du -sh "$pages"
fi

SHAPEGEN_PAGES=$pages SHAPEGEN_OUTPUTS=$out \
  cargo test --locked --quiet --test shape_matrix batch_reads_back_or_says_why -- --ignored --nocapture
