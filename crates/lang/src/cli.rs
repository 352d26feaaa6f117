//! Entry points for the `warta` command line (`warta eval lang FILE...`).
//!
//! Each FILE is a JSON Lines gold file (`text` plus `lang`/`language`/
//! `label`, optional `outlet`) or a `<code>.sentences.txt` file. Prefixing a
//! path with `CODE=` labels every text in it `CODE` (for unlabelled corpora
//! known to be one language, e.g. `id=data_berita_dev.csv`); a `.csv` file
//! is read by its `isi_berita` or `text` column.

use crate::gold::{read_gold, split_of, Example, Split};
use crate::LanguageIdentifier;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// Error type the command line prints as is.
pub type CliError = Box<dyn std::error::Error + Send + Sync>;

/// Scores gold files and returns a printable report: for each file (and, for
/// files naming outlets, each side of the outlet split) the accuracy of
/// lingua alone and of warta, recall per class and warta's confusion.
pub fn run_eval(files: &[PathBuf]) -> Result<String, CliError> {
    if files.is_empty() {
        return Err("no gold files given (JSON Lines, <code>.sentences.txt, or CODE=FILE)".into());
    }
    let mut loaded = Vec::new();
    for f in files {
        loaded.push((f.display().to_string(), load(f)?));
    }
    let ident = LanguageIdentifier::new();
    let mut out = String::new();
    for (name, examples) in loaded {
        let has_outlets = examples.iter().any(|e| e.outlet.is_some());
        if has_outlets {
            for (split, label) in [
                (Split::Test, "held-out outlets (never used for training)"),
                (Split::Train, "training outlets (weights were learnt here)"),
            ] {
                let part: Vec<&Example> = examples.iter().filter(|e| split_of(e) == split).collect();
                report(&mut out, &ident, &name, label, &part);
            }
        } else {
            let all: Vec<&Example> = examples.iter().collect();
            report(&mut out, &ident, &name, "all (file not used for training)", &all);
        }
    }
    Ok(out)
}

/// Reads one gold argument, honouring a `CODE=` prefix.
fn load(arg: &Path) -> Result<Vec<Example>, CliError> {
    let s = arg.to_string_lossy();
    let (label, path) = match s.split_once('=') {
        Some((code, p))
            if !arg.exists()
                && (2..=3).contains(&code.len())
                && code.chars().all(|c| c.is_ascii_lowercase()) =>
        {
            (Some(code.to_string()), PathBuf::from(p))
        }
        _ => (None, arg.to_path_buf()),
    };
    let mut examples = if path.extension().is_some_and(|e| e == "csv") {
        let code = label.clone().ok_or_else(|| {
            format!(
                "{}: a CSV file needs a label prefix, e.g. id={}",
                path.display(),
                path.display()
            )
        })?;
        crate::gold::read_csv_texts(&path)?
            .into_iter()
            .map(|text| Example {
                text,
                lang: code.clone(),
                outlet: None,
            })
            .collect()
    } else {
        read_gold(&path)?
    };
    if let Some(code) = label {
        for e in &mut examples {
            e.lang.clone_from(&code);
        }
    }
    if examples.is_empty() {
        return Err(format!("{}: no labelled texts", path.display()).into());
    }
    Ok(examples)
}

/// Accuracy, per-class recall and confusion of one set of examples.
#[derive(Debug, Default)]
pub struct Scores {
    pub n: usize,
    pub lingua_correct: usize,
    pub warta_correct: usize,
    /// gold → (n, lingua correct, warta correct)
    pub per_class: BTreeMap<String, (usize, usize, usize)>,
    /// (gold, warta's prediction or `none`) → count
    pub confusion: BTreeMap<(String, String), usize>,
}

