//! The model of html5ever's tree builder: the stack of open elements, with
//! each entry caching the nearest scope bounds below it.

use std::collections::HashMap;

use super::names::{flags_of, Ns, FORMATTING, MARKER, SCOPE, SPECIAL, TABLE_CTX, TABLE_SCOPE};
use super::{Mode, MAX_DEPTH};

/// What each open element caches: the index of the nearest element at or
/// below it with a property, so every scope test is O(1) and the model stays
/// linear however deep the page goes.
#[derive(Clone, Copy)]
pub(super) enum Near {
    Scope,
    Button,
    List,
    Table,
    Special,
    /// Special other than `address`, `div`, `p` (where `<li>` stops looking).
    SpecialLi,
    Html,
    TableCtx,
}
const NEAR: usize = 8;

#[derive(Clone)]
pub(super) struct Entry {
    pub(super) name: u32,
    pub(super) ns: Ns,
    pub(super) flags: u32,
    pub(super) near: [u32; NEAR],
    /// Its active formatting list entry, by id (detection only).
    pub(super) fmt: Option<u32>,
}

pub(super) enum Fmt {
    Marker,
    Element {
        id: u32,
        name: u32,
        /// Name and attributes, for the "Noah's Ark" clause.
        key: u64,
        /// Where its element is on the stack, while it is open.
        at: Option<u32>,
    },
}

pub(super) struct Model {
    pub(super) mode: Mode,
    pub(super) stack: Vec<Entry>,
    /// Interned tag names.
    pub(super) ids: HashMap<String, u32>,
    pub(super) names: Vec<String>,
    /// Indices of open elements by name, for HTML and foreign elements.
    pub(super) open: [Vec<Vec<u32>>; 2],
    pub(super) list: Vec<Fmt>,
    pub(super) next_fmt: u32,
    pub(super) reconstructed: usize,
    /// Inside a raw-text element (script, style, title, …) or plaintext.
    pub(super) raw: bool,
    /// Start tags dropped by name, so their end tags are dropped too.
    pub(super) dropped: HashMap<u32, usize>,
    pub(super) triggered: bool,
    /// The deepest the stack went (tests compare it with the parser's).
    #[cfg(test)]
    pub(super) deepest: usize,
    pub(super) out: String,
}

impl Model {
    pub(super) fn new(mode: Mode, len: usize) -> Model {
        let mut m = Model {
            mode,
            stack: Vec::new(),
            ids: HashMap::new(),
            names: Vec::new(),
            open: [Vec::new(), Vec::new()],
            list: Vec::new(),
            next_fmt: 0,
            reconstructed: 0,
            raw: false,
            dropped: HashMap::new(),
            triggered: false,
            #[cfg(test)]
            deepest: 0,
            out: String::with_capacity(if mode == Mode::Rewrite { len + len / 8 } else { 0 }),
        };
        // The root: `html`, which html5ever opens implicitly; never popped.
        let html = m.intern("html");
        m.stack.push(Entry {
            name: html,
            ns: Ns::Html,
            flags: flags_of(Ns::Html, "html"),
            near: [0; NEAR],
            fmt: None,
        });
        m
    }

    pub(super) fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(name.to_string(), id);
        self.names.push(name.to_string());
        for o in &mut self.open {
            o.push(Vec::new());
        }
        id
    }

    pub(super) fn rewriting(&self) -> bool {
        self.mode == Mode::Rewrite
    }

    pub(super) fn top(&self) -> &Entry {
        self.stack.last().expect("the root is never popped")
    }

    pub(super) fn name(&self, e: &Entry) -> &str {
        &self.names[e.name as usize]
    }

    /// The topmost open HTML element called `name`.
    pub(super) fn topmost(&self, name: u32) -> Option<usize> {
        self.open[0][name as usize].last().map(|&i| i as usize)
    }

    fn topmost_named(&self, name: &str) -> Option<usize> {
        self.ids.get(name).and_then(|&id| self.topmost(id))
    }

    pub(super) fn near(&self, k: Near) -> usize {
        self.top().near[k as usize] as usize
    }

    /// Whether an open `name` is in the scope `k` bounds.
    pub(super) fn in_scope(&self, name: &str, k: Near) -> Option<usize> {
        self.topmost_named(name).filter(|&i| i >= self.near(k))
    }

    pub(super) fn push(&mut self, name: u32, ns: Ns) {
        let flags = flags_of(ns, &self.names[name as usize]);
        let idx = self.stack.len() as u32;
        let mut near = self.top().near;
        let n = self.names[name as usize].as_str();
        let html = ns == Ns::Html;
        let set = |near: &mut [u32; NEAR], k: Near, yes: bool| {
            if yes {
                near[k as usize] = idx;
            }
        };
        set(&mut near, Near::Scope, flags & SCOPE != 0);
        set(
            &mut near,
            Near::Button,
            flags & SCOPE != 0 || (html && n == "button"),
        );
        set(
            &mut near,
            Near::List,
            flags & SCOPE != 0 || (html && matches!(n, "ol" | "ul")),
        );
        set(&mut near, Near::Table, html && flags & TABLE_SCOPE != 0);
        set(&mut near, Near::Special, flags & SPECIAL != 0);
        set(
            &mut near,
            Near::SpecialLi,
            flags & SPECIAL != 0 && !(html && matches!(n, "address" | "div" | "p")),
        );
        set(&mut near, Near::Html, html);
        set(&mut near, Near::TableCtx, html && flags & TABLE_CTX != 0);
        self.open[usize::from(!html)][name as usize].push(idx);
        let mut fmt = None;
        if !self.rewriting() && html && flags & MARKER != 0 {
            self.list.push(Fmt::Marker);
        }
        if !self.rewriting() && html && flags & FORMATTING != 0 {
            // The id `push_formatting` is about to give its entry
            // (`reconstruct` sets the entry's own id instead).
            fmt = Some(self.next_fmt);
        }
        self.stack.push(Entry {
            name,
            ns,
            flags,
            near,
            fmt,
        });
        #[cfg(test)]
        {
            self.deepest = self.deepest.max(self.stack.len());
        }
        if let Mode::Detect { .. } = self.mode {
            if self.stack.len() > MAX_DEPTH {
                self.trigger();
            }
        }
    }

    pub(super) fn pop(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        let e = self.stack.pop().expect("checked above");
        let open = &mut self.open[usize::from(e.ns != Ns::Html)][e.name as usize];
        // A form taken out from under other elements is no longer listed.
        if open.last() == Some(&(self.stack.len() as u32)) {
            open.pop();
        }
        if let Some(id) = e.fmt {
            // An open entry's element is above every later marker's, so it
            // is after the last marker.
            for f in self.list.iter_mut().rev() {
                match f {
                    Fmt::Marker => break,
                    Fmt::Element { id: i, at, .. } if *i == id => {
                        *at = None;
                        break;
                    }
                    Fmt::Element { .. } => {}
                }
            }
        }
        if e.ns == Ns::Html && e.flags & MARKER != 0 {
            while let Some(f) = self.list.pop() {
                if matches!(f, Fmt::Marker) {
                    break;
                }
            }
        }
    }

    /// Pops elements until the one at `idx` is popped.
    pub(super) fn pop_through(&mut self, idx: usize) {
        while self.stack.len() > idx.max(1) {
            self.pop();
        }
    }

    /// The standard's "close a `p` element" when one is in button scope.
    pub(super) fn close_p(&mut self) {
        if let Some(i) = self.in_scope("p", Near::Button) {
            self.pop_through(i);
        }
    }

    pub(super) fn trigger(&mut self) {
        self.triggered = true;
    }
}
