//! The scorer must agree with `conlleval.py`. The expected figures were
//! computed by running `scripts/conlleval_check.py` (which calls the
//! reference conlleval.py) on `fixtures/conlleval_case.txt`, a hand-written
//! case with a wrong type, a too-short span and stray `I-` tags.

use warta_ner::conll::parse;
use warta_ner::eval::{Counts, Scores};

#[test]
fn scores_agree_with_conlleval_on_the_fixture() {
    let text = include_str!("fixtures/conlleval_case.txt");
    // Column 2 is gold, column 3 predicted: read each as its own file.
    let column = |k: usize| {
        text.lines()
            .map(|l| {
                let f: Vec<&str> = l.split_whitespace().collect();
                if f.is_empty() {
                    String::new()
                } else {
                    format!("{} {}", f[0], f[k])
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let gold = parse(&column(1), "gold").unwrap();
    let pred = parse(&column(2), "pred").unwrap();
    let mut s = Scores::default();
    for (g, p) in gold.iter().zip(&pred) {
        s.add(&g.tags, &p.tags);
    }
    assert_eq!(
        s.overall,
        Counts {
            correct: 4,
            gold: 10,
            guessed: 9
        }
    );
    assert_eq!(
        s.by_type["LOC"],
        Counts {
            correct: 1,
            gold: 3,
            guessed: 3
        }
    );
    assert_eq!(
        s.by_type["ORG"],
        Counts {
            correct: 2,
            gold: 4,
            guessed: 4
        }
    );
    assert_eq!(
        s.by_type["PER"],
        Counts {
            correct: 1,
            gold: 3,
            guessed: 2
        }
    );
    // conlleval prints 44.44 / 40.00 / 42.11.
    assert!((100.0 * s.overall.f1() - 42.11).abs() < 0.005);
    assert!((100.0 * s.overall.precision() - 44.44).abs() < 0.005);
}
