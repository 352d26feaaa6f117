//! `/api/actors`, `/api/network`, `/api/places` and `/api/quotes`: what the
//! dashboard's network, map and quote search read. Each takes the event
//! filters of `/api/events` (quotes aside) and answers a bounded list.

use crate::api::{event_query, json_answer, params, query, to_json, ApiError};
use crate::params::MAX_PAGE;
use crate::pool::Pool;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use warta_store::{QuoteQuery, Store};

type RawQuery = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// Most links or places one answer holds.
const MAX_LINKS: usize = 1000;

pub(crate) async fn actors(
    State(pool): State<Pool>,
    request: HeaderMap,
    q: RawQuery,
) -> Result<Response, ApiError> {
    let mut p = params(q)?;
    let mut eq = event_query(&mut p)?;
    eq.limit = p.limit(20, MAX_PAGE)?;
    p.done()?;
    let actors = query(pool, move |s| s.actors(&eq)).await?;
    Ok(json_answer(
        &request,
        to_json(&serde_json::json!({ "actors": actors }))?,
    ))
}

/// Who acts on whom: with `actor`, that actor's partners.
pub(crate) async fn network(
    State(pool): State<Pool>,
    request: HeaderMap,
    q: RawQuery,
) -> Result<Response, ApiError> {
    let mut p = params(q)?;
    let mut eq = event_query(&mut p)?;
    eq.limit = p.limit(100, MAX_LINKS)?;
    p.done()?;
    let links = query(pool, move |s| s.actor_links(&eq)).await?;
    Ok(json_answer(
        &request,
        to_json(&serde_json::json!({ "links": links }))?,
    ))
}

pub(crate) async fn places(
    State(pool): State<Pool>,
    request: HeaderMap,
    q: RawQuery,
) -> Result<Response, ApiError> {
    let mut p = params(q)?;
    let mut eq = event_query(&mut p)?;
    eq.limit = p.limit(500, MAX_LINKS)?;
    p.done()?;
    let places = query(pool, move |s| s.places(&eq)).await?;
    Ok(json_answer(
        &request,
        to_json(&serde_json::json!({ "places": places }))?,
    ))
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
