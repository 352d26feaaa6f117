//! What the tree builder knows about each element name: the properties
//! (void, formatting, special, scope bounds, …) its rules turn on.

use html5ever::tokenizer::states::RawKind;

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Ns {
    Html,
    Svg,
    Math,
}

// Properties of an element name (in the HTML namespace unless noted).
pub(super) const VOID: u32 = 1;
pub(super) const FORMATTING: u32 = 1 << 1;
pub(super) const SPECIAL: u32 = 1 << 2;
/// Bounds the default scope.
pub(super) const SCOPE: u32 = 1 << 3;
pub(super) const CLOSES_P: u32 = 1 << 4;
/// End tag closes the element when it is in scope.
pub(super) const BLOCK_END: u32 = 1 << 5;
pub(super) const HEADING: u32 = 1 << 6;
pub(super) const MARKER: u32 = 1 << 7;
/// Start tag leaves SVG/MathML content.
pub(super) const BREAKOUT: u32 = 1 << 8;
/// Dropped, it leaves a paragraph break (`<br><br>`).
pub(super) const PARAGRAPH: u32 = 1 << 9;
/// Dropped, it leaves a line break.
pub(super) const LINE: u32 = 1 << 10;
/// Table sections and rows: what `<tr>`/`<td>` look for.
pub(super) const TABLE_CTX: u32 = 1 << 11;
/// Bounds table scope (`html`, `table`, `template`).
pub(super) const TABLE_SCOPE: u32 = 1 << 12;
/// Start tag attaches to an existing element and opens nothing.
pub(super) const IGNORED: u32 = 1 << 13;

