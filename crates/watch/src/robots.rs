//! robots.txt as RFC 9309 defines it, for one product token.
//!
//! Written here rather than taken from a crate: the maintained choices pull
//! in old versions of nom/bstr, and the rules are small. What it does:
//! groups start at a run of `User-agent` lines; the groups naming our token
//! (case-insensitively) are merged, else the `*` groups; within them the
//! longest matching `Allow`/`Disallow` pattern wins, `Allow` on a tie;
//! `*` matches any run of characters and a final `$` anchors the end;
//! percent-escapes are compared in one case, non-ASCII bytes as escapes.

/// The rules of robots.txt that apply to one product token.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Robots {
    rules: Vec<Rule>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    allow: bool,
    /// Normalised with [`normalize`].
    pattern: String,
}

#[derive(Default)]
struct Group {
    agents: Vec<String>,
    rules: Vec<Rule>,
}

impl Robots {
    /// Reads a robots.txt body, keeping the rules for `token` (lowercase).
    /// Never fails: lines it does not understand are ignored, as RFC 9309
    /// asks.
    pub(crate) fn parse(body: &[u8], token: &str) -> Robots {
        // Bytes, not text: a pattern in another encoding than UTF-8 is still
        // compared byte for byte, as its percent-escapes would be.
        let body = body.strip_prefix("\u{feff}".as_bytes()).unwrap_or(body);
        let mut groups: Vec<Group> = Vec::new();
        // Whether the previous record was a user-agent line, so that the next
        // one joins the same group instead of starting a new one.
        let mut in_agents = false;
        for line in body.split(|&b| b == b'\n' || b == b'\r') {
            let line = line.split(|&b| b == b'#').next().unwrap_or_default();
            let Some(colon) = line.iter().position(|&b| b == b':') else {
                continue;
            };
            let key = line[..colon].trim_ascii().to_ascii_lowercase();
            let value = line[colon + 1..].trim_ascii();
            match key.as_slice() {
                b"user-agent" | b"useragent" | b"user agent" => {
                    if !in_agents {
                        groups.push(Group::default());
                        in_agents = true;
                    }
                    if let Some(group) = groups.last_mut() {
                        group.agents.push(agent_token(value));
                    }
                }
                b"allow" | b"disallow" => {
                    in_agents = false;
                    // Rules before any user-agent line belong to no group;
                    // an empty pattern matches nothing.
                    if let (Some(group), false) = (groups.last_mut(), value.is_empty()) {
                        group.rules.push(Rule {
                            allow: key == b"allow",
                            pattern: normalize(value),
                        });
                    }
                }
                // Sitemap, crawl-delay and unknown records neither add rules
                // nor end a run of user-agent lines.
                _ => {}
            }
        }
        let mine = |agent: &str| groups.iter().any(|g| g.agents.iter().any(|a| a == agent));
        let wanted = if mine(token) { token } else { "*" };
        let rules = groups
            .into_iter()
            .filter(|g| g.agents.iter().any(|a| a == wanted))
            .flat_map(|g| g.rules)
            .collect();
        Robots { rules }
    }

    /// `Ok` if `path` (path and query of the URL) may be fetched, else the
    /// `Disallow` pattern that forbids it.
    pub(crate) fn check(&self, path: &str) -> Result<(), String> {
        let path = normalize(path.as_bytes());
        if path == "/robots.txt" {
            return Ok(());
        }
        let mut best: Option<&Rule> = None;
        for rule in &self.rules {
            if !matches(rule.pattern.as_bytes(), path.as_bytes()) {
                continue;
            }
            let better = match best {
                None => true,
                Some(b) => {
                    let (len, best_len) = (rule.pattern.len(), b.pattern.len());
                    len > best_len || (len == best_len && rule.allow && !b.allow)
                }
            };
            if better {
                best = Some(rule);
            }
        }
        match best {
            Some(rule) if !rule.allow => Err(format!("Disallow: {}", rule.pattern)),
            _ => Ok(()),
        }
    }
}

/// The product token of a `User-agent` value, lowercased: `*`, or the
/// leading run of letters, `_` and `-` (so `Warta/1.0` names `warta`).
fn agent_token(value: &[u8]) -> String {
    if value.starts_with(b"*") {
        return "*".to_owned();
    }
    value
        .iter()
        .take_while(|b| b.is_ascii_alphabetic() || **b == b'_' || **b == b'-')
        .map(|b| b.to_ascii_lowercase() as char)
        .collect()
}

/// One spelling for patterns and paths: `%xx` escapes in upper case, and
/// bytes that a URL would escape (non-ASCII, controls, space) escaped.
fn normalize(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%'
            && i + 2 < bytes.len()
            && bytes[i + 1].is_ascii_hexdigit()
            && bytes[i + 2].is_ascii_hexdigit()
        {
            out.push('%');
            out.push(bytes[i + 1].to_ascii_uppercase() as char);
            out.push(bytes[i + 2].to_ascii_uppercase() as char);
            i += 3;
            continue;
        }
        if b >= 0x80 || b <= 0x20 || b == 0x7f {
            out.push_str(&format!("%{b:02X}"));
        } else {
            out.push(b as char);
        }
        i += 1;
    }
    out
}

