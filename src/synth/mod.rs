//! A synthetic corpus of meeting records for benchmarks and for the evaluation of
//! recurring gaps: years of summary reports and captioning transcripts, deterministic
//! from a seed, with planted proposals that recur in other words, one-off distractors,
//! and some recurring proposals later recorded as carried out. The ground truth is
//! written beside the documents (`truth.json`).

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::Serialize;
use std::path::Path;
use time::{Date, Duration, Month};

mod prose;

/// What to generate.
#[derive(Debug, Clone)]
pub struct SynthOptions {
    /// Number of meeting documents.
    pub meetings: usize,
    /// Seed: the same seed gives the same corpus.
    pub seed: u64,
    /// First year of the corpus.
    pub start_year: i32,
    /// Years the meetings spread over.
    pub years: i32,
    /// Words per document, at least and at most.
    pub words: (usize, usize),
    /// Recurring proposals to plant (default: one per 20 meetings, at least 5).
    pub chains: Option<usize>,
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            meetings: 100,
            seed: 1,
            start_year: 2006,
            years: 20,
            words: (500, 5000),
            chains: None,
        }
    }
}

/// One planted recurring proposal, as the ground truth knows it.
#[derive(Debug, Clone, Serialize)]
pub struct TruthChain {
    /// Stable id.
    pub id: usize,
    /// The action in plain words.
    pub label: String,
    /// `open`, or `addressed` when a later meeting records it as done.
    pub status: String,
    /// Where it was raised.
    pub occurrences: Vec<TruthOccurrence>,
    /// The document that records it as done.
    pub addressed_in: Option<String>,
}

/// One raising of a planted proposal.
#[derive(Debug, Clone, Serialize)]
pub struct TruthOccurrence {
    /// File, relative to the corpus folder's parent.
    pub source: String,
    /// Meeting date.
    pub date: String,
    /// Who raised it.
    pub speaker: String,
    /// The wording used.
    pub text: String,
}

/// The ground truth of a generated corpus.
#[derive(Debug, Clone, Serialize)]
pub struct Truth {
    /// Seed used.
    pub seed: u64,
    /// Documents written.
    pub meetings: usize,
    /// Planted recurring proposals.
    pub chains: Vec<TruthChain>,
}

const GIVEN: &[&str] = &[
    "Amina", "Bruno", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
    "Kwame", "Lucia", "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Samir", "Tanja",
    "Ugo", "Valeria", "Wen", "Ximena", "Yusuf", "Zara", "Adel", "Beatriz", "Chidi", "Dana",
    "Emeka", "Fatou", "Goran", "Hanna", "Ivo", "Jia", "Karin", "Leon", "Maya", "Nils",
];
const FAMILY: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Haddad",
    "Kowalczyk",
    "Mensah",
    "Rossi",
    "Fernandes",
    "Novak",
    "Osei",
    "Petrov",
    "Quispe",
    "Rahman",
    "Schmidt",
    "Toure",
    "Ueda",
    "Varga",
    "Wojcik",
    "Yilmaz",
    "Zuniga",
    "Abebe",
    "Bianchi",
    "Castro",
    "Diallo",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Hussein",
    "Ivanova",
    "de Souza",
    "van Dijk",
];
const BODIES: &[(&str, &str)] = &[
    ("MAG Working Group on Strategy", "WG-Strategy"),
    ("IGF Multistakeholder Advisory Group", "MAG"),
    ("MAG Working Group on Hybrid Meetings", "WG-Hybrid"),
    ("Best Practice Forum on Cybersecurity", "BPF Cybersecurity"),
    ("Policy Network on Artificial Intelligence", "PNAI"),
    ("Dynamic Coalition Coordination Group", "DCCG"),
    ("National, Regional and Youth IGF Initiatives", "NRIs"),
];
const TOPICS: &[(&str, &[&str])] = &[
    (
        "AI governance",
        &[
            "the governance of artificial intelligence",
            "generative AI and its risks",
            "the work of the Policy Network on AI",
            "algorithmic accountability",
        ],
    ),
    (
        "WSIS+20 review",
        &[
            "the WSIS+20 review",
            "the outcome of the WSIS+20 process",
            "the renewal of the IGF mandate",
            "the General Assembly resolution on WSIS",
        ],
    ),
    (
        "Global Digital Compact",
        &[
            "the Global Digital Compact",
            "the follow-up to the GDC",
            "the implementation of the Compact",
        ],
    ),
    (
        "NRIs",
        &[
            "the national and regional IGF initiatives",
            "the NRIs network",
            "youth IGFs in the regions",
        ],
    ),
    (
        "intersessional work",
        &[
            "Best Practice Forums",
            "Dynamic Coalitions",
            "the Policy Networks",
            "intersessional activities",
        ],
    ),
    (
        "hybrid participation",
        &[
            "remote participation",
            "hybrid meetings",
            "remote hubs",
            "online moderation",
        ],
    ),
    (
        "meaningful access",
        &[
            "meaningful connectivity",
            "affordable access",
            "community networks",
            "the digital divide",
        ],
    ),
    (
        "cybersecurity",
        &[
            "cybersecurity norms",
            "incident response capacity",
            "trust and security online",
            "cyber capacity building",
        ],
    ),
    (
        "data governance",
        &[
            "cross-border data flows",
            "data protection",
            "data governance frameworks",
        ],
    ),
    (
        "human rights",
        &[
            "human rights online",
            "freedom of expression",
            "privacy rights",
        ],
    ),
    (
        "gender",
        &[
            "gender equality online",
            "women in technology",
            "gender-based violence online",
        ],
    ),
    (
        "environment",
        &[
            "the environmental footprint of the Internet",
            "e-waste",
            "sustainable digital infrastructure",
        ],
    ),
    (
        "multilingualism",
        &[
            "multilingual content",
            "interpretation into UN languages",
            "local language content",
        ],
    ),
    (
        "MAG working methods",
        &[
            "the working methods of the MAG",
            "MAG onboarding",
            "the MAG nomination process",
        ],
    ),
];
const EVENTS: &[&str] = &[
    "WSIS Forum",
    "Geneva Cyber Week",
    "AI for Good Global Summit",
    "EuroDIG",
    "RightsCon",
    "Paris Peace Forum",
];
const SPEECH: &[&str] = &[
    "noted",
    "stressed",
    "highlighted",
    "recalled",
    "reported",
    "observed",
    "underlined",
    "explained",
];
const PROPOSE: &[&str] = &[
    "suggested that",
    "proposed that",
    "recommended that",
    "urged that",
    "called for",
    "argued that",
];

