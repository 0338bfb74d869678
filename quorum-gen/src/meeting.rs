//! One generated meeting's text: a summary report or a captioning transcript, with its
//! planted proposals, a one-off request, the record of chains done, and prose between.

use crate::prose::{self, capitalize};
use crate::words::*;
use time::{Date, Duration, Month};

/// A planted proposal raised in one meeting: which chain, in which of its wordings.
pub(crate) struct Occurrence {
    pub(crate) chain: usize,
    pub(crate) phrasing: usize,
}

/// A one-off proposal: it names a thing that a recurring proposal is also about (a topic
/// phrase, "the tracker board"), but asks for something else about it; the thing, the
/// action and the topic phrase come from the [`OneOffDeck`].
pub(crate) fn distractor(
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

pub(crate) fn pick<'a, T>(rng: &mut fastrand::Rng, v: &'a [T]) -> &'a T {
    &v[rng.usize(..v.len())]
}

/// What a one-off asks: indices into the one-off word pools.
#[derive(Clone, Copy)]
pub(crate) struct OneOff {
    pub(crate) noun: usize,
    pub(crate) verb: usize,
    pub(crate) keyword: usize,
}

pub(crate) fn slug(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

pub(crate) fn person(r: &mut fastrand::Rng) -> String {
    format!("{} {}", pick(r, GIVEN), pick(r, FAMILY))
}

/// One meeting's text, and the planted proposals it raised (chain, speaker, wording).
#[allow(clippy::too_many_arguments)]
pub(crate) fn meeting(
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
    let day = quorum::extract::dates::iso(date);
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

pub(crate) fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

pub(crate) fn long_date(d: Date) -> String {
    format!("{} {} {}", d.day(), d.month(), d.year())
}

/// `sentences` sentences of prose about one of `phrases`. `r` draws what it always drew
/// (a sentence family and a phrase); the words come from `words`, a stream of their own.
pub(crate) fn filler(
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
