#!/usr/bin/env python3
"""A bounded load test of `quorum serve`: N concurrent API searches on loopback.

    python3 benches/serve_load.py http://127.0.0.1:PORT [N] [ROUNDS] [QUERIES.jsonl]

Sends N searches at once (asyncio, one client thread), ROUNDS times, and prints p50/p99/max
of each round; first the same burst of `/api/status` (no query work: the machine's and
the HTTP stack's own cost), as the baseline. Only loopback addresses are accepted.

The searches are 12 queries over and over, as people ask the same things: the server
answers each once per index commit. With QUERIES.jsonl (`examples/bench queries`), they
are its queries and filters instead, each round with another `limit` (10, 11, ...), so
that no answer is ever asked twice: the cost of searches not answered before.
"""
import asyncio
import json
import sys
import time
import urllib.parse

QUERIES = ["implementation gap", "terms of reference", "remote participation", "AI governance",
           '"intersessional work"', "budget OR funding", "youth", "WSIS", "hybrid meeting",
           "capacity development", "best practice forums", "Global Digital Compact"]


async def one(host, port, path):
    t = time.perf_counter()
    r, w = await asyncio.open_connection(host, port)
    w.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
    await w.drain()
    data = await asyncio.wait_for(r.read(), 30)
    w.close()
    if not data.startswith(b"HTTP/1.1 200"):
        raise SystemExit(f"GET {path}: {data[:200]!r}")
    return (time.perf_counter() - t) * 1000


async def burst(host, port, paths):
    ms = sorted(await asyncio.gather(*[one(host, port, p) for p in paths]))
    n = len(ms)
    return ms[n // 2], ms[max(0, -(-n * 99 // 100) - 1)], ms[-1]


async def main():
    url = urllib.parse.urlparse(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    if url.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("loopback only")
    host, port = url.hostname, url.port
    if len(sys.argv) > 4:
        asked = [json.loads(line) for line in open(sys.argv[4])]
        asked = [dict({"q": a["query"]}, **a["filters"]) for a in asked]
        name = "distinct"
    else:
        asked = [{"q": q} for q in QUERIES]
        name = "search"

    def paths(r):
        limit = 10 + r if name == "distinct" else 10
        return [f"/api/search?{urllib.parse.urlencode(dict(asked[i % len(asked)], limit=limit))}"
                for i in range(n)]

    await burst(host, port, ["/api/status"] * 8)  # warm the connections
    if name == "search":
        await burst(host, port, paths(0)[:8])  # warm the caches
    for r in range(rounds):
        p50, p99, mx = await burst(host, port, ["/api/status"] * n)
        print(f"status n={n} round {r + 1}: p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {mx:.1f} ms")
    for r in range(rounds):
        p50, p99, mx = await burst(host, port, paths(r))
        print(f"{name} n={n} round {r + 1}: p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {mx:.1f} ms")


asyncio.run(main())
