//! Prints the held-out news paragraphs warta gets wrong, with the scores
//! behind each decision: `cargo run --release -p warta-lang --example errors -- FILE`.

use warta_lang::gold::{read_gold, split_of, Split};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: errors GOLD.jsonl")?;
    let ident = warta_lang::LanguageIdentifier::new();
    for e in read_gold(path.as_ref())? {
        if split_of(&e) != Split::Test {
            continue;
        }
        let a = ident.analyse(&e.text);
        let got = a.decision.as_ref().map_or("none", |l| l.code.as_str());
        if got != e.lang {
            println!(
                "gold {} got {got} lingua {:?} lo {:.2} markers {:.2} ({} hits) [{}]\n  {}\n",
                e.lang,
                a.lingua.first(),
                a.lingua_log_odds,
                a.marker_sum,
                a.marker_hits,
                e.outlet.unwrap_or_default(),
                e.text
            );
        }
    }
    Ok(())
}
