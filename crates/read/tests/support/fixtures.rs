//! Scratch directories and synthetic inputs (no publisher text) for tests.

use std::io::Write;
use std::path::{Path, PathBuf};

/// A fresh empty directory under the system temp dir, unique per test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("warta-read-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn write(dir: &Path, rel: &str, bytes: impl AsRef<[u8]>) -> String {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

/// A synthetic Indonesian news page long enough for Readability to pick out.
pub fn news_page(title: &str, sentence: &str) -> String {
    let para = |i: usize| {
        format!("<p>{sentence} Paragraf ke-{i} menjelaskan rincian kejadian yang dilaporkan oleh wartawan di lokasi, termasuk keterangan saksi dan pejabat setempat.</p>")
    };
    format!(
        "<!doctype html><html><head><title>{title}</title><meta property=\"og:site_name\" content=\"Kabar Contoh\">\
         <meta property=\"article:published_time\" content=\"2024-02-03T09:00:00+07:00\"></head>\
         <body><nav><a href=\"/\">Beranda</a> <a href=\"/n\">Nasional</a></nav><article><h1>{title}</h1>{}{}{}</article>\
         <footer>Hak cipta Kabar Contoh</footer></body></html>",
        para(1),
        para(2),
        para(3)
    )
}

/// One WARC record with the given type, extra headers and block.
pub fn warc_record(kind: &str, headers: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut out = format!("WARC/1.1\r\nWARC-Type: {kind}\r\n").into_bytes();
    for (n, v) in headers {
        out.extend_from_slice(format!("{n}: {v}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// An HTTP response record for `uri` with the given headers and body.
pub fn http_response(id: &str, uri: &str, http_headers: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!("HTTP/1.1 {http_headers}\r\n\r\n").into_bytes();
    block.extend_from_slice(body);
    warc_record(
        "response",
        &[
            ("WARC-Record-ID", id),
            ("WARC-Target-URI", uri),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        &block,
    )
}

/// Gzip-compresses each record as its own member, as crawlers write .warc.gz.
pub fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(r).unwrap();
        out.extend(enc.finish().unwrap());
    }
    out
}
