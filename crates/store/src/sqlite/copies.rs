//! Copies: MinHash signatures and LSH bands in the database, and copy
//! groups with their canonical article.

use super::{sql, SqliteStore};
use crate::StoreError;
use rusqlite::{params, OptionalExtension};
use rustc_hash::FxHashMap;

use crate::rows::ArticleRow;
use warta_dedup::{Signature, COPY_THRESHOLD};

/// Bounds on LSH candidates, so that a bucket everybody falls into (the
/// same boilerplate-only page a thousand times) costs a constant per
/// article, not one comparison per stored article: a bucket keeps the
/// first articles filed in it, and an article is compared with the stored
/// articles sharing most bands with it.
const MAX_PER_BUCKET: usize = 64;
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
        c.prepare_cached("INSERT INTO signatures (article_id, signature) VALUES (?1, ?2)")
            .map_err(sql("preparing signatures"))?
            .execute(params![id, sig.to_bytes()])
            .map_err(sql(format!("storing the signature of {id}")))?;
        let key = c.last_insert_rowid();
        let hashes: Vec<i64> = sig.bands().iter().map(|h| *h as i64).collect();
        // Every stored article in a bucket of this one's, in one statement
        // (bands travel as a JSON array: statements, not rows, were the
        // cost); buckets are bounded, so this reads at most 64 × 64 rows.
        let rows: Vec<(i64, i64, String)> = c
            .prepare_cached(
                "SELECT j.value, b.key, s.article_id FROM json_each(?1) j
                 JOIN bands b ON b.hash = j.value JOIN signatures s ON s.key = b.key",
            )
            .map_err(sql("preparing band lookups"))?
            .query_map(
                [serde_json::to_string(&hashes).expect("numbers serialise")],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .and_then(|rows| rows.collect())
            .map_err(sql("looking up bands"))?;
        let mut bucket_sizes: FxHashMap<i64, usize> = FxHashMap::default();
        let mut shared: FxHashMap<i64, (usize, String)> = FxHashMap::default();
        for (hash, other, other_id) in rows {
            *bucket_sizes.entry(hash).or_default() += 1;
            shared.entry(other).or_insert((0, other_id)).0 += 1;
        }
        let open: Vec<i64> = hashes
            .iter()
            .copied()
            .filter(|h| bucket_sizes.get(h).copied().unwrap_or(0) < MAX_PER_BUCKET)
            .collect();
        // `OR IGNORE`: a statement that cannot fail keeps no journal of its
        // own (no two bands of an article share a hash).
        c.prepare_cached("INSERT OR IGNORE INTO bands (hash, key) SELECT value, ?2 FROM json_each(?1)")
            .map_err(sql("preparing bands"))?
            .execute(params![
                serde_json::to_string(&open).expect("numbers serialise"),
                key
            ])
            .map_err(sql(format!("storing the bands of {id}")))?;
        // Candidates by the number of bands they share: a copy shares many,
        // a chance collision one.
        let mut candidates: Vec<(i64, usize, String)> = shared
            .into_iter()
            .map(|(k, (n, other_id))| (k, n, other_id))
            .collect();
        candidates.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.2.cmp(&b.2)));
        candidates.truncate(MAX_CANDIDATES);
        let mut best: Option<(String, f32)> = None;
        for (other_key, _, cand) in candidates {
            let other = self.signature_by_key(other_key, &cand)?;
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
        self.stored_signature("article_id", &id, id)
    }

    fn signature_by_key(&self, key: i64, id: &str) -> Result<Signature, StoreError> {
        self.stored_signature("key", &key, id)
    }

    /// The signature of the row of `signatures` whose `column` is `value`
    /// (the article `id`, for messages).
    fn stored_signature(
        &self,
        column: &str,
        value: &dyn rusqlite::ToSql,
        id: &str,
    ) -> Result<Signature, StoreError> {
        let bytes: Vec<u8> = self
            .conn
            .prepare_cached(&format!("SELECT signature FROM signatures WHERE {column} = ?1"))
            .map_err(sql("preparing signatures"))?
            .query_row([value], |r| r.get(0))
            .map_err(sql(format!("reading the signature of {id}")))?;
        Signature::from_bytes(&bytes).ok_or_else(|| StoreError::Invalid(format!("{id}: a damaged signature")))
    }
}