/// A recurring action and the ways people phrase it.
struct Frame {
    label: &'static str,
    /// Full paraphrases: `{}` is never used; each is a complete proposal clause.
    phrasings: &'static [&'static str],
    /// How a later meeting records it as carried out.
    done: &'static [&'static str],
}

const FRAMES: &[Frame] = &[
    Frame { label: "review the MAG Terms of Reference", phrasings: &["the MAG Terms of Reference should be reviewed", "the ToR of the MAG be updated to reflect the year-round work", "the group revisit the terms of reference of the Advisory Group", "a revision of the MAG's ToR be started this year", "the Terms of Reference for the MAG need an overhaul"], done: &["the revised MAG Terms of Reference have been adopted and published", "the updated ToR of the MAG is now in force"] },
    Frame { label: "track the implementation of improvement proposals", phrasings: &["an implementation tracker for IGF improvement proposals be set up", "the Secretariat keep a public table showing which improvement recommendations have been carried out", "the working group monitor how the proposals to improve the IGF are implemented", "progress on the improvement recommendations be reported every year"], done: &["the implementation tracker for improvement proposals is now live", "the public table of improvement recommendations has been published and is updated monthly"] },
    Frame { label: "translate IGF outputs into all UN languages", phrasings: &["the IGF messages be translated into all six UN languages", "outputs of the Forum should be made available in Arabic, Chinese, French, Russian and Spanish", "translation of the final reports into the official UN languages be funded"], done: &["the IGF messages are now published in all six UN languages"] },
    Frame { label: "create a mentoring programme for newcomers", phrasings: &["a mentoring scheme pair each newcomer with an experienced participant", "new participants be given mentors from the community", "the IGF set up a buddy programme for first-time attendees"], done: &["the newcomers mentoring programme has been launched"] },
    Frame { label: "publish session reports quickly", phrasings: &["session reports be published within 24 hours of each session", "rapporteurs submit their short reports the same day", "the deadline for workshop reports be shortened to one day"], done: &["the one-day deadline for session reports has been implemented"] },
    Frame { label: "reserve workshop slots for small island developing states", phrasings: &["a few workshop slots be reserved for proposals from small island developing states", "SIDS proposals get dedicated places in the programme", "the evaluation set aside slots for applicants from small island states"], done: &["the reserved slots for SIDS were adopted and applied in the programme"] },
    Frame { label: "provide live captioning in every room", phrasings: &["live captioning be available in every session room", "captions should be provided for all sessions, not only the main hall", "real-time transcription be offered in each meeting room"], done: &["captioning is now provided in every session room"] },
    Frame { label: "fund travel support for participants from the Global South", phrasings: &["a travel fund support participants from developing countries", "more fellowships be offered to people from the Global South", "donors finance the travel of stakeholders from least developed countries"], done: &["the travel support fund for the Global South has been established"] },
    Frame { label: "rotate meeting times across time zones", phrasings: &["the call times rotate so that no region is always disadvantaged", "virtual meetings alternate between time zones", "the schedule of calls change every month to be fair to Asia-Pacific"], done: &["rotating meeting times have been implemented for all virtual calls"] },
    Frame { label: "hold intersessional webinars on AI governance", phrasings: &["a series of webinars on AI governance be organised between annual meetings", "the Policy Network on AI run online sessions during the year", "intersessional discussions on artificial intelligence governance be scheduled"], done: &["the webinar series on AI governance was adopted and has been held"] },
    Frame { label: "set up a youth advisory group", phrasings: &["a youth advisory group be created to advise the MAG", "young people get a formal advisory body within the IGF", "the youth coalition be given a standing consultative role"], done: &["the youth advisory group has been set up and is now operational"] },
    Frame { label: "strengthen links between NRIs and the global IGF", phrasings: &["the outputs of national and regional initiatives feed into the main sessions", "NRIs be given a dedicated session in every annual meeting", "the coordination between the NRIs and the global Forum be strengthened"], done: &["the NRIs coordination session has become a permanent part of the programme"] },
    Frame { label: "run a survey on MAG working methods", phrasings: &["the Secretariat survey members on how the MAG works", "a questionnaire on the working methods of the MAG be circulated", "MAG members be consulted in writing about onboarding and decision-making"], done: &["the survey on MAG working methods has been completed and published"] },
    Frame { label: "produce annual messages for decision-makers", phrasings: &["each annual meeting produce a short set of messages for policymakers", "the Forum adopt key takeaways addressed to governments", "a concise outcome document be issued after every IGF"], done: &["the annual IGF messages are now produced and published after every meeting"] },
    Frame { label: "create a repository of best practices", phrasings: &["an online repository collect the best practices identified by the BPFs", "the outputs of the Best Practice Forums be stored in a searchable library", "a database of good practices be maintained on the IGF website"], done: &["the best practice repository is now live on the IGF website"] },
    Frame { label: "secure an IGF session at the WSIS Forum", phrasings: &["the IGF request a session at the WSIS Forum in Geneva", "the MAG secure an IGF-branded slot at the WSIS Forum", "a presence of the Forum at the WSIS Forum be organised"], done: &["an IGF session at the WSIS Forum was approved and held"] },
    Frame { label: "align the IGF with the Global Digital Compact follow-up", phrasings: &["the IGF map the GDC commitments to its own activities", "a paper explain how the Forum can support the follow-up of the Compact", "the MAG prepare an input on the Global Digital Compact implementation"], done: &["the mapping of GDC commitments was adopted and published"] },
    Frame { label: "measure the environmental footprint of the IGF", phrasings: &["the carbon footprint of the annual meeting be measured", "the Secretariat report on the environmental impact of the IGF", "greener practices be adopted for the venue and travel"], done: &["the environmental footprint report has been published"] },
    Frame { label: "offer interpretation in more languages online", phrasings: &["remote participants have access to interpretation", "interpretation be streamed for online attendees", "sessions online include interpreted channels"], done: &["interpretation for online participants is now available"] },
    Frame { label: "simplify the workshop proposal process", phrasings: &["the workshop proposal form be shortened", "the call for session proposals ask fewer questions", "proposers be allowed to submit a lighter application"], done: &["the simplified workshop proposal form has been implemented"] },
];

