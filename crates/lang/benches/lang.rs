//! Language identification speed: `cargo bench -p warta-lang`.
//!
//! Inputs: a news paragraph, a ~3,000-character article (both written for
//! this bench), and, when `../shared` is present, the first 200 Detik
//! articles (real length distribution).

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;
use warta_lang::LanguageIdentifier;

const PARAGRAPH: &str = "Kepolisian Daerah Jawa Barat mengatakan bahwa jembatan yang rusak karena \
banjir akan diperbaiki pekan depan, ujar juru bicara kepada wartawan di Bandung, Senin (13/6/2022).";

fn article() -> String {
    let sentences = [
        "Pemerintah provinsi menyiapkan anggaran untuk memperbaiki jalan yang rusak akibat banjir.",
        "Menurut kepala dinas, pekerjaan itu ditargetkan selesai sebelum akhir tahun.",
        "Warga berharap perbaikan dilakukan secepatnya karena jalan tersebut menjadi akses utama.",
        "\"Kami sudah menunggu hampir dua bulan,\" kata seorang pedagang di pasar setempat.",
    ];
    let mut s = String::new();
    while s.len() < 3000 {
        for x in sentences {
            s.push_str(x);
            s.push(' ');
        }
    }
    s
}

fn detik(n: usize) -> Vec<String> {
    let p = std::env::var_os("WARTA_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")))
        .join("data/news/detik/data_berita_dev.csv");
    match warta_lang::gold::read_csv_texts(&p) {
        Ok(mut v) => {
            v.truncate(n);
            v
        }
        Err(_) => {
            eprintln!("detik bench skipped: {} not readable", p.display());
            Vec::new()
        }
    }
}

fn bench(c: &mut Criterion) {
    let ident = LanguageIdentifier::new();
    let art = article();
    c.bench_function("detect/paragraph_190c", |b| {
        b.iter(|| ident.detect(black_box(PARAGRAPH)))
    });
    c.bench_function("detect/article_3000c", |b| {
        b.iter(|| ident.detect(black_box(&art)))
    });
    // `analyse` always runs lingua: the cost without the markers-only decision.
    c.bench_function("analyse_with_lingua/article_3000c", |b| {
        b.iter(|| ident.analyse(black_box(&art)))
    });
    c.bench_function("markers_only/article_3000c", |b| {
        b.iter(|| ident.markers().score(black_box(&art)))
    });
    let docs = detik(200);
    if !docs.is_empty() {
        let mut g = c.benchmark_group("detect/detik");
        g.throughput(Throughput::Elements(docs.len() as u64));
        g.sample_size(10);
        g.bench_function("200_articles", |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(ident.detect(d));
                }
            })
        });
        g.bench_function("200_articles_analyse_with_lingua", |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(ident.analyse(d));
                }
            })
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
