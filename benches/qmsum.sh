#!/usr/bin/env bash
# Search quality on QMSum: quorum's ranking, choice by choice, beside the plain BM25
# baseline of the shared scorer. Needs ../shared/qmsum and ../shared/tools.
# Usage: benches/qmsum.sh [--limit-queries N]
# QUORUM_BIN=path scores that binary instead of building target/release/quorum (so that
# building can go on during the run).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
[ -d "$shared/qmsum" ] || { echo "skipped: $shared/qmsum is absent"; exit 0; }
if [ -n "${QUORUM_BIN:-}" ]; then
    bin=$QUORUM_BIN
else
    cargo build --release -q
    bin=target/release/quorum
fi
index=$(mktemp -d)
trap 'rm -rf "$index"' EXIT
"$bin" index "$shared/qmsum/transcripts" --index "$index" 2>&1 | tail -1
run() {
    QUORUM_RANK="$2" python3 "$shared/tools/score_qmsum.py" --queries "$shared/qmsum/queries.jsonl" \
        --bin "$bin" --index "$index" "${@:3}" | tail -1 | sed "s/^/$1: /"
}
extra=("$@")
python3 "$shared/tools/score_qmsum.py" --queries "$shared/qmsum/queries.jsonl" --baseline "${extra[@]}" | tail -1
run "1 plain tantivy BM25 (text, section and speaker fields)" "meet=0,q=0,field=0.5" "${extra[@]}"
run "2 + question words dropped" "meet=0,q=1,field=0.5" "${extra[@]}"
run "3 + whole-meeting match (1.0)" "meet=1,q=1,field=0.5" "${extra[@]}"
run "4 + speaker and section boost 1.0 (default)" "" "${extra[@]}"
