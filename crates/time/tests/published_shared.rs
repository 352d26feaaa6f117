//! Publication dates inferred from article text alone, checked against the
//! Detik dev set's own dates (`tanggal`). Skips when ../shared is absent.

use chrono::NaiveDate;
use warta_time::PublishedDateStage;

#[test]
fn detik_publication_dates_from_text_alone() {
    let Some(articles) = warta_testdata::detik_articles() else {
        return;
    };
    let stage = PublishedDateStage::default();
    let (mut n, mut found, mut right, mut near) = (0, 0, 0, 0);
    for a in &articles {
        // `tanggal` is M/D/YYYY HH:MM.
        let day = a.published.split(' ').next().unwrap_or("");
        let Ok(want) = NaiveDate::parse_from_str(day, "%m/%d/%Y") else {
            continue;
        };
        n += 1;
        if let Some((got, _)) = stage.infer(&a.text, None) {
            found += 1;
            right += usize::from(got == want);
            // Early-morning stories date yesterday's event: one day off.
            near += usize::from((got - want).num_days().abs() <= 1);
            if got != want && std::env::var_os("SHOW").is_some() {
                eprintln!(
                    "{want} got {got} ({} days): {:?}",
                    (got - want).num_days(),
                    a.text.chars().take(100).collect::<String>()
                );
            }
        }
    }
    let cov = found as f64 / n as f64;
    let (acc, acc1) = (
        right as f64 / found.max(1) as f64,
        near as f64 / found.max(1) as f64,
    );
    println!(
        "detik dev: {n} articles, date inferred for {found} ({cov:.3}); of those exact {right} ({acc:.3}), \
         within one day {near} ({acc1:.3})"
    );
    assert!(n > 700);
    assert!(cov >= 0.8, "coverage {cov:.3}");
    assert!(acc >= 0.7, "exact accuracy {acc:.3}");
    assert!(acc1 >= 0.9, "accuracy within a day {acc1:.3}");
}
