//! The compiled lexicon (`data/lexicon/lexicon.bin`): the parsed sources in
//! a flat little-endian form that loads without gunzip, TSV parsing or
//! hashing 160k names. The name index (sorted keys, binary-searched) and
//! the exact-spelling hashes (sorted, binary-searched) are used in place;
//! only the records are decoded at load.

use crate::source::Builder;
use crate::types::{Actor, ActorRole, Country, CountryForm, FormKind, Place, PlaceKind, Role};
use crate::{LexiconError, Ref};
use chrono::NaiveDate;
use warta_core::EntityType;

/// First bytes of a compiled lexicon; the digit changes with the layout.
const MAGIC: &[u8; 8] = b"WARTALX3";
const NONE32: u32 = u32::MAX;
const NONE64: u64 = u64::MAX;

/// Writes `b` in the compiled form. Deterministic: keys, hashes and the
/// small sets are sorted, so the same sources give the same bytes.
pub(crate) fn write(b: &Builder) -> Vec<u8> {
    let mut w = W(Vec::with_capacity(16 << 20));
    w.0.extend_from_slice(MAGIC);
    w.u32(b.max_words as u32);
    w.u32(b.countries.len() as u32);
    for c in &b.countries {
        for s in [
            &c.iso2, &c.iso3, &c.cameo, &c.fips, &c.name_en, &c.name_id, &c.capital,
        ] {
            w.str(s);
        }
        w.u64(c.geonameid.unwrap_or(NONE64));
        w.u64(c.population);
        let (la, lo) = c.point.unwrap_or((f64::NAN, f64::NAN));
        w.u64(la.to_bits());
        w.u64(lo.to_bits());
    }
    w.u32(b.forms.len() as u32);
    for f in &b.forms {
        w.str(&f.form);
        w.str(&f.iso3);
        w.u8(match f.kind {
            FormKind::Name => 0,
            FormKind::Capital => 1,
            FormKind::Seat => 2,
            FormKind::Demonym => 3,
        });
        w.u32(f.place.unwrap_or(NONE32));
    }
    w.u32(b.places.len() as u32);
    for p in &b.places {
        w.u8(match p.kind {
            PlaceKind::City => 0,
            PlaceKind::Adm1 => 1,
            PlaceKind::Adm2 => 2,
            PlaceKind::Adm3 => 3,
            PlaceKind::Region => 4,
        });
        w.str(&p.name);
        w.u64(p.lat.to_bits());
        w.u64(p.lon.to_bits());
        w.u64(p.geonameid.unwrap_or(NONE64));
        w.str(&p.iso3);
        w.str(&p.admin1);
        w.u64(p.population);
        w.opt_str(p.parent.as_deref());
        w.u8(p.capital as u8);
    }
    w.u32(b.actors.len() as u32);
    for a in &b.actors {
        w.str(&a.name);
        w.u32(a.aliases.len() as u32);
        a.aliases.iter().for_each(|s| w.str(s));
        w.u8(match a.kind {
            EntityType::Per => 0,
            EntityType::Org => 1,
            EntityType::Loc => 2,
        });
        w.u8(a.curated as u8);
        w.u32(a.roles.len() as u32);
        for r in &a.roles {
            w.str(&r.code);
            w.date(r.from);
            w.date(r.until);
        }
    }
    w.u32(b.roles.len() as u32);
    for r in &b.roles {
        w.str(&r.word);
        w.str(&r.code);
        w.str(&r.label);
    }
    w.pairs(b.org_heads.iter().map(|(a, c)| (a.as_str(), c.as_str())));
    let mut titles: Vec<_> = b.person_titles.iter().collect();
    titles.sort();
    w.pairs(titles.into_iter().map(|(a, c)| (a.as_str(), c.as_str())));
    w.pairs(b.sports_words.iter().map(|(a, c)| (a.as_str(), c.as_str())));
    let mut stop: Vec<&String> = b.place_stopwords.iter().collect();
    stop.sort();
    w.u32(stop.len() as u32);
    stop.into_iter().for_each(|s| w.str(s));
    // The name index: key offsets, ref starts, key bytes, refs.
    let mut keys: Vec<(&String, &[Ref])> = b.index.iter().map(|(k, r)| (k, r.as_slice())).collect();
    keys.sort_by(|a, b| a.0.cmp(b.0));
    w.u32(keys.len() as u32);
    let (mut off, mut start) = (0u32, 0u32);
    for (k, _) in &keys {
        w.u32(off);
        off += k.len() as u32;
    }
    w.u32(off);
    for (_, r) in &keys {
        w.u32(start);
        start += r.len() as u32;
    }
    w.u32(start);
    keys.iter().for_each(|(k, _)| w.0.extend_from_slice(k.as_bytes()));
    for (_, refs) in &keys {
        refs.iter().for_each(|&r| w.u32(encode_ref(r)));
    }
    let mut exact: Vec<u64> = b.exact_names.iter().copied().collect();
    exact.sort_unstable();
    w.u32(exact.len() as u32);
    exact.into_iter().for_each(|h| w.u64(h));
    w.0
}

