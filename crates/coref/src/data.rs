//! The data files coreference reads (`data/coref/`, and the reporting verbs
//! of `data/quotes/` whose `-nya` names a speaker), parsed once per process.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

const PRONOUNS_TSV: &str = include_str!("../../../data/coref/pronouns.tsv");
const ROLES_TSV: &str = include_str!("../../../data/coref/roles.tsv");
const EPITHETS_TSV: &str = include_str!("../../../data/coref/epithets.tsv");
const PERSON_NOUNS_TXT: &str = include_str!("../../../data/coref/person_nouns.txt");
const VERBS_TSV: &str = include_str!("../../../data/quotes/reporting_verbs.tsv");

/// Whether a pronoun stands for one person or a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Number {
    Singular,
    Plural,
    /// An organisation (`lembaga itu`, `partai tersebut`).
    Organisation,
}

/// An epithet and the actor it stands for.
#[derive(Debug, Clone)]
pub(crate) struct Epithet {
    /// Lower-case words of the epithet.
    pub words: Vec<String>,
    pub name: String,
    /// Lower-cased name and aliases.
    pub names: Vec<String>,
    pub is_place: bool,
    pub country: Option<String>,
    pub actor_code: Option<String>,
}

/// Everything coreference reads from data files.
pub(crate) struct Resources {
    pub pronouns: HashMap<String, Number>,
    /// Lower-case role words → CAMEO role code (may be empty).
    pub roles: HashMap<Vec<String>, String>,
    /// Longest role, in words.
    pub max_role_words: usize,
    /// First words of roles: most words are not, and are rejected at once.
    pub role_first_words: HashSet<String>,
    pub epithets: Vec<Epithet>,
    /// Words whose `-nya` is a speaker or a side (`kata`, `ujar`, `pihak`).
    pub nya_hosts: HashSet<String>,
    /// Verbs after their speaker (`X mengatakan`, `X said`).
    pub clause_verbs: HashSet<String>,
    /// Nouns that open a descriptive phrase for a person (`pria`,
    /// `politikus`); the first word of two-word nouns (`pesepak bola`).
    pub person_nouns: HashSet<String>,
}

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_lowercase).collect()
}

pub(crate) fn resources() -> &'static Resources {
    static RES: OnceLock<Resources> = OnceLock::new();
    RES.get_or_init(|| {
        let pronouns = rows(PRONOUNS_TSV)
            .filter(|r| r.len() >= 3)
            .map(|r| {
                let n = if r[2] == "pl" {
                    Number::Plural
                } else {
                    Number::Singular
                };
                (r[0].to_lowercase(), n)
            })
            .collect();
        let roles: HashMap<Vec<String>, String> = rows(ROLES_TSV)
            .filter(|r| !r.is_empty())
            .map(|r| (words(r[0]), r.get(2).copied().unwrap_or("").to_string()))
            .collect();
        let max_role_words = roles.keys().map(Vec::len).max().unwrap_or(1);
        let role_first_words = roles.keys().filter_map(|k| k.first().cloned()).collect();
        let epithets = rows(EPITHETS_TSV)
            .filter(|r| r.len() >= 6)
            .map(|r| {
                let mut names = vec![r[1].to_lowercase()];
                names.extend(r[2].split('|').filter(|a| !a.is_empty()).map(str::to_lowercase));
                Epithet {
                    words: words(r[0]),
                    name: r[1].to_string(),
                    names,
                    is_place: r[3] == "LOC",
                    country: Some(r[4].to_string()).filter(|s| !s.is_empty()),
                    actor_code: Some(r[5].to_string()).filter(|s| !s.is_empty()),
                }
            })
            .collect();
        let mut nya_hosts: HashSet<String> = rows(VERBS_TSV)
            .filter(|r| r.len() >= 3 && r[2] == "after")
            .map(|r| r[0].to_lowercase())
            .collect();
        let clause_verbs = rows(VERBS_TSV)
            .filter(|r| r.len() >= 3 && r[2] == "clause")
            .map(|r| r[0].to_lowercase())
            .collect();
        nya_hosts.insert("pihak".into());
        nya_hosts.insert("menurut".into());
        let person_nouns = rows(PERSON_NOUNS_TXT)
            .filter_map(|r| r[0].split_whitespace().next().map(str::to_lowercase))
            .collect();
        Resources {
            pronouns,
            roles,
            max_role_words,
            role_first_words,
            epithets,
            nya_hosts,
            clause_verbs,
            person_nouns,
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn data_files_parse() {
        let r = super::resources();
        assert!(r.pronouns.contains_key("beliau"));
        assert!(r.roles.contains_key(&vec!["kapolri".to_string()]));
        assert!(r.nya_hosts.contains("ujar") && r.nya_hosts.contains("pihak"));
        assert!(r
            .epithets
            .iter()
            .any(|e| e.name == "Komisi Pemberantasan Korupsi"));
    }
}
