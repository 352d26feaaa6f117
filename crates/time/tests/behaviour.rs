//! What a user of the tagger sees for the expressions the issue lists.

use chrono::NaiveDate;
use warta_core::TimeType;
use warta_time::TimeTagger;

fn anchor() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2022, 6, 13) // a Monday
}

/// (text, value, type) of every expression tagged in `text`.
fn tag(text: &str) -> Vec<(String, Option<String>, TimeType)> {
    TimeTagger::new()
        .tag(text, anchor())
        .into_iter()
        .map(|t| (t.text, t.value, t.kind))
        .collect()
}

/// The value given to the one expression whose text is `expr`.
fn value_of(text: &str, expr: &str) -> Option<String> {
    let got = tag(text);
    let hit = got.iter().find(|(t, _, _)| t == expr);
    assert!(hit.is_some(), "{expr:?} not tagged in {text:?}; got {got:?}");
    hit.and_then(|h| h.1.clone())
}

#[test]
fn explicit_dates_in_indonesian_formats() {
    for (text, expr, want) in [
        (
            "Jakarta, Senin (13/6/2022) - Teks.",
            "Senin (13/6/2022)",
            "2022-06-13",
        ),
        ("Terjadi 13 Juni 2022 di sana.", "13 Juni 2022", "2022-06-13"),
        ("Ditetapkan 13-6-2022 oleh KPU.", "13-6-2022", "2022-06-13"),
        ("Rilis 2022-06-13 pagi.", "2022-06-13", "2022-06-13"),
        (
            "Jepang menyerah pada tanggal 15 Agustus 1945, kata dia.",
            "tanggal 15 Agustus 1945",
            "1945-08-15",
        ),
        ("Lahir 3 Nopember 1950 di Solo.", "3 Nopember 1950", "1950-11-03"),
        (
            "Diproklamasikan 17 Agus. 1945 di Jakarta.",
            "17 Agus. 1945",
            "1945-08-17",
        ),
        ("Surat 5 Pebruari 1960.", "5 Pebruari 1960", "1960-02-05"),
    ] {
        assert_eq!(value_of(text, expr).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn yearless_dates_take_the_year_from_the_anchor() {
    assert_eq!(
        value_of("Kata dia, Selasa (21/10).", "Selasa (21/10)").as_deref(),
        Some("2022-10-21")
    );
    assert_eq!(
        value_of("Sejak 24 Februari lalu perang.", "24 Februari lalu").as_deref(),
        Some("2022-02-24")
    );
    // A weekday that only fits last year's date moves the year.
    assert_eq!(
        value_of("Kata dia, Sabtu (12/6).", "Sabtu (12/6)").as_deref(),
        Some("2021-06-12")
    );
}

#[test]
fn relative_references_resolve_against_the_publication_date() {
    for (expr, want) in [
        ("kemarin", "2022-06-12"),
        ("lusa", "2022-06-15"),
        ("besok", "2022-06-14"),
        ("hari ini", "2022-06-13"),
        ("pekan lalu", "2022-W23"),
        ("bulan depan", "2022-07"),
        ("tahun lalu", "2021"),
        ("2 hari lalu", "2022-06-11"),
        ("dalam 3 minggu", "2022-W27"),
        ("Senin lalu", "2022-06-06"),
        ("Jumat mendatang", "2022-06-17"),
        ("yesterday", "2022-06-12"),
        ("3 days ago", "2022-06-10"),
        ("last Monday", "2022-06-06"),
    ] {
        let text = format!("Ia berkata {expr} di sana.");
        assert_eq!(value_of(&text, expr).as_deref(), Some(want), "{expr}");
    }
}

#[test]
fn times_carry_the_indonesian_time_zones() {
    let v = value_of("Rapat dimulai pukul 10.00 WIB di sana.", "pukul 10.00 WIB");
    assert_eq!(v.as_deref(), Some("2022-06-13T10:00+07:00"));
    let v = value_of("Tiba pukul 19.30 WITA di Makassar.", "pukul 19.30 WITA");
    assert_eq!(v.as_deref(), Some("2022-06-13T19:30+08:00"));
    let v = value_of("Gempa pukul 07.15 WIT di Jayapura.", "pukul 07.15 WIT");
    assert_eq!(v.as_deref(), Some("2022-06-13T07:15+09:00"));
    // The clock takes the day named earlier in the sentence.
    let v = value_of("Kamis (9/6/2022) hujan turun pukul 20.00 WIB.", "pukul 20.00 WIB");
    assert_eq!(v.as_deref(), Some("2022-06-09T20:00+07:00"));
    assert_eq!(
        value_of("Ia pergi Rabu malam ke sana.", "Rabu malam").as_deref(),
        Some("2022-06-08TNI")
    );
}

#[test]
fn periods_years_and_decades() {
    for (expr, want) in [
        ("akhir Oktober", "2022-10"),
        ("awal 2026", "2026"),
        ("pertengahan tahun", "2022"),
        ("triwulan III 2025", "2025-Q3"),
        ("kuartal II-2025", "2025-Q2"),
        ("semester I", "2022-H1"),
        ("tahun 2019", "2019"),
        ("tahun 2014 lalu", "2014"),
        ("era 1990-an", "199"),
    ] {
        let text = format!("Hal itu terjadi pada {expr} menurut data.");
        assert_eq!(value_of(&text, expr).as_deref(), Some(want), "{expr}");
    }
    let got = tag("Periode 2020-2024 berakhir.");
    let years: Vec<_> = got.iter().map(|g| g.1.clone().unwrap_or_default()).collect();
    assert_eq!(years, ["2020", "2024"]);
}

#[test]
fn durations_and_sets() {
    let got = tag("Ia dipenjara selama 3 tahun dan melapor setiap Senin.");
    assert!(
        got.contains(&("3 tahun".into(), Some("P3Y".into()), TimeType::Duration)),
        "{got:?}"
    );
    assert!(
        got.contains(&("setiap Senin".into(), Some("XXXX-WXX-1".into()), TimeType::Set)),
        "{got:?}"
    );
    assert_eq!(
        value_of("Proyek butuh 1,5 tahun.", "1,5 tahun").as_deref(),
        Some("P1.5Y")
    );
}

#[test]
fn named_days_fixed_and_movable() {
    assert_eq!(
        value_of("Bertepatan dengan Hari Rusia kemarin.", "Hari Rusia").as_deref(),
        Some("2022-06-12")
    );
    assert_eq!(
        value_of("Menjelang Hari Kemerdekaan warga berbenah.", "Hari Kemerdekaan").as_deref(),
        Some("2022-08-17")
    );
    assert_eq!(
        value_of("Saat Natal nanti.", "Natal").as_deref(),
        Some("2022-12-25")
    );
    assert_eq!(
        value_of("Paskah 2024 jatuh pada Maret.", "Paskah 2024").as_deref(),
        Some("2024-03-31")
    );
    // Near the turn of the year the neighbouring year's day is meant.
    let got = TimeTagger::new().tag(
        "Libur Natal dan Tahun Baru.",
        NaiveDate::from_ymd_opt(2017, 12, 25),
    );
    assert_eq!(got[1].value.as_deref(), Some("2018-01-01"));
    // Lunar feasts are found but not given a computed date.
    assert_eq!(value_of("Mudik saat Idul Fitri ramai.", "Idul Fitri"), None);
}

#[test]
fn vague_references_use_timex_tokens() {
    assert_eq!(
        value_of("Pyongyang baru-baru ini berkata.", "baru-baru ini").as_deref(),
        Some("PAST_REF")
    );
    assert_eq!(
        value_of("Pasukan Rusia kini mundur.", "kini").as_deref(),
        Some("PRESENT_REF")
    );
}

#[test]
fn without_an_anchor_relative_values_stay_empty() {
    let got = TimeTagger::new().tag("Kemarin, Senin (13/6/2022), dan 24 Februari lalu.", None);
    let kemarin = got.iter().find(|t| t.text == "Kemarin").expect("tagged");
    assert_eq!(
        (kemarin.value.as_deref(), kemarin.anchor.as_deref()),
        (None, None)
    );
    let abs = got
        .iter()
        .find(|t| t.text == "Senin (13/6/2022)")
        .expect("tagged");
    assert_eq!(
        (abs.value.as_deref(), abs.anchor.as_deref()),
        (Some("2022-06-13"), None)
    );
    let feb = got.iter().find(|t| t.text == "24 Februari lalu").expect("tagged");
    assert_eq!(feb.value, None);
}

#[test]
fn relative_values_record_their_anchor_and_absolute_ones_do_not() {
    let got = TimeTagger::new().tag(
        "Kemarin, Senin (13/6/2022).",
        NaiveDate::from_ymd_opt(2022, 6, 14),
    );
    assert_eq!(got[0].anchor.as_deref(), Some("2022-06-14"));
    assert_eq!(got[1].anchor, None);
}

#[test]
fn after_a_superlative_dalam_is_a_duration() {
    let got = tag("Sydney mengalami cuaca terpanas dalam 79 tahun.");
    assert_eq!(
        got,
        [(
            "79 tahun".to_string(),
            Some("P79Y".to_string()),
            TimeType::Duration
        )]
    );
}

#[test]
fn english_clock_and_day_part_forms() {
    assert_eq!(
        value_of("He left at 10 a.m. sharp.", "10 a.m.").as_deref(),
        Some("2022-06-13T10:00")
    );
    assert_eq!(
        value_of("Talks at 3 pm on Friday.", "3 pm").as_deref(),
        Some("2022-06-13T15:00")
    );
    assert_eq!(
        value_of("We met this morning.", "this morning").as_deref(),
        Some("2022-06-13TMO")
    );
    assert_eq!(
        value_of("Dibayar tanggal 5 bulan depan.", "tanggal 5 bulan depan").as_deref(),
        Some("2022-07-05")
    );
}

#[test]
fn malay_month_and_day_names() {
    assert_eq!(
        value_of("Kata beliau, Isnin (13/6/2022).", "Isnin (13/6/2022)").as_deref(),
        Some("2022-06-13")
    );
    assert_eq!(
        value_of("Dilancarkan 31 Ogos 1957 di sana.", "31 Ogos 1957").as_deref(),
        Some("1957-08-31")
    );
    assert_eq!(
        value_of("Bermula 1 Disember 2022.", "1 Disember 2022").as_deref(),
        Some("2022-12-01")
    );
    assert_eq!(
        value_of("Harga naik tahun lepas.", "tahun lepas").as_deref(),
        Some("2021")
    );
}

#[test]
fn month_ranges_share_the_year() {
    let got = tag("Data periode Januari-September 2025 dan Desember-Februari 2023.");
    let values: Vec<_> = got
        .iter()
        .map(|g| (g.0.as_str(), g.1.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        values,
        [
            ("Januari", "2025-01"),
            ("September 2025", "2025-09"),
            ("Desember", "2022-12"),
            ("Februari 2023", "2023-02")
        ]
    );
}

#[test]
fn counts_and_money_are_not_years() {
    let got = tag("Sebanyak 2000 orang membayar Rp 2019 juta, atau 2.019 kali.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn spans_are_byte_offsets_into_the_text() {
    let text = "“Kata” Kim — Senin (13/6/2022), naïve.";
    for t in TimeTagger::new().tag(text, anchor()) {
        assert_eq!(&text[t.span.range()], t.text);
    }
}

#[test]
fn arbitrary_slices_of_tricky_text_never_panic() {
    let text = "Senin (13/6/2022) pukul 10.00 WIB, 29/2/2023, 31 Pebruari, (32/13), 99:99, Q9 2025, tahun 99-an, jam 25, é’ 2024-13-45 tanggal 1, 1,5, setiap, awal-, pada";
    let tagger = TimeTagger::new();
    let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
    for (k, &a) in bounds.iter().enumerate() {
        for &b in bounds[k..].iter().step_by(7) {
            for t in tagger.tag(&text[a..b], anchor()) {
                assert!(t.span.end <= b - a);
            }
        }
    }
    assert!(tagger.tag("", None).is_empty());
}

#[test]
fn random_token_soup_never_panics_and_spans_stay_in_bounds() {
    const VOCAB: &[&str] = &[
        "Senin", "Minggu", "minggu", "(", ")", "/", "-", ".", ",", ":", "13", "6", "2022", "99", "0", "31",
        "Februari", "Agus", "lalu", "depan", "pukul", "WIB", "tahun", "akhir", "awal", "setiap", "dalam",
        "hari", "ini", "kemarin", "triwulan", "III", "semester", "Q", "an", "malam", "dini", "tanggal", "a",
        "m", "é", "“", "Natal", "Tahun", "Baru", "beberapa", "dua", "puluh", "se", "2,5", "\n",
    ];
    let tagger = TimeTagger::new();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..12 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(VOCAB[(seed >> 33) as usize % VOCAB.len()]);
            if (seed >> 20) & 1 == 1 {
                text.push(' ');
            }
        }
        for anchor in [None, anchor()] {
            for t in tagger.tag(&text, anchor) {
                assert_eq!(&text[t.span.range()], t.text, "{text:?}");
            }
        }
    }
}

#[test]
fn a_day_and_its_clock_time_are_one_time() {
    for (text, expr, want) in [
        (
            "Kamis (9/6/2022) pukul 20.00 WIB hujan turun.",
            "Kamis (9/6/2022) pukul 20.00 WIB",
            "2022-06-09T20:00+07:00",
        ),
        (
            "Ia tiba pukul 15.30 WITA, Rabu (8/6) di Makassar.",
            "pukul 15.30 WITA, Rabu (8/6)",
            "2022-06-08T15:30+08:00",
        ),
        (
            "Gempa terjadi Senin (13/6) sekira pukul 17.00 WIT.",
            "Senin (13/6) sekira pukul 17.00 WIT",
            "2022-06-13T17:00+09:00",
        ),
        ("Talks at 3 pm today.", "3 pm today", "2022-06-13T15:00"),
        ("Ia pulang pukul 12 malam.", "pukul 12 malam", "2022-06-13T00:00"),
    ] {
        assert_eq!(value_of(text, expr).as_deref(), Some(want), "{text}");
    }
    // A part of the day is not a clock: the day keeps its own expression.
    assert_eq!(
        value_of("Ia pergi Rabu malam pukul 20.00 ke sana.", "Rabu malam").as_deref(),
        Some("2022-06-08TNI")
    );
}

#[test]
fn rates_after_an_amount_are_sets_but_as_of_dates_are_not() {
    assert_eq!(
        value_of("Gajinya Rp 10 juta per tahun.", "per tahun").as_deref(),
        Some("P1Y")
    );
    assert_eq!(
        value_of("Dua kali per minggu.", "per minggu").as_deref(),
        Some("P1W")
    );
    let got = tag("Data per hari ini menunjukkan kenaikan.");
    assert!(
        got.iter().all(|(t, _, k)| t != "per hari" && *k != TimeType::Set),
        "{got:?}"
    );
}

#[test]
fn anaphoric_times_follow_the_last_day_named() {
    let text = "Ia ditangkap Rabu (1/6/2022). Dua hari kemudian, ia dibebaskan. Keesokan harinya ia pulang. Hari itu juga ia bekerja. Malam itu hujan.";
    assert_eq!(value_of(text, "Dua hari kemudian").as_deref(), Some("2022-06-03"));
    assert_eq!(value_of(text, "Keesokan harinya").as_deref(), Some("2022-06-04"));
    assert_eq!(value_of(text, "Hari itu juga").as_deref(), Some("2022-06-04"));
    assert_eq!(value_of(text, "Malam itu").as_deref(), Some("2022-06-04TNI"));
    let text = "Pabrik dibuka pada 21 Agustus 2013. Pada tahun yang sama, ia pensiun.";
    assert_eq!(value_of(text, "tahun yang sama").as_deref(), Some("2013"));
    // With no day named before, `kemudian` leaves a duration.
    assert_eq!(
        value_of("Dua jam kemudian ia tiba.", "Dua jam").as_deref(),
        Some("PT2H")
    );
}

#[test]
fn relative_words_in_a_quote_count_from_the_day_it_was_said() {
    let text =
        "\"Kami datang kemarin,\" kata Budi, Kamis (9/6/2022).\n\"Besok (hari ini) kami pulang,\" tambahnya.";
    assert_eq!(value_of(text, "kemarin").as_deref(), Some("2022-06-08"));
    // The same interview goes on in the next quote; a bracketed editor's
    // note keeps the publication day.
    assert_eq!(value_of(text, "Besok").as_deref(), Some("2022-06-10"));
    assert_eq!(value_of(text, "hari ini").as_deref(), Some("2022-06-13"));
    // Outside quotes, relative words count from the publication day.
    assert_eq!(
        value_of("Budi datang kemarin, Kamis (9/6/2022).", "kemarin").as_deref(),
        Some("2022-06-12")
    );
}

#[test]
fn halves_and_reduplicated_units() {
    assert_eq!(
        value_of("Selama dua setengah tahun.", "dua setengah tahun").as_deref(),
        Some("P2.5Y")
    );
    assert_eq!(
        value_of("Setengah abad lalu kota ini sepi.", "Setengah abad lalu").as_deref(),
        Some("1972")
    );
    assert_eq!(
        value_of("Ia menunggu bertahun-tahun.", "bertahun-tahun").as_deref(),
        Some("PXY")
    );
    assert_eq!(
        value_of("Waktunya 1 jam 12 menit.", "1 jam 12 menit").as_deref(),
        Some("PT1H12M")
    );
    assert_eq!(
        value_of("Stasiun dibangun pada 1871.", "1871").as_deref(),
        Some("1871")
    );
}
