//! Texts built to be hard for the stages (issue 12): the same names or
//! quotes over and over, thousands of distinct names, one huge paragraph,
//! thousands of tiny ones, one word repeated, Title Case, digits, dates, one
//! endless token, punctuation only; and ordinary news of any size to compare
//! them with. Used by `crates/pipeline/tests/linear_time.rs` and the
//! `stage_times` example. All of it is made up: no publisher text.

/// The hard kinds [`generate`] knows, plus `normal` (ordinary news).
pub const KINDS: &[&str] = &[
    "normal",
    "names",
    "manynames",
    "roles",
    "quotes",
    "onepara",
    "tinyparas",
    "oneword",
    "titlecase",
    "digits",
    "dates",
    "longtoken",
    "punct",
];

/// Text of `kind` (one of [`KINDS`]), cut to at most `size` bytes at a
/// character boundary; `None` for an unknown kind. `normal` is
/// `normal_text(size)` itself (real or [`ordinary_news`]), and the kinds
/// that reshape news (`onepara`, `tinyparas`, `titlecase`) reshape it.
pub fn generate(kind: &str, size: usize, normal_text: impl Fn(usize) -> String) -> Option<String> {
    let mut out = String::with_capacity(size + 256);
    let normal = || normal_text(size);
    match kind {
        "normal" => out = normal(),
        "names" => fill(&mut out, size, |_| {
            "Presiden Joko Widodo bertemu Menteri Luhut Binsar Pandjaitan di Jakarta.\n".into()
        }),
        "manynames" => fill(&mut out, size, |i| {
            format!(
                "{} {} bertemu {} {} di {}.\n",
                name(i, 0),
                name(i, 1),
                name(i, 2),
                name(i, 3),
                name(i, 4)
            )
        }),
        "roles" => fill(&mut out, size, |_| {
            "Pasukan Rusia menyerang warga sipil setempat di Ukraina, kata separatis pro-Rusia.\n".into()
        }),
        "quotes" => fill(&mut out, size, |_| "\"Kami siap,\" kata Jokowi.\n".into()),
        "onepara" => out = normal().replace('\n', " "),
        "tinyparas" => {
            let words: Vec<String> = normal().split_whitespace().map(str::to_string).collect();
            fill(&mut out, size, |i| format!("{}\n", words[i % words.len()]))
        }
        "oneword" => fill(&mut out, size, |_| "Jakarta ".into()),
        "titlecase" => {
            out = normal()
                .split(' ')
                .map(|w| {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect::<String>())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join(" ")
        }
        "digits" => fill(&mut out, size, |i| format!("{i} ")),
        "dates" => {
            const MONTHS: [&str; 12] = [
                "Januari",
                "Februari",
                "Maret",
                "April",
                "Mei",
                "Juni",
                "Juli",
                "Agustus",
                "September",
                "Oktober",
                "November",
                "Desember",
            ];
            fill(&mut out, size, |i| {
                format!(
                    "{} {} {}, ",
                    i % 28 + 1,
                    MONTHS[(i / 28) % 12],
                    1990 + (i / 336) % 60
                )
            })
        }
        "longtoken" => fill(&mut out, size, |i| ((b'a' + (i % 26) as u8) as char).to_string()),
        "punct" => fill(&mut out, size, |i| {
            const P: &[&str] = &[
                ".", ",", "!", "?", ";", ":", "-", "\"", "'", "(", ")", "…", " ", "\n",
            ];
            P[(i * 7 + i / 13) % P.len()].to_string()
        }),
        _ => return None,
    }
    truncate_at_char(&mut out, size);
    Some(out)
}

/// `text` repeated up to `size` bytes (cut at a character boundary);
/// empty when `text` is.
pub fn repeated(text: &str, size: usize) -> String {
    let mut out = String::new();
    if !text.is_empty() {
        fill(&mut out, size, |_| text.to_string());
    }
    truncate_at_char(&mut out, size);
    out
}

/// Cuts `out` to at most `size` bytes, back to a character boundary.
fn truncate_at_char(out: &mut String, size: usize) {
    let mut cut = out.len().min(size);
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    out.truncate(cut);
}

fn fill(out: &mut String, size: usize, mut piece: impl FnMut(usize) -> String) {
    let mut i = 0;
    while out.len() < size {
        out.push_str(&piece(i));
        i += 1;
    }
}

/// A made-up capitalised name, different for every `i` (and slot).
pub fn name(i: usize, slot: usize) -> String {
    const SYL: &[&str] = &[
        "ba", "di", "ko", "ra", "su", "ti", "wa", "ne", "lu", "ha", "mi", "jo", "ga", "pe", "ya", "ri",
    ];
    let mut x = i.wrapping_mul(2_654_435_761).wrapping_add(slot * 97) % 65_536;
    let mut s = String::new();
    for _ in 0..3 {
        s.push_str(SYL[x % SYL.len()]);
        x /= SYL.len();
    }
    s.push_str(SYL[(i + slot) % SYL.len()]);
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Places ordinary news is about.
pub const PLACES: &[&str] = &[
    "Jakarta",
    "Bandung",
    "Surabaya",
    "Medan",
    "Makassar",
    "Semarang",
    "Yogyakarta",
    "Palembang",
    "Ukraina",
    "Malaysia",
    "Tokyo",
    "Kabupaten Bogor",
];
/// Organisations ordinary news quotes.
pub const ORGS: &[&str] = &[
    "DPR",
    "KPK",
    "Polri",
    "BNPB",
    "Kementerian Keuangan",
    "Bank Indonesia",
];

/// Ordinary news of about `size` bytes: one short made-up article after
/// another, each about its own people (named in full, then by surname),
/// places, organisation, dates and a quote — the shape of real Indonesian
/// news, with nothing repeated often enough to be hard.
pub fn ordinary_news(size: usize) -> String {
    const DAYS: &[&str] = &["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];
    let mut out = String::with_capacity(size + 1024);
    fill(&mut out, size, |k| {
        let (a, b) = (
            format!("{} {}", name(k, 0), name(k, 1)),
            format!("{} {}", name(k, 2), name(k, 3)),
        );
        let (sa, sb) = (name(k, 1), name(k, 3));
        let place = PLACES[k % PLACES.len()];
        let org = ORGS[k % ORGS.len()];
        let day = DAYS[k % DAYS.len()];
        let (d, m) = (k % 28 + 1, k % 12 + 1);
        format!(
            "{place} - {a} mengatakan pemerintah akan meninjau kebijakan harga pangan di {place} \
             pada pekan depan.\n\
             Menurut {sa}, langkah itu penting bagi warga yang terdampak kenaikan harga sejak awal tahun.\n\
             \"Kami akan memastikan pasokan cukup,\" kata {sa} kepada wartawan, {day} ({d}/{m}/2022).\n\
             Sementara itu, {b} dari {org} menyatakan lembaganya siap membantu pengawasan.\n\
             {sb} menambahkan, koordinasi dengan pemerintah daerah {place} sudah berjalan.\n\
             Harga beras di pasar tradisional naik {k} persen sebulan terakhir, menurut {org}.\n\n"
        )
    });
    truncate_at_char(&mut out, size);
    out
}
