//! A post-pass over Readability's article: it keeps everything inside the
//! container it picks, and in news that container also holds image captions
//! and photo credits, related-link lists and teasers, bylines and time
//! stamps, share and follow prompts and gallery controls. Pages name these
//! parts in their class and id attributes in much the same words across
//! languages and publishers, so small subtrees so named are dropped —
//! guarded, because a page that calls its story body `article-related` must
//! not lose it: no subtree holding more than a quarter of the text goes,
//! and when more than half would go nothing does.

use dom_query::{Document, NodeRef};

/// Stems of class and id names that mark page furniture, matched inside
/// the lower-cased attribute (`image-caption`, `relatedPosts`,
/// `social_share`). Tuned on the German pages of trafilatura's evaluation
/// set only: `teaser`, `readmore` and `comment` were tried and dropped
/// (German sites call their standfirst a teaser, and the gold keeps it).
const NOISE_STEMS: &[&str] = &[
    "caption",
    "credit",
    "byline",
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "gallery",
    "recommend",
    "promo",
    "read-more",
    "also-read",
    "baca-juga",
    "bacajuga",
    "author",
    "breadcrumb",
    "tags",
    "tag-list",
    "taglist",
    "timestamp",
    "dateline",
    "published",
    "updated",
    "advert",
    "sponsor",
    "banner",
    "follow",
    "print",
    "copyright",
    "rating",
    "footer",
    "widget",
    "disclaimer",
];

/// Elements that are furniture whatever their names.
const NOISE_TAGS: &[&str] = &["figcaption", "button", "nav"];

/// Named subtrees looked at, at most: bounds the work on a page made of
/// thousands of them (each is measured, and nested ones again).
const MAX_CANDIDATES: usize = 2000;

/// Most of the text one removed subtree may hold, and all of them together.
const MAX_ONE: f64 = 0.25;
const MAX_ALL: f64 = 0.5;

fn text_len(node: &NodeRef) -> usize {
    node.text().chars().filter(|c| !c.is_whitespace()).count()
}

fn is_noise(node: &NodeRef) -> bool {
    if node
        .node_name()
        .is_some_and(|n| NOISE_TAGS.contains(&n.to_ascii_lowercase().as_str()))
    {
        return true;
    }
    let mut names = String::new();
    for attr in ["class", "id"] {
        if let Some(v) = node.attr(attr) {
            names.push_str(&v.to_ascii_lowercase());
            names.push(' ');
        }
    }
    !names.is_empty() && NOISE_STEMS.iter().any(|s| names.contains(s))
}

/// The article's text without its furniture, or `None` when nothing was
/// removed (or too much would have been, so Readability's text stands).
pub(crate) fn without_furniture(content: &str) -> Option<String> {
    let doc = Document::from(content);
    let root = doc.root();
    let total = text_len(&root);
    if total == 0 {
        return None;
    }
    let mut doomed: Vec<NodeRef> = Vec::new();
    let mut removed = 0usize;
    let candidates = root
        .descendants_it()
        .filter(|n| n.is_element() && is_noise(n))
        .take(MAX_CANDIDATES);
    let mut doomed_ids = std::collections::HashSet::new();
    for node in candidates {
        // Inside a subtree already doomed: counted with it. One walk up per
        // candidate, not one per doomed subtree.
        if node.ancestors_it(None).any(|a| doomed_ids.contains(&a.id)) {
            continue;
        }
        let n = text_len(&node);
        if n as f64 > MAX_ONE * total as f64 {
            continue;
        }
        removed += n;
        doomed_ids.insert(node.id);
        doomed.push(node);
    }
    if doomed.is_empty() || removed as f64 > MAX_ALL * total as f64 {
        return None;
    }
    for node in &doomed {
        node.remove_from_parent();
    }
    Some(doc.formatted_text().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(words: usize) -> String {
        format!("<p>{}</p>", "kata berita yang panjang ".repeat(words / 4))
    }

    #[test]
    fn captions_credits_related_links_and_share_prompts_go() {
        let html = format!(
            "<div><figure><img src=a.jpg><figcaption>Foto: Presiden di Istana</figcaption></figure>\
             {}<div class=\"photo-credit\">Reuters/John Doe</div>{}\
             <ul class=\"related-posts\"><li>Baca juga: berita lain</li></ul>\
             <div id=\"social_share\">Bagikan ke Facebook</div></div>",
            para(80),
            para(80)
        );
        let text = without_furniture(&html).expect("furniture removed");
        assert!(text.contains("kata berita"));
        for gone in ["Foto: Presiden", "Reuters/John", "Baca juga", "Bagikan"] {
            assert!(!text.contains(gone), "{gone} kept: {text}");
        }
    }

    #[test]
    fn a_named_subtree_holding_much_of_the_text_stays() {
        // A page that calls its body "article-related" keeps it.
        let html = format!(
            "<div>{}<div class=\"article-related\">{}</div></div>",
            para(40),
            para(120)
        );
        assert_eq!(without_furniture(&html), None);
        // Nothing to remove: Readability's own text stands.
        assert_eq!(without_furniture(&format!("<div>{}</div>", para(40))), None);
    }
}
