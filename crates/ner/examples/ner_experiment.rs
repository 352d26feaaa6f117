//! Training experiments behind the choices in docs/quality.md.
//!
//! `cargo run --release -p warta-ner --example ner_experiment -- DATA_DIR
//!  [--scheme bio|bilou] [--epochs N] [--groups MASK] [--no-gaz]
//!  [--train FILE,FILE] [--test FILE,FILE] [--out MODEL] [--pred FILE]
//!  [--adapt] [--seed N] [--keep SOURCE] [--keep-weight W]
//!  [--clusters K] [--cluster-iters N] [--cluster-min COUNT]`
//! Files are relative to DATA_DIR (absolute paths work too). Each test file
//! also reports tagging speed (tokens/s, one thread, after loading).
//! `--pred` writes `token gold predicted` lines for the first test file
//! (for conlleval.py).
use std::path::PathBuf;
use warta_ner::labels::Scheme;
use warta_ner::lexicon::Gazetteer;
use warta_ner::train::TrainConfig;
use warta_ner::train_cli::read_all;
use warta_ner::{evaluate, predictions_conll, NerStage};

fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = PathBuf::from(args.first().ok_or("usage: ner_experiment DATA_DIR [options]")?);
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let mut cfg = TrainConfig::default();
    if let Some(s) = opt("--scheme") {
        cfg.scheme = if s == "bio" { Scheme::Bio } else { Scheme::Bilou };
    }
    if let Some(e) = opt("--epochs") {
        cfg.epochs = e.parse()?;
    }
    if let Some(k) = opt("--seed") {
        cfg.seed = k.parse()?;
    }
    if let Some(k) = opt("--keep") {
        cfg.keep_source = k.parse()?;
    }
    if let Some(k) = opt("--keep-weight") {
        cfg.keep_weight = k.parse()?;
    }
    if let Some(k) = opt("--clusters") {
        cfg.clusters.clusters = k.parse()?;
    }
    if let Some(k) = opt("--cluster-iters") {
        cfg.clusters.iterations = k.parse()?;
    }
    if let Some(k) = opt("--cluster-min") {
        cfg.clusters.min_count = k.parse()?;
    }
    if let Some(g) = opt("--groups") {
        cfg.groups = g.parse()?;
    }
    let train_files = opt("--train").unwrap_or("idner-news-2k/train.txt".into());
    let test_files = opt("--test").unwrap_or("idner-news-2k/dev.txt,nergrit/valid_preprocess.txt".into());
    let t0 = std::time::Instant::now();
    // With --adapt, each training file is its own source (the first is
    // source 1, whose conventions the model keeps).
    let mut tr = Vec::new();
    let mut sources = Vec::new();
    for (i, f) in train_files.split(',').enumerate() {
        let s = read_all(&data, &[f])?;
        let d = match (args.iter().any(|a| a == "--adapt"), f.starts_with("idner")) {
            (false, _) => 0,
            (true, true) => 1,
            (true, false) => 2 + i as u8,
        };
        sources.extend(std::iter::repeat_n(d, s.len()));
        tr.extend(s);
    }
    let gaz = if args.iter().any(|a| a == "--no-gaz") {
        Gazetteer::default()
    } else {
        Gazetteer::build(&data.join("dbpedia-id"))?
    };
    let cap = if args.iter().any(|a| a == "--no-cap") {
        Default::default()
    } else if let Some(extra) = opt("--news") {
        // Extra tokenised JSON Lines files besides IndoSum.
        let mut files: Vec<PathBuf> = warta_ner::train_cli::NEWS_FILES
            .iter()
            .map(|f| data.join(f))
            .collect();
        files.extend(extra.split(',').map(PathBuf::from));
        warta_ner::lexicon::CapStats::from_indosum(&files)?
    } else {
        warta_ner::train_cli::capstats(&data)?
    };
    let news_files: Vec<PathBuf> = warta_ner::train_cli::NEWS_FILES
        .iter()
        .map(|f| data.join(f))
        .collect();
    let news = warta_ner::lexicon::read_indosum(&news_files)?;
    let model = warta_ner::train::train_with_priors(&tr, &sources, gaz, cap, &news, cfg);
    let bytes = model.to_bytes();
    let ner = NerStage::from_bytes(&bytes)?;
    println!(
        "{cfg:?} train={train_files} sents={} time={:.1}s bytes={} rows={}",
        tr.len(),
        t0.elapsed().as_secs_f64(),
        bytes.len(),
        ner.model().n_features()
    );
    for (k, f) in test_files.split(',').enumerate() {
        let sents = read_all(&data, &[f])?;
        let t = std::time::Instant::now();
        let (s, preds) = evaluate(&ner, &sents);
        let secs = t.elapsed().as_secs_f64();
        println!(
            "== {f} (tagged {} tokens in {secs:.3}s: {:.0} tokens/s)\n{}",
            s.tokens,
            s.tokens as f64 / secs,
            s.report()
        );
        if k == 0 {
            if let Some(p) = opt("--pred") {
                std::fs::write(p, predictions_conll(&sents, &preds))?;
            }
        }
    }
    if let Some(out) = opt("--out") {
        std::fs::write(out, bytes)?;
    }
    Ok(())
}