/// One-off proposals: a thing, an action asked of it, a quality and an occasion. No two
/// one-offs ask the same action of the same thing; they may share any one or two words
/// (a topic phrase, an action, an occasion), like unrelated requests do.
const ONE_OFF_VERBS: &[&str] = &[
    "be checked",
    "be moved",
    "be archived",
    "be redesigned",
    "be cancelled",
    "be postponed",
    "be dusted",
    "be relabelled",
    "be sponsored",
    "be catered",
    "be insured",
    "be repainted",
    "be rebooked",
    "be audited",
    "be photographed",
    "be streamed",
    "be tested",
    "be cleaned",
    "be upgraded",
    "be counted",
    "be polished",
    "be weighed",
    "be stacked",
    "be wrapped",
    "be varnished",
    "be sorted",
    "be labelled",
    "be numbered",
    "be laminated",
    "be resized",
    "be recoloured",
    "be rearranged",
    "be unpacked",
    "be packed",
    "be shipped",
    "be collected",
    "be returned",
    "be oiled",
    "be tuned",
    "be raffled",
    "be auctioned",
    "be refilled",
    "be emptied",
    "be repaired",
    "be replaced",
    "be swapped",
    "be disinfected",
    "be ironed",
    "be hung",
    "be lit",
    "be locked",
    "be unlocked",
    "be sealed",
    "be measured",
    "be fenced",
    "be decorated",
];
const ONE_OFF_NOUNS: &[&str] = &[
    "lanyards",
    "badges",
    "catering",
    "parking",
    "livestream",
    "newsletter",
    "logo",
    "banners",
    "hashtag",
    "volunteers",
    "cloakroom",
    "childcare",
    "photo wall",
    "closing dinner",
    "hackathon",
    "art exhibition",
    "bicycles",
    "booth design",
    "mobile app",
    "podcast",
    "quiz",
    "raffle",
    "playlist",
    "dress code",
    "welcome packs",
    "water bottles",
    "venue map",
    "elevator signs",
    "medical desk",
    "taxi vouchers",
    "press room",
    "stage lighting",
    "coffee machines",
    "charging stations",
    "umbrellas",
    "floor plan",
    "name cards",
    "microphones",
    "interpreter cabins",
    "wifi routers",
    "ticket scanners",
    "souvenir mugs",
    "poster boards",
    "lecterns",
    "power strips",
    "shuttle timetable",
    "flower pots",
    "doormats",
    "coat hangers",
    "whiteboards",
    "markers",
    "flip charts",
    "sticky notes",
    "paper cups",
    "napkins",
    "tablecloths",
    "chairs",
    "sofas",
    "cushions",
    "lamps",
    "curtains",
    "carpets",
    "ashtrays",
    "fridges",
    "kettles",
    "sandwiches",
    "fruit baskets",
    "pastries",
    "juice bottles",
    "ice machines",
    "vending machines",
    "recycling bins",
    "fire extinguishers",
    "first aid kits",
    "torches",
    "batteries",
    "extension cords",
    "projectors",
    "screens",
    "speakers",
    "headsets",
    "webcams",
    "laptops",
    "printers",
    "scanners",
    "staplers",
    "envelopes",
    "stamps",
    "postcards",
    "brochures",
    "flyers",
    "stickers",
    "t-shirts",
    "tote bags",
    "pens",
    "notebooks",
    "calendars",
    "maps",
    "signposts",
    "ramps",
    "handrails",
    "lifts",
    "stairs",
    "windows",
    "doors",
    "keys",
    "lockers",
    "safes",
    "clocks",
    "fans",
    "heaters",
    "plants",
    "paintings",
    "sculptures",
    "trophies",
    "medals",
    "certificates",
    "ribbons",
    "balloons",
    "tents",
    "canopies",
    "benches",
    "picnic tables",
    "bike racks",
    "scooters",
    "golf carts",
    "minibuses",
    "ferries",
    "boat tour",
    "walking tour",
    "museum tickets",
    "concert tickets",
    "city passes",
    "metro cards",
    "luggage tags",
];
const ONE_OFF_WHEN: &[&str] = &[
    "before the opening",
    "after the closing",
    "during the lunch break",
    "on the first morning",
    "by the end of the week",
    "before the plenary",
    "ahead of the retreat",
    "for the open consultations",
    "in time for the host country visit",
    "for the newcomers track",
    "after the stocktaking",
    "before the next call",
    "for the high-level leaders track",
    "during the parliamentary track",
    "for the village stands",
    "before registration closes",
    "for the day zero events",
    "when the budget allows",
    "for the closing ceremony",
    "before the press briefing",
    "for the youth summit",
    "in the second week",
    "for the dynamic coalitions fair",
    "before the evaluation starts",
];

