//! The routes of `/api`: each handler reads its parameters through
//! [`Params`], runs one store query on a blocking thread, and answers JSON
//! with an ETag.

use crate::params::{BadParam, Params, MAX_EVENTS_PAGE, MAX_PAGE};
use crate::pool::Pool;
use crate::Ingest;
use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, FromRef, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::Router;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use warta_store::{CountBy, EventQuery, Search, Store, StoreError, StoryQuery};

/// The OpenAPI 3 description of this API.
const OPENAPI: &str = include_str!("../assets/openapi.json");

/// Nothing in an API answer may run or be framed; the dashboard sends its
/// own, wider policy for its own files.
const CSP: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/// What every handler can reach: the read pool, and the ingest hook when
/// the server takes posted articles.
#[derive(Clone)]
pub(crate) struct AppState {
    pub pool: Pool,
    pub ingest: Option<std::sync::Arc<Ingest>>,
}

impl FromRef<AppState> for Pool {
    fn from_ref(state: &AppState) -> Pool {
        state.pool.clone()
    }
}

/// The API and the dashboard over `pool`, with their headers and
/// compression; `POST /api/articles` is open only with an `ingest`.
pub fn router(pool: Pool, ingest: Option<Ingest>) -> Router {
    let state = AppState {
        pool,
        ingest: ingest.map(std::sync::Arc::new),
    };
    let api = Router::new()
        .route("/api/openapi.json", get(openapi))
        .route("/api/articles", get(articles).post(crate::ingest::post_article))
        .route("/api/articles/{id}", get(article))
        .route("/api/events", get(events))
        .route("/api/counts", get(counts))
        .route("/api/stories", get(stories))
        .route("/api/actors", get(crate::browse::actors))
        .route("/api/network", get(crate::browse::network))
        .route("/api/places", get(crate::browse::places))
        .route("/api/quotes", get(crate::browse::quotes))
        .route("/api", any(not_found))
        .route("/api/{*rest}", any(not_found))
        .layer(DefaultBodyLimit::max(crate::ingest::MAX_BODY))
        .with_state(state)
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ));
    api.merge(crate::dashboard::router())
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
}

/// A request's query string as axum reads it (a rejection is a 400).
pub(crate) type RawQuery = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// An error answer: a status and a message, as `{"error": …}`.
pub(crate) struct ApiError(pub StatusCode, pub String);

impl From<BadParam> for ApiError {
    fn from(e: BadParam) -> ApiError {
        ApiError(StatusCode::BAD_REQUEST, e.0)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            // The user's search text, refused by FTS5: their mistake.
            StoreError::Invalid(m) => ApiError(StatusCode::BAD_REQUEST, m),
            other => {
                eprintln!("warta serve: {other}");
                ApiError(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "the store could not answer".into(),
                )
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.1 }).to_string();
        (self.0, [(header::CONTENT_TYPE, "application/json")], body).into_response()
    }
}

/// A JSON answer with an ETag; `304 Not Modified` when the client already
/// holds it.
pub(crate) fn json_answer(request: &HeaderMap, body: Vec<u8>) -> Response {
    let tag = format!(
        "\"{}\"",
        Sha256::digest(&body)[..12]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    let matches = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"));
    let etag = HeaderValue::from_str(&tag).unwrap_or_else(|_| HeaderValue::from_static("\"-\""));
    if matches {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
    }
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("application/json")),
            (header::ETAG, etag),
        ],
        body,
    )
        .into_response()
}

pub(crate) fn to_json(value: &impl Serialize) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(value).map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
}

/// The query string as checked parameters; a malformed one, or one given
/// twice, is a 400.
pub(crate) fn params(query: RawQuery) -> Result<Params, ApiError> {
    let Query(pairs) = query.map_err(|e| ApiError(StatusCode::BAD_REQUEST, e.body_text()))?;
    let mut map = HashMap::new();
    for (k, v) in pairs {
        if map.insert(k.clone(), v).is_some() {
            return Err(ApiError(StatusCode::BAD_REQUEST, format!("`{k}` given twice")));
        }
    }
    Ok(Params::new(map))
}

/// Runs a store query on a blocking thread.
pub(crate) async fn query<T: Send + 'static>(
    pool: Pool,
    f: impl FnOnce(&warta_store::SqliteStore) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(move || pool.with(f))
        .await
        .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))??
        .map_err(ApiError::from)
}

async fn openapi(request: HeaderMap) -> Response {
    json_answer(&request, OPENAPI.as_bytes().to_vec())
}

async fn not_found() -> ApiError {
    ApiError(
        StatusCode::NOT_FOUND,
        "no such route (see /api/openapi.json)".into(),
    )
}

