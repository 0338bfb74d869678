#!/usr/bin/env python3
"""Scores `quorum gaps --json` against a generator's ground truth (quorum-gen's
CORPUS-truth.json). A planted chain is found when one reported gap covers at least 2/3
of its occurrences with at least 2/3 purity (share of the gap's occurrences that belong
to the chain). Precision: reported gaps that find a chain / reported gaps. Status:
share of found chains whose status is right.

    python3 benches/gaps_eval.py GAPS.json TRUTH.json
"""
import json, sys

def key(o):
    return (o["source"], " ".join(o["text"].lower().split()))

def main():
    gaps = json.load(open(sys.argv[1]))["gaps"]
    truth = json.load(open(sys.argv[2]))["chains"]
    def same(g, t):
        return g["source"] == t["source"] and (t["text"].lower() in g["text"].lower() or g["text"].lower() in t["text"].lower())
    found = 0; status_ok = 0; good_gaps = set()
    for c in truth:
        best = None
        for gi, g in enumerate(gaps):
            cover = sum(1 for t in c["occurrences"] if any(same(o, t) for o in g["occurrences"]))
            pure = sum(1 for o in g["occurrences"] if any(same(o, t) for t in c["occurrences"]))
            if 3 * cover >= 2 * len(c["occurrences"]) and 3 * pure >= 2 * len(g["occurrences"]):
                best = (gi, g); break
        if best:
            found += 1; good_gaps.add(best[0])
            status_ok += best[1]["status"] == c["status"]
    recall = found / len(truth) if truth else 1.0
    precision = len(good_gaps) / len(gaps) if gaps else 1.0
    status = status_ok / found if found else 0.0
    print(json.dumps({"chains": len(truth), "gaps": len(gaps), "found": found, "recall": round(recall, 3),
                      "precision": round(precision, 3), "status_accuracy": round(status, 3)}))

main()
