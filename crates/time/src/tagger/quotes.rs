//! Relative times inside quotations: `"Kami datang kemarin," kata Budi,
//! Kamis (23/10/2025).` means the day before the speaking, not before the
//! publication. A quotation's speaking date is the day written in its
//! attribution, else that of the last quotation that had one (the rest of
//! the same interview).

use super::{Found, Scan};
use crate::tokens::Kind;
use chrono::NaiveDate;
use std::cell::Cell;

/// How many tokens after a closing mark its attribution's date may be.
const ATTRIBUTION_REACH: usize = 30;

/// A quoted passage, as token indices: from `from` (its first token
/// inside) up to `close` (its closing mark, or the paragraph's end).
#[derive(Debug, Clone, Copy)]
struct Quoted {
    from: usize,
    close: Option<usize>,
}

fn is_mark(sc: &Scan, k: usize) -> bool {
    matches!(sc.raw(k), "\"" | "\u{201c}" | "\u{201d}")
}

/// Whether the mark at token `k` opens a quotation, by its neighbours.
fn opens(sc: &Scan, k: usize) -> Option<bool> {
    match sc.raw(k) {
        "\u{201c}" => return Some(true),
        "\u{201d}" => return Some(false),
        _ => {}
    }
    let glued_right = sc.attached(k + 1);
    let glued_left = sc.attached(k);
    match (glued_left, glued_right) {
        (false, true) => Some(true),
        (true, false) => Some(false),
        _ => None,
    }
}

/// The quoted passages of the text, paragraph by paragraph; a closing mark
/// with no opening one closes a passage from its paragraph's start.
fn passages(sc: &Scan) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut paragraph_start = 0;
    for k in 0..sc.toks.len() {
        if k > 0 && sc.text[sc.toks[k - 1].end..sc.toks[k].start].contains('\n') {
            if let Some(o) = open.take() {
                out.push(Quoted {
                    from: o + 1,
                    close: None,
                });
            }
            paragraph_start = k;
        }
        if !is_mark(sc, k) {
            continue;
        }
        match (open, opens(sc, k)) {
            (None, Some(false)) => out.push(Quoted {
                from: paragraph_start,
                close: Some(k),
            }),
            (None, _) => open = Some(k),
            (Some(_), Some(true)) => open = Some(k),
            (Some(o), _) => {
                out.push(Quoted {
                    from: o + 1,
                    close: Some(k),
                });
                open = None;
            }
        }
    }
    if let Some(o) = open {
        out.push(Quoted {
            from: o + 1,
            close: None,
        });
    }
    out
}

/// The day written in the attribution after a closing mark at `close`:
/// the first day written with its number within reach, before any other
/// mark or line end.
fn attribution_day(sc: &Scan, found: &[Found], close: usize) -> Option<NaiveDate> {
    let first = found.partition_point(|f| f.start <= close);
    let f = found.get(first)?;
    let between = close + 1..f.start;
    let blocked = between.clone().any(|k| is_mark(sc, k))
        || between
            .clone()
            .any(|k| sc.text[sc.toks[k - 1].end..sc.toks[k].start].contains('\n'))
        || sc.text[sc.toks[f.start - 1].end..sc.toks[f.start].start].contains('\n');
    // A day written with its number (`Minggu (19/10)`, `19 Oktober`), not
    // another relative word (`kemarin`).
    let numbered = (f.start..f.end).any(|k| sc.is(k, Kind::Num));
    (f.start - close <= ATTRIBUTION_REACH && !blocked && numbered)
        .then(|| f.day())
        .flatten()
}

/// Re-resolves relative times inside quotations against their speaking
/// dates where those differ from the text's anchor.
pub(super) fn resolve_against_speaking_dates(sc: &Scan, found: &mut [Found]) {
    if sc.anchor.is_none() || found.is_empty() {
        return;
    }
    let mut speaking: Option<NaiveDate> = None;
    for q in passages(sc) {
        if let Some(day) = q.close.and_then(|c| attribution_day(sc, found, c)) {
            speaking = Some(day);
        }
        let Some(day) = speaking.filter(|d| Some(*d) != sc.anchor) else {
            continue;
        };
        let inside = |f: &Found| f.start >= q.from && q.close.is_none_or(|c| f.end <= c);
        let first = found.partition_point(|f| f.start < q.from);
        let there = Scan {
            text: sc.text,
            lower: sc.lower,
            toks: sc.toks,
            lx: sc.lx,
            anchor: Some(day),
            last_day: Cell::new(None),
        };
        for f in found[first..].iter_mut().take_while(|f| inside(f)) {
            // `"Besok (hari ini) LM dipanggil"`: a bracketed note is the
            // editor's, written on the publication day.
            let bracketed = f.start > 0 && sc.raw(f.start - 1) == "(" && sc.raw(f.end) == ")";
            if f.anchor.is_none() || f.anchor != sc.anchor || bracketed {
                continue;
            }
            if let Some(g) = there
                .best(f.start, None)
                .filter(|g| g.end == f.end && g.anchor == Some(day))
            {
                *f = g;
            }
        }
    }
}