pub(super) const NAMES: &[(&str, u32)] = &[
    ("a", FORMATTING),
    ("address", SPECIAL | CLOSES_P | BLOCK_END | PARAGRAPH),
    ("applet", SPECIAL | SCOPE | MARKER | BLOCK_END),
    ("area", SPECIAL | VOID),
    ("article", SPECIAL | CLOSES_P | BLOCK_END | PARAGRAPH),
    ("aside", SPECIAL | CLOSES_P | BLOCK_END | PARAGRAPH),
    ("b", FORMATTING | BREAKOUT),
    ("base", SPECIAL | VOID),
    ("basefont", SPECIAL | VOID),
    ("bgsound", SPECIAL | VOID),
    ("big", FORMATTING | BREAKOUT),
    (
        "blockquote",
        SPECIAL | CLOSES_P | BLOCK_END | BREAKOUT | PARAGRAPH,
    ),
    ("body", SPECIAL | IGNORED | BREAKOUT),
    ("br", SPECIAL | VOID | BREAKOUT),
    ("button", SPECIAL | BLOCK_END),
    ("caption", SPECIAL | SCOPE | MARKER | TABLE_CTX | PARAGRAPH),
    ("center", SPECIAL | CLOSES_P | BLOCK_END | BREAKOUT | PARAGRAPH),
    ("code", FORMATTING | BREAKOUT),
    ("col", SPECIAL | VOID),
    ("colgroup", SPECIAL),
    ("dd", SPECIAL | CLOSES_P | BREAKOUT | LINE),
    ("details", SPECIAL | CLOSES_P | BLOCK_END | PARAGRAPH),
    ("dialog", CLOSES_P | BLOCK_END | PARAGRAPH),
    ("dir", SPECIAL | CLOSES_P | BLOCK_END | PARAGRAPH),
    ("div", SPECIAL | CLOSES_P | BLOCK_END | BREAKOUT | PARAGRAPH),
    ("dl", SPECIAL | CLOSES_P | BLOCK_END | BREAKOUT | PARAGRAPH),
    ("dt", SPECIAL | CLOSES_P | BREAKOUT | LINE),
    ("em", FORMATTING | BREAKOUT),
    ("embed", SPECIAL | VOID | BREAKOUT),
    ("fieldset", SPECIAL | CLOSES_P | BLOCK_END | PARAGRAPH),
    ("figcaption", SPECIAL | CLOSES_P | BLOCK_END | PARAGRAPH),
    ("figure", SPECIAL | CLOSES_P | BLOCK_END | PARAGRAPH),
    ("font", FORMATTING),
    ("footer", SPECIAL | CLOSES_P | BLOCK_END | PARAGRAPH),
    ("form", SPECIAL | CLOSES_P | PARAGRAPH),
    ("frame", SPECIAL | VOID),
    ("frameset", SPECIAL | IGNORED),
    ("h1", SPECIAL | CLOSES_P | HEADING | BREAKOUT | PARAGRAPH),
    ("h2", SPECIAL | CLOSES_P | HEADING | BREAKOUT | PARAGRAPH),
    ("h3", SPECIAL | CLOSES_P | HEADING | BREAKOUT | PARAGRAPH),
    ("h4", SPECIAL | CLOSES_P | HEADING | BREAKOUT | PARAGRAPH),
    ("h5", SPECIAL | CLOSES_P | HEADING | BREAKOUT | PARAGRAPH),
    ("h6", SPECIAL | CLOSES_P | HEADING | BREAKOUT | PARAGRAPH),
    ("head", SPECIAL | IGNORED | BREAKOUT),
    ("header", SPECIAL | CLOSES_P | BLOCK_END | PARAGRAPH),
    ("hgroup", SPECIAL | CLOSES_P | BLOCK_END | PARAGRAPH),
    ("hr", SPECIAL | VOID | CLOSES_P | BREAKOUT),
    ("html", SPECIAL | SCOPE | TABLE_SCOPE | IGNORED),
    ("i", FORMATTING | BREAKOUT),
    ("iframe", SPECIAL),
    ("image", VOID),
    ("img", SPECIAL | VOID | BREAKOUT),
    ("input", SPECIAL | VOID),
    ("keygen", SPECIAL | VOID),
    ("li", SPECIAL | CLOSES_P | BREAKOUT | LINE),
    ("link", SPECIAL | VOID),
    ("listing", SPECIAL | CLOSES_P | BLOCK_END | BREAKOUT | PARAGRAPH),
    ("main", SPECIAL | CLOSES_P | BLOCK_END | PARAGRAPH),
    ("marquee", SPECIAL | SCOPE | MARKER | BLOCK_END),
    ("menu", SPECIAL | CLOSES_P | BLOCK_END | BREAKOUT | PARAGRAPH),
    ("meta", SPECIAL | VOID | BREAKOUT),
    ("nav", SPECIAL | CLOSES_P | BLOCK_END | PARAGRAPH),
    ("nobr", FORMATTING | BREAKOUT),
    ("noembed", SPECIAL),
    ("noframes", SPECIAL),
    ("noscript", SPECIAL),
    ("object", SPECIAL | SCOPE | MARKER | BLOCK_END),
    ("ol", SPECIAL | CLOSES_P | BLOCK_END | BREAKOUT | PARAGRAPH),
    ("p", SPECIAL | CLOSES_P | BREAKOUT | PARAGRAPH),
    ("param", SPECIAL | VOID),
    ("plaintext", SPECIAL | CLOSES_P),
    ("pre", SPECIAL | CLOSES_P | BLOCK_END | BREAKOUT | PARAGRAPH),
    ("ruby", BREAKOUT),
    ("s", FORMATTING | BREAKOUT),
    ("script", SPECIAL),
    ("search", SPECIAL | CLOSES_P | BLOCK_END | PARAGRAPH),
    ("section", SPECIAL | CLOSES_P | BLOCK_END | PARAGRAPH),
    ("select", SPECIAL),
    ("small", FORMATTING | BREAKOUT),
    ("source", SPECIAL | VOID),
    ("span", BREAKOUT),
    ("strike", FORMATTING | BREAKOUT),
    ("strong", FORMATTING | BREAKOUT),
    ("style", SPECIAL),
    ("sub", BREAKOUT),
    ("summary", SPECIAL | CLOSES_P | BLOCK_END | PARAGRAPH),
    ("sup", BREAKOUT),
    (
        "table",
        SPECIAL | SCOPE | TABLE_SCOPE | TABLE_CTX | BREAKOUT | PARAGRAPH,
    ),
    ("tbody", SPECIAL | TABLE_CTX),
    ("td", SPECIAL | SCOPE | MARKER | TABLE_CTX),
    ("template", SPECIAL | SCOPE | TABLE_SCOPE | MARKER | TABLE_CTX),
    ("textarea", SPECIAL),
    ("tfoot", SPECIAL | TABLE_CTX),
    ("th", SPECIAL | SCOPE | MARKER | TABLE_CTX),
    ("thead", SPECIAL | TABLE_CTX),
    ("title", SPECIAL),
    ("tr", SPECIAL | TABLE_CTX | LINE),
    ("track", SPECIAL | VOID),
    ("tt", FORMATTING | BREAKOUT),
    ("u", FORMATTING | BREAKOUT),
    ("ul", SPECIAL | CLOSES_P | BLOCK_END | BREAKOUT | PARAGRAPH),
    ("var", BREAKOUT),
    ("wbr", SPECIAL | VOID),
    ("xmp", SPECIAL | CLOSES_P),
];

/// The tokenizer state a start tag switches to, in HTML content (scripting
/// is off, as in `dom_query`, so `<noscript>` holds markup).
pub(super) fn raw_kind(name: &str) -> Option<RawKind> {
    match name {
        "script" => Some(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(RawKind::Rawtext),
        "textarea" | "title" => Some(RawKind::Rcdata),
        _ => None,
    }
}

/// Properties of `name` in namespace `ns`.
pub(super) fn flags_of(ns: Ns, name: &str) -> u32 {
    match ns {
        Ns::Html => NAMES
            .binary_search_by(|(n, _)| n.cmp(&name))
            .map_or(0, |i| NAMES[i].1),
        // Integration points: HTML rules apply inside them again.
        Ns::Svg if matches!(name, "foreignobject" | "desc" | "title") => SPECIAL | SCOPE,
        Ns::Math if matches!(name, "mi" | "mo" | "mn" | "ms" | "mtext" | "annotation-xml") => SPECIAL | SCOPE,
        _ => 0,
    }
}
