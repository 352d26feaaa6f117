//! Tags stdin and prints one line per expression: `cargo run -p warta-time
//! --example tag -- 2022-06-13 < article.txt` (the date is optional).

use chrono::NaiveDate;
use std::io::Read;

fn main() {
    let anchor = std::env::args()
        .nth(1)
        .and_then(|a| NaiveDate::parse_from_str(&a, "%Y-%m-%d").ok());
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("tag: reading stdin: {e}");
        std::process::exit(2);
    }
    for t in warta_time::TimeTagger::new().tag(&text, anchor) {
        println!(
            "{:?}\t{:?}\t{}\t{}",
            t.text,
            t.kind,
            t.value.as_deref().unwrap_or("null"),
            t.anchor.as_deref().unwrap_or("null")
        );
    }
}
