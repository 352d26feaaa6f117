//! Speakers the article does not name: a common-noun subject before a
//! reporting verb (`Majelis hakim menilai …`, `Seorang pedagang mengatakan,
//! "…"`) or a role phrase after one (`kata seorang warga`, `ujar salah
//! satu pengunjung`). A quote credited so must not fall back to the last
//! person named, which news of this kind (vox pops, unnamed sources) makes
//! the commonest wrong speaker.

use crate::data::Resources;
use crate::tokens::Toks;
use warta_core::Mention;

/// Most words of an unnamed subject taken for a speaker (`Majelis hakim`,
/// `Para pengungsi`, `riset The Mail`).
const SUBJECT_WORDS: usize = 4;

/// The noun phrase opening the sentence (after a discourse opener) right
/// before the verb at `v`, when it is a short run of words with no clause
/// of its own: where it starts.
pub(crate) fn subject_phrase(toks: &Toks, res: &Resources, from: usize, v: usize) -> Option<usize> {
    let mut start = from;
    // `Sementara itu,` / `Namun` before the subject.
    if let Some(c) = (from..v).find(|&j| toks.toks[j].lower == ",") {
        if !crate::indirect::interposed_in_clause(toks, res, from, c + 1) {
            start = c + 1;
        }
    }
    if res.discourse_openers.contains(&toks.toks[start].lower) {
        start += 1;
    }
    let mut end = v;
    while end > start && toks.is_adverb(end - 1) {
        end -= 1;
    }
    let phrase = &toks.toks[start..end];
    // Common nouns only: a name is the tagger's to find (`Patrick Yip
    // turut …` is no unnamed subject), an epithet (`Putra Kris Jenner
    // itu`) coreference's.
    // No verb or adverb inside (`Tampilan laman terlihat`, `Gala juga
    // telah resmi`), no pronoun, no `sang`; `ber-` stays (`pihak
    // berwenang`).
    let verb_like = |w: &str| w.len() > 5 && ["me", "di", "ter"].iter().any(|p| w.starts_with(p));
    let fits = !phrase.is_empty()
        && phrase.len() <= SUBJECT_WORDS
        && phrase.iter().all(|t| {
            t.is_word
                && !res.not_speaker.contains(&t.lower)
                && !crate::tokens::is_pronoun(&t.lower)
                && !matches!(
                    t.lower.as_str(),
                    "yang" | "itu" | "ini" | "tersebut" | "sang" | "dan" | "serta"
                )
        })
        && phrase[1..].iter().all(|t| !t.capitalised && !verb_like(&t.lower))
        && (start..end).all(|k| !toks.is_adverb(k))
        && (start..end).all(|k| toks.mention_starting(k).is_none());
    fits.then_some(start)
}

/// Words that open an unnamed speaker's phrase without being its noun
/// (`seorang warga`, `salah satu pengunjung`, `a spokesman`).
const DETERMINERS: &[&str] = &[
    "seorang", "salah", "satu", "para", "sejumlah", "beberapa", "sebagian", "a", "an", "one",
];

/// Most words of a role phrase after a reporting verb (`pengamat politik
/// Universitas Indonesia`).
const ROLE_WORDS: usize = 8;

/// Where a role phrase naming an unnamed speaker ends, when one starts at
/// token `i` right after a reporting verb (`kata seorang warga`, `ujar
/// salah satu pengunjung pasar`, `tulis seorang pengguna Twitter`): a
/// common noun, not a pronoun, adverb or preposition, then its modifiers
/// up to a preposition, a relative `yang`, punctuation or a verb.
pub(crate) fn role_after<'d>(toks: &Toks<'d>, res: &Resources, i: usize) -> Option<Unnamed<'d>> {
    let s = toks.toks.get(i)?.sentence;
    let mut head = i;
    while toks
        .toks
        .get(head)
        .is_some_and(|t| t.sentence == s && !t.capitalised && DETERMINERS.contains(&t.lower.as_str()))
    {
        head += 1;
    }
    let noun = toks.toks.get(head).filter(|t| t.sentence == s)?;
    let plain = |t: &crate::tokens::Tok| {
        t.is_word
            && !t.capitalised
            && !crate::tokens::is_pronoun(&t.lower)
            && !res.not_speaker.contains(&t.lower)
            && !res.verbs.contains_key(&t.lower)
            && !crate::tokens::PHRASE_STOPS.contains(&t.lower.as_str())
    };
    if !plain(noun) || toks.is_adverb(head) || toks.in_time(head) {
        return None;
    }
    // Without an indefinite word only a group noun (`kata sumber`, `ujar
    // warga`): `ujar pelatih asal Prancis itu` is an epithet for a person
    // the article names, which coreference or the quote before answers.
    if head == i && !res.groups.contains(&noun.lower) {
        return None;
    }
    let mut end = head + 1;
    while let Some(t) = toks.toks.get(end).filter(|t| t.sentence == s) {
        // `salah seorang saksi mata Maizarni`: the person the role names.
        if let Some(m) = toks.mention_starting(end).filter(|m| toks.is_person(m)) {
            return Some(Unnamed::Named(m));
        }
        let modifier = t.is_word
            && !toks.is_adverb(end)
            && !toks.in_time(end)
            && !res.verbs.contains_key(&t.lower)
            && !crate::tokens::PHRASE_STOPS.contains(&t.lower.as_str())
            && (t.capitalised
                || !matches!(
                    t.lower.as_str(),
                    "seperti" | "sebagaimana" | "sambil" | "seraya" | "sembari" | "as" | "like" | "while"
                ));
        if !modifier || end - i >= ROLE_WORDS {
            break;
        }
        end += 1;
    }
    Some(Unnamed::Role(head, end))
}

/// What a role phrase after a reporting verb gives.
pub(crate) enum Unnamed<'d> {
    /// The phrase names no one: its noun (after `seorang`, `a`) and the
    /// token it ends before.
    Role(usize, usize),
    /// The role is followed by the name of the person holding it.
    Named(&'d Mention),
}
