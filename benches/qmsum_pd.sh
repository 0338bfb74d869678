#!/usr/bin/env bash
# Proposals and decisions on real speech (issue #22): of the QMSum questions that ask what
# was proposed, suggested, recommended, decided or agreed, the share whose annotated lines
# hold a proposal or decision of `quorum extract`, beside random placement of the same count.
# train is the set the clause model was fitted on; val is validation (scored, misses never read).
# Needs ../shared/qmsum and ../shared/tools; skips with a message without them.
# QUORUM_BIN=path scores that binary instead of building target/release/quorum.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
if [ ! -d "$shared/qmsum" ] || [ ! -f "$shared/tools/score_qmsum_pd.py" ]; then
    echo "skipped: $shared/qmsum or $shared/tools/score_qmsum_pd.py is absent"
    exit 0
fi
if [ -n "${QUORUM_BIN:-}" ]; then
    bin=$QUORUM_BIN
else
    cargo build --release -q
    bin=target/release/quorum
fi
for split in train val; do
    python3 "$shared/tools/score_qmsum_pd.py" "$bin" "$shared/qmsum/queries.jsonl" "$shared/qmsum" "$split" |
        sed "s/^/$split: /"
done
