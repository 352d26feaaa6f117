//! Publication dates inferred from article text alone, checked against the
//! Detik dev set's own dates (`tanggal`). Skips when ../shared is absent.

use chrono::NaiveDate;
use std::path::PathBuf;
use warta_time::PublishedDateStage;

fn shared() -> PathBuf {
    std::env::var_os("WARTA_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")))
}

/// Rows of a CSV file with quoted fields that may hold newlines.
fn csv_rows(raw: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => row.push(std::mem::take(&mut field)),
            '\n' if !quoted => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    rows
}

#[test]
fn detik_publication_dates_from_text_alone() {
    let path = shared().join("data/news/detik/data_berita_dev.csv");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        println!("SKIP: {} not found (set WARTA_SHARED)", path.display());
        return;
    };
    let rows = csv_rows(&raw);
    let col = |name: &str| rows[0].iter().position(|h| h == name).expect("column");
    let (text_col, date_col) = (col("isi_berita"), col("tanggal"));
    let stage = PublishedDateStage::default();
    let (mut n, mut found, mut right, mut near) = (0, 0, 0, 0);
    for r in rows.iter().skip(1).filter(|r| r.len() > text_col.max(date_col)) {
        // `tanggal` is M/D/YYYY HH:MM.
        let day = r[date_col].split(' ').next().unwrap_or("");
        let Ok(want) = NaiveDate::parse_from_str(day, "%m/%d/%Y") else {
            continue;
        };
        n += 1;
        if let Some((got, _)) = stage.infer(&r[text_col], None) {
            found += 1;
            right += usize::from(got == want);
            // Early-morning stories date yesterday's event: one day off.
            near += usize::from((got - want).num_days().abs() <= 1);
            if got != want && std::env::var_os("SHOW").is_some() {
                eprintln!(
                    "{want} got {got} ({} days): {:?}",
                    (got - want).num_days(),
                    &r[text_col].chars().take(100).collect::<String>()
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
