#!/usr/bin/env python3
"""gen_chains: a synthetic IGF corpus with recurring proposal chains, written apart from
quorum-gen and the gap rules (issue #23, "Generators").

    python3 benches/gen_chains.py OUT_DIR --meetings 500 --seed N

Writes meeting records (secretariat summary reports, open-consultation summaries, NRIs
summaries, working-group reports, session reports, captioning transcripts, mailing-list
notes; layouts as in the project's survey of IGF formats) as OUT_DIR/<year>/<file>.txt,
and the ground truth as OUT_DIR-truth.json:

    {"seed", "meetings",
     "chains":   [{"id", "label", "status": open|addressed|decided, "family",
                   "occurrences": [{"source", "date", "speaker", "text"}],
                   "addressed_in"?: {...}, "decided_in"?: {...}}],
     "routine":  [{"id", "label", "routine": true, "occurrences": [...]}],
     "one_offs": [{"source", "date", "speaker", "text", "frame", "near_miss_of"?}]}

Design. A request is (what is asked, what it is about, and for whom / where / with whom).
Chains come from two pools, both drawn afresh per seed: policy families with slot values
("translate the {documents} into the UN languages") and the one-off frames with their
slots fixed ("hold a webinar on {subject} for {audience}"). Each occurrence restates the
request with another paraphrase (other words, other sentence shape), another reporting
form and usually another person. One-off proposals combine frames x subjects x audiences
x places x partners; some are near misses of a chain (same frame or family, another
subject, audience, place or partner). Status: `addressed` when a later record says it was
done; `decided` when a meeting adopted it and no record says it was done (a decision in
the meeting is never completion). Routine yearly administration (deadlines, the call for
session proposals) is planted in a separate `routine` list.
`source` is `<basename of OUT_DIR>/<year>/<file>`, as `quorum` reports it; `text` is
the request clause as it stands in the record, without the reporting verb.
"""
import argparse
import json
import os
import random
import re
import shutil

from gen_chains_forms import *  # noqa: F401,F403 (the sentence forms)
from gen_chains_words import *  # noqa: F401,F403 (the pools of names and phrasings)

# ---------------------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------------------

class Person:
    def __init__(self, given, family, female, org, role):
        self.given, self.family, self.female = given, family, female
        self.org, self.role = org, role

    @property
    def name(self):
        return f"{self.given} {self.family}"

    @property
    def pron(self):
        return ("she", "her") if self.female else ("he", "his")

    @property
    def hon(self):
        return "Ms." if self.female else "Mr."


