//! Behaviour of `read_inputs` on files, directories, JSON Lines and WARC.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/pages.rs"]
#[allow(dead_code)]
mod pages;

use fixtures::*;
use std::io::Write;
use warta_read::{read_bytes, read_inputs, RawArticle, ReadError, MAX_ARTICLE_BYTES};

fn read(inputs: &[String]) -> Vec<Result<RawArticle, ReadError>> {
    read_inputs(inputs).collect()
}

fn ok(r: &Result<RawArticle, ReadError>) -> &RawArticle {
    r.as_ref().unwrap_or_else(|e| panic!("unexpected error: {e}"))
}

fn err(r: &Result<RawArticle, ReadError>) -> &ReadError {
    r.as_ref()
        .err()
        .unwrap_or_else(|| panic!("expected an error, got {:?}", r.as_ref().map(|a| &a.id)))
}

#[test]
fn seed_plain_text_file_is_read_whole_with_its_stem_as_id() {
    let seed = pages::shared_dir().join("seed/000_1ab9b96a3ef9a3a7.txt");
    if !seed.exists() {
        eprintln!("SKIP: shared data not found at {}", seed.display());
        return;
    }
    let got = read(&[seed.display().to_string()]);
    assert_eq!(got.len(), 1);
    let a = ok(&got[0]);
    assert_eq!(a.id, "000_1ab9b96a3ef9a3a7");
    assert!(a.text.starts_with("Negaratoto - Pemimpin Korea Utara"));
    assert_eq!(a.text, std::fs::read_to_string(&seed).unwrap());
}

#[test]
fn bad_inputs_each_give_one_line_error_naming_them_and_the_rest_are_read() {
    let dir = scratch("batch");
    let good = write(&dir, "good.txt", "Berita baik hari ini.");
    let empty = write(&dir, "empty.txt", "  \n");
    let binary = write(&dir, "photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0");
    let latin1 = write(&dir, "latin1.txt", b"Caf\xe9 Jakarta");
    let nul = write(&dir, "nul", b"abc\0\0def");
    let huge = write(&dir, "huge.txt", vec![b'a'; MAX_ARTICLE_BYTES + 1]);
    let missing = dir.join("missing.txt").display().to_string();
    let inputs = [
        missing.clone(),
        empty.clone(),
        binary.clone(),
        good,
        latin1.clone(),
        nul.clone(),
        huge.clone(),
    ];
    let got = read(&inputs);
    assert_eq!(got.len(), 7);
    assert_eq!(ok(&got[3]).text, "Berita baik hari ini.");
    for (i, needle) in [
        (0, "no such file"),
        (1, "empty"),
        (2, "PNG"),
        (4, "not valid UTF-8"),
        (5, "binary"),
        (6, "10 MiB"),
    ] {
        let e = err(&got[i]);
        assert_eq!(e.input, inputs[i]);
        let line = e.to_string();
        assert!(line.contains(needle), "{line}");
        assert!(!line.contains('\n'), "{line:?}");
        assert!(line.starts_with(&inputs[i]), "{line}");
    }
}

#[test]
fn directories_are_walked_recursively_in_order_skipping_hidden_and_other_files() {
    let dir = scratch("walk");
    write(&dir, "b.txt", "Kedua.");
    write(&dir, "a.txt", "Pertama.");
    write(&dir, "sub/c.html", news_page("Judul C", "Isi berita C."));
    write(&dir, "sub/d.jsonl", "{\"id\":\"d1\",\"text\":\"Keempat.\"}\n");
    write(&dir, ".hidden.txt", "Tersembunyi.");
    write(&dir, ".git/e.txt", "Tersembunyi juga.");
    write(&dir, "logo.png", b"\x89PNG\r\n\x1a\n\0");
    write(&dir, "README.md", "# not an article");
    write(&dir, "a.json", "{\n  \"title\": \"metadata, not an article\"\n}");
    let ids: Vec<String> = read(&[dir.display().to_string()])
        .iter()
        .map(|r| ok(r).id.clone())
        .collect();
    assert_eq!(ids, ["a", "b", "c", "d1"]);
}