fn encode_ref(r: Ref) -> u32 {
    let (tag, i) = match r {
        Ref::Place(i) => (0, i),
        Ref::PlaceAlt(i) => (1, i),
        Ref::Form(i) => (2, i),
        Ref::Actor(i) => (3, i),
    };
    debug_assert!(i < 1 << 30);
    (tag << 30) | i
}

fn decode_ref(x: u32) -> Ref {
    let i = x & ((1 << 30) - 1);
    match x >> 30 {
        0 => Ref::Place(i),
        1 => Ref::PlaceAlt(i),
        2 => Ref::Form(i),
        _ => Ref::Actor(i),
    }
}

struct W(Vec<u8>);

impl W {
    fn u8(&mut self, x: u8) {
        self.0.push(x);
    }
    fn u32(&mut self, x: u32) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    fn u64(&mut self, x: u64) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.u32(NONE32),
        }
    }
    fn date(&mut self, d: Option<NaiveDate>) {
        use chrono::Datelike;
        self.u32(d.map(|d| d.num_days_from_ce() as u32).unwrap_or(NONE32));
    }
    fn pairs<'a>(&mut self, it: impl ExactSizeIterator<Item = (&'a str, &'a str)>) {
        self.u32(it.len() as u32);
        for (a, b) in it {
            self.str(a);
            self.str(b);
        }
    }
}

/// The decoded records plus the in-place index of a compiled lexicon.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub max_words: usize,
    pub countries: Vec<Country>,
    pub forms: Vec<CountryForm>,
    pub places: Vec<Place>,
    pub actors: Vec<Actor>,
    pub roles: Vec<Role>,
    pub org_heads: Vec<(String, String)>,
    pub person_titles: Vec<(String, String)>,
    pub sports_words: Vec<(String, String)>,
    pub place_stopwords: Vec<String>,
    pub keys: KeyIndex,
    pub refs: Vec<Ref>,
    pub exact: U64s,
}

/// Sorted keys, stored as offsets into one byte string.
#[derive(Debug, Default)]
pub(crate) struct KeyIndex {
    offsets: U32s,
    starts: U32s,
    bytes: &'static [u8],
    /// `first[p]..first[p + 1]`: the keys whose first two bytes are `p`
    /// (built at load in one pass): the binary search then spans a few
    /// hundred keys instead of 160k and touches far fewer cache lines.
    first: Vec<u32>,
}

/// The bucket of a key: its first two bytes.
fn prefix(k: &[u8]) -> usize {
    ((*k.first().unwrap_or(&0) as usize) << 8) | *k.get(1).unwrap_or(&0) as usize
}

