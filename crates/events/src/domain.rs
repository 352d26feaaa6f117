//! Reports from outside politics: sport, show business, technology.
//!
//! Play is told in the words of conflict (`menyerang`, `mengancam`,
//! `ditahan imbang`, `membela Prancis`, `ditangkap kiper`), and the lives
//! of stars and products in the words of diplomacy (`bertemu`, `mengajak`,
//! `membantu`, `didukung`, `menolak tawaran`). An audit of 60 events coded
//! from unseen IndoSum articles found 8 of them to be football and 9
//! celebrity, film or business acts (docs/quality.md). In an article that
//! reads as a sports report only events with a political actor stay; in
//! show business and technology, so do accusations, threats and violence
//! (a harassment charge). A political actor is
//! a ministry, the police, a court, a party, an armed force, an
//! international body, or (outside sport) a country acting as a whole (`Kemenpora meminta …`, `pelaku
//! ditangkap polisi`, `kerja sama Indonesia dan Korea Selatan`).

use crate::actors::is_place_at;
use crate::data::{Resources, DOMAINS};
use crate::words::Words;
use warta_core::{Document, Event, EventActor};

/// Distinct words of one domain, and their occurrences, from which an
/// article is a report of that domain. On 2,896 IndoSum articles: 479 of
/// 718 sports articles, 191 of 387 show-business ones and 302 of 391
/// technology ones, and 19 of 1,119 headline-news ones (those too mostly
/// a film, a race, a start-up's funding).
const MIN_DISTINCT: usize = 4;
const MIN_OCCURRENCES: usize = 6;

/// CAMEO role codes of political actors, inside an actor code
/// (`IDNGOV`, `FRAMIL`, `IGOUNO`).
const POLITICAL_ROLES: [&str; 12] = [
    "GOV", "COP", "JUD", "LEG", "MIL", "SPY", "PTY", "ELI", "REB", "INS", "IGO", "NGO",
];

/// A domain outside politics an article reads as.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Domain {
    /// Where countries are teams (`Indonesia menahan imbang Malaysia`).
    Sport,
    /// Show business and technology, where a country named as an actor is
    /// its state (`kerja sama Indonesia dengan Korea Selatan`).
    Other,
}

/// The domain outside politics the article reads as, if any.
pub(crate) fn outside_politics(words: &Words, res: &Resources) -> Option<Domain> {
    // One pass over the words: per domain, the distinct words seen and
    // their occurrences.
    let mut seen: Vec<Vec<&str>> = vec![Vec::new(); DOMAINS.len()];
    let mut occurrences = vec![0usize; DOMAINS.len()];
    for w in &words.ws {
        if let Some((word, &at)) = res.domain_words.get_key_value(w.norm.as_ref()) {
            occurrences[at] += 1;
            if !seen[at].contains(&word.as_str()) {
                seen[at].push(word);
            }
        }
    }
    let at =
        (0..DOMAINS.len()).find(|&d| seen[d].len() >= MIN_DISTINCT && occurrences[d] >= MIN_OCCURRENCES)?;
    Some(if DOMAINS[at] == "sport" {
        Domain::Sport
    } else {
        Domain::Other
    })
}

/// PLOVER types of the everyday dealings of stars and firms (meeting,
/// working together, helping, asking, turning down, backing out), which in
/// show business and technology reports are private life. Accusations,
/// threats and violence there stay: a harassment charge against a studio
/// head is an event in the gold's conventions.
const PRIVATE_DEALINGS: [&str; 9] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "REJECT",
];

/// Whether the event stays in a report of the domain: it has a political
/// actor, or (outside sport) is no private dealing.
pub(crate) fn keeps(doc: &Document, domain: Domain, e: &Event) -> bool {
    if domain == Domain::Other && !PRIVATE_DEALINGS.contains(&e.plover.as_str()) {
        return true;
    }
    has_political_actor(doc, domain, e)
}

/// Whether an actor of the event is a political one in a report of the
/// domain.
fn has_political_actor(doc: &Document, domain: Domain, e: &Event) -> bool {
    [&e.source, &e.target]
        .into_iter()
        .flatten()
        .any(|a| has_political_role(a) || domain != Domain::Sport && is_country(doc, a))
}

fn has_political_role(a: &EventActor) -> bool {
    a.code
        .as_deref()
        .is_some_and(|code| POLITICAL_ROLES.iter().any(|r| code.contains(r)))
}

/// A country standing for its state: a place named by the actor's own
/// words, coded with a bare country.
fn is_country(doc: &Document, a: &EventActor) -> bool {
    a.code.as_deref().is_some_and(|c| c.len() == 3) && !a.implicit && is_place_at(doc, a.span.start)
}
