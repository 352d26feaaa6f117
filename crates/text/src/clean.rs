//! The cleaner: splits the reader's text into lines, drops boilerplate and
//! blank lines, strips a leading site/dateline prefix, normalises each kept
//! line, and joins them one paragraph per line with an offset map back.

use crate::data::{line_key, Resources, MAX_PREFIX_LINE};
use crate::normalize::{normalize_line, Line};
use crate::prefix;
use crate::tail;
use warta_core::OffsetMap;

/// The result of cleaning one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Paragraphs separated by single `\n`, no leading or trailing space.
    pub text: String,
    /// Maps byte offsets in `text` to byte offsets in the input.
    pub offsets: OffsetMap,
    /// The site named by a leading prefix (`Negaratoto - `).
    pub site: Option<String>,
    /// The place named by a leading dateline (`Jakarta - `).
    pub dateline: Option<String>,
    /// How many boilerplate lines were removed.
    pub removed_lines: usize,
}

/// Byte ranges of the input's lines. `\n`, `\r\n` and a lone `\r` all end
/// a line (a CRLF yields an extra empty line, which cleaning drops anyway).
fn line_ranges(input: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    input.split(['\n', '\r']).scan(0, |pos, piece| {
        let start = *pos;
        *pos += piece.len() + 1;
        Some((start, start + piece.len()))
    })
}

/// True when the normalised line is boilerplate by the data files.
fn is_boilerplate(line: &str, res: &Resources) -> bool {
    // Whole-line patterns are short and prefixes only apply to short
    // lines: skip building a key for paragraphs.
    if line.len() > MAX_PREFIX_LINE {
        return false;
    }
    res.is_boilerplate_key(&line_key(line))
}

/// Cleans `input`; see [`Cleaned`].
pub(crate) fn clean_text(input: &str, res: &Resources) -> Cleaned {
    let mut out = Cleaned {
        offsets: OffsetMap::default(),
        ..Cleaned::default()
    };
    // Kept lines and where each one's content ends in the input.
    let mut kept: Vec<(Line, usize)> = Vec::new();
    let mut first = true;
    // Blank and boilerplate lines are normalised into the same buffer; a
    // kept line takes it with it.
    let mut line = Line::default();
    for (start, end) in line_ranges(input) {
        let content_end = normalize_line(&input[start..end], start, &mut line);
        if line.text.is_empty() {
            continue;
        }
        // Separator rules (`---`, `* * *`) carry no words.
        if !line.text.chars().any(char::is_alphanumeric) || is_boilerplate(&line.text, res) {
            out.removed_lines += 1;
            continue;
        }
        if first {
            first = false;
            if let Some(p) = prefix::detect(&line.text, res) {
                line.drop_front(p.len);
                out.site = p.site;
                out.dateline = p.dateline;
            }
        }
        kept.push((std::mem::take(&mut line), content_end));
    }
    let texts: Vec<&str> = kept.iter().map(|(l, _)| l.text.as_str()).collect();
    let tail = tail::trailing_boilerplate(&texts, res);
    out.removed_lines += tail;
    kept.truncate(kept.len() - tail);
    if let Some((last, end)) = kept.last_mut() {
        if let Some(n) = tail::initials_suffix(&last.text) {
            last.drop_back(n);
            *end = last.to_original(last.text.len());
        }
    }
    let mut prev_end = 0;
    for (line, content_end) in &kept {
        if !out.text.is_empty() {
            out.offsets.push(out.text.len(), prev_end);
            out.text.push('\n');
        }
        let base = out.text.len();
        for &(c, o) in &line.anchors {
            out.offsets.push(base + c, o);
        }
        out.text.push_str(&line.text);
        prev_end = *content_end;
    }
    if out.offsets.anchors().is_empty() {
        out.offsets.push(0, 0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::resources;

    fn clean(s: &str) -> Cleaned {
        clean_text(s, resources())
    }

    #[test]
    fn lines_split_on_every_newline_convention() {
        let src = "a\r\nb\rc\n\nd";
        let r: Vec<&str> = line_ranges(src)
            .map(|(s, e)| &src[s..e])
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(r, vec!["a", "b", "c", "d"]);
    }

    #[test]
    fn boilerplate_and_blank_lines_are_removed() {
        let c = clean("Isi berita pertama.\n\nSCROLL TO CONTINUE WITH CONTENT\nBaca juga: Judul lain\n---\nIsi kedua.\nNo comments:\nPost a Comment");
        assert_eq!(c.text, "Isi berita pertama.\nIsi kedua.");
        assert_eq!(c.removed_lines, 5);
    }

    #[test]
    fn a_long_paragraph_starting_like_a_prompt_is_kept() {
        let long = format!(
            "Baca juga {}",
            "kalimat panjang tentang kebijakan pemerintah. ".repeat(6)
        );
        assert_eq!(clean(&long).text, long.trim());
    }

    #[test]
    fn prefix_only_on_the_first_line() {
        let c = clean("Jakarta - Presiden tiba.\nBudi Santoso - Ketua RT - mengatakan hal itu.");
        assert_eq!(c.dateline.as_deref(), Some("Jakarta"));
        assert_eq!(
            c.text,
            "Presiden tiba.\nBudi Santoso - Ketua RT - mengatakan hal itu."
        );
    }

    #[test]
    fn crlf_and_odd_spaces_are_normalised_with_offsets() {
        let src = "Negaratoto - \u{201c}Ya\u{201d},\u{a0}kata  Kim.\r\n\r\nPutin   diam.";
        let c = clean(src);
        assert_eq!(c.text, "\"Ya\", kata Kim.\nPutin diam.");
        assert_eq!(c.site.as_deref(), Some("Negaratoto"));
        for w in ["Ya", "kata", "Kim", "Putin", "diam"] {
            let at = c.text.find(w).unwrap();
            assert!(src[c.offsets.to_original(at)..].starts_with(w), "{w}");
        }
    }
}
