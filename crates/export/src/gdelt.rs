//! GDELT 2.0 Events and Mentions rows (`gdelt_event_cookbook.md` in
//! `../shared/data/events/cameo/` describes every column).

use crate::{event_id, exported};
use chrono::{Datelike, NaiveDate};
use warta_core::{Document, Event, EventActor, EventPlace};
use warta_lexicon::Lexicon;

/// The 61 columns of a GDELT 2.0 Events row, in order.
pub const EVENT_HEADER: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The 16 columns of a GDELT 2.0 Mentions row, in order.
pub const MENTION_HEADER: [&str; 16] = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// Group codes written where a country would be (`IGOUNO`: the UN).
const GROUPS: &[&str] = &["IGO", "NGO", "MNC", "INT", "UIS"];

/// The actor columns: Code, Name, CountryCode, KnownGroupCode, EthnicCode,
/// Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code.
fn actor_columns(lex: &Lexicon, a: Option<&EventActor>) -> [String; 10] {
    let mut out: [String; 10] = Default::default();
    let Some(a) = a else { return out };
    out[1] = a.name.to_uppercase();
    let Some(code) = a.code.as_deref() else { return out };
    out[0] = code.to_string();
    let mut rest = code;
    if code.len() >= 3 && lex.country(&code[..3]).is_some() {
        out[2] = code[..3].to_string();
        rest = &code[3..];
    } else if code.len() >= 6 && GROUPS.contains(&&code[..3]) {
        out[3] = code[3..6].to_string();
        out[7] = code[..3].to_string();
        rest = &code[6..];
    }
    let types: Vec<&str> = (0..rest.len() / 3).map(|i| &rest[3 * i..3 * i + 3]).collect();
    let first_type = if out[7].is_empty() { 7 } else { 8 };
    for (slot, t) in (first_type..10).zip(types) {
        out[slot] = t.to_string();
    }
    out
}

/// The 8 geo columns: Type, FullName, CountryCode (FIPS), ADM1Code,
/// ADM2Code, Lat, Long, FeatureID. Type: 1 country, 4 world city,
/// 5 world first-level division (3 and 2 for US cities and states).
fn geo_columns(lex: &Lexicon, p: Option<&EventPlace>) -> [String; 8] {
    let mut out: [String; 8] = Default::default();
    let Some(p) = p else {
        out[0] = "0".to_string();
        return out;
    };
    let g = &p.geo;
    let fips = g
        .country
        .as_deref()
        .and_then(|c| lex.country(c))
        .map(|c| c.fips.clone())
        .unwrap_or_default();
    let country_name = g
        .country
        .as_deref()
        .and_then(|c| lex.country(c))
        .map(|c| c.name_en.clone());
    let us = g.country.as_deref() == Some("USA");
    let (kind, full) = match (g.geonameid, &g.admin1) {
        (None, None) => (1, g.name.clone()),
        (None, Some(_)) => (
            if us { 2 } else { 5 },
            join(&[Some(&g.name), country_name.as_ref()]),
        ),
        (Some(_), a1) => (
            if us { 3 } else { 4 },
            join(&[Some(&g.name), a1.as_ref(), country_name.as_ref()]),
        ),
    };
    out[0] = kind.to_string();
    out[1] = full;
    out[2] = fips.clone();
    out[3] = fips.clone();
    out[5] = format!("{:.4}", g.lat);
    out[6] = format!("{:.4}", g.lon);
    out[7] = g.geonameid.map_or(fips, |id| id.to_string());
    out
}

fn join(parts: &[Option<&String>]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for p in parts.iter().flatten() {
        if !seen.contains(&p.as_str()) {
            seen.push(p);
        }
    }
    seen.join(", ")
}

/// The day an event is filed under: its own date when the article gives
/// the day, else the publication date.
fn event_day(doc: &Document, e: &Event) -> Option<NaiveDate> {
    e.date
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok())
        .or(doc.published)
}

fn source_url(doc: &Document) -> String {
    doc.source
        .url
        .clone()
        .or_else(|| doc.source.input.clone())
        .unwrap_or_else(|| doc.id.clone())
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// One Events row per exported event of `doc`.
pub fn event_rows(lex: &Lexicon, doc: &Document, all: bool) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for (i, e) in exported(doc, all) {
        let mut r: Vec<String> = Vec::with_capacity(61);
        r.push(event_id(&doc.id, doc.source.input.as_deref(), i).to_string());
        match event_day(doc, e) {
            Some(d) => {
                r.push(d.format("%Y%m%d").to_string());
                r.push(d.format("%Y%m").to_string());
                r.push(d.year().to_string());
                r.push(format!(
                    "{:.4}",
                    f64::from(d.year()) + f64::from(d.ordinal()) / 365.0
                ));
            }
            None => r.extend(std::iter::repeat_n(String::new(), 4)),
        }
        r.extend(actor_columns(lex, e.source.as_ref()));
        r.extend(actor_columns(lex, e.target.as_ref()));
        r.push(if e.sentence == 0 { "1" } else { "0" }.to_string());
        r.push(e.cameo.clone());
        r.push(e.cameo.get(..3).unwrap_or(&e.cameo).to_string());
        r.push(e.cameo.get(..2).unwrap_or(&e.cameo).to_string());
        r.push(e.quad_class.to_string());
        r.push(format!("{:.1}", e.goldstein));
        r.extend(["1", "1", "1", ""].map(str::to_string));
        // Actor geography is not resolved separately: blank (type 0).
        r.extend(geo_columns(lex, None));
        r.extend(geo_columns(lex, None));
        r.extend(geo_columns(lex, e.location.as_ref()));
        r.push(
            doc.published
                .map(|d| d.format("%Y%m%d000000").to_string())
                .unwrap_or_default(),
        );
        r.push(source_url(doc));
        rows.push(r.iter().map(|c| clean(c)).collect());
    }
    rows
}

/// One Mentions row per exported event of `doc`: where in the article
/// (sentence, code-point offsets) each event was found.
pub fn mention_rows(doc: &Document, all: bool) -> Vec<Vec<String>> {
    let idx = warta_core::CharIndex::new(&doc.text);
    let stamp = doc
        .published
        .map(|d| d.format("%Y%m%d000000").to_string())
        .unwrap_or_default();
    let url = source_url(doc);
    let web = url.starts_with("http://") || url.starts_with("https://");
    let site = doc.source.site.clone().unwrap_or_default();
    let off = |a: &Option<EventActor>| {
        a.as_ref()
            .map_or(String::new(), |a| idx.char_of(a.span.start).to_string())
    };
    let mut rows = Vec::new();
    for (i, e) in exported(doc, all) {
        let r = vec![
            event_id(&doc.id, doc.source.input.as_deref(), i).to_string(),
            stamp.clone(),
            stamp.clone(),
            if web { "1" } else { "2" }.to_string(),
            site.clone(),
            url.clone(),
            (e.sentence + 1).to_string(),
            off(&e.source),
            off(&e.target),
            idx.char_of(e.trigger.span.start).to_string(),
            "1".to_string(),
            // Confidence: 100 for an asserted act, 50 for a reported one.
            if e.modality == warta_core::Modality::Asserted {
                "100"
            } else {
                "50"
            }
            .to_string(),
            doc.text.chars().count().to_string(),
            String::new(),
            String::new(),
            String::new(),
        ];
        rows.push(r.iter().map(|c| clean(c)).collect());
    }
    rows
}
