#!/usr/bin/env python3
"""Two quorum binaries on the same queries: CPU time of all their `quorum search` commands
(children rusage) and how many queries get the same top-10 hits and the same total.

    python3 benches/search_same.py INDEX QUERIES.jsonl OLD_BIN NEW_BIN
"""
import json, resource, subprocess, sys
idx, qf = sys.argv[1], sys.argv[2]; bins = sys.argv[3:]
qs = [json.loads(l) for l in open(qf)]
cpu = {b: 0.0 for b in bins}; hits = {b: [] for b in bins}
def ch():
    r = resource.getrusage(resource.RUSAGE_CHILDREN); return r.ru_utime + r.ru_stime
for q in qs:
    f = q["filters"]; extra = []
    if "from" in f: extra += ["--from", f["from"], "--to", f["to"]]
    if "kind" in f: extra += ["--kind", f["kind"]]
    for b in bins:
        t = ch()
        p = subprocess.run([b, "search", q["query"], "--index", idx, "--limit", "10", "--json"] + extra, capture_output=True, text=True)
        cpu[b] += ch() - t
        try:
            v = json.loads(p.stdout); hits[b].append(([(h["source"], h["line_start"]) for h in v["hits"]], v["total"]))
        except Exception:
            hits[b].append(None)
same = sum(1 for a, c in zip(hits[bins[0]], hits[bins[-1]]) if a and c and a[0] == c[0])
sametot = sum(1 for a, c in zip(hits[bins[0]], hits[bins[-1]]) if a and c and a[1] == c[1])
for b in bins: print(json.dumps({"bin": b, "queries": len(qs), "cpu_s": round(cpu[b], 2)}))
print(json.dumps({"same_hits": same, "same_total": sametot}))
