//! The active formatting list (detection only): what re-creates misnested
//! formatting elements, and so what can make a page's tree run away.

use std::hash::{Hash, Hasher};

use html5ever::tokenizer::Tag;

use super::model::{Fmt, Model, Near};
use super::names::Ns;
use super::{Mode, MAX_FORMATTING};

impl Model {
    pub(super) fn after_marker(&self) -> usize {
        self.list
            .iter()
            .rposition(|f| matches!(f, Fmt::Marker))
            .map_or(0, |i| i + 1)
    }

    /// The standard's "reconstruct the active formatting elements": entries
    /// whose element was closed by misnested markup are opened again.
    pub(super) fn reconstruct(&mut self) {
        if self.rewriting() {
            return;
        }
        let start = self
            .list
            .iter()
            .rposition(|f| match f {
                Fmt::Marker => true,
                Fmt::Element { at, .. } => at.is_some(),
            })
            .map_or(0, |i| i + 1);
        for i in start..self.list.len() {
            if let Fmt::Element { id, name, .. } = self.list[i] {
                let at = self.stack.len() as u32;
                self.push(name, Ns::Html);
                // The re-created element takes over the entry.
                self.stack.last_mut().expect("just pushed").fmt = Some(id);
                if let Fmt::Element { at: a, .. } = &mut self.list[i] {
                    *a = Some(at);
                }
                self.reconstructed += 1;
            }
        }
        if let Mode::Detect { budget } = self.mode {
            if self.reconstructed > budget {
                self.trigger();
            }
        }
    }

    pub(super) fn push_formatting(&mut self, name: u32, tag: &Tag) {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        name.hash(&mut h);
        let mut attrs: Vec<(&str, &str)> = tag.attrs.iter().map(|a| (&*a.name.local, &*a.value)).collect();
        attrs.sort_unstable();
        attrs.hash(&mut h);
        let key = h.finish();
        let from = self.after_marker();
        let same: Vec<usize> = (from..self.list.len())
            .filter(|&i| matches!(self.list[i], Fmt::Element { key: k, .. } if k == key))
            .collect();
        if same.len() >= 3 {
            self.list.remove(same[0]);
        }
        let at = Some(self.stack.len() as u32);
        self.push(name, Ns::Html);
        let id = self.next_fmt;
        self.next_fmt += 1;
        self.list.push(Fmt::Element { id, name, key, at });
        if self.list.len() - self.after_marker() > MAX_FORMATTING {
            self.trigger();
        }
    }

    /// A rough "adoption agency": what a formatting end tag does to depth.
    pub(super) fn adoption(&mut self, name: u32) {
        let from = self.after_marker();
        let Some(li) = (from..self.list.len())
            .rev()
            .find(|&i| matches!(self.list[i], Fmt::Element { name: n, .. } if n == name))
        else {
            return self.other_end(name);
        };
        let Fmt::Element { at, .. } = self.list[li] else {
            return;
        };
        let Some(si) = at.map(|a| a as usize) else {
            self.list.remove(li);
            return;
        };
        if si < self.near(Near::Scope) {
            return;
        }
        if self.near(Near::Special) > si {
            // A block inside the formatting element: the parser moves the
            // element rather than closing the block; depth stays.
            return;
        }
        self.pop_through(si);
        self.list.remove(li);
    }

    /// "Any other end tag": closes the element unless a special one is in
    /// the way.
    pub(super) fn other_end(&mut self, name: u32) {
        if let Some(i) = self.topmost(name).filter(|&i| i >= self.near(Near::Special)) {
            self.pop_through(i);
        }
    }
}
