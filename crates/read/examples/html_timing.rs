//! Times HTML extraction of pathological pages (deep nesting, unclosed or
//! misnested formatting tags, huge paragraphs), to compare with flat ones:
//!
//! ```text
//! cargo run --release -p warta-read --example html_timing -- div 100000
//! cargo run --release -p warta-read --example html_timing -- p 100000
//! cargo run --release -p warta-read --example html_timing -- '<p><b class={i}>x</p>' 20000
//! ```
//!
//! A case not named below is a unit repeated n times, `{i}` standing for the
//! repetition's number. `RAW=1` also times a plain `dom_query` parse of the
//! untamed page, which is what extraction cost before `tame`.
use std::time::Instant;

fn page(case: &str, n: usize) -> String {
    let body = match case {
        "div" => format!("{}<p>Teks terdalam.</p>{}", "<div>".repeat(n), "</div>".repeat(n)),
        "div_open" => format!("{}<p>Teks terdalam.</p>", "<div>".repeat(n)),
        "span" => format!(
            "{}<p>Teks terdalam.</p>{}",
            "<span>".repeat(n),
            "</span>".repeat(n)
        ),
        "table" => format!(
            "{}<p>Teks terdalam.</p>{}",
            "<table>".repeat(n),
            "</table>".repeat(n)
        ),
        "tabletd" => format!(
            "{}Teks terdalam.{}",
            "<table><tr><td>".repeat(n),
            "</td></tr></table>".repeat(n)
        ),
        "li" => format!("{}<p>Teks terdalam.</p>{}", "<li>".repeat(n), "</li>".repeat(n)),
        "b" => format!("{}<p>Teks terdalam.</p>", "<b>x ".repeat(n)),
        "font" => format!("{}<p>Teks terdalam.</p>", "<font>x ".repeat(n)),
        "bp" => "<b><p>x ".repeat(n),
        "p" => "<p>Kalimat biasa di sini.</p>".repeat(n),
        "bigp" => format!("<p>{}</p>", "kata ".repeat(n)),
        "attrs" => format!(
            "<div{}>Teks.</div>",
            (0..n).map(|i| format!(" a{i}=x")).collect::<String>()
        ),
        raw => (0..n).map(|i| raw.replace("{i}", &i.to_string())).collect(),
    };
    format!("<html><body>{body}</body></html>")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let case = args.get(1).map(String::as_str).unwrap_or("div");
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(20_000);
    let html = page(case, n);
    // The untamed parse, as extraction did it before: `RAW=1` to include it.
    let t = Instant::now();
    if std::env::var_os("RAW").is_some() {
        drop(dom_query::Document::from(html.as_str()));
    }
    let parse = t.elapsed();
    let t = Instant::now();
    let x = warta_read::extract_html(&html, None);
    let total = t.elapsed();
    println!(
        "{case} n={n} bytes={} raw_parse={:.3}s extract={:.3}s text_len={}",
        html.len(),
        parse.as_secs_f64(),
        total.as_secs_f64(),
        x.map(|x| x.text.len()).unwrap_or(0)
    );
}
