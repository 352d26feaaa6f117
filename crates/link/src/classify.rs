//! What a mention names according to the lexicon, given the type the NER
//! stage guessed.

use crate::resolve::{trigger_of, Trigger};
use crate::words::Word;
use warta_core::EntityType;
use warta_lexicon::{FormKind, Lexicon, PlaceKind, Ref};

/// The lexicon's reading of one mention.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Hit {
    /// Not in the lexicon.
    None,
    /// A country by name or capital (index into `forms`).
    Country(u32),
    /// A seat of power standing for a government (Kremlin), as ORG.
    Seat(u32),
    /// Candidate places (indices into `places`) and the trigger before them.
    Place(Vec<u32>, Trigger),
    /// A person or organisation (index into `actors`).
    Actor(u32),
}

/// Reads mention `text` in the light of the NER type `kind`; `prev` is the
/// word before the mention (a trigger such as "kota", "Kabupaten", "di").
pub(crate) fn classify(lex: &Lexicon, text: &str, kind: EntityType, prev: Option<&Word>) -> Hit {
    let hit = classify_name(lex, text, kind, Trigger::None);
    if hit != Hit::None {
        if let (Hit::Place(c, _), Some(p)) = (&hit, prev) {
            return Hit::Place(c.clone(), trigger_of(&p.norm));
        }
        return hit;
    }
    // "Provinsi Luhansk", "Kota Bogor" as one NER span: read the trigger off.
    let norm = warta_lexicon::normalize(text);
    if let Some((first, rest)) = norm.split_once(' ') {
        let t = trigger_of(first);
        if t != Trigger::None && t != Trigger::Locative {
            if let Hit::Place(c, _) = classify_name(lex, rest, EntityType::Loc, t) {
                return Hit::Place(c, t);
            }
        }
    }
    Hit::None
}

fn classify_name(lex: &Lexicon, name: &str, kind: EntityType, trigger: Trigger) -> Hit {
    let refs = lex.lookup(name);
    if refs.is_empty() {
        return Hit::None;
    }
    let actor = |want: Option<EntityType>, curated_only: bool| {
        refs.iter().find_map(|r| match *r {
            Ref::Actor(i) => {
                let a = &lex.actors[i as usize];
                (fits(want, a.kind) && (a.curated || !curated_only)).then_some(i)
            }
            _ => None,
        })
    };
    let form = |pred: &dyn Fn(FormKind) -> bool| {
        refs.iter().find_map(|r| match *r {
            Ref::Form(i) if pred(lex.forms[i as usize].kind) => Some(i),
            _ => None,
        })
    };
    let mut places: Vec<u32> = refs.iter().filter_map(|r| r.place()).collect();
    // A hand-listed region or a province named by its main name beats towns
    // that merely have it as an alternate name (Asia vs Ashiya).
    let main_admin = refs.iter().any(|r| {
        matches!(*r, Ref::Place(i) if matches!(lex.places[i as usize].kind, PlaceKind::Region | PlaceKind::Adm1))
    });
    if main_admin {
        places = refs
            .iter()
            .filter_map(|r| if let Ref::Place(i) = *r { Some(i) } else { None })
            .collect();
    }
    let country = form(&|k| matches!(k, FormKind::Name | FormKind::Capital));
    let seat = form(&|k| k == FormKind::Seat);
    let place_hit = || (!places.is_empty()).then(|| Hit::Place(places.clone(), trigger));
    let regionish = places
        .iter()
        .any(|&i| lex.places[i as usize].kind != PlaceKind::City);
    let out = match kind {
        EntityType::Per => actor(Some(EntityType::Per), false)
            .map(Hit::Actor)
            .or_else(|| country.filter(|_| actor(None, false).is_none()).map(Hit::Country))
            .or_else(|| actor(Some(EntityType::Org), true).map(Hit::Actor)),
        EntityType::Org => actor(Some(EntityType::Org), false)
            .map(Hit::Actor)
            .or_else(|| seat.map(Hit::Seat))
            .or_else(|| {
                country
                    .filter(|&i| lex.forms[i as usize].kind == FormKind::Name)
                    .map(Hit::Country)
            })
            // A hand-listed region (IKN, Gaza Strip) tagged ORG is a place.
            .or_else(|| {
                let regions: Vec<u32> = places
                    .iter()
                    .copied()
                    .filter(|&i| lex.places[i as usize].kind == PlaceKind::Region)
                    .collect();
                (!regions.is_empty()).then_some(Hit::Place(regions, trigger))
            }),
        EntityType::Loc => {
            // A country or capital first; a curated organisation (KCNA
            // mis-tagged LOC) before an obscure homonymous place.
            country
                .map(Hit::Country)
                .or_else(|| seat.map(Hit::Seat))
                .or_else(|| if regionish { place_hit() } else { None })
                .or_else(|| actor(None, true).map(Hit::Actor))
                .or_else(place_hit)
        }
    };
    out.unwrap_or(Hit::None)
}

/// True when `want` is unset or equal to `k`.
fn fits(want: Option<EntityType>, k: EntityType) -> bool {
    !matches!(want, Some(w) if w != k)
}