#[test]
fn html_file_gives_main_text_and_metadata() {
    let dir = scratch("html");
    let path = write(
        &dir,
        "berita.html",
        news_page("Gempa di Cianjur", "Gempa mengguncang Cianjur pagi ini."),
    );
    let got = read(std::slice::from_ref(&path));
    let a = ok(&got[0]);
    assert_eq!((a.id.as_str(), a.origin.as_str()), ("berita", path.as_str()));
    assert!(a.text.contains("Gempa mengguncang Cianjur pagi ini."));
    assert!(
        !a.text.contains("Beranda") && !a.text.contains("Hak cipta"),
        "{}",
        a.text
    );
    assert_eq!(a.title.as_deref(), Some("Gempa di Cianjur"));
    assert_eq!(a.published.as_deref(), Some("2024-02-03T09:00:00+07:00"));
    assert_eq!(a.site.as_deref(), Some("Kabar Contoh"));
}

#[test]
fn legacy_encoded_html_is_decoded_by_its_meta_charset() {
    let page = news_page("Kafe", "Le caf\u{e9} de la rue est ouvert.")
        .replace("<head>", "<head><meta charset=\"iso-8859-1\">");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
    let got = read_bytes("page.html", &bytes);
    assert!(
        ok(&got[0]).text.contains("Le caf\u{e9} de la rue"),
        "{}",
        ok(&got[0]).text
    );
}

#[test]
fn format_is_sniffed_when_the_name_does_not_tell() {
    let html = read_bytes("noext", news_page("T", "Isi.").as_bytes());
    assert!(!ok(&html[0]).text.contains("<p>"));
    let jsonl = read_bytes("-", b"{\"id\":\"x\",\"text\":\"Satu.\"}\n{\"text\":\"Dua.\"}\n");
    let ids: Vec<&str> = jsonl.iter().map(|r| ok(r).id.as_str()).collect();
    assert_eq!(ids, ["x", "stdin:2"]);
    let warc = read_bytes(
        "crawl.bin",
        &http_response(
            "<urn:uuid:1>",
            "https://a.example/1",
            "200 OK\r\nContent-Type: text/html",
            news_page("T", "Isi WARC.").as_bytes(),
        ),
    );
    assert!(ok(&warc[0]).text.contains("Isi WARC."));
    let text = read_bytes("-", "Teks biasa saja.\nBaris kedua.".as_bytes());
    assert_eq!(ok(&text[0]).text, "Teks biasa saja.\nBaris kedua.");
    assert_eq!(ok(&text[0]).id, "stdin");
}

#[test]
fn json_lines_records_map_fields_and_bad_lines_name_path_and_line() {
    let dir = scratch("jsonl");
    let path = write(
        &dir,
        "batch.jsonl",
        [
            r#"{"id":"a1","text":"Teks pertama.","url":"https://x.example/a1","title":"Judul","published":"2022-06-13","site":"X"}"#,
            r#"{"id": "a2", "text": "#,
            "",
            r#"{"text":"Tanpa id."}"#,
            r#"{"id":7,"html":"<html><body><p>Dari HTML.</p></body></html>"}"#,
            r#"{"id":"a5","title":"kosong"}"#,
            r#"[1,2]"#,
            r#"{"id":"a7","text":"Terakhir.","published":1655107200}"#,
        ]
        .join("\n"),
    );
    let got = read(std::slice::from_ref(&path));
    assert_eq!(got.len(), 7, "{got:?}");
    let a = ok(&got[0]);
    assert_eq!(
        (
            a.id.as_str(),
            a.text.as_str(),
            a.url.as_deref(),
            a.title.as_deref(),
            a.published.as_deref(),
            a.site.as_deref()
        ),
        (
            "a1",
            "Teks pertama.",
            Some("https://x.example/a1"),
            Some("Judul"),
            Some("2022-06-13"),
            Some("X")
        )
    );
    assert_eq!(a.origin, format!("{path}:1"));
    assert_eq!(err(&got[1]).input, format!("{path}:2"));
    assert_eq!(ok(&got[2]).id, "batch:4");
    assert_eq!(
        (ok(&got[3]).id.as_str(), ok(&got[3]).text.as_str()),
        ("7", "Dari HTML.")
    );
    assert!(err(&got[4]).message.contains("neither `text` nor `html`"));
    assert_eq!(err(&got[5]).input, format!("{path}:7"));
    assert_eq!(ok(&got[6]).published.as_deref(), Some("1655107200"));
}