/// Whether `pattern` matches the start of `path` (the whole of it when the
/// pattern ends in `$`); `*` matches any run of bytes.
fn matches(pattern: &[u8], path: &[u8]) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix(b"$") {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    // Greedy wildcard matching that backtracks to the last `*` only: linear
    // in the common case, O(pattern × path) at worst, never exponential.
    let (mut p, mut s) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    loop {
        if p == pattern.len() && (!anchored || s == path.len()) {
            return true;
        }
        if p < pattern.len() && pattern[p] == b'*' {
            star = Some((p, s));
            p += 1;
        } else if p < pattern.len() && s < path.len() && pattern[p] == path[s] {
            p += 1;
            s += 1;
        } else {
            match star {
                Some((sp, ss)) if ss < path.len() => {
                    star = Some((sp, ss + 1));
                    p = sp + 1;
                    s = ss + 1;
                }
                _ => return false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn robots(body: &str) -> Robots {
        Robots::parse(body.as_bytes(), "warta")
    }

    fn allowed(r: &Robots, path: &str) -> bool {
        r.check(path).is_ok()
    }

    #[test]
    fn empty_or_garbage_allows_everything() {
        for body in ["", "\u{0}\u{1}garbage", "Disallow: /\n", "no colon here\n"] {
            let r = robots(body);
            assert!(allowed(&r, "/"), "{body:?}");
            assert!(allowed(&r, "/anything"), "{body:?}");
        }
        // Invalid UTF-8 does not fail either.
        let r = Robots::parse(b"User-agent: *\nDisallow: /\xff\xfe", "warta");
        assert!(!allowed(&r, "/%FF%FEx"));
        assert!(allowed(&r, "/a"));
    }

    #[test]
    fn own_group_beats_star_group() {
        let r = robots(
            "User-agent: *\nDisallow: /\n\nUser-agent: Warta/0.1\nDisallow: /secret\nAllow: /secret/ok\n",
        );
        assert!(allowed(&r, "/"));
        assert!(allowed(&r, "/private"));
        assert!(!allowed(&r, "/secret"));
        assert!(!allowed(&r, "/secret/x"));
        assert!(allowed(&r, "/secret/ok/page"));
    }

    #[test]
    fn star_group_when_no_own_group() {
        let r = robots("User-agent: googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\n");
        assert!(allowed(&r, "/public"));
        assert!(!allowed(&r, "/private/a"));
        assert!(allowed(&r, "/private"));
        let other = robots("User-agent: googlebot\nDisallow: /\n");
        assert!(allowed(&other, "/x"));
    }

    #[test]
    fn agent_lines_join_and_groups_merge() {
        let r = robots(
            "user-agent: a\nUSER-AGENT: WARTA\ndisallow: /one\n\nUser-agent: warta\nDisallow: /two\nuser-agent: b\nDisallow: /three\n",
        );
        assert!(!allowed(&r, "/one"));
        assert!(!allowed(&r, "/two"));
        assert!(allowed(&r, "/three"));
        // Records that are not user-agent lines do not split a run of them.
        let r = robots("User-agent: x\nCrawl-delay: 5\nUser-agent: warta\nDisallow: /d\n");
        assert!(!allowed(&r, "/d"));
    }

    #[test]
    fn longest_match_wins_allow_on_tie() {
        let r = robots("User-agent: *\nDisallow: /a\nAllow: /a/b\nDisallow: /a/b/c\n");
        assert!(!allowed(&r, "/a"));
        assert!(allowed(&r, "/a/b"));
        assert!(!allowed(&r, "/a/b/c/d"));
        let tie = robots("User-agent: *\nDisallow: /page\nAllow: /page\n");
        assert!(allowed(&tie, "/page"));
        // The order of the lines does not matter.
        let tie = robots("User-agent: *\nAllow: /page\nDisallow: /page\n");
        assert!(allowed(&tie, "/page"));
    }

    #[test]
    fn wildcards_and_end_anchor() {
        let r = robots("User-agent: *\nDisallow: /*.pdf$\nDisallow: /tmp*/x\nDisallow: /*?print=\n");
        assert!(!allowed(&r, "/docs/a.pdf"));
        assert!(allowed(&r, "/docs/a.pdf?x=1"));
        assert!(allowed(&r, "/docs/a.pdfx"));
        assert!(!allowed(&r, "/tmp/x"));
        assert!(!allowed(&r, "/tmp123/a/x/y"));
        assert!(allowed(&r, "/tmp/y"));
        assert!(!allowed(&r, "/a?print=yes"));
        let root_only = robots("User-agent: *\nDisallow: /$\n");
        assert!(!allowed(&root_only, "/"));
        assert!(allowed(&root_only, "/a"));
    }

    #[test]
    fn empty_disallow_and_comments() {
        let r = robots("User-agent: * # everyone\nDisallow:\n# Disallow: /\nDisallow: /x # not /y\n");
        assert!(allowed(&r, "/y"));
        assert!(!allowed(&r, "/x"));
    }

    #[test]
    fn crlf_bom_and_percent_encoding() {
        let r = robots("\u{feff}User-agent: *\r\nDisallow: /caf\u{e9}\r\nDisallow: /a%2fb\r\n");
        assert!(!allowed(&r, "/caf%C3%A9/menu"));
        assert!(!allowed(&r, "/caf%c3%a9"));
        assert!(!allowed(&r, "/a%2Fb"));
        assert!(allowed(&r, "/a/b"));
    }

    #[test]
    fn robots_txt_itself_is_always_allowed() {
        let r = robots("User-agent: *\nDisallow: /\n");
        assert!(!allowed(&r, "/"));
        assert!(allowed(&r, "/robots.txt"));
    }

    #[test]
    fn matcher_is_not_exponential() {
        let pattern = format!("/{}b", "*a".repeat(40));
        let path = format!("/{}", "a".repeat(5000));
        assert!(!matches(pattern.as_bytes(), path.as_bytes()));
        assert!(matches(b"/*", b"/"));
        assert!(matches(b"*", b""));
        assert!(!matches(b"/a$", b"/ab"));
        assert!(matches(b"/a*$", b"/ab"));
    }
}
