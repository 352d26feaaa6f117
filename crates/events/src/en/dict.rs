//! PETRARCH's dictionary formats — verbs with their patterns, actors with
//! date restrictions, agents, discards — read as PETRARCH2's
//! `dictionaries.rst` documents them, so the same reader serves warta's
//! English data (derived from `CAMEO.2.0.txt` and the Phoenix files) and
//! PETRARCH's own validation dictionaries in `warta eval petrarch`.

use rustc_hash::FxHashMap as HashMap;
use std::fmt;

/// A dictionary line that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for DictError {}

/// A word sequence, lower case.
pub(crate) type Phrase = Vec<String>;

/// The phrases one pattern element may be. Shared: the same element
/// (`&WEAPON`, `AID`) recurs in hundreds of patterns, and copying its
/// expansion into each took tens of megabytes.
pub(crate) type Alts = std::sync::Arc<Vec<Phrase>>;

/// Elements already read, by their text in the file.
type ElemCache = HashMap<String, Alts>;

/// The event codes a verb or pattern gives: `[042:043]` is a visit by the
/// source and a visit received by the target; `---` is no event.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Codes {
    pub primary: Option<String>,
    pub secondary: Option<String>,
}

impl Codes {
    fn parse(s: &str) -> Codes {
        let code = |c: &str| {
            let c = c.trim();
            (!c.is_empty() && !c.starts_with("---")).then(|| c.to_string())
        };
        match s.split_once(':') {
            Some((a, b)) => Codes {
                primary: code(a),
                secondary: code(b),
            },
            None => Codes {
                primary: code(s),
                secondary: None,
            },
        }
    }

    pub fn is_none(&self) -> bool {
        self.primary.is_none() && self.secondary.is_none()
    }
}

/// How a written verb form is inflected, which says how it can be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Inflection {
    Base,
    Third,
    Past,
    Gerund,
}

/// One written form of a verb: its verb word, the words that must stand
/// right before and after it (`wire +tap`, `+cordon off`), its block.
#[derive(Debug, Clone)]
pub(crate) struct VerbForm {
    pub before: Phrase,
    pub after: Phrase,
    pub block: usize,
    pub codes: Codes,
    pub inflection: Inflection,
}

/// One element of a pattern: a word or phrase (any of its alternatives),
/// or a preposition with its noun.
#[derive(Debug, Clone)]
pub(crate) enum Elem {
    Words(Alts),
    Prep { prep: Alts, noun: Alts },
}

/// `- PRE * POST [CODE]`: the words around a verb that refine its code.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    pub pre: Vec<Elem>,
    pub post: Vec<Elem>,
    pub codes: Codes,
}

/// A synonym block: its verbs share the patterns.
#[derive(Debug, Clone, Default)]
pub(crate) struct Block {
    pub codes: Codes,
    pub patterns: Vec<Pattern>,
}

/// A verb dictionary.
#[derive(Debug, Default)]
pub struct VerbDict {
    /// Verb word → its forms.
    pub(crate) forms: HashMap<String, Vec<VerbForm>>,
    pub(crate) blocks: Vec<Block>,
}

/// The line before its `#` comment; a `#` inside `[...]` is a code
/// (`[###]` in PETRARCH's own test dictionary).
fn strip_comment(line: &str) -> &str {
    let mut depth = 0usize;
    for (i, c) in line.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '#' if depth == 0 => return &line[..i],
            _ => {}
        }
    }
    line
}

