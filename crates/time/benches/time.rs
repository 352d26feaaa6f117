//! Tagger throughput on Detik article texts (`../shared`), or on a synthetic
//! text when the shared data is absent.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;
use warta_time::TimeTagger;

fn shared() -> PathBuf {
    std::env::var_os("WARTA_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")))
}

/// The `isi_berita` column of Detik's CSV (quoted fields, embedded newlines).
fn detik_texts() -> Option<Vec<String>> {
    let raw = std::fs::read_to_string(shared().join("data/news/detik/data_berita_dev.csv")).ok()?;
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
    let col = rows.first()?.iter().position(|h| h == "isi_berita")?;
    Some(rows.iter().skip(1).filter_map(|r| r.get(col).cloned()).collect())
}

fn synthetic() -> Vec<String> {
    let para = "Presiden menyampaikan hal itu di Jakarta, Selasa (21/10/2025). Rapat digelar pukul 10.00 WIB \
                dan berlangsung selama 3 jam. Sejak 2014 lalu, program ini berjalan setiap Senin, kata pejabat \
                yang tidak mau disebut namanya. Target pertumbuhan pada triwulan III 2025 dinilai realistis, \
                sementara kemarin harga beras naik. ";
    vec![para.repeat(400)]
}

fn bench(c: &mut Criterion) {
    let (texts, what) = match detik_texts() {
        Some(t) if !t.is_empty() => (t, "detik"),
        _ => (synthetic(), "synthetic"),
    };
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    let tagger = TimeTagger::new();
    let anchor = NaiveDate::from_ymd_opt(2025, 10, 21);
    let mut g = c.benchmark_group("tag");
    g.throughput(Throughput::Elements(chars as u64));
    g.sample_size(10);
    g.bench_function(format!("{what} ({} texts, {chars} chars)", texts.len()), |b| {
        b.iter(|| texts.iter().map(|t| tagger.tag(t, anchor).len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
