//! The data files of the event coder (`data/events/`), parsed once per process.

use crate::morph::{self, Voice};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

const CAMEO_TSV: &str = include_str!("../../../data/events/cameo.tsv");
const TRIGGERS_ID_TSV: &str = include_str!("../../../data/events/triggers-id.tsv");
const WORDS_ID_TSV: &str = include_str!("../../../data/events/words-id.tsv");

/// A CAMEO event code with what PLOVER and GDELT say about it.
#[derive(Debug, Clone)]
pub struct CameoCode {
    pub plover: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub name: String,
}

/// Whether the word after a trigger must be an actor or a thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Object {
    Actor,
    Thing,
}

/// What must hold for a trigger line to apply (see the file's header).
#[derive(Debug, Clone, Default)]
pub(crate) struct Conditions {
    pub follows: Vec<String>,
    pub not_next: Vec<String>,
    pub not_before: Vec<String>,
    pub object: Option<Object>,
    pub source_role: Option<String>,
    pub military: bool,
    pub armed: bool,
    pub needs_target: bool,
}

/// One line of the trigger lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub cameo: String,
    pub conditions: Conditions,
}

/// One written form of an entry: its words (lower case) and voice.
#[derive(Debug, Clone)]
pub(crate) struct Form {
    pub words: Vec<String>,
    pub voice: Voice,
    pub entry: usize,
    /// The bare verb of the agent-first passive (`saksi sudah kami
    /// periksa`, `tersangka kami tahan`): a form only right after a
    /// first-person pronoun, which is its agent.
    pub after_first_person: bool,
}

pub(crate) struct Resources {
    pub cameo: HashMap<String, CameoCode>,
    pub entries: Vec<Entry>,
    /// First word → forms starting with it, in lexicon order.
    pub forms: HashMap<String, Vec<Form>>,
    /// Agent nouns (one or more words, lower case, joined by a space) →
    /// CAMEO role.
    pub agents: HashMap<String, String>,
    /// First words of agent nouns, to reject most words at once.
    pub agent_first_words: HashSet<String>,
    pub max_agent_words: usize,
    pub light: HashSet<String>,
    pub receive: HashSet<String>,
    pub planned: HashSet<String>,
    /// Verbs of ordering or urging: what follows them was asked for.
    pub directive: HashSet<String>,
    pub denied: HashSet<String>,
    pub denial: HashSet<String>,
    pub conditional: HashSet<String>,
    pub clause: HashSet<String>,
    pub target_prep: HashSet<String>,
    pub by_prep: HashSet<String>,
    pub place: HashSet<String>,
    pub relay: HashSet<String>,
    pub passive_light: HashSet<String>,
    pub undergo: HashSet<String>,
    pub quantifier: HashSet<String>,
    pub first_person: HashSet<String>,
    pub investigator: HashSet<String>,
    /// Words of the domains outside politics (see `domain.rs`) → the
    /// domain's place in `DOMAINS`.
    pub domain_words: HashMap<String, usize>,
}

/// Kinds of `words-id.tsv` that list a domain's words.
pub(crate) const DOMAINS: [&str; 3] = ["sport", "entertainment", "technology"];

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn words(s: &str) -> Vec<String> {
    s.split(['|', ' '])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn conditions(s: &str) -> Conditions {
    let mut c = Conditions::default();
    for part in s.split_whitespace() {
        if let Some(w) = part.strip_prefix('+') {
            c.follows = words(w);
        } else if let Some(w) = part.strip_prefix('-') {
            c.not_next = words(w);
        } else if let Some(w) = part.strip_prefix('<') {
            c.not_before = words(w);
        } else if let Some(r) = part.strip_prefix("src=") {
            c.source_role = Some(r.to_string());
        } else {
            match part {
                "obj=actor" => c.object = Some(Object::Actor),
                "obj=thing" => c.object = Some(Object::Thing),
                "mil" => c.military = true,
                "armed" => c.armed = true,
                "tgt" => c.needs_target = true,
                other => panic!("data/events/triggers-id.tsv: unknown condition `{other}`"),
            }
        }
    }
    c
}

pub(crate) fn resources() -> &'static Resources {
    static RES: OnceLock<Resources> = OnceLock::new();
    RES.get_or_init(load)
}

/// The CAMEO code table (`data/events/cameo.tsv`).
pub fn cameo(code: &str) -> Option<&'static CameoCode> {
    resources().cameo.get(code)
}