fn lower_words(s: &str) -> Phrase {
    s.split(['_', ' '])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Regular English plurals, as PETRARCH makes them.
fn plural(w: &str) -> String {
    if let Some(stem) = w.strip_suffix('y') {
        if !stem.ends_with(['a', 'e', 'o', 'u']) {
            return format!("{stem}ies");
        }
    }
    if w.ends_with("ss") || w.ends_with("sh") || w.ends_with("ch") || w.ends_with('x') {
        return format!("{w}es");
    }
    format!("{w}s")
}

/// A phrase and, unless told not to, its plural (on the last word).
fn with_plural(p: Phrase, plurals: bool) -> Vec<Phrase> {
    let mut out = vec![p.clone()];
    if plurals {
        if let Some(last) = p.last() {
            if last.chars().all(|c| c.is_alphabetic()) {
                let mut q = p.clone();
                *q.last_mut().expect("nonempty") = plural(last);
                out.push(q);
            }
        }
    }
    out
}

/// The regular forms of an English verb.
fn regular_forms(v: &str) -> Vec<(String, Inflection)> {
    let mut out = vec![(v.to_string(), Inflection::Base)];
    let consonant_y = v.len() > 1 && v.ends_with('y') && !v[..v.len() - 1].ends_with(['a', 'e', 'o', 'u']);
    let stem_y = &v[..v.len().saturating_sub(1)];
    if consonant_y {
        out.push((format!("{stem_y}ies"), Inflection::Third));
        out.push((format!("{stem_y}ied"), Inflection::Past));
    } else {
        let third = if v.ends_with(['s', 'x', 'z', 'o']) || v.ends_with("sh") || v.ends_with("ch") {
            format!("{v}es")
        } else {
            format!("{v}s")
        };
        out.push((third, Inflection::Third));
        let past = if v.ends_with('e') {
            format!("{v}d")
        } else {
            format!("{v}ed")
        };
        out.push((past, Inflection::Past));
    }
    let gerund = match v.strip_suffix('e') {
        Some(s) if !v.ends_with("ee") && !v.ends_with("ye") && !v.ends_with("oe") => format!("{s}ing"),
        _ => format!("{v}ing"),
    };
    out.push((gerund, Inflection::Gerund));
    // A short verb ending consonant-vowel-consonant doubles its last
    // letter (`stop`, `ban`); the dictionary lists most, not all.
    let b = v.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    if b.len() >= 3
        && !vowel(b[b.len() - 1])
        && !b"wxy".contains(&b[b.len() - 1])
        && vowel(b[b.len() - 2])
        && !vowel(b[b.len() - 3])
    {
        let last = b[b.len() - 1] as char;
        out.push((format!("{v}{last}ed"), Inflection::Past));
        out.push((format!("{v}{last}ing"), Inflection::Gerund));
    }
    out
}

fn inflection_of(w: &str) -> Inflection {
    if w.ends_with("ing") {
        Inflection::Gerund
    } else if w.ends_with('s') {
        Inflection::Third
    } else {
        Inflection::Past
    }
}

/// `WIRE_+TAP` → (before, verb, after).
fn split_multiword(s: &str) -> (Phrase, String, Phrase) {
    let parts: Vec<&str> = s.split('_').filter(|p| !p.is_empty()).collect();
    let at = parts.iter().position(|p| p.starts_with('+')).unwrap_or(0);
    let w = |ps: &[&str]| {
        ps.iter()
            .map(|p| p.trim_start_matches('+').to_lowercase())
            .collect()
    };
    (
        w(&parts[..at]),
        parts[at].trim_start_matches('+').to_lowercase(),
        w(&parts[at + 1..]),
    )
}

/// The text inside the last `[...]` of a line, and the line before it.
fn bracket(line: &str) -> (Option<&str>, &str) {
    match (line.rfind('['), line.rfind(']')) {
        (Some(a), Some(b)) if a < b => (Some(&line[a + 1..b]), &line[..a]),
        _ => (None, line),
    }
}

impl VerbDict {
    /// Reads a PETRARCH verb dictionary.
    pub fn parse(text: &str) -> Result<VerbDict, DictError> {
        let mut d = VerbDict::default();
        let mut synsets: HashMap<String, Vec<Phrase>> = HashMap::default();
        let mut cache = ElemCache::default();
        let mut synset: Option<(String, bool)> = None;
        let mut block: Option<usize> = None;
        let mut in_comment = false;
        for (n, raw) in text.lines().enumerate() {
            let err = |m: String| DictError {
                line: n + 1,
                message: m,
            };
            let t = raw.trim();
            if t.starts_with("<!--") || in_comment {
                in_comment = !t.ends_with("-->");
                continue;
            }
            if t.starts_with("---") {
                synset = None;
                let (code, _) = bracket(t);
                d.blocks.push(Block {
                    codes: Codes::parse(code.unwrap_or("---")),
                    patterns: Vec::new(),
                });
                block = Some(d.blocks.len() - 1);
                continue;
            }
            let line = strip_comment(t).trim();
            if line.is_empty() {
                continue;
            }
            if !line.starts_with('+') && !line.starts_with('&') {
                synset = None;
            }
            if line.starts_with('~') {
                continue; // transformations: not used
            }
            if let Some(name) = line.strip_prefix('&') {
                let name = name.split_whitespace().next().unwrap_or("");
                let plurals = !name.ends_with('_');
                let name = name.trim_end_matches('_').to_string();
                synsets.insert(name.clone(), Vec::new());
                synset = Some((name, plurals));
                block = None;
                continue;
            }
            if let (Some((name, plurals)), Some(member)) = (&synset, line.strip_prefix('+')) {
                let member = member.trim();
                let keep_plural = *plurals && !member.ends_with('_');
                let phrases = expand(member.trim_end_matches('_'), &synsets)
                    .into_iter()
                    .flat_map(|p| with_plural(p, keep_plural))
                    .collect::<Vec<_>>();
                synsets.get_mut(name).expect("declared").extend(phrases);
                continue;
            }
            let Some(b) = block else {
                continue;
            };
            if let Some(pat) = line.strip_prefix('-') {
                let (code, body) = bracket(pat);
                let Some(code) = code else {
                    return Err(err(format!("pattern without a [code]: `{line}`")));
                };
                let (pre, post) = match body.split_once('*') {
                    Some((a, b)) => (a, b),
                    None => ("", body),
                };
                let pattern = Pattern {
                    pre: elems(pre, &synsets, &mut cache),
                    post: elems(post, &synsets, &mut cache),
                    codes: Codes::parse(code),
                };
                if !pattern.pre.is_empty() || !pattern.post.is_empty() {
                    d.blocks[b].patterns.push(pattern);
                }
                continue;
            }
            // A verb line: `WORD {IRREGULAR FORMS} [code]`.
            let (code, rest) = bracket(line);
            let codes = code.map_or_else(|| d.blocks[b].codes.clone(), Codes::parse);
            let (head, irregular) = match rest.split_once('{') {
                Some((h, i)) => (h.trim(), Some(i.trim_end().trim_end_matches('}'))),
                None => (rest.trim(), None),
            };
            let Some(head) = head.split_whitespace().next() else {
                continue;
            };
            let (before, verb, after) = split_multiword(head);
            let mut forms: Vec<(Phrase, String, Phrase, Inflection)> = Vec::new();
            match irregular {
                Some(list) => {
                    forms.push((before.clone(), verb.clone(), after.clone(), Inflection::Base));
                    for f in list
                        .split_whitespace()
                        .filter(|f| f.chars().any(char::is_alphanumeric))
                    {
                        let (b4, v, af) = split_multiword(f);
                        let inf = inflection_of(&v);
                        forms.push((b4, v, af, inf));
                    }
                }
                None => {
                    for (v, inf) in regular_forms(&verb) {
                        forms.push((before.clone(), v, after.clone(), inf));
                    }
                }
            }
            for (before, v, after, inflection) in forms {
                d.forms.entry(v).or_default().push(VerbForm {
                    before,
                    after,
                    block: b,
                    codes: codes.clone(),
                    inflection,
                });
            }
        }
        Ok(d)
    }

    /// Number of verb words known.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }
}

/// A phrase string whose pieces may be synsets (`NEW_&TIETYPES_RELATIONS`)
/// → every phrase it stands for.
fn expand(s: &str, synsets: &HashMap<String, Vec<Phrase>>) -> Vec<Phrase> {
    let mut out: Vec<Phrase> = vec![Vec::new()];
    for piece in s.split(['_', ' ']).filter(|p| !p.is_empty()) {
        let alts: Vec<Phrase> = match piece.strip_prefix('&') {
            Some(name) => synsets
                .get(name.trim_end_matches('_'))
                .cloned()
                .unwrap_or_default(),
            None => vec![vec![piece.to_lowercase()]],
        };
        if alts.is_empty() {
            return Vec::new();
        }
        // Synsets of a few dozen phrases inside a phrase stay small.
        out = out
            .iter()
            .flat_map(|p| {
                alts.iter().map(move |a| {
                    let mut q = p.clone();
                    q.extend(a.iter().cloned());
                    q
                })
            })
            .collect();
    }
    out
}

/// The alternatives a noun element stands for, plural included.
fn noun_alts(s: &str, synsets: &HashMap<String, Vec<Phrase>>, cache: &mut ElemCache) -> Alts {
    let s = s.trim();
    if let Some(a) = cache.get(s) {
        return a.clone();
    }
    let key = s.to_string();
    let (s, plurals) = match s.strip_suffix('_') {
        Some(x) => (x, false),
        None => (s, true),
    };
    let inner = s.trim_start_matches('{').trim_end_matches('}');
    let single_synset = inner.starts_with('&') && !inner.contains([' ', '_']);
    let alts: Alts = std::sync::Arc::new(
        expand(inner, synsets)
            .into_iter()
            .flat_map(|p| with_plural(p, plurals && !single_synset))
            .collect(),
    );
    cache.insert(key, alts.clone());
    alts
}

/// The elements of one side of a pattern.
fn elems(s: &str, synsets: &HashMap<String, Vec<Phrase>>, cache: &mut ElemCache) -> Vec<Elem> {
    let mut out = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        let (tok, next) = match rest.chars().next() {
            Some('(') => {
                let end = rest.find(')').map_or(rest.len(), |e| e + 1);
                (&rest[..end], &rest[end..])
            }
            Some('{') => {
                let end = rest.find('}').map_or(rest.len(), |e| e + 1);
                (&rest[..end], &rest[end..])
            }
            _ => {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                (&rest[..end], &rest[end..])
            }
        };
        rest = next.trim_start();
        if let Some(inner) = tok.strip_prefix('(') {
            let inner = inner.trim_end_matches(')').trim();
            let (prep, noun) = match inner.split_once(char::is_whitespace) {
                Some((p, n)) => (p, n.trim()),
                None => (inner, ""),
            };
            let noun = if noun.is_empty() {
                Alts::default()
            } else {
                noun_alts(noun, synsets, cache)
            };
            let prep = Alts::new(expand(prep, synsets));
            if !prep.is_empty() {
                out.push(Elem::Prep { prep, noun });
            }
            continue;
        }
        if matches!(tok, "$" | "+" | "%" | "^" | "*") || tok.is_empty() {
            continue; // role markers: PETRARCH's parse decides roles; so do we
        }
        let alts = noun_alts(tok.trim_start_matches(['$', '+', '%', '^']), synsets, cache);
        if !alts.is_empty() {
            out.push(Elem::Words(alts));
        }
    }
    out
}

