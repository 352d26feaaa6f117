//! The pipeline: a list of [`Stage`]s run in order over one [`Document`].
//!
//! ```text
//! RawArticle ─► Document ─► clean ─► lang ─► segment ─► published ─► times ─► ner ─► link ─► coref ─► quotes ─► events
//! ```
//! Stages are chosen by name (`--stages`), so a user runs only what they need;
//! a stage whose input layer is missing simply finds nothing.

pub mod eval_entities;
pub mod eval_events;
pub mod eval_petrarch;
pub mod eval_quotes;
pub mod gold_text;

use chrono::NaiveDate;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use warta_core::{Deadline, Document, PublishedDate, Source, Stage, StageError};
use warta_read::RawArticle;

/// Names of all stages, in the order they run.
pub const STAGE_NAMES: &[&str] = &[
    "clean",
    "lang",
    "segment",
    "published",
    "times",
    "ner",
    "link",
    "coref",
    "quotes",
    "events",
];

/// Why a document could not be analysed.
#[derive(Debug, thiserror::Error)]
pub enum AnalyzeError {
    #[error("{origin}: {source}")]
    Stage {
        origin: String,
        #[source]
        source: StageError,
    },
    #[error("unknown stage `{0}` (known: clean, lang, segment, published, times, ner, link, coref, quotes, events)")]
    UnknownStage(String),
    #[error("loading {what}: {message}")]
    Load { what: &'static str, message: String },
}

/// An ordered list of stages holding their loaded resources.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// Every stage, in order.
    pub fn standard() -> Result<Pipeline, AnalyzeError> {
        Pipeline::with_stages(STAGE_NAMES)
    }

    /// Only the named stages, kept in pipeline order whatever order they are
    /// named in.
    pub fn with_stages<S: AsRef<str>>(names: &[S]) -> Result<Pipeline, AnalyzeError> {
        for n in names {
            if !STAGE_NAMES.contains(&n.as_ref()) {
                return Err(AnalyzeError::UnknownStage(n.as_ref().to_string()));
            }
        }
        let wanted = |n: &str| names.iter().any(|m| m.as_ref() == n);
        // Linking and events read one lexicon, loaded once.
        let lexicon: Mutex<Option<Arc<warta_lexicon::Lexicon>>> = Mutex::new(None);
        // Each stage reads its own data files: built side by side, a thread
        // each, start-up takes as long as the slowest (the lexicon) rather
        // than the sum (a tenth of an ingest of 766 articles on 2 cores).
        let built: Vec<Result<Box<dyn Stage>, AnalyzeError>> = std::thread::scope(|scope| {
            let builders: Vec<_> = STAGE_NAMES
                .iter()
                .filter(|n| wanted(n))
                .map(|&name| scope.spawn(|| build_stage(name, &lexicon)))
                .collect();
            builders
                .into_iter()
                .map(|b| b.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
                .collect()
        });
        Ok(Pipeline {
            stages: built.into_iter().collect::<Result<_, _>>()?,
        })
    }

    /// Names of the stages this pipeline runs.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Analyses one article.
    pub fn analyze(&self, raw: RawArticle) -> Result<Document, AnalyzeError> {
        self.analyze_within(raw, None)
    }

    /// Analyses one article, giving up with an error once `budget` has been
    /// spent on it (checked between stages and inside the costly ones), so
    /// one pathological article cannot stall a batch.
    pub fn analyze_within(
        &self,
        raw: RawArticle,
        budget: Option<Duration>,
    ) -> Result<Document, AnalyzeError> {
        let origin = raw.origin.clone();
        let mut doc = document_from(raw);
        doc.deadline = budget.map(Deadline::after);
        self.run(&mut doc)
            .map_err(|source| AnalyzeError::Stage { origin, source })?;
        doc.deadline = None;
        Ok(doc)
    }

    /// Runs every stage over an existing document, stopping with an error
    /// when the document's deadline (if any) has passed.
    pub fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        for stage in &self.stages {
            stage.process(doc)?;
            doc.check_deadline(stage.name())?;
        }
        Ok(())
    }
}

/// The lexicon, loaded on first use.
fn shared_lexicon(
    slot: &Mutex<Option<Arc<warta_lexicon::Lexicon>>>,
) -> Result<Arc<warta_lexicon::Lexicon>, AnalyzeError> {
    // Held while loading: the second stage that needs it waits for it.
    let mut slot = slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if slot.is_none() {
        let lexicon = warta_lexicon::Lexicon::load_default().map_err(|e| AnalyzeError::Load {
            what: "lexicons",
            message: e.to_string(),
        })?;
        *slot = Some(Arc::new(lexicon));
    }
    Ok(slot.clone().expect("just set"))
}

