#!/usr/bin/env bash
# End-to-end benchmark of quorum against the baselines a user would otherwise use, in one
# run on one generated corpus. Prints the figures and writes them to benches/last-run.json.
#
#   benches/run.sh [MEETINGS]        (default 50000; needs ripgrep for the rg comparison)
#
# 1. quorum index vs plain tantivy indexing of the same passage texts (examples/bench.rs)
# 2. quorum index --threads 1 vs --threads 2
# 3. in-process search latency p50/p99 over 200 mixed queries
# 4. the `quorum search` command vs `rg -i -l` for the same terms, median over the queries
# 5. peak RSS of quorum index; index size vs corpus size
# 6. re-index after one changed file, and after no change
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-50000}
WORK=${BENCH_DIR:-$(mktemp -d /tmp/quorum-bench.XXXX)}
cargo build --release -q --bin quorum --bin quorum-gen --example bench
Q=$PWD/target/release/quorum
G=$PWD/target/release/quorum-gen
B=$PWD/target/release/examples/bench
cd "$WORK"
secs() { local t0=$(date +%s.%N); "$@" >/dev/null 2>&1; echo "$(date +%s.%N) - $t0" | bc; }
[ -d corpus ] || "$G" corpus --meetings "$N" --seed 1
corpus_mb=$(du -sm corpus | cut -f1)
echo "corpus: $N meetings, ${corpus_mb} MB, in $WORK"
sync
rm -rf base ix1 ix2
base=$("$B" baseline corpus base 2 | sed 's/.*"seconds": \([0-9.]*\).*/\1/')
rss_kb=$( { /usr/bin/time -v "$Q" index corpus --index ix2 --threads 2 2>&1 >/dev/null; } | awk '/Maximum resident/ {print $6}')
full2=$(grep -o 'in [0-9.]*s' <("$Q" index corpus --index ix2 --rebuild --threads 2 2>&1) | tr -dc '0-9.')
full1=$(grep -o 'in [0-9.]*s' <("$Q" index corpus --index ix1 --threads 1 2>&1) | tr -dc '0-9.')
index_mb=$(du -sm ix2 | cut -f1)
"$B" queries corpus 200 > queries.jsonl
lat=$("$B" latency ix2 queries.jsonl)
# whole commands: quorum search vs rg -i -l over the same files for the same terms
qs=(); rs=()
while IFS= read -r line; do
  q=$(echo "$line" | python3 -c 'import json,sys; print(json.load(sys.stdin)["query"])')
  terms=$(echo "$line" | python3 -c 'import json,sys; print("\n".join(json.load(sys.stdin)["terms"]))')
  qs+=("$(secs "$Q" search "$q" --index ix2 --limit 10 --json)")
  args=(); while IFS= read -r t; do args+=(-e "$t"); done <<< "$terms"
  rs+=("$(secs rg -i -l -F "${args[@]}" corpus)")
done < <(head -n 200 queries.jsonl)
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
qmed=$(median "${qs[@]}"); rmed=$(median "${rs[@]}")
# re-index: nothing changed, then one file changed
none=$(grep -o 'in [0-9.]*s' <("$Q" index corpus --index ix2 2>&1) | tr -dc '0-9.')
f=$(find corpus -name '*.txt' | sort | head -n 1); echo "One more line about remote hubs." >> "$f"
one=$(grep -o 'in [0-9.]*s' <("$Q" index corpus --index ix2 2>&1) | tr -dc '0-9.')
none_wall=$(secs "$Q" index corpus --index ix2)
python3 - "$N" "$corpus_mb" "$base" "$full2" "$full1" "$rss_kb" "$index_mb" "$lat" "$qmed" "$rmed" "$none" "$one" "$none_wall" <<'PY' | tee "$OLDPWD/benches/last-run.json"
import json, sys
n, cmb, base, f2, f1, rss, imb, lat, qmed, rmed, none, one, none_wall = sys.argv[1:]
lat = json.loads(lat)
r = {"meetings": int(n), "corpus_mb": int(cmb), "baseline_index_s": float(base), "quorum_index_2threads_s": float(f2),
     "index_ratio_vs_baseline": round(float(f2) / float(base), 2), "quorum_index_1thread_s": float(f1),
     "speedup_2_threads": round(float(f1) / float(f2), 2), "peak_rss_mb": round(int(rss) / 1024), "index_mb": int(imb),
     "index_to_corpus": round(int(imb) / int(cmb), 2), "search_p50_ms": lat["p50_ms"], "search_p99_ms": lat["p99_ms"],
     "quorum_search_cmd_median_s": float(qmed), "rg_median_s": float(rmed), "rg_over_quorum": round(float(rmed) / float(qmed), 1),
     "reindex_no_change_s": float(none), "reindex_no_change_wall_s": float(none_wall), "reindex_one_change_s": float(one)}
print(json.dumps(r, indent=1))
PY
