//! The everyday sentences of a generated record, around its proposals and decisions.
//!
//! Their words follow Zipf's law over a vocabulary of real head words and a long tail of
//! made-up place names, because search cost and ranking depend on how many passages a
//! word is in. Real meeting transcripts (QMSum) have about 9,600 distinct words in 574,000
//! tokens, and a random word of a meeting is in 0.4 % of its turns (median); the eight
//! fixed sentences these replace had 567 words, and a random word was in a third of all
//! passages.

/// A sentence frame: `{}` is the meeting topic's phrase, `{N}` a noun, `{A}` an
/// adjective, `{V}` a past participle, `{P}` a place, `{Y}` a year, `{K}` a small number. Each family keeps
/// the word count of the sentence it replaced, so that documents keep their length and
/// the generator's other draws (proposals, speakers) stay where they were.
const FAMILIES: [&[&str]; 8] = [
    &[
        "the {N} in {P} has {V} {} since {Y} and views differ.",
        "work on {} by the {A} {N} of {P} began in {Y}.",
        "the {N} there has {V} {} for {K} years, with {A} results.",
        "in {P}, {} has been {V} by a {A} {N} since {Y}.",
    ],
    &[
        "the {N} shared experiences about {} from {P}.",
        "{} was {V} in {P} with a {N}.",
        "a {A} {N} in {P} {V} {} recently.",
    ],
    &[
        "several {N}s asked how {} relates to the {A} {N} in {P}.",
        "one {N} from {P} asked whether {} fits the {A} {N} there.",
        "a {N} in {P} {V} {} through a {A} {N} last year.",
    ],
    &[
        "the {N} {V} {A} developments regarding {}.",
        "in {P}, the {A} {N} {V} {}.",
        "a {A} {N} {V} {} in {P}.",
    ],
    &[
        "there is growing interest in {} among {A} {N}s in {P}.",
        "the {N} of {P} {V} {} during the {A} {N} there.",
        "a {A} {N} {V} {} for the {N} of {P} again.",
    ],
    &[
        "it was said that {} needs attention from the {N} of {P}.",
        "the {N} in {P} {V} {} after a {A} {N} in {Y}.",
        "a {N} from {P} {V} {} with the {A} {N} and {N}.",
    ],
    &[
        "some {N}s gave examples of {A} projects on {}.",
        "the {N} of {P} {V} {} with {A} {N}.",
        "a {A} {N} {V} {} across {P} and {P}.",
    ],
    &[
        "questions about {} remain open in {P} today.",
        "the {A} {N} {V} {} in {P} twice.",
        "a {N} on {} was {V} in {P}.",
    ],
];

/// Number of sentence families; the caller draws the family as before.
pub const FAMILY_COUNT: usize = FAMILIES.len();

const NOUNS: &[&str] = &[
    "community",
    "network",
    "survey",
    "school",
    "library",
    "ministry",
    "regulator",
    "operator",
    "university",
    "platform",
    "programme",
    "workshop",
    "portal",
    "council",
    "coalition",
    "municipality",
    "parliament",
    "observatory",
    "registry",
    "provider",
    "teacher",
    "student",
    "journalist",
    "engineer",
    "volunteer",
    "village",
    "province",
    "district",
    "hospital",
    "clinic",
    "cooperative",
    "startup",
    "incubator",
    "laboratory",
    "museum",
    "archive",
    "newsroom",
    "radio",
    "broadband",
    "satellite",
    "tower",
    "cable",
    "router",
    "server",
    "dataset",
    "database",
    "dashboard",
    "repository",
    "toolkit",
    "curriculum",
    "syllabus",
    "textbook",
    "manual",
    "guideline",
    "charter",
    "treaty",
    "tribunal",
    "judiciary",
    "census",
    "budget",
    "grant",
    "subsidy",
    "scholarship",
    "tender",
    "procurement",
    "licence",
    "spectrum",
    "standard",
    "protocol",
    "benchmark",
    "audit",
    "assessment",
    "roadmap",
    "strategy",
    "framework",
    "methodology",
    "taxonomy",
    "directory",
    "index",
    "ledger",
    "marketplace",
    "supplier",
    "vendor",
    "farmer",
    "household",
    "citizen",
    "mentor",
    "trainer",
    "helpdesk",
    "hotspot",
    "kiosk",
    "telecentre",
    "gateway",
    "corridor",
    "cluster",
    "ecosystem",
    "hackathon",
    "festival",
    "seminar",
    "webinar",
    "lecture",
    "podcast",
    "newsletter",
    "campaign",
    "pilot",
    "simulation",
    "internship",
    "pathway",
    "partnership",
    "delegation",
    "caucus",
    "panel",
    "tablet",
    "terminal",
    "classroom",
    "warehouse",
    "shelter",
    "wiki",
    "notebook",
    "referendum",
    "election",
    "identity",
    "encryption",
    "firewall",
    "outage",
    "backbone",
    "datacentre",
    "exchange",
    "carrier",
    "handset",
    "battery",
    "generator",
    "microgrant",
    "donor",
    "foundation",
    "charity",
    "chamber",
    "union",
    "guild",
    "academy",
    "institute",
    "secretariat",
    "commission",
    "agency",
    "bureau",
    "office",
    "department",
    "authority",
    "ombudsman",
    "auditor",
    "inspector",
    "translator",
    "interpreter",
    "captioner",
    "moderator",
    "rapporteur",
    "facilitator",
    "librarian",
    "archivist",
    "statistician",
    "economist",
    "lawyer",
    "judge",
    "mayor",
    "governor",
    "senator",
    "minister",
    "diplomat",
    "envoy",
    "attache",
    "consul",
    "researcher",
    "scholar",
    "professor",
    "lecturer",
    "tutor",
    "apprentice",
];