/// A one-off proposal: it names a thing that a recurring proposal is also about (a topic
/// phrase, "the tracker board"), but asks for something else about it; the thing, the
/// action and the topic phrase come from the [`OneOffDeck`].
const ADJECTIVES: &[&str] = &[
    "spare",
    "old",
    "blue",
    "donated",
    "rented",
    "broken",
    "extra",
    "shared",
    "printed",
    "borrowed",
    "heavy",
    "small",
    "wooden",
    "digital",
    "portable",
    "noisy",
    "green",
    "second-hand",
    "folding",
    "bilingual",
    "outdoor",
    "temporary",
];
const KEYWORDS: &[&str] = &[
    "the Terms of Reference folder",
    "the tracker board",
    "the captions screen",
    "the youth lounge",
    "the travel desk",
    "the survey kiosk",
    "the translation booth",
    "the repository shelf",
];

fn distractor(
    r: &mut fastrand::Rng,
    OneOff {
        noun,
        verb,
        keyword,
    }: OneOff,
) -> String {
    let a = format!("{} {}", pick(r, ADJECTIVES), ONE_OFF_NOUNS[noun]);
    let (k, v) = (KEYWORDS[keyword], ONE_OFF_VERBS[verb]);
    let w = if r.bool() {
        pick(r, ONE_OFF_WHEN).to_string()
    } else {
        format!(
            "by {}",
            long_date(
                Date::from_calendar_date(
                    2000 + r.i32(0..30),
                    Month::try_from(1 + r.u8(..12)).unwrap_or(Month::May),
                    1 + r.u8(..28)
                )
                .unwrap_or(Date::MIN)
            )
        )
    };
    match r.usize(..3) {
        0 => format!("{k} and the {a} {v} {w}"),
        1 => format!("the {a} next to {k} {v} {w}"),
        _ => format!(
            "{} {v} {w}, together with {k}",
            capitalize(&format!("the {a}"))
        )
        .replacen("The ", "the ", 1),
    }
}

