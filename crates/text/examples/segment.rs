//! Cleans and segments text files (or, with `--detik CSV`, the `isi_berita`
//! column of a Detik CSV) and prints one sentence per line, paragraphs
//! separated by a blank line: for eyeballing the splitter.
//! Usage: `cargo run -p warta-text --example segment -- FILE...`
//! or `cargo run -p warta-text --example segment -- --detik CSV [N]`.

fn show(raw: &str) {
    let mut doc = warta_core::Document::new("x", raw);
    warta_text::Cleaner::new().clean(&mut doc);
    warta_text::Segmenter::new().segment(&mut doc);
    println!("## site={:?} dateline={:?}", doc.source.site, doc.source.dateline);
    let mut last_end = 0;
    for s in &doc.sentences {
        if doc.text[last_end..s.start].contains('\n') {
            println!();
        }
        println!("{}", doc.slice(*s));
        last_end = s.end;
    }
    println!();
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--detik") {
        let path = args.get(1).ok_or("--detik needs a CSV path")?;
        let n: usize = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(5);
        let mut rdr = csv::Reader::from_path(path)?;
        let col = rdr
            .headers()?
            .iter()
            .position(|h| h == "isi_berita")
            .ok_or("no isi_berita column")?;
        for rec in rdr.records().take(n) {
            show(rec?.get(col).unwrap_or(""));
        }
    } else {
        for path in &args {
            show(&std::fs::read_to_string(path)?);
        }
    }
    Ok(())
}
