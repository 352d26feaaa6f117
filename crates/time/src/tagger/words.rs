//! Fixed word classes of the grammar: units, numbers, parts of the day, time
//! zones and cue words. Names of months, weekdays and named days are data
//! (`data/time/`, see `crate::lexicon`).

/// Words (lower case) that may begin an expression besides numbers and the
/// lexicon's names.
pub(super) const TRIGGERS: &[&str] = &[
    "tanggal",
    "tgl",
    "pukul",
    "pkl",
    "jam",
    "tahun",
    "thn",
    "era",
    "awal",
    "akhir",
    "pertengahan",
    "medio",
    "penghujung",
    "early",
    "late",
    "mid",
    "setiap",
    "tiap",
    "saban",
    "every",
    "each",
    "dalam",
    "dlm",
    "within",
    "in",
    "bulan",
    "hari",
    "triwulan",
    "kuartal",
    "kwartal",
    "quarter",
    "semester",
    "paruh",
    "q",
    "last",
    "next",
    "this",
    "tadi",
    "nanti",
    "semalam",
    "tonight",
    "pagi",
    "siang",
    "sore",
    "petang",
    "malam",
    "dini",
    "dinihari",
    "morning",
    "afternoon",
    "evening",
    "night",
    "beberapa",
    "puluhan",
    "ratusan",
    "belasan",
    "few",
    "several",
    "the",
    "first",
    "second",
    "third",
    "fourth",
    "a",
    "an",
    "per",
    "keesokan",
    "esok",
];

/// Units of duration: word → TIMEX3 unit letter(s) and whether it is a
/// time-of-day unit (written after `PT`).
pub(super) fn unit_of(w: &str) -> Option<(&'static str, bool)> {
    Some(match w {
        "hari" | "hr" | "day" | "days" => ("D", false),
        "minggu" | "pekan" | "mgg" | "week" | "weeks" => ("W", false),
        "bulan" | "bln" | "month" | "months" => ("M", false),
        "tahun" | "thn" | "year" | "years" => ("Y", false),
        "dekade" | "dasawarsa" | "decade" | "decades" => ("DE", false),
        "abad" | "century" | "centuries" => ("CE", false),
        "windu" => ("WINDU", false),
        "jam" | "hour" | "hours" => ("H", true),
        "menit" | "mnt" | "minute" | "minutes" => ("M", true),
        "detik" | "dtk" | "second" | "seconds" => ("S", true),
        _ => return None,
    })
}

/// `sehari`, `setahun`, … : one of a unit in a single word.
pub(super) fn se_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "sehari" => "hari",
        "seminggu" | "sepekan" => "minggu",
        "sebulan" => "bulan",
        "setahun" => "tahun",
        "sewindu" => "windu",
        "sedekade" | "sedasawarsa" => "dekade",
        "seabad" => "abad",
        "sejam" => "jam",
        "semenit" => "menit",
        _ => return None,
    })
}

pub(super) fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "satu" | "one" => 1,
        "dua" | "two" => 2,
        "tiga" | "three" => 3,
        "empat" | "four" => 4,
        "lima" | "five" => 5,
        "enam" | "six" => 6,
        "tujuh" | "seven" => 7,
        "delapan" | "eight" => 8,
        "sembilan" | "nine" => 9,
        "sepuluh" | "ten" => 10,
        "sebelas" | "eleven" => 11,
        "twelve" => 12,
        _ => return None,
    })
}

/// TIMEX3 part-of-day codes.
pub(super) fn day_part(w: &str) -> Option<&'static str> {
    Some(match w {
        "pagi" | "subuh" | "morning" => "MO",
        "siang" | "noon" => "MI",
        "sore" | "afternoon" => "AF",
        "petang" | "evening" => "EV",
        "malam" | "night" => "NI",
        _ => return None,
    })
}

/// Time zones used in Indonesian news, as UTC offsets.
pub(super) fn zone(w: &str) -> Option<&'static str> {
    Some(match w {
        "wib" => "+07:00",
        "wita" => "+08:00",
        "wit" => "+09:00",
        "gmt" | "utc" => "+00:00",
        _ => return None,
    })
}

/// Nouns that mark a four-digit number as a count, not a year.
pub(super) const COUNT_NOUNS: &[&str] = &[
    "orang",
    "unit",
    "ton",
    "km",
    "kilometer",
    "meter",
    "m",
    "kg",
    "ha",
    "hektare",
    "hektar",
    "rupiah",
    "dolar",
    "kali",
    "buah",
    "ekor",
    "kasus",
    "peserta",
    "siswa",
    "warga",
    "pasien",
    "lembar",
    "liter",
    "mw",
    "persen",
    "jiwa",
    "rumah",
    "kk",
    "sekolah",
    "people",
    "dollars",
    "personel",
    "pekerja",
    "karyawan",
    "suara",
    "titik",
    "desa",
    "mahasiswa",
    "guru",
    "kendaraan",
];

/// Words before a bare month name that make it a date (`pada Oktober`).
pub(super) const MONTH_CUES: &[&str] = &[
    "pada",
    "bulan",
    "sejak",
    "hingga",
    "sampai",
    "awal",
    "akhir",
    "pertengahan",
    "medio",
    "penghujung",
    "in",
    "since",
    "until",
    "by",
    "early",
    "late",
    "mid",
    "jelang",
    "menjelang",
    "selama",
    "sepanjang",
    "antara",
    "dan",
    "per",
    "tanggal",
    "sebelum",
    "setelah",
    "usai",
];

/// Words before a bare weekday that make it future (`akan ... Senin`).
pub(super) const FUTURE_CUES: &[&str] = &[
    "akan",
    "bakal",
    "dijadwalkan",
    "rencananya",
    "direncanakan",
    "hendak",
    "will",
    "nanti",
];

/// `pertama` → 1, … (ordinals of quarters and halves).
pub(super) fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "pertama" | "first" | "kesatu" => 1,
        "kedua" | "second" => 2,
        "ketiga" | "third" => 3,
        "keempat" | "fourth" => 4,
        _ => return None,
    })
}
