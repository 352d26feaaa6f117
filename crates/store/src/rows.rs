//! The rows a store writes of an article, read from its output document
//! ([`crate::prepare`]) on the worker thread that analysed it, so that the
//! one writer thread only binds values: reading the document's JSON value
//! and freeing it and the document cost the writer a tenth of its time.

use warta_core::{Document, EventActor};

/// Everything written of one article.
#[derive(Debug, Clone)]
pub(crate) struct Rows {
    pub article: ArticleRow,
    pub entities: Vec<EntityRow>,
    pub times: Vec<TimeRow>,
    pub quotes: Vec<QuoteRow>,
    pub events: Vec<EventRow>,
    /// Names as written and as linked, one a line (for search).
    pub names: String,
    /// Quote text, one a line (for search).
    pub quote_text: String,
}

/// The `articles` row.
#[derive(Debug, Clone)]
pub(crate) struct ArticleRow {
    /// The id the input gave the article (`Document::id`).
    pub name: String,
    pub input: Option<String>,
    pub url: Option<String>,
    pub site: Option<String>,
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub language: Option<String>,
    pub outlet: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone)]
pub(crate) struct EntityRow {
    pub text: Option<String>,
    pub kind: Option<String>,
    pub start: i64,
    pub end: i64,
    pub canonical: Option<String>,
    pub country: Option<String>,
    pub actor_code: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

#[derive(Debug, Clone)]
pub(crate) struct TimeRow {
    pub text: Option<String>,
    pub kind: Option<String>,
    pub value: Option<String>,
    pub start: i64,
    pub end: i64,
}

#[derive(Debug, Clone)]
pub(crate) struct QuoteRow {
    pub kind: Option<String>,
    pub text: Option<String>,
    pub speaker: Option<String>,
    pub speaker_actor_code: Option<String>,
    pub start: i64,
    pub end: i64,
}

/// An event as mentioned by this article.
#[derive(Debug, Clone)]
pub(crate) struct EventRow {
    pub plover: Option<String>,
    pub cameo: Option<String>,
    pub quad_class: i64,
    pub goldstein: f64,
    pub source_name: Option<String>,
    pub source_code: Option<String>,
    pub source_text: Option<String>,
    pub target_name: Option<String>,
    pub target_code: Option<String>,
    pub target_text: Option<String>,
    pub modality: Option<String>,
    pub date: Option<String>,
    pub location: Option<String>,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub sentence: i64,
    pub claimed_by: Option<String>,
    pub trigger: Option<String>,
    pub start: i64,
    pub end: i64,
}

impl Rows {
    /// The rows of `out`, a document as [`Document::to_output`] makes it
    /// (offsets in code points, as `warta analyze` writes them).
    pub(crate) fn of(out: &Document) -> Rows {
        let article = ArticleRow {
            name: out.id.clone(),
            input: out.source.input.clone(),
            url: out.source.url.clone(),
            site: out.source.site.clone(),
            title: out.title.clone(),
            published: out.published.map(|d| d.format("%Y-%m-%d").to_string()),
            language: out.language.as_ref().map(|l| l.code.clone()),
            outlet: outlet(out),
            text: out.text.clone(),
        };
        let entities = out
            .entities
            .iter()
            .map(|e| EntityRow {
                text: Some(e.text.clone()),
                kind: Some(e.kind.as_str().to_string()),
                start: e.span.start as i64,
                end: e.span.end as i64,
                canonical: e.canonical.clone(),
                country: e.country.clone(),
                actor_code: e.actor_code.clone(),
                lat: e.geo.as_ref().map(|g| g.lat),
                lon: e.geo.as_ref().map(|g| g.lon),
            })
            .collect();
        let times = out
            .times
            .iter()
            .map(|t| TimeRow {
                text: Some(t.text.clone()),
                kind: Some(t.kind.as_str().to_string()),
                value: t.value.clone(),
                start: t.span.start as i64,
                end: t.span.end as i64,
            })
            .collect();
        let quotes: Vec<QuoteRow> = out
            .quotes
            .iter()
            .map(|q| QuoteRow {
                kind: Some(q.kind.as_str().to_string()),
                text: Some(q.text.clone()),
                speaker: q.speaker.clone(),
                speaker_actor_code: q.speaker_actor_code.clone(),
                start: q.span.start as i64,
                end: q.span.end as i64,
            })
            .collect();
        let side = |a: &Option<EventActor>, f: fn(&EventActor) -> Option<String>| a.as_ref().and_then(f);
        let events = out
            .events
            .iter()
            .map(|e| EventRow {
                plover: Some(e.plover.clone()),
                cameo: Some(e.cameo.clone()),
                quad_class: i64::from(e.quad_class),
                goldstein: decimal(e.goldstein),
                source_name: side(&e.source, |a| Some(a.name.clone())),
                source_code: side(&e.source, |a| a.code.clone()),
                source_text: side(&e.source, |a| Some(a.text.clone())),
                target_name: side(&e.target, |a| Some(a.name.clone())),
                target_code: side(&e.target, |a| a.code.clone()),
                target_text: side(&e.target, |a| Some(a.text.clone())),
                modality: Some(e.modality.as_str().to_string()),
                date: e.date.clone(),
                location: e.location.as_ref().map(|l| l.geo.name.clone()),
                country: e.country.clone(),
                lat: e.location.as_ref().map(|l| l.geo.lat),
                lon: e.location.as_ref().map(|l| l.geo.lon),
                sentence: e.sentence as i64,
                claimed_by: e.claimed_by.clone(),
                trigger: Some(e.trigger.text.clone()),
                start: e.span.start as i64,
                end: e.span.end as i64,
            })
            .collect();
        let mut names: Vec<&str> = Vec::new();
        for e in &out.entities {
            names.push(&e.text);
            names.extend(e.canonical.as_deref());
        }
        let quote_text: Vec<&str> = out.quotes.iter().map(|q| q.text.as_str()).collect();
        Rows {
            article,
            entities,
            times,
            quotes,
            events,
            names: names.join("\n"),
            quote_text: quote_text.join("\n"),
        }
    }
}

/// A Goldstein score (an `f32`, in tenths) as the decimal the JSON output
/// writes (`-2.2`, not `-2.200000047683716`).
fn decimal(score: f32) -> f64 {
    score.to_string().parse().unwrap_or(f64::from(score))
}

/// Where an article was published: its site (`source.site`), else its
/// URL's host; distinct outlets make an event's `num_sources`.
fn outlet(doc: &Document) -> Option<String> {
    doc.source.site.clone().or_else(|| {
        let url = doc.source.url.as_deref()?;
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next()?.trim_start_matches("www.");
        (!host.is_empty()).then(|| host.to_lowercase())
    })
}
