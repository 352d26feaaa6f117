//! Role phrases: "pasukan Rusia" (RUSMIL), "pemerintah AS" (USAGOV),
//! "warga sipil setempat" (civilians of the place under discussion),
//! "separatis pro-Moskow" (rebels of the place, backed by Russia).
//!
//! Each becomes an ORG entity spanning the whole phrase, with the actor code
//! and country; a country mention inside it stays a LOC entity of its own
//! (the only nesting the linker produces).

use crate::words::{joined, key_of, Word};
use warta_core::{Entity, EntityType, Span};
use warta_lexicon::{FormKind, Lexicon, Ref};

/// A role phrase found in the text.
#[derive(Debug)]
pub(crate) struct RolePhrase {
    pub span: Span,
    pub code: String,
    pub label: String,
    /// The country named in the phrase, or None when the phrase refers to
    /// the local population ("setempat") or to backers ("pro-Moskow").
    pub iso3: Option<String>,
    /// The country the phrase says the actor is *not* (pro-X rebels).
    pub not_iso3: Option<String>,
}

/// Finds role phrases in `ws`.
pub(crate) fn find(lex: &Lexicon, text: &str, ws: &[Word]) -> Vec<RolePhrase> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        // English order: demonym, then role ("Russian forces").
        if ws[i].cap {
            if let Some((iso3, d_end)) = demonym_at(lex, text, ws, i) {
                if d_end + 1 < ws.len() && joined(text, ws, d_end, d_end + 1) {
                    if let Some((role, after)) = role_at(lex, text, ws, d_end + 1) {
                        out.push(RolePhrase {
                            span: Span::new(ws[i].span.start, ws[after - 1].span.end),
                            code: role.code.clone(),
                            label: role.label.clone(),
                            iso3: Some(iso3),
                            not_iso3: None,
                        });
                        i = after;
                        continue;
                    }
                }
            }
        }
        let Some((role, after)) = role_at(lex, text, ws, i) else {
            i += 1;
            continue;
        };
        if after >= ws.len() || !joined(text, ws, after - 1, after) {
            i = after;
            continue;
        }
        let start = ws[i].span.start;
        let mk = |end: usize, iso3: Option<String>, not_iso3: Option<String>| RolePhrase {
            span: Span::new(start, end),
            code: role.code.clone(),
            label: role.label.clone(),
            iso3,
            not_iso3,
        };
        if matches!(ws[after].norm.as_str(), "setempat" | "lokal" | "local") {
            out.push(mk(ws[after].span.end, None, None));
            i = after + 1;
            continue;
        }
        let pro = ws[after].norm == "pro";
        let at = if pro { after + 1 } else { after };
        if at < ws.len() && ws[at].cap && joined(text, ws, at - 1, at) {
            if let Some((iso3, end_w)) = country_at(lex, text, ws, at) {
                let end = ws[end_w].span.end;
                out.push(if pro {
                    mk(end, None, Some(iso3))
                } else {
                    mk(end, Some(iso3), None)
                });
                i = end_w + 1;
                continue;
            }
        }
        i = after;
    }
    out
}

/// The role word or two-word role phrase ("warga sipil") starting at word
/// `i`, and the index of the word after it.
fn role_at<'a>(
    lex: &'a Lexicon,
    text: &str,
    ws: &[Word],
    i: usize,
) -> Option<(&'a warta_lexicon::Role, usize)> {
    let two = (i + 1 < ws.len() && lex.begins_role_phrase(&ws[i].norm) && joined(text, ws, i, i + 1))
        .then(|| lex.role(&format!("{} {}", ws[i].norm, ws[i + 1].norm)))
        .flatten();
    match two {
        Some(r) => Some((r, i + 2)),
        None => lex.role(&ws[i].norm).map(|r| (r, i + 1)),
    }
}

/// An English nationality adjective ("Russian", "North Korean") starting
/// at word `a`: its country and last word.
fn demonym_at(lex: &Lexicon, text: &str, ws: &[Word], a: usize) -> Option<(String, usize)> {
    for b in [a + 1, a] {
        if b >= ws.len() || !joined(text, ws, a, b) {
            continue;
        }
        for r in lex.lookup_key(&key_of(ws, a, b)) {
            if let Ref::Form(f) = *r {
                let f = &lex.forms[f as usize];
                if f.kind == FormKind::Demonym {
                    return Some((f.iso3.clone(), b));
                }
            }
        }
    }
    None
}

/// A country name, abbreviation or capital starting at word `a` (up to
/// three words): its ISO code and last word.
pub(crate) fn country_at(lex: &Lexicon, text: &str, ws: &[Word], a: usize) -> Option<(String, usize)> {
    for n in (1..=3).rev() {
        let b = a + n - 1;
        if b >= ws.len() || !joined(text, ws, a, b) {
            continue;
        }
        let short = n == 1 && ws[a].norm.len() <= 3 && !ws[a].all_caps;
        for r in lex.lookup_key(&key_of(ws, a, b)) {
            if let Ref::Form(f) = *r {
                let f = &lex.forms[f as usize];
                if matches!(f.kind, FormKind::Name | FormKind::Capital) && !short {
                    return Some((f.iso3.clone(), b));
                }
            }
        }
    }
    None
}

/// The entity for a role phrase whose country is known.
pub(crate) fn entity(lex: &Lexicon, text: &str, p: &RolePhrase, iso3: &str) -> Entity {
    let mut e = Entity::new(p.span, &text[p.span.range()], EntityType::Org);
    let name = lex.country(iso3).map_or(iso3.to_string(), |c| c.name_en.clone());
    e.canonical = Some(format!("{name} {}", p.label));
    e.country = Some(iso3.to_string());
    e.actor_code = Some(format!("{iso3}{}", p.code));
    e
}
