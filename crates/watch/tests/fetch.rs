//! The fetcher against a local HTTP server: feeds, conditional GET,
//! robots.txt, redirects, limits, address rules and politeness.

mod common;

use std::io::Write;
use std::net::IpAddr;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use common::{Body, Reply, Request, Server};
use warta_watch::{check_url, Config, FeedPoll, Fetched, Fetcher, Validators, WatchError, MAX_REDIRECTS};

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Local news</title><link>/</link>
  <item><title>First story</title><link>/articles/1</link>
    <guid isPermaLink="false">story-1</guid><pubDate>Tue, 10 Jun 2025 04:00:00 +0700</pubDate></item>
  <item><title>Second story</title><link>2.html</link></item>
  <item><title>No link at all</title><description>skipped</description></item>
</channel></rss>"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title><id>urn:x:feed</id>
  <updated>2025-06-10T00:00:00Z</updated>
  <entry><title>Atom one</title><id>urn:x:1</id><published>2025-06-09T08:30:00Z</published>
    <link rel="alternate" type="text/html" href="/atom/1"/></entry>
  <entry><title>Atom two</title><id>urn:x:2</id><updated>2025-06-09T09:00:00Z</updated>
    <link href="https://elsewhere.example/x?a=1&amp;b=2"/></entry>
</feed>"#;

/// Settings for the local server: loopback allowed, no politeness delay.
fn local() -> Config {
    Config {
        allow_private: true,
        per_host_delay: Duration::ZERO,
        ..Config::default()
    }
}

/// A site with feeds, pages, robots.txt and the odd cases, one route each.
fn site(req: &Request) -> Reply {
    match req.path.as_str() {
        "/robots.txt" => Reply::ok(
            "text/plain",
            "User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n",
        ),
        "/feeds/news.rss" => {
            if req.header("If-None-Match") == Some("\"rss-v1\"") {
                Reply::status(304).header("ETag", "\"rss-v1\"")
            } else {
                Reply::ok("application/rss+xml", RSS).header("ETag", "\"rss-v1\"")
            }
        }
        "/atom.xml" => {
            let stamp = "Mon, 09 Jun 2025 09:00:00 GMT";
            if req.header("If-Modified-Since") == Some(stamp) {
                Reply::status(304)
            } else {
                Reply::ok("application/atom+xml", ATOM).header("Last-Modified", stamp)
            }
        }
        "/articles/1" | "/feeds/2.html" | "/final" | "/a" | "/b" => {
            if req.header("If-None-Match") == Some("\"page-v1\"") {
                Reply::status(304)
            } else {
                Reply::ok(
                    "text/html; charset=utf-8",
                    format!("<html><body>page {}</body></html>", req.path),
                )
                .header("ETag", "\"page-v1\"")
            }
        }
        "/private/secret" => Reply::ok("text/html", "secret"),
        "/r1" => Reply::redirect(301, "/r2"),
        "/r2" => Reply::redirect(302, "r3"),
        "/r3" => Reply::redirect(307, "/final"),
        "/to-private-path" => Reply::redirect(302, "/private/secret"),
        "/to-ftp" => Reply::redirect(302, "ftp://files.example/x"),
        "/not-a-feed" => Reply::ok(
            "text/html",
            "<html><head><title>x</title></head><body>hi</body></html>",
        ),
        "/broken-feed" => Reply::ok(
            "application/rss+xml",
            "<rss version=\"2.0\"><channel><item><title>cut",
        ),
        "/binary-feed" => Reply::ok("application/rss+xml", vec![0u8, 159, 146, 150, 255, 0, 1]),
        "/missing" => Reply::status(404),
        "/weird-headers" => Reply::ok("text/html", "ok")
            .header("ETag", "\"caf\u{e9}\"")
            .header("Last-Modified", "   ")
            .header("X-Junk", ":::;;;"),
        path if path.starts_with("/loop/") => {
            let n: u32 = path["/loop/".len()..].parse().unwrap_or(0);
            Reply::redirect(302, &format!("/loop/{}", n + 1))
        }
        _ => Reply::status(404),
    }
}

