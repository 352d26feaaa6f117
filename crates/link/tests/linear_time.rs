//! Linking is linear in its input (issue 12): on a text built to be hard
//! (the same names or phrases over and over, thousands of distinct names)
//! the linker takes at most `BOUND` times as long as on ordinary news of the
//! same size. Before the fix, the first input below (one sentence about Joko
//! Widodo and Luhut Binsar Pandjaitan, repeated to 250 KB) took 346 s to
//! link in the test profile, 3,300 times ordinary news (0.1 s).
//!
//! Only ratios of times measured in the same process are compared, never
//! wall-clock limits, so a slow or busy machine does not fail the test; each
//! time is the best of a few runs. The entities stand in for the NER stage's
//! (the generators mark the mentions they write), so the test needs no model
//! and no reference data.

use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};
use warta_core::{Document, Entity, EntityType, Span, Stage};
use warta_lexicon::Lexicon;
use warta_link::Linker;
use warta_testdata::hard_inputs::{name, ORGS, PLACES};

/// Size of every input: where the old linker took minutes on repeated names.
const SIZE: usize = 250_000;
/// Most a hard input may take, as a multiple of ordinary news.
const BOUND: f64 = 20.0;
const RUNS: usize = 3;

/// A text with the entities an NER stage would have found in it.
struct Input {
    doc: Document,
}

impl Input {
    fn new() -> Input {
        let mut doc = Document::new("t", "");
        doc.published = chrono::NaiveDate::from_ymd_opt(2022, 6, 13);
        Input { doc }
    }

    /// Appends text with its mentions marked `<P:…>`, `<L:…>`, `<O:…>`.
    fn push(&mut self, marked: &str) {
        let d = &mut self.doc;
        let mut rest = marked;
        while let Some(open) = rest.find('<') {
            d.text.push_str(&rest[..open]);
            let close = open + rest[open..].find('>').expect("closed mark");
            let (kind, name) = rest[open + 1..close].split_once(':').expect("typed mark");
            let kind = match kind {
                "P" => EntityType::Per,
                "L" => EntityType::Loc,
                _ => EntityType::Org,
            };
            let s = d.text.len();
            d.text.push_str(name);
            d.entities
                .push(Entity::new(Span::new(s, d.text.len()), name, kind));
            rest = &rest[close + 1..];
        }
        d.text.push_str(rest);
    }

    /// Pieces from `piece(i)` for i = 0, 1, … up to `SIZE` bytes of text.
    fn fill(mut piece: impl FnMut(usize) -> String) -> Input {
        let mut input = Input::new();
        for i in 0.. {
            if input.doc.text.len() >= SIZE {
                break;
            }
            input.push(&piece(i));
        }
        input
    }
}

/// Ordinary news: one short article after another, each about its own
/// people (named in full, then by surname), places and organisation.
fn news() -> Input {
    Input::fill(|k| {
        let (a, b) = (
            format!("{} {}", name(k, 0), name(k, 1)),
            format!("{} {}", name(k, 2), name(k, 3)),
        );
        let (sa, sb) = (name(k, 1), name(k, 3));
        let place = PLACES[k % PLACES.len()];
        let org = ORGS[k % ORGS.len()];
        format!(
            "<L:{place}> - <P:{a}> mengatakan pemerintah akan meninjau kebijakan harga pangan di \
             <L:{place}> pada pekan depan.\n\
             Menurut {sa}, langkah itu penting bagi warga yang terdampak kenaikan harga sejak awal tahun.\n\
             \"Kami akan memastikan pasokan cukup,\" kata {sa} kepada wartawan, Senin (13/6/2022).\n\
             Sementara itu, <P:{b}> dari <O:{org}> menyatakan lembaganya siap membantu pengawasan.\n\
             {sb} menambahkan, koordinasi dengan pemerintah daerah <L:{place}> sudah berjalan.\n\
             Harga beras di pasar tradisional naik tiga persen sebulan terakhir, menurut <O:{org}>.\n"
        )
    })
}

