use super::names::NAMES;
use super::*;

fn text_of(html: &str) -> String {
    dom_query::Document::from(html)
        .formatted_text()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn attributes_past_the_cap_are_dropped_and_nothing_else() {
    let many: String = (0..1000).map(|i| format!(" a{i}=\"v>{i}\"")).collect();
    let page = format!(
        "<p>Awal.</p><div class=k{many}>Teks.</div><script>var s = '<b{many}>';</script><!-- <i{many}> --><p>Akhir.</p>"
    );
    let capped = cap_attributes(&page);
    let doc = dom_query::Document::from(&*capped);
    let div = doc.select("div");
    assert_eq!(div.attr("class").as_deref(), Some("k"));
    assert_eq!(div.attr("a126").as_deref(), Some("v>126"));
    assert_eq!(div.attr("a127").as_deref(), None);
    assert_eq!(&*div.text(), "Teks.");
    // Script and comment content is not markup: left alone.
    assert!(capped.contains(&format!(
        "<script>var s = '<b{many}>';</script><!-- <i{many}> -->"
    )));
    doc.select("script").remove();
    let text = doc
        .formatted_text()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(text, "Awal. Teks. Akhir.");
    let tame_page = "<div a=1 b=2>x</div>".repeat(100);
    assert!(matches!(cap_attributes(&tame_page), Cow::Borrowed(_)));
}

/// The characters of a page's text (scripts and styles aside), sorted:
/// where words break may move with the tree, what they hold may not.
fn letters(html: &str) -> Vec<char> {
    let doc = dom_query::Document::from(html);
    doc.select("script, style, template").remove();
    let mut c: Vec<char> = doc
        .formatted_text()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    c.sort_unstable();
    c
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Re-serialising keeps all text: only formatting tags and comments
    /// go (these pages are too small to reach the depth limit).
    #[test]
    fn rewriting_keeps_all_text(pieces in proptest::collection::vec(proptest::prop_oneof![
        proptest::strategy::Just("<p>"), proptest::strategy::Just("</p>"),
        proptest::strategy::Just("<div class='a \"b\" &amp;'>"), proptest::strategy::Just("</div>"),
        proptest::strategy::Just("<b>"), proptest::strategy::Just("</b>"),
        proptest::strategy::Just("<a href=x>"), proptest::strategy::Just("</a>"),
        proptest::strategy::Just("<font color=red>"), proptest::strategy::Just("<i>"),
        proptest::strategy::Just("<table>"), proptest::strategy::Just("<tr>"), proptest::strategy::Just("<td>"),
        proptest::strategy::Just("</table>"), proptest::strategy::Just("<li>"), proptest::strategy::Just("<ul>"),
        proptest::strategy::Just("<script>var a = '</p>' < 3;</script>"),
        proptest::strategy::Just("<style>p > a { x: '<b>' }</style>"),
        proptest::strategy::Just("<textarea>isi &lt;x&gt; </textarea>"),
        proptest::strategy::Just("<title>Judul &amp; x</title>"),
        proptest::strategy::Just("<svg><title>gambar</title><g><text>teks svg</text></g></svg>"),
        proptest::strategy::Just("<math><mi>x</mi></math>"),
        proptest::strategy::Just("<!-- komentar <p> -->"), proptest::strategy::Just("<![CDATA[ data ]]>"),
        proptest::strategy::Just("<select><option>pilih</option></select>"),
        proptest::strategy::Just(" kata &amp; &lt;tag&gt; &#x41; 5 < 6 "),
        proptest::strategy::Just("<br>"), proptest::strategy::Just("<img alt=gambar>"),
        proptest::strategy::Just("<pre>\n  baris</pre>"), proptest::strategy::Just("<noscript>tanpa skrip</noscript>"),
        proptest::strategy::Just("<!doctype html>"), proptest::strategy::Just("<html><body>"),
        proptest::strategy::Just("teks"), proptest::strategy::Just("é—ü"),
    ], 0..40), deep in proptest::bool::ANY) {
        // Half the time beyond the depth limit, where start tags are dropped.
        let page: String = if deep { "<div>".repeat(MAX_DEPTH + 10) + &pieces.concat() } else { pieces.concat() };
        let flat = run(&page, Mode::Rewrite).out;
        proptest::prop_assert_eq!(letters(&page), letters(&flat), "{}\n=>\n{}", page, flat);
    }
}

#[test]
fn name_table_is_sorted_for_binary_search() {
    assert!(NAMES.windows(2).all(|w| w[0].0 < w[1].0));
}

#[test]
fn real_pages_pass_untouched() {
    let page = format!(
        "<!doctype html><html><head><title>T</title><script>if (a<b) {{ x = '<div>'; }}</script></head><body>{}</body></html>",
        "<div class=c><p>Satu <b>dua</b> <a href='/x'>tiga</a>.<p>Empat<ul><li>a<li>b</ul><table><tr><td>x<td>y<tr><td>z</table></div>"
            .repeat(200)
    );
    assert!(matches!(tame(&page), Cow::Borrowed(_)));
}

/// The parser's deepest element nesting.
fn real_depth(html: &str) -> usize {
    crate::html::max_depth(&dom_query::Document::from(html))
}

fn model_depth(html: &str) -> usize {
    run(html, Mode::Detect { budget: usize::MAX }).deepest
}

#[test]
fn unclosed_paragraphs_cells_and_items_do_not_count_as_depth() {
    let page = "<p>a<p>b<ul><li>x<li>y</ul><dl><dt>t<dd>d</dl><select><option>o<option>p</select>\
                <table><tr><td>e<td>f<tr><td>g</table><h1>h<h2>i</h2>"
        .repeat(2000);
    assert!(matches!(tame(&page), Cow::Borrowed(_)));
    assert!(model_depth(&page) < 10, "{}", model_depth(&page));
}

#[test]
fn the_model_never_counts_much_less_depth_than_the_parser_builds() {
    for unit in [
        "<div>",
        "<p><li>b<dd>c<option>d<table><tr><td>e<td>f</table>",
        "<b><div>x</b>",
        "<a>x<div>",
        "<form><div></form>",
        "<table><td><table><td>",
        "<span></div>",
        "<svg><g><foreignObject><div>",
        "<svg><div/>",
        "<math><mi><p>",
        "<font color=1><p>x",
        "<em><i><u>x</b>",
        "<dl><dd>x",
        "<ul><li>x",
        "<select><div>",
        "<button><div>",
        "<h1><div>",
        "<nobr><div>",
        "<object><div>",
        "<table><div>",
    ] {
        for reps in [100, 1000] {
            let page = unit.repeat(reps);
            let real = real_depth(&page);
            let m = run(&page, Mode::Detect { budget: usize::MAX });
            assert!(
                m.triggered || m.deepest + 8 >= real * 9 / 10,
                "{unit} x{reps}: the parser nests {real} deep, the model counts {}",
                m.deepest
            );
            assert!(
                m.triggered || real <= MAX_DEPTH,
                "{unit} x{reps}: {real} deep, not caught"
            );
        }
    }
}

#[test]
fn deep_nesting_is_cut_at_the_limit_keeping_all_text() {
    let n = 5000;
    let page = format!(
        "<html><body>{}</body></html>",
        (0..n).map(|i| format!("<div>t{i} ")).collect::<String>() + &"</div>".repeat(n)
    );
    let tamed = tame(&page);
    assert!(matches!(tamed, Cow::Owned(_)));
    let doc = dom_query::Document::from(&*tamed);
    let text = text_of(&tamed);
    for i in [0, 511, 512, 4999] {
        assert!(
            text.contains(&format!("t{i} ")) || text.ends_with(&format!("t{i}")),
            "t{i}"
        );
    }
    assert!(
        doc.select("div").length() <= MAX_DEPTH,
        "{}",
        doc.select("div").length()
    );
}

#[test]
fn runaway_formatting_is_dropped_keeping_text_and_blocks() {
    let page = (0..3000)
        .map(|i| format!("<p><b class=c{i}>kata{i}</p>"))
        .collect::<String>();
    let tamed = tame(&page);
    assert!(matches!(tamed, Cow::Owned(_)), "not detected");
    assert!(!tamed.contains("<b"));
    let doc = dom_query::Document::from(&*tamed);
    assert_eq!(doc.select("p").length(), 3000);
    assert!(text_of(&tamed).contains("kata0 kata1 kata2"));
}

#[test]
fn script_and_attributes_survive_rewriting() {
    let page = format!(
        "<html><head><script>var s = '<div>' + \"&amp;\";</script></head><body>{}<p title='a\"b &amp; c'>Tom &amp; Jerry &lt;3</p><textarea>&lt;x&gt;</textarea></body></html>",
        "<div>".repeat(1000) + &"</div>".repeat(1000)
    );
    let tamed = tame(&page);
    assert!(
        tamed.contains("<script>var s = '<div>' + \"&amp;\";</script>"),
        "{}",
        &tamed[..200]
    );
    let doc = dom_query::Document::from(&*tamed);
    assert_eq!(doc.select("p").attr("title").as_deref(), Some("a\"b & c"));
    assert_eq!(&*doc.select("p").text(), "Tom & Jerry <3");
    assert_eq!(&*doc.select("textarea").text(), "<x>");
}

/// The reference pages (Readability's and trafilatura's test sets) are
/// all tame by a wide margin, so real pages are parsed as they are.
#[test]
fn real_pages_are_never_rewritten() {
    let root = warta_testdata::shared_dir().join("data/html");
    if !root.exists() {
        eprintln!("SKIP: shared data not found at {}", root.display());
        return;
    }
    let mut pages = 0;
    for e in walkdir::WalkDir::new(&root).into_iter().filter_map(Result::ok) {
        let path = e.path().to_string_lossy().into_owned();
        let mut bytes = match std::fs::read(e.path()) {
            Ok(b) if path.ends_with(".html") || path.ends_with(".html.gz") => b,
            _ => continue,
        };
        if path.ends_with(".gz") {
            let mut out = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::MultiGzDecoder::new(&bytes[..]), &mut out).unwrap();
            bytes = out;
        }
        let html = String::from_utf8_lossy(&bytes);
        assert!(matches!(cap_attributes(&html), Cow::Borrowed(_)), "{path}");
        let m = run(&html, Mode::Detect { budget: usize::MAX });
        assert!(!m.triggered && m.deepest < MAX_DEPTH / 8, "{path}: {}", m.deepest);
        assert!(
            m.reconstructed < RECONSTRUCT_BASE / 8,
            "{path}: {}",
            m.reconstructed
        );
        pages += 1;
    }
    assert!(pages > 300, "{pages}");
}
