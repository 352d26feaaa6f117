//! `warta train ner` without the CLI crate:
//! `cargo run --release -p warta-ner --example ner_train -- ../shared/data/ner data/ner/model.bin`
fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = args.first().map_or("../shared/data/ner", String::as_str);
    let out = args.get(1).map_or("data/ner/model.bin", String::as_str);
    print!(
        "{}",
        warta_ner::train_cli::run_train(data.as_ref(), out.as_ref())?
    );
    Ok(())
}
