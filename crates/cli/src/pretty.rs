//! The `pretty` format: a report a person reads in a terminal.

use std::io::{self, Write};
use warta_core::{Document, EntityType};

/// ANSI styling, switched off when not writing to a terminal.
struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn kind(&self, kind: EntityType) -> String {
        let code = match kind {
            EntityType::Per => "36",
            EntityType::Org => "35",
            EntityType::Loc => "32",
        };
        self.wrap(code, kind.as_str())
    }
}

/// How much of the clean text the report shows.
const PREVIEW_CHARS: usize = 240;

pub fn write_report(out: &mut dyn Write, doc: &Document, colour: bool) -> io::Result<()> {
    let p = Paint { on: colour };
    let or_dash = |v: Option<&str>| v.unwrap_or("-").to_string();
    writeln!(out, "{}", p.bold(&format!("── {} ", doc.id)))?;
    if let Some(title) = &doc.title {
        writeln!(out, "  title     {title}")?;
    }
    writeln!(out, "  site      {}", or_dash(doc.source.site.as_deref()))?;
    if let Some(place) = &doc.source.dateline {
        writeln!(out, "  dateline  {place}")?;
    }
    if let Some(url) = &doc.source.url {
        writeln!(out, "  url       {url}")?;
    }
    let published = doc.published.map(|d| d.to_string());
    writeln!(out, "  published {}", or_dash(published.as_deref()))?;
    let lang = doc
        .language
        .as_ref()
        .map(|l| format!("{} ({:.2})", l.code, l.confidence));
    writeln!(out, "  language  {}", or_dash(lang.as_deref()))?;
    writeln!(
        out,
        "  size      {} chars, {} sentences",
        doc.text.chars().count(),
        doc.sentences.len()
    )?;
    let preview: String = doc
        .text
        .chars()
        .take(PREVIEW_CHARS)
        .collect::<String>()
        .replace('\n', " ¶ ");
    let more = if doc.text.chars().count() > PREVIEW_CHARS {
        "…"
    } else {
        ""
    };
    writeln!(out, "  text      {}", p.dim(&format!("{preview}{more}")))?;

    if !doc.entities.is_empty() {
        writeln!(out, "  {}", p.bold("entities"))?;
        // One line per distinct entity, in order of first mention: a report
        // of 40 mentions of "Rusia" helps nobody.
        let mut seen: Vec<(&warta_core::Entity, usize)> = Vec::new();
        for e in &doc.entities {
            let same = |o: &&warta_core::Entity| {
                o.kind == e.kind
                    && o.text == e.text
                    && o.canonical == e.canonical
                    && o.actor_code == e.actor_code
            };
            match seen.iter_mut().find(|(o, _)| same(o)) {
                Some((_, n)) => *n += 1,
                None => seen.push((e, 1)),
            }
        }
        for (e, n) in seen {
            let mut line = format!("    {} {}", p.kind(e.kind), e.text);
            if let Some(c) = e.canonical.as_deref().filter(|c| *c != e.text) {
                line.push_str(&format!(" → {c}"));
            }
            let tags: Vec<&str> = [e.country.as_deref(), e.actor_code.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if !tags.is_empty() {
                line.push_str(&format!(" [{}]", tags.join(" ")));
            }
            if let Some(g) = &e.geo {
                line.push_str(&p.dim(&format!(" {:.2},{:.2} {}", g.lat, g.lon, g.name)));
            }
            if n > 1 {
                line.push_str(&p.dim(&format!(" ×{n}")));
            }
            writeln!(out, "{line}")?;
        }
    }
    if !doc.times.is_empty() {
        writeln!(out, "  {}", p.bold("times"))?;
        for t in &doc.times {
            let value = t.value.as_deref().unwrap_or("?");
            writeln!(
                out,
                "    {:<8} {} → {}",
                format!("{:?}", t.kind).to_uppercase(),
                t.text,
                value
            )?;
        }
    }
    if !doc.quotes.is_empty() {
        writeln!(out, "  {}", p.bold("quotes"))?;
        for q in &doc.quotes {
            writeln!(out, "{}", quote_line(&p, q))?;
        }
    }
    if !doc.sources.is_empty() {
        writeln!(out, "  {}   {}", p.bold("sources"), doc.sources.join(", "))?;
    }
    if !doc.events.is_empty() {
        writeln!(out, "  {}", p.bold("events"))?;
        for e in &doc.events {
            writeln!(out, "{}", event_line(&p, e))?;
        }
    }
    writeln!(out)
}

/// One event: PLOVER type and CAMEO code, source → target with codes,
/// date and place, the trigger as written, and the modality when the act
/// is not simply asserted.
fn event_line(p: &Paint, e: &warta_core::Event) -> String {
    let side = |a: &Option<warta_core::EventActor>| match a {
        None => "?".to_string(),
        Some(a) => {
            let mut s = a.name.clone();
            if let Some(c) = &a.code {
                s.push_str(&format!(" [{c}]"));
            }
            if a.implicit {
                s.push_str(" (implied)");
            }
            s
        }
    };
    let mut line = format!(
        "    {:<9} {:<5} {} → {}",
        e.plover,
        e.cameo,
        side(&e.source),
        side(&e.target)
    );
    if let Some(d) = &e.date {
        line.push_str(&format!(" on {d}"));
    }
    if let Some(l) = &e.location {
        line.push_str(&format!(" at {}", l.geo.name));
    }
    line.push_str(&p.dim(&format!(" «{}»", e.trigger.text)));
    if e.modality != warta_core::Modality::Asserted {
        let by = e
            .claimed_by
            .as_deref()
            .map(|c| format!(" by {c}"))
            .unwrap_or_default();
        line.push_str(&p.dim(&format!(" ({}{by})", e.modality.as_str())));
    }
    line
}

/// One quote: kind, speaker with role and actor code, how the attribution
/// wrote the speaker, the relay chain, then the quote (shortened).
fn quote_line(p: &Paint, q: &warta_core::Quote) -> String {
    let speaker = q.speaker.as_deref().unwrap_or("?");
    let mut who = speaker.to_string();
    if let Some(code) = &q.speaker_actor_code {
        who.push_str(&format!(" [{code}]"));
    }
    if let Some(written) = q.speaker_text.as_deref().filter(|t| *t != speaker) {
        who.push_str(&p.dim(&format!(" ({written})")));
    }
    if !q.relayed_by.is_empty() {
        who.push_str(&p.dim(&format!(" via {}", q.relayed_by.join(" → "))));
    }
    let text: String = q.text.chars().take(90).collect();
    let ellipsis = if text.len() < q.text.len() { "…" } else { "" };
    format!("    {:<8} {who}: \"{text}{ellipsis}\"", q.kind.as_str())
}
