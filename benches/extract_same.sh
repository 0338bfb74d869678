#!/usr/bin/env bash
# A performance change must not change what quorum reads: runs two quorum binaries on the
# same documents and corpus and says whether their outputs differ.
#
#   benches/extract_same.sh OLD_BIN NEW_BIN GEN_CORPUS [VAL_DIR]
#
# 1. `quorum extract FILE --json` of every file of corpus/igf, the train sets /work/train2/docs
#    and /work/train4/docs (each when it exists) and tests/fixtures (the .json answers
#    excepted): diffed, the differing files named.
# 2. VAL_DIR (the validation set): compared by `cmp` exit code only, only a count of
#    differing files printed (its outputs are never shown).
# 3. `quorum index GEN_CORPUS --threads 1` (a quorum-gen corpus, 500 meetings is enough;
#    one thread, so hits of equal score keep one order) by each binary, then search, proposals and themes JSON of each index, diffed.
# Exit code 0 when everything is identical.
set -uo pipefail
old=$(realpath "$1"); new=$(realpath "$2"); gen=$(realpath "$3"); val=${4:-}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
files() {
  for d in "$here/corpus/igf" /work/train2/docs /work/train4/docs "$here/tests/fixtures"; do
    [ -d "$d" ] && find "$d" -type f ! -name '*.json' ! -name '*.py' | sort
  done
}
n=0; bad=0
while read -r f; do
  n=$((n + 1))
  "$old" extract "$f" --json >"$work/a" 2>&1
  "$new" extract "$f" --json >"$work/b" 2>&1
  if ! cmp -s "$work/a" "$work/b"; then
    bad=$((bad + 1)); echo "extract differs: $f"; diff "$work/a" "$work/b" | head -10
  fi
done < <(files)
echo "extract (train): $n files, $bad differ"
[ "$bad" -eq 0 ] || status=1
if [ -n "$val" ]; then
  n=0; bad=0
  while read -r f; do
    n=$((n + 1))
    "$old" extract "$f" --json >"$work/a" 2>&1
    "$new" extract "$f" --json >"$work/b" 2>&1
    cmp -s "$work/a" "$work/b" || bad=$((bad + 1))
  done < <(find "$val" -type f | sort)
  echo "extract (validation, cmp only): $n files, $bad differ"
  [ "$bad" -eq 0 ] || status=1
fi
# strips timings from command output
strip() { sed -E 's/"(seconds|elapsed|elapsed_ms|ms|millis|took)": *[0-9.e+-]+/"\1": T/g'; }
for side in old new; do
  bin=${!side}
  ix="$work/ix-$side"; o="$work/out-$side"; mkdir -p "$o"
  "$bin" index "$gen" --index "$ix" --threads 1 >/dev/null 2>&1 || echo "index failed ($side)"
  i=0
  for q in "implementation gap" '"terms of reference"' "AI governance" "youth participation" \
           "capacity development" "review AND mandate" "hybrid meetings" "tracker"; do
    i=$((i + 1))
    "$bin" search "$q" --index "$ix" --json --limit 50 2>&1 | strip >"$o/search-$i"
  done
  "$bin" proposals --index "$ix" --json 2>&1 | strip >"$o/proposals"
  "$bin" themes --index "$ix" --json 2>&1 | strip >"$o/themes"
  for by in year quarter meeting; do
    "$bin" themes "AI governance" --by $by --index "$ix" --json 2>&1 | strip >"$o/themes-$by"
  done
done
if diff -r "$work/out-old" "$work/out-new" >"$work/d"; then
  echo "index of $(basename "$gen"): search, proposals, themes identical"
else
  echo "index of $(basename "$gen"): outputs differ"; cut -c1-300 "$work/d" | head -20; status=1
fi
exit $status
