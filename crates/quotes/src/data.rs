//! The data files of the quote finder (`data/quotes/`), parsed once per process.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

const VERBS_TSV: &str = include_str!("../../../data/quotes/reporting_verbs.tsv");
const RELAY_TSV: &str = include_str!("../../../data/quotes/relay_cues.tsv");
const NOT_QUOTE_TXT: &str = include_str!("../../../data/quotes/not_quote_cues.txt");
const GROUPS_TXT: &str = include_str!("../../../data/quotes/group_speakers.txt");
const MEDIUM_NOUNS_TXT: &str = include_str!("../../../data/quotes/medium_nouns.txt");
const DIRECT_CONTACT_TXT: &str = include_str!("../../../data/quotes/direct_contact_cues.txt");
const RELATION_NOUNS_TXT: &str = include_str!("../../../data/quotes/relation_nouns.txt");
const NOT_SPEAKER_TXT: &str = include_str!("../../../data/quotes/not_speaker_words.txt");
const TITLE_WORDS_TXT: &str = include_str!("../../../data/quotes/title_words.txt");
const DISCOURSE_OPENERS_TXT: &str = include_str!("../../../data/quotes/discourse_openers.txt");
const ORG_SUFFIXES_TXT: &str = include_str!("../../../data/ner/org_suffixes.txt");

/// How a reporting verb attaches to its speaker and quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbUse {
    /// `"…," kata X` / `katanya`.
    After,
    /// `X mengatakan (bahwa) …`, `"…," X said`.
    Clause,
    /// `demikian disampaikan X`.
    Passive,
    /// `Menurut X, …`.
    According,
    /// `X called the bill "a disaster"`: credits a quoted phrase only.
    Label,
}

/// What must follow a relay cue for it to name a relay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RelayNeeds {
    /// Any organisation or name (`seperti dikutip`, `dilansir`).
    Any,
    /// A medium (`kepada detikcom`, not `kepada wartawan`).
    Medium,
    /// An organisation, which the cue makes a medium (`dalam wawancara
    /// dengan Motorsport`).
    Org,
}

/// A relay cue (`seperti dikutip`, `told`).
#[derive(Debug, Clone)]
pub(crate) struct RelayCue {
    pub words: Vec<String>,
    pub needs: RelayNeeds,
}

pub(crate) struct Resources {
    /// Single lower-case words → use.
    pub verbs: HashMap<String, VerbUse>,
    /// Multi-word `according` cues (`according to`).
    pub according: Vec<Vec<String>>,
    /// Longest first.
    pub relay: Vec<RelayCue>,
    /// First words of relay cues, to reject most tokens at once.
    pub relay_first_words: HashSet<String>,
    pub not_quote: HashSet<String>,
    /// Clause verbs that report speech only before `bahwa`/`that`/a comma.
    pub needs_complementiser: HashSet<String>,
    /// Nouns for unnamed speakers (`officials`, `warga`), last word only.
    pub groups: HashSet<String>,
    /// Words for a kind of medium before its name (`laman`, `kantor berita`).
    pub medium_nouns: HashSet<String>,
    /// Attribution words that say the reporters heard the speaker
    /// themselves (`kepada wartawan`), as word sequences.
    pub direct_contact: Vec<Vec<String>>,
    /// Nouns for a person's relative or representative (`teman`, `kuasa
    /// hukum`), last word only: before a name, the speaker is them.
    pub relation_nouns: HashSet<String>,
    /// Sentence openers before an interposed attribution that are not
    /// part of the reported clause (`Sementara itu`), words joined by one
    /// space.
    pub discourse_openers: HashSet<String>,
    /// Capitalised words that open a phrase, not a name (`Setelah`,
    /// `Meskipun`): never a speaker on their own.
    pub not_speaker: HashSet<String>,
    /// English business titles before a name (`Head`, `Founder`, `CEO`).
    pub title_words: HashSet<String>,
    /// Words that end an organisation's name (`Sekuritas`, `Institute`;
    /// the NER's list): a capitalised run the tagger missed stops after
    /// one, so the employer is not read into the speaker's name.
    pub org_suffixes: HashSet<String>,
}

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

pub(crate) fn resources() -> &'static Resources {
    static RES: OnceLock<Resources> = OnceLock::new();
    RES.get_or_init(|| {
        let mut verbs = HashMap::default();
        let mut needs_complementiser = HashSet::default();
        let mut according = Vec::new();
        for r in rows(VERBS_TSV).filter(|r| r.len() >= 3) {
            let form = r[0].to_lowercase();
            let u = match r[2] {
                "after" => VerbUse::After,
                "passive" => VerbUse::Passive,
                "according" => VerbUse::According,
                "label" => VerbUse::Label,
                _ => VerbUse::Clause,
            };
            if r.get(3) == Some(&"that") {
                needs_complementiser.insert(form.clone());
            }
            if form.contains(' ') {
                according.push(form.split(' ').map(str::to_string).collect());
            } else {
                // A word listed twice keeps its first use (`bilang`).
                verbs.entry(form).or_insert(u);
            }
        }
        let mut relay: Vec<RelayCue> = rows(RELAY_TSV)
            .filter(|r| r.len() >= 3)
            .map(|r| RelayCue {
                words: r[0].to_lowercase().split(' ').map(str::to_string).collect(),
                needs: match r[2] {
                    "yes" => RelayNeeds::Medium,
                    "org" => RelayNeeds::Org,
                    _ => RelayNeeds::Any,
                },
            })
            .collect();
        relay.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
        let relay_first_words = relay.iter().filter_map(|c| c.words.first().cloned()).collect();
        let not_quote = rows(NOT_QUOTE_TXT).map(|r| r[0].to_lowercase()).collect();
        let groups = rows(GROUPS_TXT)
            .filter_map(|r| r[0].split_whitespace().last().map(str::to_lowercase))
            .collect();
        let medium_nouns = rows(MEDIUM_NOUNS_TXT).map(|r| r[0].to_lowercase()).collect();
        let direct_contact = rows(DIRECT_CONTACT_TXT)
            .map(|r| r[0].to_lowercase().split(' ').map(str::to_string).collect())
            .collect();
        let relation_nouns = rows(RELATION_NOUNS_TXT).map(|r| r[0].to_lowercase()).collect();
        let discourse_openers = rows(DISCOURSE_OPENERS_TXT).map(|r| r[0].to_lowercase()).collect();
        let not_speaker = rows(NOT_SPEAKER_TXT).map(|r| r[0].to_lowercase()).collect();
        let title_words = rows(TITLE_WORDS_TXT).map(|r| r[0].to_lowercase()).collect();
        let org_suffixes = rows(ORG_SUFFIXES_TXT).map(|r| r[0].to_lowercase()).collect();
        Resources {
            verbs,
            according,
            relay,
            relay_first_words,
            not_quote,
            needs_complementiser,
            groups,
            medium_nouns,
            direct_contact,
            relation_nouns,
            discourse_openers,
            not_speaker,
            title_words,
            org_suffixes,
        }
    })
}
