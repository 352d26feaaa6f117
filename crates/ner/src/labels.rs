//! Entity types and the internal tag scheme.
//!
//! Gold files and `tag_tokens` speak BIO; the model may decode in BILOU,
//! which gives a perceptron separate weights for the last and single tokens
//! of a name (measured: see docs/quality.md).

use warta_core::EntityType;

/// The entity types the model predicts, in label-index order.
pub const TYPES: [EntityType; 3] = [EntityType::Per, EntityType::Org, EntityType::Loc];

/// How a token's position inside a mention is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// Begin / Inside / Outside.
    Bio,
    /// Begin / Inside / Last / Outside / Unit.
    Bilou,
}

/// A position tag: where a token sits inside a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    /// First token of a longer mention.
    B,
    /// Inside (BIO: any token after the first).
    I,
    /// Last token of a longer mention (BILOU only).
    L,
    /// A one-token mention (BILOU only).
    U,
}

impl Scheme {
    /// The byte stored in a model file.
    pub fn code(self) -> u8 {
        match self {
            Scheme::Bio => 0,
            Scheme::Bilou => 1,
        }
    }

    /// The scheme for a model-file byte.
    pub fn from_code(c: u8) -> Option<Scheme> {
        match c {
            0 => Some(Scheme::Bio),
            1 => Some(Scheme::Bilou),
            _ => None,
        }
    }

    fn positions(self) -> &'static [Pos] {
        match self {
            Scheme::Bio => &[Pos::B, Pos::I],
            Scheme::Bilou => &[Pos::B, Pos::I, Pos::L, Pos::U],
        }
    }

    /// Number of labels: `O` plus one per (position, type).
    pub fn n_labels(self) -> usize {
        1 + self.positions().len() * TYPES.len()
    }

    /// The label index of `O`.
    pub const OUTSIDE: usize = 0;

    /// Label index of a (position, type index) pair.
    pub fn label(self, pos: Pos, ty: usize) -> usize {
        let p = self.positions().iter().position(|&q| q == pos).unwrap_or(0);
        1 + ty * self.positions().len() + p
    }

    /// The (position, type index) of a label, `None` for `O`.
    pub fn decode(self, label: usize) -> Option<(Pos, usize)> {
        if label == 0 || label >= self.n_labels() {
            return None;
        }
        let n = self.positions().len();
        Some((self.positions()[(label - 1) % n], (label - 1) / n))
    }

    /// Whether `next` may follow `prev` (`None` = sentence start); keeps
    /// decoded sequences well formed so every mention has a clear span.
    pub fn allowed(self, prev: Option<usize>, next: usize) -> bool {
        let p = prev.and_then(|l| self.decode(l));
        let n = self.decode(next);
        match self {
            Scheme::Bio => match n {
                Some((Pos::I, t)) => matches!(p, Some((Pos::B | Pos::I, pt)) if pt == t),
                _ => true,
            },
            Scheme::Bilou => {
                let open = matches!(p, Some((Pos::B | Pos::I, _)));
                match n {
                    Some((Pos::I | Pos::L, t)) => {
                        matches!(p, Some((Pos::B | Pos::I, pt)) if pt == t)
                    }
                    _ => !open,
                }
            }
        }
    }

    /// Whether a sequence may end on `last` (BILOU mentions must close).
    pub fn may_end(self, last: usize) -> bool {
        match self {
            Scheme::Bio => true,
            Scheme::Bilou => !matches!(self.decode(last), Some((Pos::B | Pos::I, _))),
        }
    }

    /// Encodes typed spans (token ranges) as labels of a sentence of `n` tokens.
    pub fn encode(self, n: usize, mentions: &[Mention]) -> Vec<usize> {
        let mut out = vec![Scheme::OUTSIDE; n];
        for m in mentions {
            for (k, slot) in out[m.start..m.end].iter_mut().enumerate() {
                let last = m.start + k + 1 == m.end;
                let pos = match (self, k == 0, last) {
                    (Scheme::Bio, true, _) => Pos::B,
                    (Scheme::Bio, false, _) => Pos::I,
                    (Scheme::Bilou, true, true) => Pos::U,
                    (Scheme::Bilou, true, false) => Pos::B,
                    (Scheme::Bilou, false, true) => Pos::L,
                    (Scheme::Bilou, false, false) => Pos::I,
                };
                *slot = self.label(pos, m.ty);
            }
        }
        out
    }

    /// Reads mentions back from a label sequence; a stray continuation
    /// (I or L without an opener) starts a new mention, as conlleval does.
    pub fn mentions(self, labels: &[usize]) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::new();
        let mut open: Option<Mention> = None;
        for (i, &l) in labels.iter().enumerate() {
            match self.decode(l) {
                None => {
                    out.extend(open.take());
                }
                Some((pos, ty)) => {
                    let continues = matches!(pos, Pos::I | Pos::L) && matches!(open, Some(m) if m.ty == ty);
                    if continues {
                        if let Some(m) = open.as_mut() {
                            m.end = i + 1;
                        }
                    } else {
                        out.extend(open.take());
                        open = Some(Mention {
                            start: i,
                            end: i + 1,
                            ty,
                        });
                    }
                    if matches!(pos, Pos::L | Pos::U) {
                        out.extend(open.take());
                    }
                }
            }
        }
        out.extend(open);
        out
    }
}

