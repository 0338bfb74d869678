#!/usr/bin/env python3
"""Clause model of issue #22: which turns of a meeting transcript put a course of action
forward or record the meeting taking one up.

(a) features: every turn is tokenised, split into clauses, and described by clause-level
    features computed from the word lists of data/clause-lexicon.toml (see
    benches/clause_model.md for the exact definitions a port must reproduce);
(b) fit: a weighted L2 logistic regression on QMSum *train* only, with weak labels (a turn
    inside a relevant range of a train question that asks what was proposed, suggested,
    recommended, decided or agreed); K, the spacing between picked turns and the threshold
    are chosen on train; everything is written to data/clause-weights.toml;
(c) evaluate: the lines picked per transcript are scored as ../shared/tools/score_qmsum_pd.py
    scores quorum's proposals and decisions (coverage of its questions, random placement of
    the same count), on train and on val. Val is only ever scored, never inspected.

Usage: benches/clause_model.py [fit|eval|handcheck|ablate|all] [--shared DIR]
Needs numpy. Skips with a message when the shared QMSum folder is absent."""
import json
import math
import os
import re
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEXICON = os.path.join(ROOT, "data", "clause-lexicon.toml")
WEIGHTS = os.path.join(ROOT, "data", "clause-weights.toml")
PD = re.compile(r"\b(propos|suggest|recommend|decid|decision|agree)", re.I)
HEADER_LINES = 3  # "Title:", "Source:", blank; turn t is on line t + 4

# ---------------------------------------------------------------- (a) features

FEATURES = [
    # name, comment (written beside the weight)
    ("modal", "a clause holds a modal or semi-modal (should, could, can, will, 'll, need to, going to ...)"),
    ("proposal_verb", "a clause holds a word of [verbs].proposal (suggest, propose, recommend, idea, option ...)"),
    ("decision_verb", "a clause holds a word of [verbs].decision (agree, decide, settle, go with, consensus ...)"),
    ("we_modal", "first-person plural subject with a modal: 'we should', 'we'll', inverted 'could we'"),
    ("you_modal", "second-person subject with a modal: 'you could', 'can you', 'would you' (request, assignment)"),
    ("i_propose", "first-person singular followed within 3 tokens by a proposal or decision word ('I suggest')"),
    ("modal_action", "a modal followed within 3 tokens by a base action verb ('could use', 'should make')"),
    ("lets", "a clause holds let's / let us (hortative)"),
    ("imperative", "a clause opens (after fillers) with a base action verb and is not a question"),
    ("proposing_question", "a clause opens (after fillers) with why don't / how about / could we / can you ..."),
    ("info_question", "a clause ends with '?' and opens with a wh-word, and is not a proposing question"),
    ("question", "a clause ends with '?'"),
    ("hedge", "a clause holds a hedge (maybe, perhaps, I think, sort of ...)"),
    ("negation", "a clause holds a negation (not, no, never, n't ...)"),
    ("past", "a clause holds a past-tense or report marker (was, were, did, said, ago ...) or 'I/we/he/she/they' + a word ending in -ed"),
    ("housekeeping", "a clause holds a meeting-logistics word (agenda, microphone, slide, lunch, floor ...)"),
    ("number", "a clause holds a digit or a quantity word (percent, million ...)"),
    ("backchannel", "every token of the turn is a backchannel word (yeah, okay, mm-hmm ...), or the turn is empty"),
    ("log_tokens", "ln(1 + number of tokens of the turn)"),
    ("pos_first", "the turn lies in the first tenth of the transcript"),
    ("pos_last", "the turn lies in the last tenth of the transcript"),
    ("assent_after", "one of the next 2 turns has at most 6 tokens and opens with an assent word (yeah, okay, sure, agreed ...)"),
    ("ctx_cue", "share of the up-to-10 neighbouring turns (5 before, 5 after) that hold a cue (see CUES)"),
    ("ctx_decision", "share of the up-to-10 neighbouring turns that hold a decision word"),
]
NAMES = [n for n, _ in FEATURES]
CUES = ("we_modal", "you_modal", "i_propose", "modal_action", "lets", "proposal_verb",
        "decision_verb", "proposing_question")
