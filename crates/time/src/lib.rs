//! Temporal tagging and publication-date detection.
//!
//! [`TimeTagger`] finds dates, times, durations and sets in Indonesian and
//! English news and normalises them in TIMEX3 style, resolving relative
//! expressions (`kemarin`, `24 Februari lalu`, `Selasa (21/10)`) against the
//! publication date. [`PublishedDateStage`] infers that date from the text or
//! URL when metadata did not give it.
//!
//! ```
//! use chrono::NaiveDate;
//! use warta_time::TimeTagger;
//!
//! let tagger = TimeTagger::new();
//! let text = "Rusia menyerang sejak 24 Februari lalu, kata Kim, Senin (13/6/2022).";
//! let times = tagger.tag(text, NaiveDate::from_ymd_opt(2022, 6, 13));
//! assert_eq!(times[0].text, "24 Februari lalu");
//! assert_eq!(times[0].value.as_deref(), Some("2022-02-24"));
//! assert_eq!(times[0].anchor.as_deref(), Some("2022-06-13"));
//! assert_eq!(&text[times[1].span.range()], "Senin (13/6/2022)");
//! ```

mod calendar;
mod eval;
mod lexicon;
mod published;
mod tagger;
mod tokens;

use warta_core::{Document, Stage, StageError};

pub use published::{date_from_url, PublishedDateStage};
pub use tagger::TimeTagger;

impl Stage for TimeTagger {
    fn name(&self) -> &'static str {
        "times"
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.times = self.tag(&doc.text, doc.published);
        Ok(())
    }
}

/// Entry points for the `warta` command line (`warta eval …`, `warta train …`).
pub mod cli {
    use std::path::PathBuf;

    /// Error type the command line prints as is.
    pub type CliError = Box<dyn std::error::Error + Send + Sync>;

    /// Scores gold files and returns a printable report.
    ///
    /// Each file is JSON Lines with `sentence`, `doc_date`, `expression`,
    /// `value` and `type`; see [`crate::evaluate`] for the measures.
    /// Misses are listed only with `show_errors`, so that scoring a
    /// held-out split does not show what it got wrong.
    pub fn run_eval(files: &[PathBuf], show_errors: bool) -> Result<String, CliError> {
        let mut report = String::new();
        for f in files {
            let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
            let gold = crate::eval::parse_gold(&text).map_err(|e| format!("{}: {e}", f.display()))?;
            let tagger = crate::TimeTagger::new();
            let mut scores = crate::eval::score(&tagger, &gold);
            if !show_errors {
                scores.misses.clear();
            }
            report.push_str(&format!("{}\n{}", f.display(), scores.report()));
        }
        Ok(report)
    }
}

pub use eval::{evaluate, parse_gold, EvalError, GoldItem, Scores};
