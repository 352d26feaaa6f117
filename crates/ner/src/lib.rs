//! Statistical named-entity recognition for Indonesian news.
//!
//! An averaged structured perceptron over hashed word, shape, affix, context,
//! gazetteer (DBpedia name lists), trigger-word, capitalisation-statistics,
//! type-prior and word-cluster features (the last three learnt from
//! unlabelled IndoSum news), decoded with Viterbi in BILOU. The committed model
//! (`data/ner/model.bin`) is embedded in the binary; `warta train ner`
//! rebuilds it byte for byte from `../shared/data/ner` and
//! `../shared/data/news/indosum`. Figures and choices: docs/quality.md.

pub mod clusters;
pub mod conll;
mod consistency;
pub mod eval;
pub mod features;
pub mod labels;
pub mod lexicon;
pub mod model;
mod stage;
pub mod train;

pub use labels::Mention;
pub use model::{Model, ModelError, Scratch};
pub use stage::{tokenize, NerStage};

use eval::Scores;

/// Tags gold sentences with `ner` and scores them; also returns the
/// predicted BIO tags per sentence.
pub fn evaluate(ner: &NerStage, sents: &[conll::Sentence]) -> (Scores, Vec<Vec<String>>) {
    let mut scores = Scores::default();
    let mut preds = Vec::with_capacity(sents.len());
    let mut scratch = Scratch::default();
    for s in sents {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let pred = labels::bio_strings(words.len(), &ner.mentions(&words, &mut scratch));
        scores.add(&s.tags, &pred);
        preds.push(pred);
    }
    (scores, preds)
}

/// `token gold predicted` lines, blank lines between sentences: the input
/// `crates/ner/scripts/conlleval_check.py` feeds to `conlleval.py`.
pub fn predictions_conll(sents: &[conll::Sentence], preds: &[Vec<String>]) -> String {
    let mut out = String::new();
    for (s, p) in sents.iter().zip(preds) {
        for ((w, g), q) in s.words.iter().zip(&s.tags).zip(p) {
            out.push_str(&format!("{w} {g} {q}\n"));
        }
        out.push('\n');
    }
    out
}

/// Entry points for the `warta` command line (`warta eval …`, `warta train …`).
pub mod cli {
    use std::path::PathBuf;

    /// Error type the command line prints as is.
    pub type CliError = Box<dyn std::error::Error + Send + Sync>;

    /// Scores gold files with the committed model and returns a printable
    /// report: exact-span micro P/R/F1 and per type, per file and overall.
    pub fn run_eval(files: &[PathBuf]) -> Result<String, CliError> {
        if files.is_empty() {
            return Err("no gold files given (CoNLL-style: token … tag per line)".into());
        }
        let ner = super::NerStage::load_default()?;
        let mut all = super::Scores::default();
        let mut out = String::new();
        for f in files {
            let sents = super::conll::read_file(f)?;
            let (s, _) = super::evaluate(&ner, &sents);
            out.push_str(&format!(
                "{} ({} sentences, {} tokens)\n{}\n",
                f.display(),
                sents.len(),
                s.tokens,
                s.report()
            ));
            all.merge(&s);
        }
        if files.len() > 1 {
            out.push_str(&format!("all files\n{}", all.report()));
        }
        Ok(out)
    }
}

/// Training entry point for `warta train ner`.
pub mod train_cli {
    use crate::conll::{read_file, Sentence};
    use crate::lexicon::{read_indosum, CapStats, Gazetteer};
    use crate::train::{train_with_priors, TrainConfig};
    use crate::NerStage;
    use std::path::Path;

    /// The training sets of the committed model, relative to the NER data
    /// folder, with their source ids (see [`crate::train::train_sources`]:
    /// the model keeps source 1's conventions). NERGrit's `valid` split is
    /// held out as the cross-source test. NERP is not used: 230 of the 509
    /// idner-news-2k test sentences occur in it (lower-cased).
    pub const TRAIN_FILES: [(&str, u8); 3] = [
        ("idner-news-2k/train.txt", 1),
        ("idner-news-2k/dev.txt", 1),
        ("nergrit/train_preprocess.txt", 2),
    ];

    /// Held-out sets reported after training.
    pub const TEST_FILES: [&str; 2] = ["idner-news-2k/test.txt", "nergrit/valid_preprocess.txt"];

    /// Reads and concatenates gold files under `data_dir`.
    pub fn read_all(data_dir: &Path, files: &[&str]) -> Result<Vec<Sentence>, super::cli::CliError> {
        let mut out = Vec::new();
        for f in files {
            out.extend(read_file(&data_dir.join(f))?);
        }
        Ok(out)
    }

    /// The IndoSum files capitalisation statistics are counted in, relative
    /// to the NER data folder (`../shared/data/ner` → `../shared/data/news`).
    pub const NEWS_FILES: [&str; 4] = [
        "../news/indosum/dev.01.jsonl",
        "../news/indosum/dev.02.jsonl",
        "../news/indosum/dev.03.jsonl",
        "../news/indosum/dev.04.jsonl",
    ];

    /// Capitalisation statistics from [`NEWS_FILES`].
    pub fn capstats(data_dir: &Path) -> Result<CapStats, super::cli::CliError> {
        let files: Vec<_> = NEWS_FILES.iter().map(|f| data_dir.join(f)).collect();
        Ok(CapStats::from_indosum(&files)?)
    }

    /// Trains from the gold data under `data_dir` (e.g. `../shared/data/ner`)
    /// and writes the model to `out`; returns a printable summary.
    pub fn run_train(data_dir: &Path, out: &Path) -> Result<String, super::cli::CliError> {
        let t0 = std::time::Instant::now();
        let mut data = Vec::new();
        let mut sources = Vec::new();
        for (f, src) in TRAIN_FILES {
            let s = read_file(&data_dir.join(f))?;
            sources.extend(std::iter::repeat_n(src, s.len()));
            data.extend(s);
        }
        let gaz_dir = data_dir.join("dbpedia-id");
        let gaz = Gazetteer::build(&gaz_dir).map_err(|e| format!("{}: {e}", gaz_dir.display()))?;
        let files: Vec<_> = NEWS_FILES.iter().map(|f| data_dir.join(f)).collect();
        let news = read_indosum(&files)?;
        let cap = CapStats::from_sentences(news.iter().map(|s| s.iter().map(String::as_str).collect()));
        let cfg = TrainConfig::default();
        let model = train_with_priors(&data, &sources, gaz, cap, &news, cfg);
        let bytes = model.to_bytes();
        if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
        // Score what was written, exactly as it will be loaded.
        let ner = NerStage::from_bytes(&bytes)?;
        let mut report = format!(
            "trained on {} sentences ({:?}, {} epochs) in {:.1}s; wrote {} ({} bytes, {} feature rows)\n",
            data.len(),
            cfg.scheme,
            cfg.epochs,
            t0.elapsed().as_secs_f64(),
            out.display(),
            bytes.len(),
            ner.model().n_features()
        );
        for f in TEST_FILES {
            let sents = read_file(&data_dir.join(f))?;
            let (s, _) = super::evaluate(&ner, &sents);
            report.push_str(&format!("{f}\n{}", s.report()));
        }
        Ok(report)
    }
}