#[test]
fn oversized_json_line_is_an_error_and_the_next_line_is_still_read() {
    let mut data = b"{\"text\":\"".to_vec();
    data.extend(std::iter::repeat_n(b'x', MAX_ARTICLE_BYTES + 10));
    data.extend_from_slice(b"\"}\n{\"id\":\"after\",\"text\":\"Masih dibaca.\"}\n");
    let got = read_bytes("big.jsonl", &data);
    assert_eq!(got.len(), 2);
    assert!(err(&got[0]).message.contains("limit"));
    assert_eq!(ok(&got[1]).id, "after");
}

fn crawl() -> Vec<Vec<u8>> {
    let page = news_page("Harga beras", "Harga beras naik di pasar induk.");
    let latin = news_page("Caf\u{e9}", "Le caf\u{e9} ferme ses portes.");
    let (latin_bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&latin);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(news_page("Kompres", "Isi yang dikompres gzip.").as_bytes())
        .unwrap();
    let gz = gz.finish().unwrap();
    let mut chunked = format!("{:x}\r\n", gz.len()).into_bytes();
    chunked.extend_from_slice(&gz);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    vec![
        warc_record(
            "warcinfo",
            &[("Content-Type", "application/warc-fields")],
            b"software: test\r\n",
        ),
        warc_record(
            "request",
            &[("WARC-Target-URI", "https://a.example/1")],
            b"GET /1 HTTP/1.1\r\n\r\n",
        ),
        http_response(
            "<urn:uuid:r1>",
            "https://a.example/1",
            "200 OK\r\nContent-Type: text/html; charset=utf-8",
            page.as_bytes(),
        ),
        http_response(
            "<urn:uuid:r2>",
            "https://a.example/2",
            "404 Not Found\r\nContent-Type: text/html",
            b"<p>missing</p>",
        ),
        http_response(
            "<urn:uuid:r3>",
            "https://a.example/logo.png",
            "200 OK\r\nContent-Type: image/png",
            b"\x89PNG",
        ),
        http_response(
            "<urn:uuid:r4>",
            "https://a.example/4",
            "200 OK\r\nContent-Type: text/html; charset=windows-1252",
            &latin_bytes,
        ),
        http_response(
            "<urn:uuid:r5>",
            "https://a.example/5",
            "200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip",
            &chunked,
        ),
        warc_record(
            "resource",
            &[
                ("WARC-Target-URI", "file:///6.html"),
                ("Content-Type", "text/html"),
            ],
            b"<p>Sumber lokal.</p>",
        ),
    ]
}

fn check_crawl(got: &[Result<RawArticle, ReadError>]) {
    let ids: Vec<&str> = got.iter().map(|r| ok(r).id.as_str()).collect();
    assert_eq!(
        ids,
        ["urn:uuid:r1", "urn:uuid:r4", "urn:uuid:r5", "file:///6.html"]
    );
    assert!(ok(&got[0]).text.contains("Harga beras naik di pasar induk."));
    assert_eq!(ok(&got[0]).url.as_deref(), Some("https://a.example/1"));
    assert!(
        ok(&got[1]).text.contains("Le caf\u{e9} ferme"),
        "{}",
        ok(&got[1]).text
    );
    assert!(ok(&got[2]).text.contains("Isi yang dikompres gzip."));
    assert_eq!(ok(&got[3]).text, "Sumber lokal.");
}

#[test]
fn warc_file_yields_each_html_response_and_skips_the_rest() {
    let dir = scratch("warc");
    let path = write(&dir, "crawl.warc", crawl().concat());
    check_crawl(&read(&[path]));
}

