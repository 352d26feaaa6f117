//! Boilerplate at the end of an article: what outlets append after the
//! story. Reporter initials (`(agi/agi)`), author notes (`*) Penulis adalah
//! dosen …`), disclaimers and provenance credits (`Artikel ini pertama kali
//! terbit di …`), place–date sign-offs (`Jakarta, 21 Oktober 2025`), column
//! signatures (`Ahmad Fauzi. Dosen Fakultas Hukum UGM`), promotions of
//! the outlet's own channels and the outlet's description of itself
//! (`DailySocial.id adalah portal berita startup … Kamu bisa menjadi
//! member …`). Each family alone would also match some
//! sentence inside a story, so they are only looked for in the last lines,
//! walking back while every line matches.

use crate::data::{line_key, Resources};
use aho_corasick::{Anchored, Input};

/// How many lines from the end are looked at.
const MAX_TAIL_LINES: usize = 8;
/// Tail lines longer than this are content.
const MAX_TAIL_LINE: usize = 600;
/// A column signature is a short line.
const MAX_SIGNATURE: usize = 200;
/// How many words a signature's name may have.
const MAX_NAME_WORDS: usize = 5;
/// How many lower-case words a signature's role may have that are not
/// function words (`mahasiswa program doktoral ilmu politik`).
const MAX_ROLE_LOWER: usize = 5;

/// Small words a role phrase may hold (`Peneliti di Center for …`).
const FUNCTION_WORDS: &[&str] = &[
    "di", "dan", "pada", "dari", "untuk", "serta", "bidang", "of", "and", "the", "at", "in", "for", "&", "-",
];

/// How many of `lines` (an article's kept lines, in order) are boilerplate
/// at its end. Never all of them: a text that is nothing but such lines is
/// left as it is.
pub(crate) fn trailing_boilerplate(lines: &[&str], res: &Resources) -> usize {
    let mut n = 0;
    while n < MAX_TAIL_LINES && n < lines.len() {
        let line = lines[lines.len() - 1 - n];
        if is_tail_line(line, res) {
            n += 1;
        } else if n + 1 < lines.len() && is_role_line(line, res) && is_name_only(lines[lines.len() - 2 - n]) {
            // A signature on two lines: the name, then the role.
            n += 2;
        } else {
            break;
        }
    }
    if n >= lines.len() {
        0
    } else {
        n
    }
}

/// Bytes at the end of `line` that are a reporter-initials tag glued to the
/// last sentence (`… kata dia. (agi/agi)`), with the space before it.
pub(crate) fn initials_suffix(line: &str) -> Option<usize> {
    let open = line.rfind(" (")?;
    is_initials_tag(&line[open + 1..]).then(|| line.len() - open)
}

fn is_tail_line(line: &str, res: &Resources) -> bool {
    if line.len() > MAX_TAIL_LINE {
        return false;
    }
    is_initials_tag(line)
        || is_author_note(line)
        || res
            .tail_prefixes
            .find(Input::new(&line_key(line)).anchored(Anchored::Yes))
            .is_some()
        || is_sign_off(line, res)
        || is_signature(line, res)
        || is_outlet_blurb(line)
}

/// What an outlet calls itself in its blurb (`portal berita`, `situs`).
const OUTLET_NOUNS: &[&str] = &[
    "portal", "situs", "media", "kanal", "platform", "laman", "website",
];
/// Words of the invitation that follows (`Kamu bisa menjadi member …`,
/// `Kunjungi …`, `mengunduh laporan …`).
const INVITATIONS: &[&str] = &[
    "kamu",
    "anda",
    "ikuti",
    "kunjungi",
    "unduh",
    "mengunduh",
    "berlangganan",
    "member",
    "bergabung",
];

/// `DailySocial.id adalah portal berita startup dan inovasi teknologi. Kamu
/// bisa menjadi member …`: a name of at most three words, `adalah` or
/// `merupakan`, a word for a news outlet within the next three words, and
/// an invitation to the reader in the same line (a story's last sentence
/// may describe a medium, but does not invite the reader).
fn is_outlet_blurb(line: &str) -> bool {
    let ws = words(line);
    let Some(is) = ws
        .iter()
        .take(4)
        .position(|w| matches!(bare(w).as_str(), "adalah" | "merupakan"))
    else {
        return false;
    };
    if is == 0 || !ws[0].starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let outlet = ws[is + 1..]
        .iter()
        .take(3)
        .any(|w| OUTLET_NOUNS.contains(&bare(w).as_str()));
    outlet
        && ws[is + 1..]
            .iter()
            .any(|w| INVITATIONS.contains(&bare(w).as_str()))
}

