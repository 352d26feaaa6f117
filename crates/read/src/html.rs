//! HTML main-content extraction (with `dom_smoothie`, a port of
//! Readability.js; see `docs/html-extraction.md` for why) plus the metadata a
//! news page declares: title, publication time, canonical URL, site name.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

/// What [`extract_html`] found in one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlExtract {
    /// The main content as plain text, one paragraph per line block.
    pub text: String,
    pub title: Option<String>,
    /// Publication date or timestamp as declared by the page, unparsed.
    pub published: Option<String>,
    /// Canonical URL (`<link rel=canonical>`, `og:url`), else the URL given.
    pub url: Option<String>,
    /// Site name (`og:site_name`, JSON-LD publisher).
    pub site: Option<String>,
}

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum HtmlError {
    /// The page holds no visible text at all.
    #[error("no text found in the HTML page")]
    NoText,
}

/// `<meta>` names and properties that carry the publication time, in order of
/// trust. Beyond the Open Graph and schema.org ones, Indonesian portals use
/// `publishdate` (Detik, CNN Indonesia) and `content_PublishedDate` (Kompas).
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "content_publisheddate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "og:published_time",
];

/// Extracts the main text and metadata of an HTML page. `url` is where the
/// page came from, used when the page names no canonical URL. Pages whose
/// content Readability cannot single out (very short ones) fall back to the
/// text of `<body>`; only a page with no text at all is an error.
pub fn extract_html(html: &str, url: Option<&str>) -> Result<HtmlExtract, HtmlError> {
    // Pathological nesting would make tree building quadratic or worse.
    let html = crate::tame::tame(html);
    let html: &str = &html;
    let url = url.filter(|u| !u.trim().is_empty());
    let cfg = Config {
        text_mode: TextMode::Formatted,
        // The furniture pass reads class names (see `html_noise`).
        keep_classes: true,
        ..Config::default()
    };
    let doc = Document::from(html);
    // Read our own metadata first: Readability rewrites the document.
    let meta = PageMeta::read(&doc);
    if max_depth(&doc) > MAX_READABILITY_DEPTH {
        return body_only(doc, meta, url);
    }
    // `with_document` only fails on a bad document URL; retry without it.
    let mut reader = match Readability::with_document(doc, url, Some(cfg.clone())) {
        Ok(r) => r,
        Err(_) => match Readability::with_document(Document::from(html), None, Some(cfg)) {
            Ok(r) => r,
            Err(_) => return body_only(Document::from(html), meta, url),
        },
    };
    let Ok(article) = reader.parse() else {
        return body_only(Document::from(html), meta, url);
    };
    let text = match crate::html_noise::without_furniture(&article.content) {
        Some(kept) => tidy(&kept),
        None => tidy(&article.text_content),
    };
    if text.is_empty() {
        return body_only(Document::from(html), meta, url);
    }
    Ok(HtmlExtract {
        text,
        title: nonempty(&article.title).or(meta.title),
        // Readability's choice first (JSON-LD `datePublished`, then Open
        // Graph), as JSON-LD is the field publishers keep accurate; our list
        // adds the Indonesian portals' own `<meta>` names.
        published: article
            .published_time
            .as_deref()
            .and_then(nonempty)
            .or(meta.published),
        url: meta
            .url
            .or_else(|| article.url.as_deref().and_then(absolute))
            .or(url.map(str::to_string)),
        site: meta
            .site
            .or_else(|| article.site_name.as_deref().and_then(nonempty)),
    })
}

/// Element nesting beyond which Readability is not run. Its scoring walks
/// ancestors for every node, so time grows with depth squared (20,000 nested
/// `<div>`s took minutes); real pages, the 130 test pages included, nest well
/// under 100 deep. Deeper pages get the plain body text.
const MAX_READABILITY_DEPTH: usize = 400;

/// The deepest element nesting in `doc`, found without recursion.
pub(crate) fn max_depth(doc: &Document) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        stack.extend(
            node.children_it(false)
                .filter(|c| c.is_element())
                .map(|c| (c, depth + 1)),
        );
    }
    deepest
}

/// The fallback: all visible body text, with the page's metadata.
fn body_only(doc: Document, meta: PageMeta, url: Option<&str>) -> Result<HtmlExtract, HtmlError> {
    doc.select("script, style, template, head").remove();
    // A `<noscript>` left open (`<noscript><div></noscript>`) swallows the
    // rest of the page as the parser reads it: when dropping `<noscript>`
    // leaves nothing, its text is the page's.
    let with_noscript = doc.clone();
    doc.select("noscript").remove();
    let mut text = tidy(&doc.formatted_text());
    if text.is_empty() {
        text = tidy(&with_noscript.formatted_text());
    }
    if text.is_empty() {
        return Err(HtmlError::NoText);
    }
    Ok(HtmlExtract {
        text,
        title: meta.title,
        published: meta.published,
        url: meta.url.or(url.map(str::to_string)),
        site: meta.site,
    })
}

/// Metadata read straight from `<head>`.
struct PageMeta {
    title: Option<String>,
    published: Option<String>,
    url: Option<String>,
    site: Option<String>,
}

