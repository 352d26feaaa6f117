//! The lexicon as parsed from its TSV sources, before compilation into the
//! binary form that run time reads (`blob.rs`).

use crate::types::{Actor, Country, CountryForm, Place, Role};
use crate::{exact_hash, match_key, Fnv, Ref};
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

type FastMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// The referents of one key; most keys have exactly one.
#[derive(Debug)]
pub(crate) enum Refs {
    One(Ref),
    Many(Vec<Ref>),
}

impl Refs {
    pub(crate) fn as_slice(&self) -> &[Ref] {
        match self {
            Refs::One(r) => std::slice::from_ref(r),
            Refs::Many(v) => v,
        }
    }
}

/// Every record and every name key, owned and hash-indexed: what the loader
/// fills in and the compiler writes out.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    pub places: Vec<Place>,
    pub countries: Vec<Country>,
    pub forms: Vec<CountryForm>,
    pub actors: Vec<Actor>,
    pub roles: Vec<Role>,
    pub index: FastMap<Refs>,
    pub country_by_iso3: HashMap<String, u32>,
    pub max_words: usize,
    pub place_stopwords: HashSet<String>,
    pub org_heads: Vec<(String, String)>,
    pub person_titles: HashMap<String, String>,
    pub sports_words: Vec<(String, String)>,
    pub exact_names: HashSet<u64, BuildHasherDefault<Fnv>>,
    /// Reused buffers for key making while loading.
    scratch: (String, String),
}

impl Builder {
    pub fn lookup(&self, s: &str) -> &[Ref] {
        self.lookup_key(&match_key(s))
    }

    pub fn lookup_key(&self, key: &str) -> &[Ref] {
        self.index.get(key).map(Refs::as_slice).unwrap_or(&[])
    }

    pub fn add_key(&mut self, name: &str, r: Ref) {
        let (mut norm, mut key) = std::mem::take(&mut self.scratch);
        crate::normalize::normalize_into(name, &mut norm);
        self.exact_names.insert(exact_hash(&norm, r));
        crate::normalize::fold_key_into(&norm, &mut key);
        if !key.is_empty() {
            self.max_words = self.max_words.max(key.bytes().filter(|&b| b == b' ').count() + 1);
            match self.index.get_mut(key.as_str()) {
                Some(Refs::One(x)) if *x != r => {
                    let first = *x;
                    self.index.insert(key.clone(), Refs::Many(vec![first, r]));
                }
                Some(Refs::Many(v)) if !v.contains(&r) => v.push(r),
                Some(_) => {}
                None => {
                    self.index.insert(key.clone(), Refs::One(r));
                }
            }
        }
        self.scratch = (norm, key);
    }
}