fn page(result: Result<Fetched, WatchError>) -> warta_watch::Page {
    match result {
        Ok(Fetched::Page(page)) => page,
        other => panic!("expected a page, got {other:?}"),
    }
}

#[test]
fn rss_items_are_absolute_and_second_poll_is_not_modified() {
    let server = Server::start(site);
    let mut fetcher = Fetcher::new(local());
    let feed_url = server.url("/feeds/news.rss");
    let FeedPoll::Items {
        items,
        validators,
        skipped,
    } = fetcher.poll_feed(&feed_url, &Validators::default()).unwrap()
    else {
        panic!("first poll must fetch the feed");
    };
    assert_eq!(skipped, 1, "the item without a link is skipped and counted");
    let urls: Vec<_> = items.iter().map(|i| i.url.clone()).collect();
    assert_eq!(urls, [server.url("/articles/1"), server.url("/feeds/2.html")]);
    assert_eq!(items[0].title.as_deref(), Some("First story"));
    assert_eq!(items[0].id.as_deref(), Some("story-1"));
    assert_eq!(
        items[0].published.map(|d| d.to_rfc3339()).as_deref(),
        Some("2025-06-09T21:00:00+00:00")
    );
    assert_eq!(items[1].id, None);
    assert_eq!(validators.etag.as_deref(), Some("\"rss-v1\""));

    assert_eq!(
        fetcher.poll_feed(&feed_url, &validators).unwrap(),
        FeedPoll::NotModified
    );
    let polls: Vec<_> = server
        .requests()
        .into_iter()
        .filter(|r| r.path == "/feeds/news.rss")
        .collect();
    assert_eq!(polls.len(), 2);
    assert_eq!(polls[0].header("If-None-Match"), None);
    assert_eq!(polls[1].header("If-None-Match"), Some("\"rss-v1\""));
    assert!(polls[0].header("User-Agent").unwrap().starts_with("warta/"));
}

#[test]
fn atom_feed_and_if_modified_since() {
    let server = Server::start(site);
    let mut fetcher = Fetcher::new(local());
    let url = server.url("/atom.xml");
    let FeedPoll::Items {
        items,
        validators,
        skipped,
    } = fetcher.poll_feed(&url, &Validators::default()).unwrap()
    else {
        panic!("first poll must fetch the feed");
    };
    assert_eq!(skipped, 0);
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].url, server.url("/atom/1"));
    assert_eq!(items[0].id.as_deref(), Some("urn:x:1"));
    assert_eq!(
        items[0].published.map(|d| d.to_rfc3339()).as_deref(),
        Some("2025-06-09T08:30:00+00:00")
    );
    assert_eq!(items[1].url, "https://elsewhere.example/x?a=1&b=2");
    assert_eq!(validators.etag, None);
    assert_eq!(
        validators.last_modified.as_deref(),
        Some("Mon, 09 Jun 2025 09:00:00 GMT")
    );
    assert_eq!(
        fetcher.poll_feed(&url, &validators).unwrap(),
        FeedPoll::NotModified
    );
}

#[test]
fn page_fetch_and_conditional_refetch() {
    let server = Server::start(site);
    let mut fetcher = Fetcher::new(local());
    let url = server.url("/articles/1");
    let got = page(fetcher.fetch_page(&url, &Validators::default()));
    assert_eq!(got.url, url);
    assert_eq!(got.status, 200);
    assert_eq!(got.content_type.as_deref(), Some("text/html; charset=utf-8"));
    assert_eq!(got.body, b"<html><body>page /articles/1</body></html>");
    assert_eq!(got.validators.etag.as_deref(), Some("\"page-v1\""));
    assert_eq!(
        fetcher.fetch_page(&url, &got.validators).unwrap(),
        Fetched::NotModified
    );
}