/// Best of `RUNS` times to link the input, and how many entities came out.
/// A run still going at `5 * limit` is abandoned (`Err`, with the time
/// waited): the old linker took minutes, and failing takes no longer than
/// the bound says.
fn time(linker: &Arc<Linker>, input: &Input, limit: Duration) -> Result<(Duration, usize), Duration> {
    let give_up = limit.saturating_mul(5);
    let mut best = Duration::MAX;
    let mut found = 0;
    for _ in 0..RUNS {
        let (linker, mut doc) = (Arc::clone(linker), input.doc.clone());
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let t = Instant::now();
            linker.process(&mut doc).expect("links");
            let _ = tx.send((t.elapsed(), doc.entities.len()));
        });
        match rx.recv_timeout(give_up) {
            Ok((t, n)) => (best, found) = (best.min(t), n),
            Err(mpsc::RecvTimeoutError::Timeout) => return Err(give_up),
            Err(mpsc::RecvTimeoutError::Disconnected) => panic!("the linker panicked"),
        }
    }
    Ok((best, found))
}

#[test]
fn hard_inputs_link_in_time_proportional_to_their_size() {
    let linker = Arc::new(Linker::new(Lexicon::load_default().expect("lexicons load")));
    let normal = news();
    let (base, base_found) = time(&linker, &normal, Duration::MAX).expect("ordinary news links");
    assert!(base_found > 1000, "ordinary news has entities: {base_found}");
    let hard = [
        (
            "one sentence about two people, repeated",
            Input::fill(|_| {
                "Presiden <P:Joko Widodo> bertemu Menteri <P:Luhut Binsar Pandjaitan> di <L:Jakarta>.\n"
                    .into()
            }),
        ),
        (
            "surnames alone, repeated after one full name",
            Input::fill(|i| {
                if i == 0 {
                    "Presiden <P:Joko Widodo> bertemu Menteri <P:Luhut Binsar Pandjaitan>.\n".into()
                } else {
                    "Kata Widodo, Luhut setuju dengan Joko. Pandjaitan diam.\n".into()
                }
            }),
        ),
        (
            "role phrases, repeated",
            Input::fill(|_| {
                "Pasukan <L:Rusia> menyerang warga sipil setempat di <L:Ukraina>, kata separatis pro-Rusia.\n"
                    .into()
            }),
        ),
        (
            "thousands of distinct people",
            Input::fill(|i| {
                format!(
                    "<P:{} {}> bertemu <P:{} {}> di <L:Jakarta>.\n",
                    name(i, 0),
                    name(i, 1),
                    name(i, 2),
                    name(i, 3)
                )
            }),
        ),
        (
            "a short name repeated, quoted",
            Input::fill(|_| "\"Kami siap,\" kata <P:Jokowi>.\n".into()),
        ),
    ];
    let mut report = vec![format!(
        "ordinary news: {} bytes, {:?}, {base_found} entities",
        normal.doc.text.len(),
        base
    )];
    let mut worst: f64 = 0.0;
    for (what, input) in &hard {
        assert!(
            input.doc.text.len().abs_diff(SIZE) < SIZE / 20
                && normal.doc.text.len().abs_diff(SIZE) < SIZE / 20,
            "{what}: sizes comparable"
        );
        match time(&linker, input, base.mul_f64(BOUND)) {
            Ok((t, found)) => {
                let ratio = t.as_secs_f64() / base.as_secs_f64();
                worst = worst.max(ratio);
                report.push(format!("{what}: {t:?} = {ratio:.1}x, {found} entities"));
                assert!(found > 1000, "{what}: the linker found entities ({found})");
            }
            Err(waited) => {
                worst = f64::INFINITY;
                report.push(format!("{what}: still running after {waited:?}, abandoned"));
            }
        }
    }
    let report = report.join("\n");
    eprintln!("{report}");
    assert!(
        worst <= BOUND,
        "a hard input took over {BOUND}x ordinary news:\n{report}"
    );
}