/// Sentences that define acronyms, as records do now and then.
const DEFINITIONS: &[&str] = &[
    "The Terms of Reference (ToR) of the MAG were mentioned in passing.",
    "The Best Practice Forums (BPFs) sent short updates.",
    "The Small Island Developing States (SIDS) were represented.",
    "The Global Digital Compact (GDC) was also mentioned.",
    "The National and Regional Initiatives (NRIs) shared news.",
];
const CONNECTIVES: &[&str] = &[
    "In the discussion,",
    "Later,",
    "On this point,",
    "In addition,",
    "Closing the item,",
];

fn pick<'a, T>(rng: &mut fastrand::Rng, v: &'a [T]) -> &'a T {
    &v[rng.usize(..v.len())]
}

/// What a one-off asks: indices into the one-off word pools.
#[derive(Clone, Copy)]
struct OneOff {
    noun: usize,
    verb: usize,
    keyword: usize,
}

/// The one-offs of a corpus, in order: no thing is used twice before all are used, and no
/// action is asked twice of one topic phrase before all such pairs are used, so that
/// two one-offs rarely ask the same of the same thing (that would be a recurring request
/// that the truth calls noise). Its own random stream, so chains and texts do not move.
struct OneOffDeck {
    actions: Vec<(usize, usize)>,
    nouns: Vec<usize>,
}

impl OneOffDeck {
    fn new(seed: u64) -> Self {
        let mut r = fastrand::Rng::with_seed(seed ^ 0x6f6e_655f_6f66_6673);
        let mut actions: Vec<(usize, usize)> = (0..ONE_OFF_VERBS.len())
            .flat_map(|v| (0..KEYWORDS.len()).map(move |k| (v, k)))
            .collect();
        let mut nouns: Vec<usize> = (0..ONE_OFF_NOUNS.len()).collect();
        r.shuffle(&mut actions);
        r.shuffle(&mut nouns);
        OneOffDeck { actions, nouns }
    }

    fn get(&self, i: usize) -> OneOff {
        let (verb, keyword) = self.actions[i % self.actions.len()];
        OneOff {
            noun: self.nouns[i % self.nouns.len()],
            verb,
            keyword,
        }
    }
}

struct Occurrence {
    chain: usize,
    phrasing: usize,
}

/// One generated meeting: its path under the corpus, its text, the chains it raises
/// (chain, speaker, wording) and the chains it records as done.
type Written = (String, String, Vec<(usize, String, String)>, Vec<usize>);

