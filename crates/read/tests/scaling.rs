//! Reading takes time in proportion to the input's size, however the input
//! is broken: a pathological input is compared with an ordinary one of the
//! same size (a ratio, so the tests hold on slow and busy machines), at two
//! sizes, so that quadratic growth shows as a ratio that grows with size.
//! The tests take turns, so that they do not compete for the CPU.

#[path = "support/fixtures.rs"]
#[allow(dead_code)]
mod fixtures;

use std::sync::Mutex;
use std::time::{Duration, Instant};
use warta_read::{extract_html, read_bytes};

/// Held by each test while it times.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The fastest of three runs of `f` (the least disturbed by other work).
fn fastest<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..3 {
        let t = Instant::now();
        let x = f();
        best = best.min(t.elapsed());
        out = Some(x);
    }
    (best, out.expect("ran three times"))
}

/// An ordinary page of flat paragraphs, at least `bytes` long.
fn flat_page(bytes: usize) -> String {
    let mut page = String::from("<html><head><title>Biasa</title></head><body>");
    let mut i = 0;
    while page.len() < bytes {
        page.push_str(&format!(
            "<p>Kalimat biasa nomor {i} tentang harga beras di pasar induk.</p>"
        ));
        i += 1;
    }
    page + "</body></html>"
}

fn time(html: &str) -> (Duration, String) {
    fastest(|| extract_html(html, None).expect("the page has text").text)
}

#[test]
fn html_extraction_time_grows_linearly_however_the_page_is_built() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    type Build = fn(usize) -> String;
    // What, the page's body for size n, the sizes, and a word it holds n times.
    let cases: [(&str, Build, [usize; 2], &str); 5] = [
        (
            "one tag with n attributes",
            |n| {
                let attrs: String = (0..n).map(|i| format!(" a{i}=x")).collect();
                format!("<div{attrs}>{}</div><p>Teks terdalam.</p>", "kata ".repeat(n))
            },
            [20_000, 80_000],
            "kata",
        ),
        (
            "nested <div>",
            |n| "<div>lapis ".repeat(n) + "<p>Teks terdalam.</p>" + &"</div>".repeat(n),
            [10_000, 40_000],
            "lapis",
        ),
        (
            "unclosed <ul><li>",
            |n| "<ul><li>butir ".repeat(n) + "<p>Teks terdalam.</p>",
            [10_000, 40_000],
            "butir",
        ),
        (
            "unclosed <b> with distinct attributes",
            |n| (0..n).map(|i| format!("<b class=k{i}>kata ")).collect::<String>() + "<p>Teks terdalam.</p>",
            [4_000, 16_000],
            "kata",
        ),
        (
            "<b> misnested across paragraphs",
            |n| {
                (0..n)
                    .map(|i| format!("<p><b class=k{i}>kata</p>"))
                    .collect::<String>()
                    + "<p>Teks terdalam.</p>"
            },
            [2_000, 8_000],
            "kata",
        ),
    ];
    for (what, build, sizes, word) in cases {
        for n in sizes {
            let page = format!("<html><body>{}</body></html>", build(n));
            let (t_page, text) = time(&page);
            let (t_flat, _) = time(&flat_page(page.len()));
            let ratio = t_page.as_secs_f64() / t_flat.as_secs_f64().max(1e-6);
            eprintln!(
                "{what} x{n} ({} KB): {t_page:?} vs an ordinary page {t_flat:?}: {ratio:.1}x",
                page.len() / 1024
            );
            assert!(
                ratio < 20.0,
                "{what} x{n}: {t_page:?}, {ratio:.1} times an ordinary page of its size ({t_flat:?})"
            );
            assert!(
                text.contains("Teks terdalam."),
                "{what} x{n}: the innermost text is lost"
            );
            assert_eq!(text.matches(word).count(), n, "{what} x{n}: text lost");
        }
    }
}

#[test]
fn warc_reading_time_grows_linearly_with_records_of_wrong_length() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // Requests (skipped, so only the framing is timed), the broken ones
    // each claiming more content than the whole file holds.
    let file = |n: usize, len: Option<&str>| -> Vec<u8> {
        (0..n)
            .flat_map(|i| {
                let rec = fixtures::warc_record(
                    "request",
                    &[("WARC-Target-URI", &format!("https://a.example/{i:06}"))],
                    b"GET / HTTP/1.1\r\n\r\n",
                );
                match len {
                    Some(len) => String::from_utf8(rec)
                        .unwrap()
                        .replace("Content-Length: 18\r\n", &format!("Content-Length: {len}\r\n"))
                        .into_bytes(),
                    None => rec,
                }
            })
            .collect()
    };
    for n in [5_000, 20_000] {
        let good = file(n, Some("18"));
        let bad = file(n, Some("99999999999"));
        let (t_good, _) = fastest(|| read_bytes("good.warc", &good));
        let (t_bad, got) = fastest(|| read_bytes("bad.warc", &bad));
        let ratio = t_bad.as_secs_f64() / t_good.as_secs_f64().max(1e-6);
        eprintln!(
            "{n} records of wrong length ({} KB): {t_bad:?} vs {t_good:?} when right: {ratio:.1}x",
            bad.len() / 1024
        );
        // One error each: the last is truncated, the others swallow the rest.
        let reported = got.iter().filter(|r| r.is_err()).count();
        assert_eq!((got.len(), reported), (n, n), "every broken record is reported");
        assert!(
            ratio < 20.0,
            "{n} broken records: {t_bad:?}, {ratio:.1} times as long as when right"
        );
    }
}
