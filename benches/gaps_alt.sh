#!/usr/bin/env bash
# Scores `quorum gaps` on gen_alt corpora (benches/gen_alt.py) of 500 meetings, one per
# seed, and prints recall / precision / status right for each and their mean.
#
#   benches/gaps_alt.sh [SEED ...]      (default: seeds 1 to 6)
#
# Corpora and indexes go to ${WORK:-/tmp/quorum-gaps-alt}; a seed already there is reused.
# Uses target/release/quorum, or $QUORUM when set.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
quorum=${QUORUM:-$here/target/release/quorum}
work=${WORK:-/tmp/quorum-gaps-alt}
seeds=${*:-1 2 3 4 5 6}
generate() { python3 "$here/benches/gen_alt.py" "$1/corpus" 500 "$2" >/dev/null; }
. "$here/benches/gaps_score.sh"
# shellcheck disable=SC2086
score_seeds generate $seeds | summarise
