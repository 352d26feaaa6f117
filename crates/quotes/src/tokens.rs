//! The article's tokens as the quote finder reads them, and the questions it
//! asks of them: which verb, which mention, which sentence.

use crate::data::{Resources, VerbUse};
use warta_core::{Coreference, Document, Mention, Span, TokenKind};

/// One token.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub span: Span,
    pub lower: String,
    pub is_word: bool,
    pub capitalised: bool,
    pub sentence: usize,
    pub paragraph: usize,
}

/// Adverbs that may stand between a speaker and a reporting verb
/// (`Tito juga mengatakan`, `Obama has said`).
const ADVERBS: &[&str] = &[
    "juga",
    "pun",
    "kembali",
    "lebih",
    "lanjut",
    "sebelumnya",
    "kemudian",
    "lalu",
    "bahkan",
    "sendiri",
    "pula",
    "sempat",
    "telah",
    "sudah",
    "akhirnya",
    "ikut",
    "turut",
    "lantas",
    "malah",
    "justru",
    "hanya",
    "masih",
    "pernah",
    "also",
    "has",
    "have",
    "had",
    "then",
    "later",
    "previously",
    "once",
    "again",
];

/// Verbs of opinion and denial that report what someone said even when
/// negated (`Rashford tak menilai …`, `Luna tak menampik …`); verbs of
/// telling do not (`Noor tidak menjelaskan …` says nothing).
const NEGATABLE_VERBS: &[&str] = &[
    "menilai",
    "menampik",
    "membantah",
    "memungkiri",
    "menyangkal",
    "merasa",
    "yakin",
    "percaya",
    "setuju",
    "sependapat",
    "menduga",
    "menyangka",
];

/// Words that end a speaker's title phrase (`kata dia kepada Andi`: the
/// speaker is `dia`, not Andi).
pub(crate) const PHRASE_STOPS: &[&str] = &[
    "kepada", "di", "saat", "ketika", "dalam", "dari", "untuk", "pada", "yang", "usai", "seusai", "to", "in",
    "at", "for", "on", "who", "from", "with", "dengan",
];

/// How many tokens a title phrase before a name may take (`Direktur
/// Jenderal Penguatan Daya Saing Produk Kelautan dan Perikanan KKP Nilanto
/// Perbowo`).
const TITLE_TOKENS: usize = 14;

/// Most tokens of the body after `dari` in a title (`Humas dari
/// Pengadilan Negeri Jakarta Selatan, Made Sutrisna`).
const OFFICE_BODY_TOKENS: usize = 8;

/// How far back an apposition (`X, one of …, said`) may open.
const APPOSITION_REACH: usize = 15;
/// How far into its sentence a subject may start (`Sementara itu, X …`).
const SUBJECT_REACH: usize = 8;
/// … and how far a person's name, after a title.
const PERSON_SUBJECT_REACH: usize = 14;

/// Pronouns never taken for a name the NER missed.
const PRONOUNS: &[&str] = &[
    "ia", "dia", "dirinya", "beliau", "mereka", "kami", "kita", "saya", "aku", "he", "she", "they", "we",
    "i", "it",
];

/// Whether a lower-case word is a personal pronoun.
pub(crate) fn is_pronoun(lower: &str) -> bool {
    PRONOUNS.contains(&lower)
}

/// Whether a capitalised word standing alone is no name the NER missed: a
/// pronoun, or a word that opens a phrase (`Setelah`, `Meskipun`).
fn never_a_name(lower: &str) -> bool {
    is_pronoun(lower) || crate::data::resources().not_speaker.contains(lower)
}

pub(crate) struct Toks<'d> {
    pub doc: &'d Document,
    pub toks: Vec<Tok>,
    /// End byte → the longest coreference mention ending there.
    by_end: std::collections::HashMap<usize, usize>,
    /// Person cluster → the fullest name the article writes for it, where
    /// that is not the cluster's own name (see [`Toks::speaker_name`]).
    written: std::collections::HashMap<usize, String>,
    /// Cluster → the span of its first mention.
    first_mention: std::collections::HashMap<usize, Span>,
}

