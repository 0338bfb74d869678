#!/usr/bin/env python3
"""A second corpus generator for `quorum gaps`, written apart from quorum-gen (src/synth.rs)
with other chains, other sentence shapes and other one-offs, so that the gaps rules can be
checked on wording they were not tuned on. Writes DIR/ and DIR-truth.json in quorum-gen's
truth shape, for benches/gaps_eval.py.

    python3 benches/gen_alt.py DIR [MEETINGS] [SEED] [POOL]

POOL `a` (the default) holds the ten chains the rules were checked on since session 3;
pool `b`, written in session 7 before the synonym classes were extended, holds ten
others on other topics, to check that extension on wording it was not written from.

Each recurring proposal is asked in four shapes: a noun ("called for a review of ..."),
an infinitive ("proposed to update ..."), a clause with a modal ("suggested that ... should
be revisited") and a first-person turn in a transcript. One-offs ask an unrelated action of
a thing a chain is about ("the MAG Terms of Reference be printed in the programme
booklet"), each pair of thing and action once.
"""
import json, os, random, sys

CHAINS = [
    ("review the MAG Terms of Reference", [
        ("called for", "a review of the Terms of Reference of the MAG"),
        ("proposed", "to update the ToR of the Multistakeholder Advisory Group"),
        ("suggested that", "the MAG's terms of reference should be revisited"),
        ("turn", "the terms of reference of the MAG need to be reviewed"),
    ], "the revised Terms of Reference of the MAG have been adopted"),
    ("make the IGF website multilingual", [
        ("called for", "a version of the IGF website in all six UN languages"),
        ("proposed", "to translate the IGF website into the official UN languages"),
        ("suggested that", "the website of the Forum should be made available in Arabic, Chinese, French, Russian and Spanish"),
        ("turn", "the IGF website should be translated into all UN languages"),
    ], "the IGF website is now available in all six UN languages"),
    ("stable funding for intersessional work", [
        ("called for", "predictable funding for the Best Practice Forums and Policy Networks"),
        ("proposed", "to create a dedicated budget line for intersessional work"),
        ("suggested that", "intersessional activities should receive stable financial support"),
        ("turn", "the BPFs and Policy Networks need a reliable budget"),
    ], None),
    ("gender-balanced panels", [
        ("called for", "gender balance on every panel of the main sessions"),
        ("proposed", "to refuse session proposals with all-male panels"),
        ("suggested that", "speakers in main sessions should be balanced between women and men"),
        ("turn", "every panel should have as many women as men"),
    ], "a gender balance rule for panels has been applied to all main sessions"),
    ("give remote participants the floor", [
        ("called for", "equal speaking opportunities for remote participants"),
        ("proposed", "to give online participants the floor in every session"),
        ("suggested that", "remote speakers should be called on as often as those in the room"),
        ("turn", "people joining online must be able to take the floor in each session"),
    ], None),
    ("onboarding for new MAG members", [
        ("called for", "an induction programme for incoming MAG members"),
        ("proposed", "to organise an orientation session for new members of the MAG"),
        ("suggested that", "new MAG members should receive proper onboarding"),
        ("turn", "incoming members of the Advisory Group need an orientation session"),
    ], "the orientation session for new MAG members has been held"),
    ("youth seats on the MAG", [
        ("called for", "reserved seats for young people on the MAG"),
        ("proposed", "to include youth representatives in the Multistakeholder Advisory Group"),
        ("suggested that", "the MAG should have a quota for young members"),
        ("turn", "young people should have their own seats on the MAG"),
    ], None),
    ("send IGF messages to parliaments", [
        ("called for", "the transmission of the IGF messages to national parliaments"),
        ("proposed", "to share the IGF outcomes with parliamentarians"),
        ("suggested that", "national parliaments should receive the key messages of each IGF"),
        ("turn", "the messages should be sent to every parliament"),
    ], None),
    ("publish participation statistics", [
        ("called for", "the publication of participation statistics by region and stakeholder group"),
        ("proposed", "to release data on attendance broken down by region"),
        ("suggested that", "attendance figures by stakeholder group should be made public"),
        ("turn", "we should publish statistics on who participates, by region and stakeholder group"),
    ], "participation statistics by region and stakeholder group are now published"),
    ("independent evaluation of the IGF", [
        ("called for", "an independent evaluation of the IGF"),
        ("proposed", "to commission an external assessment of the Forum"),
        ("suggested that", "the IGF should be evaluated by an independent body"),
        ("turn", "an outside evaluator should assess the Forum"),
    ], None),
]

