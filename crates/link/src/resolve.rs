//! Choosing one gazetteer entry for an ambiguous place name.

use crate::context::Context;
use warta_core::Geo;
use warta_lexicon::{Country, Lexicon, Place, PlaceKind};

/// Trigger words that say what kind of place follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trigger {
    None,
    /// kota, city
    City,
    /// kabupaten, kab
    Regency,
    /// provinsi, prov, oblast, wilayah, negara bagian
    Province,
    /// kecamatan, distrik
    District,
    /// di, ke, dari, in: a place follows but of no particular kind
    Locative,
}

pub(crate) fn trigger_of(norm: &str) -> Trigger {
    match norm {
        "kota" | "city" | "kotamadya" => Trigger::City,
        "kabupaten" | "kab" | "regency" => Trigger::Regency,
        "provinsi" | "prov" | "oblast" | "wilayah" | "province" | "region" | "daerah" | "kawasan"
        | "negeri" | "state" => Trigger::Province,
        "kecamatan" | "distrik" | "district" => Trigger::District,
        "di" | "ke" | "dari" | "in" | "at" | "from" | "to" | "near" | "dekat" | "menuju" | "sekitar" => {
            Trigger::Locative
        }
        _ => Trigger::None,
    }
}

/// The best-scoring place among `cands` (indices into `lex.places`), with
/// its score. `exact` says which candidates matched by their main name.
pub(crate) fn best_place(
    lex: &Lexicon,
    cands: &[u32],
    mention: &str,
    trigger: Trigger,
    ctx: &Context,
) -> Option<(u32, f64)> {
    // Exact spelling (before transliteration folding) breaks ties between
    // Makassar (Sulawesi) and Makasar (Jakarta).
    let key = warta_lexicon::normalize(mention);
    cands
        .iter()
        .map(|&i| (i, score(&lex.places[i as usize], &key, trigger, ctx)))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
}

fn score(p: &Place, key: &str, trigger: Trigger, ctx: &Context) -> f64 {
    let mut s = ((p.population as f64) + 10.0).log10();
    s += ctx.country_weight(&p.iso3);
    if p.parent.as_ref().is_some_and(|r| ctx.regencies.contains_key(r)) {
        s += 4.0;
    }
    if let Some(n) = ctx.admin1.get(&p.admin1) {
        s += 1.5 + (*n as f64).ln();
    }
    if p.capital {
        s += 1.0;
    }
    if ctx.local_id && p.iso3 == "IDN" {
        s += 1.0;
    }
    if warta_lexicon::normalize(&p.name) == key {
        s += 1.0;
    }
    let is_kota = p.name.starts_with("Kota ");
    s += match (p.kind, trigger) {
        // Hand-listed regions are the famous ones (Asia, Donbas, Gaza):
        // they outrank small homonymous towns (Asia, Philippines).
        (PlaceKind::Region, Trigger::Province) => 8.0,
        (PlaceKind::Region, _) => 5.0,
        (PlaceKind::Adm1, Trigger::Province) => 6.0,
        (PlaceKind::Adm1, _) => 2.5,
        (PlaceKind::Adm2, Trigger::Regency) if !is_kota => 8.0,
        (PlaceKind::Adm2, Trigger::City) if is_kota => 8.0,
        (PlaceKind::Adm2, Trigger::Regency | Trigger::City) => -2.0,
        // A bare "Sukabumi", "Bogor" names the city more often than the
        // regency around it.
        (PlaceKind::Adm2, _) if is_kota => 0.5,
        (PlaceKind::Adm2, _) => -0.5,
        (PlaceKind::City, Trigger::City) => 2.0,
        (PlaceKind::City, Trigger::Regency) => -1.0,
        (PlaceKind::City, _) => 0.0,
        (PlaceKind::Adm3, Trigger::District) => 8.0,
        (PlaceKind::Adm3, _) => -4.0,
    };
    s
}

/// The output record for a place.
pub(crate) fn geo_of(p: &Place) -> Geo {
    Geo {
        name: p.name.clone(),
        lat: p.lat,
        lon: p.lon,
        geonameid: p.geonameid,
        country: (!p.iso3.is_empty()).then(|| p.iso3.clone()),
        admin1: (!p.admin1.is_empty()).then(|| p.admin1.clone()),
    }
}

/// The output record for a country named as a whole ("Rusia"): its derived
/// point (see [`warta_lexicon::Country::point`]), no GeoNames id (the point
/// is not a GeoNames feature) and no admin1.
pub(crate) fn country_geo(c: &Country) -> Option<Geo> {
    let (lat, lon) = c.point?;
    Some(Geo {
        name: c.name_en.clone(),
        lat,
        lon,
        geonameid: None,
        country: Some(c.iso3.clone()),
        admin1: None,
    })
}
