//! A long conversation read by both readers: the sentence rules' proposals and decisions
//! (`proposals`, `decisions`), which find what is said in a proposal's or a decision's own
//! form wherever it stands, and the clause model's picked turns (`clause::conversation`),
//! which find turns that carry one without such a form.
//!
//! The model scores a turn by where it lies and what surrounds it (a turn in the first
//! tenth of a transcript loses 1.4, one with a figure 0.27), so it passes over a proposal
//! made in a proposal's words early in the call ("I would propose that the outputs of the
//! Best Practice Forums be stored in a searchable library", the second of 105 turns). When
//! its picks replaced the rules' findings, such proposals were lost; so the rules' findings
//! are all kept, and a picked turn is added only when the rules found nothing in it.

use crate::model::{Block, BlockKind, Decision, Proposal};

/// The rules' proposals and decisions, with the model's picks of turns in which the rules
/// found neither, each list in the order of its lines.
pub fn merge(
    rules: (Vec<Proposal>, Vec<Decision>),
    picks: (Vec<Proposal>, Vec<Decision>),
    blocks: &[Block],
) -> (Vec<Proposal>, Vec<Decision>) {
    let (mut proposals, mut decisions) = rules;
    // the lines of each turn that holds a rule's finding
    let found: Vec<usize> = proposals
        .iter()
        .map(|p| p.line)
        .chain(decisions.iter().map(|d| d.line))
        .collect();
    let taken: Vec<(usize, usize)> = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Turn)
        .map(|b| (b.line_start, b.line_end.max(b.line_start)))
        .filter(|&(s, e)| found.iter().any(|&l| s <= l && l <= e))
        .collect();
    let free = |line: usize| !taken.iter().any(|&(s, e)| s <= line && line <= e);
    let (p, d) = picks;
    proposals.extend(p.into_iter().filter(|x| free(x.line)));
    decisions.extend(d.into_iter().filter(|x| free(x.line)));
    proposals.sort_by_key(|p| p.line);
    decisions.sort_by_key(|d| d.line);
    (proposals, decisions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turn(line: usize, end: usize) -> Block {
        Block {
            kind: BlockKind::Turn,
            line_end: end,
            ..Block::paragraph(line, "")
        }
    }

    fn proposal(line: usize, text: &str) -> Proposal {
        Proposal {
            speaker: String::new(),
            text: text.into(),
            section: None,
            line,
        }
    }

    #[test]
    fn test_a_rules_proposal_stays_and_a_pick_fills_only_a_turn_without_one() {
        let blocks = [turn(3, 4), turn(6, 6), turn(8, 9)];
        // the rules read a request on the second line of the first turn
        let rules = (
            vec![proposal(4, "a shared calendar be kept for the regions")],
            vec![],
        );
        let picks = (
            vec![
                proposal(3, "thanks, on the calendar we"),
                proposal(8, "we could ask the hosts for a list"),
            ],
            vec![Decision {
                text: "so agreed".into(),
                section: None,
                line: 6,
            }],
        );
        let (p, d) = merge(rules, picks, &blocks);
        let texts: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
        // the first turn keeps the rules' words, not the pick's; the third takes the pick
        assert_eq!(
            texts,
            [
                "a shared calendar be kept for the regions",
                "we could ask the hosts for a list"
            ]
        );
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn test_a_decision_the_rules_read_keeps_a_pick_out_of_its_turn() {
        let blocks = [turn(10, 12)];
        let rules = (
            vec![],
            vec![Decision {
                text: "the group agreed to meet monthly".into(),
                section: None,
                line: 11,
            }],
        );
        let picks = (vec![proposal(10, "meet monthly then")], vec![]);
        let (p, d) = merge(rules, picks, &blocks);
        assert!(p.is_empty());
        assert_eq!(d[0].text, "the group agreed to meet monthly");
    }
}
