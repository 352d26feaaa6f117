//! People: lexicon lookup with the role valid on the article's date, and
//! in-document coreference ("Kim" → "Kim Jong Un").

use crate::words::{joined, word_at, Word};
use warta_core::{Entity, EntityType, Span};
use warta_lexicon::Lexicon;

/// Words before a name that are titles, not part of it.
const TITLES: &[&str] = &[
    "presiden",
    "wakil",
    "menteri",
    "perdana",
    "pm",
    "pak",
    "bu",
    "bapak",
    "ibu",
    "jenderal",
    "jend",
    "letjen",
    "mayjen",
    "brigjen",
    "kapolri",
    "kapolda",
    "gubernur",
    "bupati",
    "wali",
    "walikota",
    "ketua",
    "dr",
    "prof",
    "ir",
    "h",
    "hj",
    "kh",
    "president",
    "minister",
    "prime",
    "mr",
    "mrs",
    "ms",
    "sir",
    "king",
    "raja",
    "ratu",
    "pangeran",
    "sultan",
    "syekh",
    "sheikh",
    "pemimpin",
    "juru",
    "bicara",
    "kanselir",
    "chancellor",
    "senator",
    "general",
];

/// True when the normalized word is a title written before names.
pub(crate) fn is_title(norm: &str) -> bool {
    TITLES.contains(&norm)
}

/// The name's tokens without leading titles ("Presiden Joko Widodo" → joko widodo).
pub(crate) fn name_tokens(text: &str) -> Vec<String> {
    let norm = warta_lexicon::normalize(text);
    let toks: Vec<&str> = norm.split(' ').filter(|t| !t.is_empty()).collect();
    let skip = toks.iter().take_while(|t| TITLES.contains(t)).count();
    let rest = if skip < toks.len() {
        &toks[skip..]
    } else {
        &toks[..]
    };
    rest.iter().map(|t| t.to_string()).collect()
}

/// For each PER entity (index into `ents`) with a single name token, the
/// index of the full-name PER mention it refers to: the nearest earlier
/// mention whose name contains the token, else the nearest later one. When
/// the lexicon says who the token usually names (`usual[i]`: "Prabowo" →
/// Prabowo Subianto), a mention of that person wins over others sharing the
/// token (Listyo Sigit Prabowo).
pub(crate) fn antecedents(
    ents: &[Entity],
    toks: &[Vec<String>],
    usual: &[Option<String>],
) -> Vec<Option<usize>> {
    let pers: Vec<usize> = (0..ents.len())
        .filter(|&i| ents[i].kind == EntityType::Per)
        .collect();
    let mut out = vec![None; ents.len()];
    for &i in &pers {
        if toks[i].is_empty() {
            continue;
        }
        // "Kim", or "Yudhi Sadewa" for "Purbaya Yudhi Sadewa".
        let part = |k: usize| toks[k].len() > toks[i].len() && toks[i].iter().all(|t| toks[k].contains(t));
        if toks[i].len() > 1 {
            let before = pers
                .iter()
                .filter(|&&k| ents[k].span.start < ents[i].span.start)
                .rfind(|&&k| part(k));
            out[i] = before.copied();
            continue;
        }
        let t = &toks[i][0];
        let named = |k: usize| usual[i].is_some() && ents[k].canonical == usual[i];
        let full = |&&k: &&usize| k != i && toks[k].len() >= 2 && toks[k].contains(t);
        if usual[i].is_some() {
            let best = pers
                .iter()
                .filter(|&&k| k != i && named(k))
                .min_by_key(|&&k| ents[k].span.start.abs_diff(ents[i].span.start));
            // Without such a mention the lexicon's own link stands.
            out[i] = best.copied();
            continue;
        }
        let before = pers
            .iter()
            .filter(|&&k| ents[k].span.start < ents[i].span.start)
            .rfind(full);
        let after = || {
            pers.iter()
                .filter(|&&k| ents[k].span.start > ents[i].span.start)
                .find(full)
        };
        out[i] = before.or_else(after).copied();
    }
    out
}

/// Standalone later uses of a full name's first or last token that no
/// entity covers ("… tulis Kim dalam …"), as new PER spans.
pub(crate) fn short_mentions(text: &str, ws: &[Word], ents: &[Entity], toks: &[Vec<String>]) -> Vec<Span> {
    let mut out = Vec::new();
    for (i, e) in ents.iter().enumerate() {
        if e.kind != EntityType::Per || toks[i].len() < 2 {
            continue;
        }
        let t = &toks[i];
        for cand in [&t[0], &t[t.len() - 1]] {
            if cand.chars().count() < 3 {
                continue;
            }
            for (k, w) in ws.iter().enumerate() {
                if w.span.start < e.span.end || !w.cap || w.norm != *cand {
                    continue;
                }
                let longer =
                    k + 1 < ws.len() && ws[k + 1].cap && !ws[k + 1].initial && joined(text, ws, k, k + 1)
                        || k > 0 && ws[k - 1].cap && !w.initial && joined(text, ws, k - 1, k);
                let taken = ents.iter().any(|o| o.span.overlaps(w.span))
                    || out.iter().any(|s: &Span| s.overlaps(w.span));
                if !longer && !taken {
                    out.push(w.span);
                }
            }
        }
    }
    out
}

/// The CAMEO role of an Indonesian office title written before (or at the
/// start of) the person mention at `span`: "Bupati Bogor Rudy Susmanto",
/// "Kapolres Metro Jakarta Selatan Kombes Ade Ary" (nearest title wins).
/// Words between the title and the name must be capitalised (unit names).
pub(crate) fn title_code<'a>(lex: &'a Lexicon, text: &str, ws: &[Word], span: Span) -> Option<&'a str> {
    let w = word_at(ws, span.start);
    let inside = |k: usize| k < ws.len() && ws[k].span.end <= span.end;
    if inside(w) {
        if inside(w + 1) {
            if let Some(c) = lex.person_title(&format!("{} {}", ws[w].norm, ws[w + 1].norm)) {
                return Some(c);
            }
        }
        if let Some(c) = lex.person_title(&ws[w].norm) {
            return Some(c);
        }
    }
    let mut k = w;
    while k > 0 && w - k < 6 && joined(text, ws, k - 1, k) {
        k -= 1;
        if k > 0 && joined(text, ws, k - 1, k) {
            if let Some(c) = lex.person_title(&format!("{} {}", ws[k - 1].norm, ws[k].norm)) {
                return Some(c);
            }
        }
        if let Some(c) = lex.person_title(&ws[k].norm) {
            return Some(c);
        }
        if !ws[k].cap {
            return None;
        }
    }
    None
}
