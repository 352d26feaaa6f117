//! `warta serve` as a client meets it: a real server on 127.0.0.1 over a
//! store built from the seed, asked over plain HTTP/1.1.

mod common;

use common::{run, seed, start, start_with, tempdir, Server};
use std::io::{Read, Write};
use std::net::TcpStream;

type Answer = (u16, Vec<(String, String)>, String);

/// Status, headers (lower-cased names) and body of `GET path`.
fn get(server: &Server, path: &str, headers: &[(&str, &str)]) -> Answer {
    request(server, "GET", path, headers, b"")
}

/// Status, headers and body of `method path` with `body`.
fn request(server: &Server, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
    let mut s = TcpStream::connect(&server.addr).unwrap();
    let extra: String = headers.iter().map(|(k, v)| format!("{k}: {v}\r\n")).collect();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n{extra}\r\n",
        server.addr,
        body.len()
    )
    .unwrap();
    // A server may answer (413, 401) before reading all of a large body.
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    // A compressed body is not text; only its head and JSON bodies are read.
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let mut lines = head.lines();
    let status: u16 = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string()))
        .collect();
    (status, headers, body.to_string())
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

#[test]
fn the_api_answers_searches_articles_events_and_counts_and_refuses_bad_parameters() {
    let dir = tempdir();
    let db = dir.join("w.db");
    let out = run(&["ingest", "--db", db.to_str().unwrap(), seed().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let server = start(&db);

    // search finds the seed; its document has Kim Jong Un linked
    let (status, headers, body) = get(&server, "/api/articles?q=Putin", &[]);
    assert_eq!(status, 200, "{body}");
    assert_eq!(header(&headers, "x-content-type-options"), Some("nosniff"));
    assert!(header(&headers, "content-security-policy").is_some_and(|c| c.contains("default-src 'none'")));
    let hits = json(&body)["articles"].as_array().unwrap().clone();
    assert_eq!(hits.len(), 1);
    let id = hits[0]["id"].as_str().unwrap().to_string();
    let (status, _, body) = get(&server, &format!("/api/articles/{id}"), &[]);
    assert_eq!(status, 200);
    let answer = json(&body);
    assert!(answer["copies"].is_array() && answer["copy_of"].is_null() && answer["story"].is_i64());
    let doc = &answer["article"];
    assert!(doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["canonical"] == "Kim Jong Un" && e["actor_code"] == "PRKGOV"));

    // the SUPPORT event, counted once; its counts by type
    let (status, headers, body) = get(
        &server,
        "/api/events?type=SUPPORT&actor=PRK&modality=asserted",
        &[],
    );
    assert_eq!(status, 200, "{body}");
    let events = json(&body)["events"].as_array().unwrap().clone();
    assert_eq!(events.len(), 1, "{body}");
    assert_eq!(events[0]["cameo"], "051");
    assert_eq!(events[0]["article_id"], id.as_str());
    // the same answer again, with its ETag: not modified
    let etag = header(&headers, "etag").unwrap().to_string();
    let (status, _, body) = get(
        &server,
        "/api/events?type=SUPPORT&actor=PRK&modality=asserted",
        &[("If-None-Match", &etag)],
    );
    assert_eq!((status, body.as_str()), (304, ""));
    let (status, _, body) = get(&server, "/api/counts?by=type", &[]);
    assert_eq!(status, 200);
    let counts = json(&body)["counts"].as_array().unwrap().clone();
    assert!(counts
        .iter()
        .any(|c| c["plover"] == "SUPPORT" && c["events"].as_u64() >= Some(1)));
    // paging: a page of one, then the rest after its cursor
    let (_, _, body) = get(&server, "/api/events?limit=1", &[]);
    let page = json(&body);
    let next = page["next"].as_i64().expect("a cursor after a full page");
    let (_, _, body) = get(&server, &format!("/api/events?after={next}&limit=1000"), &[]);
    let rest = json(&body);
    assert!(rest["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["id"].as_i64() > Some(next)));
    assert!(rest["next"].is_null());

    // bad parameters are the caller's mistake, said in JSON, 4xx
    for (path, says) in [
        ("/api/events?limit=100000", "`limit`"),
        ("/api/events?bbox=40,50,30,60", "`bbox`"),
        ("/api/events?from=yesterday", "`from`"),
        ("/api/events?typo=1", "`typo`"),
        ("/api/events?type=A&type=B", "twice"),
        ("/api/articles?q=%22unclosed", "search text"),
        ("/api/counts?by=month", "`by`"),
        ("/api/articles/not-an-id", "32 hex"),
    ] {
        let (status, headers, body) = get(&server, path, &[]);
        assert_eq!(status, 400, "{path}: {body}");
        assert_eq!(
            header(&headers, "content-type"),
            Some("application/json"),
            "{path}"
        );
        assert!(
            json(&body)["error"].as_str().unwrap().contains(says),
            "{path}: {body}"
        );
    }
    let (status, _, body) = get(&server, "/api/articles/00000000000000000000000000000000", &[]);
    assert_eq!(status, 404, "{body}");
    let (status, _, _) = get(&server, "/api/nothing", &[]);
    assert_eq!(status, 404);

    // the API describes itself
    let (status, _, body) = get(&server, "/api/openapi.json", &[]);
    assert_eq!(status, 200);
    let api = json(&body);
    assert_eq!(api["openapi"], "3.0.3");
    for path in [
        "/api/articles",
        "/api/articles/{id}",
        "/api/events",
        "/api/counts",
        "/api/stories",
        "/api/actors",
        "/api/network",
        "/api/places",
        "/api/quotes",
    ] {
        assert!(api["paths"][path].is_object(), "{path} undocumented");
    }

    // actors, who acts on whom, where, and who said what
    let (_, _, body) = get(&server, "/api/actors?limit=5", &[]);
    let actors = json(&body)["actors"].as_array().unwrap().clone();
    assert!(actors.iter().any(|a| a["name"] == "Kim Jong Un"), "{body}");
    let (_, _, body) = get(&server, "/api/network?actor=Kim%20Jong%20Un", &[]);
    let links = json(&body)["links"].as_array().unwrap().clone();
    assert!(
        links.iter().any(|l| l["source"] == "Kim Jong Un"
            && l["target"] == "Vladimir Putin"
            && l["cooperative"].as_u64() >= Some(1)),
        "{body}"
    );
    let (_, _, body) = get(&server, "/api/places", &[]);
    let places = json(&body)["places"].as_array().unwrap().clone();
    assert!(
        places
            .iter()
            .any(|p| (p["lat"].as_f64().unwrap() - 48.95).abs() < 0.2
                && (p["lon"].as_f64().unwrap() - 38.5).abs() < 0.3),
        "Sievierodonetsk is a place of an event: {body}"
    );
    let (_, _, body) = get(&server, "/api/quotes?speaker=kim", &[]);
    let quotes = json(&body)["quotes"].as_array().unwrap().clone();
    assert!(
        !quotes.is_empty() && quotes.iter().all(|q| q["speaker"] == "Kim Jong Un"),
        "{body}"
    );

    // the dashboard: its page and its own files, under a policy that runs
    // only this server's scripts
    let (status, headers, body) = get(&server, "/", &[]);
    assert_eq!(status, 200);
    assert!(
        body.contains("<script") && !body.contains("<script>"),
        "scripts are files, never inline"
    );
    let csp = header(&headers, "content-security-policy").unwrap();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    let (status, headers, _) = get(&server, "/static/vendor/leaflet.js", &[("Accept-Encoding", "br")]);
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "content-encoding"), Some("br"));
    let (status, _, _) = get(&server, "/static/nothing.js", &[]);
    assert_eq!(status, 404);

    // read-only: posting is refused
    let (status, _, body) = request(&server, "POST", "/api/articles", &[], b"{}");
    assert_eq!(status, 405, "{body}");
}

#[test]
fn an_article_posted_with_the_ingest_token_is_analysed_and_stored_and_nothing_else_is() {
    let dir = tempdir();
    let db = dir.join("w.db");
    let out = run(&["ingest", "--db", db.to_str().unwrap(), seed().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let token = "a-long-enough-test-token";
    let server = start_with(&db, &["--ingest-token", token]);
    let bearer = format!("Bearer {token}");
    let article = serde_json::json!({
        "title": "KPK tahan Bupati Sidoarjo",
        "url": "https://example.com/kpk-tahan-bupati",
        "published": "2024-05-07",
        "text": "Komisi Pemberantasan Korupsi (KPK) menahan Bupati Sidoarjo Ahmad Muhdlor Ali pada Selasa (7/5/2024). \
                 Ia ditahan setelah diperiksa sebagai tersangka kasus korupsi pemotongan insentif pegawai.",
    })
    .to_string();
    let json_type = ("Content-Type", "application/json");

    for (headers, says) in [
        (vec![json_type], 401),
        (
            vec![json_type, ("Authorization", "Bearer wrong-token-of-some-length")],
            401,
        ),
        (vec![json_type, ("Authorization", token)], 401),
    ] {
        let (status, _, body) = request(&server, "POST", "/api/articles", &headers, article.as_bytes());
        assert_eq!(status, says, "{headers:?}: {body}");
    }
    let auth = ("Authorization", bearer.as_str());
    let (status, headers, body) = request(
        &server,
        "POST",
        "/api/articles",
        &[json_type, auth],
        article.as_bytes(),
    );
    assert_eq!(status, 201, "{body}");
    let id = json(&body)["id"].as_str().unwrap().to_string();
    assert_eq!(
        header(&headers, "location"),
        Some(format!("/api/articles/{id}").as_str())
    );
    let (status, _, body) = get(&server, &format!("/api/articles/{id}"), &[]);
    assert_eq!(status, 200);
    assert!(
        json(&body)["article"]["entities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["text"] == "KPK"),
        "{body}"
    );
    let (_, _, body) = get(&server, "/api/articles?q=Sidoarjo", &[]);
    assert_eq!(json(&body)["articles"].as_array().unwrap().len(), 1, "{body}");
    // the same article again adds nothing
    let (status, _, body) = request(
        &server,
        "POST",
        "/api/articles",
        &[json_type, auth],
        article.as_bytes(),
    );
    assert_eq!(
        (status, json(&body)["status"].as_str()),
        (200, Some("already_present")),
        "{body}"
    );
    // bad bodies: not JSON, not an object, no text, too large
    for (body, says) in [
        (b"not json".to_vec(), 400),
        (b"[1, 2]".to_vec(), 400),
        (br#"{"title": "no text"}"#.to_vec(), 422),
        (vec![b' '; 5 * 1024 * 1024], 413),
    ] {
        let (status, _, answer) = request(&server, "POST", "/api/articles", &[json_type, auth], &body);
        assert_eq!(status, says, "{answer}");
    }
    // a short token is refused at start
    let out = run(&[
        "serve",
        "--db",
        db.to_str().unwrap(),
        "--addr",
        "127.0.0.1:0",
        "--ingest-token",
        "short",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("16 characters"));
}

#[test]
fn serving_a_missing_database_is_refused_plainly() {
    let dir = tempdir();
    let out = run(&[
        "serve",
        "--db",
        dir.join("none.db").to_str().unwrap(),
        "--addr",
        "127.0.0.1:0",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such database"));
}