/// A date restriction on an actor code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Restriction {
    Always,
    Before(u32),
    After(u32),
    Between(u32, u32),
}

impl Restriction {
    fn holds(self, date: Option<u32>) -> bool {
        match (self, date) {
            (Restriction::Always, _) => true,
            (_, None) => false,
            (Restriction::Before(d), Some(x)) => x <= d,
            (Restriction::After(d), Some(x)) => x >= d,
            (Restriction::Between(a, b), Some(x)) => a <= x && x <= b,
        }
    }
}

/// `YYMMDD` or `YYYYMMDD` → `YYYYMMDD`.
fn date_value(s: &str) -> Option<u32> {
    let s = s.trim();
    let v: u32 = s.parse().ok()?;
    match s.len() {
        8 => Some(v),
        6 => Some(if v / 10000 >= 30 {
            19_000_000 + v
        } else {
            20_000_000 + v
        }),
        _ => None,
    }
}

fn restriction(s: &str) -> Option<Restriction> {
    let s = s.trim();
    if s.is_empty() {
        return Some(Restriction::Always);
    }
    if let Some(d) = s.strip_prefix('<') {
        return date_value(d).map(Restriction::Before);
    }
    if let Some(d) = s.strip_prefix('>') {
        return date_value(d).map(Restriction::After);
    }
    let (a, b) = s.split_once('-')?;
    Some(Restriction::Between(date_value(a)?, date_value(b)?))
}

