//! Copies: MinHash signatures and LSH bands in the database, and copy
//! groups with their canonical article.

use super::{sql, SqliteStore};
use crate::StoreError;
use rusqlite::{params, OptionalExtension};

use crate::rows::ArticleRow;
use warta_dedup::{Signature, COPY_THRESHOLD};

/// Bounds on LSH candidates, so that a bucket everybody falls into (the
/// same boilerplate-only page a thousand times) costs a constant per
/// article, not one comparison per stored article.
const MAX_CANDIDATES_PER_BAND: i64 = 64;
const MAX_CANDIDATES: usize = 64;

impl SqliteStore {
    /// Files the article's MinHash signature and bands, and puts it in the
    /// copy group of its most similar stored article, if any reaches
    /// [`COPY_THRESHOLD`]. The group's canonical article is the earliest
    /// published, then one with a URL (a known site over a pasted copy),
    /// then the smaller id; a new article that beats it takes its place.
    /// Returns an article of its group stored before it (the one it is most
    /// like), or `None` when it copies nothing.
    pub(super) fn link_copies(
        &self,
        id: &str,
        article: &ArticleRow,
        sig: &Signature,
    ) -> Result<Option<String>, StoreError> {
        let c = &self.conn;
        c.prepare_cached("INSERT INTO minhash (article_id, signature) VALUES (?1, ?2)")
            .map_err(sql("preparing minhash"))?
            .execute(params![id, sig.to_bytes()])
            .map_err(sql(format!("storing the signature of {id}")))?;
        // Candidates by the number of bands they share: a copy shares many,
        // a chance collision one. One statement each for the lookup and
        // the insert of all bands (as a JSON array: index = band), not one
        // per band: statements, not rows, were the cost.
        let bands = serde_json::to_string(&sig.bands().iter().map(|h| *h as i64).collect::<Vec<i64>>())
            .expect("numbers serialise");
        let candidates: Vec<(String, usize)> = c
            .prepare_cached(
                "SELECT l.article_id, count(*) AS shared FROM json_each(?1) j
                 JOIN lsh l ON l.band = j.key AND l.hash = j.value
                 WHERE l.article_id IN (SELECT l2.article_id FROM lsh l2
                                        WHERE l2.band = j.key AND l2.hash = j.value LIMIT ?2)
                 GROUP BY l.article_id ORDER BY shared DESC, l.article_id LIMIT ?3",
            )
            .map_err(sql("preparing lsh lookups"))?
            .query_map(
                params![bands, MAX_CANDIDATES_PER_BAND, MAX_CANDIDATES as i64],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as usize)),
            )
            .and_then(|rows| rows.collect())
            .map_err(sql("looking up lsh bands"))?;
        c.prepare_cached("INSERT INTO lsh (band, hash, article_id) SELECT key, value, ?2 FROM json_each(?1)")
            .map_err(sql("preparing lsh"))?
            .execute(params![bands, id])
            .map_err(sql(format!("storing the bands of {id}")))?;
        let mut best: Option<(String, f32)> = None;
        for (cand, _) in candidates.into_iter().take(MAX_CANDIDATES) {
            let other = self.signature(&cand)?;
            let s = sig.similarity(&other);
            if s >= COPY_THRESHOLD && best.as_ref().is_none_or(|(_, b)| s > *b) {
                best = Some((cand, s));
            }
        }
        let Some((near, _)) = best else {
            return Ok(None);
        };
        let near_member = near.clone();
        let canonical: String = c
            .prepare_cached("SELECT canonical_id FROM copies WHERE article_id = ?1")
            .map_err(sql("preparing copies"))?
            .query_row([&near], |r| r.get(0))
            .optional()
            .map_err(sql("reading copies"))?
            .unwrap_or(near);
        let canon_meta: (Option<String>, Option<String>) = c
            .query_row(
                "SELECT published, url FROM articles WHERE id = ?1",
                [&canonical],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(sql("reading the canonical article"))?;
        let mine = (article.published.clone(), article.url.clone());
        let rank = |(published, url): &(Option<String>, Option<String>), id: &str| {
            (
                published.is_none(),
                published.clone(),
                url.is_none(),
                id.to_string(),
            )
        };
        if rank(&mine, id) < rank(&canon_meta, &canonical) {
            // The new article leads the group: the others point to it.
            let members: Vec<String> = c
                .prepare("SELECT article_id FROM copies WHERE canonical_id = ?1")
                .map_err(sql("preparing copies"))?
                .query_map([&canonical], |r| r.get(0))
                .map_err(sql("reading copies"))?
                .collect::<Result<_, _>>()
                .map_err(sql("reading copies"))?;
            let mut set = c
                .prepare_cached("INSERT OR REPLACE INTO copies (article_id, canonical_id, similarity) VALUES (?1, ?2, ?3)")
                .map_err(sql("preparing copies"))?;
            for m in members.iter().chain(std::iter::once(&canonical)) {
                let s = sig.similarity(&self.signature(m)?);
                set.execute(params![m, id, s]).map_err(sql("regrouping copies"))?;
            }
            Ok(Some(near_member))
        } else {
            c.prepare_cached("INSERT INTO copies (article_id, canonical_id, similarity) VALUES (?1, ?2, ?3)")
                .map_err(sql("preparing copies"))?
                .execute(params![
                    id,
                    canonical,
                    sig.similarity(&self.signature(&canonical)?)
                ])
                .map_err(sql(format!("filing {id} as a copy")))?;
            Ok(Some(near_member))
        }
    }

    fn signature(&self, id: &str) -> Result<Signature, StoreError> {
        let bytes: Vec<u8> = self
            .conn
            .prepare_cached("SELECT signature FROM minhash WHERE article_id = ?1")
            .map_err(sql("preparing minhash"))?
            .query_row([id], |r| r.get(0))
            .map_err(sql(format!("reading the signature of {id}")))?;
        Signature::from_bytes(&bytes).ok_or_else(|| StoreError::Invalid(format!("{id}: a damaged signature")))
    }
}
