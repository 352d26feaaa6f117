//! Sports reports. Play is told in the words of conflict (`menyerang`,
//! `mengancam`, `ditahan imbang`, `membela Prancis`, `ditangkap kiper`);
//! an audit of 60 events coded from unseen IndoSum articles found 8 of
//! them to be football (docs/quality.md). In an article that reads as a
//! sports report only events with a political actor stay: a ministry, the
//! police, a court, a party, an armed force or an international body
//! acting on or in sport (`Kemenpora meminta …`, `pelaku ditangkap polisi`).

use crate::data::Resources;
use crate::words::Words;
use warta_core::Event;

/// Distinct words of sports reporting, and their occurrences, from which
/// an article is a sports report (on 2,896 IndoSum articles: 522, all read
/// of a sample of 25 were sport).
const MIN_DISTINCT: usize = 4;
const MIN_OCCURRENCES: usize = 6;

/// CAMEO role codes of political actors, inside an actor code
/// (`IDNGOV`, `FRAMIL`, `IGOUNO`).
const POLITICAL_ROLES: [&str; 12] = [
    "GOV", "COP", "JUD", "LEG", "MIL", "SPY", "PTY", "ELI", "REB", "INS", "IGO", "NGO",
];

/// Whether the article reads as a sports report.
pub(crate) fn is_sports_report(words: &Words, res: &Resources) -> bool {
    let mut seen: Vec<&str> = Vec::new();
    let mut occurrences = 0;
    for w in &words.ws {
        if let Some(s) = res.sport.get(w.norm.as_ref()) {
            occurrences += 1;
            if !seen.contains(&s.as_str()) {
                seen.push(s);
            }
        }
    }
    seen.len() >= MIN_DISTINCT && occurrences >= MIN_OCCURRENCES
}

/// Whether an actor of the event is a political one.
pub(crate) fn has_political_actor(e: &Event) -> bool {
    [&e.source, &e.target]
        .into_iter()
        .flatten()
        .filter_map(|a| a.code.as_deref())
        .any(|code| POLITICAL_ROLES.iter().any(|r| code.contains(r)))
}
