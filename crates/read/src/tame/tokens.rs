//! What each start tag, end tag and run of text does to the model (the tree
//! builder's rules, as far as they move the stack of open elements), and in
//! rewrite mode which of them are written and which dropped.

use html5ever::tokenizer::{Tag, TokenSinkResult};

use super::model::{Fmt, Model, Near};
use super::names::{
    flags_of, raw_kind, Ns, BLOCK_END, BREAKOUT, CLOSES_P, FORMATTING, HEADING, IGNORED, SCOPE, VOID,
};
use super::write::escape;
use super::MAX_DEPTH;

impl Model {
    pub(super) fn start(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name_s: &str = &tag.name;
        let name = self.intern(name_s);
        let top_ns = self.top().ns;
        if top_ns != Ns::Html && !self.html_rules_for(name_s) {
            let hflags = flags_of(Ns::Html, name_s);
            let font_breaks = name_s == "font"
                && tag
                    .attrs
                    .iter()
                    .any(|a| matches!(&*a.name.local, "color" | "face" | "size"));
            if hflags & BREAKOUT == 0 && !font_breaks {
                let ns = match name_s {
                    "svg" => Ns::Svg,
                    "math" => Ns::Math,
                    _ => top_ns,
                };
                if self.rewriting() && self.stack.len() >= MAX_DEPTH && !tag.self_closing {
                    *self.dropped.entry(name).or_default() += 1;
                    return TokenSinkResult::Continue;
                }
                self.emit_tag(tag);
                self.push(name, ns);
                if tag.self_closing {
                    self.pop();
                }
                return TokenSinkResult::Continue;
            }
            while self.top().ns != Ns::Html && self.top().flags & SCOPE == 0 {
                self.pop();
            }
        }
        let flags = flags_of(Ns::Html, name_s);
        if self.rewriting() {
            if flags & FORMATTING != 0 {
                return TokenSinkResult::Continue;
            }
            let raw = raw_kind(name_s).is_some() || name_s == "plaintext";
            if self.stack.len() >= MAX_DEPTH && flags & (VOID | IGNORED) == 0 && !raw {
                *self.dropped.entry(name).or_default() += 1;
                self.emit_break(flags);
                return TokenSinkResult::Continue;
            }
            self.emit_tag(tag);
        }
        self.start_html(name, name_s, flags, tag)
    }

    /// Whether a start tag inside SVG or MathML follows HTML rules (at an
    /// integration point).
    fn html_rules_for(&self, name: &str) -> bool {
        let top = self.top();
        match (top.ns, self.name(top)) {
            (Ns::Svg, "foreignobject" | "desc" | "title") => true,
            (Ns::Math, "mi" | "mo" | "mn" | "ms" | "mtext") => !matches!(name, "mglyph" | "malignmark"),
            (Ns::Math, "annotation-xml") => name != "svg",
            _ => false,
        }
    }