impl PageMeta {
    fn read(doc: &Document) -> PageMeta {
        let canonical = doc.select(r#"link[rel~="canonical"]"#).attr("href");
        let url = canonical
            .as_deref()
            .and_then(absolute)
            .or_else(|| meta_content(doc, "og:url").as_deref().and_then(absolute));
        let published = PUBLISHED_META
            .iter()
            .find_map(|name| meta_content(doc, name))
            .or_else(|| {
                doc.select(r#"[itemprop="datePublished"]"#).iter().find_map(|s| {
                    s.attr("content")
                        .or_else(|| s.attr("datetime"))
                        .as_deref()
                        .and_then(nonempty)
                })
            });
        let title = meta_content(doc, "og:title").or_else(|| nonempty(&doc.select("head title").text()));
        PageMeta {
            title,
            published,
            url,
            site: meta_content(doc, "og:site_name"),
        }
    }
}

/// The `content` of the first `<meta>` whose `name`, `property` or
/// `itemprop` equals `key`, ignoring case.
fn meta_content(doc: &Document, key: &str) -> Option<String> {
    doc.select("meta[content]").iter().find_map(|m| {
        let hit = ["name", "property", "itemprop"]
            .iter()
            .any(|a| m.attr(a).is_some_and(|v| v.trim().eq_ignore_ascii_case(key)));
        if hit {
            m.attr("content").as_deref().and_then(nonempty)
        } else {
            None
        }
    })
}

fn nonempty(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Only absolute http(s) URLs are kept: a relative canonical means nothing
/// once the article leaves its site.
fn absolute(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| s.to_string())
}

/// Trims each line, drops runs of blank lines down to one, so paragraphs stay
/// separated by exactly one empty line.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines().map(|l| l.trim()) {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push_str("\n\n");
        } else if !out.is_empty() {
            out.push('\n');
        }
        blank = false;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEWS: &str = r#"<!doctype html><html><head>
        <title>Banjir rendam Jakarta | Kabar Contoh</title>
        <meta property="og:site_name" content="Kabar Contoh">
        <meta property="og:url" content="https://kabar.example/og">
        <link rel="canonical" href="https://kabar.example/banjir">
        <meta name="publishdate" content="2024/01/05 08:30:00">
        </head><body>
        <nav><a href="/">Beranda</a> <a href="/x">Politik</a> <a href="/y">Ekonomi</a></nav>
        <article><h1>Banjir rendam Jakarta</h1>
        <p>Hujan deras sejak Kamis malam membuat sejumlah kawasan di Jakarta Utara terendam banjir setinggi lutut orang dewasa, menurut petugas setempat.</p>
        <p>Badan Penanggulangan Bencana Daerah mencatat sedikitnya dua ratus rumah terdampak dan ratusan warga mengungsi ke masjid dan sekolah terdekat.</p>
        <p>Gubernur meminta warga tetap waspada karena hujan diperkirakan berlanjut hingga akhir pekan, terutama di wilayah pesisir utara.</p>
        </article>
        <footer>Hak cipta Kabar Contoh. Semua hak dilindungi.</footer></body></html>"#;

    #[test]
    fn main_text_keeps_paragraphs_and_drops_navigation() {
        let x = extract_html(NEWS, None).unwrap();
        assert!(x.text.contains("Hujan deras sejak Kamis malam"), "{}", x.text);
        assert!(x.text.contains("terutama di wilayah pesisir utara."));
        assert!(
            !x.text.contains("Beranda") && !x.text.contains("Hak cipta"),
            "{}",
            x.text
        );
        assert!(
            x.text.contains(".\n\nBadan") || x.text.contains(".\nBadan"),
            "{}",
            x.text
        );
    }

    #[test]
    fn metadata_comes_from_head() {
        let x = extract_html(NEWS, Some("https://kabar.example/banjir?utm=1")).unwrap();
        assert_eq!(x.url.as_deref(), Some("https://kabar.example/banjir"));
        assert_eq!(x.site.as_deref(), Some("Kabar Contoh"));
        assert_eq!(x.published.as_deref(), Some("2024/01/05 08:30:00"));
        assert!(x.title.as_deref().unwrap().contains("Banjir rendam Jakarta"));
    }

    #[test]
    fn given_url_is_used_when_page_names_none() {
        let x = extract_html("<p>Satu kalimat saja.</p>", Some("https://a.example/b")).unwrap();
        assert_eq!(x.url.as_deref(), Some("https://a.example/b"));
        assert_eq!(x.text, "Satu kalimat saja.");
    }

    #[test]
    fn page_without_text_is_an_error() {
        let page = "<html><head><script>var x = 1;</script></head><body> <img src=a.png> </body></html>";
        assert_eq!(extract_html(page, None), Err(HtmlError::NoText));
    }

    #[test]
    fn a_noscript_left_open_does_not_swallow_the_page() {
        let page = "<html><body><noscript><div id=nojs></noscript><div><a href=x>Natura</a>\
                    <p>Orsi, lupi, camosci e aquile nel parco.</p></div></body></html>";
        let x = extract_html(page, None).expect("the page's text, not an error");
        assert!(x.text.contains("Orsi, lupi"), "{}", x.text);
    }

    #[test]
    fn nesting_is_measured_in_elements() {
        let doc = Document::from("<html><body><div><p>a</p><div><span>b</span></div></div></body></html>");
        assert_eq!(max_depth(&doc), 5);
    }

    #[test]
    fn schema_org_date_published_is_read() {
        let page = r#"<html><body><time itemprop="datePublished" datetime="2023-03-01T10:00:00+07:00">1 Maret</time><p>Isi berita.</p></body></html>"#;
        assert_eq!(
            extract_html(page, None).unwrap().published.as_deref(),
            Some("2023-03-01T10:00:00+07:00")
        );
    }
}