SUBJECT_PAST = {"i", "we", "he", "she", "they"}


def load_lexicon(path=LEXICON):
    with open(path, "rb") as f:
        d = tomllib.load(f)
    lex = {}
    for section in d.values():
        for name, words in section.items():
            lex[name] = [tuple(w.split()) for w in words]
    return lex


TOKEN = re.compile(r"[a-z0-9_]+(?:['\-][a-z0-9_]+)*|'[a-z]+")


def tokenise(text):
    """Lower-cased tokens; a token that starts with an apostrophe ('re, 's, 'll) or is n't
    is joined to the one before it, so AMI/ICSI spacing ("we 're", "do n't") reads as "we're"."""
    out = []
    for t in TOKEN.findall(text):
        if out and (t.startswith("'") or t == "n't"):
            out[-1] += t
        else:
            out.append(t)
    return out


def clauses(content):
    """[(tokens, ends_with_question_mark)]: the content is split at . ? ! ; and at
    {disfmarker}; other {...} transcription marks are dropped."""
    text = content.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("{disfmarker}", " | ")
    text = re.sub(r"\{[^}]*\}", " ", text)
    out = []
    for piece, sep in re.findall(r"([^.?!;|]*)([.?!;|]|$)", text):
        toks = tokenise(piece)
        if toks:
            out.append((toks, sep == "?"))
    return out


def matches(toks, entries):
    """Start and end (exclusive) of every run of tokens equal to an entry of the list. An
    entry that begins with an apostrophe ('ll, 'd) also matches as the suffix of a token."""
    hits = []
    for i in range(len(toks)):
        for e in entries:
            n = len(e)
            if tuple(toks[i:i + n]) == e:
                hits.append((i, i + n))
            elif n == 1 and e[0].startswith("'") and toks[i].endswith(e[0]) and toks[i] != e[0]:
                hits.append((i, i + 1))
    return hits


def opening(toks, lex):
    """Index of the first token that is not a discourse filler."""
    fill = {e[0] for e in lex["fillers"]}
    i = 0
    while i < len(toks) and toks[i] in fill:
        i += 1
    return i


def clause_features(toks, q, lex):
    f = {}
    modal = matches(toks, lex["modal"])
    we = {i for i, _ in matches(toks, lex["we"])}
    you = {i for i, _ in matches(toks, lex["you"])}
    me = {i for i, _ in matches(toks, lex["first_singular"])}
    prop = matches(toks, lex["proposal"])
    dec = matches(toks, lex["decision"])
    action = {i for i, _ in matches(toks, [e for e in lex["action"] if len(e) == 1])}
    f["modal"] = bool(modal)
    f["proposal_verb"] = bool(prop)
    f["decision_verb"] = bool(dec)

    def subj_modal(subj):
        for s, e in modal:
            if s in subj:  # we'll, you'd: subject and modal in one token
                return True
            if any(0 < s - i <= 3 for i in subj) or any(0 < i - s <= 2 for i in subj):
                return True
        return False

    f["we_modal"] = subj_modal(we - {i for i, _ in matches(toks, lex["lets"])})
    f["you_modal"] = subj_modal(you)
    f["i_propose"] = any(0 < s - i <= 3 for i in me for s, _ in prop + dec)
    f["modal_action"] = any(0 <= k - e < 3 for _, e in modal for k in action)
    f["lets"] = bool(matches(toks, lex["lets"]))
    o = opening(toks, lex)
    rest = toks[o:]
    f["imperative"] = (not q) and len(rest) >= 2 and o in action
    pq = any(s == 0 for s, _ in matches(rest, lex["proposing_question"]))
    f["proposing_question"] = pq
    wh = {e[0] for e in lex["wh"]}
    f["info_question"] = q and bool(rest) and rest[0] in wh and not pq
    f["question"] = q
    f["hedge"] = bool(matches(toks, lex["hedge"]))
    f["negation"] = bool(matches(toks, lex["negation"]))
    f["past"] = bool(matches(toks, lex["past"])) or any(
        toks[i] in SUBJECT_PAST and toks[i + 1].endswith("ed") for i in range(len(toks) - 1))
    f["housekeeping"] = bool(matches(toks, lex["housekeeping"]))
    f["number"] = any(any(c.isdigit() for c in t) for t in toks) or bool(matches(toks, lex["number"]))
    return f