/// Writes the corpus under `dir` (files in yearly folders) and `truth.json` beside it.
pub fn generate(dir: &Path, opts: &SynthOptions) -> Result<Truth> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let n = opts.meetings.max(1);
    let mut rng = fastrand::Rng::with_seed(opts.seed);
    // one chain per frame: two chains of one frame would read as one recurring proposal
    let n_chains = opts.chains.unwrap_or((n / 20).max(5)).min(FRAMES.len());
    // plan chains: which meetings raise which recurring proposal, and where it is done
    let mut plan: Vec<Vec<Occurrence>> = (0..n).map(|_| Vec::new()).collect();
    let mut done_at: Vec<Vec<usize>> = (0..n).map(|_| Vec::new()).collect();
    let mut chains: Vec<TruthChain> = Vec::new();
    for c in 0..n_chains {
        let frame = &FRAMES[c % FRAMES.len()];
        let k = 2 + rng.usize(..5).min(n.saturating_sub(1));
        let mut at: Vec<usize> = (0..k).map(|_| rng.usize(..n)).collect();
        at.sort_unstable();
        at.dedup();
        if at.len() < 2 {
            continue;
        }
        for &m in &at {
            plan[m].push(Occurrence {
                chain: chains.len(),
                phrasing: rng.usize(..frame.phrasings.len()),
            });
        }
        let last = *at.last().expect("non-empty");
        let addressed = rng.f32() < 0.3 && last + 1 < n;
        if addressed {
            let m = last + 1 + rng.usize(..(n - last - 1).clamp(1, 40));
            done_at[m.min(n - 1)].push(chains.len());
        }
        chains.push(TruthChain {
            id: chains.len(),
            label: frame.label.to_string(),
            status: if addressed {
                "addressed".into()
            } else {
                "open".into()
            },
            occurrences: Vec::new(),
            addressed_in: None,
        });
    }
    let chain_frames: Vec<usize> = (0..chains.len())
        .map(|i| {
            FRAMES
                .iter()
                .position(|f| f.label == chains[i].label)
                .expect("frame")
        })
        .collect();
    let root_name = dir.file_name().map_or_else(
        || "corpus".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let start =
        Date::from_calendar_date(opts.start_year, Month::January, 10).context("start year")?;
    let span_days = (opts.years.max(1) as i64) * 365;
    let seeds: Vec<u64> = (0..n).map(|_| rng.u64(..)).collect();
    let deck = OneOffDeck::new(opts.seed);
    let docs: Vec<Written> = (0..n)
        .into_par_iter()
        .map(|i| {
            let date = start + Duration::days(span_days * i as i64 / n as i64);
            let mut r = fastrand::Rng::with_seed(seeds[i]);
            // prose words have a stream of their own, so that the planted proposals do not move
            let mut w = fastrand::Rng::with_seed(seeds[i] ^ 0x7072_6f73_6520_7764);
            let (text, raised) = meeting(
                &mut r,
                i,
                date,
                &plan[i],
                &done_at[i],
                &chain_frames,
                opts.words,
                deck.get(i),
                &mut w,
            );
            let body_slug = slug(&BODIES[i % BODIES.len()].1.to_lowercase());
            let rel = format!(
                "{}/{}-{body_slug}-{i:06}.txt",
                date.year(),
                crate::extract::dates::iso(date)
            );
            (rel, text, raised, done_at[i].clone())
        })
        .collect();
    docs.par_iter()
        .try_for_each(|(rel, text, _, _)| -> Result<()> {
            let path = dir.join(rel);
            if let Some(p) = path.parent() {
                std::fs::create_dir_all(p)?;
            }
            std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
        })?;
    for (i, (rel, _, raised, done)) in docs.iter().enumerate() {
        let date =
            crate::extract::dates::iso(start + Duration::days(span_days * i as i64 / n as i64));
        for (c, speaker, text) in raised {
            chains[*c].occurrences.push(TruthOccurrence {
                source: format!("{root_name}/{rel}"),
                date: date.clone(),
                speaker: speaker.clone(),
                text: text.clone(),
            });
        }
        for c in done {
            chains[*c].addressed_in = Some(format!("{root_name}/{rel}"));
        }
    }
    chains.retain(|c| c.occurrences.len() >= 2);
    let truth = Truth {
        seed: opts.seed,
        meetings: n,
        chains,
    };
    let truth_path = dir.with_file_name(format!("{root_name}-truth.json"));
    std::fs::write(&truth_path, serde_json::to_string_pretty(&truth)?)
        .with_context(|| format!("writing {}", truth_path.display()))?;
    Ok(truth)
}