/// An actor: its code, or codes by date.
#[derive(Debug, Clone, Default)]
pub(crate) struct ActorEntry {
    pub default: Option<String>,
    restricted: Vec<(Restriction, Option<String>)>,
}

impl ActorEntry {
    /// The code on `date` (`YYYYMMDD`): the first restriction that holds,
    /// else the default.
    pub fn code(&self, date: Option<u32>) -> Option<&str> {
        for (r, code) in &self.restricted {
            if *r != Restriction::Always && r.holds(date) {
                return code.as_deref();
            }
        }
        self.restricted
            .iter()
            .find(|(r, _)| *r == Restriction::Always)
            .map_or(self.default.as_deref(), |(_, c)| c.as_deref())
    }
}

/// A phrase of a dictionary of names (actors, agents). TABARI read a
/// phrase without a final `_` as a stem; PETRARCH2 (and its own tests:
/// `THE_KU` must not take `the Kuwait government`) matches whole words.
#[derive(Debug, Clone)]
pub(crate) struct NamePhrase {
    pub words: Phrase,
    pub entry: usize,
}

/// Names indexed by their first word.
#[derive(Debug, Default)]
pub(crate) struct NameIndex {
    pub by_first: HashMap<String, Vec<NamePhrase>>,
    pub max_words: usize,
}