impl Scores {
    /// Scores `examples` with `ident`.
    pub fn compute(ident: &LanguageIdentifier, examples: &[&Example]) -> Scores {
        let mut s = Scores::default();
        for e in examples {
            let a = ident.analyse(&e.text);
            let code =
                |l: &Option<warta_core::Language>| l.as_ref().map_or("none".to_string(), |l| l.code.clone());
            let (lp, wp) = (code(&a.lingua_only), code(&a.decision));
            let (lc, wc) = (usize::from(lp == e.lang), usize::from(wp == e.lang));
            s.n += 1;
            s.lingua_correct += lc;
            s.warta_correct += wc;
            let c = s.per_class.entry(e.lang.clone()).or_default();
            c.0 += 1;
            c.1 += lc;
            c.2 += wc;
            *s.confusion.entry((e.lang.clone(), wp)).or_default() += 1;
        }
        s
    }

    /// Lingua's accuracy.
    pub fn lingua_accuracy(&self) -> f64 {
        ratio(self.lingua_correct, self.n)
    }

    /// warta's accuracy.
    pub fn warta_accuracy(&self) -> f64 {
        ratio(self.warta_correct, self.n)
    }

    /// warta's recall on gold class `code` (None when absent).
    pub fn warta_recall(&self, code: &str) -> Option<f64> {
        self.per_class.get(code).map(|c| ratio(c.2, c.0))
    }

    /// Lingua's recall on gold class `code` (None when absent).
    pub fn lingua_recall(&self, code: &str) -> Option<f64> {
        self.per_class.get(code).map(|c| ratio(c.1, c.0))
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn report(out: &mut String, ident: &LanguageIdentifier, name: &str, split: &str, examples: &[&Example]) {
    let _ = writeln!(out, "{name} — {split}: {} texts", examples.len());
    if examples.is_empty() {
        return;
    }
    let s = Scores::compute(ident, examples);
    let _ = writeln!(
        out,
        "  accuracy  lingua alone {:.3}   warta {:.3}",
        s.lingua_accuracy(),
        s.warta_accuracy()
    );
    for (gold, (n, l, w)) in &s.per_class {
        let _ = writeln!(
            out,
            "  gold {gold:<4} n={n:<5} recall lingua {:.3}  warta {:.3}",
            ratio(*l, *n),
            ratio(*w, *n)
        );
    }
    let _ = writeln!(out, "  confusion (gold → warta):");
    for ((gold, pred), n) in &s.confusion {
        let _ = writeln!(out, "    {gold} → {pred}: {n}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str, content: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("warta-lang-cli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        std::fs::write(&p, content).unwrap();
        p
    }

    #[test]
    fn report_covers_jsonl_sentence_files_and_labelled_csv() {
        let jsonl = tmp(
            "gold.jsonl",
            "{\"text\":\"Polisi mengatakan bahwa mobil itu ditemukan di dekat kantor karena rusak.\",\"lang\":\"id\"}\n\
             {\"text\":\"Polis berkata bahawa kereta itu ditemui berhampiran pejabat kerana rosak.\",\"lang\":\"ms\"}\n",
        );
        let sentences = tmp(
            "en.sentences.txt",
            "The police said the car was found near the office.\n",
        );
        let csv = tmp(
            "berita.csv",
            "id,isi_berita\n1,\"Pemerintah mengatakan bahwa harga beras, gula dan minyak akan turun.\"\n",
        );
        let labelled = PathBuf::from(format!("id={}", csv.display()));
        let report = run_eval(&[jsonl, sentences, labelled]).unwrap();
        assert!(
            report.contains("gold.jsonl — all (file not used for training): 2 texts"),
            "{report}"
        );
        assert!(report.contains("gold id   n=1"), "{report}");
        assert!(report.contains("en.sentences.txt"), "{report}");
        assert!(report.contains("berita.csv"), "{report}");
        assert!(report.contains("warta 1.000"), "{report}");
    }

    #[test]
    fn missing_unlabelled_or_empty_input_is_a_clear_error() {
        assert!(run_eval(&[]).is_err());
        let e = run_eval(&[PathBuf::from("/nonexistent/gold.jsonl")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("/nonexistent/gold.jsonl"), "{e}");
        let csv = tmp("plain.csv", "text\nApa kabar\n");
        let e = run_eval(&[csv]).unwrap_err().to_string();
        assert!(e.contains("label prefix"), "{e}");
        let empty = tmp("empty.jsonl", "\n");
        assert!(run_eval(&[empty]).is_err());
    }
}
