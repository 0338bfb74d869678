#!/usr/bin/env bash
# Runs every quorum command on the shipped corpus and on a generated corpus and writes each
# output to a file of OUT, so two builds can be compared with `diff -r OUT1 OUT2` (a change
# of layout must leave that diff empty).
#
#   scripts/behaviour-snapshot.sh BIN OUT [GEN_CORPUS]
#
# BIN is a quorum binary. GEN_CORPUS is a corpus written once by quorum-gen (for example
# `quorum-gen /tmp/snap-gen --meetings 500 --seed 7`); both runs must be given the same one.
# Timings are removed from the outputs; everything else must match byte for byte.
set -uo pipefail
bin=$(realpath "$1"); out=$2; gen=${3:-}
here=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$out"; mkdir -p "$out"
work=$(mktemp -d)
cp -r "$here/corpus" "$work/corpus"
cp -r "$here/tests/fixtures/extract" "$work/fixtures"
cd "$work"
strip() { sed -E "s#$work#WORK#g" | sed -E 's/[0-9]+(\.[0-9]+)?(ms|s)\b/T/g; s/"(seconds|elapsed|elapsed_ms|ms|millis|took)": *[0-9.e+-]+/"\1": T/g'; }
run() { # name, command...
  local name=$1; shift
  "$@" >"$out/$name.out" 2>"$out/$name.err"; echo "exit $?" >>"$out/$name.out"
  strip <"$out/$name.out" >"$out/$name.tmp" && mv "$out/$name.tmp" "$out/$name.out"
  strip <"$out/$name.err" >"$out/$name.tmp" && mv "$out/$name.tmp" "$out/$name.err"
}
snap() { # prefix, corpus, index
  local p=$1 c=$2 ix=$3
  run "$p-index" "$bin" index "$c" --index "$ix" --json --threads 1
  run "$p-index-again" "$bin" index "$c" --index "$ix"
  for q in "implementation gap" '"terms of reference"' "AI governance" "youth participation" \
           "language policy" "hybrid meetings" 'review AND mandate' "interpretation -remote" \
           "tracker" "capacity development"; do
    local n; n=$(echo "$q" | tr -c 'a-zA-Z0-9' '_')
    run "$p-search-$n" "$bin" search "$q" --index "$ix" --json --limit 20
    run "$p-search-$n-human" "$bin" search "$q" --index "$ix"
  done
  run "$p-search-filters" "$bin" search "review" --index "$ix" --json --from 2020-01-01 --to 2025-12-31 --kind summary
  run "$p-search-speaker" "$bin" search "implementation" --index "$ix" --json --speaker "Anriette Esterhuysen"
  run "$p-search-body" "$bin" search "strategy" --index "$ix" --json --body "Working Group on Strategy"
  run "$p-proposals" "$bin" proposals --index "$ix" --json
  run "$p-proposals-human" "$bin" proposals --index "$ix"
  run "$p-proposals-topic" "$bin" proposals --index "$ix" --topic '"terms of reference"' --json
  run "$p-themes" "$bin" themes --index "$ix" --json
  run "$p-themes-human" "$bin" themes --index "$ix"
  for by in year quarter meeting; do run "$p-themes-$by" "$bin" themes "AI governance" --by $by --index "$ix" --json; done
  run "$p-gaps" "$bin" gaps --index "$ix" --json
  run "$p-gaps-human" "$bin" gaps --index "$ix"
  run "$p-gaps-3" "$bin" gaps --index "$ix" --min-meetings 3 --json
  run "$p-report" "$bin" report --index "$ix" --html "$p-report.html"; mv "$p-report.html" "$out/"
  for e in quickwit opensearch; do
    run "$p-export-$e" "$bin" export --to "$e" --index "$ix" --out "$p-export-$e" --json
    for f in "$p-export-$e"/*; do strip <"$f" >"$out/$p-export-$e-$(basename "$f")"; done
  done
}
snap shipped corpus ix-shipped
for f in corpus/igf/*; do run "extract-$(basename "$f")" "$bin" extract "$f" --json; done
for f in fixtures/*; do
  case $f in *.json) continue;; esac
  run "extract-fixture-$(basename "$f")" "$bin" extract "$f" --json
done
if [ -n "$gen" ]; then
  snap gen "$gen" ix-gen
  for f in $(find "$gen" -type f -name '*.txt' | sort | head -40); do
    run "extract-gen-$(basename "$f")" "$bin" extract "$f" --json
  done
fi
cd /; rm -rf "$work"
echo "snapshot of $(ls "$out" | wc -l) files in $out"