fn slug(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

fn person(r: &mut fastrand::Rng) -> String {
    format!("{} {}", pick(r, GIVEN), pick(r, FAMILY))
}

/// One meeting's text, and the planted proposals it raised (chain, speaker, wording).
#[allow(clippy::too_many_arguments)]
fn meeting(
    r: &mut fastrand::Rng,
    i: usize,
    date: Date,
    plan: &[Occurrence],
    done: &[usize],
    frames: &[usize],
    words: (usize, usize),
    one_off: OneOff,
    w: &mut fastrand::Rng,
) -> (String, Vec<(usize, String, String)>) {
    let (body, short) = BODIES[i % BODIES.len()];
    let people: Vec<String> = (0..r.usize(6..14))
        .map(|_| person(r))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let chair = people[0].clone();
    let target = r.usize(words.0..=words.1.max(words.0));
    let transcript = r.f32() < 0.3;
    let number = i / BODIES.len() + 1;
    let day = crate::extract::dates::iso(date);
    let mut raised = Vec::new();
    let mut out = String::with_capacity(target * 7);
    let mut count = 0usize;
    let topics: Vec<&(&str, &[&str])> = (0..r.usize(3..6)).map(|_| pick(r, TOPICS)).collect();
    let mut proposals: Vec<(usize, String)> = plan
        .iter()
        .map(|o| {
            (
                o.chain,
                FRAMES[frames[o.chain]].phrasings[o.phrasing].to_string(),
            )
        })
        .collect();
    if r.f32() < 0.5 {
        proposals.push((usize::MAX, distractor(r, one_off)));
    }
    let next = date + Duration::days(14);
    if transcript {
        out.push_str(&format!("IGF {} - {short} - Virtual Meeting - {number}\n\n{} - 13:00 to 14:30 UTC\n\nUnedited real-time captions.\n\n***\n\n", date.year(), long_date(date)));
        out.push_str(&format!(">> {}: Welcome, everyone, to meeting number {number} of the {body}. The agenda is adopted.\n\n", chair.to_uppercase()));
        let mut pi = 0;
        for (t, (_, phrases)) in topics.iter().enumerate() {
            for _ in 0..r.usize(3..8) {
                let who = pick(r, &people[1..]).clone();
                let mut turn = format!(
                    "Thank you. On {}, {}",
                    pick(r, phrases),
                    filler(r, w, phrases, 2)
                );
                if pi < proposals.len() && (t + 1 == topics.len() || r.f32() < 0.4) {
                    let (c, p) = &proposals[pi];
                    turn.push_str(&format!(" I would propose that {p}."));
                    if *c != usize::MAX {
                        raised.push((*c, who.clone(), p.clone()));
                    }
                    pi += 1;
                }
                count += turn.split_whitespace().count();
                out.push_str(&format!(">> {}: {turn}\n\n", who.to_uppercase()));
            }
            while count < target * (t + 1) / topics.len() {
                let who = pick(r, &people[1..]).clone();
                let turn = filler(r, w, phrases, 4);
                count += turn.split_whitespace().count();
                out.push_str(&format!(">> {}: {turn}\n\n", who.to_uppercase()));
            }
        }
        while pi < proposals.len() {
            let who = pick(r, &people[1..]).clone();
            let (c, p) = &proposals[pi];
            out.push_str(&format!(
                ">> {}: One more thing. I would suggest that {p}.\n\n",
                who.to_uppercase()
            ));
            if *c != usize::MAX {
                raised.push((*c, who.clone(), p.clone()));
            }
            pi += 1;
        }
        for c in done {
            out.push_str(&format!(
                ">> {}: For the record, the Secretariat confirms that {}.\n\n",
                chair.to_uppercase(),
                pick(r, FRAMES[frames[*c]].done)
            ));
        }
        out.push_str(&format!(
            ">> {}: So we agree to continue the work on {}. Our next call is on {}.\n",
            chair.to_uppercase(),
            topics[0].0,
            long_date(next)
        ));
    } else {
        out.push_str(&format!(
            "{body} ({short})\n\nOnline Meeting\n\n{} at 13:00 UTC\n\nSummary Report\n\n",
            long_date(date)
        ));
        out.push_str(&format!("The {} virtual meeting of the {body} was held on {day}. The meeting was moderated by {chair}.\n\n", ordinal(number)));
        let mut pi = 0;
        for (t, (title, phrases)) in topics.iter().enumerate() {
            out.push_str(&format!(
                "{}. {}\n\n",
                (b'A' + t as u8) as char,
                capitalize(title)
            ));
            for _ in 0..r.usize(2..5) {
                let who = pick(r, &people[1..]).clone();
                let mut para = format!(
                    "{who} {} that {}",
                    pick(r, SPEECH),
                    filler(r, w, phrases, 2)
                );
                if pi < proposals.len() && (t + 1 == topics.len() || r.f32() < 0.5) {
                    let (c, p) = &proposals[pi];
                    let verb = pick(r, PROPOSE);
                    let p_text = if verb.ends_with("for") {
                        format!("action so that {p}")
                    } else {
                        p.clone()
                    };
                    let subject = if r.bool() { "She" } else { who.as_str() };
                    para.push_str(&format!(" {subject} also {verb} {p_text}."));
                    if *c != usize::MAX {
                        raised.push((*c, who.clone(), p.clone()));
                    }
                    pi += 1;
                }
                count += para.split_whitespace().count();
                out.push_str(&para);
                out.push_str("\n\n");
            }
            while count < target * (t + 1) / topics.len() {
                let mut para = format!("{} {}", pick(r, CONNECTIVES), filler(r, w, phrases, 4));
                if r.f32() < 0.05 {
                    para.push(' ');
                    para.push_str(pick::<&str>(r, DEFINITIONS));
                }
                count += para.split_whitespace().count();
                out.push_str(&para);
                out.push_str("\n\n");
            }
        }
        while pi < proposals.len() {
            let who = pick(r, &people[1..]).clone();
            let (c, p) = &proposals[pi];
            out.push_str(&format!("{who} suggested that {p}.\n\n"));
            if *c != usize::MAX {
                raised.push((*c, who.clone(), p.clone()));
            }
            pi += 1;
        }
        if !done.is_empty() {
            out.push_str("Updates\n\n");
            for c in done {
                out.push_str(&format!(
                    "The Secretariat informed the group that {}.\n\n",
                    pick(r, FRAMES[frames[*c]].done)
                ));
            }
        }
        out.push_str(&format!(
            "Next steps\n\nThe group agreed to continue the work on {} before the {}.\n\n",
            topics[0].0,
            pick(r, EVENTS)
        ));
        out.push_str(&format!(
            "Next meeting\n\nThe next meeting is scheduled for {}.\n\nList of participants:\n\n",
            long_date(next)
        ));
        for (k, p) in people.iter().enumerate() {
            out.push_str(&format!(
                "{}. {p}, {}\n",
                k + 1,
                if k == 0 { "Chair" } else { "MAG member" }
            ));
        }
    }
    (out, raised)
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

pub(crate) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn long_date(d: Date) -> String {
    format!("{} {} {}", d.day(), d.month(), d.year())
}

/// `sentences` sentences of prose about one of `phrases`. `r` draws what it always drew
/// (a sentence family and a phrase); the words come from `words`, a stream of their own.
fn filler(
    r: &mut fastrand::Rng,
    words: &mut fastrand::Rng,
    phrases: &[&str],
    sentences: usize,
) -> String {
    (0..sentences)
        .map(|k| {
            let family = r.usize(..prose::FAMILY_COUNT);
            let s = prose::sentence(words, family, pick::<&str>(r, phrases));
            if k == 0 {
                s
            } else {
                capitalize(&s)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_generation_is_deterministic_and_plants_chains() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let opts = SynthOptions {
            meetings: 40,
            seed: 7,
            words: (300, 600),
            ..Default::default()
        };
        let ta = generate(&a.path().join("corpus"), &opts).unwrap();
        let tb = generate(&b.path().join("corpus"), &opts).unwrap();
        assert_eq!(
            serde_json::to_string(&ta).unwrap(),
            serde_json::to_string(&tb).unwrap()
        );
        assert!(!ta.chains.is_empty());
        assert!(ta.chains.iter().all(|c| c.occurrences.len() >= 2));
        let files: Vec<_> = walkdir::WalkDir::new(a.path().join("corpus"))
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .collect();
        assert_eq!(files.len(), 40);
    }

    #[test]
    fn test_one_offs_do_not_repeat_a_request() {
        let deck = OneOffDeck::new(5);
        let (n, a) = (ONE_OFF_NOUNS.len(), ONE_OFF_VERBS.len() * KEYWORDS.len());
        let things: std::collections::HashSet<usize> = (0..n).map(|i| deck.get(i).noun).collect();
        assert_eq!(things.len(), n);
        let actions: std::collections::HashSet<(usize, usize)> = (0..a)
            .map(|i| (deck.get(i).verb, deck.get(i).keyword))
            .collect();
        assert_eq!(actions.len(), a);
        // no one-off word is also an adjective the generator uses: "folding" / "be folded"
        let stems = |w: &str| crate::index::schema::analyze(w);
        for v in ONE_OFF_VERBS {
            let v = stems(v).pop().unwrap();
            assert!(!ADJECTIVES.iter().any(|j| stems(j).contains(&v)), "{v}");
        }
    }
}
