use super::*;
use crate::StoryQuery;
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
    // the second is a copy of the first: listed once, with its copy counted
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].copies, 1);
    assert!(hits[0].snippet.contains("[Istana]"), "{}", hits[0].snippet);
    let all = s
        .search(&Search {
            text: Some("istana".into()),
            include_copies: true,
            limit: 10,
            ..Search::default()
        })
        .unwrap();
    assert_eq!(all.len(), 2);
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
        .conn()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v as usize, schema::MIGRATIONS.len());
    drop(s);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Three copies of a story as they appear in the wild: a spam blog's
/// (site prefix, comment footer, no address), a re-post with a new title
/// and one paragraph dropped, and a light rewrite (sentences of each
/// paragraph in another order, a few words changed).
fn copies_of(text: &str, i: usize) -> [String; 3] {
    let paras: Vec<&str> = text.split('\n').filter(|p| !p.trim().is_empty()).collect();
    let spam = format!(
        "BeritaViral{i} - {}\n\nTinggalkan komentar Anda. Bagikan ke teman!",
        paras.join("\n")
    );
    let dropped: Vec<&str> = paras
        .iter()
        .enumerate()
        .filter(|(k, _)| paras.len() < 3 || *k != 1)
        .map(|(_, p)| *p)
        .collect();
    let reworded: Vec<String> = paras
        .iter()
        .map(|p| {
            let mut sentences: Vec<&str> = p.split(". ").collect();
            sentences.reverse();
            sentences
                .join(". ")
                .replace(" mengatakan ", " menyampaikan ")
                .replace(" tidak ", " tak ")
        })
        .collect();
    [spam, dropped.join("\n"), reworded.join("\n")]
}

