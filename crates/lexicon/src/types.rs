//! The records a lexicon holds.

use chrono::NaiveDate;
use warta_core::EntityType;

/// What kind of place an entry is; decides how trigger words
/// ("Kabupaten", "Kota", "Provinsi") and priors weigh it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// A GeoNames populated place.
    City,
    /// Indonesian province.
    Adm1,
    /// Indonesian regency (`Kabupaten …`) or city (`Kota …`).
    Adm2,
    /// Indonesian district (kecamatan).
    Adm3,
    /// Hand-listed region (Donbas, Gaza Strip, oblasts).
    Region,
}

/// A place in the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub kind: PlaceKind,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub geonameid: Option<u64>,
    /// ISO 3166 alpha-3, empty for seas and straits.
    pub iso3: String,
    /// Province/oblast name, or GeoNames' `CC.code` when no name is known.
    pub admin1: String,
    pub population: u64,
    /// For districts: the regency they lie in.
    pub parent: Option<String>,
    /// The national capital of its country (GeoNames' capital of the
    /// country): "Roma" is Rome, Italy before Rome, Georgia.
    pub capital: bool,
}

/// A country.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub iso2: String,
    pub iso3: String,
    /// CAMEO country code (ISO alpha-3 in CAMEO 1.1b3 for current states).
    pub cameo: String,
    /// GDELT's FIPS 10-4 code.
    pub fips: String,
    pub name_en: String,
    pub name_id: String,
    /// English name of the capital (GeoNames).
    pub capital: String,
    pub geonameid: Option<u64>,
    pub population: u64,
    /// (lat, lon) standing for the whole country: the town nearest the
    /// centre of its towns' 5th–95th percentile box (`scripts/build-data`
    /// says why); `None` where GeoNames lists no town (Antarctica).
    pub point: Option<(f64, f64)>,
}

/// How a country form names its country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// The country itself (Rusia, Korut, AS).
    Name,
    /// A capital that also stands for the state (Moskow, Pyongyang).
    Capital,
    /// A building or institution standing for the government (Kremlin).
    Seat,
    /// An English adjective of nationality ("Russian forces"): only codes
    /// role phrases, never a place of its own.
    Demonym,
}

/// One way of naming a country.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryForm {
    pub form: String,
    pub iso3: String,
    pub kind: FormKind,
    /// For capitals: index into [`crate::Lexicon::places`] of the city.
    pub place: Option<u32>,
}

/// One dated role of an actor.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorRole {
    /// CAMEO actor code (PRKGOV, IGOUNO, IDNMED).
    pub code: String,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl ActorRole {
    /// True when the role held on `date`.
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        !matches!(self.from, Some(f) if f > date) && !matches!(self.until, Some(u) if date > u)
    }
}

/// A person or organisation with CAMEO roles.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: EntityType,
    pub roles: Vec<ActorRole>,
    /// Hand-made entries outrank Phoenix ones for the same name.
    pub curated: bool,
}

impl Actor {
    /// The role valid on `date`: the latest-starting valid dated role, else
    /// an undated one, else the role that ended most recently before `date`.
    /// A role that starts after `date` is never used: nobody holds an office
    /// before taking it (Anies Baswedan was no opposition figure in 2020).
    /// An ended role still codes its former holder, as the Phoenix
    /// dictionaries do with their dated entries, because news keeps calling
    /// people by the office they left ("mantan Gubernur"); where a former
    /// holder's standing differs, `actors.tsv` carries a dated ELI role.
    pub fn role_on(&self, date: NaiveDate) -> Option<&ActorRole> {
        let valid = self.roles.iter().filter(|r| r.valid_on(date));
        if let Some(r) = valid.max_by_key(|r| (r.from.is_some() || r.until.is_some(), r.from)) {
            return Some(r);
        }
        self.roles
            .iter()
            .filter(|r| matches!(r.until, Some(u) if u < date))
            .max_by_key(|r| r.until)
    }

    /// The one country all of the actor's roles belong to (the first three
    /// letters of every code agree), kept even when no role fits the date.
    pub fn country(&self) -> Option<&str> {
        let mut codes = self.roles.iter().filter_map(|r| r.code.get(..3));
        let first = codes.next()?;
        codes.all(|c| c == first).then_some(first)
    }
}

/// A role word ("pasukan" → MIL).
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub word: String,
    /// CAMEO role suffix: MIL, GOV, CVL, REB, COP, LEG, JUD, MED, OPP.
    pub code: String,
    /// English label used in canonical names ("forces").
    pub label: String,
}