CHAINS_B = [
    ("a code of conduct for IGF sessions", [
        ("called for", "a code of conduct for all IGF sessions and online spaces"),
        ("proposed", "to adopt rules of behaviour for participants at the Forum"),
        ("suggested that", "the IGF should have a clear code of conduct, applied online and onsite"),
        ("turn", "we need a code of conduct that covers every session"),
    ], "the IGF code of conduct has been adopted and published"),
    ("a multi-year programme of work", [
        ("called for", "a multi-year programme of work for the IGF"),
        ("proposed", "to plan the thematic priorities of the Forum over several years instead of one"),
        ("suggested that", "the work programme of the IGF should cover more than a single year"),
        ("turn", "the Forum needs a strategic plan spanning several years"),
    ], "a multi-year strategic work programme has been adopted"),
    ("more private sector participation", [
        ("called for", "greater engagement of businesses in the IGF"),
        ("proposed", "to attract more companies to take part in the Forum"),
        ("suggested that", "the private sector should be more involved in the IGF process"),
        ("turn", "business participation in the IGF has to increase"),
    ], None),
    ("host the IGF in developing countries", [
        ("called for", "hosting the annual IGF more often in the Global South"),
        ("proposed", "to choose host countries from developing regions more frequently"),
        ("suggested that", "future IGF meetings should be held in developing countries"),
        ("turn", "the annual meeting should go to the Global South more often"),
    ], None),
    ("publish MAG minutes", [
        ("called for", "the publication of the minutes of every MAG meeting"),
        ("proposed", "to make MAG meeting records public within two weeks"),
        ("suggested that", "summaries of MAG meetings should be posted online"),
        ("turn", "we should publish the MAG minutes for everyone to read"),
    ], "MAG meeting minutes are now published on the IGF website"),
    ("visa support for participants", [
        ("called for", "better visa assistance for participants travelling to the IGF"),
        ("proposed", "to help attendees obtain visas for the annual meeting"),
        ("suggested that", "the host country should ease the visa process for delegates"),
        ("turn", "people need support with their visa applications to attend"),
    ], "a visa support desk has been set up by the host country"),
    ("train journalists on internet governance", [
        ("called for", "training sessions for journalists on internet governance"),
        ("proposed", "to run a media workshop so reporters understand internet policy"),
        ("suggested that", "journalists should be offered courses on internet governance issues"),
        ("turn", "we should train members of the press on how internet governance works"),
    ], None),
    ("a searchable archive of session recordings", [
        ("called for", "a searchable archive of all past IGF session recordings"),
        ("proposed", "to make the recordings of earlier sessions easy to find"),
        ("suggested that", "videos of previous sessions should be indexed and searchable"),
        ("turn", "people should be able to search the old session videos"),
    ], "the searchable archive of session recordings is now live"),
    ("an accessible venue", [
        ("called for", "full accessibility of the venue for persons with disabilities"),
        ("proposed", "to make the IGF venue accessible to people with disabilities"),
        ("suggested that", "participants with disabilities should be able to reach every room"),
        ("turn", "the venue must be accessible for wheelchair users"),
    ], "the venue accessibility plan has been implemented"),
    ("brief UN missions on IGF outcomes", [
        ("called for", "regular briefings on IGF outcomes for diplomats in New York and Geneva"),
        ("proposed", "to inform the missions of UN member states about the results of the Forum"),
        ("suggested that", "the permanent missions should be briefed on the work of the IGF"),
        ("turn", "we should brief the missions of governments to the UN on what the IGF produced"),
    ], None),
]

THINGS_B = ["the code of conduct", "the work programme", "the private sector roundtable", "the host country agreement",
            "the MAG minutes", "the visa letters", "the journalists guide", "the session recordings",
            "the accessibility guide", "the diplomatic briefing notes", "the wheelchair ramps", "the press room"]

THINGS = ["the MAG Terms of Reference", "the IGF website", "the BPF reports", "the gender report cards",
          "the remote hubs list", "the MAG mailing list", "the youth track", "the parliamentary track",
          "the registration statistics", "the workshop evaluation form", "the intersessional calendar",
          "the newcomers guide"]
ACTIONS = ["be printed in the programme booklet", "be moved to the new server", "be presented at the opening session",
           "be discussed at the next retreat", "be shortened to two pages", "be announced on social media",
           "be checked by the legal office", "be shared with the host country", "get a new visual design",
           "be read out at the closing ceremony", "be sent to the donors in December", "be kept on paper as well"]
FILLER = ["Members exchanged views on {t}.", "The discussion on {t} was lively.", "Several participants gave updates on {t}.",
          "It was noted that {t} had come up in earlier meetings.", "The Chair summarised the exchange on {t}."]
TOPICS = ["the programme of the annual meeting", "the host country preparations", "the work of the NRIs",
          "the Global Digital Compact", "the WSIS+20 review", "hybrid participation", "the intersessional work",
          "the call for workshop proposals"]
