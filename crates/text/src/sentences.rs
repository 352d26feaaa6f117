//! Sentence splitting over tokens, one paragraph (line) at a time.
//!
//! A sentence ends at `.`, `?`, `!` (or an abbreviation that may end one,
//! such as `dll.`), together with the closing quotes and brackets written
//! right after it, when the next token starts a sentence: a capitalised
//! word that is not an attribution verb, a digit, or an opening quote or
//! bracket. So `"…," kata Kim.` stays one sentence (a comma never ends one)
//! and `"…?" tanya dia.` too (lower case). An ellipsis ends a sentence only
//! outside quotes. A sentence never crosses a paragraph.

use crate::data::{AbbrevKind, Resources};
use warta_core::{Span, Token, TokenKind};

/// What a token contributes to a possible boundary.
#[derive(PartialEq)]
enum Stop {
    No,
    /// `.` `?` `!`, or an abbreviation whose full stop may end a sentence.
    Full,
    /// `...` or `…`: ends a sentence only outside quotes.
    Ellipsis,
}

fn stop_kind(tok: &str, kind: TokenKind, res: &Resources) -> Stop {
    match tok {
        "." | "?" | "!" => Stop::Full,
        "\u{2026}" => Stop::Ellipsis,
        _ if kind == TokenKind::Punct && tok.starts_with("...") => Stop::Ellipsis,
        _ if kind == TokenKind::Word && tok.len() > 1 && tok.ends_with('.') => {
            match res.abbreviations.get(tok) {
                Some((AbbrevKind::Title, _)) => Stop::No,
                // Initials (`B.`) stand before a surname.
                None if tok.chars().count() == 2 => Stop::No,
                _ => Stop::Full,
            }
        }
        _ => Stop::No,
    }
}

/// Whether the token at `next` can start a new sentence. After a closing
/// quote, a capitalised attribution verb (`"…?" Tanya Budi.`) continues the
/// sentence; elsewhere `Kata Prabowo, …` starts one.
fn starts_sentence(text: &str, next: &Token, after_quote: bool, res: &Resources) -> bool {
    let s = &text[next.span.range()];
    let first = s.chars().next().unwrap_or(' ');
    if first == '"' || first == '\u{201c}' || first == '(' || first == '[' || first.is_ascii_digit() {
        return true;
    }
    first.is_uppercase() && !(after_quote && res.attribution.contains(&s.to_lowercase()))
}

/// A list marker (`1.`, `a.`) opening a paragraph is not a sentence.
fn is_list_marker(text: &str, toks: &[Token], k: usize) -> bool {
    k == 1 && {
        let m = &text[toks[0].span.range()];
        toks[0].span.end == toks[1].span.start
            && (toks[0].kind == TokenKind::Number || m.chars().count() == 1)
            && m.len() <= 3
    }
}

/// Splits the paragraphs of `text` into sentence spans using `tokens`.
pub(crate) fn split(text: &str, tokens: &[Token], res: &Resources) -> Vec<Span> {
    let mut out = Vec::new();
    let mut para_start = 0;
    for k in 1..=tokens.len() {
        let new_para = k == tokens.len() || text[tokens[k - 1].span.end..tokens[k].span.start].contains('\n');
        if new_para {
            split_paragraph(text, &tokens[para_start..k], res, &mut out);
            para_start = k;
        }
    }
    out
}

fn split_paragraph(text: &str, toks: &[Token], res: &Resources, out: &mut Vec<Span>) {
    let tok = |k: usize| &text[toks[k].span.range()];
    let adjacent = |k: usize| toks[k - 1].span.end == toks[k].span.start;
    let mut start = 0;
    let mut in_quote = false;
    let mut k = 0;
    while k < toks.len() {
        let t = tok(k);
        // Straight quotes toggle; curly ones (in text that skipped the
        // cleaner) say which way they face.
        match t {
            "\"" => in_quote = !in_quote,
            "\u{201c}" => in_quote = true,
            "\u{201d}" => in_quote = false,
            _ => {}
        }
        if matches!(t, "\"" | "\u{201c}" | "\u{201d}") {
            k += 1;
            continue;
        }
        let stop = stop_kind(t, toks[k].kind, res);
        if stop == Stop::No || is_list_marker(text, toks, k) {
            k += 1;
            continue;
        }
        // Take the closing quotes, brackets and repeated marks written
        // right after the stop (`."`, `?")`, `?!`).
        let mut j = k + 1;
        let mut quote = in_quote;
        let mut closed_quote = false;
        while j < toks.len() && adjacent(j) {
            match tok(j) {
                "\"" | "\u{201d}" if quote => {
                    quote = false;
                    closed_quote = true;
                }
                ")" | "]" | "'" | "." | "?" | "!" => {}
                _ => break,
            }
            j += 1;
        }
        let ends = j == toks.len()
            || (starts_sentence(text, &toks[j], closed_quote, res) && (stop == Stop::Full || !in_quote));
        if ends && j < toks.len() {
            out.push(Span::new(toks[start].span.start, toks[j - 1].span.end));
            start = j;
        }
        in_quote = quote;
        k = j;
    }
    if start < toks.len() {
        out.push(Span::new(toks[start].span.start, toks[toks.len() - 1].span.end));
    }
}

