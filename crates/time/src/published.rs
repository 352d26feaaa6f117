//! Publication-date detection for documents without metadata.

use crate::TimeTagger;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::OnceLock;
use warta_core::{Document, PublishedDate, Stage, StageError, TimeType};

/// How far into the text a dateline may sit (bytes): site prefix, place and
/// date (`JAKARTA, KOMPAS.com — Selasa (21/10/2025)`).
const DATELINE_BYTES: usize = 200;
/// How far into the text the first reporting clause is looked for.
const LEAD_BYTES: usize = 4000;

/// Sets `doc.published` when metadata did not (dateline, URL date, first
/// reporting clause, in that order).
///
/// A dateline is the publisher's own stamp, and a URL date is set by the
/// publisher's CMS; a date in a reporting clause (`seperti dikutip …, Senin
/// (13/6/2022)`) is usually the publication day but may be the day of a
/// quoted event, so it comes last.
#[derive(Debug, Default)]
pub struct PublishedDateStage {
    tagger: TimeTagger,
}

impl PublishedDateStage {
    /// The date this stage would infer, and where from.
    pub fn infer(&self, text: &str, url: Option<&str>) -> Option<(NaiveDate, PublishedDate)> {
        let head = &text[..floor_char_boundary(text, LEAD_BYTES)];
        let times = self.tagger.tag(head, None);
        let full_day = |t: &&warta_core::TimeExpr| {
            t.kind == TimeType::Date && t.value.as_deref().is_some_and(|v| v.len() == 10)
        };
        let parse =
            |t: &warta_core::TimeExpr| NaiveDate::parse_from_str(t.value.as_deref()?, "%Y-%m-%d").ok();
        if let Some(d) = times
            .iter()
            .filter(full_day)
            .find(|t| t.span.start < DATELINE_BYTES)
            .and_then(parse)
        {
            return Some((d, PublishedDate::Text));
        }
        if let Some(d) = url.and_then(date_from_url) {
            return Some((d, PublishedDate::Url));
        }
        // A reporting clause dates the report with the weekday: `Senin (13/6/2022)`.
        let weekday_led = |t: &&warta_core::TimeExpr| {
            let first = t.text.split([' ', ',', '(']).next().unwrap_or("").to_lowercase();
            self.tagger.is_weekday(&first)
        };
        times
            .iter()
            .filter(full_day)
            .find(weekday_led)
            .and_then(parse)
            .map(|d| (d, PublishedDate::Text))
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A date in a URL path: `/2022/06/13/`, `/20220613/`, `-20220613`.
pub fn date_from_url(url: &str) -> Option<NaiveDate> {
    static RES: OnceLock<[Regex; 2]> = OnceLock::new();
    let [slashed, compact] = RES.get_or_init(|| {
        [
            Regex::new(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?:/|$|\?)").expect("valid regex"),
            Regex::new(r"[/_-]((?:19|20)\d\d)(\d\d)(\d\d)(?:[/_.?-]|$)").expect("valid regex"),
        ]
    });
    for re in [slashed, compact] {
        for c in re.captures_iter(url) {
            let n = |k: usize| c.get(k).and_then(|m| m.as_str().parse::<u32>().ok());
            if let Some(d) = NaiveDate::from_ymd_opt(n(1)? as i32, n(2)?, n(3)?) {
                return Some(d);
            }
        }
    }
    None
}

impl Stage for PublishedDateStage {
    fn name(&self) -> &'static str {
        "published"
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        if doc.published.is_some() {
            return Ok(());
        }
        if let Some((d, from)) = self.infer(&doc.text, doc.source.url.as_deref()) {
            doc.published = Some(d);
            doc.published_from = Some(from);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn url_dates_in_common_layouts() {
        assert_eq!(
            date_from_url("https://www.suara.com/bisnis/2017/03/13/201620/x"),
            Some(d(2017, 3, 13))
        );
        assert_eq!(
            date_from_url("https://x.com/read/20220613/abc"),
            Some(d(2022, 6, 13))
        );
        assert_eq!(
            date_from_url("https://news.detik.com/berita/d-8171947/judul"),
            None
        );
        assert_eq!(date_from_url("https://x.com/2022/13/45/"), None);
    }

    #[test]
    fn dateline_date_is_the_publication_date() {
        let s = PublishedDateStage::default();
        let got = s.infer(
            "Jakarta, Selasa (21/10/2025) - Presiden berkata ...",
            Some("https://x.com/2025/10/20/a"),
        );
        assert_eq!(got, Some((d(2025, 10, 21), PublishedDate::Text)));
    }

    #[test]
    fn reporting_clause_date_when_there_is_no_dateline_or_url() {
        let s = PublishedDateStage::default();
        let text = format!(
            "{} kata Kim pada 2019, seperti dikutip KCNA, Senin (13/6/2022).",
            "Pemimpin Korea Utara menyampaikan dukungan. ".repeat(6)
        );
        assert_eq!(s.infer(&text, None), Some((d(2022, 6, 13), PublishedDate::Text)));
    }

    #[test]
    fn metadata_date_is_kept() {
        let mut doc = Document::new("a", "Jakarta, Selasa (21/10/2025) - Teks.");
        doc.published = Some(d(2020, 1, 1));
        doc.published_from = Some(PublishedDate::Metadata);
        PublishedDateStage::default().process(&mut doc).unwrap();
        assert_eq!(doc.published, Some(d(2020, 1, 1)));
        assert_eq!(doc.published_from, Some(PublishedDate::Metadata));
    }
}
