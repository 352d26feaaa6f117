//! The byte-level scan that caps a tag's attributes before the tokenizer
//! sees them.

use std::borrow::Cow;

/// Most attributes kept on one tag. html5ever's tokenizer checks each new
/// attribute against the tag's earlier ones, so a tag's cost grows with the
/// square of their number (one `<div>` with 40,000 took 0.5 s; a 10 MB one
/// would take hours). Real tags have a few dozen at most.
pub(super) const MAX_ATTRIBUTES: usize = 128;

/// Elements whose content the tokenizer reads as raw text, not markup.
const RAW_TEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
];

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// The page without the attributes past [`MAX_ATTRIBUTES`] on any tag.
///
/// A byte-level scan following the tokenizer's rules for tags, attributes,
/// comments and raw text, so that what it drops is what the tokenizer would
/// read as attributes: never text. As a further guard a tag is only cut
/// when it is closed and its dropped part holds no `<` outside quotes (a
/// sign of having mistaken text for a tag).
pub(super) fn cap_attributes(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let find = |from: usize, c: u8| {
        b[from.min(b.len())..]
            .iter()
            .position(|&x| x == c)
            .map(|p| p + from)
    };
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(lt) = find(i, b'<') {
        i = lt + 1;
        let rest = &b[lt..];
        if rest.starts_with(b"<!--") {
            i = b[lt + 4..]
                .windows(3)
                .position(|w| w == b"-->")
                .map_or(b.len(), |p| lt + 4 + p + 3);
            continue;
        }
        let end_tag = rest.get(1) == Some(&b'/');
        let name_at = lt + 1 + usize::from(end_tag);
        if !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            if rest.get(1).is_some_and(|c| matches!(c, b'!' | b'?' | b'/')) {
                // A doctype or bogus comment runs to the next `>`.
                i = find(lt + 1, b'>').map_or(b.len(), |e| e + 1);
            }
            continue;
        }
        let mut j = name_at;
        while j < b.len() && !is_space(b[j]) && !matches!(b[j], b'/' | b'>') {
            j += 1;
        }
        let name = b[name_at..j].to_ascii_lowercase();
        let mut count = 0;
        let mut cut_from = None;
        let mut bare_lt = false;
        loop {
            while j < b.len() && (is_space(b[j]) || b[j] == b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                break;
            }
            count += 1;
            if count > MAX_ATTRIBUTES && cut_from.is_none() {
                cut_from = Some(j);
            }
            // The name (its first character may be `=`), then any value.
            let bare = |j: usize| b[j] == b'<';
            bare_lt |= cut_from.is_some() && bare(j);
            j += 1;
            while j < b.len() && !is_space(b[j]) && !matches!(b[j], b'/' | b'>' | b'=') {
                bare_lt |= cut_from.is_some() && bare(j);
                j += 1;
            }
            while j < b.len() && is_space(b[j]) {
                j += 1;
            }
            if j < b.len() && b[j] == b'=' {
                j += 1;
                while j < b.len() && is_space(b[j]) {
                    j += 1;
                }
                match b.get(j) {
                    Some(&q @ (b'"' | b'\'')) => j = find(j + 1, q).map_or(b.len(), |e| e + 1),
                    _ => {
                        while j < b.len() && !is_space(b[j]) && b[j] != b'>' {
                            bare_lt |= cut_from.is_some() && bare(j);
                            j += 1;
                        }
                    }
                }
            }
        }
        if let Some(from) = cut_from.filter(|_| j < b.len() && !bare_lt) {
            cuts.push((from, j));
        }
        i = (j + 1).min(b.len());
        if end_tag {
            continue;
        }
        if name == b"plaintext" {
            break;
        }
        if RAW_TEXT.contains(&name.as_slice()) {
            // Its content runs to `</name` followed by a space, `/` or `>`.
            let mut k = i;
            i = b.len();
            while let Some(at) = find(k, b'<') {
                let close = &b[at..];
                let n = name.len();
                if close.len() > n + 2
                    && close[1] == b'/'
                    && close[2..2 + n].eq_ignore_ascii_case(&name)
                    && (is_space(close[2 + n]) || matches!(close[2 + n], b'/' | b'>'))
                {
                    i = at;
                    break;
                }
                k = at + 1;
            }
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (from, to) in cuts {
        out.push_str(&html[at..from]);
        at = to;
    }
    out.push_str(&html[at..]);
    Cow::Owned(out)
}
