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

# ---------------------------------------------------------------------------------------
# Pools
# ---------------------------------------------------------------------------------------

GIVEN_F = """Amina Beatriz Chiara Dalia Elif Farida Grace Hana Ines Julia Kavita Leila Mei
Nadia Olga Priya Rosa Sofia Tanja Ursula Valeria Wanjiru Yasmin Zeynep Aiko Bianca Carmen
Dana Esther Fatou Gulnara Helga Ilse Joana Keiko Lucia Marta Noor Paula Rania Sara Teresa
Vera Ximena Yuki Zara Adaeze Bongani Catalina Dilnoza""".split()
GIVEN_M = """Ahmed Bruno Carlos Daniel Emeka Felipe Goran Hiroshi Ivan Jamal Kofi Lars Marco
Nikhil Omar Pavel Quentin Rafael Samir Tomas Umar Viktor Wei Yusuf Anil Bakary Cheng
Dmitri Enrique Fadi Gustavo Hamza Idris Jorge Kwame Luca Mehdi Nabil Oscar Pedro Ravi
Sergio Taro Uwe Vikram Wolfgang Xavier Yaw Zoran Arturo""".split()
FAMILY = """Abdullah Adeyemi Alvarez Andersson Bakr Banerjee Barros Becker Bianchi Boateng
Castillo Chen Chowdhury Costa Dimitrov Dlamini Duarte Eriksen Farouk Fernandes Fischer
Garcia Ghosh Haddad Hansen Hoang Horvat Ibrahim Ito Jansen Jovanovic Kamau Kaplan Kim
Kowalski Kuznetsova Lambert Lindqvist Lopes Mahmoud Mbeki Mendoza Molina Moreau Mwangi
Nakamura Nascimento Ndiaye Nguyen Novak Okafor Oliveira Osei Park Pereira Petrovic Quispe
Rahman Ramos Rossi Saidov Santos Schneider Silva Singh Sokolov Suzuki Tanaka Teixeira
Toure Tran Umarov Varga Vasquez Wagner Watanabe Weber Yamamoto Yilmaz Zhang Zimmermann
Achieng Baptiste Cabrera Delgado Esposito Gunawardena Herrera Iqbal Jaramillo Khumalo""".split()

ORGS = ["Internet Society", "ICANN", "APNIC", "RIPE NCC", "LACNIC", "AFRINIC",
        "Access Now", "Article 19", "the Council of Europe", "ITU", "UNESCO", "UNICEF",
        "the OECD", "the African Union Commission", "Google", "Microsoft", "Meta",
        "the Government of Brazil", "the Government of Kenya", "the Government of Japan",
        "the European Commission", "APC", "CIPESA", "Derechos Digitales", "DiploFoundation",
        "the Government of Switzerland", "Orange", "the University of Cape Town",
        "the Government of India", "Youth IGF Nigeria", "the Chinese Academy of ICT"]
ROLES = ["MAG member", "former MAG member", "MAG member", "independent expert",
         "co-facilitator", "NRI coordinator", "observer", "MAG member"]

NRIS = ["Italian IGF", "IGF-USA", "Portugal IGF", "Croatian IGF", "Bangladesh IGF",
        "Nigeria IGF", "Brazilian IGF", "EuroDIG", "SEEDIG", "Asia Pacific regional IGF",
        "West African IGF", "Caribbean IGF", "Youth IGF Ghana", "Armenian IGF", "Benin IGF",
        "Japan IGF", "Pacific IGF", "Central Asian IGF", "Arab IGF", "Mexican IGF"]

