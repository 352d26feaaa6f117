//! Taming pathological markup before html5ever builds a tree from it.
//!
//! html5ever follows the HTML standard, and parts of the standard's tree
//! construction scan the stack of open elements or the list of active
//! formatting elements for every token. On real pages both are short; on
//! hostile or broken ones they are not, and building the tree becomes
//! quadratic or worse (measured on html5ever 0.40, release build):
//! 40,000 nested `<div>`s (440 KB) took 2.4 s, 20,000 `<b class=N>` with
//! distinct attributes 11 s, and 10,000 `<p><b class=N>x</p>` (220 KB),
//! whose misnested `<b>`s are re-created for every later tag, 29 s.
//!
//! So every page is first run through html5ever's own tokenizer (linear, and
//! exact about comments, scripts and attributes) into a small model of the
//! tree builder: a stack of open elements with the standard's implied end
//! tags and scopes, and the active formatting list. Pages the model finds
//! tame, all real ones, are parsed untouched. A page that nests deeper than
//! [`MAX_DEPTH`], or whose formatting elements run away, is re-serialised
//! with its formatting tags (`<b>`, `<a>`, `<font>`, …) dropped and its start
//! tags beyond [`MAX_DEPTH`] (with their end tags) dropped, a paragraph or
//! line break standing in for a dropped block. All text is kept; only
//! markup that cannot change the plain text goes.
//!
//! Before that, a byte-level scan drops the attributes past
//! [`MAX_ATTRIBUTES`](attributes::MAX_ATTRIBUTES) on any tag, as the
//! tokenizer itself is quadratic in a tag's attribute count.

mod attributes;
mod formatting;
mod model;
mod names;
mod tokens;
mod write;

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use attributes::cap_attributes;
use model::Model;
use names::Ns;

/// Deepest element nesting kept. Above `html::MAX_READABILITY_DEPTH`, so a
/// page tamed for depth still gets the plain-body fallback it got before.
pub(crate) const MAX_DEPTH: usize = 512;
/// Most active formatting elements (after the last marker) a tame page may
/// have; real pages have a handful.
const MAX_FORMATTING: usize = 32;
/// Formatting elements the parser may re-create for misnested markup before
/// a page counts as pathological: a fixed allowance plus one per 64 bytes.
const RECONSTRUCT_BASE: usize = 4096;

/// The page itself when the model finds it tame, else the re-serialised,
/// flattened page.
pub(crate) fn tame(html: &str) -> Cow<'_, str> {
    let html = cap_attributes(html);
    match flatten(&html) {
        Some(flat) => Cow::Owned(flat),
        None => html,
    }
}

/// The page re-serialised flat, when its structure is pathological.
fn flatten(html: &str) -> Option<String> {
    // Each trigger needs hundreds of tags; most small pages stop here.
    if html.bytes().filter(|&b| b == b'<').count() < 128 {
        return None;
    }
    let budget = RECONSTRUCT_BASE + html.len() / 64;
    if !run(html, Mode::Detect { budget }).triggered {
        return None;
    }
    Some(run(html, Mode::Rewrite).out)
}

fn run(html: &str, mode: Mode) -> Model {
    let sink = Sink(RefCell::new(Model::new(mode, html.len())));
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // The sink never asks to pause for a script, so one call reads it all.
    let _ = tok.feed(&input);
    tok.end();
    tok.sink.0.into_inner()
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// Model the page and say whether it is pathological.
    Detect { budget: usize },
    /// Write the flattened page.
    Rewrite,
}

struct Sink(RefCell<Model>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut m = self.0.borrow_mut();
        if m.triggered {
            return TokenSinkResult::Continue;
        }
        match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => return m.start(&tag),
            Token::TagToken(tag) => m.end(&tag),
            Token::CharacterTokens(s) => m.text(&s),
            Token::NullCharacterToken if m.raw && m.rewriting() => m.out.push('\u{fffd}'),
            Token::DoctypeToken(d) if m.rewriting() && !d.force_quirks => m.emit_doctype(&d),
            // Comments and the rest carry no text.
            _ => {}
        }
        TokenSinkResult::Continue
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.0.borrow().top().ns != Ns::Html
    }
}

#[cfg(test)]
mod tests;