#[test]
fn gzipped_warc_file_is_read_member_by_member() {
    let dir = scratch("warcgz");
    let path = write(&dir, "crawl.warc.gz", gzip_members(&crawl()));
    check_crawl(&read(&[path]));
}

#[test]
fn truncated_warc_keeps_earlier_records_and_reports_the_cut() {
    let mut bytes = crawl().concat();
    bytes.truncate(bytes.len() - 30);
    let got = read_bytes("cut.warc", &bytes);
    assert_eq!(ok(&got[0]).id, "urn:uuid:r1");
    let e = err(got.last().unwrap());
    assert!(
        e.input.starts_with("cut.warc#") && e.message.contains("truncated"),
        "{e}"
    );
}

#[test]
fn gzip_that_is_not_a_warc_is_refused_clearly() {
    let got = read_bytes("notes.gz", &gzip_members(&[b"just text".to_vec()]));
    assert!(err(&got[0]).message.contains("not a WARC"), "{:?}", got);
}

#[test]
fn empty_json_lines_and_warc_files_and_warc_without_html_are_errors() {
    for (name, bytes) in [
        ("e.jsonl", b"\n \n".to_vec()),
        ("e.warc", Vec::new()),
        ("e.warc.gz", Vec::new()),
    ] {
        let got = read_bytes(name, &bytes);
        assert_eq!(got.len(), 1, "{name}: {got:?}");
        assert!(
            err(&got[0]).message.starts_with("empty input"),
            "{name}: {:?}",
            got[0]
        );
    }
    let only_info = warc_record("warcinfo", &[], b"software: test\r\n");
    let got = read_bytes("info.warc", &only_info);
    assert_eq!(
        err(&got[0]).to_string(),
        "info.warc: no HTML pages among its 1 WARC records"
    );
}

#[test]
fn deferred_reading_extracts_html_only_at_finish_with_the_same_result() {
    fn is_send<T: Send>(_: &T) {}
    let dir = scratch("deferred");
    let page = write(&dir, "a.html", news_page("Judul", "Kalimat pembuka berita."));
    let blank = write(&dir, "b.html", "<html><body><script>x()</script></body></html>");
    let inputs = [page.clone(), blank.clone()];
    let pending: Vec<_> = warta_read::read_inputs_deferred(&inputs)
        .map(Result::unwrap)
        .collect();
    is_send(&pending);
    assert_eq!(pending[1].origin(), blank);
    let finished: Vec<_> = pending.into_iter().map(|p| p.finish()).collect();
    assert_eq!(finished[0], read(std::slice::from_ref(&page))[0]);
    assert_eq!(
        err(&finished[1]).to_string(),
        format!("{blank}: no text found in the HTML page")
    );
}

#[test]
fn json_file_holds_one_record_or_an_array_of_them() {
    let one = read_bytes(
        "one.json",
        b"{\n  \"id\": \"x\",\n  \"text\": \"Satu artikel.\"\n}\n",
    );
    assert_eq!(
        (ok(&one[0]).id.as_str(), ok(&one[0]).text.as_str()),
        ("x", "Satu artikel.")
    );
    let many = read_bytes(
        "many.json",
        br#"[{"text":"Pertama."}, {"title":"tanpa teks"}, {"id":"c","text":"Ketiga."}]"#,
    );
    assert_eq!(ok(&many[0]).id, "many:0");
    assert_eq!(err(&many[1]).input, "many.json[1]");
    assert_eq!(ok(&many[2]).id, "c");
    assert!(err(&read_bytes("bad.json", b"{oops")[0])
        .message
        .starts_with("bad JSON"));
}

#[test]
fn json_line_with_invalid_utf8_is_an_error_naming_its_line() {
    let got = read_bytes(
        "x.jsonl",
        b"{\"text\":\"baik\"}\n{\"text\":\"Caf\xe9\"}\n{\"text\":\"lagi\"}\n",
    );
    assert_eq!(got.len(), 3);
    let e = err(&got[1]);
    assert_eq!(e.input, "x.jsonl:2");
    assert!(e.message.contains("bad JSON Lines record"), "{e}");
    assert_eq!(ok(&got[2]).text, "lagi");
}

