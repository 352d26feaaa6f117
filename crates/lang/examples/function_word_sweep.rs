//! Chooses the function-word floors of `warta_lang::function_words`: for
//! each gold language, the share of function words in texts of at least
//! `MIN_WORDS` words (low percentiles) and how many texts each candidate
//! floor would wrongly reject. Reads only tuning data: lingua's test
//! sentences, the *training* outlets of news-ms-id.jsonl and Detik dev.
//!
//! `cargo run --release -p warta-lang --example function_word_sweep -- \
//!   ../shared/data/langid/en.sentences.txt ../shared/data/langid/id.sentences.txt \
//!   ../shared/data/langid/news-ms-id.jsonl id=../shared/data/news/detik/data_berita_dev.csv`

use std::collections::BTreeMap;
use warta_lang::function_words::{FunctionWords, MIN_WORDS};
use warta_lang::gold::{read_csv_texts, read_gold, split_of, Split};

fn main() {
    let fw = FunctionWords::embedded();
    let mut shares: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for arg in std::env::args().skip(1) {
        let texts: Vec<(String, String)> = match arg.split_once('=') {
            Some((lang, path)) => read_csv_texts(path.as_ref())
                .expect("csv")
                .into_iter()
                .map(|t| (lang.to_string(), t))
                .collect(),
            None => read_gold(arg.as_ref())
                .expect("gold")
                .into_iter()
                .filter(|e| e.outlet.is_none() || split_of(e) == Split::Train)
                .map(|e| (e.lang, e.text))
                .collect(),
        };
        for (lang, text) in texts {
            let c = fw.count(&text);
            if c.words >= MIN_WORDS {
                if let Some(s) = c.share(&lang) {
                    shares.entry(lang).or_default().push(s);
                }
            }
        }
    }
    for (lang, mut v) in shares {
        v.sort_by(f64::total_cmp);
        let q = |p: f64| v[((v.len() - 1) as f64 * p) as usize];
        println!(
            "{lang}: {} texts of >= {MIN_WORDS} words; share min {:.3} p0.5 {:.3} p1 {:.3} p5 {:.3} median {:.3}",
            v.len(),
            v[0],
            q(0.005),
            q(0.01),
            q(0.05),
            q(0.5)
        );
        for floor in [0.01, 0.02, 0.03, 0.04, 0.06] {
            let rejected = v.iter().filter(|&&s| s < floor).count();
            println!("  floor {floor:.2}: {rejected} rejected");
        }
    }
}
