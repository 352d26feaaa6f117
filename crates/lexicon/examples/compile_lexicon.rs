//! Compiles the TSV sources under `data/lexicon/` into
//! `data/lexicon/lexicon.bin`, the form `Lexicon::load_default` reads.
//! Run after editing a source: `cargo run --release -p warta-lexicon
//! --example compile_lexicon`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let bytes = warta_lexicon::compile_sources()?;
    let out = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/lexicon.bin");
    std::fs::write(out, &bytes)?;
    eprintln!("wrote {out} ({} bytes)", bytes.len());
    Ok(())
}
