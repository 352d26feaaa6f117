//! Tagger throughput on Detik article texts (`../shared`), or on a synthetic
//! text when the shared data is absent.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use warta_time::TimeTagger;

/// The `isi_berita` texts of the Detik development articles.
fn detik_texts() -> Option<Vec<String>> {
    Some(
        warta_testdata::detik_articles()?
            .into_iter()
            .map(|a| a.text)
            .collect(),
    )
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
