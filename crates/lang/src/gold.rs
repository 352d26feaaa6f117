//! Labelled text for training and evaluation, and the train/test split.
//!
//! Two forms are read: JSON Lines with a `text` field and a label field
//! (`lang`, `language` or `label`; an optional `outlet` names the source),
//! and lingua-style `<code>.sentences.txt` files, one sentence per line,
//! labelled by the file name.

use std::path::Path;

/// Why a gold file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Format {
        path: String,
        line: usize,
        message: String,
    },
}

/// One labelled text.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub text: String,
    /// ISO 639-1 code of the gold language.
    pub lang: String,
    /// Publishing outlet, when the gold file names one.
    pub outlet: Option<String>,
}

/// Which side of the train/test split an example falls on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Split {
    /// Used to learn the marker weights.
    Train,
    /// Held out: never used for learning or tuning.
    Test,
}

/// The family an outlet belongs to, so that sister titles (`Tribun Jabar`,
/// `Tribunnews`; `Tempo.co`, `Tempo World News`) never straddle the split.
pub fn outlet_family(outlet: &str) -> String {
    let mut o = outlet.to_lowercase();
    while let (Some(a), Some(b)) = (o.find('('), o.find(')')) {
        if b < a {
            break;
        }
        o.replace_range(a..=b, "");
    }
    let o = o.trim();
    let o = o.strip_prefix("global ").unwrap_or(o);
    let mut w = o.split_whitespace().next().unwrap_or("").to_string();
    for suffix in [".co.id", ".com", ".co", ".id"] {
        if let Some(s) = w.strip_suffix(suffix) {
            w = s.to_string();
            break;
        }
    }
    if w.starts_with("tribun") {
        w = "tribun".into();
    }
    w
}

/// FNV-1a: a stable hash (std's hasher is randomised per process).
pub fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The split of an outlet: whole outlet families go to one side (about 40%
/// held out), so test figures measure outlets the weights never saw.
pub fn split_of_outlet(outlet: &str) -> Split {
    if fnv1a(&outlet_family(outlet)) % 10 < 4 {
        Split::Test
    } else {
        Split::Train
    }
}

/// The split of an example: by outlet when known, else by a hash of its text.
pub fn split_of(example: &Example) -> Split {
    match &example.outlet {
        Some(o) => split_of_outlet(o),
        None if fnv1a(&example.text) % 10 < 4 => Split::Test,
        None => Split::Train,
    }
}

/// Reads a gold file in either supported form.
pub fn read_gold(path: &Path) -> Result<Vec<Example>, GoldError> {
    let shown = path.display().to_string();
    let content = std::fs::read_to_string(path).map_err(|source| GoldError::Io {
        path: shown.clone(),
        source,
    })?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if let Some(code) = name.strip_suffix(".sentences.txt") {
        return Ok(parse_sentences(&content, code));
    }
    parse_jsonl(&content, &shown)
}

/// One example per non-empty line, all labelled `code`.
pub fn parse_sentences(content: &str, code: &str) -> Vec<Example> {
    content
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Example {
            text: l.to_string(),
            lang: code.to_string(),
            outlet: None,
        })
        .collect()
}

/// JSON Lines with `text` and `lang`/`language`/`label` fields.
pub fn parse_jsonl(content: &str, path: &str) -> Result<Vec<Example>, GoldError> {
    let mut out = Vec::new();
    for (n, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| GoldError::Format {
            path: path.to_string(),
            line: n + 1,
            message,
        };
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| err(format!("not JSON: {e}")))?;
        let text = v
            .get("text")
            .and_then(|t| t.as_str())
            .ok_or_else(|| err("no string field `text`".into()))?;
        let lang = ["lang", "language", "label"]
            .iter()
            .find_map(|k| v.get(*k).and_then(|t| t.as_str()))
            .ok_or_else(|| err("no label field (`lang`, `language` or `label`)".into()))?;
        let outlet = v.get("outlet").and_then(|t| t.as_str()).map(str::to_string);
        out.push(Example {
            text: text.to_string(),
            lang: lang.trim().to_lowercase(),
            outlet,
        });
    }
    Ok(out)
}

/// The `isi_berita` (Detik's export) or `text` column of a CSV file with a
/// header row; quoted fields may hold commas, quotes and newlines.
pub fn read_csv_texts(path: &Path) -> Result<Vec<String>, GoldError> {
    let shown = path.display().to_string();
    let content = std::fs::read_to_string(path).map_err(|source| GoldError::Io {
        path: shown.clone(),
        source,
    })?;
    let rows = parse_csv(&content);
    let header = rows.first().ok_or_else(|| GoldError::Format {
        path: shown.clone(),
        line: 1,
        message: "empty CSV".into(),
    })?;
    let col = header
        .iter()
        .position(|h| h.trim() == "isi_berita" || h.trim() == "text")
        .ok_or_else(|| GoldError::Format {
            path: shown.clone(),
            line: 1,
            message: "no `isi_berita` or `text` column".into(),
        })?;
    Ok(rows[1..]
        .iter()
        .filter_map(|r| r.get(col))
        .filter(|t| !t.trim().is_empty())
        .cloned()
        .collect())
}

/// Splits CSV text into rows of fields (RFC 4180 quoting).
pub fn parse_csv(content: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = content.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sister_outlets_share_a_family_and_a_split() {
        assert_eq!(outlet_family("Tribun Jabar"), "tribun");
        assert_eq!(outlet_family("Tribunnews Bogor"), "tribun");
        assert_eq!(outlet_family("Tempo.co"), "tempo");
        assert_eq!(outlet_family("Tempo World News"), "tempo");
        assert_eq!(outlet_family("Global Liputan6.com"), "liputan6");
        assert_eq!(outlet_family("Malaysiakini (caruman)"), "malaysiakini");
        assert_eq!(split_of_outlet("Tribun Jabar"), split_of_outlet("Tribunnews"));
    }

    #[test]
    fn jsonl_accepts_both_label_names_and_reports_bad_lines() {
        let ok = "{\"text\":\"a b\",\"lang\":\"ms\",\"outlet\":\"Kosmo!\"}\n\n{\"text\":\"c\",\"language\":\"ID\"}\n";
        let ex = parse_jsonl(ok, "x").unwrap();
        assert_eq!(ex.len(), 2);
        assert_eq!(ex[1].lang, "id");
        assert_eq!(ex[0].outlet.as_deref(), Some("Kosmo!"));
        let bad = parse_jsonl("{\"text\":\"a\"}\n", "f.jsonl")
            .unwrap_err()
            .to_string();
        assert!(bad.contains("f.jsonl:1") && bad.contains("label"), "{bad}");
        assert!(parse_jsonl("not json\n", "f").is_err());
    }

    #[test]
    fn csv_fields_keep_quoted_commas_quotes_and_newlines() {
        let rows = parse_csv("id,isi_berita\r\n1,\"Satu, \"\"dua\"\"\nTiga\"\n2,x");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1][1], "Satu, \"dua\"\nTiga");
        assert_eq!(rows[2], ["2", "x"]);
    }

    #[test]
    fn sentence_files_are_labelled_by_name() {
        let ex = parse_sentences("Satu.\n\nDua.\n", "id");
        assert_eq!(ex.len(), 2);
        assert!(ex.iter().all(|e| e.lang == "id" && e.outlet.is_none()));
    }
}