/// For each person cluster whose name the article never writes (the
/// lexicon's canonical form), the longest name mention it does write.
fn written_names(doc: &Document) -> std::collections::HashMap<usize, String> {
    let coref = &doc.coref;
    let mut longest: std::collections::HashMap<usize, &str> = std::collections::HashMap::new();
    let mut named: std::collections::HashSet<usize> = std::collections::HashSet::new();
    for m in coref
        .mentions
        .iter()
        .filter(|m| m.kind == warta_core::MentionKind::Name)
    {
        let c = &coref.clusters[m.cluster];
        if c.kind != warta_core::EntityType::Per {
            continue;
        }
        // Written with titles around it (`Kombes Argo Yuwono`) counts.
        if m.text.to_lowercase().contains(&c.name.to_lowercase()) {
            named.insert(m.cluster);
        }
        let words = m.text.split_whitespace().count();
        let best = longest.entry(m.cluster).or_insert("");
        if words > best.split_whitespace().count() {
            *best = &m.text;
        }
    }
    longest
        .into_iter()
        .filter(|(c, w)| !w.is_empty() && !named.contains(c))
        .map(|(c, w)| (c, w.to_string()))
        .collect()
}

impl<'d> Toks<'d> {
    pub fn new(doc: &'d Document) -> Toks<'d> {
        let mut toks = Vec::with_capacity(doc.tokens.len());
        let (mut sentence, mut paragraph, mut scanned) = (0, 0, 0);
        for t in &doc.tokens {
            while sentence + 1 < doc.sentences.len() && doc.sentences[sentence].end <= t.span.start {
                sentence += 1;
            }
            paragraph += doc.text[scanned..t.span.start].matches('\n').count();
            scanned = t.span.start;
            let text = &doc.text[t.span.range()];
            toks.push(Tok {
                span: t.span,
                lower: if text.is_ascii() {
                    text.to_ascii_lowercase()
                } else {
                    text.to_lowercase()
                },
                is_word: t.kind == TokenKind::Word,
                capitalised: text.chars().next().is_some_and(char::is_uppercase),
                sentence,
                paragraph,
            });
        }
        let mut by_end: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        let mut first_mention = std::collections::HashMap::new();
        let ms = &doc.coref.mentions;
        // Mentions are in text order: the first one seen is the first.
        for (k, m) in ms.iter().enumerate() {
            first_mention.entry(m.cluster).or_insert(m.span);
            let longer = by_end
                .get(&m.span.end)
                .is_none_or(|&o| ms[o].span.len() < m.span.len());
            if longer {
                by_end.insert(m.span.end, k);
            }
        }
        Toks {
            doc,
            toks,
            by_end,
            written: written_names(doc),
            first_mention,
        }
    }

    /// The name a quote gives its speaker: the fullest form the article
    /// writes (`Yasonna H Laoly`, `M Prasetyo`, `Ahok`), as the labelling
    /// rules and the issue have it, where the lexicon's canonical name is
    /// written nowhere in the article, and that form is at most one word
    /// longer; else the cluster's name (`tulis Kim` → `Kim Jong Un` when
    /// the article writes `Kim Jong Un`). The canonical name stays on the
    /// speaker's cluster and entities.
    pub fn speaker_name(&self, cluster: usize) -> String {
        let c = &self.doc.coref.clusters[cluster];
        match self.written.get(&cluster) {
            Some(w) if w.split_whitespace().count() <= c.name.split_whitespace().count() + 1 => w.clone(),
            _ => c.name.clone(),
        }
    }

    pub fn coref(&self) -> &'d Coreference {
        &self.doc.coref
    }

