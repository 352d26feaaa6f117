//! Events counted once, listed and counted with filters (for the server's
//! `/api/events` and its charts).

use super::{sql, SqliteStore};
use crate::{CountBy, EventCount, EventQuery, StoreError, StoredEvent};
use rusqlite::types::Value as Sql;
use rusqlite::{params_from_iter, OptionalExtension};

/// Conditions on one event `e` that the event list and the article search
/// share: its PLOVER type, CAMEO code prefix, and an actor given as a code
/// prefix (`RUS`, `IDNCOP`) or a name as linked. `param` files a value and
/// returns its placeholder.
pub(super) fn event_conditions(
    plover: Option<&str>,
    cameo: Option<&str>,
    actor: Option<&str>,
    param: &mut dyn FnMut(String) -> String,
) -> String {
    let mut w = String::new();
    if let Some(t) = plover {
        w += &format!(" AND e.plover = {}", param(t.to_uppercase()));
    }
    if let Some(c) = cameo {
        w += &format!(" AND e.cameo LIKE {}", param(format!("{c}%")));
    }
    if let Some(a) = actor {
        let code = param(format!("{}%", a.to_uppercase()));
        let name = param(a.to_string());
        w += &format!(
            " AND (e.source_code LIKE {code} OR e.target_code LIKE {code}
                   OR e.source_name = {name} COLLATE NOCASE OR e.target_name = {name} COLLATE NOCASE)"
        );
    }
    w
}

/// The WHERE clause of `q` over `events e`, and its parameters.
pub(super) fn filters(q: &EventQuery) -> (String, Vec<Sql>) {
    let mut w = String::from("1 = 1");
    let mut args: Vec<Sql> = Vec::new();
    let arg = |v: Sql, args: &mut Vec<Sql>| {
        args.push(v);
        format!("?{}", args.len())
    };
    if let Some(d) = &q.from {
        w += &format!(" AND e.day >= {}", arg(Sql::Text(d.clone()), &mut args));
    }
    if let Some(d) = &q.to {
        w += &format!(" AND e.day <= {}", arg(Sql::Text(d.clone()), &mut args));
    }
    w += &event_conditions(
        q.plover.as_deref(),
        q.cameo.as_deref(),
        q.actor.as_deref(),
        &mut |v| arg(Sql::Text(v), &mut args),
    );
    if let Some(m) = &q.modality {
        w += &format!(
            " AND e.modality = {}",
            arg(Sql::Text(m.to_lowercase()), &mut args)
        );
    }
    if let Some(c) = &q.country {
        w += &format!(" AND e.country = {}", arg(Sql::Text(c.to_uppercase()), &mut args));
    }
    if let Some([west, south, east, north]) = q.bbox {
        let (w_, s_, e_, n_) = (
            arg(Sql::Real(west), &mut args),
            arg(Sql::Real(south), &mut args),
            arg(Sql::Real(east), &mut args),
            arg(Sql::Real(north), &mut args),
        );
        w += &format!(" AND e.lat BETWEEN {s_} AND {n_} AND e.lon BETWEEN {w_} AND {e_}");
    }
    if let Some(story) = q.story {
        w += &format!(
            " AND EXISTS (SELECT 1 FROM event_mentions m CROSS JOIN story_articles s ON s.article_id = m.article_id
                 WHERE m.event_id = e.id AND s.story_id = {})",
            arg(Sql::Integer(story), &mut args)
        );
    }
    if let Some(site) = &q.site {
        let p = arg(Sql::Text(site.to_lowercase()), &mut args);
        w += &format!(
            " AND EXISTS (SELECT 1 FROM event_mentions m CROSS JOIN articles a ON a.id = m.article_id
                 WHERE m.event_id = e.id AND (lower(a.site) = {p} OR a.outlet = {p}))"
        );
    }
    (w, args)
}

impl SqliteStore {
    pub(super) fn list_events(&self, q: &EventQuery) -> Result<Vec<StoredEvent>, StoreError> {
        let (mut w, mut args) = filters(q);
        if let Some(after) = q.after {
            args.push(Sql::Integer(after));
            w += &format!(" AND e.id > ?{}", args.len());
        }
        let limit = q.limit.clamp(1, 1000);
        let sql_text = format!(
            "SELECT e.id, e.plover, e.cameo, e.quad_class, e.goldstein, e.source_name, e.source_code,
                    e.target_name, e.target_code, e.modality, e.date, e.day, e.location, e.country, e.lat, e.lon,
                    e.num_mentions, e.num_articles, e.num_sources,
                    (SELECT m.article_id FROM event_mentions m JOIN articles a ON a.id = m.article_id
                     WHERE m.event_id = e.id ORDER BY a.rowid LIMIT 1) AS first
             FROM events e WHERE {w} ORDER BY e.id LIMIT {limit}"
        );
        let mut st = self
            .conn
            .prepare(&sql_text)
            .map_err(sql("preparing the event list"))?;
        let rows = st
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(StoredEvent {
                    id: r.get(0)?,
                    plover: r.get(1)?,
                    cameo: r.get(2)?,
                    quad_class: r.get(3)?,
                    goldstein: r.get(4)?,
                    source_name: r.get(5)?,
                    source_code: r.get(6)?,
                    target_name: r.get(7)?,
                    target_code: r.get(8)?,
                    modality: r.get(9)?,
                    date: r.get(10)?,
                    day: r.get(11)?,
                    location: r.get(12)?,
                    country: r.get(13)?,
                    lat: r.get(14)?,
                    lon: r.get(15)?,
                    num_mentions: r.get::<_, i64>(16)? as u64,
                    num_articles: r.get::<_, i64>(17)? as u64,
                    num_sources: r.get::<_, i64>(18)? as u64,
                    article_id: r.get(19)?,
                    story: None,
                })
            })
            .map_err(sql("listing events"))?;
        let mut events: Vec<StoredEvent> = rows.collect::<Result<_, _>>().map_err(sql("listing events"))?;
        let mut story = self
            .conn
            .prepare_cached("SELECT story_id FROM story_articles WHERE article_id = ?1")
            .map_err(sql("preparing story lookups"))?;
        for e in &mut events {
            if let Some(a) = &e.article_id {
                e.story = story
                    .query_row([a], |r| r.get(0))
                    .optional()
                    .map_err(sql("reading the story of an event"))?;
            }
        }
        Ok(events)
    }

    pub(super) fn count_events(&self, q: &EventQuery, by: CountBy) -> Result<Vec<EventCount>, StoreError> {
        let (w, args) = filters(q);
        let period = match by {
            CountBy::Day => "e.day",
            CountBy::Week => "strftime('%Y-W%W', e.day)",
            CountBy::Type => "NULL",
        };
        let sql_text = format!(
            "SELECT {period} AS period, e.plover, min(e.quad_class), count(*) FROM events e WHERE {w}
             GROUP BY period, e.plover ORDER BY period, e.plover"
        );
        let mut st = self
            .conn
            .prepare(&sql_text)
            .map_err(sql("preparing the event counts"))?;
        let rows = st
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(EventCount {
                    period: r.get(0)?,
                    plover: r.get(1)?,
                    quad_class: r.get(2)?,
                    events: r.get::<_, i64>(3)? as u64,
                })
            })
            .map_err(sql("counting events"))?;
        rows.collect::<Result<_, _>>().map_err(sql("counting events"))
    }
}
