//! Stories: articles about one happening that are not copies of each other
//! (two outlets' own reports of one arrest). An article's *story keys* are
//! the actors and places it names, as linked (`PER:Joko Widodo`,
//! `LOC:Sievierodonetsk`), the events it codes (`EV:17:RUS:UKR`) and the
//! words of its headline and lead sentence (`W:tersangka`); two
//! articles published within [`WINDOW_DAYS`] of each other belong to one
//! story when the keys they share weigh enough ([`similarity`]), each key
//! weighted by how rare it is in the store, so that `Indonesia` or
//! `Jakarta` alone never make a story.

use warta_core::Document;

/// Articles further apart than this (by publication date) are never put in
/// one story by their keys.
pub const WINDOW_DAYS: i64 = 3;

/// The weighted cosine of shared keys at which an article joins the story
/// of its most similar neighbour. Tuned on the Detik story pairs
/// (data/eval/stories/), scored on IndoSum's (docs/quality.md).
pub const STORY_THRESHOLD: f64 = 0.35;

/// Distinct keys two articles must share: one shared name is never a story.
pub const MIN_SHARED_KEYS: usize = 2;

/// The story keys of a document, sorted and without repeats.
pub fn story_keys(doc: &Document) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for e in &doc.entities {
        let name = e.canonical.as_deref().unwrap_or(&e.text);
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        // One-letter names and bare numbers are noise, not actors.
        if name.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            keys.push(format!("{}:{}", e.kind.as_str(), name.to_lowercase()));
        }
    }
    // The headline and the lead sentence say what happened in words the
    // entities miss (`banjir`, `tersangka`, `No Kings`); rare words weigh,
    // common ones do not.
    let title = doc.title.as_deref().unwrap_or("");
    let lead = doc.text.split_inclusive(['.', '\n']).next().unwrap_or("");
    for w in title
        .split(|c: char| !c.is_alphanumeric())
        .chain(lead.split(|c: char| !c.is_alphanumeric()))
    {
        if w.chars().count() >= 4 && w.chars().all(char::is_alphabetic) {
            keys.push(format!("W:{}", w.to_lowercase()));
        }
    }
    for e in &doc.events {
        let code = |side: &Option<warta_core::EventActor>| {
            side.as_ref()
                .and_then(|a| a.code.as_deref())
                .unwrap_or("-")
                .to_string()
        };
        let root = e.cameo.get(..2).unwrap_or(&e.cameo);
        keys.push(format!("EV:{root}:{}:{}", code(&e.source), code(&e.target)));
    }
    keys.sort();
    keys.dedup();
    keys
}

/// How much a key says: rarer keys say more. `df` is the number of
/// articles holding the key, `n` the number of articles with keys.
pub fn key_weight(df: u64, n: u64) -> f64 {
    ((1 + n) as f64 / (1 + df) as f64).ln() + 1.0
}

/// The cosine of two articles' key sets, each key weighted by `weight`:
/// 1 when they hold the same keys, 0 when they share none. Both slices are
/// sorted. Also returns the number of keys shared.
pub fn similarity(a: &[String], b: &[String], weight: &dyn Fn(&str) -> f64) -> (f64, usize) {
    let norm = |keys: &[String]| keys.iter().map(|k| weight(k).powi(2)).sum::<f64>().sqrt();
    let (mut i, mut j, mut dot, mut shared) = (0, 0, 0.0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += weight(&a[i]).powi(2);
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let denom = norm(a) * norm(b);
    if denom == 0.0 {
        (0.0, 0)
    } else {
        (dot / denom, shared)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_linked_names_and_coded_events() {
        let doc: Document = serde_json::from_value(serde_json::json!({
            "id": "a",
            "text": "",
            "entities": [
                {"type": "PER", "text": "Kim", "start": 0, "end": 3, "canonical": "Kim Jong Un"},
                {"type": "PER", "text": "Kim Jong Un", "start": 0, "end": 11, "canonical": "Kim Jong Un"},
                {"type": "LOC", "text": "Sievierodonetsk", "start": 0, "end": 15, "canonical": "Siverskodonetsk"},
                {"type": "ORG", "text": "X", "start": 0, "end": 1, "canonical": null}
            ],
            "events": [{
                "start": 0, "end": 1, "sentence": 0, "trigger": {"text": "x", "start": 0, "end": 1},
                "plover": "CONSULT", "cameo": "051", "quad_class": 1, "goldstein": 3.4,
                "source": {"text": "x", "start": 0, "end": 1, "name": "x", "code": "PRKGOV", "cluster": null, "implicit": false},
                "target": {"text": "x", "start": 0, "end": 1, "name": "x", "code": "RUSGOV", "cluster": null, "implicit": false},
                "modality": "asserted"
            }]
        }))
        .expect("a document");
        assert_eq!(
            story_keys(&doc),
            ["EV:05:PRKGOV:RUSGOV", "LOC:siverskodonetsk", "PER:kim jong un"]
        );
    }

    #[test]
    fn a_rare_shared_name_weighs_more_than_a_common_one() {
        let w = |k: &str| {
            if k == "LOC:indonesia" {
                key_weight(900, 1000)
            } else {
                key_weight(2, 1000)
            }
        };
        let a: Vec<String> = ["LOC:indonesia", "PER:a", "PER:b"].map(String::from).to_vec();
        let common: Vec<String> = ["LOC:indonesia", "PER:c", "PER:d"].map(String::from).to_vec();
        let rare: Vec<String> = ["LOC:indonesia", "PER:a", "PER:d"].map(String::from).to_vec();
        let (s_common, n_common) = similarity(&a, &common, &w);
        let (s_rare, n_rare) = similarity(&a, &rare, &w);
        assert_eq!((n_common, n_rare), (1, 2));
        assert!(s_common < 0.05 && s_rare > 0.4, "{s_common} {s_rare}");
        assert!((similarity(&a, &a, &w).0 - 1.0).abs() < 1e-9);
    }
}