class Gen:
    def __init__(self, seed, meetings, out_dir):
        self.rng = random.Random(seed)
        self.seed, self.n, self.out = seed, meetings, out_dir
        self.base = os.path.basename(os.path.normpath(out_dir))
        r = self.rng
        people, seen = [], set()
        while len(people) < 140:
            female = r.random() < 0.5
            g = r.choice(GIVEN_F if female else GIVEN_M)
            f = r.choice(FAMILY)
            if (g, f) in seen:
                continue
            seen.add((g, f))
            people.append(Person(g, f, female, r.choice(ORGS), r.choice(ROLES)))
        self.people = people
        self.secretariat = people[:3]
        for p in self.secretariat:
            p.org, p.role = "IGF Secretariat", "Secretariat"
        self.members = people[3:]
        self.chairs = {}
        # subjects etc. per seed: a random subset keeps corpora of one seed coherent
        self.subjects = r.sample(SUBJECTS, 36)
        self.audiences = r.sample(AUDIENCES, 16)
        self.places = r.sample(PLACES, 20)
        self.partners = r.sample(PARTNERS, 20)

    # -- schedule ------------------------------------------------------------------------
    def schedule(self):
        r = self.rng
        start, end = day_ord(2016, 1, 10), day_ord(2026, 11, 30)
        days = sorted(r.randrange(start, end) for _ in range(self.n))
        kinds = ["mag_summary", "oc_summary", "nris", "transcript", "mail", "wg", "session"]
        weights = [18, 7, 12, 26, 15, 14, 8]
        self.meetings = []
        counters = {}
        for i, o in enumerate(days):
            y, m, d = from_ord(o)
            k = r.choices(kinds, weights)[0]
            counters[(k, y)] = counters.get((k, y), 0) + 1
            self.meetings.append(dict(i=i, ord=o, y=y, m=m, d=d, kind=k,
                                      num=counters[(k, y)], items=[]))
        for y in range(2016, 2027):
            self.chairs[y] = self.members[(y * 7 + self.seed) % len(self.members)]

    def date_iso(self, mt):
        return f"{mt['y']:04d}-{mt['m']:02d}-{mt['d']:02d}"

    def source(self, mt):
        return f"{self.base}/{mt['y']}/{mt['file']}"

    # -- requests ------------------------------------------------------------------------
    def slot_values(self, letters, fixed=None):
        r = self.rng
        out = dict(fixed or {})
        for c in letters:
            if c in out:
                continue
            if c == "S":
                out[c] = r.choice(self.subjects)
            elif c == "A":
                out[c] = r.choice(self.audiences)
            elif c == "P":
                out[c] = (r.choice(self.places),)
            elif c == "W":
                out[c] = (r.choice(self.partners),)
            elif c == "Y":
                out[c] = (str(r.randrange(2017, 2027)),)
            elif c == "M":
                out[c] = (r.choice(NEXT_MEETINGS),)
        return out

    def make_chains(self):
        r = self.rng
        n_chains = min(r.randint(34, 56), max(3, self.n // 8))
        used = set()
        chains = []
        fams = list(FAMILIES)
        r.shuffle(fams)
        chain_frames = [f for f in FRAMES if f.get("chain", True)]
        fam_i = 0
        while len(chains) < n_chains:
            if r.random() < 0.45 and fam_i < len(fams) * 2:
                spec = fams[fam_i % len(fams)]
                fam_i += 1
                req = Request("family", spec, {"D": r.choice(spec["D"])})
            else:
                spec = r.choice(chain_frames)
                req = Request("frame", spec, self.slot_values(spec["slots"]))
            sig = req.signature()
            if sig in used:
                continue
            used.add(sig)
            chains.append(req)
        self.used = used
        return chains

    def near_miss(self, req):
        """Same frame or family as a chain, something else asked about."""
        r = self.rng
        spec = req.spec
        for _ in range(10):
            if req.kind == "family":
                vals = [v for v in spec["D"] if v[0] != req.slots["D"][0]]
                if not vals:
                    return None
                new = Request("family", spec, {"D": r.choice(vals)})
            else:
                letters = spec["slots"]
                change = r.choice(letters)
                fixed = {k: v for k, v in req.slots.items() if k != change}
                new = Request("frame", spec, self.slot_values(letters, fixed))
            if new.signature() not in self.used:
                self.used.add(new.signature())
                return new
        return None

    def one_off(self):
        r = self.rng
        for _ in range(50):
            spec = r.choice(FRAMES)
            req = Request("frame", spec, self.slot_values(spec["slots"]))
            if req.signature() not in self.used:
                self.used.add(req.signature())
                return req
        return None

    # -- planting ------------------------------------------------------------------------
    def plant(self):
        r = self.rng
        M = self.meetings
        # meetings by type that can carry a named proposal: all kinds can
        chains = self.make_chains()
        self.truth_chains = []
        for cid, req in enumerate(chains):
            k = r.choices([2, 3, 4, 5, 6], [30, 30, 20, 12, 8])[0]
            span = r.randint(540, 2400)  # days over which it recurs
            first = r.randrange(0, max(1, len(M) - 40))
            window = [mt for mt in M[first:] if mt["ord"] - M[first]["ord"] <= span]
            if len(window) < k:
                window = M[first:first + k * 3]
            for _ in range(8):  # restated over years: first and last a year or more apart
                picks = sorted(r.sample(window, min(k, len(window))), key=lambda x: x["ord"])
                if picks[-1]["ord"] - picks[0]["ord"] >= 365:
                    break
            if len(picks) < 2:
                continue
            status = r.choices(["open", "addressed", "decided"], [45, 30, 25])[0]
            later = [mt for mt in M if picks[-1]["ord"] + 60 < mt["ord"] <= picks[-1]["ord"] + 800]
            if status == "addressed" and not later:
                status = "open"
            decide_at = None
            if status == "decided" or (status == "addressed" and r.random() < 0.4):
                decide_at = r.randrange(len(picks))
            chain = dict(id=cid, label=req.label(), status=status, family=req.spec["id"],
                         occurrences=[])
            last_para, last_person = None, None
            for j, mt in enumerate(picks):
                person = self.pick_person(mt, avoid=last_person)
                last_person = person
                pi, kind, text = req.paraphrase(r, avoid=last_para)
                last_para = pi
                item = dict(type="proposal", role="chain", chain=chain, req=req, kind=kind,
                            text=text, person=person, decided=(j == decide_at))
                mt["items"].append(item)
            if status == "addressed":
                mt = r.choice(later)
                mt["items"].append(dict(type="done", chain=chain, req=req,
                                        text=req.done(r), person=r.choice(self.secretariat + self.members[:20])))
            elif status == "open" and r.random() < 0.25:
                # a later mention that it has NOT been done: not completion
                mt = r.choice([x for x in M if x["ord"] > picks[0]["ord"]] or [picks[-1]])
                mt["items"].append(dict(type="pending", chain=chain, req=req,
                                        person=r.choice(self.secretariat)))
            self.truth_chains.append(chain)
            # near misses: same frame / family, another subject, audience, place or partner
            for _ in range(r.choice([0, 1, 2, 2, 3])):
                nm = self.near_miss(req)
                if nm:
                    self.place_one_off(nm, near=cid)
        # one-offs
        self.truth_oneoffs = getattr(self, "truth_oneoffs", [])
        target = int(self.n * 1.2)
        while sum(1 for _ in self.truth_oneoffs_pending()) < target:
            req = self.one_off()
            if req is None:
                break
            self.place_one_off(req)
        # routine yearly administration
        self.truth_routine = []
        picks_r = r.sample(ROUTINE, 3)
        for rid, (label, paras) in enumerate(picks_r):
            rt = dict(id=rid, label=label, routine=True, occurrences=[])
            month = r.randrange(2, 9)
            for y in range(2016, 2027):
                cands = [mt for mt in M if mt["y"] == y and month <= mt["m"] <= month + 2]
                if not cands:
                    continue
                mt = r.choice(cands)
                dd = (r.randrange(1, 28), MONTHS[min(11, month + 2 + r.randrange(0, 2))])
                text = r.choice(paras).replace("{DATE}", f"{dd[0]} {dd[1]}").replace("{Y}", str(y))
                mt["items"].append(dict(type="proposal", role="routine", chain=rt, req=None,
                                        kind="routine", text=text, person=r.choice(self.secretariat),
                                        decided=False))
            self.truth_routine.append(rt)

    def truth_oneoffs_pending(self):
        for mt in self.meetings:
            for it in mt["items"]:
                if it["type"] == "proposal" and it["role"] == "oneoff":
                    yield it

    def place_one_off(self, req, near=None):
        r = self.rng
        mt = r.choice(self.meetings)
        _, kind, text = req.paraphrase(r)
        mt["items"].append(dict(type="proposal", role="oneoff", req=req, kind=kind, text=text,
                                person=self.pick_person(mt), decided=r.random() < 0.1,
                                near=near, frame=req.spec["id"]))

    def pick_person(self, mt, avoid=None):
        r = self.rng
        for _ in range(5):
            p = r.choice(self.members)
            if p is not avoid and p is not self.chairs[mt["y"]]:
                return p
        return p

    # -- filler --------------------------------------------------------------------------
    def fill(self, t, person=None):
        r = self.rng
        s = r.choice(self.subjects)
        s2 = r.choice(self.subjects)
        return (t.replace("{n}", person.name if person else "")
                .replace("{S2}", r.choice(s2)).replace("{S}", r.choice(s))
                .replace("{A}", r.choice(r.choice(self.audiences)))
                .replace("{P}", r.choice(self.places)).replace("{W}", r.choice(self.partners))
                .replace("{O}", r.choice(NRIS)))

    def statement(self, person, name_as=None):
        s = self.fill(self.rng.choice(STATEMENTS), person)
        if name_as:
            s = s.replace(person.name, name_as, 1)
        return cap(s) + "."

    # -- rendering of planted items --------------------------------------------------------
    def prose_item(self, it, mt, first_mention):
        """Sentences for a summary-style record; records truth."""
        r = self.rng
        p = it["person"]
        if it["type"] == "done":
            who = r.choice([f"{p.name}", "The Secretariat", f"{p.hon} {p.family}" if not first_mention(p) else p.name])
            verb = r.choice(["reported that", "informed the meeting that", "confirmed that",
                             "was pleased to announce that", "recalled that"])
            txt = it["text"]
            it["chain"]["addressed_in"] = dict(source=self.source(mt), date=self.date_iso(mt),
                                               speaker=p.name if who != "The Secretariat" else None,
                                               text=txt)
            return [f"{who} {verb} {txt}."]
        if it["type"] == "pending":
            lab = it["req"].label()
            return [r.choice([f"{p.name} noted that the request to {lab} had not been taken up yet, for lack of resources.",
                              f"{p.name} explained that nothing had so far been done to {lab}."])]
        agent = it["req"].spec["agent"] if it["req"] else "the Secretariat"
        text = it["text"]
        out = []
        tail = r.choice(REASONS) if it["role"] != "routine" else ""
        if it["role"] == "routine":
            sj = text
            sent = r.choice([f"{p.name} reminded the meeting that {sj}.",
                             f"{p.name} asked that {sj}.",
                             f"{p.name} requested that {sj}."])
            truth = sj
            if " should " in sj:
                sent = f"{p.name} said that {sj}."
            out.append(sent)
        elif r.random() < 0.3:
            name = p.name if first_mention(p) else r.choice([p.name, f"{p.hon} {p.family}"])
            out.append(self.statement(p, name_as=name))
            sent, truth = pronoun_forms(r, p.pron, it["kind"], text, agent)
            out.append(sent[:-1] + tail + sent[-1])
        else:
            name = p.name if first_mention(p) else r.choice([p.name, f"{p.hon} {p.family}", p.name])
            sent, truth = summary_forms(r, name, p.pron, it["kind"], text, agent)
            out.append(sent[:-1] + tail + sent[-1])
        self.record(it, mt, truth)
        if it.get("decided"):
            out.append(self.decision_prose(it, mt, agent))
        elif r.random() < 0.2:
            out.append(r.choice(["No conclusion was reached on this point.",
                                 "Some members preferred to return to this later.",
                                 "The Chair noted the suggestion."]))
        return out

    def decision_prose(self, it, mt, agent):
        r = self.rng
        kind, text = it["kind"], it["text"]
        if kind == "vp":
            d = r.choice([f"The MAG agreed to {text}.", f"It was decided to {text}.",
                          "This was agreed.", "There was consensus to take this forward.",
                          f"Following a short exchange, the meeting agreed that {agent} would {text}."])
        else:
            d = r.choice([f"It was agreed that {subjunctive(kind, text, agent)}.",
                          "This was agreed.", "A consensus decision was taken on this point."])
        self.record_decision(it, mt, d)
        return d

    def record(self, it, mt, truth):
        occ = dict(source=self.source(mt), date=self.date_iso(mt), speaker=it["person"].name,
                   text=truth)
        if it["role"] == "oneoff":
            occ["frame"] = it["frame"]
            if it.get("near") is not None:
                occ["near_miss_of"] = it["near"]
            self.truth_oneoffs.append(occ)
        else:
            it["chain"]["occurrences"].append(occ)

    def record_decision(self, it, mt, text):
        if it["role"] == "chain":
            it["chain"].setdefault("decided_in", dict(source=self.source(mt),
                                                     date=self.date_iso(mt), text=text))

    def speech_item(self, it, mt):
        """Turns for a transcript: list of (label_person or None for chair, text)."""
        r = self.rng
        p = it["person"]
        chair = self.chairs[mt["y"]]
        if it["type"] == "done":
            it["chain"]["addressed_in"] = dict(source=self.source(mt), date=self.date_iso(mt),
                                               speaker=p.name, text=it["text"])
            return [(p, r.choice(["Just a quick update: ", "For information, ", "Good news: "])
                     + f"{it['text']}. " + r.choice(["Thank you.", "That's it.", ""]))]
        if it["type"] == "pending":
            return [(p, f"On the request to {it['req'].label()}, I have to say we have not been able to do anything yet.")]
        agent = it["req"].spec["agent"] if it["req"] else "the Secretariat"
        if it["role"] == "routine":
            sent = r.choice([f"A reminder that {it['text']}.", f"Please note: we ask that {it['text']}."])
            truth = it["text"]
        else:
            sent, truth = speech_forms(r, it["kind"], it["text"], agent)
            sent = sent[:-1] + r.choice(REASONS) + sent[-1]
        pre = self.fill(r.choice(TALK))
        turns = [(p, f"{pre} {sent} " + r.choice(["Thank you.", "", "That's my point."]))]
        self.record(it, mt, truth)
        if it.get("decided"):
            d = r.choice(["Is there any objection to that? (Pause) Seeing no objection, that's decided.",
                          "I see nodding. So we agree, that's decided.",
                          "Seeing none, that's decided. Let's move on."])
            self.record_decision(it, mt, d)
            turns.append((chair, f"Thank you, {p.given}. {d}"))
        else:
            turns.append((chair, r.choice([f"Thank you, {p.given}.", "Thank you. Noted.",
                                           f"Thanks {p.given}, we'll come back to that.",
                                           "Okay. Any reactions? (Pause) Let's keep that in mind."])))
        return turns

    def mail_item(self, it, mt, sender):
        r = self.rng
        if it["type"] == "done":
            it["chain"]["addressed_in"] = dict(source=self.source(mt), date=self.date_iso(mt),
                                               speaker=sender.name, text=it["text"])
            return [f"* For the record, {it['text']}."]
        if it["type"] == "pending":
            return [f"* The request to {it['req'].label()} is still pending."]
        agent = it["req"].spec["agent"] if it["req"] else "the Secretariat"
        if it["role"] == "routine":
            sent, truth = f"A reminder: we ask that {it['text']}.", it["text"]
        else:
            sent, truth = mail_forms(r, it["kind"], it["text"], agent)
        it["person"] = sender
        self.record(it, mt, truth)
        out = [sent]
        if it.get("decided"):
            d = "On the call, it was agreed to go ahead with this."
            self.record_decision(it, mt, d)
            out.append(d)
        return out

    # -- layouts -------------------------------------------------------------------------
    def write_all(self):
        if os.path.isdir(self.out):
            shutil.rmtree(self.out)
        for mt in self.meetings:
            slug = {"mag_summary": "mag-summary", "oc_summary": "open-consultations",
                    "nris": "nris", "transcript": "mag-transcript", "mail": "maglist",
                    "wg": "wg-strategy", "session": "session-report"}[mt["kind"]]
            mt["file"] = f"{self.date_iso(mt)}-{slug}-{mt['i']:04d}.txt"
        for mt in self.meetings:
            self.rng.shuffle(mt["items"])
            # a "done" or "pending" note goes after proposals within one record
            mt["items"].sort(key=lambda it: it["type"] != "proposal")
            text = getattr(self, "lay_" + mt["kind"])(mt)
            d = os.path.join(self.out, str(mt["y"]))
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, mt["file"]), "w", encoding="utf-8") as f:
                f.write(text.rstrip() + "\n")

    def date_long(self, mt):
        return f"{mt['d']} {MONTHS[mt['m'] - 1]} {mt['y']}"

    def sections_with_items(self, mt, n_sec):
        r = self.rng
        names = r.sample(SECTIONS, n_sec)
        names = [s.replace("{Y}", str(mt["y"])) for s in names]
        buckets = [[] for _ in names]
        for it in mt["items"]:
            buckets[r.randrange(len(names))].append(it)
        return list(zip(names, buckets))

    def filler_paragraph(self, k=None):
        r = self.rng
        sents = []
        for _ in range(k or r.randint(2, 4)):
            if r.random() < 0.5:
                sents.append(self.fill(r.choice(IMPERSONAL)))
            else:
                sents.append(self.statement(r.choice(self.members)))
        return " ".join(sents)

    def summary_body(self, mt, numbered, lettered, start=2):
        """Sections of prose with planted items; returns lines."""
        r = self.rng
        mentioned = set()

        def first(p):
            new = p.name not in mentioned
            mentioned.add(p.name)
            return new
        lines, num = [], start
        for si, (sec, its) in enumerate(self.sections_with_items(mt, r.randint(2, 4))):
            if lettered:
                lines += [f"{chr(65 + si)}. {sec}", ""]
            elif not numbered:
                lines += [sec, ""]
            paras = [self.filler_paragraph() for _ in range(r.randint(1, 2))]
            for it in its:
                sents = self.prose_item(it, mt, first)
                if r.random() < 0.5:
                    sents = [self.filler_paragraph(1)] + sents
                paras.insert(r.randrange(1, len(paras) + 1), " ".join(sents))
            if r.random() < 0.5:
                paras.append(self.filler_paragraph())
            for p in paras:
                if numbered:
                    lines += [f"{num}.      {p}", ""]
                    num += 1
                else:
                    lines += [p, ""]
        return lines

    def lay_mag_summary(self, mt):
        n = mt["num"]
        chair = self.chairs[mt["y"]]
        sec = self.secretariat[0]
        head = [f"Summary Report MAG Virtual Meeting {self.date_long(mt)}", "",
                f"IGF Virtual Multistakeholder Advisory Group (MAG) Meeting {roman(n)}",
                self.date_long(mt), "Summary Report", ""]
        ow = ORDWORDS[n - 1] if n <= 12 else ordinal(n)
        p1 = (f"1.      The {ow} virtual meeting of the MAG in the IGF {mt['y']} preparatory "
              f"cycle took place on {mt['d']} {MONTHS[mt['m'] - 1]}. It was chaired by "
              f"{chair.hon} {chair.name} as MAG Chair, with {sec.hon} {sec.name} for the Secretariat.")
        return "\n".join(head + [p1, ""] + self.summary_body(mt, True, False) +
                         ["[1] The presentations can be accessed here:", ""])

    def lay_oc_summary(self, mt):
        r = self.rng
        city = r.choice(["WIPO Geneva", "UNOG, Geneva", "Palais des Nations, Geneva", "online"])
        end = from_ord(mt["ord"] + 2)
        head = [f"Summary Report: IGF {mt['y']} Open Consultations and MAG Meeting",
                f"{city}, {mt['d']}-{end[2]} {MONTHS[mt['m'] - 1]} {mt['y']}", "",
                "Executive Summary: Announcements, Decisions Taken and Next Steps", "",
                f"- The MAG met for its {ordinal(mt['num'])} face-to-face meeting of the cycle.",
                "- Next steps are listed at the end of this report.", "", "Overall Summary", ""]
        chair = self.chairs[mt["y"]]
        p1 = (f"1.      The meeting was opened by {chair.hon} {chair.name}, MAG Chair, "
              f"who welcomed participants in the room and online.")
        return "\n".join(head + [p1, ""] + self.summary_body(mt, True, False) +
                         ["Annex I: Timetable", "Annex II: List of participants"])

    def lay_nris(self, mt):
        r = self.rng
        host = self.secretariat[1]
        n = (mt["y"] - 2015) * 6 + mt["num"]
        head = ["National, Regional and Youth IGF Initiatives (NRIs)",
                f"- Virtual Meeting {roman(n)}, {self.date_long(mt)}, {r.choice(['13', '14', '15'])}:00 p.m. UTC -", ""]
        p1 = (f"1.      The {ordinal(n)} virtual meeting of the National, Regional and Youth "
              f"IGF Initiatives was held on {self.date_long(mt)}.")
        p2 = f"2.      The meeting was hosted by {host.name}, NRIs Focal Point, IGF Secretariat."
        o1, o2 = r.sample(NRIS, 2)
        p3 = f"3.      The agenda was adopted. From the {o1} and the {o2} it was advised that preparations were advancing."
        body = self.summary_body(mt, True, False, start=4)
        return "\n".join(head + [p1, "", p2, "", p3, ""] + body +
                         ["Annex A1: Agenda", "Annex A2: Participants", "Annex A3: Documents"])

    def lay_wg(self, mt):
        r = self.rng
        mod = r.choice(self.members[:30])
        n = 40 + (mt["ord"] - day_ord(2016, 1, 1)) // 30
        head = ["MAG Working Group on Strategy (WG-Strategy)", "", "Online Meeting", "",
                f"{self.date_long(mt)} at {r.choice(['13', '14', '18'])}:00 UTC", "", "Summary Report", "",
                f"The {n} virtual meeting of the MAG Working Group on Strategy was moderated by {mod.name}.", ""]
        body = self.summary_body(mt, False, True)
        nxt = from_ord(mt["ord"] + 14)
        parts = r.sample(self.members, r.randint(4, 8))
        plist = [f"{i + 1}. {p.name}, {p.role}" if i % 2 else f"{i + 1}. {p.family}, {p.given} ({p.org})"
                 for i, p in enumerate(parts)]
        return "\n".join(head + body + ["**Next meeting**", "",
                                       f"{nxt[2]} {MONTHS[nxt[1] - 1]} – 13:00 UTC", "",
                                       "Participants", ""] + plist)

    def lay_session(self, mt):
        r = self.rng
        s = r.choice(self.subjects)[0]
        mod, rap = r.sample(self.members, 2)
        head = [f"IGF {mt['y']} Workshop Report", "",
                f"Session title: {cap(s)} and the road ahead", f"Date: {self.date_long(mt)}",
                "Time: 10:30-12:00 UTC", f"Organiser: {r.choice(ORGS)}",
                f"Chairperson/Moderator: {mod.name}", f"Rapporteur/Note taker: {rap.name}", "",
                "Key issues raised", "", "- " + self.fill("{S} remains unevenly addressed in {P}."),
                "", "Discussion", ""]
        body = self.summary_body(mt, False, False)
        return "\n".join(head + body + ["Suggestions for the way forward", "",
                                       "- " + self.fill("Continue the conversation on {S}."), ""])

    def lay_transcript(self, mt):
        r = self.rng
        chair = self.chairs[mt["y"]]
        sec = self.secretariat[0]
        n = mt["num"]
        wd = weekday(mt["y"], mt["m"], mt["d"])
        head = [f"IGF {mt['y']} - MAG - Virtual Meeting - {roman(n)}",
                f"{wd}, {mt['d']} {MONTHS[mt['m'] - 1]}, {mt['y']} - 13:00 to 15:00 UTC", "",
                "Services provided by captioning partners. This is the output of real-time "
                "captioning taken during the meeting. Although it is largely accurate, in some "
                "cases it may be incomplete or inaccurate due to inaudible passages or "
                "transcription errors. It is posted as an aid, not as an authoritative record.",
                "", "***", ""]

        def lab(p):
            if p is chair:
                return f">>CHAIR {p.family.upper()}:" if r.random() < 0.5 else f">> CHAIR {p.family.upper()}:"
            return f">> {p.name.upper()}:" if r.random() < 0.85 else f">>{p.name.upper()}:"
        turns = [(sec, f"Good morning, good afternoon. This is MAG Virtual Meeting Number {roman(n)}. "
                       "The meeting is being recorded and transcribed. I now hand over to our Chair."),
                 (chair, "Thank you. Let's start. Please raise your hand in Zoom if you want the floor.")]
        for _ in range(r.randint(1, 3)):
            p = r.choice(self.members)
            turns.append((p, self.fill(r.choice(TALK)) + " " + self.fill(r.choice(TALK))))
        for it in mt["items"]:
            for _ in range(r.randint(1, 3)):
                p = r.choice(self.members)
                turns.append((p, self.fill(r.choice(TALK)) + " " + self.fill(r.choice(TALK))))
            turns += self.speech_item(it, mt)
        turns.append((chair, "Thank you all. We are at time. (Pause) See you at the next meeting."))
        lines = list(head)
        for p, t in turns:
            lines += [f"{lab(p)} {t}", ""]
        return "\n".join(lines)

    def lay_mail(self, mt):
        r = self.rng
        # split the planted items among one or two senders' notes; one file = one mail
        sender = r.choice(self.members)
        wd = weekday(mt["y"], mt["m"], mt["d"])
        nxt = from_ord(mt["ord"] + 1)
        nwd = weekday(*nxt)
        head = [f"[IGFmaglist] Summary of MAG Virtual Meeting {roman(mt['num'])} - {wd}, "
                f"{MONTHS[mt['m'] - 1]} {mt['d']}, {mt['y']} 14:00 UTC", "",
                sender.name, f"{sender.given.lower()}.{sender.family.lower()} at example.org",
                f"{nwd[:3]} {MONTHS[nxt[1] - 1][:3]} {nxt[2]} 17:38:34 EDT {nxt[0]}", "",
                "Dear all,", "",
                "Here are my personal notes of yesterday's meeting; corrections welcome.", ""]
        body = []
        for i, it in enumerate(mt["items"]):
            body.append(f"*{i + 1}.* " + self.fill("On {S}: ") + self.filler_paragraph(1))
            if it["type"] == "proposal" and it["role"] != "routine" and r.random() < 0.5:
                # another member's proposal reported in the notes, in prose
                first = lambda p: True
                body += self.prose_item(it, mt, first)
            else:
                body += self.mail_item(it, mt, sender)
            body.append("")
        other = r.choice(self.members)
        tail = ["", "Best,", sender.given, "",
                f"On {wd}, {MONTHS[mt['m'] - 1]} {mt['d']}, {mt['y']}, {other.name} wrote:",
                "> Thanks all for joining today. The recording will be posted shortly.", "",
                "-------------- next part --------------",
                "More information about the Igfmaglist mailing list"]
        return "\n".join(head + body + tail)

    # -- truth ---------------------------------------------------------------------------
    def truth(self):
        chains = []
        for c in self.truth_chains:
            c = dict(c)
            c["occurrences"] = sorted(c["occurrences"], key=lambda o: o["date"])
            if len(c["occurrences"]) < 2:
                continue
            chains.append(c)
        routine = [dict(rt, occurrences=sorted(rt["occurrences"], key=lambda o: o["date"]))
                   for rt in self.truth_routine]
        return {"seed": self.seed, "meetings": self.n, "generator": "gen_chains",
                "chains": chains, "routine": routine,
                "one_offs": sorted(self.truth_oneoffs, key=lambda o: (o["date"], o["source"]))}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--meetings", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if a.meetings < 20:
        ap.error("--meetings must be at least 20")
    g = Gen(a.seed, a.meetings, a.out_dir)
    g.schedule()
    g.plant()
    g.write_all()
    t = g.truth()
    path = os.path.normpath(a.out_dir) + "-truth.json"
    with open(path, "w", encoding="utf-8") as f:
        json.dump(t, f, indent=1, ensure_ascii=False)
    occ = sum(len(c["occurrences"]) for c in t["chains"])
    print(f"gen_chains: {a.meetings} meetings, {len(t['chains'])} chains ({occ} occurrences), "
          f"{len(t['one_offs'])} one-offs, {len(t['routine'])} routine series -> {path}")


if __name__ == "__main__":
    main()
