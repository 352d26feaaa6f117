//! `warta eval places FILE…`: place-resolution accuracy on hand-labelled
//! mentions.
//!
//! Gold lines (TSV, `#` comments): `article_id  published  mention  context
//! gold_iso3  gold_lat  gold_lon  note`. The context is a short excerpt
//! (≤ 10 words) holding the mention; the linker runs on it as a document
//! dated `published`, with the mention given as a LOC entity (as the NER
//! would), and the resolved country and coordinates are compared with the
//! gold ones. Empty gold coordinates (countries, regions) count for country
//! accuracy only.

use crate::cli::CliError;
use crate::Linker;
use chrono::NaiveDate;
use std::fmt::Write;
use std::path::PathBuf;
use warta_core::{Document, Entity, EntityType, Language, Span, Stage};
use warta_lexicon::Lexicon;

/// One gold mention.
struct Gold {
    line: usize,
    published: Option<NaiveDate>,
    mention: String,
    context: String,
    iso3: String,
    coords: Option<(f64, f64)>,
}

fn parse(path: &std::path::Path, text: &str) -> Result<Vec<Gold>, CliError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        let bad = |m: &str| -> CliError { format!("{}:{}: {m}", path.display(), i + 1).into() };
        if f.len() < 7 {
            return Err(bad(
                "expected 7 tab-separated columns (id, published, mention, context, iso3, lat, lon)",
            ));
        }
        if !f[3].contains(f[2]) {
            return Err(bad(&format!("context does not contain the mention `{}`", f[2])));
        }
        let coords = match (f[5], f[6]) {
            ("", "") => None,
            (a, b) => Some((
                a.parse().map_err(|_| bad("bad latitude"))?,
                b.parse().map_err(|_| bad("bad longitude"))?,
            )),
        };
        out.push(Gold {
            line: i + 1,
            published: NaiveDate::parse_from_str(f[1], "%Y-%m-%d").ok(),
            mention: f[2].to_string(),
            context: f[3].to_string(),
            iso3: f[4].to_string(),
            coords,
        });
    }
    Ok(out)
}

/// Great-circle distance in km.
pub(crate) fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

pub(crate) fn run(files: &[PathBuf]) -> Result<String, CliError> {
    if files.is_empty() {
        return Err("usage: warta eval places GOLD.tsv… (see data/eval/places-detik.tsv)".into());
    }
    let linker = Linker::new(Lexicon::load_default()?);
    let mut out = String::new();
    for path in files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let gold = parse(path, &text)?;
        let (mut n, mut country_ok, mut with_coords, mut near_ok, mut found) = (0, 0, 0, 0, 0);
        let mut misses = Vec::new();
        for g in &gold {
            let mut doc = Document::new(format!("line{}", g.line), g.context.clone());
            doc.published = g.published;
            doc.language = Some(Language {
                code: "id".into(),
                confidence: 1.0,
            });
            let start = g.context.find(&g.mention).unwrap_or(0);
            let span = Span::new(start, start + g.mention.len());
            doc.entities
                .push(Entity::new(span, g.mention.clone(), EntityType::Loc));
            linker.process(&mut doc)?;
            let e = doc.entities.iter().find(|e| e.span == span);
            n += 1;
            let got_country = e.and_then(|e| e.country.clone()).unwrap_or_default();
            let got_geo = e.and_then(|e| e.geo.as_ref()).map(|g| (g.lat, g.lon));
            if e.is_some_and(|e| e.country.is_some() || e.geo.is_some()) {
                found += 1;
            }
            let c_ok = got_country == g.iso3;
            country_ok += c_ok as usize;
            let mut d_ok = true;
            if let Some(gc) = g.coords {
                with_coords += 1;
                d_ok = got_geo.is_some_and(|p| km(p, gc) <= 25.0);
                near_ok += d_ok as usize;
            }
            if !c_ok || !d_ok {
                let dist = match (got_geo, g.coords) {
                    (Some(p), Some(gc)) => format!("{:.0} km off", km(p, gc)),
                    (None, Some(_)) => "no coordinates".to_string(),
                    _ => String::new(),
                };
                misses.push(format!(
                    "  line {}: {} → {} (gold {}) {}",
                    g.line,
                    g.mention,
                    e.and_then(|e| e.canonical.clone())
                        .unwrap_or_else(|| "unlinked".into()),
                    g.iso3,
                    dist
                ));
            }
        }
        let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
        writeln!(out, "places: {}", path.display())?;
        writeln!(out, "  mentions: {n}; linked: {found} ({:.1}%)", pct(found, n))?;
        writeln!(
            out,
            "  country accuracy: {country_ok}/{n} = {:.1}%",
            pct(country_ok, n)
        )?;
        writeln!(
            out,
            "  within 25 km: {near_ok}/{with_coords} = {:.1}%",
            pct(near_ok, with_coords)
        )?;
        if !misses.is_empty() {
            writeln!(out, "  errors:")?;
            for m in &misses {
                writeln!(out, "{m}")?;
            }
        }
    }
    Ok(out)
}
