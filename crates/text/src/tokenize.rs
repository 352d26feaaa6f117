//! Tokenisation of Indonesian news text: words with their clitics and
//! hyphens, numbers with their units (`13/6/2022`, `10.00 WIB`,
//! `Rp 1,5 triliun`, `3,5%`), abbreviations with their full stop.

use crate::data::{AbbrevKind, Resources};
use unicode_normalization::char::is_combining_mark;
use warta_core::{Span, Token, TokenKind};

const TIME_ZONES: &[&str] = &["WIB", "WITA", "WIT", "GMT", "UTC"];
const SCALES: &[&str] = &["ribu", "juta", "miliar", "milyar", "triliun", "ribuan", "jutaan"];
/// Short scale letters, only taken after a currency (`Rp 285 T`).
const CURRENCY_SCALES: &[&str] = &["T", "M", "K", "jt", "rb", "miliar", "triliun", "juta", "ribu"];
const CURRENCIES: &[&str] = &["Rp.", "Rp", "US$", "S$", "RM", "$", "\u{20ac}", "\u{a3}"];

fn is_wordish(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// End of the word-like run starting at `i`: letters and digits joined by
/// `-` (`pro-Moskow`), `.` (`KOMPAS.com`, `1.500.000`), `,` `/` `:`
/// between digits (`1,5`, `13/6/2022`, `10:00`) and `'` between letters.
fn scan_run(text: &str, i: usize) -> usize {
    let mut end = i;
    let mut prev: Option<char> = None;
    let mut iter = text[i..].char_indices().peekable();
    while let Some((off, c)) = iter.next() {
        if is_wordish(c) {
            end = i + off + c.len_utf8();
            prev = Some(c);
            continue;
        }
        let next = iter.peek().map(|&(_, n)| n);
        let (Some(p), Some(n)) = (prev, next) else { break };
        let joins = match c {
            '-' | '.' => is_wordish(n),
            ',' | '/' | ':' => p.is_ascii_digit() && n.is_ascii_digit(),
            '\'' => p.is_alphabetic() && n.is_alphabetic(),
            _ => false,
        };
        if !joins {
            break;
        }
        prev = Some(c);
    }
    end
}

/// True for `S.H`, `a.n`, `Ph.D`: dotted pieces of at most three letters.
fn is_dotted_abbreviation(run: &str) -> bool {
    run.contains('.')
        && run
            .split('.')
            .all(|p| !p.is_empty() && p.chars().count() <= 3 && p.chars().all(char::is_alphabetic))
}

/// The byte length of a currency sign or code at `i` that a number follows.
fn currency_at(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    for cur in CURRENCIES {
        if let Some(after) = rest.strip_prefix(cur) {
            let gap = usize::from(after.starts_with(' '));
            if after[gap..].starts_with(|c: char| c.is_ascii_digit()) {
                return Some(cur.len() + gap);
            }
        }
    }
    None
}

/// If the word after one space at `end` is in `words`, the end of it.
fn next_word_in(text: &str, end: usize, words: &[&str]) -> Option<usize> {
    let rest = text[end..].strip_prefix(' ')?;
    let w_end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    let word = &rest[..w_end];
    (!word.is_empty() && words.contains(&word)).then_some(end + 1 + w_end)
}

/// Extends a number run ending at `end` with `%`, a time zone or a scale.
fn extend_number(text: &str, start: usize, mut end: usize, currency: bool) -> usize {
    if text[end..].starts_with('%') {
        return end + 1;
    }
    let run = &text[start..end];
    let is_time = run.len() >= 4 && run.contains(['.', ':']) && !currency;
    if is_time {
        if let Some(e) = next_word_in(text, end, TIME_ZONES) {
            return e;
        }
    }
    if let Some(e) = next_word_in(text, end, if currency { CURRENCY_SCALES } else { SCALES }) {
        end = e;
    }
    end
}

/// Splits `text` into tokens (byte spans, in order).
pub(crate) fn tokenize(text: &str, res: &Resources) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    // Whether the char before `i` was a word char: a currency only starts a
    // number at a word start (not the `RM` of `FORM 5`).
    let mut after_word = false;
    while let Some(c) = char_at(text, i) {
        if c.is_whitespace() {
            i += c.len_utf8();
            after_word = false;
            continue;
        }
        if !after_word && matches!(c, 'R' | 'U' | 'S' | '$' | '\u{20ac}' | '\u{a3}') {
            if let Some(cur) = currency_at(text, i) {
                let num_end = scan_run(text, i + cur);
                let end = extend_number(text, i, num_end, true);
                tokens.push(Token {
                    span: Span::new(i, end),
                    kind: TokenKind::Number,
                });
                i = end;
                after_word = true;
                continue;
            }
        }
        let (end, kind) = if is_wordish(c) {
            let run_end = scan_run(text, i);
            let run = &text[i..run_end];
            if c.is_ascii_digit() {
                (extend_number(text, i, run_end, false), TokenKind::Number)
            } else if text[run_end..].starts_with('.') && takes_full_stop(run, &text[i..=run_end], res) {
                (run_end + 1, TokenKind::Word)
            } else {
                (run_end, TokenKind::Word)
            }
        } else if text[i..].starts_with("...") {
            (
                i + text[i..].find(|c| c != '.').unwrap_or(text.len() - i),
                TokenKind::Punct,
            )
        } else if is_punct(c) {
            (i + c.len_utf8(), TokenKind::Punct)
        } else {
            (i + c.len_utf8(), TokenKind::Symbol)
        };
        tokens.push(Token {
            span: Span::new(i, end),
            kind,
        });
        after_word = text[..end].chars().next_back().is_some_and(is_wordish);
        i = end;
    }
    tokens
}