    /// Index of the first token starting at or after `at`.
    pub fn index_at(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < at)
    }

    /// The token range of sentence `s`.
    pub fn sentence_range(&self, s: usize) -> std::ops::Range<usize> {
        match self.doc.sentences.get(s) {
            Some(span) => self.index_at(span.start)..self.index_at(span.end),
            None => 0..0,
        }
    }

    /// How the word at `i` reports speech, with whether it carries `-nya`.
    pub fn verb(&self, i: usize, res: &Resources) -> Option<(VerbUse, bool)> {
        let t = self.toks.get(i)?;
        if !t.is_word {
            return None;
        }
        if let Some(&u) = res.verbs.get(&t.lower) {
            return Some((u, false));
        }
        let host = t.lower.strip_suffix("nya")?;
        match res.verbs.get(host) {
            Some(&VerbUse::After) => Some((VerbUse::After, true)),
            _ => None,
        }
    }

    /// Whether `according to`-style words start at `i`; returns their length.
    pub fn according_at(&self, i: usize, res: &Resources) -> Option<usize> {
        if self
            .verb(i, res)
            .is_some_and(|(u, _)| u == crate::data::VerbUse::According)
        {
            return Some(1);
        }
        res.according
            .iter()
            .find(|ws| {
                ws.iter()
                    .enumerate()
                    .all(|(k, w)| self.toks.get(i + k).is_some_and(|t| &t.lower == w))
            })
            .map(Vec::len)
    }

    pub fn is_adverb(&self, i: usize) -> bool {
        ADVERBS.contains(&self.toks[i].lower.as_str())
    }

    /// The coreference mention that starts at token `i` (the longest).
    pub fn mention_starting(&self, i: usize) -> Option<&'d Mention> {
        let at = self.toks.get(i)?.span.start;
        let ms = &self.doc.coref.mentions;
        let k = ms.partition_point(|m| m.span.start < at);
        ms[k..]
            .iter()
            .take_while(|m| m.span.start == at)
            .max_by_key(|m| m.span.len())
    }

    /// The mention coreference made of the clitic `-nya` ending token `i`
    /// (`ujarnya`, `menurutnya`), as the speaker it stands for.
    pub fn clitic_mention(&self, i: usize) -> Option<&'d Mention> {
        let t = self.toks.get(i)?;
        let nya = Span::new(t.span.end.checked_sub(3)?, t.span.end);
        self.doc.coref.mention_at(nya)
    }

    /// The coreference mention that ends with token `i` (the longest).
    pub fn mention_ending(&self, i: usize) -> Option<&'d Mention> {
        let t = self.toks.get(i)?;
        self.by_end.get(&t.span.end).map(|&k| &self.doc.coref.mentions[k])
    }

    /// Where a phrase that names someone ends, when it starts at token `i`:
    /// a coreference mention, else a run of capitalised words (a name the
    /// NER missed). Returns the end token (exclusive) and the mention.
    pub fn speaker_from(&self, i: usize) -> Option<(usize, Option<&'d Mention>)> {
        let first = self.toks.get(i)?;
        let s = first.sentence;
        if let Some(relative) = self.relative_of_person(i) {
            return Some(relative);
        }
        // Titles and organisations before a name (`Kapolri Listyo Sigit
        // Prabowo`, `Kapuspenkum Kejagung Anang Supriatna`): the person's
        // mention, which carries the title as its role.
        let mut found: Option<&'d Mention> = None;
        // A lone English title taken for a person (`Head of Corporate
        // Communication CMNP Solahuddin`): the name after it, if any.
        let mut title_only: Option<&'d Mention> = None;
        // Titles may be lower case (`White House press secretary Josh
        // Earnest`); a reporting verb or punctuation ends the phrase.
        for j in i..(i + TITLE_TOKENS).min(self.toks.len()) {
            let t = &self.toks[j];
            let in_phrase = t.is_word || matches!(t.lower.as_str(), "(" | ")" | "&");
            // Capitalised, a stop word is part of a title (`Menteri Dalam
            // Negeri`).
            let stop = crate::data::resources().verbs.contains_key(&t.lower)
                || (!t.capitalised && PHRASE_STOPS.contains(&t.lower.as_str()));
            if j > i && (t.sentence != s || !in_phrase || stop) {
                // `kata Juru Bicara KPK, Febri Diansyah`: the office, a
                // comma, then the person holding it.
                if let Some(m) = self
                    .holder_after_comma(j)
                    .or_else(|| self.holder_after_second_title(j))
                {
                    return Some((self.index_at(m.span.end), Some(m)));
                }
                // `Humas dari Pengadilan Negeri Jakarta Selatan, Made
                // Sutrisna`: the office's body, a comma, then its holder.
                if matches!(t.lower.as_str(), "dari" | "of") && t.sentence == s {
                    let comma = (j + 1..(j + OFFICE_BODY_TOKENS).min(self.toks.len()))
                        .take_while(|&k| {
                            self.toks[k].sentence == s && (self.toks[k].is_word || self.toks[k].lower == ",")
                        })
                        .find(|&k| self.toks[k].lower == ",");
                    if let Some(m) = comma.and_then(|k| self.holder_after_comma(k)) {
                        return Some((self.index_at(m.span.end), Some(m)));
                    }
                }
                break;
            }
            if let Some(m) = self.mention_starting(j) {
                let lone_title = !m.text.contains(' ')
                    && crate::data::resources()
                        .title_words
                        .contains(&m.text.to_lowercase());
                // An office coreference made a mention of its own when
                // words stand between it and its holder (`Direktur
                // Jenderal Penguatan Daya Saing Produk Kelautan dan
                // Perikanan KKP Nilanto Perbowo`): the holder, if named.
                let office = m.kind == warta_core::MentionKind::Role;
                if self.is_person(m) && (lone_title || office) && title_only.is_none() {
                    title_only = Some(m);
                    continue;
                }
                if self.is_person(m) {
                    return Some((self.index_at(m.span.end), Some(m)));
                }
                if j == i {
                    found = Some(m);
                }
            }
        }
        if let Some(m) = found.or(title_only) {
            return Some((self.index_at(m.span.end), Some(m)));
        }
        if !first.is_word || !first.capitalised || never_a_name(&first.lower) {
            return None;
        }
        let mut j = i;
        while j < self.toks.len()
            && j < i + 4
            && self.toks[j].is_word
            && self.toks[j].capitalised
            && self.toks[j].sentence == s
        {
            j += 1;
        }
        Some((j, None))
    }

    /// The person named right after a comma at token `j` (`kata Juru
    /// Bicara KPK, Febri Diansyah`: the holder of the office before it).
    fn holder_after_comma(&self, j: usize) -> Option<&'d Mention> {
        self.toks.get(j).filter(|t| t.lower == ",")?;
        // A rank or form of address may come first (`Kabag Ops Polrestro
        // Bekasi Kota, Kompol Aslan Solastomo`).
        (j + 1..j + 4).find_map(|k| {
            let t = self.toks.get(k)?;
            if t.sentence != self.toks[j].sentence
                || !t.is_word
                || (k > j + 1 && !self.toks[k - 1].capitalised)
            {
                return None;
            }
            self.mention_starting(k).filter(|m| self.is_person(m))
        })
    }

    /// The person named after `yang juga` and a second title (`Pendiri FPCI
    /// yang juga mantan Menteri Luar Negeri Dino Patti Djalal`), when token
    /// `j` is that `yang`.
    fn holder_after_second_title(&self, j: usize) -> Option<&'d Mention> {
        let s = self.toks[j].sentence;
        let next = self.toks.get(j + 1)?;
        if self.toks[j].lower != "yang"
            || !matches!(next.lower.as_str(), "juga" | "merupakan" | "sekaligus" | "kini")
        {
            return None;
        }
        (j + 2..(j + 2 + TITLE_TOKENS).min(self.toks.len()))
            .take_while(|&k| self.toks[k].sentence == s && self.toks[k].is_word)
            .find_map(|k| self.mention_starting(k).filter(|m| self.is_person(m)))
    }

    /// A relative or representative of a named person (`teman dekat
    /// Harry`, `ibu Agnes`, `kuasa hukum Setya`) starting at token `i`: the
    /// phrase up to the end of the person's name, with no mention, since
    /// the speaker is not that person; or the holder after a comma (`kuasa
    /// hukum Setya, Fredrich Yunadi`).
    fn relative_of_person(&self, i: usize) -> Option<(usize, Option<&'d Mention>)> {
        const MODIFIERS: &[&str] = &[
            "dekat", "lama", "lain", "lainnya", "kandung", "tertua", "sulung", "bungsu", "dari", "of", "for",
            "close",
        ];
        let res = crate::data::resources();
        let s = self.toks.get(i)?.sentence;
        let mut j = i;
        let mut relation = false;
        while let Some(t) = self.toks.get(j) {
            if j >= i + 4 || t.sentence != s || !t.is_word || t.capitalised {
                break;
            }
            let is_relation = res.relation_nouns.contains(&t.lower);
            // `teman dekat`, `kuasa hukum`: a modifier after the noun, or
            // a word before it.
            let modifier = relation && MODIFIERS.contains(&t.lower.as_str());
            let before_relation = self
                .toks
                .get(j + 1)
                .is_some_and(|n| res.relation_nouns.contains(&n.lower));
            if !(is_relation || modifier || before_relation) {
                break;
            }
            relation |= is_relation;
            j += 1;
        }
        if !relation {
            return None;
        }
        let person = self.mention_starting(j).filter(|m| self.is_person(m))?;
        let end = self.index_at(person.span.end);
        Some(match self.holder_after_comma(end) {
            Some(m) => (self.index_at(m.span.end), Some(m)),
            None => (end, None),
        })
    }

    /// The person named before a phrase of where or how they spoke that
    /// ends at token `j` (`Aldo Schellenberg dalam konferensi pers
    /// mengatakan`, `Budi dalam rapat di DPR menyatakan`): the phrase opens
    /// with a preposition of occasion and holds no comma or verb.
    fn person_before_setting(&self, j: usize) -> Option<&'d Mention> {
        const SETTING_WORDS: usize = 8;
        // Not `di` or `pada`: `Dua gol Ronaldo di final memastikan …`.
        const OPENERS: &[&str] = &[
            "dalam", "saat", "ketika", "usai", "seusai", "melalui", "lewat", "kepada",
        ];
        let s = self.toks[j].sentence;
        let res = crate::data::resources();
        let mut k = j;
        while k > 0 && j - k < SETTING_WORDS {
            let t = &self.toks[k];
            if t.sentence != s || t.lower == "," || res.verbs.contains_key(&t.lower) {
                return None;
            }
            if OPENERS.contains(&t.lower.as_str()) {
                return self.mention_ending(k - 1).filter(|m| self.is_person(m));
            }
            k -= 1;
        }
        None
    }

    /// The person named before a comma and academic or professional
    /// degrees ending at token `j` (`Soehartati Gondhowiardjo, Sp. Rad (K)
    /// OnkRad menyebut`, `Budi Santoso, S.H., M.H. mengatakan`): short
    /// capitalised words with at least one abbreviation mark (a full stop,
    /// or a capital inside the word: `SpOG`), no name among them.
    fn person_before_degrees(&self, j: usize) -> Option<&'d Mention> {
        const MOST_TOKENS: usize = 12;
        let s = self.toks[j].sentence;
        let mut abbreviated = false;
        let mut k = j;
        while j - k < MOST_TOKENS {
            let t = &self.toks[k];
            if t.sentence != s || self.mention_starting(k).is_some() {
                return None;
            }
            match t.lower.as_str() {
                // `Fitria Amalia, SpKK, M.Kes`: commas between degrees too.
                "," if k < j && abbreviated => {
                    if let Some(m) = self
                        .mention_ending(k.checked_sub(1)?)
                        .filter(|m| self.is_person(m))
                    {
                        return Some(m);
                    }
                }
                "." => abbreviated = true,
                "(" | ")" => {}
                _ if t.is_word && t.capitalised && t.span.len() <= 7 => {
                    let text = &self.doc.text[t.span.range()];
                    abbreviated |= text.contains('.') || text.chars().skip(1).any(char::is_uppercase);
                }
                _ => return None,
            }
            k = k.checked_sub(1)?;
        }
        None
    }

    /// Where a relative's or representative's phrase before a name at token
    /// `start` begins (`kuasa hukum Axel`, `teman dekat Harry`), if one
    /// stands there: a lower-case relation noun, its modifier, and one
    /// word before it (`kuasa`).
    fn relation_before(&self, start: usize) -> Option<usize> {
        let res = crate::data::resources();
        let s = self.toks[start].sentence;
        let word = |k: usize| {
            self.toks
                .get(k)
                .filter(|t| t.sentence == s && t.is_word && !t.capitalised)
        };
        let mut r = start.checked_sub(1)?;
        // `teman dekat Harry`: a modifier after the noun.
        if word(r).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "dekat" | "lama" | "kandung" | "sulung" | "bungsu"
            )
        }) {
            r = r.checked_sub(1)?;
        }
        word(r).filter(|t| res.relation_nouns.contains(&t.lower))?;
        // `kuasa hukum`: the word before the noun, when it is no verb or
        // function word.
        if let Some(p) = r.checked_sub(1).and_then(word) {
            let function = res.verbs.contains_key(&p.lower)
                || PHRASE_STOPS.contains(&p.lower.as_str())
                || matches!(
                    p.lower.as_str(),
                    "dan" | "serta" | "atau" | "para" | "sang" | "itu" | "ini"
                );
            if !function && p.lower.len() > 3 {
                r -= 1;
            }
        }
        Some(r)
    }

    /// Whether a professional's title before a name is that person's own
    /// (`pengacara Fredrich Yunadi`: the lawyer is Fredrich) rather than
    /// whose representative speaks (`kuasa hukum Axel`): the article
    /// introduces the person here, by a name of two words or more.
    fn names_the_professional(&self, relation: usize, m: &Mention) -> bool {
        let professional = (relation..self.index_at(m.span.start)).any(|k| {
            matches!(
                self.toks[k].lower.as_str(),
                "pengacara" | "hukum" | "ajudan" | "asisten" | "lawyer" | "attorney" | "aide"
            )
        });
        let first_mention = self.first_mention.get(&m.cluster) == Some(&m.span);
        professional && first_mention && m.text.split_whitespace().count() >= 2
    }

    /// Where a group speaker ending at token `j` starts (`Con Edison
    /// officials`, `Obama administration officials`, `most experts`): the
    /// noun and up to three modifiers before it, not function words.
    pub fn group_start(&self, j: usize) -> usize {
        const FUNCTION: &[&str] = &[
            "the", "a", "an", "and", "of", "but", "most", "some", "many", "other", "that", "yang", "dan",
            "para", "sejumlah", "beberapa", "banyak", "sebagian", "oleh", "by", "to", "kepada", "menurut",
        ];
        let s = self.toks[j].sentence;
        let mut k = j;
        while k > 0 && j - k < 3 {
            let p = &self.toks[k - 1];
            if p.sentence != s || !p.is_word || FUNCTION.contains(&p.lower.as_str()) {
                break;
            }
            if crate::data::resources().verbs.contains_key(&p.lower) {
                break;
            }
            k -= 1;
        }
        k
    }

    /// The subject of the sentence of token `at`: the first person's
    /// coreference mention within its first few tokens, before `at`, else
    /// the first organisation's.
    pub fn subject_of(&self, at: usize) -> Option<(usize, Option<&'d Mention>)> {
        let range = self.sentence_range(self.toks[at].sentence);
        let first = |person: bool| {
            // A person may stand after a long title (`Kepala Bidang … BPBD
            // Kabupaten Ponorogo, Setyo Budiono, Senin menuturkan`).
            let reach = if person {
                PERSON_SUBJECT_REACH
            } else {
                SUBJECT_REACH
            };
            (range.start..at.min(range.start + reach)).find_map(|k| {
                let m = self.mention_starting(k)?;
                let fits = if person {
                    self.is_person(m)
                } else {
                    self.doc.coref.clusters[m.cluster].kind == warta_core::EntityType::Org
                };
                fits.then_some((k, Some(m)))
            })
        };
        // `Kepala Bidang … BPBD Kabupaten Ponorogo, Setyo Budiono, Senin
        // menuturkan`: a person before the verb, over the organisation
        // in their title.
        first(true).or_else(|| first(false))
    }

    /// Whether token `i` lies inside a time expression (`Senin (17/4)`);
    /// the times layer is in text order, so a binary search finds it.
    pub(crate) fn in_time(&self, i: usize) -> bool {
        let span = self.toks[i].span;
        let times = &self.doc.times;
        let k = times.partition_point(|t| t.span.start <= span.start);
        k > 0 && span.end <= times[k - 1].span.end
    }

    /// Whether a mention's cluster is a person.
    pub fn is_person(&self, m: &Mention) -> bool {
        self.doc.coref.clusters[m.cluster].kind == warta_core::EntityType::Per
    }

    /// The speaker phrase ending right before token `verb` (adverbs may
    /// stand between, and `yang` when `relative`: `Kim yang menyebut`): its
    /// start token and mention.
    pub fn speaker_before(&self, verb: usize, relative: bool) -> Option<(usize, Option<&'d Mention>)> {
        let mut j = verb.checked_sub(1)?;
        let negatable = NEGATABLE_VERBS.contains(&self.toks[verb].lower.as_str());
        let negation = |j: usize| {
            negatable && matches!(self.doc.text[self.toks[j].span.range()].as_ref(), "tak" | "tidak")
        };
        while self.is_adverb(j) || negation(j) || (relative && self.toks[j].lower == "yang") {
            j = j.checked_sub(1)?;
        }
        if self.toks[j].sentence != self.toks[verb].sentence {
            return None;
        }
        // `Farhat Abbas … pada Senin (17/4) mengatakan`: a time before the
        // verb is when, not who; the speaker is the sentence's subject.
        if self.in_time(j) {
            return self.subject_of(verb);
        }
        // `Agus Harimurti Yudhoyono (AHY) mengatakan`.
        if self.toks[j].lower == ")" {
            let open = (j.saturating_sub(5)..j)
                .rev()
                .find(|&k| self.toks[k].lower == "(")?;
            j = open.checked_sub(1)?;
        }
        if let Some(m) = self.person_before_degrees(j) {
            return Some((self.index_at(m.span.start), Some(m)));
        }
        // `Anggota AJI lainnya, Arin, menyoroti`: a name set off by commas;
        // `Eric Reeves, one of the leading voices on Sudan, said`: a name
        // before an apposition.
        if self.toks[j].lower == "," {
            if let Some(m) = self
                .mention_ending(j.checked_sub(1)?)
                .filter(|m| self.is_person(m))
            {
                return Some((self.index_at(m.span.start), Some(m)));
            }
            let s = self.toks[j].sentence;
            let before = |word: &str| {
                (j.saturating_sub(APPOSITION_REACH)..j)
                    .rev()
                    .take_while(|&k| self.toks[k].sentence == s)
                    .find(|&k| self.toks[k].lower == word)
            };
            let person_ending = |k: Option<usize>| {
                self.mention_ending(k?.checked_sub(1)?)
                    .filter(|m| self.is_person(m))
            };
            // `Brivio yang hampir 20 tahun berkarier di Yamaha, yakin`: a
            // person before a relative clause set off by the comma.
            let m = person_ending(before(",")).or_else(|| person_ending(before("yang")))?;
            return Some((self.index_at(m.span.start), Some(m)));
        }
        // `X condemned the attack and said …`: the sentence's subject.
        if matches!(
            self.toks[j].lower.as_str(),
            "and" | "dan" | "serta" | "seraya" | "sambil"
        ) {
            return self.subject_of(verb);
        }
        if !self.mention_ending(j).is_some_and(|m| self.is_person(m)) {
            if let Some(m) = self.person_before_setting(j) {
                return Some((self.index_at(m.span.start), Some(m)));
            }
        }
        if let Some(m) = self.mention_ending(j) {
            // `Pos Pengamatan Gunung Agung di Desa Rendang menyebutkan`: a
            // place after a preposition is where, not who.
            let start = self.index_at(m.span.start);
            let located = self.doc.coref.clusters[m.cluster].kind == warta_core::EntityType::Loc
                && start > 0
                && matches!(
                    self.toks[start - 1].lower.as_str(),
                    "di" | "ke" | "dari" | "in" | "at" | "from"
                );
            if located {
                return self.subject_of(verb).filter(|(k, _)| *k < start);
            }
            // `kuasa hukum Axel menyebut`, `ibu Agnes mengatakan`: the
            // relative or representative speaks, not the person named.
            if let Some(r) = self
                .relation_before(start)
                .filter(|&r| !self.names_the_professional(r, m))
            {
                return Some((r, None));
            }
            return Some((start, Some(m)));
        }
        let t = &self.toks[j];
        if t.is_word && crate::data::resources().groups.contains(&t.lower) {
            return Some((self.group_start(j), None));
        }
        if !t.is_word || !t.capitalised {
            return None;
        }
        // `Ekonom Samuel Sekuritas Rangga Cipta mengatakan`: the run stops
        // at the end of an employer's name.
        let org_suffixes = &crate::data::resources().org_suffixes;
        let mut k = j;
        while k > 0
            && j - k < 3
            && self.toks[k - 1].is_word
            && self.toks[k - 1].capitalised
            && self.toks[k - 1].sentence == t.sentence
            && !org_suffixes.contains(&self.toks[k - 1].lower)
        {
            k -= 1;
        }
        if k == j && never_a_name(&t.lower) {
            return None;
        }
        Some((k, None))
    }
}