# Subjects: a request is about one of these. Each has a couple of ways to say it.
SUBJECTS = [
    ("data governance", "the governance of data"),
    ("child online safety", "the safety of children online"),
    ("AI in public services", "the use of AI in public services"),
    ("misinformation", "false and misleading information online"),
    ("community networks", "community-run networks"),
    ("digital public infrastructure", "public digital infrastructure"),
    ("cybersecurity capacity building", "building cybersecurity capacity"),
    ("e-waste", "electronic waste"),
    ("Internet fragmentation", "the fragmentation of the Internet"),
    ("digital identity", "digital ID systems"),
    ("content moderation", "the moderation of online content"),
    ("online gender-based violence", "gender-based violence online"),
    ("IPv6 adoption", "the uptake of IPv6"),
    ("submarine cables", "undersea cable resilience"),
    ("meaningful connectivity", "meaningful access to the Internet"),
    ("digital health", "e-health services"),
    ("digital trade", "cross-border e-commerce"),
    ("open source software", "free and open source software"),
    ("encryption", "strong encryption"),
    ("digital literacy", "digital skills"),
    ("cross-border data flows", "the free flow of data across borders"),
    ("platform accountability", "the accountability of online platforms"),
    ("quantum computing", "quantum technologies"),
    ("Internet shutdowns", "network shutdowns"),
    ("multilingual domain names", "internationalized domain names"),
    ("satellite broadband", "low-orbit satellite connectivity"),
    ("online privacy of minors", "the privacy of minors online"),
    ("spectrum policy", "the management of radio spectrum"),
    ("digital inclusion of older persons", "the inclusion of older people online"),
    ("generative AI in education", "the use of generative AI in schools"),
    ("routing security", "the security of Internet routing"),
    ("green data centres", "the energy use of data centres"),
    ("digital public goods", "open digital public goods"),
    ("online hate speech", "hate speech on the Internet"),
    ("the Internet of Things", "connected devices"),
    ("algorithmic transparency", "the transparency of algorithms"),
    ("local content", "content in local languages"),
    ("DNS abuse", "abuse of the domain name system"),
    ("digital rights of migrants", "the rights of migrants online"),
    ("smart cities", "city-level digital services"),
    ("election integrity online", "the integrity of elections online"),
    ("critical infrastructure protection", "the protection of critical infrastructure"),
    ("data protection enforcement", "the enforcement of data protection law"),
    ("universal service funds", "universal service financing"),
    ("online learning platforms", "platforms for remote learning"),
]
AUDIENCES = [
    ("parliamentarians", "members of parliament"), ("judges", "members of the judiciary"),
    ("youth coordinators", "coordinators of Youth IGFs"), ("small businesses", "SMEs"),
    ("local governments", "municipal authorities"), ("teachers", "educators"),
    ("journalists", "media professionals"), ("civil society organisations", "NGOs"),
    ("NRI coordinators", "coordinators of national and regional IGFs"),
    ("newcomers to the technical community", "technical newcomers"),
    ("women entrepreneurs", "women-led start-ups"),
    ("persons with disabilities", "disabled users"),
    ("indigenous communities", "indigenous peoples"), ("regulators", "regulatory authorities"),
    ("Geneva-based diplomats", "permanent missions in Geneva"),
    ("law enforcement officers", "police cybercrime units"), ("librarians", "public libraries"),
    ("students", "university students"), ("health workers", "health professionals"),
    ("first-time session organisers", "new session organisers"),
]
PLACES = [
    "Central Asia", "the Pacific", "West Africa", "Latin America and the Caribbean",
    "Southeast Asia", "the Arab region", "Eastern Europe", "the Sahel",
    "small island developing states", "rural areas", "East Africa", "South Asia",
    "the Andean region", "Southern Africa", "the Western Balkans", "the Caucasus",
    "North Africa", "the Caribbean", "Central America", "the Horn of Africa",
    "landlocked developing countries", "Francophone Africa", "the Nordic countries",
    "the Mekong region", "Lusophone countries",
]
PARTNERS = [
    "UNICEF", "UNESCO", "the ITU", "the OECD", "the Internet Society", "ICANN",
    "the Council of Europe", "the African Union Commission", "the World Bank", "UNDP",
    "the Freedom Online Coalition", "the WHO", "UNCTAD", "the Global Forum on Cyber Expertise",
    "the Dynamic Coalition on Data and Trust", "the Dynamic Coalition on Child Online Safety",
    "the Dynamic Coalition on Accessibility and Disability", "the BPF on Cybersecurity",
    "the Policy Network on AI", "the Policy Network on Meaningful Access",
    "the Youth Coalition on Internet Governance", "the regional Internet registries",
    "the Inter-Parliamentary Union", "UN Women", "the Digital Cooperation Organization",
]
NEXT_MEETINGS = ["MAG meeting", "open consultations", "NRIs coordination call",
                 "working group call", "MAG retreat"]

# ---------------------------------------------------------------------------------------
# Requests. A paraphrase is ("vp", bare verb phrase) or ("cl", a clause with "should").
# Slots: {D} a family's own value; {S} subject, {A} audience, {P} place, {W} partner,
# {Y} a year. `done` says it was done (for a later record); `agent` does it.
# ---------------------------------------------------------------------------------------