const ADJECTIVES: &[&str] = &[
    "regional",
    "local",
    "national",
    "public",
    "private",
    "rural",
    "urban",
    "coastal",
    "municipal",
    "federal",
    "affordable",
    "annual",
    "basic",
    "broad",
    "careful",
    "central",
    "civic",
    "collective",
    "comparative",
    "concrete",
    "cultural",
    "detailed",
    "domestic",
    "economic",
    "educational",
    "effective",
    "emerging",
    "ethical",
    "existing",
    "external",
    "financial",
    "flexible",
    "formal",
    "gradual",
    "independent",
    "informal",
    "innovative",
    "internal",
    "joint",
    "large",
    "legal",
    "modest",
    "neutral",
    "novel",
    "ordinary",
    "outdated",
    "parallel",
    "practical",
    "previous",
    "primary",
    "reliable",
    "scientific",
    "secure",
    "specific",
    "stable",
    "strategic",
    "sustainable",
    "traditional",
    "transparent",
    "voluntary",
    "statistical",
    "mountainous",
    "multilingual",
    "seasonal",
    "quarterly",
    "vocational",
    "agricultural",
    "electoral",
    "judicial",
    "academic",
    "commercial",
    "industrial",
    "maritime",
    "tropical",
    "northern",
    "southern",
    "eastern",
    "western",
    "peripheral",
    "landlocked",
    "insular",
    "remote",
];

/// Past participles of verbs that neither propose nor decide nor report completion, so
/// that the prose adds no proposal, decision or evidence that the ground truth lacks.
const PARTICIPLES: &[&str] = &[
    "studied",
    "mapped",
    "measured",
    "surveyed",
    "documented",
    "compared",
    "examined",
    "explored",
    "tracked",
    "traced",
    "sampled",
    "catalogued",
    "charted",
    "profiled",
    "analysed",
    "assessed",
    "visited",
    "translated",
    "hosted",
    "financed",
    "taught",
    "debated",
    "questioned",
    "photographed",
    "filmed",
    "recorded",
    "summarised",
    "tabulated",
    "indexed",
    "benchmarked",
    "audited",
    "inspected",
    "piloted",
    "simulated",
    "modelled",
    "sketched",
    "drafted",
    "narrated",
];

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mbe", "ri", "ta", "no", "vi", "se", "du", "ra", "mo", "li", "ze", "ba", "ku",
    "ne", "sa", "to", "fi", "ga", "ho", "ju", "pe", "wa",
];

/// How many made-up places there are to draw from.
const PLACES: usize = 60_000;

/// A rank in 0..n, with rank k drawn about as often as 1/(k+1): Zipf's law with
/// exponent 1, by inverting the continuous distribution.
fn zipf(r: &mut fastrand::Rng, n: usize) -> usize {
    (((n as f64 + 1.0).powf(r.f64()) - 1.0) as usize).min(n - 1)
}

/// The place of a rank: two syllables for the commonest, then three, then four, so that
/// each rank has its own name.
pub fn place(rank: usize) -> String {
    let b = SYLLABLES.len();
    let (mut k, mut len) = (rank, 2);
    while k >= b.pow(len) {
        k -= b.pow(len);
        len += 1;
    }
    let mut s = String::new();
    for _ in 0..len {
        s.push_str(SYLLABLES[k % b]);
        k /= b;
    }
    capitalize(&s)
}

