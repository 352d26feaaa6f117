//! Start-up cost in a fresh process: building the identifier (lingua models
//! preloaded, as `LanguageIdentifier::new` does) against lingua's lazy
//! loading, where the first call pays instead.
//! `cargo run --release -p warta-lang --example startup [lazy]`

use std::time::Instant;

const TEXT: &str = "Polisi mengatakan bahwa mobil tersebut ditemukan di dekat kantor kecamatan.";

fn main() {
    let lazy = std::env::args().nth(1).as_deref() == Some("lazy");
    let t0 = Instant::now();
    if lazy {
        let d = lingua::LanguageDetectorBuilder::from_languages(&warta_lang::LANGUAGES).build();
        let built = t0.elapsed();
        let t1 = Instant::now();
        let _ = d.compute_language_confidence_values(TEXT);
        let first = t1.elapsed();
        let t2 = Instant::now();
        let _ = d.compute_language_confidence_values(TEXT);
        println!(
            "lazy: build {built:?}, first call {first:?}, second call {:?}",
            t2.elapsed()
        );
    } else {
        let ident = warta_lang::LanguageIdentifier::new();
        let built = t0.elapsed();
        let t1 = Instant::now();
        let _ = ident.detect(TEXT);
        let first = t1.elapsed();
        let t2 = Instant::now();
        let _ = ident.detect(TEXT);
        println!(
            "preloaded: build {built:?}, first call {first:?}, second call {:?}",
            t2.elapsed()
        );
    }
}