impl NameIndex {
    fn add(&mut self, p: NamePhrase) {
        if p.words.is_empty() {
            return;
        }
        self.max_words = self.max_words.max(p.words.len());
        self.by_first.entry(p.words[0].clone()).or_default().push(p);
    }

    /// The longest phrase starting at `words[i]`: (entry, words taken).
    pub fn longest(&self, words: &[&str], i: usize) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for p in self.by_first.get(words[i]).into_iter().flatten() {
            let n = p.words.len();
            if i + n > words.len() || best.is_some_and(|(_, m)| m >= n) {
                continue;
            }
            if p.words.iter().zip(&words[i..i + n]).all(|(a, b)| a == b) {
                best = Some((p.entry, n));
            }
        }
        best
    }
}

/// An actor dictionary.
#[derive(Debug, Default)]
pub struct ActorDict {
    pub(crate) names: NameIndex,
    pub(crate) entries: Vec<ActorEntry>,
}

fn name_phrase(s: &str, entry: usize) -> NamePhrase {
    NamePhrase {
        words: lower_words(s.trim().trim_end_matches('_')),
        entry,
    }
}

impl ActorDict {
    /// Reads a PETRARCH actor dictionary.
    pub fn parse(text: &str) -> Result<ActorDict, DictError> {
        let mut d = ActorDict::default();
        let mut in_comment = false;
        for (n, raw) in text.lines().enumerate() {
            let t = raw.trim();
            if t.starts_with("<!--") || in_comment {
                in_comment = !t.ends_with("-->");
                continue;
            }
            let line = strip_comment(raw);
            let line = line.split(';').next().unwrap_or("");
            if line.trim().is_empty() {
                continue;
            }
            if line.starts_with(char::is_whitespace) {
                let Some(entry) = d.entries.last_mut() else {
                    return Err(DictError {
                        line: n + 1,
                        message: "date restriction before any actor".into(),
                    });
                };
                let (Some(inner), _) = bracket(line) else { continue };
                let inner = inner.trim();
                let (code, rest) = match inner.find([' ', '<', '>']) {
                    Some(k) if !inner[..k].chars().all(|c| c.is_ascii_digit()) => (&inner[..k], &inner[k..]),
                    _ if inner.chars().any(|c| c.is_ascii_alphabetic()) || inner.starts_with("---") => {
                        (inner, "")
                    }
                    _ => continue, // a restriction without a code
                };
                let Some(r) = restriction(&rest.replace(' ', "")) else {
                    continue;
                };
                let code = (!code.starts_with("---")).then(|| code.to_uppercase());
                entry.restricted.push((r, code));
                continue;
            }
            let line = line.trim();
            if let Some(syn) = line.strip_prefix('+') {
                if d.entries.is_empty() {
                    continue;
                }
                let (_, name) = bracket(syn);
                d.names.add(name_phrase(name, d.entries.len() - 1));
                continue;
            }
            let (code, name) = bracket(line);
            d.entries.push(ActorEntry {
                default: code
                    .map(str::trim)
                    .filter(|c| !c.is_empty() && !c.starts_with("---"))
                    .map(str::to_uppercase),
                restricted: Vec::new(),
            });
            d.names.add(name_phrase(name, d.entries.len() - 1));
        }
        Ok(d)
    }
}