#[test]
fn http_errors_and_weird_headers() {
    let server = Server::start(site);
    let mut fetcher = Fetcher::new(local());
    let err = fetcher
        .fetch_page(&server.url("/missing"), &Validators::default())
        .unwrap_err();
    assert!(
        matches!(err, WatchError::HttpStatus { status: 404, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains(&server.url("/missing")), "{err}");

    // A non-ASCII ETag and a blank Last-Modified are dropped, not fatal.
    let got = page(fetcher.fetch_page(&server.url("/weird-headers"), &Validators::default()));
    assert_eq!(got.validators, Validators::default());
    // Validators that cannot be sent as headers are not sent.
    let junk = Validators {
        etag: Some("\"a\"\r\nX-Injected: 1".to_owned()),
        last_modified: Some("caf\u{e9}".to_owned()),
    };
    page(fetcher.fetch_page(&server.url("/articles/1"), &junk));
    let last = server.requests().pop().unwrap();
    assert_eq!(last.header("If-None-Match"), None);
    assert_eq!(last.header("X-Injected"), None);
}

#[test]
fn robots_txt_refuses_disallowed_paths_and_is_read_once() {
    let server = Server::start(site);
    let mut fetcher = Fetcher::new(local());
    let err = fetcher
        .fetch_page(&server.url("/private/secret"), &Validators::default())
        .unwrap_err();
    assert!(matches!(err, WatchError::RobotsDisallowed { .. }), "{err:?}");
    assert!(err.to_string().contains("/private/secret"), "{err}");
    assert_eq!(
        server.hits("/private/secret"),
        0,
        "a refused page is never requested"
    );

    page(fetcher.fetch_page(&server.url("/articles/1"), &Validators::default()));
    fetcher
        .poll_feed(&server.url("/feeds/news.rss"), &Validators::default())
        .unwrap();
    // A redirect into a disallowed path is refused at that hop.
    let err = fetcher
        .fetch_page(&server.url("/to-private-path"), &Validators::default())
        .unwrap_err();
    assert!(matches!(err, WatchError::RobotsDisallowed { .. }), "{err:?}");
    assert_eq!(server.hits("/private/secret"), 0);
    assert_eq!(server.hits("/robots.txt"), 1, "robots.txt is cached per host");
}

#[test]
fn robots_group_for_our_token_wins() {
    let server = Server::start(|req: &Request| match req.path.as_str() {
        "/robots.txt" => Reply::ok(
            "text/plain",
            "User-agent: *\nDisallow: /\n\nUser-agent: warta\nDisallow: /secret\n",
        ),
        _ => Reply::ok("text/html", "page"),
    });
    let mut fetcher = Fetcher::new(local());
    page(fetcher.fetch_page(&server.url("/news/1"), &Validators::default()));
    let err = fetcher
        .fetch_page(&server.url("/secret/1"), &Validators::default())
        .unwrap_err();
    assert!(matches!(err, WatchError::RobotsDisallowed { .. }), "{err:?}");
}

#[test]
fn robots_4xx_allows_all_and_5xx_disallows_all() {
    let absent = Server::start(|req: &Request| match req.path.as_str() {
        "/robots.txt" => Reply::status(404),
        _ => Reply::ok("text/html", "page"),
    });
    let mut fetcher = Fetcher::new(local());
    page(fetcher.fetch_page(&absent.url("/anything"), &Validators::default()));

    let failing = Server::start(|req: &Request| match req.path.as_str() {
        "/robots.txt" => Reply::status(503),
        _ => Reply::ok("text/html", "page"),
    });
    let mut fetcher = Fetcher::new(local());
    for path in ["/a", "/b"] {
        let err = fetcher
            .fetch_page(&failing.url(path), &Validators::default())
            .unwrap_err();
        match err {
            WatchError::RobotsUnreadable { ref reason, .. } => {
                assert!(reason.contains("503"), "{reason}");
                assert!(err.is_transient(), "worth trying again later");
            }
            other => panic!("expected robots.txt unreadable, got {other:?}"),
        }
    }
    assert_eq!(
        failing.hits("/robots.txt"),
        1,
        "the failure is remembered for the run"
    );
    assert_eq!(failing.hits("/a") + failing.hits("/b"), 0);
}

#[test]
fn redirect_chain_is_followed_to_the_final_url() {
    let server = Server::start(site);
    let mut fetcher = Fetcher::new(local());
    let got = page(fetcher.fetch_page(&server.url("/r1"), &Validators::default()));
    assert_eq!(got.url, server.url("/final"));
    assert_eq!(got.body, b"<html><body>page /final</body></html>");
    for hop in ["/r1", "/r2", "/r3", "/final"] {
        assert_eq!(server.hits(hop), 1, "{hop}");
    }
}

#[test]
fn redirect_loops_stop_after_the_limit() {
    let server = Server::start(site);
    let mut fetcher = Fetcher::new(local());
    let err = fetcher
        .fetch_page(&server.url("/loop/0"), &Validators::default())
        .unwrap_err();
    assert!(
        matches!(err, WatchError::TooManyRedirects { limit: 5, .. }),
        "{err:?}"
    );
    let loops = server
        .requests()
        .iter()
        .filter(|r| r.path.starts_with("/loop/"))
        .count();
    assert_eq!(loops, MAX_REDIRECTS + 1);
}

#[test]
fn redirect_to_another_scheme_is_refused() {
    let server = Server::start(site);
    let mut fetcher = Fetcher::new(local());
    let err = fetcher
        .fetch_page(&server.url("/to-ftp"), &Validators::default())
        .unwrap_err();
    match err {
        WatchError::BadScheme { url, scheme } => {
            assert_eq!(scheme, "ftp");
            assert_eq!(url, "ftp://files.example/x");
        }
        other => panic!("expected BadScheme, got {other:?}"),
    }
}

#[test]
fn bad_schemes_and_urls_are_refused_before_any_request() {
    let mut fetcher = Fetcher::new(local());
    for url in [
        "ftp://example.org/feed.xml",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,hi",
        "gopher://example.org/",
    ] {
        let err = fetcher.fetch_page(url, &Validators::default()).unwrap_err();
        assert!(matches!(err, WatchError::BadScheme { .. }), "{url}: {err:?}");
        assert!(err.to_string().contains(url), "{err}");
        let err = fetcher.poll_feed(url, &Validators::default()).unwrap_err();
        assert!(matches!(err, WatchError::BadScheme { .. }), "{url}: {err:?}");
    }
    for url in ["not a url", "/relative/path", "http://", ""] {
        let err = check_url(url).unwrap_err();
        assert!(matches!(err, WatchError::BadUrl { .. }), "{url:?}: {err:?}");
        assert_eq!(err.url(), url);
    }
    assert_eq!(
        check_url(" https://example.org/a ").unwrap().as_str(),
        "https://example.org/a"
    );
}

#[test]
fn private_addresses_are_refused_by_default() {
    let server = Server::start(site);
    let port = server.addr.port();
    let mut fetcher = Fetcher::new(Config {
        per_host_delay: Duration::ZERO,
        ..Config::default()
    });
    for (url, addr) in [
        (server.url("/articles/1"), "127.0.0.1"),
        (format!("http://localhost:{port}/articles/1"), ""),
        (format!("http://[::1]:{port}/"), "::1"),
        (format!("http://[::ffff:127.0.0.1]:{port}/"), "::ffff:127.0.0.1"),
        // 2130706433 is 127.0.0.1 written as one number.
        (format!("http://2130706433:{port}/"), "127.0.0.1"),
        (format!("http://0.0.0.0:{port}/"), "0.0.0.0"),
    ] {
        let err = fetcher.fetch_page(&url, &Validators::default()).unwrap_err();
        match &err {
            WatchError::BlockedAddress { addr: got, .. } => {
                assert!(!warta_watch::is_public(*got));
                if !addr.is_empty() {
                    assert_eq!(*got, addr.parse::<IpAddr>().unwrap(), "{url}");
                }
            }
            other => panic!("{url}: expected BlockedAddress, got {other:?}"),
        }
        assert!(err.to_string().contains("not public"), "{err}");
    }
    let err = fetcher
        .poll_feed(&server.url("/feeds/news.rss"), &Validators::default())
        .unwrap_err();
    assert!(matches!(err, WatchError::BlockedAddress { .. }), "{err:?}");
    assert!(server.requests().is_empty(), "nothing may reach the server");
}

#[test]
fn redirect_to_a_private_address_is_refused() {
    let server = Server::start(move |req: &Request| match req.path.as_str() {
        "/to-loopback" => Reply::redirect(302, "http://127.0.0.2/x"),
        "/to-v6-loopback" => Reply::redirect(302, "http://[::1]/x"),
        "/to-metadata" => Reply::redirect(302, "http://169.254.169.254/latest/meta-data/"),
        _ => Reply::ok("text/html", "page"),
    });
    // The server's own address is allowed one by one, nothing else private.
    let mut fetcher = Fetcher::new(Config {
        allow_addrs: vec![server.addr.ip()],
        ..local_strict()
    });
    page(fetcher.fetch_page(&server.url("/ok"), &Validators::default()));
    for (path, addr) in [
        ("/to-loopback", "127.0.0.2"),
        ("/to-v6-loopback", "::1"),
        ("/to-metadata", "169.254.169.254"),
    ] {
        let err = fetcher
            .fetch_page(&server.url(path), &Validators::default())
            .unwrap_err();
        match err {
            WatchError::BlockedAddress { addr: got, url } => {
                assert_eq!(got, addr.parse::<IpAddr>().unwrap());
                assert!(!url.contains(path), "names the refused hop: {url}");
            }
            other => panic!("{path}: expected BlockedAddress, got {other:?}"),
        }
    }
}

/// Loopback refused except for what a test allows, no delay.
fn local_strict() -> Config {
    Config {
        allow_private: false,
        per_host_delay: Duration::ZERO,
        ..Config::default()
    }
}

#[test]
fn oversized_streamed_body_is_refused_without_reading_it_all() {
    const TOTAL: u64 = 1 << 30;
    let server = Server::start(|req: &Request| match req.path.as_str() {
        "/big" => Reply::ok("text/html", "").with_body(Body::Stream { total: TOTAL }),
        _ => Reply::status(404),
    });
    let mut fetcher = Fetcher::new(Config {
        max_bytes: 1 << 20,
        ..local()
    });
    let err = fetcher
        .fetch_page(&server.url("/big"), &Validators::default())
        .unwrap_err();
    assert!(
        matches!(err, WatchError::TooLarge { limit: 1048576, .. }),
        "{err:?}"
    );
    // The server stops when the client hangs up; what it managed to send is
    // the limit plus what the kernel's socket buffers held.
    let deadline = Instant::now() + Duration::from_secs(20);
    while !server.stream_done.load(Ordering::SeqCst) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(server.stream_done.load(Ordering::SeqCst), "client never hung up");
    let sent = server.streamed.load(Ordering::SeqCst);
    assert!(sent < 64 << 20, "sent {sent} bytes of {TOTAL}");
}

#[test]
fn declared_oversized_body_is_refused_before_reading() {
    let server = Server::start(|req: &Request| match req.path.as_str() {
        "/declared" => Reply::ok("text/html", "")
            .header("Content-Length", "1073741824")
            .with_body(Body::Stream { total: 1 << 30 }),
        "/exact" => Reply::ok("text/html", vec![b'x'; 1000]),
        "/one-more" => Reply::ok("text/html", vec![b'x'; 1001]),
        _ => Reply::status(404),
    });
    let mut fetcher = Fetcher::new(Config {
        max_bytes: 1000,
        ..local()
    });
    let err = fetcher
        .fetch_page(&server.url("/declared"), &Validators::default())
        .unwrap_err();
    assert!(matches!(err, WatchError::TooLarge { limit: 1000, .. }), "{err:?}");
    assert_eq!(
        page(fetcher.fetch_page(&server.url("/exact"), &Validators::default()))
            .body
            .len(),
        1000
    );
    let err = fetcher
        .fetch_page(&server.url("/one-more"), &Validators::default())
        .unwrap_err();
    assert!(matches!(err, WatchError::TooLarge { .. }), "{err:?}");
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

#[test]
fn gzip_bodies_are_decoded_and_limited_after_decoding() {
    let bomb = gzip(&vec![0u8; 50 << 20]);
    let server = Server::start(move |req: &Request| match req.path.as_str() {
        "/gz" => Reply::ok("text/html", gzip(b"<p>compressed</p>")).header("Content-Encoding", "gzip"),
        "/bomb" => Reply::ok("text/html", bomb.clone()).header("Content-Encoding", "gzip"),
        "/feed" => Reply::ok("application/rss+xml", gzip(RSS.as_bytes())).header("Content-Encoding", "gzip"),
        _ => Reply::status(404),
    });
    let mut fetcher = Fetcher::new(Config {
        max_bytes: 1 << 20,
        ..local()
    });
    let got = page(fetcher.fetch_page(&server.url("/gz"), &Validators::default()));
    assert_eq!(got.body, b"<p>compressed</p>");
    assert!(server.requests()[1]
        .header("Accept-Encoding")
        .is_some_and(|v| v.contains("gzip")));
    let FeedPoll::Items { items, .. } = fetcher
        .poll_feed(&server.url("/feed"), &Validators::default())
        .unwrap()
    else {
        panic!("feed expected");
    };
    assert_eq!(items.len(), 2);
    let err = fetcher
        .fetch_page(&server.url("/bomb"), &Validators::default())
        .unwrap_err();
    assert!(matches!(err, WatchError::TooLarge { .. }), "{err:?}");
}

#[test]
fn slow_responses_time_out() {
    let server = Server::start(|req: &Request| match req.path.as_str() {
        "/robots.txt" => Reply::status(404),
        "/slow-head" => Reply::ok("text/html", "late").delayed(Duration::from_secs(10)),
        "/slow-body" => Reply::ok("text/html", "").with_body(Body::Drip {
            count: 100,
            every: Duration::from_millis(100),
        }),
        _ => Reply::status(404),
    });
    let mut fetcher = Fetcher::new(Config {
        timeout: Duration::from_millis(500),
        ..local()
    });
    for path in ["/slow-head", "/slow-body"] {
        let started = Instant::now();
        let err = fetcher
            .fetch_page(&server.url(path), &Validators::default())
            .unwrap_err();
        assert!(matches!(err, WatchError::Timeout { .. }), "{path}: {err:?}");
        assert!(err.to_string().contains(path), "{err}");
        // The server would take 10 s; the timeout ends it long before.
        assert!(
            started.elapsed() < Duration::from_secs(8),
            "{path}: {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn malformed_feeds_are_clear_errors() {
    let server = Server::start(site);
    let mut fetcher = Fetcher::new(local());
    for path in ["/not-a-feed", "/broken-feed", "/binary-feed"] {
        let url = server.url(path);
        let err = fetcher.poll_feed(&url, &Validators::default()).unwrap_err();
        assert!(matches!(err, WatchError::NotAFeed { .. }), "{path}: {err:?}");
        assert_eq!(err.url(), url);
        assert!(
            err.to_string().starts_with(&format!("{url}: not a feed")),
            "{err}"
        );
    }
}

#[test]
fn per_host_delay_is_respected() {
    let delay = Duration::from_millis(200);
    let server = Server::start(site);
    let mut fetcher = Fetcher::new(Config {
        per_host_delay: delay,
        ..local()
    });
    page(fetcher.fetch_page(&server.url("/a"), &Validators::default()));
    page(fetcher.fetch_page(&server.url("/b"), &Validators::default()));
    let log = server.requests();
    let paths: Vec<_> = log.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(paths, ["/robots.txt", "/a", "/b"]);
    for pair in log.windows(2) {
        let gap = pair[1].at.duration_since(pair[0].at);
        assert!(gap >= delay, "{} -> {}: {gap:?}", pair[0].path, pair[1].path);
    }
}
