//! Article-length texts from the held-out outlets: consecutive held-out
//! paragraphs of one outlet family joined four at a time (the news file has
//! paragraphs, not articles), scored like `warta eval lang`.
//! `cargo run --release -p warta-lang --example held_out_docs [SHARED]`

use std::collections::BTreeMap;
use std::path::PathBuf;
use warta_lang::cli::Scores;
use warta_lang::gold::{outlet_family, read_gold, split_of, Example, Split};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    let mut by_family: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for e in read_gold(&root.join("data/langid/news-ms-id.jsonl"))? {
        if split_of(&e) == Split::Test {
            let fam = outlet_family(e.outlet.as_deref().unwrap_or(""));
            by_family.entry((e.lang.clone(), fam)).or_default().push(e.text);
        }
    }
    let mut docs = Vec::new();
    for ((lang, _), paras) in by_family {
        for chunk in paras.chunks(4).filter(|c| c.len() == 4) {
            docs.push(Example {
                text: chunk.join("\n\n"),
                lang: lang.clone(),
                outlet: None,
            });
        }
    }
    let mut ident = warta_lang::LanguageIdentifier::new();
    let refs: Vec<&Example> = docs.iter().collect();
    ident.set_lingua_prefix(100_000);
    let whole = Scores::compute(&ident, &refs);
    ident.set_lingua_prefix(warta_lang::LINGUA_PREFIX_CHARS);
    let s = Scores::compute(&ident, &refs);
    println!("{} four-paragraph texts from held-out outlets", s.n);
    println!(
        "accuracy lingua alone {:.3}  warta {:.3}",
        s.lingua_accuracy(),
        s.warta_accuracy()
    );
    println!(
        "(lingua alone reading the whole text: {:.3}, id {:.3}, ms {:.3})",
        whole.lingua_accuracy(),
        whole.lingua_recall("id").unwrap_or(0.0),
        whole.lingua_recall("ms").unwrap_or(0.0)
    );
    for c in ["id", "ms"] {
        println!(
            "gold {c}: n={} recall lingua {:.3} warta {:.3}",
            s.per_class.get(c).map_or(0, |x| x.0),
            s.lingua_recall(c).unwrap_or(0.0),
            s.warta_recall(c).unwrap_or(0.0)
        );
    }
    for ((g, p), n) in &s.confusion {
        println!("  {g} → {p}: {n}");
    }
    Ok(())
}