#[cfg(test)]
mod tests {
    use crate::data::resources;
    use crate::tokenize::tokenize;

    fn sents(s: &str) -> Vec<&str> {
        let r = resources();
        let toks = tokenize(s, r);
        super::split(s, &toks, r)
            .into_iter()
            .map(|sp| &s[sp.range()])
            .collect()
    }

    #[test]
    fn a_quote_ending_in_comma_runs_into_its_attribution() {
        let s = "\"Kami mendukung penuh rencana itu,\" imbuh Budi dalam pesannya. Budi juga yakin rencana berhasil.";
        assert_eq!(sents(s).len(), 2);
        assert_eq!(
            sents("\"Dan swasta,\" Jelasnya."),
            vec!["\"Dan swasta,\" Jelasnya."]
        );
    }

    #[test]
    fn an_ellipsis_inside_a_quote_does_not_end_the_sentence() {
        let s = "\"Panen tahun ini berhasil ... Sambil menunggu hujan,\" tulis Ani. Dia senang.";
        assert_eq!(
            sents(s),
            vec![
                "\"Panen tahun ini berhasil ... Sambil menunggu hujan,\" tulis Ani.",
                "Dia senang."
            ]
        );
    }

    #[test]
    fn a_closing_quote_after_a_full_stop_belongs_to_the_sentence() {
        let s = "Dia menyebut \"langkah yang tepat.\" Warga menolak. \"Apa benar?\" tanya dia. \"Tidak.\" Tanya Budi lagi.";
        assert_eq!(
            sents(s),
            vec![
                "Dia menyebut \"langkah yang tepat.\"",
                "Warga menolak.",
                "\"Apa benar?\" tanya dia.",
                "\"Tidak.\" Tanya Budi lagi."
            ]
        );
    }

    #[test]
    fn sentences_inside_a_long_quote_are_split() {
        let s = "\"Harga beras stabil bulan ini. Ini berkat kerja petani,\" ujar Budi.";
        assert_eq!(sents(s).len(), 2);
    }

    #[test]
    fn abbreviations_and_titles_do_not_end_sentences() {
        assert_eq!(sents("Prof. Dr. Budi, S.H. tiba di Jl. Sudirman No. 5 pukul 10.00 WIB. Ia disambut Susilo B. Yudhoyono dll. dan rombongan.").len(), 2);
        assert_eq!(
            sents("Saham PT Unilever Indonesia Tbk. Perusahaan itu naik 3,5%.").len(),
            2
        );
    }

    #[test]
    fn curly_quotes_work_like_straight_ones() {
        let s = "\u{201c}Kurang tidur. Saya lelah,\u{201d} tulis dia. \u{201c}Ya.\u{201d} Dia pergi.";
        assert_eq!(
            sents(s),
            vec![
                "\u{201c}Kurang tidur.",
                "Saya lelah,\u{201d} tulis dia.",
                "\u{201c}Ya.\u{201d}",
                "Dia pergi."
            ]
        );
    }

    #[test]
    fn a_sentence_never_crosses_a_paragraph() {
        assert_eq!(
            sents("Kalimat tanpa titik\nKalimat baru di paragraf kedua"),
            vec!["Kalimat tanpa titik", "Kalimat baru di paragraf kedua"]
        );
    }

    #[test]
    fn a_capitalised_attribution_verb_only_continues_after_a_quote() {
        assert_eq!(sents("Hukum ditegakkan. Kata Prabowo, rakyat senang.").len(), 2);
        assert_eq!(sents("\"Sudah?\" Tanya Budi.").len(), 1);
    }

    #[test]
    fn a_list_number_is_not_a_sentence() {
        assert_eq!(
            sents("1. Siapkan dokumen lamaran.\n2. Kirim sebelum tanggal 5."),
            vec!["1. Siapkan dokumen lamaran.", "2. Kirim sebelum tanggal 5."]
        );
    }

    #[test]
    fn lower_case_after_a_full_stop_continues() {
        assert_eq!(sents("Harga naik 2,5 persen dsb. lalu turun.").len(), 1);
    }
}
