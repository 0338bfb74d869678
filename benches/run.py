#!/usr/bin/env python3
"""End-to-end benchmark of quorum against the baselines a user would otherwise use, in one
run on one generated corpus. Prints the figures as JSON and writes benches/last-run.json.

    python3 benches/run.py [MEETINGS] [WORKDIR]     (default 50000, a temp folder)

1. quorum index vs plain tantivy indexing of the same passage texts (examples/bench.rs)
2. quorum index --threads 1 vs --threads 2
3. in-process search latency p50/p99 over 200 mixed queries (terms, phrases, filters)
4. the whole `quorum search` command vs `rg -i -l` for the same terms, median of 200
5. peak RSS of quorum index (GNU time); index size vs corpus size
6. re-index after no change, and after one changed file
Needs ripgrep (Debian: apt-get install ripgrep) and GNU time (/usr/bin/time).
"""
import json, os, re, shutil, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
n = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="quorum-bench.")
subprocess.run(["cargo", "build", "--release", "-q", "--bin", "quorum", "--bin", "quorum-gen", "--example", "bench"], cwd=root, check=True)
Q = os.path.join(root, "target/release/quorum")
G = os.path.join(root, "target/release/quorum-gen")
B = os.path.join(root, "target/release/examples/bench")
os.chdir(work)

def run(cmd, **kw):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    return time.perf_counter() - t0, p

def timed_index(ix, threads):
    shutil.rmtree(ix, ignore_errors=True)
    secs, p = run(["/usr/bin/time", "-v", Q, "index", "corpus", "--index", ix, "--threads", str(threads)])
    assert p.returncode == 0, p.stderr
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
    return secs, rss

def mb(path):
    return int(subprocess.run(["du", "-sm", path], capture_output=True, text=True).stdout.split()[0])

if not os.path.isdir("corpus"):
    run([G, "corpus", "--meetings", str(n), "--seed", "1"])
r = {"meetings": n, "corpus_mb": mb("corpus"), "workdir": work}
subprocess.run(["sync"])
shutil.rmtree("base", ignore_errors=True)
secs, p = run([B, "baseline", "corpus", "base", "2"])
r["baseline_index_s"] = round(secs, 1)
r["quorum_index_2threads_s"], rss2 = timed_index("ix2", 2)
r["quorum_index_1thread_s"], _ = timed_index("ix1", 1)
r["index_ratio_vs_baseline"] = round(r["quorum_index_2threads_s"] / r["baseline_index_s"], 2)
r["speedup_2_threads"] = round(r["quorum_index_1thread_s"] / r["quorum_index_2threads_s"], 2)
r["peak_rss_mb"] = round(rss2 / 1024)
r["index_mb"] = mb("ix2")
r["index_to_corpus"] = round(r["index_mb"] / r["corpus_mb"], 2)
shutil.rmtree("ix1", ignore_errors=True)
with open("queries.jsonl", "w") as f:
    subprocess.run([B, "queries", "corpus", "200"], stdout=f, check=True)
lat = json.loads(subprocess.run([B, "latency", "ix2", "queries.jsonl"], capture_output=True, text=True, check=True).stdout)
r["search_p50_ms"], r["search_p99_ms"] = lat["p50_ms"], lat["p99_ms"]
qs, rs = [], []
for line in open("queries.jsonl"):
    q = json.loads(line)
    secs, p = run([Q, "search", q["query"], "--index", "ix2", "--limit", "10", "--json"])
    assert p.returncode == 0, (q, p.stderr)
    qs.append(secs)
    args = []
    for t in q["terms"]:
        args += ["-e", t]
    secs, _ = run(["rg", "-i", "-l", "-F"] + args + ["corpus"])
    rs.append(secs)
r["quorum_search_cmd_median_ms"] = round(statistics.median(qs) * 1000, 1)
r["rg_median_ms"] = round(statistics.median(rs) * 1000, 1)
r["rg_over_quorum"] = round(statistics.median(rs) / statistics.median(qs), 1)
secs, p = run([Q, "index", "corpus", "--index", "ix2", "--json"])
r["reindex_no_change_s"] = round(secs, 2)
f = sorted(os.path.join(d, x) for d, _, fs in os.walk("corpus") for x in fs)[0]
with open(f, "a") as fh:
    fh.write("\nOne more line about remote hubs.\n")
secs, p = run([Q, "index", "corpus", "--index", "ix2", "--json"])
r["reindex_one_change_s"] = round(secs, 2)
r["reindex_one_change_report"] = json.loads(p.stdout)
print(json.dumps(r, indent=1))
with open(os.path.join(root, "benches/last-run.json"), "w") as fh:
    json.dump(r, fh, indent=1)
