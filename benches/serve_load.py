#!/usr/bin/env python3
"""A bounded load test of `quorum serve`: N concurrent API searches on loopback.

    python3 benches/serve_load.py http://127.0.0.1:PORT [N] [ROUNDS]

Sends N searches at once (asyncio, one client thread), ROUNDS times, and prints p50/p99/max
of each round; first the same burst of `/api/status` (no query work: the machine's and
the HTTP stack's own cost), as the baseline. Only loopback addresses are accepted.
"""
import asyncio
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
    search = [f"/api/search?q={urllib.parse.quote_plus(QUERIES[i % len(QUERIES)])}&limit=10"
              for i in range(n)]
    await burst(host, port, search[:8])  # warm the caches
    for name, paths in (("status", ["/api/status"] * n), ("search", search)):
        for r in range(rounds):
            p50, p99, mx = await burst(host, port, paths)
            print(f"{name} n={n} round {r + 1}: p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {mx:.1f} ms")


asyncio.run(main())
