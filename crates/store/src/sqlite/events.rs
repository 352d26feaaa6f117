//! Events counted once: an article's events become mentions of stored
//! events, matched across its copy group and story.

use super::{sql, SqliteStore};
use crate::rows::Rows;
use crate::StoreError;
use rusqlite::{params, OptionalExtension};

impl SqliteStore {
    /// Files the article's events as mentions of events counted once: an
    /// event of the same CAMEO code, source and target codes — and the same
    /// date and country where both give one — already mentioned by this
    /// article or another of its story `story` (which holds its copies)
    /// gets a mention; any other is a new event. The counts
    /// of every event touched are then recomputed from its mentions.
    pub(super) fn insert_events(&self, id: &str, story: i64, rows: &Rows) -> Result<(), StoreError> {
        let c = &self.conn;
        let mut find = c
            .prepare_cached(
                "SELECT ev.id FROM events ev
                 WHERE ev.cameo = ?1 AND ev.source_code IS ?2 AND ev.target_code IS ?3
                   AND (ev.date IS NULL OR ?4 IS NULL OR ev.date = ?4)
                   AND (ev.country IS NULL OR ?5 IS NULL OR ev.country = ?5)
                   AND EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = ev.id
                       AND (m.article_id = ?6
                            OR m.article_id IN (SELECT article_id FROM story_articles WHERE story_id = ?7)))
                 ORDER BY ev.id LIMIT 1",
            )
            .map_err(sql("preparing event matching"))?;
        let mut new_event = c
            .prepare_cached(
                "INSERT INTO events (plover, cameo, quad_class, goldstein, source_name, source_code, target_name,
                    target_code, modality, date, location, country, lat, lon, day)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,
                         coalesce(CASE WHEN length(?10) = 10 THEN ?10 END, ?15))",
            )
            .map_err(sql("preparing events"))?;
        let mut mention = c
            .prepare_cached(
                "INSERT INTO event_mentions (article_id, idx, event_id, sentence, modality, claimed_by, source_text,
                    target_text, trigger, start, end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )
            .map_err(sql("preparing event mentions"))?;
        let mut touched: Vec<i64> = Vec::new();
        for (i, e) in rows.events.iter().enumerate() {
            let found: Option<i64> = find
                .query_row(
                    params![
                        e.cameo,
                        e.source_code,
                        e.target_code,
                        e.date,
                        e.country,
                        id,
                        story
                    ],
                    |r| r.get(0),
                )
                .optional()
                .map_err(sql(format!("matching the events of {id}")))?;
            let event_id = match found {
                Some(ev) => ev,
                None => {
                    new_event
                        .execute(params![
                            e.plover,
                            e.cameo,
                            e.quad_class,
                            e.goldstein,
                            e.source_name,
                            e.source_code,
                            e.target_name,
                            e.target_code,
                            e.modality,
                            e.date,
                            e.location,
                            e.country,
                            e.lat,
                            e.lon,
                            rows.article.published,
                        ])
                        .map_err(sql(format!("storing the events of {id}")))?;
                    c.last_insert_rowid()
                }
            };
            mention
                .execute(params![
                    id,
                    i as i64,
                    event_id,
                    e.sentence,
                    e.modality,
                    e.claimed_by,
                    e.source_text,
                    e.target_text,
                    e.trigger,
                    e.start,
                    e.end,
                ])
                .map_err(sql(format!("storing the event mentions of {id}")))?;
            if !touched.contains(&event_id) {
                touched.push(event_id);
            }
        }
        let mut count = c
            .prepare_cached(
                "UPDATE events SET
                    num_mentions = (SELECT count(*) FROM event_mentions WHERE event_id = ?1),
                    num_articles = (SELECT count(DISTINCT article_id) FROM event_mentions WHERE event_id = ?1),
                    num_sources = (SELECT count(DISTINCT coalesce(a.outlet, a.id)) FROM event_mentions m
                                   JOIN articles a ON a.id = m.article_id WHERE m.event_id = ?1)
                 WHERE id = ?1",
            )
            .map_err(sql("preparing event counts"))?;
        for ev in touched {
            count.execute([ev]).map_err(sql("counting event mentions"))?;
        }
        Ok(())
    }
}
