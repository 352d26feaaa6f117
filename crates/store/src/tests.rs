use super::*;
use warta_core::EntityType;

fn doc(text: &str, url: Option<&str>) -> Document {
    let mut d = warta_testdata::segmented_doc(
        text,
        &[(
            "Joko Widodo",
            EntityType::Per,
            Some("Joko Widodo"),
            Some("IDNGOV"),
        )],
    );
    d.source.url = url.map(str::to_string);
    d.title = Some("Presiden bertemu menteri".into());
    d.published = chrono::NaiveDate::from_ymd_opt(2024, 3, 5);
    d
}

#[test]
fn the_same_article_is_stored_once_and_found_by_its_words_and_names() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let a = doc(
        "Presiden Joko Widodo bertemu para menteri di Istana Bogor.",
        Some("https://x.id/1"),
    );
    assert_eq!(s.put_article(&a).unwrap(), Put::Stored);
    assert_eq!(s.put_article(&a).unwrap(), Put::AlreadyPresent);
    // the same text at another address is another article
    let b = doc(
        "Presiden Joko Widodo bertemu para menteri di Istana Bogor.",
        Some("https://y.id/2"),
    );
    assert_eq!(s.put_article(&b).unwrap(), Put::Stored);
    s.commit().unwrap();
    let c = s.counts().unwrap();
    assert_eq!((c.articles, c.entities), (2, 2));
    let hits = s
        .search(&Search {
            text: Some("istana".into()),
            limit: 10,
            ..Search::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 2);
    assert!(hits[0].snippet.contains("[Istana]"), "{}", hits[0].snippet);
    let by_date = s
        .search(&Search {
            text: Some("widodo".into()),
            from: Some("2024-03-06".into()),
            limit: 10,
            ..Search::default()
        })
        .unwrap();
    assert!(by_date.is_empty());
    let json = s.document_json(&hits[0].id).unwrap().expect("stored document");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["entities"][0]["actor_code"], "IDNGOV");
}

#[test]
fn rejects_are_kept_and_bad_search_text_is_the_users_error() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    s.put_reject("broken.html", None, "not UTF-8 at byte 3").unwrap();
    s.commit().unwrap();
    assert_eq!(s.counts().unwrap().rejects, 1);
    let err = s
        .search(&Search {
            text: Some("\"unclosed".into()),
            limit: 10,
            ..Search::default()
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err}");
}

#[test]
fn a_database_file_keeps_its_articles_and_schema_version_across_opens() {
    let dir = std::env::temp_dir().join(format!("warta-store-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("t.db");
    let _ = std::fs::remove_file(&path);
    {
        let mut s = SqliteStore::open(&path).unwrap();
        s.put_article(&doc("Presiden Joko Widodo meresmikan jalan tol.", None))
            .unwrap();
    } // dropped: the open batch is committed
    let s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.counts().unwrap().articles, 1);
    let v: i64 = s
        .conn_for_tests()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v as usize, schema::MIGRATIONS.len());
    drop(s);
    std::fs::remove_dir_all(&dir).unwrap();
}