FAMILIES = [
    dict(id="translate", agent="the Secretariat",
         D=[("BPF reports", "best practice forum outputs", "BPF outputs"),
            ("Policy Network outputs", "PN reports"),
            ("IGF messages", "annual IGF messages"),
            ("Chair's summary", "summary of the Chair"),
            ("Dynamic Coalition annual reports", "DC reports"),
            ("NRIs toolkit", "toolkit for the national and regional initiatives")],
         para=[("vp", "translate the {D} into the six UN languages"),
               ("cl", "the {D} should be available in Arabic, Chinese, French, Russian and Spanish"),
               ("vp", "make the {D} available in all official UN languages"),
               ("cl", "translations of the {D} into the UN languages should be budgeted for"),
               ("vp", "have the {D} published in every UN language, not only in English")],
         done=["the {D} are now available in all six UN languages",
               "translations of the {D} into Arabic, Chinese, French, Russian and Spanish had been published",
               "the {D} can now be read in every official UN language"]),
    dict(id="tor", agent="the MAG",
         D=[("MAG Terms of Reference", "Terms of Reference of the MAG", "MAG's ToR"),
            ("guidelines for Dynamic Coalitions", "DC guidelines"),
            ("working modalities of the BPFs", "BPF working methods"),
            ("mandate of the Working Group on Hybrid Meetings", "hybrid working group's mandate"),
            ("rules for selecting MAG members", "MAG selection criteria")],
         para=[("vp", "review the {D}"),
               ("cl", "the {D} should be updated, as they no longer reflect practice"),
               ("vp", "revisit the {D}, which date from another era"),
               ("cl", "an update of the {D} should be on the agenda this year"),
               ("vp", "open a consultation on revising the {D}")],
         done=["the revised {D} had been adopted and posted online",
               "the review of the {D} was completed and the new text published",
               "the updated {D} entered into force"]),
    dict(id="evaluation", agent="the Secretariat",
         D=[("intersessional work", "the intersessional activities"),
            ("NRIs support programme", "support given to the NRIs"),
            ("youth track", "Youth Summit and youth track"),
            ("capacity development programme", "capacity-building activities of the Secretariat"),
            ("hybrid participation model", "hybrid format of the annual meeting")],
         para=[("vp", "commission an independent evaluation of the {D}"),
               ("cl", "an external review of the {D} should be carried out"),
               ("vp", "ask an outside expert to assess the {D}"),
               ("cl", "the {D} should be evaluated by someone independent of the Secretariat")],
         done=["the independent evaluation of the {D} had been delivered and shared with the MAG",
               "an external assessment of the {D} was completed and its report published"]),
    dict(id="sdg_map", agent="the Secretariat",
         D=[("SDGs", "Sustainable Development Goals"),
            ("GDC objectives", "objectives of the Global Digital Compact"),
            ("WSIS action lines", "action lines of WSIS")],
         para=[("vp", "map the IGF's contributions to the {D}"),
               ("cl", "the links between IGF outputs and the {D} should be documented"),
               ("vp", "show how IGF sessions contribute to the {D}"),
               ("cl", "an overview linking each IGF output to the {D} should be produced")],
         done=["the mapping of IGF outputs against the {D} had been finished and put online",
               "a document showing how IGF sessions contribute to the {D} was published"]),
    dict(id="language_policy", agent="the IGF",
         D=[("the IGF", "the Forum"), ("the intersessional work", "intersessional activities"),
            ("the annual meeting", "the annual IGF")],
         para=[("vp", "adopt a language policy for {D}"),
               ("cl", "{D} should have a written policy on which languages it works in"),
               ("vp", "agree on rules for interpretation and translation across {D}"),
               ("cl", "a policy on languages should be drawn up for {D}")],
         done=["a language policy for {D} had been adopted",
               "{D} now has a written policy on interpretation and translation"]),
    dict(id="tracker", agent="the Secretariat",
         D=[("MAG decisions", "decisions of the MAG"),
            ("improvement proposals", "proposals to improve the IGF"),
            ("recommendations of the CSTD Working Group", "CSTD working group recommendations"),
            ("intersessional outputs", "outputs of intersessional work")],
         para=[("vp", "set up a public tracker of {D}"),
               ("cl", "{D} should be tracked in a table on the website, with their status"),
               ("vp", "keep an online register of {D} and whether they were implemented"),
               ("cl", "progress on {D} should be followed in a shared tracking sheet")],
         done=["the tracker of {D} went live on the website",
               "a public register of {D}, with the status of each, had been launched"]),
    dict(id="carbon", agent="the Secretariat",
         D=[("annual meeting", "annual IGF"), ("intersessional meetings", "intersessional events"),
            ("MAG's in-person meetings", "face-to-face MAG meetings")],
         para=[("vp", "measure the carbon footprint of the {D}"),
               ("cl", "the environmental impact of the {D} should be assessed and published"),
               ("vp", "report on the emissions caused by travel to the {D}"),
               ("cl", "the {D} should come with an estimate of its greenhouse gas emissions")],
         done=["the carbon footprint of the {D} had been calculated and published",
               "an assessment of the emissions of the {D} was released"]),
    dict(id="travel", agent="the Secretariat",
         D=[("participants from least developed countries", "LDC participants"),
            ("youth participants", "young participants"),
            ("NRI coordinators", "coordinators of NRIs"),
            ("civil society participants from small island states", "civil society from SIDS")],
         para=[("vp", "provide travel support for {D}"),
               ("cl", "funding should be found so that {D} can attend in person"),
               ("vp", "set aside part of the trust fund for the travel of {D}"),
               ("cl", "more travel grants should go to {D}")],
         done=["travel grants for {D} had been awarded this year",
               "a travel fund for {D} was set up and the first grants paid"]),
    dict(id="induction", agent="the Secretariat",
         D=[("new MAG members", "incoming MAG members"),
            ("new NRI coordinators", "incoming NRI coordinators"),
            ("first-time BPF facilitators", "new BPF co-facilitators")],
         para=[("vp", "prepare an induction package for {D}"),
               ("cl", "{D} should receive an orientation at the start of their term"),
               ("vp", "run an onboarding session for {D}"),
               ("cl", "there should be a short guide explaining the IGF's processes to {D}")],
         done=["the onboarding session for {D} took place",
               "an induction guide for {D} was circulated"]),
    dict(id="captioning", agent="the Secretariat",
         D=[("main sessions", "main-session panels"), ("MAG virtual meetings", "virtual MAG calls"),
            ("NRIs collaborative sessions", "NRI sessions")],
         para=[("vp", "provide live captioning in all {D}"),
               ("cl", "real-time captions should be offered for every one of the {D}"),
               ("vp", "make sure the {D} are captioned"),
               ("cl", "the {D} should have live transcription for deaf and hard of hearing participants")],
         done=["all {D} are now captioned in real time",
               "live captioning was provided for the {D}"]),
    dict(id="conduct", agent="the MAG",
         D=[("MAG mailing list", "MAG list"), ("online sessions", "virtual sessions"),
            ("intersessional calls", "calls of the intersessional groups")],
         para=[("vp", "adopt a code of conduct for the {D}"),
               ("cl", "the {D} should have clear rules of conduct"),
               ("vp", "agree on rules of behaviour for the {D}"),
               ("cl", "a code of conduct covering the {D} should be written")],
         done=["a code of conduct for the {D} had been adopted",
               "the {D} now has rules of conduct, published on the website"]),
    dict(id="summaries_fast", agent="the Secretariat",
         D=[("MAG meeting summaries", "summaries of MAG meetings"),
            ("working group minutes", "minutes of the working groups")],
         para=[("vp", "publish the {D} within two weeks"),
               ("cl", "the {D} should be online no later than two weeks after each meeting"),
               ("vp", "speed up the publication of the {D}"),
               ("cl", "the {D} should come out faster than they do now")],
         done=["the {D} are now published within two weeks",
               "the backlog of {D} had been cleared and new ones appear within days"]),
    dict(id="repository", agent="the Secretariat",
         D=[("session reports", "reports of IGF sessions"), ("NRI annual reports", "annual reports of the NRIs"),
            ("good practices on cybersecurity", "cybersecurity good practices")],
         para=[("vp", "build a searchable repository of {D}"),
               ("cl", "{D} should be searchable in one place on the website"),
               ("vp", "gather all {D} into a single online database"),
               ("cl", "there should be a database where {D} can be found by topic")],
         done=["the searchable repository of {D} was launched",
               "{D} can now be searched in a single database on the website"]),
    dict(id="track", agent="the IGF",
         D=[("parliamentarians", "members of parliament"), ("the judiciary", "judges"),
            ("local authorities", "mayors and city officials")],
         para=[("vp", "set up a dedicated track for {D} at the annual meeting"),
               ("cl", "{D} should have their own track in the programme"),
               ("vp", "give {D} a track of their own in the IGF programme"),
               ("cl", "a parallel track for {D} should be part of the annual meeting")],
         done=["the track for {D} was held at the annual meeting",
               "the programme included a dedicated track for {D} for the first time"]),
    dict(id="rotate_times", agent="the Secretariat",
         D=[("virtual MAG meetings", "MAG calls"), ("BPF calls", "calls of the best practice forums"),
            ("NRIs coordination calls", "NRIs calls")],
         para=[("vp", "rotate the times of the {D} across time zones"),
               ("cl", "the {D} should alternate between time zones"),
               ("vp", "schedule the {D} so that Asia-Pacific participants are not always called at night"),
               ("cl", "the times of the {D} should be shared fairly between regions")],
         done=["the {D} now rotate between three time slots",
               "a rotating schedule for the {D} had been introduced"]),
    dict(id="fewer_sessions", agent="the MAG",
         D=[("sessions in the programme", "workshops in the programme"), ("themes", "thematic tracks")],
         para=[("vp", "reduce the number of {D}"),
               ("cl", "the annual meeting should have fewer {D}"),
               ("vp", "cap the number of {D} at the annual meeting"),
               ("cl", "the number of {D} should be cut so that each gets more attention")],
         done=["the number of {D} had been reduced for this year's meeting",
               "the cap on {D} was applied in the programme"]),
    dict(id="fundraising", agent="the IGF",
         D=[("the IGF Trust Fund", "the Trust Fund"), ("the NRIs", "national and regional IGFs"),
            ("the intersessional work", "intersessional activities")],
         para=[("vp", "develop a fundraising strategy for {D}"),
               ("cl", "{D} should have a plan to diversify its donors"),
               ("vp", "draw up a resource mobilisation plan for {D}"),
               ("cl", "a strategy to raise funds for {D} should be prepared")],
         done=["a fundraising strategy for {D} had been approved",
               "the resource mobilisation plan for {D} was finalised"]),
    dict(id="brief_policymakers", agent="the Secretariat",
         D=[("IGF messages", "messages of the annual meeting"), ("BPF findings", "findings of the BPFs"),
            ("Policy Network recommendations", "PN recommendations")],
         para=[("vp", "condense the {D} into a one-page brief for ministers"),
               ("cl", "the {D} should be summarised in a short note for policymakers"),
               ("vp", "turn the {D} into a policy brief that decision makers will read"),
               ("cl", "a two-page version of the {D} should be sent to governments")],
         done=["a one-page brief of the {D} was sent to ministries",
               "the policy brief summarising the {D} had been circulated to governments"]),
    dict(id="liaison", agent="the MAG",
         D=[("the CSTD", "the Commission on Science and Technology for Development"),
            ("the WSIS+20 review", "the review of WSIS+20"),
            ("the GDC follow-up", "the follow-up of the Global Digital Compact"),
            ("the Leadership Panel", "the IGF Leadership Panel")],
         para=[("vp", "appoint a liaison between the MAG and {D}"),
               ("cl", "someone in the MAG should be tasked with following {D}"),
               ("vp", "name a focal point to keep the MAG informed about {D}"),
               ("cl", "the MAG should designate a member to liaise with {D}")],
         done=["a MAG focal point for {D} had been appointed",
               "the liaison with {D} was named and has started reporting"]),
    dict(id="mentoring", agent="the IGF",
         D=[("young people", "youth"), ("first-time session organisers", "new session organisers"),
            ("women in the technical community", "women engineers")],
         para=[("vp", "start a mentoring programme for {D}"),
               ("cl", "{D} should be paired with experienced mentors"),
               ("vp", "launch mentorship for {D}"),
               ("cl", "a mentoring scheme should be offered to {D}")],
         done=["the mentoring programme for {D} started with its first cohort",
               "mentors were matched with {D} this year"]),
    dict(id="calendar", agent="the Secretariat",
         D=[("intersessional meetings", "intersessional calls"), ("NRI annual meetings", "NRIs' events")],
         para=[("vp", "publish one calendar of all {D}"),
               ("cl", "the {D} should share a single calendar on the website"),
               ("vp", "put all {D} in a common online calendar"),
               ("cl", "there should be one place listing the dates of the {D}")],
         done=["a single calendar of {D} is now on the website",
               "the common calendar of {D} had gone online"]),
    dict(id="website_search", agent="the Secretariat",
         D=[("IGF website", "website"), ("session archive", "archive of past sessions")],
         para=[("vp", "improve the search function of the {D}"),
               ("cl", "it should be easier to find documents on the {D}"),
               ("vp", "fix the search on the {D}"),
               ("cl", "the search engine of the {D} should be replaced")],
         done=["the new search function of the {D} had been launched",
               "documents on the {D} can now be found through the new search"]),
    dict(id="gender_balance", agent="the MAG",
         D=[("main sessions", "main-session panels"), ("high-level sessions", "high-level panels")],
         para=[("vp", "ensure gender balance among speakers in {D}"),
               ("cl", "the {D} should be gender balanced"),
               ("vp", "require balanced numbers of women and men on {D}"),
               ("cl", "no all-male line-up should be accepted for the {D}")],
         done=["gender balance among the speakers of the {D} was reached this year",
               "the {D} had an equal number of women and men speakers"]),
    dict(id="hubs", agent="the Secretariat",
         D=[("Africa", "African countries"), ("the Pacific", "Pacific islands"),
            ("Latin America", "Latin American countries")],
         para=[("vp", "support remote participation hubs in {D}"),
               ("cl", "the Secretariat should help set up remote hubs in {D}"),
               ("vp", "fund remote hubs across {D}"),
               ("cl", "more remote hubs should be organised in {D}")],
         done=["remote hubs in {D} were supported with small grants",
               "a network of remote hubs across {D} had been set up"]),
    dict(id="criteria", agent="the MAG",
         D=[("workshop proposals", "proposals for workshops"), ("Open Forum requests", "Open Forums")],
         para=[("vp", "publish the criteria used to evaluate {D}"),
               ("cl", "those who submit {D} should know the evaluation criteria in advance"),
               ("vp", "make the scoring rules for {D} public"),
               ("cl", "the way {D} are assessed should be transparent")],
         done=["the evaluation criteria for {D} had been published",
               "the scoring rules for {D} are now on the website"]),
    dict(id="multiyear", agent="the IGF",
         D=[("strategic plan", "strategy"), ("programme of work", "work programme")],
         para=[("vp", "adopt a multi-year {D} for the IGF"),
               ("cl", "the IGF should plan its themes over several years through a multi-year {D}"),
               ("vp", "work towards a {D} covering several years"),
               ("cl", "a {D} spanning more than one year should replace the yearly planning")],
         done=["the multi-year {D} was adopted",
               "a {D} covering several years had been approved"]),
    dict(id="nri_slot", agent="the MAG",
         D=[("NRIs", "national and regional initiatives"), ("Youth IGFs", "youth initiatives")],
         para=[("vp", "give the {D} a standing slot in every MAG meeting"),
               ("cl", "the {D} should report at each MAG meeting"),
               ("vp", "reserve time for the {D} on the agenda of each MAG meeting"),
               ("cl", "every MAG agenda should include an item for the {D}")],
         done=["a standing agenda item for the {D} was introduced",
               "the {D} now report at every MAG meeting"]),
    dict(id="survey_participants", agent="the Secretariat",
         D=[("annual meeting", "annual IGF"), ("intersessional events", "intersessional meetings")],
         para=[("vp", "run a participant survey after each {D} and publish the results"),
               ("cl", "feedback from participants should be collected after every {D}"),
               ("vp", "ask participants of the {D} for feedback and share what they say"),
               ("cl", "an evaluation survey should follow the {D}")],
         done=["the results of the participant survey of the {D} were published",
               "feedback from the {D} was collected and shared with the MAG"]),
    dict(id="digitise", agent="the Secretariat",
         D=[("early IGF transcripts", "transcripts of the first IGFs"),
            ("WSIS-era documents", "documents from the WSIS period")],
         para=[("vp", "digitise the archive of {D}"),
               ("cl", "the {D} should be made available online in searchable form"),
               ("vp", "scan and put online the {D}"),
               ("cl", "the {D} should be preserved in a digital archive")],
         done=["the {D} have been digitised and put online",
               "the digital archive of {D} was opened"]),
    dict(id="private_sector", agent="the IGF",
         D=[("the private sector", "businesses"), ("governments of the Global South", "developing-country governments")],
         para=[("vp", "reach out to {D} to raise its participation"),
               ("cl", "more should be done to bring {D} into the IGF"),
               ("vp", "design an outreach campaign aimed at {D}"),
               ("cl", "the participation of {D} should be increased through targeted outreach")],
         done=["the outreach campaign towards {D} had been run",
               "participation of {D} rose after the outreach programme"]),
    dict(id="accessibility_audit", agent="the Secretariat",
         D=[("IGF website", "website"), ("venue of the annual meeting", "host venue")],
         para=[("vp", "carry out an accessibility audit of the {D}"),
               ("cl", "the {D} should be checked for accessibility by experts"),
               ("vp", "have the {D} tested by users with disabilities"),
               ("cl", "the accessibility of the {D} should be assessed")],
         done=["the accessibility audit of the {D} was completed",
               "the {D} had been tested for accessibility and fixes made"]),
    dict(id="remote_equal", agent="the MAG",
         D=[("main sessions", "main-session panels"), ("workshops", "workshop sessions")],
         para=[("vp", "give remote speakers equal time in {D}"),
               ("cl", "online participants should be able to take the floor in {D} as easily as those in the room"),
               ("vp", "alternate between remote and in-room speakers in {D}"),
               ("cl", "remote speakers in {D} should not be an afterthought")],
         done=["remote speakers had equal time in {D} this year",
               "the {D} alternated between remote and in-room speakers"]),
    dict(id="helpdesk", agent="the Secretariat",
         D=[("session organisers", "organisers of sessions"), ("NRIs", "NRI coordinators")],
         para=[("vp", "create a help desk for {D}"),
               ("cl", "{D} should have one contact point in the Secretariat for questions"),
               ("vp", "offer a single point of contact for {D}"),
               ("cl", "a help desk should be available to {D}")],
         done=["a help desk for {D} was opened",
               "{D} now have a single contact point in the Secretariat"]),
    dict(id="handbook", agent="the Secretariat",
         D=[("MAG's working methods", "working methods of the MAG"),
            ("BPF methodology", "methodology of the best practice forums")],
         para=[("vp", "describe the {D} in a handbook"),
               ("cl", "the {D} should be written down in a short manual"),
               ("vp", "produce a handbook on the {D}"),
               ("cl", "a written guide to the {D} should be published")],
         done=["the handbook on the {D} was published",
               "a manual describing the {D} had been released"]),
    dict(id="youth_advisory", agent="the MAG",
         D=[("youth advisory group", "group of young advisers"),
            ("technical advisory group", "group of technical advisers")],
         para=[("vp", "establish a {D} to the MAG"),
               ("cl", "the MAG should be advised by a {D}"),
               ("vp", "form a {D} that can feed into MAG discussions"),
               ("cl", "a {D} should be attached to the MAG")],
         done=["the {D} to the MAG was formed and met for the first time",
               "the MAG now has a {D}"]),
    dict(id="stats", agent="the Secretariat",
         D=[("participation statistics", "attendance figures"),
            ("session attendance data", "numbers of attendees per session")],
         para=[("vp", "publish {D} broken down by region and stakeholder group"),
               ("cl", "{D} should be released with a breakdown by stakeholder group"),
               ("vp", "release detailed {D} after each meeting"),
               ("cl", "the {D} should be open data")],
         done=["{D} broken down by region were published",
               "detailed {D} had been released as open data"]),
]

