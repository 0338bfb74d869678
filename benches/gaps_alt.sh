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
mkdir -p "$work"
for s in $seeds; do
  d=$work/s$s
  if [ ! -d "$d/index" ]; then
    python3 "$here/benches/gen_alt.py" "$d/corpus" 500 "$s" >/dev/null
    # From inside the seed's folder, so that sources read `corpus/...` as in the truth file.
    (cd "$d" && "$quorum" index corpus --index index >/dev/null 2>&1)
  fi
  "$quorum" gaps --index "$d/index" --json > "$d/gaps.json"
  echo "$s $(python3 "$here/benches/gaps_eval.py" "$d/gaps.json" "$d/corpus-truth.json")"
done | python3 -c '
import sys, json
rows = [(l.split(" ", 1)[0], json.loads(l.split(" ", 1)[1])) for l in sys.stdin]
for s, d in rows:
    r, p, st = d["recall"], d["precision"], d["status_accuracy"]
    print(f"seed {s:>4}  {r:.2f} / {p:.2f} / {st:.2f}")
k = len(rows)
m = [sum(d[f] for _, d in rows) / k for f in ("recall", "precision", "status_accuracy")]
print(f"mean over {k} seeds: {m[0]:.3f} / {m[1]:.3f} / {m[2]:.3f}")'
