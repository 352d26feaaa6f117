//! Lists the site/dateline prefixes the cleaner finds on the first lines of
//! IndoSum articles, most frequent first, with how many first lines had
//! none. Usage: `cargo run -p warta-text --example prefixes -- FILE.jsonl...`
//! (IndoSum `dev.0N.jsonl` from `../shared/data/news/indosum`).

use std::collections::HashMap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut counts: HashMap<(Option<String>, Option<String>), usize> = HashMap::new();
    let mut total = 0;
    for path in std::env::args().skip(1) {
        for line in std::fs::read_to_string(&path)?.lines() {
            let v: serde_json::Value = serde_json::from_str(line)?;
            let Some(first) = v["paragraphs"][0][0].as_array() else {
                continue;
            };
            // IndoSum is tokenised: undo the spaces around , ( ) -- naively.
            let joined = first
                .iter()
                .filter_map(|t| t.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let text = joined
                .replace(" , ", ", ")
                .replace("( ", "(")
                .replace(" )", ")")
                .replace(" - - ", " -- ");
            let c = warta_text::clean_text(&text);
            total += 1;
            *counts.entry((c.site, c.dateline)).or_default() += 1;
        }
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    println!("{total} first lines");
    for ((site, dateline), n) in rows.iter().take(200) {
        println!(
            "{n:6}  site={:<24} dateline={}",
            site.as_deref().unwrap_or("-"),
            dateline.as_deref().unwrap_or("-")
        );
    }
    Ok(())
}