/// `(agi/agi)`, `(nvl/dnu)`, `(ant/ant/ant)`: reporter and editor initials.
fn is_initials_tag(s: &str) -> bool {
    let Some(inner) = s.trim().strip_prefix('(').and_then(|s| s.strip_suffix(')')) else {
        return false;
    };
    let parts: Vec<&str> = inner.split('/').map(str::trim).collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| (2..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()))
}

/// `*) Penulis adalah …`, `*Penulis adalah …`: an author's note.
fn is_author_note(line: &str) -> bool {
    if line.starts_with("*)") {
        return true;
    }
    line.strip_prefix('*')
        .map(str::trim_start)
        .is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// `Jakarta, 21 Oktober 2025`, `Yogyakarta, Oktober 2025`: where and when a
/// column was written.
fn is_sign_off(line: &str, res: &Resources) -> bool {
    let Some((place, date)) = line.trim_end_matches('.').split_once(',') else {
        return false;
    };
    let place_words: Vec<&str> = place.split_whitespace().collect();
    let is_place = !place_words.is_empty()
        && place_words.len() <= 3
        && place_words.iter().all(|w| w.starts_with(char::is_uppercase));
    let date_words: Vec<String> = date.split_whitespace().map(str::to_lowercase).collect();
    let is_date = match date_words.as_slice() {
        [d, m, y] => is_number(d, 1, 2) && res.months.contains(m.as_str()) && is_number(y, 4, 4),
        [m, y] => res.months.contains(m.as_str()) && is_number(y, 4, 4),
        _ => false,
    };
    is_place && is_date
}

fn is_number(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// The words of a line, with a full stop glued between two words split
/// (`Fauzi.Dosen` → `Fauzi.`, `Dosen`).
fn words(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for w in line.split_whitespace() {
        match w.find('.') {
            Some(i) if i + 1 < w.len() && w[i + 1..].starts_with(char::is_uppercase) && i > 1 => {
                out.push(&w[..=i]);
                out.push(&w[i + 1..]);
            }
            _ => out.push(w),
        }
    }
    out
}

fn bare(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .to_lowercase()
}

/// Whether `w` starts a role in a signature (`Dosen`, `Guru Besar`).
fn is_role_at(ws: &[&str], i: usize, res: &Resources) -> bool {
    let Some(w) = ws.get(i) else { return false };
    let one = bare(w);
    if res.signature_roles.contains(&one) {
        return true;
    }
    ws.get(i + 1)
        .is_some_and(|n| res.signature_roles.contains(&format!("{one} {}", bare(n))))
}

/// A verb-like word (`mengatakan`, `berharap`, `ditangkap`): signatures
/// name and describe, they do not narrate.
fn verb_like(w: &str) -> bool {
    w.len() >= 6 && ["me", "ber", "di", "ter"].iter().any(|p| w.starts_with(p))
}

/// What follows a signature's role is a role phrase, not a sentence.
fn role_phrase_ok(ws: &[&str], res: &Resources) -> bool {
    let mut lower = 0;
    for w in ws {
        let b = bare(w);
        if w.starts_with(char::is_lowercase) && !FUNCTION_WORDS.contains(&b.as_str()) {
            if verb_like(&b) || res.attribution.contains(&b) {
                return false;
            }
            lower += 1;
        }
    }
    lower <= MAX_ROLE_LOWER && !ws.last().is_some_and(|w| w.ends_with(['?', '!', '"']))
}

/// `Ahmad Fauzi. Dosen Fakultas Hukum UGM`, `Budi Santoso, Peneliti di
/// CSIS`, `Dr. Siti Aminah, Guru Besar …`: a name, then a role.
fn is_signature(line: &str, res: &Resources) -> bool {
    if line.len() > MAX_SIGNATURE {
        return false;
    }
    let ws = words(line);
    let mut name = 0;
    for (i, w) in ws.iter().enumerate().take(MAX_NAME_WORDS + 1) {
        if !w.starts_with(char::is_uppercase) {
            return false;
        }
        name += 1;
        let ends_name = w.ends_with(['.', ',']) || ws.get(i + 1).is_some_and(|n| *n == "-" || *n == "—");
        let next = if ws.get(i + 1).is_some_and(|n| *n == "-" || *n == "—") {
            i + 2
        } else {
            i + 1
        };
        if ends_name && name >= 2 && is_role_at(&ws, next, res) {
            return role_phrase_ok(&ws[next..], res);
        }
    }
    false
}

/// A short line that starts with a role word: the second line of a
/// signature written on two lines.
fn is_role_line(line: &str, res: &Resources) -> bool {
    let ws = words(line);
    line.len() <= MAX_SIGNATURE
        && ws.first().is_some_and(|w| w.starts_with(char::is_uppercase))
        && is_role_at(&ws, 0, res)
        && role_phrase_ok(&ws, res)
}

/// Two to five capitalised words and nothing else (`Ahmad Fauzi`).
fn is_name_only(line: &str) -> bool {
    let ws: Vec<&str> = line.split_whitespace().collect();
    (2..=MAX_NAME_WORDS).contains(&ws.len())
        && ws.iter().all(|w| {
            w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == ',')
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::resources;

    fn tail(lines: &[&str]) -> usize {
        trailing_boilerplate(lines, resources())
    }

    const STORY: &str = "Polisi menangkap dua orang di Jakarta, kata Kapolres.";

    #[test]
    fn each_family_is_removed_from_the_end() {
        for end in [
            "(agi/agi)",
            "(nvl/dnu)",
            "*) Penulis adalah dosen Fakultas Hukum Universitas Indonesia.",
            "*Penulis adalah peneliti di CSIS",
            "Artikel ini pertama kali terbit di The Conversation Indonesia. Baca artikel sumber.",
            "Diadaptasi oleh Rina dari artikel berbahasa Inggris.",
            "Disclaimer: Tulisan ini merupakan opini pribadi penulis dan tidak mencerminkan pandangan redaksi.",
            "Jakarta, 21 Oktober 2025",
            "Yogyakarta, Oktober 2025.",
            "Ahmad Fauzi. Dosen Fakultas Hukum Universitas Gadjah Mada",
            "Ahmad Fauzi.Dosen Fakultas Hukum UGM",
            "Budi Santoso, Peneliti di Center for Strategic and International Studies",
        ] {
            assert_eq!(tail(&[STORY, end]), 1, "{end}");
        }
        let promo = "Ikuti berita terkini dan terpercaya dari kami di WhatsApp Channel, Google News, Instagram, \
                     TikTok, Facebook dan X (Twitter). Dapatkan juga informasi penting setiap hari langsung di \
                     ponsel Anda dengan mengunduh aplikasi kami di Play Store dan App Store sekarang juga, gratis.";
        assert!(promo.len() > 200);
        assert_eq!(tail(&[STORY, promo]), 1);
        let blurb = "DailySocial.id adalah portal berita startup dan inovasi teknologi. Kamu bisa menjadi \
                     member komunitas startup dan inovasi DailySocial.id, mengunduh laporan riset dan statistik \
                     seputar teknologi secara cuma-cuma, dan mengikuti berita startup Indonesia dan gadget terbaru.";
        assert_eq!(tail(&[STORY, blurb]), 1);
    }

    #[test]
    fn several_tail_lines_go_together_and_a_two_line_signature() {
        let lines = [STORY, "Ahmad Fauzi", "Dosen Fakultas Hukum UGM", "(agi/agi)"];
        assert_eq!(tail(&lines), 3);
    }

    #[test]
    fn story_sentences_that_look_alike_stay() {
        for end in [
            "Budi Santoso, Ketua RT 05, mengatakan warga sudah mengungsi sejak pagi.",
            "Joko Widodo, Presiden RI, meresmikan jalan tol itu pada Senin.",
            "Jakarta, kota terbesar di Indonesia, kembali banjir.",
            "* poin terakhir dari daftar itu",
            "(AFP)",
            "Ia menyebut dirinya dosen yang tidak suka politik.",
            "Kompas adalah media terbesar di Indonesia, kata Budi.",
            "Telegram adalah platform yang kerap dipakai kelompok teror untuk mengajak anggota baru.",
        ] {
            assert_eq!(tail(&[STORY, end]), 0, "{end}");
        }
        // Only the end: the same line in the middle is not looked at.
        assert_eq!(tail(&["Jakarta, 21 Oktober 2025", STORY]), 0);
        // A text that is nothing but such lines is left alone.
        assert_eq!(tail(&["Jakarta, 21 Oktober 2025"]), 0);
    }

    #[test]
    fn glued_initials_are_found() {
        let line = "Begitu kata dia. (agi/agi)";
        assert_eq!(initials_suffix(line), Some(" (agi/agi)".len()));
        assert_eq!(initials_suffix("Kata dia (Reuters)"), None);
    }
}
