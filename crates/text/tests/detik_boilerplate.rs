//! On the Detik development articles, no known boilerplate line survives
//! cleaning and no content line is lost. "Known boilerplate" is decided by
//! the independent pattern list below (regular expressions written from
//! reading the data), not by the cleaner's own data file.

use regex::RegexSet;
use unicode_normalization::UnicodeNormalization;
use warta_text::clean_text;

fn boilerplate() -> RegexSet {
    RegexSet::new([
        r"^SCROLL TO (CONTINUE WITH|RESUME) CONTENT$",
        r"^ADVERTISEMENT$",
        r"(?i)^(simak|lihat|tonton)( juga)? ?(video|\x22|')",
        r"(?i)^saksikan live",
        r"^\[Gambas:",
        r"(?i)^baca (juga|selengkapnya|beritanya)",
        r"(?i)^simak selengkapnya di",
        r"(?i)^\(?foto:",
        r"^Editor:",
        r"(?i)^artikel ini (telah|sudah) tayang",
        r"(?i)^artikel ini ditulis oleh",
        r#"^"Detik (Pagi|Sore), "#,
        r"(?i)^melihat kembali detiksore",
        r"^Video:",
        r"^[^\p{L}\p{N}]*$",
        // Opinion columns (`detik Kolom`) end with the author: a note
        // after `*` / `*)`, or a signature `Name.Role …` (often glued).
        r"^\*",
        r"^(Dr\.? )?[A-Z][\p{L}']*( [A-Z][\p{L}']*){1,4}\. ?(Dosen|Peneliti|Pemerhati|Pakar|Direktur|Ketua|Komisioner|Advokat|Mahasiswa|Alumni|Kandidat|Analis|Guru)\b",
    ])
    .expect("patterns compile")
}

/// ASCII letters and digits only, lower case: what must survive of a
/// content line whatever the normaliser does to quotes and spaces, and to
/// mojibake (`Â±` repaired to `±`, `JÃ³hann` to `Jóhann`, a few Detik lines).
fn signature(line: &str) -> String {
    line.nfc()
        .filter(|c| c.is_ascii_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[test]
fn detik_boilerplate_is_removed_and_content_kept() {
    let Some(detik) = warta_testdata::detik_articles() else {
        return;
    };
    let set = boilerplate();
    let (mut articles, mut in_lines, mut bp_in, mut survived, mut lost) = (0, 0, 0, 0, 0);
    let mut examples = Vec::new();
    for article in &detik {
        let raw = article.text.as_str();
        let clean = clean_text(raw);
        articles += 1;
        let out_sigs: std::collections::HashSet<String> = clean.text.lines().map(signature).collect();
        let first_out = clean.text.lines().next().map(signature).unwrap_or_default();
        for out in clean.text.lines() {
            if set.is_match(out.trim()) {
                survived += 1;
                examples.push(format!("survived: {out}"));
            }
        }
        let mut first = true;
        for line in raw.lines() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            in_lines += 1;
            if set.is_match(line) {
                bp_in += 1;
                continue;
            }
            let sig = signature(line);
            let kept =
                out_sigs.contains(&sig) || (first && !first_out.is_empty() && sig.ends_with(&first_out));
            first = false;
            if !kept {
                lost += 1;
                examples.push(format!("lost: {line}"));
            }
        }
    }
    println!(
        "detik: {articles} articles, {in_lines} non-empty input lines, {bp_in} boilerplate by the test's list; \
         surviving boilerplate lines: {survived}; lost content lines: {lost}"
    );
    for e in examples.iter().take(20) {
        println!("  {e}");
    }
    assert!(articles > 700);
    assert_eq!(survived, 0, "boilerplate survived");
    assert_eq!(lost, 0, "content lost");
}
