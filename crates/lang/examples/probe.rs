//! Prints lingua's and warta's view of each line of stdin (for exploring).
//! `WARTA_MARKERS=FILE` uses another marker table (a trainer's output).
use std::io::BufRead;
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let ident = match std::env::var_os("WARTA_MARKERS") {
        Some(path) => {
            let table = std::fs::read_to_string(path)?;
            warta_lang::LanguageIdentifier::with_markers(warta_lang::markers::MarkerModel::parse(&table)?)
        }
        None => warta_lang::LanguageIdentifier::new(),
    };
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let a = ident.analyse(&line);
        println!(
            "{:?} -> {:?} (markers {:.2}, {} hits): {line}",
            a.lingua.first(),
            a.decision.map(|l| l.code),
            a.marker_sum,
            a.marker_hits
        );
    }
    Ok(())
}