impl KeyIndex {
    fn new(offsets: U32s, starts: U32s, bytes: &'static [u8]) -> KeyIndex {
        let mut ix = KeyIndex {
            offsets,
            starts,
            bytes,
            first: vec![0; (1 << 16) + 1],
        };
        // Keys are sorted, so each prefix is one run: count, then sum.
        for i in 0..ix.len() {
            let p = prefix(ix.key(i));
            ix.first[p + 1] += 1;
        }
        for p in 1..ix.first.len() {
            ix.first[p] += ix.first[p - 1];
        }
        ix
    }

    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    fn key(&self, i: usize) -> &'static [u8] {
        let (a, b) = (self.offsets.get(i) as usize, self.offsets.get(i + 1) as usize);
        self.bytes.get(a..b).unwrap_or(&[])
    }

    /// The range of refs of `key`, if indexed.
    pub fn find(&self, key: &str) -> Option<std::ops::Range<usize>> {
        let p = prefix(key.as_bytes());
        let (mut lo, mut hi) = match self.first.get(p..p + 2) {
            Some(r) => (r[0] as usize, r[1] as usize),
            None => (0, self.len()),
        };
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.key(mid).cmp(key.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    return Some(self.starts.get(mid) as usize..self.starts.get(mid + 1) as usize)
                }
            }
        }
        None
    }
}

/// A little-endian `u32` array used in place.
#[derive(Debug, Default)]
pub(crate) struct U32s(&'static [u8]);

impl U32s {
    fn len(&self) -> usize {
        self.0.len() / 4
    }
    fn get(&self, i: usize) -> u32 {
        self.0
            .get(i * 4..i * 4 + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .unwrap_or(0)
    }
}

/// A sorted little-endian `u64` array used in place.
#[derive(Debug, Default)]
pub(crate) struct U64s(&'static [u8]);

impl U64s {
    fn get(&self, i: usize) -> u64 {
        let mut x = [0u8; 8];
        if let Some(b) = self.0.get(i * 8..i * 8 + 8) {
            x.copy_from_slice(b);
        }
        u64::from_le_bytes(x)
    }

    pub fn contains(&self, h: u64) -> bool {
        let (mut lo, mut hi) = (0, self.0.len() / 8);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.get(mid).cmp(&h) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }
}

/// Decodes a compiled lexicon; a truncated or foreign file is an error.
pub(crate) fn read(bytes: &'static [u8]) -> Result<Decoded, LexiconError> {
    let mut r = R { b: bytes, pos: 0 };
    if r.take(8)? != MAGIC {
        return Err(bad("not a compiled warta lexicon (or an older layout)"));
    }
    let max_words = r.u32()? as usize;
    let n = r.u32()?;
    let mut countries = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let mut s = || r.string();
        let (iso2, iso3, cameo, fips, name_en, name_id, capital) = (s()?, s()?, s()?, s()?, s()?, s()?, s()?);
        countries.push(Country {
            iso2,
            iso3,
            cameo,
            fips,
            name_en,
            name_id,
            capital,
            geonameid: r.opt_u64()?,
            population: r.u64()?,
            point: Some((f64::from_bits(r.u64()?), f64::from_bits(r.u64()?))).filter(|p| !p.0.is_nan()),
        });
    }
    let n = r.u32()?;
    let mut forms = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let (form, iso3) = (r.string()?, r.string()?);
        let kind = match r.u8()? {
            0 => FormKind::Name,
            1 => FormKind::Capital,
            2 => FormKind::Seat,
            3 => FormKind::Demonym,
            _ => return Err(bad("unknown form kind")),
        };
        let place = r.opt_u32()?;
        forms.push(CountryForm {
            form,
            iso3,
            kind,
            place,
        });
    }
    let n = r.u32()?;
    let mut places = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let kind = match r.u8()? {
            0 => PlaceKind::City,
            1 => PlaceKind::Adm1,
            2 => PlaceKind::Adm2,
            3 => PlaceKind::Adm3,
            4 => PlaceKind::Region,
            _ => return Err(bad("unknown place kind")),
        };
        places.push(Place {
            kind,
            name: r.string()?,
            lat: f64::from_bits(r.u64()?),
            lon: f64::from_bits(r.u64()?),
            geonameid: r.opt_u64()?,
            iso3: r.string()?,
            admin1: r.string()?,
            population: r.u64()?,
            parent: r.opt_string()?,
            capital: r.u8()? != 0,
        });
    }
    let n = r.u32()?;
    let mut actors = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let name = r.string()?;
        let na = r.u32()?;
        let aliases = (0..na).map(|_| r.string()).collect::<Result<_, _>>()?;
        let kind = match r.u8()? {
            0 => EntityType::Per,
            1 => EntityType::Org,
            2 => EntityType::Loc,
            _ => return Err(bad("unknown actor type")),
        };
        let curated = r.u8()? != 0;
        let nr = r.u32()?;
        let mut roles = Vec::with_capacity(nr as usize);
        for _ in 0..nr {
            roles.push(ActorRole {
                code: r.string()?,
                from: r.date()?,
                until: r.date()?,
            });
        }
        actors.push(Actor {
            name,
            aliases,
            kind,
            roles,
            curated,
        });
    }
    let n = r.u32()?;
    let mut roles = Vec::with_capacity(n as usize);
    for _ in 0..n {
        roles.push(Role {
            word: r.string()?,
            code: r.string()?,
            label: r.string()?,
        });
    }
    let org_heads = r.pairs()?;
    let person_titles = r.pairs()?;
    let sports_words = r.pairs()?;
    let n = r.u32()?;
    let place_stopwords = (0..n).map(|_| r.string()).collect::<Result<_, _>>()?;
    let nkeys = r.u32()? as usize;
    let offsets = U32s(r.take(4 * (nkeys + 1))?);
    let starts = U32s(r.take(4 * (nkeys + 1))?);
    let bytes = r.take(offsets.get(nkeys) as usize)?;
    let nrefs = starts.get(nkeys) as usize;
    let raw = r.take(4 * nrefs)?;
    let refs = raw
        .chunks_exact(4)
        .map(|b| decode_ref(u32::from_le_bytes([b[0], b[1], b[2], b[3]])))
        .collect();
    let nexact = r.u32()? as usize;
    let exact = U64s(r.take(8 * nexact)?);
    if r.pos != r.b.len() {
        return Err(bad("trailing bytes"));
    }
    Ok(Decoded {
        max_words,
        countries,
        forms,
        places,
        actors,
        roles,
        org_heads,
        person_titles,
        sports_words,
        place_stopwords,
        keys: KeyIndex::new(offsets, starts, bytes),
        refs,
        exact,
    })
}