/// Filters shared by `/api/events` and `/api/counts`.
pub(crate) fn event_query(p: &mut Params) -> Result<EventQuery, BadParam> {
    Ok(EventQuery {
        from: p.date("from")?,
        to: p.date("to")?,
        plover: p.code("type")?,
        cameo: p.code("cameo")?,
        modality: p.code("modality")?,
        actor: p.text("actor")?,
        country: p.code("country")?,
        bbox: p.bbox("bbox")?,
        story: p.int("story", 1, i64::MAX)?,
        site: p.text("site")?,
        after: None,
        limit: 0,
    })
}

async fn articles(State(pool): State<Pool>, request: HeaderMap, q: RawQuery) -> Result<Response, ApiError> {
    let mut p = params(q)?;
    let search = Search {
        text: p.text("q")?,
        from: p.date("from")?,
        to: p.date("to")?,
        plover: p.code("type")?,
        cameo: p.code("cameo")?,
        modality: p.code("modality")?,
        actor: p.text("actor")?,
        country: p.code("country")?,
        place: p.text("place")?,
        site: p.text("site")?,
        story: p.int("story", 1, i64::MAX)?,
        include_copies: p.flag("copies")?,
        limit: p.limit(20, MAX_PAGE)?,
    };
    p.done()?;
    let hits = query(pool, move |s| s.search(&search)).await?;
    Ok(json_answer(
        &request,
        to_json(&serde_json::json!({ "articles": hits }))?,
    ))
}

async fn article(
    State(pool): State<Pool>,
    request: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ApiError(
            StatusCode::BAD_REQUEST,
            "an article id is 32 hex digits".into(),
        ));
    }
    let (doc, relations) = query(pool, move |s| Ok((s.document_json(&id)?, s.relations(&id)?))).await?;
    let (Some(doc), Some(relations)) = (doc, relations) else {
        return Err(ApiError(StatusCode::NOT_FOUND, "no such article".into()));
    };
    // The stored document is kept as text: spliced in, not parsed again.
    let mut body = Vec::with_capacity(doc.len() + 256);
    body.extend_from_slice(br#"{"article":"#);
    body.extend_from_slice(doc.as_bytes());
    body.extend_from_slice(br#","copy_of":"#);
    body.extend(to_json(&relations.copy_of)?);
    body.extend_from_slice(br#","copies":"#);
    body.extend(to_json(&relations.copies)?);
    body.extend_from_slice(br#","story":"#);
    body.extend(to_json(&relations.story)?);
    body.push(b'}');
    Ok(json_answer(&request, body))
}

async fn events(State(pool): State<Pool>, request: HeaderMap, q: RawQuery) -> Result<Response, ApiError> {
    let mut p = params(q)?;
    let mut eq = event_query(&mut p)?;
    eq.after = p.int("after", 0, i64::MAX)?;
    eq.limit = p.limit(100, MAX_EVENTS_PAGE)?;
    p.done()?;
    let limit = eq.limit;
    let events = query(pool, move |s| s.events(&eq)).await?;
    // A full page may have more after it: its last id is the cursor.
    let next = (events.len() == limit)
        .then(|| events.last().map(|e| e.id))
        .flatten();
    Ok(json_answer(
        &request,
        to_json(&serde_json::json!({ "events": events, "next": next }))?,
    ))
}

async fn counts(State(pool): State<Pool>, request: HeaderMap, q: RawQuery) -> Result<Response, ApiError> {
    let mut p = params(q)?;
    let eq = event_query(&mut p)?;
    let by = match p.text("by")?.as_deref() {
        None | Some("day") => CountBy::Day,
        Some("week") => CountBy::Week,
        Some("type") => CountBy::Type,
        Some(other) => {
            return Err(ApiError(
                StatusCode::BAD_REQUEST,
                format!("`by` must be day, week or type, not `{other}`"),
            ))
        }
    };
    p.done()?;
    let counts = query(pool, move |s| s.event_counts(&eq, by)).await?;
    Ok(json_answer(
        &request,
        to_json(&serde_json::json!({ "counts": counts }))?,
    ))
}

async fn stories(State(pool): State<Pool>, request: HeaderMap, q: RawQuery) -> Result<Response, ApiError> {
    let mut p = params(q)?;
    let sq = StoryQuery {
        from: p.date("from")?,
        to: p.date("to")?,
        min_articles: p.int("min_articles", 1, 1_000_000)?.unwrap_or(2) as u64,
        limit: p.limit(20, MAX_PAGE)?,
    };
    p.done()?;
    let stories = query(pool, move |s| s.stories(&sq)).await?;
    Ok(json_answer(
        &request,
        to_json(&serde_json::json!({ "stories": stories }))?,
    ))
}
