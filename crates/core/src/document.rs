use crate::layers::{Coreference, Entity, Event, Quote, TimeExpr, Token};
use crate::offsets::{CharIndex, OffsetMap};
use crate::span::Span;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where an article came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The publishing or copying site: from metadata, or from a leading
    /// site-name prefix such as `Negaratoto - ` or `JAKARTA, KOMPAS.com - `.
    pub site: Option<String>,
    /// The article's URL, when known.
    pub url: Option<String>,
    /// The dateline place stripped from the start of the text
    /// (`Jakarta - ` → `Jakarta`), when there was one.
    pub dateline: Option<String>,
    /// The input the article was read from, as the user named it: `path`,
    /// `path:line` for JSON Lines, `-` for stdin. Ids may repeat across
    /// files; this tells them apart.
    pub input: Option<String>,
}

/// The article's language with the identifier's confidence in `[0, 1]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// ISO 639-1 code: `id`, `ms`, `en`, …
    pub code: String,
    pub confidence: f64,
}

/// Where the publication date came from; metadata wins over inference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishedDate {
    /// Given with the input (JSON Lines `published`, HTML meta, WARC date).
    Metadata,
    /// Read from the article's dateline or first reporting clause.
    Text,
    /// Read from a date in the URL path.
    Url,
}

/// One article and every layer the pipeline has added to it.
///
/// Spans in every layer are byte offsets into [`Document::text`] while in the
/// pipeline; [`Document::to_output`] turns them into code points.
///
/// Reading JSON, a missing layer is empty: documents stored by an older
/// warta, before the layer existed, still read.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Document {
    /// Caller-supplied id, or one derived from the input (file stem, line).
    pub id: String,
    pub source: Source,
    pub title: Option<String>,
    /// Publication date (`YYYY-MM-DD` in JSON).
    pub published: Option<NaiveDate>,
    /// How `published` was found; not part of the output contract.
    #[serde(skip)]
    pub published_from: Option<PublishedDate>,
    pub language: Option<Language>,
    /// The clean text every span indexes.
    pub text: String,
    /// Maps offsets in `text` back to the input the reader produced.
    #[serde(skip)]
    pub offsets: OffsetMap,
    pub sentences: Vec<Span>,
    /// Tokens are internal (large, derivable); not serialised.
    #[serde(skip)]
    pub tokens: Vec<Token>,
    pub entities: Vec<Entity>,
    pub times: Vec<TimeExpr>,
    /// Entities of the article and the phrases that refer to them.
    pub coref: Coreference,
    pub quotes: Vec<Quote>,
    /// Agencies and media the article as a whole is credited to
    /// (`Seperti dilansir Reuters`, `(Antara)`), as written.
    pub sources: Vec<String>,
    pub events: Vec<Event>,
    /// When analysis of this document must stop (the per-article time
    /// budget); run-time state, never serialised. See [`Deadline`].
    #[serde(skip)]
    pub deadline: Option<Deadline>,
}

/// A point in time by which a document's analysis must be done, so that one
/// pathological article is reported as failed instead of stalling a batch.
/// The pipeline checks it between stages; costly stages also check it inside
/// their loops ([`Document::check_deadline`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    at: std::time::Instant,
    budget: std::time::Duration,
}

impl Deadline {
    /// A deadline `budget` from now.
    pub fn after(budget: std::time::Duration) -> Deadline {
        Deadline {
            at: std::time::Instant::now() + budget,
            budget,
        }
    }

    /// Whether the deadline has passed.
    pub fn expired(&self) -> bool {
        std::time::Instant::now() >= self.at
    }

    /// The budget this deadline was set with.
    pub fn budget(&self) -> std::time::Duration {
        self.budget
    }
}

impl Document {
    /// A document whose clean text is `text` as given (no cleaning yet).
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            offsets: OffsetMap::identity(),
            ..Document::default()
        }
    }

    /// `Err` naming `stage` once the document's deadline has passed; stages
    /// call it between units of work (sentences, paragraphs).
    pub fn check_deadline(&self, stage: &'static str) -> Result<(), crate::StageError> {
        match self.deadline {
            Some(d) if d.expired() => Err(crate::StageError {
                stage,
                message: format!(
                    "stopped: analysis took longer than the {} ms budget for one article",
                    d.budget().as_millis()
                ),
            }),
            _ => Ok(()),
        }
    }

    /// The text under `span`.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// Indices into `tokens` of the tokens inside `sentence`.
    pub fn tokens_in(&self, sentence: Span) -> std::ops::Range<usize> {
        let a = self.tokens.partition_point(|t| t.span.start < sentence.start);
        let b = self.tokens.partition_point(|t| t.span.start < sentence.end);
        a..b
    }

    /// A copy whose spans are code-point offsets, ready to serialise as the
    /// documented JSON contract.
    pub fn to_output(&self) -> Document {
        let idx = CharIndex::new(&self.text);
        let conv = |s: Span| Span::new(idx.char_of(s.start), idx.char_of(s.end));
        let mut out = self.clone();
        out.tokens.clear();
        for s in &mut out.sentences {
            *s = conv(*s);
        }
        for e in &mut out.entities {
            e.span = conv(e.span);
        }
        for t in &mut out.times {
            t.span = conv(t.span);
        }
        for m in &mut out.coref.mentions {
            m.span = conv(m.span);
        }
        for q in &mut out.quotes {
            q.span = conv(q.span);
            q.speaker_start = q.speaker_start.map(|o| idx.char_of(o));
            q.speaker_end = q.speaker_end.map(|o| idx.char_of(o));
            if let Some(c) = &mut q.cue {
                c.span = conv(c.span);
            }
        }
        for ev in &mut out.events {
            ev.span = conv(ev.span);
            ev.trigger.span = conv(ev.trigger.span);
            for a in [&mut ev.source, &mut ev.target].into_iter().flatten() {
                a.span = conv(a.span);
            }
            if let Some(e) = &mut ev.date_evidence {
                e.span = conv(e.span);
            }
            if let Some(p) = &mut ev.location {
                p.span = conv(p.span);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_offsets_are_code_points() {
        let mut doc = Document::new("x", "“Kim” tiba di Pyongyang.");
        let start = doc.text.find("Pyongyang").unwrap();
        doc.sentences.push(Span::new(0, doc.text.len()));
        doc.entities.push(Entity::new(
            Span::new(start, start + 9),
            "Pyongyang",
            crate::EntityType::Loc,
        ));
        let out = doc.to_output();
        let chars: Vec<char> = doc.text.chars().collect();
        let e = &out.entities[0];
        let got: String = chars[e.span.start..e.span.end].iter().collect();
        assert_eq!(got, "Pyongyang");
        assert_eq!(out.sentences[0].end, chars.len());
    }

    #[test]
    fn json_has_the_documented_top_level_fields() {
        let doc = Document::new("a1", "Teks.");
        let v = serde_json::to_value(doc.to_output()).unwrap();
        for key in [
            "id",
            "source",
            "title",
            "published",
            "language",
            "text",
            "sentences",
            "entities",
            "times",
            "coref",
            "quotes",
            "sources",
            "events",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
        assert!(v.get("tokens").is_none());
        assert!(v["source"].get("site").is_some() && v["source"].get("url").is_some());
    }
}