fn load() -> Resources {
    let mut cameo = HashMap::default();
    for r in rows(CAMEO_TSV) {
        cameo.insert(
            r[0].to_string(),
            CameoCode {
                plover: r[1].to_string(),
                quad_class: r[2].parse().expect("cameo.tsv: quad class"),
                goldstein: r[3].parse().expect("cameo.tsv: goldstein"),
                name: r.get(4).unwrap_or(&"").to_string(),
            },
        );
    }
    let mut entries = Vec::new();
    let mut forms: HashMap<String, Vec<Form>> = HashMap::default();
    for r in rows(TRIGGERS_ID_TSV) {
        let code = r[0].to_string();
        assert!(
            cameo.contains_key(&code),
            "triggers-id.tsv: unknown CAMEO code {code}"
        );
        let entry = entries.len();
        entries.push(Entry {
            cameo: code,
            conditions: conditions(r.get(3).unwrap_or(&"")),
        });
        let root = r[1].to_lowercase();
        let (head, rest) = root.split_once(' ').unwrap_or((root.as_str(), ""));
        for frame in r[2].split_whitespace() {
            let (written, voice) = morph::forms(head, frame)
                .unwrap_or_else(|| panic!("triggers-id.tsv: unknown frame `{frame}`"));
            for w in written {
                let mut ws = vec![w];
                ws.extend(rest.split_whitespace().map(str::to_string));
                forms.entry(ws[0].clone()).or_default().push(Form {
                    words: ws,
                    voice,
                    entry,
                    after_first_person: false,
                });
            }
            // The active verb's bare stem with its suffix is the passive
            // with a pronoun agent (`memeriksa` → `kami periksa`,
            // `menindaklanjuti` → `kami tindaklanjuti`).
            // Not where the bare form is an active verb already (`kami
            // minta …` asks someone).
            let bare_active = r[2].split_whitespace().any(|f| f == "=v");
            let suffix = match frame {
                _ if bare_active => None,
                "meN" => Some(""),
                "meN-kan" => Some("kan"),
                "meN-i" => Some("i"),
                _ => None,
            };
            if let Some(suffix) = suffix {
                let mut ws = vec![format!("{head}{suffix}")];
                ws.extend(rest.split_whitespace().map(str::to_string));
                forms.entry(ws[0].clone()).or_default().push(Form {
                    words: ws,
                    voice: Voice::Passive,
                    entry,
                    after_first_person: true,
                });
            }
        }
    }
    let mut res = Resources {
        cameo,
        entries,
        forms,
        agents: HashMap::default(),
        agent_first_words: HashSet::default(),
        max_agent_words: 1,
        light: HashSet::default(),
        receive: HashSet::default(),
        planned: HashSet::default(),
        directive: HashSet::default(),
        denied: HashSet::default(),
        denial: HashSet::default(),
        conditional: HashSet::default(),
        clause: HashSet::default(),
        target_prep: HashSet::default(),
        by_prep: HashSet::default(),
        place: HashSet::default(),
        relay: HashSet::default(),
        passive_light: HashSet::default(),
        undergo: HashSet::default(),
        quantifier: HashSet::default(),
        first_person: HashSet::default(),
        investigator: HashSet::default(),
        domain_words: HashMap::default(),
    };
    for r in rows(WORDS_ID_TSV) {
        let w = r[1].to_lowercase();
        let set = match r[0] {
            "agent" => {
                let ws = words(&w);
                res.max_agent_words = res.max_agent_words.max(ws.len());
                res.agent_first_words.insert(ws[0].clone());
                res.agents.insert(ws.join(" "), r[2].to_string());
                continue;
            }
            "light" => &mut res.light,
            "receive" => &mut res.receive,
            "planned" => &mut res.planned,
            "directive" => &mut res.directive,
            "denied" => &mut res.denied,
            "denial" => &mut res.denial,
            "conditional" => &mut res.conditional,
            "clause" => &mut res.clause,
            "target" => &mut res.target_prep,
            "by" => &mut res.by_prep,
            "place" => &mut res.place,
            "relay" => &mut res.relay,
            "passive-light" => &mut res.passive_light,
            "undergo" => &mut res.undergo,
            "quantifier" => &mut res.quantifier,
            "first-person" => &mut res.first_person,
            "investigator" => &mut res.investigator,
            other => match DOMAINS.iter().position(|d| *d == other) {
                Some(at) => {
                    res.domain_words.insert(w, at);
                    continue;
                }
                None => panic!("data/events/words-id.tsv: unknown kind `{other}`"),
            },
        };
        set.insert(w);
    }
    res
}

#[cfg(test)]
mod tests {
    #[test]
    fn data_files_parse_and_name_known_codes() {
        let r = super::resources();
        assert!(r.entries.len() > 150);
        assert!(r.forms.contains_key("menangkap"));
        assert!(r.forms.contains_key("penggeledahan"));
        assert_eq!(super::cameo("173").unwrap().plover, "COERCE");
        assert_eq!(super::cameo("0831").unwrap().plover, "RETREAT");
    }
}
