#!/usr/bin/env bash
# Scores `quorum gaps` on gen_chains corpora (benches/gen_chains.py, a generator written
# apart from quorum-gen and the gap rules; issue #23) of 500 meetings, one per seed, and
# prints recall / precision / status right for each, the routine series reported as
# ordinary gaps, and the means (see RESULTS.md, "gen_chains: a generator written apart").
#
#   benches/gaps_chains.sh [SEED ...]      (default: seeds 1 2 3)
#
# Corpora and indexes go to ${WORK:-/tmp/quorum-gaps-chains}; a seed already there is
# reused. Uses target/release/quorum, or $QUORUM when set.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
quorum=${QUORUM:-$here/target/release/quorum}
work=${WORK:-/tmp/quorum-gaps-chains}
seeds=${*:-1 2 3}
generate() { python3 "$here/benches/gen_chains.py" "$1/corpus" --meetings 500 --seed "$2" >/dev/null; }
. "$here/benches/gaps_score.sh"
# shellcheck disable=SC2086
score_seeds generate $seeds | python3 -c '
import sys, json
rows = [(l.split(" ", 1)[0], json.loads(l.split(" ", 1)[1])) for l in sys.stdin]
for s, d in rows:
    r, p, st = d["recall"], d["precision"], d["status_accuracy"]
    c, g, rr, rt, bs = d["chains"], d["gaps"], d.get("routine_reported", 0), d.get("routine", 0), d.get("status_by_truth")
    print(f"seed {s:>4}  {r:.2f} / {p:.2f} / {st:.2f}   chains {c}, gaps {g}, routine reported {rr}/{rt}, by status {bs}")
k = len(rows)
m = [sum(d[f] for _, d in rows) / k for f in ("recall", "precision", "status_accuracy")]
print(f"mean over {k} seeds: {m[0]:.3f} / {m[1]:.3f} / {m[2]:.3f}")'