#[test]
fn a_json_line_that_is_not_an_object_says_so() {
    let got = read_bytes("x.jsonl", b"[1,2]\n\"just text\"\n{\"text\":\"baik\"}\n");
    assert_eq!(got.len(), 3);
    for (i, r) in got.iter().take(2).enumerate() {
        let e = err(r);
        assert_eq!(e.input, format!("x.jsonl:{}", i + 1));
        assert_eq!(e.message, "record is not a JSON object", "{e}");
    }
    assert_eq!(ok(&got[2]).text, "baik");
}

/// Two good HTML responses, to follow a broken record.
fn two_good_responses() -> Vec<u8> {
    [
        http_response(
            "<urn:uuid:g1>",
            "https://a.example/g1",
            "200 OK\r\nContent-Type: text/html",
            news_page("Satu", "Berita pertama sesudahnya.").as_bytes(),
        ),
        http_response(
            "<urn:uuid:g2>",
            "https://a.example/g2",
            "200 OK\r\nContent-Type: text/html",
            news_page("Dua", "Berita kedua sesudahnya.").as_bytes(),
        ),
    ]
    .concat()
}

/// `record` with its Content-Length replaced by `len`.
fn with_length(record: &[u8], len: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(record);
    let at = text.find("Content-Length: ").unwrap() + "Content-Length: ".len();
    let end = at + text[at..].find('\r').unwrap();
    [&record[..at], len.as_bytes(), &record[end..]].concat()
}

fn ids_and_errors(got: &[Result<RawArticle, ReadError>]) -> (Vec<String>, Vec<String>) {
    let ids = got
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|a| a.id.clone())
        .collect();
    let errors = got
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(|e| e.to_string())
        .collect();
    (ids, errors)
}

#[test]
fn a_skipped_record_whose_length_runs_past_the_end_does_not_swallow_the_rest() {
    let request = warc_record(
        "request",
        &[
            ("WARC-Target-URI", "https://a.example/req"),
            ("WARC-Record-ID", "<urn:uuid:q1>"),
        ],
        b"GET /req HTTP/1.1\r\n\r\n",
    );
    let bytes = [with_length(&request, "999999999"), two_good_responses()].concat();
    for (name, data) in [
        ("r.warc", bytes.clone()),
        ("r.warc.gz", gzip_members(std::slice::from_ref(&bytes))),
    ] {
        let got = read_bytes(name, &data);
        let (ids, errors) = ids_and_errors(&got);
        assert_eq!(ids, ["urn:uuid:g1", "urn:uuid:g2"], "{name}: {errors:?}");
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        let e = got.iter().find_map(|r| r.as_ref().err()).unwrap();
        assert_eq!(e.input, format!("{name}#1 (https://a.example/req)"), "{e}");
        assert!(
            e.message.contains("Content-Length") && e.message.contains("past the end"),
            "{e}"
        );
        assert_eq!(e.id.as_deref(), Some("urn:uuid:q1"));
    }
}

#[test]
fn a_response_with_a_bogus_huge_length_is_reported_and_the_next_record_read() {
    let bad = http_response(
        "<urn:uuid:b1>",
        "https://a.example/b1",
        "200 OK\r\nContent-Type: text/html",
        news_page("Rusak", "Panjangnya salah.").as_bytes(),
    );
    for huge in ["99999999999", "12000000"] {
        let got = read_bytes(
            "b.warc",
            &[with_length(&bad, huge), two_good_responses()].concat(),
        );
        let (ids, errors) = ids_and_errors(&got);
        assert_eq!(ids, ["urn:uuid:g1", "urn:uuid:g2"], "{huge}: {errors:?}");
        assert_eq!(errors.len(), 1, "{huge}: {errors:?}");
        assert!(
            errors[0].starts_with("b.warc#1 (https://a.example/b1): "),
            "{}",
            errors[0]
        );
        assert!(errors[0].contains("Content-Length"), "{}", errors[0]);
    }
}

