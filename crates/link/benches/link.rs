//! Linking throughput on a synthetic Indonesian news text (written for this
//! bench; no publisher text), with no NER entities, so the lexicon scanner
//! does all the work. Reports tokens per second on one thread.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use warta_core::{Document, Stage};
use warta_lexicon::Lexicon;
use warta_link::Linker;

const PARAGRAPH: &str =
    "Presiden Prabowo Subianto bertemu Perdana Menteri Malaysia Anwar Ibrahim di Jakarta, \
Senin (13/10/2025). Keduanya membahas kerja sama perdagangan dan keamanan di Laut China Selatan. \
Sementara itu, banjir melanda Kabupaten Bogor dan Kota Bekasi, Jawa Barat, sehingga BNPB mengirim \
bantuan ke warga. Pasukan Rusia dilaporkan menyerang kota Kharkiv di Ukraina, kata kantor berita \
Reuters. Polisi menangkap dua tersangka di Surabaya setelah penyelidikan selama tiga bulan. \
Harga beras di pasar tradisional naik menjelang akhir tahun, kata pedagang di Medan.\n";

fn bench(c: &mut Criterion) {
    let t0 = std::time::Instant::now();
    let lexicon = Lexicon::load_default().unwrap();
    eprintln!("lexicon load: {:?} ({} keys)", t0.elapsed(), lexicon.key_count());
    let linker = Linker::new(lexicon);
    let text = PARAGRAPH.repeat(20);
    let tokens = text.split_whitespace().count() as u64;
    let mut g = c.benchmark_group("link");
    g.throughput(Throughput::Elements(tokens));
    g.bench_function("scan_and_link_article", |b| {
        b.iter(|| {
            let mut d = Document::new("b", text.clone());
            linker.process(&mut d).unwrap();
            d.entities.len()
        })
    });
    g.finish();
    c.bench_function("lexicon_load", |b| {
        b.iter(|| Lexicon::load_default().unwrap().key_count())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