fn build_stage(
    name: &str,
    lexicon: &Mutex<Option<Arc<warta_lexicon::Lexicon>>>,
) -> Result<Box<dyn Stage>, AnalyzeError> {
    Ok(match name {
        "clean" => Box::new(warta_text::Cleaner::new()),
        "lang" => Box::new(warta_lang::LanguageIdentifier::new()),
        "segment" => Box::new(warta_text::Segmenter::new()),
        "published" => Box::new(warta_time::PublishedDateStage::default()),
        "times" => Box::new(warta_time::TimeTagger::new()),
        "ner" => Box::new(
            warta_ner::NerStage::load_default().map_err(|e| AnalyzeError::Load {
                what: "NER model",
                message: e.to_string(),
            })?,
        ),
        "link" => Box::new(warta_link::Linker::new(shared_lexicon(lexicon)?)),
        "coref" => Box::new(warta_coref::Coreferencer::new()),
        "quotes" => Box::new(warta_quotes::QuoteFinder::new()),
        "events" => Box::new(warta_events::EventCoder::new(shared_lexicon(lexicon)?)),
        other => return Err(AnalyzeError::UnknownStage(other.to_string())),
    })
}

/// A document carrying the reader's text and metadata, before any stage.
pub fn document_from(raw: RawArticle) -> Document {
    let mut doc = Document::new(raw.id, raw.text);
    doc.title = raw.title;
    doc.source = Source {
        site: raw.site,
        url: raw.url,
        dateline: None,
        input: Some(raw.origin),
    };
    if let Some(date) = raw.published.as_deref().and_then(parse_metadata_date) {
        doc.published = Some(date);
        doc.published_from = Some(PublishedDate::Metadata);
    }
    doc
}

/// Reads a metadata date: ISO (`2022-06-13`, `2022-06-13T10:00:00+07:00`),
/// D/M/Y (`13/6/2022`) or Detik's M/D/Y with a time (`9/30/2025 14:05`).
pub fn parse_metadata_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head: String = s
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != 'T')
        .collect();
    if let Ok(d) = NaiveDate::parse_from_str(head.get(..10).unwrap_or(&head), "%Y-%m-%d") {
        return Some(d);
    }
    let parts: Vec<u32> = head
        .split(['/', '-', '.'])
        .filter_map(|p| p.parse().ok())
        .collect();
    if let [a, b, y] = parts[..] {
        let y = y as i32;
        // A time after the date marks the M/D/Y export format seen in Detik's
        // CSV; otherwise Indonesian D/M/Y. An impossible order falls back.
        let month_first = s.contains(':');
        let (d, m) = if month_first { (b, a) } else { (a, b) };
        return NaiveDate::from_ymd_opt(y, m, d).or_else(|| NaiveDate::from_ymd_opt(y, d, m));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_dates_in_common_formats() {
        let d = NaiveDate::from_ymd_opt(2022, 6, 13).unwrap();
        assert_eq!(parse_metadata_date("2022-06-13"), Some(d));
        assert_eq!(parse_metadata_date("2022-06-13T10:00:00+07:00"), Some(d));
        assert_eq!(parse_metadata_date("13/6/2022"), Some(d));
        assert_eq!(parse_metadata_date("6/13/2022 10:00"), Some(d));
        assert_eq!(parse_metadata_date("kemarin"), None);
    }

    #[test]
    fn an_article_over_its_time_budget_is_an_error_naming_the_stage() {
        let p = Pipeline::with_stages(&["clean", "segment"]).unwrap();
        let raw = RawArticle {
            id: "a".into(),
            origin: "a.txt".into(),
            text: "Harga beras naik.".into(),
            ..RawArticle::default()
        };
        let e = p.analyze_within(raw.clone(), Some(Duration::ZERO)).unwrap_err();
        assert!(e.to_string().contains("a.txt: clean: stopped"), "{e}");
        assert!(e.to_string().contains("0 ms budget"), "{e}");
        let doc = p.analyze_within(raw, Some(Duration::from_secs(3600))).unwrap();
        assert_eq!(doc.sentences.len(), 1);
        assert!(doc.deadline.is_none(), "the deadline is run-time state only");
    }

    #[test]
    fn unknown_stage_is_an_error() {
        assert!(
            matches!(Pipeline::with_stages(&["clean", "bogus"]), Err(AnalyzeError::UnknownStage(s)) if s == "bogus")
        );
    }
}