#[test]
fn a_response_over_the_limit_with_a_correct_length_is_too_large_and_the_next_is_read() {
    let big = vec![b'x'; MAX_ARTICLE_BYTES + 2 * 1024 * 1024];
    let bytes = [
        http_response(
            "<urn:uuid:big>",
            "https://a.example/big",
            "200 OK\r\nContent-Type: text/html",
            &big,
        ),
        two_good_responses(),
    ]
    .concat();
    let got = read_bytes("big.warc", &bytes);
    let (ids, errors) = ids_and_errors(&got);
    assert_eq!(ids, ["urn:uuid:g1", "urn:uuid:g2"], "{errors:?}");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("larger than the 10 MiB limit"),
        "{}",
        errors[0]
    );
}

#[test]
fn a_length_a_few_bytes_off_is_reported_and_the_next_record_read() {
    let rec = http_response(
        "<urn:uuid:o1>",
        "https://a.example/o1",
        "200 OK\r\nContent-Type: text/html",
        news_page("Meleset", "Panjangnya meleset.").as_bytes(),
    );
    let text = String::from_utf8_lossy(&rec);
    let at = text.find("Content-Length: ").unwrap() + 16;
    let n: i64 = text[at..at + text[at..].find('\r').unwrap()].parse().unwrap();
    // (A length 1 to 4 too long only takes in the blank lines that end the
    // record, which is harmless and accepted.)
    for delta in [-7i64, -1, 5, 20] {
        let bytes = [with_length(&rec, &(n + delta).to_string()), two_good_responses()].concat();
        for (name, data) in [
            ("o.warc", bytes.clone()),
            ("o.warc.gz", gzip_members(std::slice::from_ref(&bytes))),
        ] {
            let got = read_bytes(name, &data);
            let (ids, errors) = ids_and_errors(&got);
            assert_eq!(
                ids,
                ["urn:uuid:g1", "urn:uuid:g2"],
                "{name} {delta:+}: {errors:?}"
            );
            assert_eq!(errors.len(), 1, "{name} {delta:+}: {errors:?}");
            assert!(
                errors[0].starts_with(&format!("{name}#1 (https://a.example/o1): "))
                    && errors[0].contains("Content-Length"),
                "{name} {delta:+}: {}",
                errors[0]
            );
        }
    }
}

#[test]
fn truncated_gzipped_warc_reports_the_cut() {
    let mut bytes = gzip_members(&crawl());
    bytes.truncate(bytes.len() - 30);
    let got = read_bytes("cut.warc.gz", &bytes);
    assert_eq!(ok(&got[0]).id, "urn:uuid:r1");
    let e = err(got.last().unwrap());
    assert!(
        e.input.starts_with("cut.warc.gz") && e.message.contains("truncated"),
        "{e}"
    );
}

#[test]
fn a_record_cut_short_does_not_hide_a_whole_record_its_length_happens_to_cover() {
    // A writer died mid-record, and the next run appended a record; the cut
    // record's length happens to end just where the appended one does.
    let good = http_response(
        "<urn:uuid:after>",
        "https://a.example/after",
        "200 OK\r\nContent-Type: text/html",
        news_page("Sesudah", "Ditulis sesudah kerusakan.").as_bytes(),
    );
    let partial = b"GET /cut HTTP/1.1\r\nHost: a.exa";
    let len = partial.len() + good.len() - 2;
    let cut = format!(
        "WARC/1.1\r\nWARC-Type: request\r\nWARC-Record-ID: <urn:uuid:cut>\r\nContent-Length: {len}\r\n\r\n"
    );
    let bytes = [cut.as_bytes(), partial, &good].concat();
    let got = read_bytes("cut.warc", &bytes);
    let (ids, errors) = ids_and_errors(&got);
    assert_eq!(ids, ["urn:uuid:after"], "{errors:?}");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("cut.warc#1: its Content-Length"),
        "{}",
        errors[0]
    );
    assert_eq!(err(&got[0]).id.as_deref(), Some("urn:uuid:cut"));
}

