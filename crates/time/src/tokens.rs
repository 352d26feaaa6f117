//! A minimal tokenizer: runs of letters, runs of ASCII digits, and single
//! punctuation characters, as byte spans. Date grammar needs digits split
//! from letters and slashes (`13/6/2022`, `Q3`, `1990-an`), which a general
//! word tokenizer would not give us, so the tagger keeps its own.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

/// One token: byte span into the text and its kind.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// Splits `text` into tokens. Apostrophes inside a word (`Jum'at`) stay in it.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b.is_ascii_digit() {
            let s = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            out.push(Tok {
                start: s,
                end: i,
                kind: Kind::Num,
            });
            continue;
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        if ch.is_alphabetic() {
            let s = i;
            i += ch.len_utf8();
            while i < bytes.len() {
                let c = text[i..].chars().next().unwrap_or(' ');
                let inner_apostrophe = (c == '\'' || c == '’')
                    && text[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_alphabetic());
                if !(c.is_alphabetic() || inner_apostrophe) {
                    break;
                }
                i += c.len_utf8();
            }
            out.push(Tok {
                start: s,
                end: i,
                kind: Kind::Word,
            });
            continue;
        }
        if ch.is_whitespace() {
            i += ch.len_utf8();
            continue;
        }
        out.push(Tok {
            start: i,
            end: i + ch.len_utf8(),
            kind: Kind::Punct,
        });
        i += ch.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_letters_and_slashes_are_separate_tokens() {
        let t = "Senin (13/6/2022) Jum'at 1990-an";
        let toks: Vec<&str> = tokenize(t).iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(
            toks,
            ["Senin", "(", "13", "/", "6", "/", "2022", ")", "Jum'at", "1990", "-", "an"]
        );
    }
}
