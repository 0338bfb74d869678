#!/usr/bin/env python3
"""How many planted proposals of a gen_chains truth file `quorum proposals` finds: an
occurrence is found when a reported proposal has the same source and one text contains
the other (case folded, as benches/gaps_eval.py matches gap occurrences). Also reports
whether the speaker is the planted one.

    quorum proposals --index DIR --json > proposals.json
    python3 benches/chains_coverage.py proposals.json CORPUS-truth.json
"""
import json, sys

def norm(s):
    return " ".join(s.lower().split())

def main():
    props = json.load(open(sys.argv[1]))["proposals"]
    truth = json.load(open(sys.argv[2]))
    by_source = {}
    for p in props:
        by_source.setdefault(p["source"], []).append(p)
    def find(t):
        tt = norm(t["text"])
        for p in by_source.get(t["source"], []):
            pt = norm(p["text"])
            if tt in pt or pt in tt:
                return p
        return None
    out = {"proposals_reported": len(props)}
    groups = {"chain_occurrences": [o for c in truth["chains"] for o in c["occurrences"]],
              "one_offs": truth.get("one_offs", []),
              "routine_occurrences": [o for r in truth.get("routine", []) for o in r["occurrences"]]}
    for name, occs in groups.items():
        hits = [(t, find(t)) for t in occs]
        found = [(t, p) for t, p in hits if p]
        spk = sum(1 for t, p in found if norm(p["speaker"] or "") == norm(t["speaker"]))
        out[name] = {"planted": len(occs), "found": len(found),
                     "coverage": round(len(found) / len(occs), 3) if occs else None,
                     "speaker_right": spk}
    planted = sum(len(v) for v in groups.values())
    matched = set()
    for occs in groups.values():
        for t in occs:
            p = find(t)
            if p:
                matched.add(id(p))
    out["reported_not_planted"] = len(props) - len(matched)
    out["planted_total"] = planted
    print(json.dumps(out))

main()