#[test]
fn a_header_block_cut_short_by_the_next_record_costs_only_that_record() {
    let good = two_good_responses();
    let cut = b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:h>\r\nContent-Len";
    let got = read_bytes("h.warc", &[&cut[..], &good].concat());
    let (ids, errors) = ids_and_errors(&got);
    assert_eq!(ids, ["urn:uuid:g1", "urn:uuid:g2"], "{errors:?}");
    assert_eq!(
        errors,
        ["h.warc#1: its header block is cut short by the start of another record; reading on from there"]
    );
    assert_eq!(err(&got[0]).id.as_deref(), Some("urn:uuid:h"));
}

#[test]
fn a_known_field_of_the_wrong_type_rejects_its_record_naming_the_field() {
    let lines = [
        r#"{"id":"p1","text":"Teks.","published":{"a":1}}"#,
        r#"{"id":{"x":1},"text":"Teks."}"#,
        r#"{"id":"t1","title":5,"text":"Teks."}"#,
        r#"{"id":true,"text":"Teks."}"#,
        r#"{"id":[1],"text":"Teks."}"#,
        r#"{"id":"u1","url":["https://a.example/"],"site":false,"text":"Teks."}"#,
        r#"{"text":7}"#,
        r#"{"id":"h1","html":{"p":"x"}}"#,
        r#"{"id":"p2","text":"Teks.","published":true}"#,
    ];
    let got = read_bytes("t.jsonl", lines.join("\n").as_bytes());
    let expected: [(&str, Option<&str>); 9] = [
        (
            "field `published` must be a string or a number, not an object",
            Some("p1"),
        ),
        ("field `id` must be a string or a number, not an object", None),
        ("field `title` must be a string, not a number", Some("t1")),
        ("field `id` must be a string or a number, not a boolean", None),
        ("field `id` must be a string or a number, not an array", None),
        (
            "field `url` must be a string, not an array; field `site` must be a string, not a boolean",
            Some("u1"),
        ),
        ("field `text` must be a string, not a number", Some("t:7")),
        ("field `html` must be a string, not an object", Some("h1")),
        (
            "field `published` must be a string or a number, not a boolean",
            Some("p2"),
        ),
    ];
    assert_eq!(got.len(), expected.len(), "{got:?}");
    for (i, (r, (message, id))) in got.iter().zip(expected).enumerate() {
        let e = err(r);
        assert_eq!(e.input, format!("t.jsonl:{}", i + 1));
        assert_eq!(
            (e.message.as_str(), e.id.as_deref()),
            (message, id),
            "line {}",
            i + 1
        );
    }
}

#[test]
fn null_fields_count_as_absent() {
    let got = read_bytes(
        "n.jsonl",
        br#"{"id":null,"text":"Teks.","title":null,"url":null,"published":null,"site":null,"html":null}"#,
    );
    let a = ok(&got[0]);
    assert_eq!(
        (a.id.as_str(), a.title.as_ref(), a.published.as_ref()),
        ("n:1", None, None)
    );
}

#[test]
fn json_file_errors_speak_of_fields_not_of_serde_types() {
    let got = read_bytes(
        "m.json",
        br#"[{"id":"a","text":5}, 7, {"id":"c","text":"Baik."}]"#,
    );
    assert_eq!(got.len(), 3);
    assert_eq!(
        err(&got[0]).to_string(),
        "m.json[0]: field `text` must be a string, not a number"
    );
    assert_eq!(err(&got[0]).id.as_deref(), Some("a"));
    assert_eq!(err(&got[1]).to_string(), "m.json[1]: record is not a JSON object");
    assert_eq!(ok(&got[2]).id, "c");
    let one = read_bytes("one.json", b"5");
    assert_eq!(
        err(&one[0]).to_string(),
        "one.json: a JSON document must be a record object or an array of them, not a number"
    );
    let got = read_bytes("p.json", br#"{"id":"p","text":"x","published":[2024]}"#);
    assert_eq!(
        err(&got[0]).to_string(),
        "p.json: field `published` must be a string or a number, not an array"
    );
}

#[test]
fn a_record_whose_html_has_no_text_keeps_its_id_in_the_failure() {
    let got = read_bytes(
        "h.jsonl",
        br#"{"id":"kosong","html":"<html><body><script>x()</script></body></html>"}"#,
    );
    let e = err(&got[0]);
    assert_eq!(
        (e.message.as_str(), e.id.as_deref()),
        ("no text found in the HTML page", Some("kosong"))
    );
    let warc = http_response(
        "<urn:uuid:blank>",
        "https://a.example/blank",
        "200 OK\r\nContent-Type: text/html",
        b"<html><body><img src=a.png></body></html>",
    );
    let got = read_bytes("b.warc", &warc);
    let e = err(&got[0]);
    assert_eq!(e.input, "b.warc#1 (https://a.example/blank)");
    assert_eq!(e.id.as_deref(), Some("urn:uuid:blank"));
}

#[cfg(unix)]
#[test]
fn a_named_pipe_in_a_directory_is_reported_not_skipped_or_waited_on() {
    let dir = scratch("fifo");
    write(&dir, "a.txt", "Satu.");
    let fifo = dir.join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIP: mkfifo failed");
        return;
    }
    write(&dir, "z.txt", "Dua.");
    let got = read(&[dir.display().to_string()]);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!((ok(&got[0]).id.as_str(), ok(&got[2]).id.as_str()), ("a", "z"));
    assert_eq!(
        err(&got[1]).to_string(),
        format!(
            "{}: a named pipe, not a regular file: not read from a directory (name it to read it)",
            fifo.display()
        )
    );
}

