//! Quotes: who said what, as the article reports it.
//!
//! The [`QuoteFinder`] stage runs after coreference and fills
//! [`Document::quotes`] and [`Document::sources`]:
//! 1. **direct and partial** quotes from paired quotation marks
//!    ([`warta_text::quoted_passages`]), with their attribution after the
//!    quote (`"…," kata X`, `ujarnya`, `"…," he said`), before it
//!    (`X mengatakan, "…"`, `Menurut X, "…"`) or in passive form
//!    (`demikian disampaikan X`); an embedded quoted phrase is a partial
//!    quote when its sentence credits someone with it, else a scare quote
//!    or a title and dropped;
//! 2. **indirect** quotes from reporting clauses (`X mengatakan bahwa …`,
//!    `Menurut X, …`, `…, kata X.`, `X said (that) …`);
//! 3. the **speaker** of each quote through the coreference layer (`-nya`,
//!    `ia`, `Kapolri` → the named person), with role and actor code;
//! 4. **relay chains** (`seperti dikutip KCNA dan diberitakan Yonhap`) and
//!    the article's own **sources** (`Seperti dilansir Reuters, …`).
//!
//! Verbs, relay cues and title words are data (`data/quotes/`).

mod data;
mod direct;
mod indirect;
mod relay;
mod speaker;
mod tokens;
mod unnamed;

use warta_core::{Document, Quote, Stage, StageError};

/// The quote-finding stage.
#[derive(Debug, Default)]
pub struct QuoteFinder {}

impl QuoteFinder {
    pub fn new() -> QuoteFinder {
        let _ = data::resources();
        QuoteFinder {}
    }
}

impl Stage for QuoteFinder {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let (quotes, sources) = find_quotes(doc);
        doc.quotes = quotes;
        doc.sources = sources;
        Ok(())
    }
}

/// The quotes of `doc` and the media the article is credited to. Needs
/// tokens and sentences; speakers need the coreference layer.
pub fn find_quotes(doc: &Document) -> (Vec<Quote>, Vec<String>) {
    let res = data::resources();
    let toks = tokens::Toks::new(doc);
    let mut quotes = direct::find(&toks, res);
    quotes.extend(indirect::find(&toks, res, &quotes));
    quotes.sort_by_key(|q| (q.span.start, q.span.end));
    speaker::unnamed_continues(&toks, &mut quotes);
    speaker::inherit(&toks, &mut quotes);
    let own = relay::OwnOutlet::of(doc);
    for q in &mut quotes {
        q.relayed_by = relay::chain_for(&toks, res, &own, q);
    }
    speaker::carry_relays(&toks, res, &mut quotes);
    let sources = relay::article_sources(&toks, res, &own, &quotes);
    (quotes, sources)
}

#[cfg(test)]
mod tests;
