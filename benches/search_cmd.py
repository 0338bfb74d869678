#!/usr/bin/env python3
"""The whole `quorum search` command against `rg -i -l -F` over the corpus, query by query,
each binary and rg run back to back (the machine is shared: only ratios from one run mean
anything). Prints one JSON line per binary: median wall ms over the queries, and rg's.

    python3 benches/search_cmd.py INDEX CORPUS QUERIES.jsonl N BIN [BIN...]

QUERIES.jsonl is `examples/bench queries CORPUS 200`; its first N queries are run.
"""
import json, statistics, subprocess, sys, time

index, corpus, queries, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
bins = sys.argv[5:]


def timed(cmd):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    return time.perf_counter() - t0, p


qs = [json.loads(l) for l in open(queries)][:n]
times = {b: [] for b in bins}
rg = []
for q in qs:
    for b in bins:
        secs, p = timed([b, "search", q["query"], "--index", index, "--limit", "10", "--json"])
        assert p.returncode in (0, 1), (b, q, p.stderr)
        times[b].append(secs)
    args = []
    for t in q["terms"]:
        args += ["-e", t]
    secs, _ = timed(["rg", "-i", "-l", "-F"] + args + [corpus])
    rg.append(secs)
rg_med = statistics.median(rg)
for b in bins:
    med = statistics.median(times[b])
    print(json.dumps({"bin": b, "queries": len(qs), "median_ms": round(med * 1000, 1),
                      "rg_median_ms": round(rg_med * 1000, 1), "rg_over_quorum": round(rg_med / med, 1)}))