fn bad(message: &str) -> LexiconError {
    LexiconError {
        file: "lexicon.bin".to_string(),
        message: message.to_string(),
    }
}

struct R {
    b: &'static [u8],
    pos: usize,
}

impl R {
    fn take(&mut self, n: usize) -> Result<&'static [u8], LexiconError> {
        let s = self
            .b
            .get(self.pos..self.pos.saturating_add(n))
            .ok_or_else(|| bad("truncated"))?;
        self.pos += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, LexiconError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, LexiconError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, LexiconError> {
        let mut x = [0u8; 8];
        x.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(x))
    }
    fn opt_u64(&mut self) -> Result<Option<u64>, LexiconError> {
        Ok(Some(self.u64()?).filter(|&x| x != NONE64))
    }
    fn opt_u32(&mut self) -> Result<Option<u32>, LexiconError> {
        Ok(Some(self.u32()?).filter(|&x| x != NONE32))
    }
    fn string(&mut self) -> Result<String, LexiconError> {
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        std::str::from_utf8(b)
            .map(str::to_string)
            .map_err(|_| bad("invalid UTF-8"))
    }
    fn opt_string(&mut self) -> Result<Option<String>, LexiconError> {
        if self.b.get(self.pos..self.pos + 4) == Some(&NONE32.to_le_bytes()[..]) {
            self.pos += 4;
            return Ok(None);
        }
        self.string().map(Some)
    }
    fn date(&mut self) -> Result<Option<NaiveDate>, LexiconError> {
        match self.u32()? {
            NONE32 => Ok(None),
            d => NaiveDate::from_num_days_from_ce_opt(d as i32)
                .map(Some)
                .ok_or_else(|| bad("bad date")),
        }
    }
    fn pairs(&mut self) -> Result<Vec<(String, String)>, LexiconError> {
        let n = self.u32()?;
        (0..n).map(|_| Ok((self.string()?, self.string()?))).collect()
    }
}
