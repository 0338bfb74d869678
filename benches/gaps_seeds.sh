#!/usr/bin/env bash
# Scores `quorum gaps` on quorum-gen corpora of 500 meetings, one per seed, and prints
# recall / precision / status right for each and their mean (see RESULTS.md, issue #6).
#
#   benches/gaps_seeds.sh [SEED ...]      (default: the 16 held-out seeds of session 10)
#
# Corpora and indexes go to ${WORK:-/tmp/quorum-gaps-seeds}; a seed already there is
# reused. Needs a release build (cargo build --release).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
quorum=${QUORUM:-$here/target/release/quorum}
work=${WORK:-/tmp/quorum-gaps-seeds}
seeds=${*:-71 73 79 83 89 97 101 103 107 109 113 127 131 137 139 149}
generate() { "$here/target/release/quorum-gen" "$1/corpus" --meetings 500 --seed "$2" >/dev/null 2>&1; }
. "$here/benches/gaps_score.sh"
# shellcheck disable=SC2086
score_seeds generate $seeds | summarise
