#!/usr/bin/env python3
"""Scores `quorum gaps --json` against a generator's ground truth (quorum-gen's
CORPUS-truth.json). A planted chain is found when one reported gap covers at least 2/3
of its occurrences with at least 2/3 purity (share of the gap's occurrences that belong
to the chain). Precision: reported gaps that find a chain / reported gaps. Status:
share of found chains whose status is right (any status string: open, addressed, decided).

When the truth also lists `routine` series (benches/gen_chains.py: yearly deadlines, the
call for session proposals), three fields are added: `routine` (series planted),
`routine_reported` (series of which an unlabelled gap holds 2 or more occurrences, i.e.
reported as an ordinary gap) and `status_by_truth` ({status: [right, found, planted]}).
A gap labelled routine (`"routine": true` or status `routine`) is then not an ordinary
gap: it neither counts in precision's denominator nor as reporting a routine series.

    python3 benches/gaps_eval.py GAPS.json TRUTH.json
"""
import json, sys

def key(o):
    return (o["source"], " ".join(o["text"].lower().split()))

def main():
    gaps = json.load(open(sys.argv[1]))["gaps"]
    doc = json.load(open(sys.argv[2]))
    truth = doc["chains"]
    routine = doc.get("routine")
    def labelled(g):
        return bool(g.get("routine")) or g.get("status") == "routine"
    if routine is not None:
        gaps = [g for g in gaps if not labelled(g)]
    def same(g, t):
        return g["source"] == t["source"] and (t["text"].lower() in g["text"].lower() or g["text"].lower() in t["text"].lower())
    found = 0; status_ok = 0; good_gaps = set(); by_status = {}
    for c in truth:
        best = None
        for gi, g in enumerate(gaps):
            cover = sum(1 for t in c["occurrences"] if any(same(o, t) for o in g["occurrences"]))
            pure = sum(1 for o in g["occurrences"] if any(same(o, t) for t in c["occurrences"]))
            if 3 * cover >= 2 * len(c["occurrences"]) and 3 * pure >= 2 * len(g["occurrences"]):
                best = (gi, g); break
        row = by_status.setdefault(c["status"], [0, 0, 0]); row[2] += 1
        if best:
            found += 1; good_gaps.add(best[0])
            status_ok += best[1]["status"] == c["status"]
            row[1] += 1; row[0] += best[1]["status"] == c["status"]
    recall = found / len(truth) if truth else 1.0
    precision = len(good_gaps) / len(gaps) if gaps else 1.0
    status = status_ok / found if found else 0.0
    out = {"chains": len(truth), "gaps": len(gaps), "found": found, "recall": round(recall, 3),
           "precision": round(precision, 3), "status_accuracy": round(status, 3)}
    if routine is not None:
        out["routine"] = len(routine)
        out["routine_reported"] = sum(
            1 for rt in routine
            if any(sum(1 for t in rt["occurrences"] if any(same(o, t) for o in g["occurrences"])) >= 2
                   for g in gaps))
        out["status_by_truth"] = {k: by_status[k] for k in sorted(by_status)}
    print(json.dumps(out))

main()
