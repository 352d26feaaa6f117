//! Feed bodies to items, with `feed-rs` (RSS 0.9x/1.0/2.0, Atom, JSON Feed).

use std::panic::{catch_unwind, AssertUnwindSafe};

use chrono::{DateTime, Utc};
use feed_rs::model::FeedType;
use url::Url;

/// One entry of a feed that links to a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    /// The page, absolute (resolved against the feed's URL and `xml:base`),
    /// `http` or `https`.
    pub url: String,
    /// The entry's title, trimmed; `None` when absent or blank.
    pub title: Option<String>,
    /// When the entry was published, else when it was last updated, if the
    /// feed gives a date the parser understands.
    pub published: Option<DateTime<Utc>>,
    /// The entry's own identifier (Atom `id`, RSS `guid`, JSON Feed `id`);
    /// `None` when the feed gives none (none is invented).
    pub id: Option<String>,
}

/// The items of a feed body and the number of entries skipped for want of a
/// usable link, or the parser's complaint.
pub(crate) fn parse(feed_url: &Url, body: &[u8]) -> Result<(Vec<FeedItem>, usize), String> {
    let parser = feed_rs::parser::Builder::new()
        .base_uri(Some(feed_url.as_str()))
        // feed-rs invents an id (a hash or a random UUID) for entries
        // without one; an empty one lets us say "none" instead.
        .id_generator(|_, _, _| String::new())
        .build();
    // The body is a stranger's; a panic in the parser must cost this feed,
    // not the run.
    let feed = catch_unwind(AssertUnwindSafe(|| parser.parse(body)))
        .map_err(|_| "the feed parser failed on this input".to_owned())?
        .map_err(|e| e.to_string())?;
    // In RSS a guid is the item's permalink unless it says otherwise, so an
    // item with no <link> but a URL for a guid still has a page.
    let guid_is_link = matches!(feed.feed_type, FeedType::RSS0 | FeedType::RSS2);
    let mut items = Vec::with_capacity(feed.entries.len());
    let mut skipped = 0;
    for entry in feed.entries {
        let id = Some(entry.id.trim().to_owned()).filter(|id| !id.is_empty());
        let link = entry
            .links
            .iter()
            // Atom's self/edit/enclosure/replies links are not the article.
            .filter(|l| {
                l.rel
                    .as_deref()
                    .is_none_or(|rel| rel.trim().eq_ignore_ascii_case("alternate"))
            })
            .find_map(|l| page_url(feed_url, &l.href))
            .or_else(|| {
                id.as_deref()
                    .filter(|_| guid_is_link)
                    .filter(|id| id.starts_with("http://") || id.starts_with("https://"))
                    .and_then(|id| page_url(feed_url, id))
            });
        let Some(url) = link else {
            skipped += 1;
            continue;
        };
        let title = entry
            .title
            .map(|t| t.content.trim().to_owned())
            .filter(|t| !t.is_empty());
        items.push(FeedItem {
            url,
            title,
            published: entry.published.or(entry.updated),
            id,
        });
    }
    Ok((items, skipped))
}

/// `href` made absolute against the feed's URL, if it is an `http(s)` URL.
fn page_url(feed_url: &Url, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let url = feed_url.join(href).ok()?;
    crate::check_parsed(url).ok().map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://news.example/feeds/main.xml").unwrap()
    }

    #[test]
    fn rss_items_with_relative_links_and_guid_permalinks() {
        let rss = br#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>T</title>
<item><title> One </title><link>/a/1</link><guid isPermaLink="false">id-1</guid>
  <pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate></item>
<item><title>Two</title><guid>https://news.example/a/2</guid></item>
<item><title>No link</title><guid isPermaLink="false">x-3</guid></item>
<item><title>Mail</title><link>mailto:a@b.c</link></item>
<item><link>b/4</link></item>
</channel></rss>"#;
        let (items, skipped) = parse(&base(), rss).unwrap();
        assert_eq!(skipped, 2);
        let urls: Vec<_> = items.iter().map(|i| i.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://news.example/a/1",
                "https://news.example/a/2",
                "https://news.example/feeds/b/4"
            ]
        );
        assert_eq!(items[0].title.as_deref(), Some("One"));
        assert_eq!(items[0].id.as_deref(), Some("id-1"));
        assert_eq!(
            items[0].published.map(|d| d.to_rfc3339()).as_deref(),
            Some("2025-06-10T04:00:00+00:00")
        );
        assert_eq!(items[2].title, None);
        assert_eq!(items[2].id, None);
        assert_eq!(items[2].published, None);
    }

    #[test]
    fn atom_prefers_alternate_link_and_uses_updated() {
        let atom = br#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:feed</id>
<updated>2025-06-10T00:00:00Z</updated>
<entry><title>E1</title><id>urn:e1</id><updated>2025-06-09T12:00:00Z</updated>
  <link rel="self" href="/api/e1"/><link rel="alternate" href="/e/1"/></entry>
<entry><title>E2</title><id>urn:e2</id><link rel="enclosure" href="/e2.mp3"/></entry>
</feed>"#;
        let (items, skipped) = parse(&base(), atom).unwrap();
        assert_eq!(skipped, 1);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].url, "https://news.example/e/1");
        assert_eq!(items[0].id.as_deref(), Some("urn:e1"));
        assert_eq!(
            items[0].published.map(|d| d.to_rfc3339()).as_deref(),
            Some("2025-06-09T12:00:00+00:00")
        );
    }

    #[test]
    fn bad_bodies_are_errors_not_panics() {
        let bodies: [&[u8]; 7] = [
            b"",
            b"<html><body>not a feed</body></html>",
            b"<rss version=\"2.0\"><channel><item><title>cut",
            b"{\"not\": \"a feed\"}",
            b"\x00\xff\xfe garbage",
            b"<?xml version=\"1.0\" encoding=\"x-unknown\"?><rss version=\"2.0\"></rss>",
            b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><link href=\"http://[::1\"/></entry></feed>",
        ];
        for body in bodies {
            // Some of these parse as an (odd) feed; none may panic.
            let _ = parse(&base(), body);
        }
        assert!(parse(&base(), bodies[0]).is_err());
        assert!(parse(&base(), bodies[1]).is_err());
        assert!(parse(&base(), bodies[4]).is_err());
    }
}