CLAUSE_NAMES = ["modal", "proposal_verb", "decision_verb", "we_modal", "you_modal", "i_propose",
                "modal_action", "lets", "imperative", "proposing_question", "info_question",
                "question", "hedge", "negation", "past", "housekeeping", "number"]


def read_turns(path):
    """[(line_number, content)] for every turn line (line 4 on) of a converted transcript,
    and the file's line count (as the scorer counts it)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    turns = []
    for i, line in enumerate(lines[HEADER_LINES:], start=HEADER_LINES + 1):
        _, sep, content = line.partition(": ")
        if not sep:
            content = ""  # "PhD E:" alone: a turn with nothing said
        turns.append((i, content.strip()))
    return turns, len(lines)


def transcript_features(turns, lex):
    """One feature vector (dict name -> float) per turn."""
    back = {e[0] for e in lex["backchannel"]}
    assent = {e[0] for e in lex["assent"]}
    rows, toks_of = [], []
    for _, content in turns:
        cl = clauses(content)
        toks = [t for c, _ in cl for t in c]
        toks_of.append(toks)
        f = {n: 0.0 for n in NAMES}
        for c, q in cl:
            for n, v in clause_features(c, q, lex).items():
                if v:
                    f[n] = 1.0
        f["backchannel"] = float(all(t in back for t in toks))
        f["log_tokens"] = math.log1p(len(toks))
        rows.append(f)
    n = len(rows)
    cue = [any(r[c] for c in CUES) for r in rows]
    for i, r in enumerate(rows):
        pos = i / max(1, n)
        r["pos_first"] = float(pos < 0.1)
        r["pos_last"] = float(pos >= 0.9)
        r["assent_after"] = float(any(
            toks_of[j] and len(toks_of[j]) <= 6 and toks_of[j][0] in assent
            for j in range(i + 1, min(n, i + 3))))
        nb = [j for j in range(i - 5, i + 6) if 0 <= j < n and j != i]
        r["ctx_cue"] = sum(cue[j] for j in nb) / max(1, len(nb))
        r["ctx_decision"] = sum(rows[j]["decision_verb"] for j in nb) / max(1, len(nb))
    return rows


# ---------------------------------------------------------------- data

def load(shared, split, lex):
    """Transcripts of a split that have at least one scorer question, with their questions."""
    qs = [json.loads(l) for l in open(os.path.join(shared, "qmsum", "queries.jsonl"))]
    qs = [q for q in qs if q["kind"] == "specific" and PD.search(q["query"])
          and f"/{split}/" in q["source"]]
    by = {}
    for q in qs:
        by.setdefault(q["source"], []).append(q["relevant"])
    docs = []
    for src in sorted(by):
        path = os.path.join(shared, "qmsum", src.split("qmsum/", 1)[-1])
        turns, n = read_turns(path)
        docs.append({"src": src, "turns": turns, "n": n, "questions": by[src],
                     "rows": transcript_features(turns, lex)})
    return docs


def matrix(doc, names):
    import numpy as np
    return np.array([[r[n] for n in names] for r in doc["rows"]], dtype=float)


# ---------------------------------------------------------------- (b) fit

def labels(doc):
    """Weak labels: (label, weight) per turn, or None for a turn left out of the fit.
    Positive: a non-backchannel turn inside a relevant range of one of the transcript's
    questions; each question spreads a total weight of 1 over its positive turns, so a
    300-line range counts as much as a 5-line one. Backchannel turns inside a range are left
    out (they are in the range, but are no proposal). Every other turn is negative."""
    lab = [None] * len(doc["turns"])
    w = [0.0] * len(doc["turns"])
    for ranges in doc["questions"]:
        idx = [k for k, (ln, _) in enumerate(doc["turns"])
               if any(a <= ln <= b for a, b in ranges)]
        pos = [k for k in idx if not doc["rows"][k]["backchannel"]]
        for k in idx:
            lab[k] = lab[k] or 0  # mark as inside
        for k in pos:
            lab[k] = 1
            w[k] += 1.0 / len(pos)
    out = []
    for k, l in enumerate(lab):
        if l is None:
            out.append((0, 1.0))
        elif l == 1:
            out.append((1, w[k]))
        else:
            out.append(None)
    return out


def fit(docs, names, l2=1.0, iters=50):
    """Weighted logistic regression by Newton's method; negatives and positives each get a
    total weight of half the number of fitted turns; L2 penalty l2 on weights, not intercept."""
    import numpy as np
    X, y, w = [], [], []
    for d in docs:
        M = matrix(d, names)
        for k, lw in enumerate(labels(d)):
            if lw is not None:
                X.append(M[k])
                y.append(lw[0])
                w.append(lw[1])
    X = np.hstack([np.ones((len(X), 1)), np.array(X)])
    y, w = np.array(y, float), np.array(w, float)
    n = len(y)
    w[y == 1] *= (n / 2) / w[y == 1].sum()
    w[y == 0] *= (n / 2) / w[y == 0].sum()
    beta = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], l2)
    reg[0] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-X @ beta))
        g = X.T @ (w * (p - y)) + reg * beta
        H = (X * (w * p * (1 - p))[:, None]).T @ X + np.diag(reg + 1e-9)
        step = np.linalg.solve(H, g)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta[0], dict(zip(names, beta[1:]))


# ---------------------------------------------------------------- selection and score

def scores(doc, intercept, weights):
    return [intercept + sum(weights[n] * r[n] for n in weights) for r in doc["rows"]]


def select(doc, s, k, gap, threshold):
    """Greedy pick: highest score first (earlier line on ties), skipping a turn within `gap`
    lines of one already picked and any scoring below `threshold`, until k are picked."""
    order = sorted(range(len(s)), key=lambda i: (-s[i], i))
    picked = []
    for i in order:
        if len(picked) >= k or s[i] < threshold:
            break
        ln = doc["turns"][i][0]
        if all(abs(ln - p) > gap for p in picked):
            picked.append(ln)
    return sorted(picked)


def score(docs, picks):
    """Exactly score_qmsum_pd.py: coverage of the questions, random placement of the same
    number of lines per transcript, lines per transcript."""
    hit, rand, nq = 0, 0.0, 0
    for d, lines in zip(docs, picks):
        for ranges in d["questions"]:
            nq += 1
            hit += any(a <= l <= b for l in lines for a, b in ranges)
            span = sum(b - a + 1 for a, b in ranges)
            miss = 1.0
            for i in range(len(lines)):
                miss *= max(0, d["n"] - span - i) / max(1, d["n"] - i)
            rand += 1 - miss
    per = sum(len(p) for p in picks) / max(1, len(picks))
    return hit / max(1, nq), rand / max(1, nq), per, nq


def line(tag, res):
    c, r, per, nq = res
    return (f"{tag}: coverage={c:.3f} random={r:.3f} margin={c - r:+.3f} "
            f"per_transcript={per:.1f} questions={nq}")


GAPS = [0, 3, 5, 10, 15, 20, 30, 40]


def choose(docs, s_all, k, thresholds=(-math.inf,)):
    """Best (gap, threshold) for a given k on these docs, by coverage minus random."""
    best = None
    for g in GAPS:
        for t in thresholds:
            res = score(docs, [select(d, s, k, g, t) for d, s in zip(docs, s_all)])
            key = (res[0] - res[1], res[0], -g)
            if best is None or key > best[0]:
                best = (key, g, t, res)
    return best[1], best[2], best[3]


# ---------------------------------------------------------------- weights file

def write_weights(path, intercept, weights, k, gap, threshold, l2, table):
    com = dict(FEATURES)
    out = ["# Fitted weights of the clause model (benches/clause_model.py fit; features defined in",
           "# benches/clause_model.md, word lists in data/clause-lexicon.toml). Written by the",
           "# script: do not edit by hand. Fitted on QMSum train only (weak labels, see the .md).",
           "# score(turn) = intercept + sum(weight * feature); the K best turns are reported, none",
           "# within `gap` lines of one already picked, none scoring below `threshold`.",
           "", "[model]", f"intercept = {intercept:.6f}",
           f"k = {k}  # turns reported per transcript (at most)",
           f"gap = {gap}  # minimum distance in lines between two reported turns, minus one",
           f"threshold = {threshold if threshold != -math.inf else -1.0e9:.6f}  # lowest score reported",
           f"l2 = {l2}  # ridge penalty used in the fit",
           "", "[weights]"]
    for n in weights:
        out.append(f"{n} = {weights[n]:.6f}  # {com[n]}")
    out += ["", "# Figures when this file was written (coverage / random, as score_qmsum_pd.py):"]
    out += ["# " + t for t in table]
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def read_weights(path=WEIGHTS):
    with open(path, "rb") as f:
        d = tomllib.load(f)
    return d["model"], d["weights"]


# ---------------------------------------------------------------- main

def main():
    args = sys.argv[1:]
    shared = os.path.join(ROOT, "..", "shared")
    if "--shared" in args:
        shared = args[args.index("--shared") + 1]
    cmd = args[0] if args and not args[0].startswith("--") else "all"
    if not os.path.isdir(os.path.join(shared, "qmsum")):
        print(f"skipped: {shared}/qmsum is absent")
        return
    lex = load_lexicon()
    train = load(shared, "train", lex)
    val = load(shared, "val", lex) if cmd != "fit" else None
    ks = [5, 10, 15, 20]
    if cmd in ("fit", "all"):
        l2 = 10.0  # ridge: 24 weights from 117 questions; 10 was steadier than 1 on train
        b0, w = fit(train, NAMES, l2=l2)
        s_tr = [scores(d, b0, w) for d in train]
        # per K: gap and threshold chosen on train
        cands = {}
        for k in ks:
            ths = sorted({round(x, 1) for s in s_tr for x in s})
            ths = [-math.inf] + [t for t in ths[:: max(1, len(ths) // 20)]]
            cands[k] = choose(train, s_tr, k, ths)
        # chosen K: the smallest whose train coverage is >= 0.70 with margin >= 0.20;
        # failing that, the largest margin
        ok = [k for k in ks if cands[k][2][0] >= 0.70 and cands[k][2][0] - cands[k][2][1] >= 0.20]
        kc = ok[0] if ok else max(ks, key=lambda k: cands[k][2][0] - cands[k][2][1])
        table = [line(f"train K={k} gap={cands[k][0]}", cands[k][2]) for k in ks]
        g, t, _ = cands[kc]
        write_weights(WEIGHTS, b0, w, kc, g, t, l2, table + [f"chosen K={kc}"])
        for x in table:
            print(x)
        print(f"chosen K={kc} gap={g} threshold={t}; weights written to data/clause-weights.toml")
        json.dump({str(k): [cands[k][0], cands[k][1] if cands[k][1] != -math.inf else None]
                   for k in ks}, open(os.path.join(ROOT, "benches", "clause_model.k.json"), "w"))
    if cmd in ("eval", "all"):
        if val is None:
            val = load(shared, "val", lex)
        model, w = read_weights()
        b0 = model["intercept"]
        per_k = json.load(open(os.path.join(ROOT, "benches", "clause_model.k.json")))
        for k in ks:
            g, t = per_k[str(k)]
            t = -math.inf if t is None else t
            for name, docs in (("train", train), ("val", val)):
                s = [scores(d, b0, w) for d in docs]
                print(line(f"{name} K={k} gap={g}", score(docs, [select(d, x, k, g, t) for d, x in zip(docs, s)])))
        k, g, t = model["k"], model["gap"], model["threshold"]
        for name, docs in (("train", train), ("val", val)):
            s = [scores(d, b0, w) for d in docs]
            print(line(f"chosen {name} K={k} gap={g}", score(docs, [select(d, x, k, g, t) for d, x in zip(docs, s)])))
    if cmd in ("handcheck", "all"):
        handcheck(train)
    if cmd in ("ablate", "all"):
        ablate(train, val if val is not None else load(shared, "val", lex))


def handcheck(train):
    """Share of hand-labelled proposal/decision turns (benches/clause_handlabels.tsv, train
    only) among the turns the model reports and among the others."""
    model, w = read_weights()
    path = os.path.join(ROOT, "benches", "clause_handlabels.tsv")
    lab = {}
    for l in open(path):
        if l.strip() and not l.startswith("#"):
            name, ln, y = l.split("\t")
            lab[(name, int(ln))] = int(y)
    tally = {True: [0, 0], False: [0, 0]}
    for d in train:
        name = os.path.basename(d["src"])[:-4]
        picks = set(select(d, scores(d, model["intercept"], w), model["k"], model["gap"], model["threshold"]))
        for (n, ln), y in lab.items():
            if n == name:
                tally[ln in picks][0] += y
                tally[ln in picks][1] += 1
    for k, tag in ((True, "reported by the model"), (False, "not reported")):
        a, b = tally[k]
        print(f"hand labels, {tag}: {a}/{b} are proposals or decisions ({a / max(1, b):.2f})")


def ablate(train, val):
    """All features vs. the best single feature vs. every modal-or-proposal line vs. evenly
    spaced lines, at each K, with the gap chosen on train for each."""
    model, w = read_weights()
    per_k = json.load(open(os.path.join(ROOT, "benches", "clause_model.k.json")))
    # every line with a modal or a proposal verb (unbounded count)
    for name, docs in (("train", train), ("val", val)):
        picks = [[d["turns"][i][0] for i, r in enumerate(d["rows"]) if r["modal"] or r["proposal_verb"]]
                 for d in docs]
        print(line(f"every modal-or-proposal line {name}", score(docs, picks)))
    for k in [5, 10, 15, 20]:
        # evenly spaced with the model's own count per transcript (the model's K, gap, threshold)
        g, t = per_k[str(k)]
        t = -math.inf if t is None else t
        for name, docs in (("train", train), ("val", val)):
            picks = [select(d, scores(d, model["intercept"], w), k, g, t) for d in docs]
            ev = [sorted({d["turns"][int((j + 0.5) * len(d["turns"]) / len(p))][0] for j in range(len(p))})
                  if p else [] for d, p in zip(docs, picks)]
            print(line(f"evenly spaced, model's count K={k} {name}", score(docs, ev)))
        # evenly spaced: no model at all
        for name, docs in (("train", train), ("val", val)):
            picks = [sorted({d["turns"][int((j + 0.5) * len(d["turns"]) / k)][0] for j in range(k)})
                     if len(d["turns"]) >= k else [t[0] for t in d["turns"]] for d in docs]
            print(line(f"evenly spaced K={k} {name}", score(docs, picks)))
        # best single feature, chosen on train (sign from a one-feature fit)
        best = None
        for n in NAMES:
            b0, w1 = fit(train, [n])
            s_tr = [scores(d, b0, w1) for d in train]
            g, t, res = choose(train, s_tr, k)
            if best is None or res[0] - res[1] > best[0]:
                best = (res[0] - res[1], n, b0, w1, g)
        _, n, b0, w1, g = best
        for name, docs in (("train", train), ("val", val)):
            s = [scores(d, b0, w1) for d in docs]
            print(line(f"best single feature ({n}) K={k} gap={g} {name}",
                       score(docs, [select(d, x, k, g, -math.inf) for d, x in zip(docs, s)])))


if __name__ == "__main__":
    main()
