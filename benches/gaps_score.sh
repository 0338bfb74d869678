# Sourced by gaps_seeds.sh, gaps_alt.sh and gaps_chains.sh: the loop they share. Expects
# $here (the repository), $quorum (the binary) and $work (where corpora go) to be set.

# score_seeds GENERATE SEED...: for each seed, `GENERATE DIR SEED` writes DIR/corpus and
# DIR/corpus-truth.json (once: a seed already indexed is reused), then `quorum gaps` is
# scored against the truth; prints "SEED {json of gaps_eval.py}" a line.
score_seeds() {
  local gen=$1 s d
  shift
  mkdir -p "$work"
  for s in "$@"; do
    d=$work/s$s
    if [ ! -d "$d/index" ]; then
      "$gen" "$d" "$s"
      # From inside the seed's folder, so that sources read `corpus/...` as in the truth file.
      (cd "$d" && "$quorum" index corpus --index index >/dev/null 2>&1)
    fi
    "$quorum" gaps --index "$d/index" --json > "$d/gaps.json"
    echo "$s $(python3 "$here/benches/gaps_eval.py" "$d/gaps.json" "$d/corpus-truth.json")"
  done
}

# summarise: reads score_seeds' lines; prints recall / precision / status right per seed
# and their mean.
summarise() {
  python3 -c '
import sys, json
rows = [(l.split(" ", 1)[0], json.loads(l.split(" ", 1)[1])) for l in sys.stdin]
for s, d in rows:
    r, p, st = d["recall"], d["precision"], d["status_accuracy"]
    print(f"seed {s:>4}  {r:.2f} / {p:.2f} / {st:.2f}")
k = len(rows)
m = [sum(d[f] for _, d in rows) / k for f in ("recall", "precision", "status_accuracy")]
print(f"mean over {k} seeds: {m[0]:.3f} / {m[1]:.3f} / {m[2]:.3f}")'
}
