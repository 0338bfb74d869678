#!/usr/bin/env python3
"""Fits the weights of the gaps pair similarity (src/query/gaps/model.rs) by logistic
regression on candidate pairs labelled from a generator's truth.

For each seed folder DIR (as benches/gaps_chains.sh leaves them: DIR/index,
DIR/corpus-truth.json), run first

    QUORUM_GAP_PAIRS=DIR/pairs.tsv quorum gaps --index DIR/index --json > /dev/null

which writes every candidate pair with its components (DIR/pairs.tsv) and the proposals
(DIR/pairs.tsv.items). A pair is positive when both proposals are occurrences of one
planted chain (matched by source and text containment, as benches/gaps_eval.py does),
negative otherwise. Prints the weights in the order of the dump's columns, then the bias,
and how well they separate the pairs at probability 0.5.

    python3 benches/gaps_fit.py DIR [DIR ...] [--l2 X] [--drop NAME,NAME]

Standard library only (Newton's method on the log-likelihood with a small L2 penalty).
"""
import json, math, sys


def chain_of_items(d):
    truth = json.load(open(f"{d}/corpus-truth.json"))
    occ = {}
    for c in truth["chains"]:
        for o in c["occurrences"]:
            occ.setdefault(o["source"], []).append((o["text"].lower(), c["id"]))
    out = {}
    for line in open(f"{d}/pairs.tsv.items"):
        it = json.loads(line)
        t = it["text"].lower()
        for tt, cid in occ.get(it["source"], []):
            if tt in t or t in tt:
                out[it["i"]] = cid
                break
    return out


def load(d, keep):
    chain = chain_of_items(d)
    rows = []
    with open(f"{d}/pairs.tsv") as f:
        head = f.readline().rstrip("\n").split("\t")
        names = head[2:]
        for line in f:
            p = line.rstrip("\n").split("\t")
            a, b = int(p[0]), int(p[1])
            x = [float(v) for v in p[2:]]
            y = 1 if a in chain and chain.get(a) == chain.get(b) else 0
            rows.append(([x[k] for k in keep(names)], y))
    # positives the candidates miss: pairs of one chain never generated
    by_chain = {}
    for i, c in chain.items():
        by_chain.setdefault(c, []).append(i)
    possible = sum(len(v) * (len(v) - 1) // 2 for v in by_chain.values())
    return names, rows, possible


def solve(A, b):
    n = len(b)
    M = [A[i][:] + [b[i]] for i in range(n)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c]))
        M[c], M[p] = M[p], M[c]
        if abs(M[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c:
                f = M[r][c] / M[c][c]
                for k in range(c, n + 1):
                    M[r][k] -= f * M[c][k]
    return [M[i][n] / M[i][i] if abs(M[i][i]) > 1e-12 else 0.0 for i in range(n)]


def fit(rows, l2):
    k = len(rows[0][0]) + 1
    w = [0.0] * k
    for _ in range(30):
        g = [0.0] * k
        H = [[0.0] * k for _ in range(k)]
        for x, y in rows:
            xs = x + [1.0]
            z = sum(a * b for a, b in zip(w, xs))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            r = p * (1 - p)
            for i in range(k):
                g[i] += (p - y) * xs[i]
                for j in range(i, k):
                    H[i][j] += r * xs[i] * xs[j]
        for i in range(k):
            for j in range(i):
                H[i][j] = H[j][i]
            if i < k - 1:
                H[i][i] += l2
                g[i] += l2 * w[i]
        step = solve(H, g)
        w = [a - s for a, s in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def main():
    args = sys.argv[1:]
    l2, drop = 1.0, set()
    if "--l2" in args:
        i = args.index("--l2"); l2 = float(args[i + 1]); del args[i:i + 2]
    if "--drop" in args:
        i = args.index("--drop"); drop = set(args[i + 1].split(",")); del args[i:i + 2]
    keep = lambda names: [k for k, n in enumerate(names) if n not in drop]
    rows, possible, names = [], 0, None
    for d in args:
        names, r, pos = load(d, keep)
        rows += r; possible += pos
    kept = [names[k] for k in keep(names)]
    w = fit(rows, l2)
    npos = sum(y for _, y in rows)
    print(f"pairs {len(rows)}, positive {npos} of {possible} possible (candidates miss {possible - npos})")
    tp = fp = 0
    for x, y in rows:
        z = sum(a * b for a, b in zip(w, x + [1.0]))
        if z >= 0:
            tp += y; fp += 1 - y
    print(f"at 0.5: {tp} true and {fp} false links; pair recall {tp / max(npos, 1):.3f}")
    full = []
    for n in names:
        full.append(w[kept.index(n)] if n in kept else 0.0)
    for n, v in zip(names, full):
        print(f"  {n:>12} {v:+.4f}")
    print(f"  {'bias':>12} {w[-1]:+.4f}")
    print("QUORUM_GAP_WEIGHTS=" + ",".join(f"{v:.4f}" for v in full + [w[-1]]))


main()
