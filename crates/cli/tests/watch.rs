//! `warta watch` against a feed and pages served from 127.0.0.1: new items
//! are fetched, analysed and stored; a second run asks the feed with its
//! ETag and fetches no page again; without `--allow-private` nothing on
//! loopback is fetched at all.

mod common;

use common::{run, seed, tempdir};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

/// Every request the server saw: path and its If-None-Match header.
type Seen = Arc<Mutex<Vec<(String, Option<String>)>>>;

fn html(title: &str, body: &str) -> String {
    let paras: String = body
        .split('\n')
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{p}</p>\n"))
        .collect();
    format!("<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>\n{paras}</article></body></html>")
}

/// Serves `/feed.xml` (ETag "v1", 304 when asked with it), `/a.html` (the
/// seed article), `/b.html`, and 404 for anything else (robots.txt too:
/// everything allowed).
fn serve() -> (String, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let seen: Seen = Arc::default();
    let seed_text = std::fs::read_to_string(seed()).unwrap();
    let a = html("Kim Jong Un dukung Putin", &seed_text);
    let b = html(
        "Banjir rendam Jakarta Selatan",
        "Banjir setinggi satu meter merendam permukiman di Jakarta Selatan pada Senin (5/2/2024).\nWarga mengungsi ke masjid terdekat, kata Kepala BPBD DKI Jakarta.",
    );
    let feed = format!(
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>{base}/</link><description>d</description>
<item><title>Kim Jong Un dukung Putin</title><link>{base}/a.html</link><pubDate>Tue, 21 Jun 2022 10:00:00 GMT</pubDate></item>
<item><title>Banjir</title><link>/b.html</link><pubDate>Mon, 05 Feb 2024 08:00:00 GMT</pubDate></item>
<item><title>Gempa</title><link>/flaky.html</link></item>
</channel></rss>"#
    );
    let flaky = html(
        "Gempa guncang Garut",
        "Gempa bermagnitudo 5,1 mengguncang Kabupaten Garut, Jawa Barat, pada Jumat (15/12/2023) malam.\nBMKG mencatat pusat gempa berada di darat.",
    );
    let log = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let path = line.split_whitespace().nth(1).unwrap_or("").to_string();
            let mut inm = None;
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                    break;
                }
                if let Some((k, v)) = h.split_once(':') {
                    if k.eq_ignore_ascii_case("if-none-match") {
                        inm = Some(v.trim().to_string());
                    }
                }
            }
            let flaky_before = log
                .lock()
                .unwrap()
                .iter()
                .filter(|(p, _)| p == "/flaky.html")
                .count();
            log.lock().unwrap().push((path.clone(), inm.clone()));
            let (status, ctype, body) = match path.as_str() {
                "/feed.xml" if inm.as_deref() == Some("\"v1\"") => ("304 Not Modified", "", String::new()),
                "/feed.xml" => ("200 OK", "application/rss+xml", feed.clone()),
                "/a.html" => ("200 OK", "text/html; charset=utf-8", a.clone()),
                "/b.html" => ("200 OK", "text/html; charset=utf-8", b.clone()),
                // down the first time: a page worth trying again
                "/flaky.html" if flaky_before == 0 => {
                    ("503 Service Unavailable", "text/plain", "busy".to_string())
                }
                "/flaky.html" => ("200 OK", "text/html; charset=utf-8", flaky.clone()),
                _ => ("404 Not Found", "text/plain", "not found".to_string()),
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nETag: \"v1\"\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (base, seen)
}

fn count(db: &std::path::Path, table: &str) -> i64 {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn watching_a_feed_stores_new_pages_once_and_asks_again_conditionally() {
    let (base, seen) = serve();
    let dir = tempdir();
    let db = dir.join("w.db");
    let feed = format!("{base}/feed.xml");
    let args = [
        "watch",
        "--once",
        "--allow-private",
        "--per-host-delay-ms",
        "0",
        "--feed",
        &feed,
        "--db",
        db.to_str().unwrap(),
    ];
    let out = run(&args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("3 new, 2 stored, 0 already present, 1 failed"),
        "{err}"
    );
    assert!(err.contains("will retry"), "{err}");
    assert_eq!(count(&db, "articles"), 2);
    assert_eq!(count(&db, "rejects"), 0, "a page that was down is not given up");
    // the seed page was analysed: its support event is stored, and the
    // feed's relative link was resolved against the feed
    assert!(count(&db, "event_mentions") >= 8);
    let c = rusqlite::Connection::open(&db).unwrap();
    let url: String = c
        .query_row("SELECT url FROM articles WHERE title LIKE 'Banjir%'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(url, format!("{base}/b.html"));
    drop(c);

    // the page that was down is tried again, and nothing stored is
    // fetched twice
    let out = run(&args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("1 new, 1 stored, 0 already present, 0 failed"),
        "{err}"
    );
    assert_eq!(count(&db, "articles"), 3);
    let out = run(&args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("0 new, 0 stored"), "{err}");
    let seen = seen.lock().unwrap().clone();
    let pages = |p: &str| seen.iter().filter(|(path, _)| path == p).count();
    assert_eq!(
        (pages("/a.html"), pages("/b.html"), pages("/flaky.html")),
        (1, 1, 2),
        "{seen:?}"
    );
    let feeds: Vec<_> = seen.iter().filter(|(p, _)| p == "/feed.xml").collect();
    assert_eq!(feeds.len(), 3);
    // after a page to retry, the feed is read whole again; then it is
    // asked with its ETag
    assert_eq!(feeds[1].1, None);
    assert_eq!(
        feeds[2].1.as_deref(),
        Some("\"v1\""),
        "the third poll is conditional"
    );
}

#[test]
fn without_allow_private_nothing_on_loopback_is_fetched() {
    let (base, seen) = serve();
    let dir = tempdir();
    let db = dir.join("w.db");
    let feed = format!("{base}/feed.xml");
    let out = run(&["watch", "--once", "--feed", &feed, "--db", db.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("1 failed"), "{err}");
    assert_eq!(count(&db, "articles"), 0);
    let c = rusqlite::Connection::open(&db).unwrap();
    let reason: String = c
        .query_row("SELECT reason FROM rejects", [], |r| r.get(0))
        .unwrap();
    assert!(reason.contains("127.0.0.1"), "{reason}");
    assert!(seen.lock().unwrap().is_empty(), "no request reached the server");
    // a scheme that is not http(s) is refused before anything is opened
    let out = run(&[
        "watch",
        "--once",
        "--feed",
        "file:///etc/passwd",
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("file:///etc/passwd"));
}