NAMES = ["Aisha Bello", "Tomas Novak", "Mei Lin", "Rafael Ortiz", "Sofia Andersen", "Kwesi Boateng", "Laila Haddad",
         "Pierre Dubois", "Yuki Sato", "Ines Castro", "David Cohen", "Nomvula Dlamini", "Olga Ivanova", "Carlos Mendes"]
BODIES = ["MAG", "MAG Working Group on Strategy", "MAG Working Group on Hybrid Meetings", "Dynamic Coalition Coordination Group"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def sentence(name, shape, clause):
    if shape == "called for":
        return f"{name} called for {clause}."
    if shape == "proposed":
        return f"{name} proposed {clause}."
    return f"{name} suggested that {clause}."


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    chains, things = (CHAINS_B, THINGS_B) if len(sys.argv) > 4 and sys.argv[4] == "b" else (CHAINS, THINGS)
    os.makedirs(out, exist_ok=True)
    dates = sorted((2010 + rng.randrange(15), 1 + rng.randrange(12), 1 + rng.randrange(28)) for _ in range(n))
    plan = [[] for _ in range(n)]
    done = [[] for _ in range(n)]
    truth = []
    for c, (label, shapes, completion) in enumerate(chains):
        at = sorted(rng.sample(range(n), rng.randrange(2, 6)))
        for m in at:
            plan[m].append((c, rng.randrange(len(shapes))))
        status = "open"
        if completion and at[-1] + 1 < n and rng.random() < 0.6:
            d = min(n - 1, at[-1] + 1 + rng.randrange(30))
            done[d].append(c)
            status = "addressed"
        truth.append({"id": c, "label": label, "status": status, "occurrences": [], "addressed_in": None})
    one_offs = [(t, a) for t in things for a in ACTIONS]
    rng.shuffle(one_offs)
    root = os.path.basename(os.path.normpath(out))
    for i in range(n):
        y, mo, d = dates[i]
        body = BODIES[i % len(BODIES)]
        rel = f"{y}-{mo:02d}-{d:02d}-alt-{i:05d}.txt"
        transcript = rng.random() < 0.3
        people = rng.sample(NAMES, 6)
        paras = []
        asks = [(c, chains[c][1][s]) for c, s in plan[i]]
        if i < len(one_offs) and rng.random() < 0.6:
            t, a = one_offs[i]
            asks.append((None, ("suggested that", f"{t} {a}")))
        rng.shuffle(asks)
        for c, (shape, clause) in asks:
            name = rng.choice(people[1:])
            filler = " ".join(rng.choice(FILLER).format(t=rng.choice(TOPICS)) for _ in range(2))
            if transcript:
                if shape == "turn":
                    text = f">> {name.upper()}: Thank you, Chair. {filler} I would propose that {clause}."
                elif shape == "called for":
                    text = f">> {name.upper()}: Thank you. {filler} I would call for {clause}."
                elif shape == "proposed":
                    text = f">> {name.upper()}: {filler} My proposal is {clause}."
                else:
                    text = f">> {name.upper()}: {filler} I think {clause}."
            else:
                shape = "suggested that" if shape == "turn" else shape
                text = filler + " " + sentence(name, shape, clause)
            paras.append(text)
            if c is not None:
                truth[c]["occurrences"].append({"source": f"{root}/{rel}", "date": f"{y}-{mo:02d}-{d:02d}", "speaker": name, "text": clause})
        for c in done[i]:
            line = f"The Secretariat reported that {chains[c][2]}."
            paras.append(f">> {people[0].upper()}: {line}" if transcript else line)
            truth[c]["addressed_in"] = f"{root}/{rel}"
        for _ in range(rng.randrange(2, 5)):
            f = " ".join(rng.choice(FILLER).format(t=rng.choice(TOPICS)) for _ in range(3))
            paras.insert(rng.randrange(len(paras) + 1), f">> {rng.choice(people).upper()}: {f}" if transcript else f)
        date = f"{d} {MONTHS[mo - 1]} {y}"
        if transcript:
            head = f"IGF {y} {body} Virtual Meeting\n\n{date}\n\nUnedited real-time captions.\n\n>> {people[0].upper()}: Welcome, everyone. Let us begin."
        else:
            head = f"{body}\n\nVirtual Meeting\n\n{date}\n\nSummary Report\n\nThe meeting was held online on {date} and chaired by {people[0]}. Participants: {', '.join(people)}."
        with open(os.path.join(out, rel), "w") as fh:
            fh.write(head + "\n\n" + "\n\n".join(paras) + "\n")
    truth = [t for t in truth if len(t["occurrences"]) >= 2]
    with open(os.path.normpath(out) + "-truth.json", "w") as fh:
        json.dump({"seed": 0, "meetings": n, "chains": truth}, fh, indent=1)
    print(f"gen_alt: {n} meetings, {len(truth)} chains")


main()
