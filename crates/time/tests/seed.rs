//! The seed article (../shared/seed): publication date and times. Skips when
//! the shared data is absent.

use warta_core::{Document, PublishedDate, Stage};
use warta_time::{PublishedDateStage, TimeTagger};

#[test]
fn seed_article_gets_its_publication_date_and_times() {
    let Some(path) = warta_testdata::shared("seed/000_1ab9b96a3ef9a3a7.txt") else {
        return;
    };
    let text = std::fs::read_to_string(&path).expect("seed reads");
    let mut doc = Document::new("seed", text);
    PublishedDateStage::default().process(&mut doc).unwrap();
    assert_eq!(
        doc.published.map(|d| d.to_string()).as_deref(),
        Some("2022-06-13")
    );
    assert_eq!(doc.published_from, Some(PublishedDate::Text));
    TimeTagger::new().process(&mut doc).unwrap();
    let has = |text: &str, value: &str| {
        doc.times
            .iter()
            .filter(|t| t.text == text && t.value.as_deref() == Some(value))
            .count()
    };
    assert_eq!(has("Senin (13/6/2022)", "2022-06-13"), 2);
    assert_eq!(has("24 Februari lalu", "2022-02-24"), 2);
    assert_eq!(has("tahun 2019", "2019"), 1);
    assert_eq!(has("tahun 2014 lalu", "2014"), 1);
    assert_eq!(has("Hari Rusia", "2022-06-12"), 1);
    assert_eq!(has("baru-baru ini", "PAST_REF"), 1);
    assert_eq!(has("kini", "PRESENT_REF"), 1);
    for t in &doc.times {
        assert_eq!(&doc.text[t.span.range()], t.text);
    }
}