fn plural(noun: &str) -> String {
    if noun.ends_with('y') && !noun.ends_with("ey") && !noun.ends_with("ay") {
        format!("{}ies", &noun[..noun.len() - 1])
    } else if noun.ends_with('s')
        || noun.ends_with('x')
        || noun.ends_with("ch")
        || noun.ends_with("sh")
    {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

/// One sentence of family `family` about `topic`, its words drawn from `r`.
pub fn sentence(r: &mut fastrand::Rng, family: usize, topic: &str) -> String {
    let frames = FAMILIES[family % FAMILIES.len()];
    let frame = frames[r.usize(..frames.len())];
    let mut out = String::with_capacity(frame.len() + 64);
    let mut rest = frame;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find('}').map_or(rest.len(), |j| i + j + 1);
        let plural_noun = rest[end..].starts_with('s');
        match &rest[i..end] {
            "{}" => out.push_str(topic),
            "{N}" if plural_noun => out.push_str(&plural(NOUNS[zipf(r, NOUNS.len())])),
            "{N}" => out.push_str(NOUNS[zipf(r, NOUNS.len())]),
            "{A}" => out.push_str(ADJECTIVES[zipf(r, ADJECTIVES.len())]),
            "{V}" => out.push_str(PARTICIPLES[zipf(r, PARTICIPLES.len())]),
            "{P}" => out.push_str(&place(zipf(r, PLACES))),
            "{Y}" => out.push_str(&(1995 + r.usize(..31)).to_string()),
            "{K}" => out.push_str(&(2 + r.usize(..12)).to_string()),
            other => out.push_str(other),
        }
        rest = &rest[if plural_noun { end + 1 } else { end }..];
    }
    out.push_str(rest);
    with_articles(&out)
}

/// "a" becomes "an" before a vowel.
fn with_articles(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut words = s.split(' ').peekable();
    while let Some(w) = words.next() {
        let vowel = words
            .peek()
            .is_some_and(|n| n.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']));
        out.push_str(if w == "a" && vowel { "an" } else { w });
        if words.peek().is_some() {
            out.push(' ');
        }
    }
    out
}

/// The text with its first letter in upper case.
pub(crate) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word counts of the eight sentences the families replaced.
    const REPLACED_WORDS: [usize; 8] = [12, 8, 12, 7, 11, 12, 9, 8];

    #[test]
    fn test_each_frame_keeps_the_length_of_the_sentence_it_replaced() {
        for (family, frames) in FAMILIES.iter().enumerate() {
            for frame in *frames {
                assert_eq!(
                    frame.replace("{}", "X").split_whitespace().count(),
                    REPLACED_WORDS[family],
                    "{frame}"
                );
            }
        }
    }

    #[test]
    fn test_places_are_distinct_and_ranks_follow_zipf() {
        let names: std::collections::HashSet<String> = (0..20_000).map(place).collect();
        assert_eq!(names.len(), 20_000);
        let mut r = fastrand::Rng::with_seed(1);
        let draws: Vec<usize> = (0..100_000).map(|_| zipf(&mut r, 1000)).collect();
        let top = draws.iter().filter(|&&k| k < 10).count() as f64 / draws.len() as f64;
        // P(rank < 10) = ln(11) / ln(1001), about 0.35
        assert!((top - 0.347).abs() < 0.02, "{top}");
        assert!(draws.iter().all(|&k| k < 1000));
    }

    #[test]
    fn test_prose_adds_no_proposal_decision_or_event() {
        // the ground truth knows only the planted proposals: the prose around them must
        // not read as a request, a decision or a named event
        let mut r = fastrand::Rng::with_seed(3);
        let mut text = String::from("Working Group on Tests\n\nSummary Report\n\nA. Topic\n\n");
        for k in 0..400 {
            text.push_str(&capitalize(&sentence(
                &mut r,
                k % FAMILY_COUNT,
                "remote hubs",
            )));
            text.push_str(if k % 4 == 3 { "\n\n" } else { " " });
        }
        let m = quorum::pipeline::parse("t.txt", &text);
        assert!(m.proposals.is_empty(), "{:?}", m.proposals.first());
        assert!(m.decisions.is_empty(), "{:?}", m.decisions.first());
        assert!(m.events.is_empty(), "{:?}", m.events.first());
    }

    #[test]
    fn test_sentences_fill_every_slot() {
        let mut r = fastrand::Rng::with_seed(2);
        for family in 0..FAMILY_COUNT {
            for _ in 0..50 {
                let s = sentence(&mut r, family, "remote hubs");
                assert!(!s.contains('{') && !s.contains('}'), "{s}");
                assert!(s.contains("remote hubs"), "{s}");
            }
        }
        assert_eq!(
            with_articles("a internal audit and a school"),
            "an internal audit and a school"
        );
        assert_eq!(plural("library"), "libraries");
        assert_eq!(plural("survey"), "surveys");
        assert_eq!(plural("census"), "censuses");
    }
}