#[test]
fn a_gzip_bomb_is_refused_instead_of_read_for_hours() {
    // 80 MiB of zeros in a request record compress about 1,000 times.
    let zeros = vec![0u8; 80 << 20];
    let bomb = gzip_members(&[
        warc_record("request", &[("WARC-Target-URI", "https://a.example/bom")], &zeros),
        two_good_responses(),
    ]);
    let got = read_bytes("bomb.warc.gz", &bomb);
    let e = err(got.last().unwrap());
    assert!(e.message.contains("gzip bomb"), "{e}");
    assert!(e.input.starts_with("bomb.warc.gz#1"), "{e}");
}

#[test]
fn a_json_file_over_the_limit_says_to_use_json_lines() {
    let mut big = b"[".to_vec();
    while big.len() <= MAX_ARTICLE_BYTES {
        big.extend_from_slice(br#"{"text":"Berita singkat."},"#);
    }
    big.extend_from_slice(br#"{"text":"akhir"}]"#);
    let got = read_bytes("batch.json", &big);
    assert_eq!(got.len(), 1);
    assert!(
        err(&got[0]).message.contains("JSON Lines (.jsonl)"),
        "{}",
        err(&got[0])
    );
    // Just under the limit, every one of its many records is read.
    big.truncate(MAX_ARTICLE_BYTES - 100);
    let cut = big.iter().rposition(|&b| b == b',').unwrap();
    big.truncate(cut);
    big.push(b']');
    let t = std::time::Instant::now();
    let got = read_bytes("batch.json", &big);
    assert!(
        got.len() > 300_000 && got.iter().all(|r| r.is_ok()),
        "{}",
        got.len()
    );
    eprintln!(
        "{} records from a {} MiB .json in {:?}",
        got.len(),
        big.len() >> 20,
        t.elapsed()
    );
}

#[test]
fn articles_are_counted_ahead_for_a_progress_bar_when_that_is_cheap() {
    let dir = scratch("count");
    write(
        &dir,
        "a.jsonl",
        b"{\"text\": \"satu\"}\n\n{\"text\": \"dua\"}\n{\"text\": \"tiga\"}",
    );
    write(&dir, "b.txt", b"Berita.");
    write(&dir, "c.html", b"<p>Berita.</p>");
    write(&dir, "photo.jpg", b"\xff\xd8");
    write(&dir, ".hidden.txt", b"x");
    let d = dir.to_string_lossy().to_string();
    // 3 records (the blank line is none) + 2 files; the image and the hidden file are not read
    assert_eq!(warta_read::count_articles(std::slice::from_ref(&d)), Some(5));
    assert_eq!(warta_read::count_articles(&[d.clone(), "-".to_string()]), None);
    write(&dir, "d.warc", b"WARC/1.0\r\n");
    assert_eq!(warta_read::count_articles(&[d]), None);
}
