//! Bytes to text: byte-order marks, declared charsets, detection, and the
//! checks that turn binary or undecodable input into a clear error.

use encoding_rs::{Encoding, UTF_8};

/// How far into a page we look for a `<meta charset>`; the HTML standard's
/// prescan stops at 1024 bytes, but real pages put long `<head>`s first.
const META_SCAN: usize = 8 * 1024;

/// A short name for well-known binary formats, or a generic one when the
/// start of the data holds NUL bytes (which no text encoding we read makes,
/// UTF-16 aside, and that comes with a byte-order mark).
pub(crate) fn binary_kind(head: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x1f\x8b", "gzip-compressed data"),
        (b"\x7fELF", "an executable"),
        (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    ];
    if let Some((_, name)) = MAGIC.iter().find(|(m, _)| head.starts_with(m)) {
        return Some(name);
    }
    if Encoding::for_bom(head).is_some() {
        return None;
    }
    head.iter()
        .take(8 * 1024)
        .any(|&b| b == 0)
        .then_some("binary data (NUL bytes)")
}

/// Decodes a plain-text article. Text must be UTF-8 (a UTF-8 or UTF-16
/// byte-order mark is honoured and dropped): unlike HTML, plain text declares
/// no charset, and guessing one for a short text silently garbles names, so
/// anything else is an error telling the user what to do.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<String, String> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(format!("not valid {} despite its byte-order mark", enc.name()));
        }
        return Ok(text.into_owned());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(format!(
            "not valid UTF-8 (first bad byte at offset {}); plain text must be UTF-8 — convert it first, e.g. `iconv -f windows-1252 -t utf-8`",
            e.valid_up_to()
        )),
    }
}

/// Decodes an HTML page. Order: byte-order mark, then the charset the
/// transport declared (HTTP `Content-Type`), then `<meta charset>` /
/// `<meta http-equiv=Content-Type>`, then UTF-8 if the bytes are valid UTF-8,
/// then a guess by `chardetng`. One exception: a page declaring a legacy
/// single-byte charset whose bytes are valid, non-ASCII UTF-8 is read as
/// UTF-8 — misdeclared pages are common and a wrong guess there garbles every
/// accented letter, while the chance that legacy text is accidentally valid
/// UTF-8 is negligible.
pub(crate) fn decode_html(bytes: &[u8], declared: Option<&str>) -> String {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[bom_len..]).0.into_owned();
    }
    let declared = declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(META_SCAN)]))
        // As in browsers: a page cannot declare itself UTF-16 from inside.
        .map(Encoding::output_encoding);
    let utf8 = std::str::from_utf8(bytes).ok();
    let enc = match (declared, utf8) {
        (Some(enc), Some(s)) if enc != UTF_8 && enc.is_single_byte() && !s.is_ascii() => UTF_8,
        (Some(enc), _) => enc,
        (None, Some(_)) => UTF_8,
        (None, None) => {
            // UTF-8 was ruled out above; ISO-2022-JP is allowed because we
            // never run the page's scripts.
            let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
            det.feed(bytes, true);
            det.guess(None, chardetng::Utf8Detection::Deny)
        }
    };
    if enc == UTF_8 {
        if let Some(s) = utf8 {
            return s.to_string();
        }
    }
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// The encoding named by the first `<meta charset=...>` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">`.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut rest = &lower[..];
    while let Some(start) = find(rest, b"<meta") {
        let tag = &rest[start..];
        let end = tag.iter().position(|&b| b == b'>').unwrap_or(tag.len());
        if let Some(enc) = charset_in(&tag[..end]) {
            return Some(enc);
        }
        rest = &tag[end..];
    }
    None
}

/// The encoding after `charset=` inside one tag, if it names a known one.
pub(crate) fn charset_in(tag: &[u8]) -> Option<&'static Encoding> {
    let lower = tag.to_ascii_lowercase();
    let at = find(&lower, b"charset")? + b"charset".len();
    let value = lower[at..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .collect::<Vec<_>>();
    let value = value.strip_prefix(&[&b'=']).unwrap_or(&value);
    let label: Vec<u8> = value
        .iter()
        .map(|b| **b)
        .skip_while(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        .take_while(|b| !(b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'>' | b'/')))
        .collect();
    Encoding::for_label(&label)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_is_honoured_for_legacy_pages() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>Caf\xe9</body></html>";
        assert!(decode_html(page, None).contains("Caf\u{e9}"));
    }

    #[test]
    fn http_equiv_content_type_is_honoured() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body>Se\xf1or</body></html>";
        assert!(decode_html(page, None).contains("Se\u{f1}or"));
    }

    #[test]
    fn transport_charset_wins_over_meta() {
        let page = b"<meta charset=utf-8><p>\xc0 bient\xf4t";
        assert!(decode_html(page, Some("iso-8859-1")).contains("bient\u{f4}t"));
    }

    #[test]
    fn utf8_page_misdeclared_as_latin1_stays_utf8() {
        let page = "<meta charset=iso-8859-1><p>Jakarta — café</p>".as_bytes();
        assert!(decode_html(page, None).contains("— café"));
    }

    #[test]
    fn undeclared_legacy_page_is_detected() {
        let page = "<html><body><p>Le président a déclaré que la société française était prête à négocier.</p></body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
        assert!(decode_html(&bytes, None).contains("président a déclaré"));
    }

    #[test]
    fn plain_text_must_be_utf8() {
        let err = decode_text(b"Caf\xe9 au lait").unwrap_err();
        assert!(
            err.contains("not valid UTF-8") && err.contains("offset 3"),
            "{err}"
        );
    }

    #[test]
    fn plain_text_byte_order_marks_are_honoured() {
        assert_eq!(decode_text(b"\xef\xbb\xbfhalo").unwrap(), "halo");
        assert_eq!(decode_text(b"\xff\xfeh\0i\0").unwrap(), "hi");
    }

    #[test]
    fn binary_data_is_recognised() {
        assert_eq!(binary_kind(b"%PDF-1.7 ..."), Some("a PDF document"));
        assert!(binary_kind(b"abc\0def").is_some());
        assert_eq!(binary_kind(b"\xff\xfeh\0i\0"), None);
        assert_eq!(binary_kind("Berita hari ini".as_bytes()), None);
    }
}