# One-off frames (also used, with slots fixed, as "frame chains").
FRAMES = [
    dict(id="webinar", slots="SA", agent="the Secretariat",
         para=[("vp", "hold a webinar on {S} for {A}"),
               ("vp", "organise an online seminar for {A} on {S}"),
               ("cl", "a webinar on {S} should be offered to {A}"),
               ("cl", "{A} should be given a webinar about {S}")],
         done=["the webinar on {S} for {A} took place, with over a hundred participants",
               "an online seminar on {S} was held for {A}"]),
    dict(id="webinar_place", slots="SAP", agent="the Secretariat",
         para=[("vp", "hold a webinar on {S} for {A} in {P}"),
               ("cl", "a webinar on {S} should be organised for {A} in {P}"),
               ("vp", "run an online session about {S} for {A} from {P}")],
         done=["the webinar on {S} for {A} in {P} was held"]),
    dict(id="brief", slots="WS", agent="the MAG",
         para=[("vp", "invite {W} to brief the MAG on {S}"),
               ("cl", "{W} should be invited to present its work on {S}"),
               ("vp", "ask {W} for a briefing on {S}"),
               ("vp", "hear from {W} about its activities related to {S}")],
         done=["{W} briefed the MAG on {S}",
               "the MAG heard a presentation from {W} on {S}"]),
    dict(id="brief_place", slots="WSP", agent="the MAG",
         para=[("vp", "invite {W} to brief the group on its activities related to {S} in {P}"),
               ("cl", "{W} should be invited to present its work on {S} in {P}")],
         done=["{W} briefed the group on {S} in {P}"]),
    dict(id="factsheet", slots="S", agent="the Secretariat",
         para=[("vp", "prepare a fact sheet on {S}"),
               ("cl", "a short fact sheet on {S} should be produced"),
               ("vp", "put together a two-page explainer on {S}"),
               ("cl", "there should be a plain-language note explaining {S}")],
         done=["the fact sheet on {S} was published",
               "a two-page explainer on {S} is now online"]),
    dict(id="factsheet_aud", slots="SA", agent="the Secretariat",
         para=[("vp", "prepare a fact sheet on {S} for {A}"),
               ("cl", "a fact sheet on {S} aimed at {A} should be written")],
         done=["the fact sheet on {S} for {A} was circulated"]),
    dict(id="mailinglist", slots="AS", agent="the Secretariat",
         para=[("vp", "set up a mailing list for {A} working on {S}"),
               ("cl", "{A} working on {S} should have a mailing list of their own"),
               ("vp", "create a discussion list where {A} can exchange on {S}")],
         done=["the mailing list for {A} working on {S} was created",
               "a discussion list on {S} for {A} had been opened"]),
    dict(id="joint", slots="WS", agent="the IGF",
         para=[("vp", "plan a joint session with {W} on {S}"),
               ("cl", "a joint session with {W} on {S} should be organised"),
               ("vp", "co-organise a session on {S} together with {W}")],
         done=["the joint session with {W} on {S} was held",
               "a session on {S} co-organised with {W} took place"]),
    dict(id="dedicated", slots="SY", agent="the MAG", chain=False,
         para=[("vp", "include a dedicated session on {S} in the IGF {Y} programme"),
               ("cl", "the IGF {Y} programme should have a session devoted to {S}")],
         done=[]),
    dict(id="study", slots="SP", agent="the Secretariat",
         para=[("vp", "commission a short study on {S} in {P}"),
               ("cl", "a study of {S} in {P} should be commissioned"),
               ("vp", "ask researchers to look into {S} in {P}")],
         done=["the study on {S} in {P} was published",
               "research on {S} in {P} was completed and shared"]),
    dict(id="survey", slots="APS", agent="the Secretariat",
         para=[("vp", "survey {A} in {P} about {S}"),
               ("cl", "{A} in {P} should be asked, through a survey, about {S}")],
         done=["the survey of {A} in {P} on {S} was carried out"]),
    dict(id="toolkit", slots="SA", agent="the IGF",
         para=[("vp", "develop a toolkit on {S} for {A}"),
               ("cl", "{A} should be given a practical toolkit on {S}"),
               ("vp", "put together practical guidance on {S} for {A}")],
         done=["the toolkit on {S} for {A} was launched",
               "practical guidance on {S} for {A} was published"]),
    dict(id="regional_workshop", slots="SP", agent="the IGF",
         para=[("vp", "organise a regional workshop on {S} in {P}"),
               ("cl", "a workshop on {S} should be held in {P}"),
               ("vp", "bring stakeholders from {P} together for a workshop on {S}")],
         done=["the regional workshop on {S} in {P} took place",
               "a workshop on {S} was held in {P}"]),
    dict(id="agenda", slots="SM", agent="the MAG", chain=False,
         para=[("vp", "put {S} on the agenda of the next {M}"),
               ("cl", "{S} should be discussed at the next {M}")],
         done=[]),
    dict(id="newsletter", slots="S", agent="the Secretariat",
         para=[("vp", "feature {S} in the next IGF newsletter"),
               ("cl", "the IGF newsletter should carry a piece on {S}")],
         done=["the newsletter carried a feature on {S}"]),
    dict(id="outreach", slots="WS", agent="the Secretariat",
         para=[("vp", "reach out to {W} about {S}"),
               ("cl", "{W} should be contacted about cooperation on {S}")],
         done=["contact was made with {W} about {S}"]),
    dict(id="casestudies", slots="SP", agent="the Secretariat",
         para=[("vp", "collect case studies on {S} from {P}"),
               ("cl", "case studies on {S} from {P} should be gathered"),
               ("vp", "compile examples of {S} from {P}")],
         done=["case studies on {S} from {P} were collected and published"]),
    dict(id="training", slots="SAP", agent="the IGF",
         para=[("vp", "offer a training course on {S} to {A} in {P}"),
               ("cl", "{A} in {P} should be offered training on {S}")],
         done=["the training on {S} for {A} in {P} was delivered"]),
    dict(id="speakers", slots="PS", agent="the MAG",
         para=[("vp", "invite speakers from {P} to the main session on {S}"),
               ("cl", "the main session on {S} should include speakers from {P}")],
         done=["the main session on {S} included speakers from {P}"]),
    dict(id="blog", slots="S", agent="the Secretariat",
         para=[("vp", "start a blog series on {S}"),
               ("cl", "a series of blog posts on {S} should be published")],
         done=["the blog series on {S} was launched"]),
    dict(id="glossary", slots="S", agent="the Secretariat",
         para=[("vp", "compile a glossary of terms related to {S}"),
               ("cl", "a glossary of the terms used in {S} should be drawn up")],
         done=["the glossary of terms related to {S} was published"]),
    dict(id="partner_webinar", slots="WSA", agent="the IGF",
         para=[("vp", "hold a webinar with {W} on {S} for {A}"),
               ("cl", "a webinar on {S} for {A} should be co-hosted with {W}")],
         done=["the webinar with {W} on {S} for {A} was held"]),
]