fn plain(text: &str, url: Option<String>, published: Option<&str>) -> Document {
    let mut d = Document::new("t", text);
    d.source.url = url;
    d.published = published.and_then(|p| chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
    d
}

/// Every row points at a stored article, story, event or signature: the
/// store declares its foreign keys but does not enforce them while writing.
fn assert_keys_hold(s: &SqliteStore) {
    let broken: Vec<(String, i64)> = s
        .conn()
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(broken.is_empty(), "{broken:?}");
}

fn canonical_of(s: &SqliteStore, id: &str) -> String {
    s.conn()
        .query_row(
            "SELECT canonical_id FROM copies WHERE article_id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()
        .unwrap()
        .unwrap_or_else(|| id.to_string())
}

use rusqlite::OptionalExtension;

#[test]
fn copies_join_their_original_which_stays_canonical() {
    let story = (0..30)
        .map(|i| format!("Paragraf {i}: Kepolisian daerah memeriksa {i} saksi terkait kasus dana desa di kabupaten itu. Kepala desa mengatakan tidak tahu."))
        .collect::<Vec<_>>()
        .join("\n");
    let other = (0..30)
        .map(|i| format!("Paragraf {i}: Tim nasional berlatih di stadion sejak pagi hari menjelang laga ke-{i}. Pelatih mengatakan pemain siap."))
        .collect::<Vec<_>>()
        .join("\n");
    let mut s = SqliteStore::open_in_memory().unwrap();
    // the spam copy arrives first; the original, published earlier, later
    let [spam, dropped, reworded] = copies_of(&story, 1);
    let spam = plain(&spam, None, Some("2024-03-06"));
    s.put_article(&spam).unwrap();
    s.put_article(&plain(&other, Some("https://x.id/b".into()), Some("2024-03-05")))
        .unwrap();
    let original = plain(&story, Some("https://x.id/a".into()), Some("2024-03-05"));
    s.put_article(&original).unwrap();
    s.put_article(&plain(
        &dropped,
        Some("https://y.id/c".into()),
        Some("2024-03-06"),
    ))
    .unwrap();
    s.put_article(&plain(
        &reworded,
        Some("https://z.id/d".into()),
        Some("2024-03-07"),
    ))
    .unwrap();
    s.commit().unwrap();
    let orig_id = article_id(&original);
    let group: i64 = s
        .conn()
        .query_row(
            "SELECT count(*) FROM copies WHERE canonical_id = ?1",
            [&orig_id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        group, 3,
        "spam, dropped and reworded copies point to the original"
    );
    assert_eq!(canonical_of(&s, &article_id(&spam)), orig_id);
    let unrelated: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM copies WHERE similarity < 0.5", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(unrelated, 0);
}

/// Copy groups found on real news: Detik development articles (first 300)
/// with three synthetic copies of every fifth. Scored on pairs of articles
/// put in one group.
#[test]
fn copies_of_real_news_are_found_without_false_merges() {
    let Some(arts) = warta_testdata::detik_articles() else {
        return;
    };
    let mut s = SqliteStore::open_in_memory().unwrap();
    let mut truth: Vec<(String, usize)> = Vec::new(); // (id, story)
    let mut synthetic: std::collections::HashSet<String> = Default::default();
    // Detik itself re-posts some stories (a regional site with a new
    // title): those have no gold, so articles with a near-copy among the
    // others (exact shingle Jaccard ≥ 0.3) are left out of the scoring.
    let texts: Vec<&str> = arts.iter().take(300).map(|a| a.text.as_str()).collect();
    let sets: Vec<_> = texts.iter().map(|t| warta_dedup::shingles(t)).collect();
    let repeated: std::collections::HashSet<usize> = (0..sets.len())
        .filter(|&i| {
            (0..sets.len()).any(|j| {
                i != j && {
                    let inter = sets[i].intersection(&sets[j]).count();
                    inter as f64 / (sets[i].len() + sets[j].len() - inter).max(1) as f64 >= 0.3
                }
            })
        })
        .collect();
    for (k, a) in arts.iter().take(300).enumerate() {
        if repeated.contains(&k) {
            continue;
        }
        let d = plain(&a.text, Some(a.url.clone()), Some("2025-10-01"));
        if s.put_article(&d).unwrap() == Put::Stored {
            truth.push((article_id(&d), k));
        }
        if k % 5 == 0 {
            for (n, c) in copies_of(&a.text, k).iter().enumerate() {
                let url = (n > 0).then(|| format!("https://copy{n}.example/{k}"));
                let d = plain(c, url, Some("2025-10-02"));
                if s.put_article(&d).unwrap() == Put::Stored {
                    truth.push((article_id(&d), k));
                    synthetic.insert(article_id(&d));
                }
            }
        }
    }
    s.commit().unwrap();
    assert_keys_hold(&s);
    let group: std::collections::HashMap<&str, String> = truth
        .iter()
        .map(|(id, _)| (id.as_str(), canonical_of(&s, id)))
        .collect();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (i, (a, sa)) in truth.iter().enumerate() {
        for (b, sb) in &truth[i + 1..] {
            let same_group = group[a.as_str()] == group[b.as_str()];
            match (sa == sb, same_group) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                _ => {}
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    eprintln!(
        "{} articles ({} left out as Detik's own re-posts), {} synthetic copies; copy pairs: {tp} found, {fp} false, {fn_} missed: precision {p:.3}, recall {r:.3}",
        truth.len() - synthetic.len(),
        repeated.len(),
        synthetic.len()
    );
    assert!(r >= 0.98, "recall {r:.3}");
    assert!(p >= 0.98, "precision {p:.3}");
}

/// A dated article from `site` with linked entities.
fn reported(
    text: &str,
    title: &str,
    site: &str,
    date: (i32, u32, u32),
    ents: &[(&str, EntityType, Option<&str>, Option<&str>)],
) -> Document {
    let mut d = warta_testdata::segmented_doc(text, ents);
    d.id = format!("{site}:{title}");
    d.title = Some(title.into());
    d.source.site = Some(site.into());
    d.source.url = Some(format!("https://{site}/{}", title.replace(' ', "-")));
    d.published = chrono::NaiveDate::from_ymd_opt(date.0, date.1, date.2);
    d
}

fn story_of(s: &SqliteStore, name: &str) -> i64 {
    s.stories_by_document_id().unwrap()[name]
}

#[test]
fn two_outlets_reports_of_one_arrest_make_one_story_and_other_news_does_not_join() {
    use EntityType::*;
    let arrest = [
        ("KPK", Org, Some("Komisi Pemberantasan Korupsi"), Some("IDNJUD")),
        ("Sidoarjo", Loc, Some("Sidoarjo"), None),
        (
            "Ahmad Muhdlor Ali",
            Per,
            Some("Ahmad Muhdlor Ali"),
            Some("IDNGOV"),
        ),
    ];
    let mut s = SqliteStore::open_in_memory().unwrap();
    let a = reported(
        "KPK menahan Bupati Sidoarjo Ahmad Muhdlor Ali setelah pemeriksaan sebagai tersangka korupsi insentif pegawai.",
        "KPK tahan Bupati Sidoarjo Ahmad Muhdlor Ali",
        "kompas.com",
        (2024, 5, 7),
        &arrest,
    );
    let b = reported(
        "Juru bicara KPK mengatakan Bupati Sidoarjo Ahmad Muhdlor Ali ditahan 20 hari pertama di rutan.",
        "Bupati Sidoarjo Ahmad Muhdlor Ali resmi ditahan",
        "detik.com",
        (2024, 5, 8),
        &arrest,
    );
    let flood = reported(
        "Banjir setinggi satu meter merendam permukiman di Jakarta Selatan.",
        "Banjir rendam Jakarta Selatan",
        "detik.com",
        (2024, 5, 7),
        &[("Jakarta Selatan", Loc, Some("Jakarta Selatan"), None)],
    );
    // the same names a month later: another happening; undated (not a
    // copy): no window to cluster in
    let later = reported(
        "KPK memeriksa Bupati Sidoarjo Ahmad Muhdlor Ali sebagai saksi dalam perkara lain.",
        "KPK periksa Bupati Sidoarjo Ahmad Muhdlor Ali sebagai saksi",
        "tempo.co",
        (2024, 6, 20),
        &arrest,
    );
    let mut undated = reported(
        "Menurut KPK, pemimpin daerah Sidoarjo Ahmad Muhdlor Ali kini mendekam di tahanan.",
        "Tanpa tanggal",
        "blog.example",
        (2024, 5, 7),
        &arrest,
    );
    undated.published = None;
    for d in [&a, &flood, &b, &later, &undated] {
        assert_eq!(s.put_article(d).unwrap(), Put::Stored);
    }
    s.commit().unwrap();
    assert_keys_hold(&s);
    let story = story_of(&s, &a.id);
    assert_eq!(story_of(&s, &b.id), story);
    for other in [&flood, &later, &undated] {
        assert_ne!(story_of(&s, &other.id), story, "{}", other.id);
    }
    let listed = s
        .stories(&StoryQuery {
            min_articles: 2,
            limit: 10,
            ..StoryQuery::default()
        })
        .unwrap();
    assert_eq!(listed.len(), 1);
    let st = &listed[0];
    assert_eq!((st.id, st.articles, st.sources), (story, 2, 2));
    assert_eq!(
        st.title.as_deref(),
        Some("KPK tahan Bupati Sidoarjo Ahmad Muhdlor Ali")
    );
    assert_eq!(
        (st.first_published.as_deref(), st.last_published.as_deref()),
        (Some("2024-05-07"), Some("2024-05-08"))
    );
    // the story filter of search lists exactly its articles
    let hits = s
        .search(&Search {
            story: Some(story),
            limit: 10,
            ..Search::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 2);
    assert_eq!(s.counts().unwrap().stories, 4);
}

#[test]
fn events_are_listed_a_page_at_a_time_and_counted_by_day_and_type() {
    use crate::{CountBy, EventQuery};
    let mut s = SqliteStore::open_in_memory().unwrap();
    let conn = s.conn();
    // three events by hand, as ingest files them
    for (plover, cameo, src, day, lat) in [
        ("ASSAULT", "190", "RUSMIL", "2022-06-20", 48.9),
        ("SUPPORT", "051", "PRKGOV", "2022-06-20", 39.0),
        ("ASSAULT", "195", "RUSMIL", "2022-06-21", 48.95),
    ] {
        conn.execute(
            "INSERT INTO events (plover, cameo, quad_class, goldstein, source_code, modality, day, lat, lon)
             VALUES (?1, ?2, 4, -10, ?3, 'asserted', ?4, ?5, 38.5)",
            rusqlite::params![plover, cameo, src, day, lat],
        )
        .unwrap();
    }
    let page = |after: Option<i64>| {
        s.events(&EventQuery {
            after,
            limit: 2,
            ..EventQuery::default()
        })
        .unwrap()
    };
    let first = page(None);
    assert_eq!(first.iter().map(|e| e.id).collect::<Vec<_>>(), [1, 2]);
    let second = page(Some(first[1].id));
    assert_eq!(second.iter().map(|e| e.id).collect::<Vec<_>>(), [3]);
    // filters: type, actor prefix, a box around Sievierodonetsk, a period
    let q = EventQuery {
        plover: Some("assault".into()),
        actor: Some("RUS".into()),
        bbox: Some([38.0, 48.5, 39.0, 49.0]),
        from: Some("2022-06-21".into()),
        limit: 10,
        ..EventQuery::default()
    };
    assert_eq!(
        s.events(&q)
            .unwrap()
            .iter()
            .map(|e| e.cameo.as_str())
            .collect::<Vec<_>>(),
        ["195"]
    );
    let by_day = s.event_counts(&EventQuery::default(), CountBy::Day).unwrap();
    let cells: Vec<(Option<&str>, &str, u64)> = by_day
        .iter()
        .map(|c| (c.period.as_deref(), c.plover.as_str(), c.events))
        .collect();
    assert_eq!(
        cells,
        [
            (Some("2022-06-20"), "ASSAULT", 1),
            (Some("2022-06-20"), "SUPPORT", 1),
            (Some("2022-06-21"), "ASSAULT", 1)
        ]
    );
    let by_type = s.event_counts(&EventQuery::default(), CountBy::Type).unwrap();
    assert_eq!(by_type.iter().map(|c| c.events).sum::<u64>(), 3);
    s.commit().unwrap();
}

#[test]
fn actors_links_and_places_are_counted_from_events_with_their_quad_class() {
    use crate::EventQuery;
    let s = SqliteStore::open_in_memory().unwrap();
    for (src, tgt, quad, lat) in [
        (Some("Vladimir Putin"), Some("Ukraina"), 4, Some(48.95)),
        (Some("Vladimir Putin"), Some("Ukraina"), 3, Some(48.95)),
        (Some("Kim Jong Un"), Some("Vladimir Putin"), 1, None),
        (None, Some("Ukraina"), 4, Some(50.45)),
    ] {
        s.conn()
            .execute(
                "INSERT INTO events (plover, cameo, quad_class, goldstein, source_name, target_name, modality, location, lat, lon)
                 VALUES ('ASSAULT', '190', ?3, -10, ?1, ?2, 'asserted', 'somewhere', ?4, 38.5)",
                rusqlite::params![src, tgt, quad, lat],
            )
            .unwrap();
    }
    let all = EventQuery {
        limit: 10,
        ..EventQuery::default()
    };
    let actors = s.actors(&all).unwrap();
    let counted: Vec<(&str, u64, u64)> = actors
        .iter()
        .map(|a| (a.name.as_str(), a.events, a.as_source))
        .collect();
    assert_eq!(
        counted,
        [("Ukraina", 3, 0), ("Vladimir Putin", 3, 2), ("Kim Jong Un", 1, 1)]
    );
    let links = s.actor_links(&all).unwrap();
    assert_eq!(links.len(), 2, "an event without a source is no edge: {links:?}");
    assert_eq!(
        (
            links[0].source.as_str(),
            links[0].target.as_str(),
            links[0].cooperative,
            links[0].conflictual
        ),
        ("Vladimir Putin", "Ukraina", 0, 2)
    );
    assert_eq!(links[1].cooperative, 1);
    // a partner list is the links of one actor
    let putin = EventQuery {
        actor: Some("Kim Jong Un".into()),
        limit: 10,
        ..EventQuery::default()
    };
    assert_eq!(s.actor_links(&putin).unwrap().len(), 1);
    let places = s.places(&all).unwrap();
    assert_eq!(
        places.iter().map(|p| (p.lat, p.events)).collect::<Vec<_>>(),
        [(48.95, 2), (50.45, 1)],
        "events with no coordinates have no place"
    );
}

#[test]
fn a_filtered_search_finds_the_one_match_that_passes_even_when_it_ranks_last() {
    // Thirty articles say "banjir"; the one from the site asked for says it
    // once in a long text, so it ranks last: the filter must still find it
    // (a search that ranked a few hundred matches and filtered those would
    // not), and a page of one is the best of all.
    let mut s = SqliteStore::open_in_memory().unwrap();
    for i in 0..30 {
        let mut d = plain(
            &format!("Banjir banjir banjir melanda kampung nomor {i} pada hari ini."),
            Some(format!("https://a.example/{i}")),
            Some("2024-01-02"),
        );
        d.source.site = Some("a.example".into());
        s.put_article(&d).unwrap();
    }
    let filler =
        "Warga kota membersihkan jalan dan saluran air bersama petugas kelurahan setempat. ".repeat(20);
    let mut far = plain(
        &format!("{filler}Sempat ada banjir kecil."),
        Some("https://b.example/x".into()),
        Some("2024-01-03"),
    );
    far.source.site = Some("b.example".into());
    s.put_article(&far).unwrap();
    s.commit().unwrap();
    let search = |site: Option<&str>, limit: usize| {
        s.search(&Search {
            text: Some("banjir".into()),
            site: site.map(str::to_string),
            limit,
            ..Search::default()
        })
        .unwrap()
    };
    let found = search(Some("b.example"), 1);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].site.as_deref(), Some("b.example"));
    // unfiltered: a page of one is the first of the whole list
    let all = search(None, 31);
    let top = search(None, 1);
    assert_eq!(all[0].id, top[0].id);
    assert_eq!(
        all.last().unwrap().site.as_deref(),
        Some("b.example"),
        "the long text ranks last"
    );
}

#[test]
fn an_article_that_cannot_be_written_whole_gives_up_its_batch() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let kept = doc(
        "Presiden Joko Widodo meresmikan jalan tol di Semarang.",
        Some("https://x.id/1"),
    );
    s.put_article(&kept).unwrap();
    s.commit().unwrap();
    let lost = doc(
        "Presiden Joko Widodo membuka pameran buku di Jakarta.",
        Some("https://x.id/2"),
    );
    s.put_article(&lost).unwrap();
    // The store fails half-way through the next article (its copy index
    // is gone): none of it may stay, nor the article before it in the
    // same batch.
    s.conn().execute_batch("DROP TABLE bands").unwrap();
    let broken = doc(
        "Presiden Joko Widodo menerima tamu negara di Istana.",
        Some("https://x.id/3"),
    );
    let err = s.put_article(&broken).unwrap_err();
    assert!(matches!(err, StoreError::BatchLost(_)), "{err}");
    assert!(err.to_string().contains("were not stored"), "{err}");
    s.commit().unwrap();
    let c = s.counts().unwrap();
    assert_eq!((c.articles, c.entities, c.stories), (1, 1, 1));
    assert!(s.document_json(&article_id(&kept)).unwrap().is_some());
    assert!(s.document_json(&article_id(&lost)).unwrap().is_none());
}

#[test]
fn copies_stored_by_an_older_warta_are_found_after_the_schema_moves_on() {
    let dir = std::env::temp_dir().join(format!("warta-store-migrate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("old.db");
    let _ = std::fs::remove_file(&path);
    let text = "Presiden Joko Widodo meresmikan jalan tol Semarang–Demak sepanjang 27 kilometer pada Senin. \
                Jalan itu dibangun di atas tanggul laut untuk menahan banjir rob di pesisir utara Jawa Tengah. \
                Menurut Menteri Pekerjaan Umum, tol itu juga akan mengurangi kemacetan di jalur pantura.";
    let original = plain(text, Some("https://x.id/tol".into()), Some("2024-03-05"));
    {
        // A database as schema version 5 left it: signatures in `minhash`,
        // bands in `lsh` keyed by band, hash and article id.
        let conn = rusqlite::Connection::open(&path).unwrap();
        for m in &schema::MIGRATIONS[..5] {
            conn.execute_batch(m).unwrap();
        }
        conn.execute_batch("PRAGMA user_version = 5").unwrap();
        let id = article_id(&original);
        let sig = warta_dedup::Signature::of(&original.text);
        conn.execute(
            "INSERT INTO articles (id, url, published, text, document) VALUES (?1, ?2, '2024-03-05', ?3, '{}')",
            rusqlite::params![id, original.source.url, original.text],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO minhash (article_id, signature) VALUES (?1, ?2)",
            rusqlite::params![id, sig.to_bytes()],
        )
        .unwrap();
        for (band, hash) in sig.bands().iter().enumerate() {
            conn.execute(
                "INSERT INTO lsh (band, hash, article_id) VALUES (?1, ?2, ?3)",
                rusqlite::params![band as i64, *hash as i64, id],
            )
            .unwrap();
        }
    }
    let mut s = SqliteStore::open(&path).unwrap();
    let old_tables: i64 = s
        .conn()
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name IN ('minhash', 'lsh')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(old_tables, 0);
    let spam = plain(
        &format!("BeritaViral - {text}\n\nTinggalkan komentar Anda."),
        None,
        Some("2024-03-06"),
    );
    s.put_article(&spam).unwrap();
    s.commit().unwrap();
    assert_eq!(canonical_of(&s, &article_id(&spam)), article_id(&original));
    assert_keys_hold(&s);
    drop(s);
    std::fs::remove_dir_all(&dir).unwrap();
}
