//! HTML extraction takes time in proportion to the page's size, however the
//! page nests: a pathological page is compared with an ordinary page of the
//! same size (a ratio, so the test holds on slow and busy machines), at two
//! sizes, so that quadratic growth shows as a ratio that grows with size.
//! One test in its own binary, so no other test competes for the CPU.

use std::time::{Duration, Instant};
use warta_read::extract_html;

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

/// The fastest of three extractions (the least disturbed by other work).
fn time(html: &str) -> (Duration, String) {
    let mut best = Duration::MAX;
    let mut text = String::new();
    for _ in 0..3 {
        let t = Instant::now();
        let x = extract_html(html, None).expect("the page has text");
        best = best.min(t.elapsed());
        text = x.text;
    }
    (best, text)
}

#[test]
fn extraction_time_grows_linearly_with_nesting_and_misnested_formatting() {
    type Build = fn(usize) -> String;
    // What, the page's body for size n, the sizes, and a word it holds n times.
    let cases: [(&str, Build, [usize; 2], &str); 4] = [
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