/// An agent: a role code added after (`~GOV`) or before (`NGO~`) the
/// actor's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Agent {
    pub code: String,
    pub prefix: bool,
}

/// An agent dictionary (`police` → COP).
#[derive(Debug, Default)]
pub struct AgentDict {
    pub(crate) names: NameIndex,
    pub(crate) agents: Vec<Agent>,
}

impl AgentDict {
    /// Reads a PETRARCH agent dictionary.
    pub fn parse(text: &str) -> Result<AgentDict, DictError> {
        let mut d = AgentDict::default();
        let mut marks: Vec<(String, Vec<String>)> = Vec::new();
        let mut in_comment = false;
        for raw in text.lines() {
            let t = raw.trim();
            if t.starts_with("<!--") || in_comment {
                in_comment = !t.ends_with("-->");
                continue;
            }
            let line = strip_comment(t).trim();
            if line.is_empty() {
                continue;
            }
            if line.starts_with('!') {
                if let Some((mark, list)) = line.split_once('=') {
                    let items = list.split(',').map(|x| x.trim().to_string()).collect();
                    marks.push((mark.trim().to_string(), items));
                }
                continue;
            }
            let (Some(code), rest) = bracket(line) else {
                continue;
            };
            let code = code.trim();
            let agent = match (code.strip_prefix('~'), code.strip_suffix('~')) {
                (Some(c), _) => Agent {
                    code: c.to_uppercase(),
                    prefix: false,
                },
                (_, Some(c)) => Agent {
                    code: c.to_uppercase(),
                    prefix: true,
                },
                _ => Agent {
                    code: code.to_uppercase(),
                    prefix: false,
                },
            };
            d.agents.push(agent);
            let entry = d.agents.len() - 1;
            let (name, plural) = match rest.split_once('{') {
                Some((n, p)) => (n.trim(), Some(p.trim().trim_end_matches('}').trim())),
                None => (rest.trim(), None),
            };
            let mut names = vec![name.to_string()];
            for (mark, items) in &marks {
                if names[0].contains(mark.as_str()) {
                    names = items.iter().map(|i| names[0].replace(mark.as_str(), i)).collect();
                }
            }
            let explicit_plural = plural.is_some();
            for n in &names {
                let words = lower_words(n.trim_end_matches('_'));
                if !n.contains('!') && !explicit_plural && names.len() == 1 {
                    for p in with_plural(words.clone(), true) {
                        d.names.add(NamePhrase { words: p, entry });
                    }
                } else {
                    d.names.add(NamePhrase { words, entry });
                }
            }
            if let Some(p) = plural.filter(|p| !p.is_empty()) {
                d.names.add(NamePhrase {
                    words: lower_words(p),
                    entry,
                });
            }
        }
        Ok(d)
    }
}

