"""The sentence forms of gen_chains.py: numbers and dates in words, a request said in a
summary, in speech or in mail. Split from the generator only for length."""

import re

from gen_chains_words import *  # noqa: F401,F403

def roman(n):
    out = ""
    for v, s in ROMAN:
        while n >= v:
            out += s
            n -= v
    return out


def ordinal(n):
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def weekday(y, m, d):
    # Zeller-free: days since 1970-01-01 (a Thursday)
    import datetime
    return WEEKDAYS[datetime.date(y, m, d).weekday()]


def day_ord(y, m, d):
    import datetime
    return datetime.date(y, m, d).toordinal()


def from_ord(o):
    import datetime
    x = datetime.date.fromordinal(o)
    return x.year, x.month, x.day


# ---------------------------------------------------------------------------------------
# Requests and their renderings
# ---------------------------------------------------------------------------------------

class Request:
    """One thing asked for. `slots` maps a slot letter to its variants (first = label)."""

    def __init__(self, kind, spec, slots):
        self.kind = kind  # "family" | "frame"
        self.spec = spec
        self.slots = slots

    def fill(self, template, rng, primary=False):
        def sub(m):
            v = self.slots[m.group(1)]
            return v[0] if primary else rng.choice(v)
        return re.sub(r"\{([A-Z])\}", sub, template)

    def label(self):
        return self.fill(self.spec["para"][0][1], None, primary=True)

    def signature(self):
        return (self.spec["id"],) + tuple(sorted((k, v[0]) for k, v in self.slots.items()))

    def paraphrase(self, rng, avoid=None):
        choices = list(range(len(self.spec["para"])))
        if avoid is not None and len(choices) > 1:
            choices = [c for c in choices if c != avoid]
        i = rng.choice(choices)
        kind, t = self.spec["para"][i]
        return i, kind, self.fill(t, rng)

    def done(self, rng):
        return self.fill(rng.choice(self.spec["done"]), rng)


def cap(s):
    return s[:1].upper() + s[1:]


def subjunctive(kind, text, agent):
    """The clause after "suggested that": "the Secretariat translate ...", "X be ..."."""
    if kind == "vp":
        return f"{agent} {text}"
    return text.replace(" should ", " ", 1)


def modal(kind, text, agent):
    if kind == "vp":
        return f"{agent} should {text}"
    return text


# Reporting forms. Each returns (sentence, truth_text). `n` is the speaker as written.
def summary_forms(rng, n, pron, kind, text, agent):
    sj, md = subjunctive(kind, text, agent), modal(kind, text, agent)
    forms = [
        (f"{n} suggested that {sj}.", sj),
        (f"{n} recommended that {sj}.", sj),
        (f"{n} advised that {sj}.", sj),
        (f"{n} was of the view that {md}.", md),
        (f"{n} said that {md}.", md),
        (f"In {pron[1]} view, {md}, {n} said.", md),
    ]
    if kind == "vp":
        forms += [
            (f"{n} proposed to {text}.", text),
            (f"{n} asked whether {agent} could {text}.", text),
            (f"{n} encouraged {agent} to {text}.", text),
            (f"{n} urged the MAG to {text}.", text),
            (f"{n} called on {agent} to {text}.", text),
        ]
    return rng.choice(forms)


def pronoun_forms(rng, pron, kind, text, agent):
    sj = subjunctive(kind, text, agent)
    P = cap(pron[0])
    forms = [(f"{P} also suggested that {sj}.", sj), (f"{P} further proposed that {sj}.", sj)]
    if kind == "vp":
        forms.append((f"{P} also proposed to {text}.", text))
    return rng.choice(forms)


def speech_forms(rng, kind, text, agent):
    sj, md = subjunctive(kind, text, agent), modal(kind, text, agent)
    forms = [
        (f"My proposal would be that {sj}.", sj),
        (f"I'd like to propose that {sj}.", sj),
        (f"I think {md}.", md),
        (f"And I really believe {md}.", md),
    ]
    if kind == "vp":
        forms += [
            (f"I would suggest we {text}.", text),
            (f"Could we perhaps {text}?", text),
            (f"So my suggestion is to {text}.", text),
            (f"Maybe {agent} could {text}.", text),
            (f"What if we were to {text}?", text),
        ]
    return rng.choice(forms)


def mail_forms(rng, kind, text, agent):
    sj, md = subjunctive(kind, text, agent), modal(kind, text, agent)
    forms = [
        (f"I would like to propose that {sj}.", sj),
        (f"My suggestion is that {sj}.", sj),
        (f"I believe {md}.", md),
    ]
    if kind == "vp":
        forms += [(f"Perhaps we could {text}.", text),
                  (f"I would suggest that we {text}.", text),
                  (f"Could the Secretariat {text}?", text)]
    return rng.choice(forms)


REASONS = [", so that the work reaches beyond the usual participants",
           ", given how often this comes up", ", as several NRIs have asked",
           ", since resources are limited and this would help", ", before the next cycle starts",
           ", which would also help newcomers", ""]

# ---------------------------------------------------------------------------------------
# Filler: statements, not proposals
# ---------------------------------------------------------------------------------------

STATEMENTS = [
    "{n} noted that several NRIs had held sessions on {S} this year",
    "{n} stressed the importance of {S} for {A}",
    "{n} reported that the work on {S} in {P} had made progress",
    "{n} highlighted that {S} was a recurring theme in the workshop proposals",
    "{n} raised concerns that {S} was treated too narrowly in past programmes",
    "{n} recalled the discussion on {S} at the last annual meeting",
    "{n} underlined the role of {W} in the debate on {S}",
    "{n} emphasized that {A} in {P} face particular difficulties with {S}",
    "{n} shared the experience of {O} with {S}",
    "{n} observed that interest in {S} had grown among {A}",
]
IMPERSONAL = [
    "It was noted that {S} had drawn a large audience in {P}.",
    "Participants discussed {S} and its relevance for {A}.",
    "The discussion touched on {S} and on the work of {W}.",
    "Several participants referred to recent developments in {S}.",
    "It was reported that the preparatory process was on schedule.",
    "MAG members were reminded that the working documents are in the shared folder.",
    "The Secretariat gave an overview of the registration figures.",
    "It was emphasized that the intersessional work should remain bottom-up.",
    "Views differed on the balance between {S} and {S2} in the programme.",
]
TALK = [
    "Thank you, and good morning, good afternoon to everyone.",
    "I just want to build on what was said before about {S}.",
    "We had a very good discussion in our group on {S}, and {A} were quite engaged.",
    "I agree with the previous speaker, and I think {S} is one of the issues where the IGF adds value.",
    "Just a quick point on {S}.",
    "In {P}, what we see is that {A} are asking about {S} all the time.",
    "(inaudible) ... sorry, can you hear me now?",
    "I'm not sure that we have consensus on that yet.",
    "That's all from me. Thank you.",
    "We worked with {W} last year on {S}, and it was useful.",
]

SECTIONS = ["Update from the Secretariat", "Intersessional work", "Preparations for IGF {Y}",
            "National and Regional Initiatives", "Working methods", "Outreach and communication",
            "Programme and themes", "Hybrid participation", "Capacity development",
            "Any other business"]
