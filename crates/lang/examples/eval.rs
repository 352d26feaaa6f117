//! `warta eval lang` without building the whole command line:
//! `cargo run --release -p warta-lang --example eval -- FILE...`.

fn main() {
    let files: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    match warta_lang::cli::run_eval(&files) {
        Ok(report) => print!("{report}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