/// Whether a word keeps the full stop after it: a listed abbreviation, an
/// initial (`B.`), or a dotted abbreviation (`S.H.`).
fn takes_full_stop(run: &str, with_stop: &str, res: &Resources) -> bool {
    if let Some((kind, _)) = res.abbreviations.get(with_stop) {
        return *kind != AbbrevKind::Acronym;
    }
    let mut cs = run.chars();
    let initial = matches!((cs.next(), cs.next()), (Some(f), None) if f.is_uppercase());
    initial || is_dotted_abbreviation(run)
}

fn is_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '"'
            | '\''
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '-'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2026}'
            | '/'
            | '\u{ab}'
            | '\u{bb}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::resources;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s, resources())
            .iter()
            .map(|t| &s[t.span.range()])
            .collect()
    }

    #[test]
    fn numbers_and_dates_are_single_tokens() {
        assert_eq!(
            toks("Senin (13/6/2022) pukul 10.00 WIB."),
            vec!["Senin", "(", "13/6/2022", ")", "pukul", "10.00 WIB", "."]
        );
        assert_eq!(
            toks("senilai Rp 1,5 triliun dan 1.500.000 orang, naik 3,5%."),
            vec![
                "senilai",
                "Rp 1,5 triliun",
                "dan",
                "1.500.000",
                "orang",
                ",",
                "naik",
                "3,5%",
                "."
            ]
        );
        assert_eq!(
            toks("Rp1,3 miliar; US$ 5 juta; Rp 285 T"),
            vec!["Rp1,3 miliar", ";", "US$ 5 juta", ";", "Rp 285 T"]
        );
    }

    #[test]
    fn hyphenated_words_and_clitics_stay_whole() {
        assert_eq!(
            toks("separatis pro-Moskow baru-baru ini; rumahnya, IPK-nya"),
            vec![
                "separatis",
                "pro-Moskow",
                "baru-baru",
                "ini",
                ";",
                "rumahnya",
                ",",
                "IPK-nya"
            ]
        );
    }

    #[test]
    fn abbreviations_keep_their_full_stop() {
        assert_eq!(
            toks("Prof. Dr. H. Budi, S.H., M.Si. di Jl. Sudirman No. 5 dll."),
            vec![
                "Prof.", "Dr.", "H.", "Budi", ",", "S.H.", ",", "M.Si.", "di", "Jl.", "Sudirman", "No.", "5",
                "dll."
            ]
        );
        assert_eq!(
            toks("a.n. Budi u.p. PT Unilever Tbk."),
            vec!["a.n.", "Budi", "u.p.", "PT", "Unilever", "Tbk."]
        );
    }

    #[test]
    fn a_sentence_final_word_does_not_take_the_full_stop() {
        assert_eq!(
            toks("ke Ukraina. Pasukan di AS."),
            vec!["ke", "Ukraina", ".", "Pasukan", "di", "AS", "."]
        );
        assert_eq!(toks("kantor KOMPAS.com."), vec!["kantor", "KOMPAS.com", "."]);
    }

    #[test]
    fn ellipsis_and_quotes() {
        assert_eq!(
            toks("\"negara mereka ... sambil,\" tulis"),
            vec!["\"", "negara", "mereka", "...", "sambil", ",", "\"", "tulis"]
        );
    }
}
