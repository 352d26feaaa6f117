//! Prints lingua's and warta's view of each line of stdin (for exploring).
use std::io::BufRead;
fn main() {
    let ident = warta_lang::LanguageIdentifier::new();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let a = ident.analyse(&line);
        println!(
            "{:?} -> {:?} (markers {:.2}, {} hits): {line}",
            a.lingua.first(),
            a.decision,
            a.marker_sum,
            a.marker_hits
        );
    }
}
