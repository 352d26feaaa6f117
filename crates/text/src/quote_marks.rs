//! Pairs quotation marks in clean text (where every double quote is the
//! straight `"`: the cleaner normalises curly ones).
//!
//! News writes long quotes over several paragraphs in two ways: each new
//! paragraph reopens the quote with a mark and only the last one closes it,
//! or the quote opens in one paragraph and closes in a later one. Both come
//! out as one [`QuotedPassage`] whose content runs across the paragraphs.

use warta_core::Span;

/// A passage between quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotedPassage {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset of the closing mark; `None` when the passage runs to the
    /// end of its last paragraph unclosed.
    pub close: Option<usize>,
    /// What is inside the marks, without them (may cross paragraphs).
    pub content: Span,
}

/// Whether a mark at `i` opens a quote, judged by its neighbours: opening
/// marks follow a space, a line start or an opening bracket and precede a
/// word; closing marks do the reverse.
fn looks_opening(text: &str, i: usize) -> Option<bool> {
    let before = text[..i].chars().next_back();
    let after = text[i + 1..].chars().next();
    let open_left = before.is_none_or(|c| c.is_whitespace() || "([{:—–-/".contains(c));
    let close_right = after.is_none_or(|c| c.is_whitespace() || ",.;:!?)]}—–-/".contains(c));
    match (open_left, close_right) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// Whether the mark at `i` is the first of a doubled opening mark (`""
/// Tidak ada`, a typing slip or a copy's artefact): two marks after a space
/// or a line start, then a word.
fn doubled_opening(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let rest = &text[i + 1..];
    let Some(after) = rest.strip_prefix('"') else {
        return false;
    };
    before.is_none_or(|c| c.is_whitespace() || "([{:".contains(c))
        && after
            .strip_prefix(' ')
            .unwrap_or(after)
            .starts_with(char::is_alphanumeric)
}

/// Every quoted passage of `text`, in order.
pub fn quoted_passages(text: &str) -> Vec<QuotedPassage> {
    let mut out: Vec<QuotedPassage> = Vec::new();
    // An unclosed quote carried over from the previous paragraph.
    let mut carried: Option<usize> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.trim_end_matches(['\n', '\r']).len();
        let marks: Vec<usize> = line
            .match_indices('"')
            .map(|(i, _)| line_start + i)
            .filter(|&i| i < line_end)
            .collect();
        let mut open: Option<usize> = None;
        let mut rest = &marks[..];
        if let Some(start) = carried.take() {
            match marks.first() {
                // The paragraph reopens the carried quote: it continues.
                Some(&m) if m == line_start && looks_opening(text, m) != Some(false) => {
                    open = Some(start);
                    rest = &marks[1..];
                }
                // The carried quote closes in this paragraph.
                Some(&m) if looks_opening(text, m) != Some(true) => {
                    out.push(QuotedPassage {
                        open: start,
                        close: Some(m),
                        content: Span::new(start + 1, m),
                    });
                    rest = &marks[1..];
                }
                _ => {
                    // Not continued: the carried quote ended with its paragraph.
                    let end = trimmed_end(text, line_start);
                    out.push(QuotedPassage {
                        open: start,
                        close: None,
                        content: Span::new(start + 1, end.max(start + 1)),
                    });
                }
            }
        }
        for &m in rest {
            match open {
                // `""Tidak ada` : a doubled opening mark opens once.
                None if doubled_opening(text, m) => {}
                None => open = Some(m),
                Some(o) => {
                    // Two marks that both look opening: the first was stray.
                    if looks_opening(text, m) == Some(true) && m > o + 1 && text[o + 1..m].trim().is_empty() {
                        open = Some(m);
                        continue;
                    }
                    out.push(QuotedPassage {
                        open: o,
                        close: Some(m),
                        content: Span::new(o + 1, m),
                    });
                    open = None;
                }
            }
        }
        if let Some(o) = open {
            carried = Some(o);
        }
        line_start += line.len();
    }
    if let Some(o) = carried {
        let end = text.trim_end().len().max(o + 1);
        out.push(QuotedPassage {
            open: o,
            close: None,
            content: Span::new(o + 1, end),
        });
    }
    out
}

/// End of the paragraph before the one starting at `next_line_start`,
/// without its line break.
fn trimmed_end(text: &str, next_line_start: usize) -> usize {
    text[..next_line_start].trim_end_matches(['\n', '\r']).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<&str> {
        quoted_passages(text)
            .iter()
            .map(|q| &text[q.content.range()])
            .collect()
    }

    #[test]
    fn pairs_marks_within_a_paragraph() {
        let t = "\"Kita mampu,\" ujar Prabowo. Ia menyebutnya \"tujuan yang adil\".";
        assert_eq!(contents(t), vec!["Kita mampu,", "tujuan yang adil"]);
    }

    #[test]
    fn a_quote_reopened_in_each_paragraph_is_one_passage() {
        let t = "\"Satu dua.\n\"Tiga empat,\" kata Budi.\nLain.";
        assert_eq!(contents(t), vec!["Satu dua.\n\"Tiga empat,"]);
    }

    #[test]
    fn a_quote_closing_in_a_later_paragraph_is_one_passage() {
        let t = "Ia berkata, \"Satu dua.\nTiga empat.\" Lalu pergi.";
        assert_eq!(contents(t), vec!["Satu dua.\nTiga empat."]);
    }

    #[test]
    fn a_doubled_opening_mark_opens_one_quote() {
        let t = "Lain.\n\"\" Tidak ada, aku sudah pensiun, \"kata Sareh.";
        assert_eq!(contents(t), vec![" Tidak ada, aku sudah pensiun, "]);
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_paragraph() {
        let t = "\"Satu dua, kata Budi.\nLain paragraf.";
        assert_eq!(contents(t), vec!["Satu dua, kata Budi."]);
    }
}