# Routine yearly administration: (label, who is asked, paraphrases with {DATE} / {Y}).
ROUTINE = [
    ("upload session descriptions by the deadline",
     ["session organisers upload their session descriptions by {DATE}",
      "session organisers should upload their session descriptions by {DATE}"]),
    ("the annual call for session proposals",
     ["MAG members circulate the call for session proposals for IGF {Y} widely",
      "the call for session proposals for IGF {Y} be shared through all networks"]),
    ("NRIs submit their annual reports",
     ["the NRIs submit their annual reports by {DATE}",
      "all initiatives should send their annual reports by {DATE}"]),
    ("MAG members confirm attendance at the open consultations",
     ["MAG members confirm their attendance at the first open consultations by {DATE}",
      "MAG members should confirm by {DATE} whether they will attend the open consultations"]),
    ("nominations for the MAG renewal",
     ["stakeholder groups send their nominations for the MAG renewal by {DATE}",
      "nominations for the renewal of the MAG should reach the Secretariat by {DATE}"]),
]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
ORDWORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth", "eleventh", "twelfth"]
HOSTS = {2016: "Guadalajara", 2017: "Geneva", 2018: "Paris", 2019: "Berlin", 2020: "online",
         2021: "Katowice", 2022: "Addis Ababa", 2023: "Kyoto", 2024: "Riyadh",
         2025: "Lillestrøm", 2026: "the host city"}


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
