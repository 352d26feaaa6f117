//! Indonesian affixation: the written forms of a root under a frame
//! (`tangkap` + `meN` → `menangkap`, + `peN-an` → `penangkapan`).
//!
//! Generating forms from roots, instead of stemming the text, keeps the
//! lexicon exact: a word matches only if it is a form some entry names.

/// How the subject and object of a trigger relate to source and target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Voice {
    /// Subject = source, object = target (`menangkap`, `bertemu`).
    Active,
    /// Subject = target; agent after `oleh` or right after the verb.
    Passive,
    /// A noun whose genitive is the source (`serangan Rusia`).
    NounAgent,
    /// A noun whose genitive is the target (`penangkapan X`).
    NounPatient,
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn syllables(root: &str) -> usize {
    let mut n = 0;
    let mut prev = false;
    for c in root.chars() {
        let v = is_vowel(c);
        if v && !prev {
            n += 1;
        }
        prev = v;
    }
    n
}

/// `meN-` (or `peN-` with `pe`) on `root`: every accepted spelling (loans
/// keep their first consonant as well as losing it: `mengkritik`,
/// `mengritik`).
fn nasal(pre: &str, root: &str) -> Vec<String> {
    let Some(first) = root.chars().next() else {
        return Vec::new();
    };
    if syllables(root) == 1 {
        return vec![format!("{pre}nge{root}")];
    }
    let rest = &root[first.len_utf8()..];
    match first {
        c if is_vowel(c) => vec![format!("{pre}ng{root}")],
        'g' | 'h' => vec![format!("{pre}ng{root}")],
        'k' => vec![format!("{pre}ng{rest}"), format!("{pre}ng{root}")],
        'p' => vec![format!("{pre}m{rest}"), format!("{pre}m{root}")],
        'b' | 'f' | 'v' => vec![format!("{pre}m{root}")],
        't' => vec![format!("{pre}n{rest}"), format!("{pre}n{root}")],
        's' => vec![format!("{pre}ny{rest}"), format!("{pre}n{root}")],
        'c' | 'd' | 'j' | 'z' => vec![format!("{pre}n{root}")],
        _ => vec![format!("{pre}{root}")],
    }
}

fn ber(pre: &str, root: &str) -> String {
    // be-kerja, be-runding; ber-temu.
    if root.starts_with('r') || root == "kerja" {
        format!("{}{root}", &pre[..pre.len() - 1])
    } else {
        format!("{pre}{root}")
    }
}

/// The forms of `root` under `frame` (see `data/events/triggers-id.tsv`)
/// with their voice; `None` for an unknown frame.
pub(crate) fn forms(root: &str, frame: &str) -> Option<(Vec<String>, Voice)> {
    use Voice::*;
    let one = |s: String| vec![s];
    Some(match frame {
        "meN" => (nasal("me", root), Active),
        "meN-kan" => (nasal("me", root).into_iter().map(|f| f + "kan").collect(), Active),
        "meN-i" => (nasal("me", root).into_iter().map(|f| f + "i").collect(), Active),
        "memper" => (one(ber("memper", root)), Active),
        "memper-kan" => (one(format!("{}kan", ber("memper", root))), Active),
        "memper-i" => (one(format!("{}i", ber("memper", root))), Active),
        "ber" => (one(ber("ber", root)), Active),
        "=v" => (one(root.to_string()), Active),
        "di" => (one(format!("di{root}")), Passive),
        "di-kan" => (one(format!("di{root}kan")), Passive),
        "di-i" => (one(format!("di{root}i")), Passive),
        "diper" => (one(ber("diper", root)), Passive),
        "diper-kan" => (one(format!("{}kan", ber("diper", root))), Passive),
        "ter" => (one(format!("ter{root}")), Passive),
        "ter-kan" => (one(format!("ter{root}kan")), Passive),
        "-an" => (one(format!("{root}an")), NounAgent),
        "per-an" => (one(format!("{}an", ber("per", root))), NounAgent),
        "ke-an" => (one(format!("ke{root}an")), NounAgent),
        "=n" => (one(root.to_string()), NounAgent),
        "peN-an" => (
            nasal("pe", root).into_iter().map(|f| f + "an").collect(),
            NounPatient,
        ),
        "=p" => (one(root.to_string()), NounPatient),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(root: &str, frame: &str) -> Vec<String> {
        forms(root, frame).unwrap().0
    }

    #[test]
    fn prefixes_follow_the_sound_rules() {
        assert_eq!(f("tangkap", "meN")[0], "menangkap");
        assert_eq!(f("serang", "meN")[0], "menyerang");
        assert_eq!(f("periksa", "meN")[0], "memeriksa");
        assert_eq!(f("kecam", "meN")[0], "mengecam");
        assert!(f("kritik", "meN").contains(&"mengkritik".to_string()));
        assert_eq!(f("geledah", "peN-an")[0], "penggeledahan");
        assert_eq!(f("sita", "peN-an")[0], "penyitaan");
        assert_eq!(f("bom", "meN")[0], "mengebom");
        assert_eq!(f("ledak", "meN-kan")[0], "meledakkan");
        assert_eq!(f("dalam", "meN-i")[0], "mendalami");
        assert_eq!(f("runding", "per-an")[0], "perundingan");
        assert_eq!(f("temu", "ber")[0], "bertemu");
        assert_eq!(f("kerja", "ber")[0], "bekerja");
        assert_eq!(f("ingat", "memper-kan")[0], "memperingatkan");
        assert_eq!(f("tangkap", "di")[0], "ditangkap");
    }
}
