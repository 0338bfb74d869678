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
bin=$here/target/release
work=${WORK:-/tmp/quorum-gaps-seeds}
seeds=${*:-71 73 79 83 89 97 101 103 107 109 113 127 131 137 139 149}
mkdir -p "$work"
for s in $seeds; do
  d=$work/s$s
  if [ ! -d "$d/index" ]; then
    "$bin/quorum-gen" "$d/corpus" --meetings 500 --seed "$s" >/dev/null 2>&1
    # From inside the seed's folder, so that sources read `corpus/...` as in the truth file.
    (cd "$d" && "$bin/quorum" index corpus --index index >/dev/null 2>&1)
  fi
  "$bin/quorum" gaps --index "$d/index" --json > "$d/gaps.json"
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