/// A typed token range `[start, end)` within a sentence; `ty` indexes [`TYPES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Index into [`TYPES`].
    pub ty: usize,
}

/// BIO strings (`B-PER`, `I-LOC`, `O`) for a sentence's mentions.
pub fn bio_strings(n: usize, mentions: &[Mention]) -> Vec<String> {
    let mut out = vec!["O".to_string(); n];
    for m in mentions {
        let name = TYPES[m.ty].as_str();
        for (k, slot) in out[m.start..m.end].iter_mut().enumerate() {
            *slot = format!("{}-{}", if k == 0 { "B" } else { "I" }, name);
        }
    }
    out
}

/// Maps a dataset's type name onto ours: idner-news-2k (PER/ORG/LOC),
/// NERGrit (PERSON/PLACE/ORGANISATION), NERP (PPL/PLC/IND; EVT and FNB have
/// no counterpart) and the Wikipedia gold set (Person/Place/Organisation).
pub fn type_index(name: &str) -> Option<usize> {
    match name.to_ascii_uppercase().as_str() {
        "PER" | "PERSON" | "PPL" => Some(0),
        "ORG" | "ORGANISATION" | "ORGANIZATION" | "IND" => Some(1),
        "LOC" | "PLACE" | "PLC" | "GPE" | "LOCATION" => Some(2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_round_trips_mentions() {
        let ms = vec![
            Mention {
                start: 0,
                end: 1,
                ty: 0,
            },
            Mention {
                start: 2,
                end: 5,
                ty: 2,
            },
            Mention {
                start: 5,
                end: 7,
                ty: 1,
            },
        ];
        for s in [Scheme::Bio, Scheme::Bilou] {
            let labels = s.encode(8, &ms);
            assert_eq!(s.mentions(&labels), ms, "{s:?}");
            let mut prev = None;
            for &l in &labels {
                assert!(s.allowed(prev, l), "{s:?} {prev:?}->{l}");
                prev = Some(l);
            }
        }
    }

    #[test]
    fn bio_forbids_inside_after_outside() {
        let s = Scheme::Bio;
        assert!(!s.allowed(Some(0), s.label(Pos::I, 1)));
        assert!(!s.allowed(Some(s.label(Pos::B, 0)), s.label(Pos::I, 1)));
        assert!(s.allowed(Some(s.label(Pos::B, 1)), s.label(Pos::I, 1)));
    }
}
