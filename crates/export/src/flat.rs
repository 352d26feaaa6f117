//! One flat record per event, for CSV and JSON Lines: the article it came
//! from, the event's codes, both actors, date, place, modality and the
//! trigger, with code-point offsets into the article's text.

use crate::{event_id, exported};
use serde::Serialize;
use warta_core::{CharIndex, Document};

/// A flat event record. Column names are the CSV header.
#[derive(Debug, Clone, Serialize)]
pub struct FlatEvent {
    pub event_id: u64,
    pub article_id: String,
    pub input: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub sentence: usize,
    pub plover: String,
    pub cameo: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub modality: String,
    pub claimed_by: Option<String>,
    pub source_name: Option<String>,
    pub source_code: Option<String>,
    pub source_text: Option<String>,
    pub source_implicit: bool,
    pub target_name: Option<String>,
    pub target_code: Option<String>,
    pub target_text: Option<String>,
    pub date: Option<String>,
    pub date_inferred: Option<String>,
    pub location: Option<String>,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub trigger: String,
    pub trigger_start: usize,
    pub trigger_end: usize,
}

/// The flat records of `doc`'s exported events.
pub fn records(doc: &Document, all: bool) -> Vec<FlatEvent> {
    let idx = CharIndex::new(&doc.text);
    exported(doc, all)
        .map(|(i, e)| FlatEvent {
            event_id: event_id(&doc.id, doc.source.input.as_deref(), i),
            article_id: doc.id.clone(),
            input: doc.source.input.clone(),
            url: doc.source.url.clone(),
            published: doc.published.map(|d| d.format("%Y-%m-%d").to_string()),
            sentence: e.sentence,
            plover: e.plover.clone(),
            cameo: e.cameo.clone(),
            quad_class: e.quad_class,
            goldstein: e.goldstein,
            modality: e.modality.as_str().to_string(),
            claimed_by: e.claimed_by.clone(),
            source_name: e.source.as_ref().map(|a| a.name.clone()),
            source_code: e.source.as_ref().and_then(|a| a.code.clone()),
            source_text: e.source.as_ref().map(|a| a.text.clone()),
            source_implicit: e.source.as_ref().is_some_and(|a| a.implicit),
            target_name: e.target.as_ref().map(|a| a.name.clone()),
            target_code: e.target.as_ref().and_then(|a| a.code.clone()),
            target_text: e.target.as_ref().map(|a| a.text.clone()),
            date: e.date.clone(),
            date_inferred: e.date_inferred.clone(),
            location: e.location.as_ref().map(|p| p.geo.name.clone()),
            country: e.country.clone(),
            lat: e.location.as_ref().map(|p| p.geo.lat),
            lon: e.location.as_ref().map(|p| p.geo.lon),
            trigger: e.trigger.text.clone(),
            trigger_start: idx.char_of(e.trigger.span.start),
            trigger_end: idx.char_of(e.trigger.span.end),
        })
        .collect()
}

/// The CSV header, in the order of [`FlatEvent`]'s fields.
pub const CSV_HEADER: [&str; 28] = [
    "event_id",
    "article_id",
    "input",
    "url",
    "published",
    "sentence",
    "plover",
    "cameo",
    "quad_class",
    "goldstein",
    "modality",
    "claimed_by",
    "source_name",
    "source_code",
    "source_text",
    "source_implicit",
    "target_name",
    "target_code",
    "target_text",
    "date",
    "date_inferred",
    "location",
    "country",
    "lat",
    "lon",
    "trigger",
    "trigger_start",
    "trigger_end",
];
