//! `/api/actors`, `/api/network`, `/api/places` and `/api/quotes`: what the
//! dashboard's network, map and quote search read. Each takes the event
//! filters of `/api/events` (quotes aside) and answers a bounded list.

use crate::api::{event_query, json_answer, params, query, to_json, ApiError, RawQuery};
use crate::params::MAX_PAGE;
use crate::pool::Pool;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use warta_store::{QuoteQuery, Store};

/// Most links or places one answer holds.
const MAX_LINKS: usize = 1000;

/// A list over the events matching the request's filters: `limit`
/// defaults to `default`, at most `max`; the answer is `{key: [...]}`.
async fn event_list<T: serde::Serialize + Send + 'static>(
    pool: Pool,
    request: HeaderMap,
    q: RawQuery,
    (key, default, max): (&str, usize, usize),
    list: fn(&warta_store::SqliteStore, &warta_store::EventQuery) -> Result<Vec<T>, warta_store::StoreError>,
) -> Result<Response, ApiError> {
    let mut p = params(q)?;
    let mut eq = event_query(&mut p)?;
    eq.limit = p.limit(default, max)?;
    p.done()?;
    let rows = query(pool, move |s| list(s, &eq)).await?;
    Ok(json_answer(
        &request,
        to_json(&std::collections::BTreeMap::from([(key, rows)]))?,
    ))
}

pub(crate) async fn actors(
    State(pool): State<Pool>,
    request: HeaderMap,
    q: RawQuery,
) -> Result<Response, ApiError> {
    event_list(pool, request, q, ("actors", 20, MAX_PAGE), |s, eq| s.actors(eq)).await
}

/// Who acts on whom: with `actor`, that actor's partners.
pub(crate) async fn network(
    State(pool): State<Pool>,
    request: HeaderMap,
    q: RawQuery,
) -> Result<Response, ApiError> {
    event_list(pool, request, q, ("links", 100, MAX_LINKS), |s, eq| {
        s.actor_links(eq)
    })
    .await
}

pub(crate) async fn places(
    State(pool): State<Pool>,
    request: HeaderMap,
    q: RawQuery,
) -> Result<Response, ApiError> {
    event_list(pool, request, q, ("places", 500, MAX_LINKS), |s, eq| s.places(eq)).await
}

pub(crate) async fn quotes(
    State(pool): State<Pool>,
    request: HeaderMap,
    q: RawQuery,
) -> Result<Response, ApiError> {
    let mut p = params(q)?;
    let qq = QuoteQuery {
        speaker: p.text("speaker")?,
        text: p.text("q")?,
        limit: p.limit(20, MAX_PAGE)?,
    };
    p.done()?;
    let quotes = query(pool, move |s| s.quotes(&qq)).await?;
    Ok(json_answer(
        &request,
        to_json(&serde_json::json!({ "quotes": quotes }))?,
    ))
}
