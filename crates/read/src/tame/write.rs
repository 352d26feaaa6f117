//! Writing the flattened page (rewrite mode).

use html5ever::tokenizer::{Doctype, Tag, TagKind};

use super::model::Model;
use super::names::{LINE, PARAGRAPH};

impl Model {
    pub(super) fn emit_tag(&mut self, tag: &Tag) {
        if !self.rewriting() {
            return;
        }
        let out = &mut self.out;
        out.push('<');
        if tag.kind == TagKind::EndTag {
            out.push('/');
        }
        out.push_str(&tag.name);
        if tag.kind == TagKind::StartTag {
            for a in &tag.attrs {
                out.push(' ');
                out.push_str(&a.name.local);
                out.push_str("=\"");
                escape(out, &a.value, true);
                out.push('"');
            }
            if tag.self_closing {
                out.push('/');
            }
        }
        out.push('>');
    }

    /// The doctype, written back so that the flattened page is parsed in the
    /// same mode (quirks or not) as the page.
    pub(super) fn emit_doctype(&mut self, d: &Doctype) {
        let q = |s: &str| {
            if s.contains('"') {
                format!("'{s}'")
            } else {
                format!("\"{s}\"")
            }
        };
        let mut s = format!("<!DOCTYPE {}", d.name.as_deref().unwrap_or("html"));
        match (&d.public_id, &d.system_id) {
            (Some(p), Some(sy)) => s.push_str(&format!(" PUBLIC {} {}", q(p), q(sy))),
            (Some(p), None) => s.push_str(&format!(" PUBLIC {}", q(p))),
            (None, Some(sy)) => s.push_str(&format!(" SYSTEM {}", q(sy))),
            (None, None) => {}
        }
        s.push('>');
        self.out.push_str(&s);
    }

    /// What stands in for a dropped block: the break it made in the text.
    pub(super) fn emit_break(&mut self, flags: u32) {
        if flags & PARAGRAPH != 0 {
            self.out.push_str("<br><br>");
        } else if flags & LINE != 0 {
            self.out.push_str("<br>");
        }
    }
}

pub(super) fn escape(out: &mut String, s: &str, attr: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' if !attr => out.push_str("&lt;"),
            '"' if attr => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}