/// Phrases whose presence means a sentence (or, with `+`, a whole story)
/// is not news to code: sport, weather.
#[derive(Debug, Default)]
pub struct Discards {
    /// Sentence- and story-level phrases alike (warta codes sentence by
    /// sentence), by first word.
    by_first: HashMap<String, Vec<Phrase>>,
}

impl Discards {
    /// Reads a PETRARCH discard list.
    pub fn parse(text: &str) -> Discards {
        let mut d = Discards::default();
        for raw in text.lines() {
            let line = strip_comment(raw).trim();
            if line.is_empty() || line.starts_with("<!--") {
                continue;
            }
            let p = lower_words(line.trim_start_matches('+'));
            if let Some(first) = p.first() {
                d.by_first.entry(first.clone()).or_default().push(p);
            }
        }
        d
    }

    /// True when `words` hold a discard phrase of either kind.
    pub fn matches(&self, words: &[&str]) -> bool {
        words.iter().enumerate().any(|(i, w)| {
            self.by_first.get(*w).is_some_and(|ps| {
                ps.iter()
                    .any(|p| words.len() - i >= p.len() && p.iter().zip(&words[i..]).all(|(a, b)| a == b))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_patterns_and_synsets() {
        let d = VerbDict::parse(
            "&TIE\n+DIPLOMATIC_TIES_\n+RELATIONS_\n\n--- RESTORE [---] ---\nRESTORE\n+CORDON_OFF {+CORDONED_OFF}\n- * &TIE [064]\n- * (WITH {FULL AID}) [070:071]\n",
        )
        .unwrap();
        let f = &d.forms["restored"][0];
        assert_eq!(f.inflection, Inflection::Past);
        assert_eq!(d.forms["cordoned"][0].after, vec!["off"]);
        let b = &d.blocks[f.block];
        assert_eq!(b.patterns.len(), 2);
        assert_eq!(b.patterns[0].codes.primary.as_deref(), Some("064"));
        assert_eq!(b.patterns[1].codes.secondary.as_deref(), Some("071"));
        match &b.patterns[0].post[0] {
            Elem::Words(alts) => assert!(alts.contains(&vec!["diplomatic".to_string(), "ties".to_string()])),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn actor_codes_follow_dates() {
        let d = ActorDict::parse("SMEAGOL\n+SLINKER\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\nARGENTINA_ [ARG]\n").unwrap();
        let ws = ["slinker", "argentina"];
        let (e, n) = d.names.longest(&ws, 0).unwrap();
        assert_eq!(n, 1);
        assert_eq!(d.entries[e].code(Some(19940101)), Some("HOB"));
        assert_eq!(d.entries[e].code(Some(19970101)), Some("HOBGOV"));
        assert_eq!(d.entries[e].code(Some(20010101)), Some("HOBREB"));
        let (e, _) = d.names.longest(&ws, 1).unwrap();
        assert_eq!(d.entries[e].code(None), Some("ARG"));
    }

    #[test]
    fn agents_with_plurals_and_markers() {
        let d = AgentDict::parse("!MINST! = MINISTER, MINISTRY\nPOLICE {} [~COP]\nFOREIGN_!MINST! [~GOV]\nTROOP [~MIL]\nHUMAN_RIGHTS_GROUP [NGO~]\n").unwrap();
        let ws = [
            "troops", "foreign", "ministry", "police", "human", "rights", "groups",
        ];
        assert_eq!(
            d.names.longest(&ws, 0).map(|(e, _)| d.agents[e].code.as_str()),
            Some("MIL")
        );
        assert_eq!(d.names.longest(&ws, 1).map(|(_, n)| n), Some(2));
        assert_eq!(
            d.names.longest(&ws, 3).map(|(e, _)| d.agents[e].code.as_str()),
            Some("COP")
        );
        let (e, _) = d.names.longest(&ws, 4).unwrap();
        assert!(d.agents[e].prefix);
    }
}