    fn start_html(&mut self, name: u32, name_s: &str, flags: u32, tag: &Tag) -> TokenSinkResult<()> {
        if flags & IGNORED != 0 {
            return TokenSinkResult::Continue;
        }
        if let Some(kind) = raw_kind(name_s) {
            if name_s == "xmp" {
                self.close_p();
            }
            self.push(name, Ns::Html);
            self.raw = true;
            return TokenSinkResult::RawData(kind);
        }
        if flags & VOID != 0 {
            if flags & CLOSES_P != 0 {
                self.close_p();
            } else {
                self.reconstruct();
            }
            return TokenSinkResult::Continue;
        }
        match name_s {
            "svg" | "math" => {
                self.reconstruct();
                self.push(name, if name_s == "svg" { Ns::Svg } else { Ns::Math });
                if tag.self_closing {
                    self.pop();
                }
            }
            "plaintext" => {
                self.close_p();
                self.push(name, Ns::Html);
                self.raw = true;
                return TokenSinkResult::Plaintext;
            }
            "li" | "dd" | "dt" => {
                let i = self.near(Near::SpecialLi);
                let hit = match name_s {
                    "li" => self.name(&self.stack[i]) == "li",
                    _ => matches!(self.name(&self.stack[i]), "dd" | "dt"),
                };
                if hit && i > 0 {
                    self.pop_through(i);
                }
                self.close_p();
                self.push(name, Ns::Html);
            }
            _ if flags & HEADING != 0 => {
                self.close_p();
                if self.top().ns == Ns::Html && self.top().flags & HEADING != 0 {
                    self.pop();
                }
                self.push(name, Ns::Html);
            }
            "form" => {
                if self.topmost(name).is_none() {
                    self.close_p();
                    self.push(name, Ns::Html);
                }
            }
            "button" => {
                if let Some(i) = self.in_scope("button", Near::Scope) {
                    self.pop_through(i);
                }
                self.reconstruct();
                self.push(name, Ns::Html);
            }
            "table" => {
                // In table modes a new table closes the open one; in a cell
                // it nests. (Quirks mode keeps an open `p`: not closed here,
                // which errs towards counting more depth.)
                let ctx = self.near(Near::TableCtx);
                if ctx > 0 && !matches!(self.name(&self.stack[ctx]), "td" | "th" | "caption" | "template") {
                    if let Some(t) = self.in_scope("table", Near::Table) {
                        self.pop_through(t);
                    }
                }
                self.push(name, Ns::Html);
            }
            "caption" | "colgroup" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" => {
                self.table_part(name, name_s);
            }
            "select" => {
                if let Some(i) = self.topmost(name) {
                    self.pop_through(i);
                } else {
                    self.reconstruct();
                    self.push(name, Ns::Html);
                }
            }
            "option" | "optgroup" => {
                if self.name(self.top()) == "option" {
                    self.pop();
                }
                if name_s == "optgroup" && self.name(self.top()) == "optgroup" {
                    self.pop();
                }
                self.reconstruct();
                self.push(name, Ns::Html);
            }
            "rb" | "rp" | "rt" | "rtc" => {
                while matches!(self.name(self.top()), "rb" | "rp" | "rt") {
                    self.pop();
                }
                self.push(name, Ns::Html);
            }
            "a" | "nobr" => {
                // An open link (or nobr) is closed first, and in any case
                // leaves the list.
                let find = |m: &Model| {
                    (m.after_marker()..m.list.len())
                        .rev()
                        .find(|&i| matches!(m.list[i], Fmt::Element { name: n, .. } if n == name))
                };
                if find(self).is_some() {
                    self.adoption(name);
                    if let Some(i) = find(self) {
                        self.list.remove(i);
                    }
                }
                self.reconstruct();
                self.push_formatting(name, tag);
            }
            _ if flags & FORMATTING != 0 => {
                self.reconstruct();
                self.push_formatting(name, tag);
            }
            _ if flags & CLOSES_P != 0 => {
                self.close_p();
                self.push(name, Ns::Html);
            }
            _ => {
                self.reconstruct();
                self.push(name, Ns::Html);
            }
        }
        TokenSinkResult::Continue
    }

    /// Table sections, rows and cells: they close their open siblings, and
    /// rows and cells open the row and section they imply.
    fn table_part(&mut self, name: u32, name_s: &str) {
        let ctx = self.near(Near::TableCtx);
        if ctx == 0 || self.name(&self.stack[ctx]) == "template" {
            return; // outside a table the parser ignores them
        }
        let ctx_name = self.name(&self.stack[ctx]).to_string();
        match (name_s, ctx_name.as_str()) {
            ("caption" | "colgroup", _) => {
                if let Some(t) = self.in_scope("table", Near::Table) {
                    self.pop_through(t + 1);
                }
                self.push(name, Ns::Html);
            }
            ("tbody" | "thead" | "tfoot", _) => {
                if let Some(t) = self.in_scope("table", Near::Table) {
                    self.pop_through(t + 1);
                }
                self.push(name, Ns::Html);
            }
            ("tr", c) => {
                match c {
                    "table" | "caption" => {
                        self.pop_through(ctx + 1);
                        let tbody = self.intern("tbody");
                        self.push(tbody, Ns::Html);
                    }
                    "tbody" | "thead" | "tfoot" => self.pop_through(ctx + 1),
                    _ => {
                        // tr, td, th: close through the row.
                        if let Some(r) = self.in_scope("tr", Near::Table) {
                            self.pop_through(r);
                        }
                    }
                }
                self.push(name, Ns::Html);
            }
            (_, c) => {
                // td, th
                match c {
                    "table" | "caption" => {
                        self.pop_through(ctx + 1);
                        let tbody = self.intern("tbody");
                        self.push(tbody, Ns::Html);
                        let tr = self.intern("tr");
                        self.push(tr, Ns::Html);
                    }
                    "tbody" | "thead" | "tfoot" => {
                        self.pop_through(ctx + 1);
                        let tr = self.intern("tr");
                        self.push(tr, Ns::Html);
                    }
                    "tr" => self.pop_through(ctx + 1),
                    _ => self.pop_through(ctx), // td, th: close the cell
                }
                self.push(name, Ns::Html);
            }
        }
    }

    pub(super) fn end(&mut self, tag: &Tag) {
        let name_s: &str = &tag.name;
        let name = self.intern(name_s);
        if self.raw {
            self.raw = false;
            self.emit_tag(tag);
            self.pop();
            return;
        }
        let flags = flags_of(Ns::Html, name_s);
        if self.rewriting() {
            if let Some(n) = self.dropped.get_mut(&name).filter(|n| **n > 0) {
                *n -= 1;
                self.emit_break(flags);
                return;
            }
        }
        if self.top().ns != Ns::Html {
            let i = self.open[1][name as usize].last().map(|&i| i as usize);
            if let Some(i) = i.filter(|&i| i > self.near(Near::Html)) {
                self.emit_tag(tag);
                self.pop_through(i);
                return;
            }
        }
        if self.rewriting() {
            if flags & FORMATTING != 0 {
                return;
            }
            self.emit_tag(tag);
        }
        match name_s {
            "p" => self.close_p(),
            "li" => {
                if let Some(i) = self.in_scope("li", Near::List) {
                    self.pop_through(i);
                }
            }
            "dd" | "dt" => {
                if let Some(i) = self.in_scope(name_s, Near::Scope) {
                    self.pop_through(i);
                }
            }
            _ if flags & HEADING != 0 => {
                let i = ["h1", "h2", "h3", "h4", "h5", "h6"]
                    .iter()
                    .filter_map(|h| self.in_scope(h, Near::Scope))
                    .max();
                if let Some(i) = i {
                    self.pop_through(i);
                }
            }
            "form" => {
                if let Some(i) = self.topmost(name) {
                    if i + 1 == self.stack.len() {
                        self.pop();
                    } else {
                        // The parser takes the form out from under the open
                        // elements; the model keeps counting its depth but
                        // no longer lists it as an open form.
                        self.open[0][name as usize].pop();
                    }
                }
            }
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" => {
                if let Some(i) = self.in_scope(name_s, Near::Table) {
                    self.pop_through(i);
                }
            }
            "colgroup" | "option" | "optgroup" => {
                if self.name(self.top()) == name_s {
                    self.pop();
                }
            }
            "select" | "template" => {
                if let Some(i) = self.topmost(name) {
                    self.pop_through(i);
                }
            }
            _ if flags & BLOCK_END != 0 => {
                if let Some(i) = self.in_scope(name_s, Near::Scope) {
                    self.pop_through(i);
                }
            }
            _ if flags & FORMATTING != 0 => self.adoption(name),
            _ => self.other_end(name),
        }
    }

    pub(super) fn text(&mut self, s: &str) {
        if !self.raw && self.top().ns == Ns::Html {
            self.reconstruct();
        }
        if self.rewriting() {
            if self.raw && !matches!(self.name(self.top()), "title" | "textarea") {
                self.out.push_str(s);
            } else {
                escape(&mut self.out, s, false);
            }
        }
    }
}
