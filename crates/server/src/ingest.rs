//! `POST /api/articles`: takes one article as a JSON object (the fields of
//! a JSON Lines input record: `text` or `html`, `title`, `url`,
//! `published`, …) and stores it — only when the server was started with
//! an ingest token, and only for a request bearing it.

use crate::api::{to_json, ApiError, AppState};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Largest body accepted (a long article as HTML fits well within it).
pub(crate) const MAX_BODY: usize = 4 * 1024 * 1024;

/// Analyses and stores a posted article: what `warta serve
/// --ingest-token` gives the server. `run` gets the posted object and
/// does what `warta ingest` does with one input record.
pub struct Ingest {
    /// The bearer token a request must carry.
    pub token: String,
    #[allow(clippy::type_complexity)]
    pub run: Box<dyn Fn(serde_json::Value) -> Result<Ingested, IngestFailure> + Send + Sync>,
}

/// What became of a posted article.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Ingested {
    /// Its article id (`/api/articles/{id}`).
    pub id: String,
    /// `stored`, or `already_present` when the same article was stored before.
    pub status: &'static str,
}

/// Why a posted article was not stored.
#[derive(Debug, Clone)]
pub enum IngestFailure {
    /// The article could not be read or analysed (kept in `rejects`): 422.
    Rejected(String),
    /// The store failed: 500.
    Store(String),
}

/// Whether `request` bears `token`: compared in constant time over SHA-256
/// digests, so neither the token's bytes nor its length leak by timing.
fn authorised(request: &HeaderMap, token: &str) -> bool {
    let given = request
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let (a, b) = (Sha256::digest(given.as_bytes()), Sha256::digest(token.as_bytes()));
    !given.is_empty() && bool::from(a.ct_eq(&b))
}

pub(crate) async fn post_article(
    State(state): State<AppState>,
    request: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let Some(ingest) = state.ingest.clone() else {
        return Err(ApiError(
            StatusCode::METHOD_NOT_ALLOWED,
            "this server is read-only (start it with --ingest-token to take articles)".into(),
        ));
    };
    if !authorised(&request, &ingest.token) {
        let mut refused = ApiError(
            StatusCode::UNAUTHORIZED,
            "posting an article needs `Authorization: Bearer <ingest token>`".into(),
        )
        .into_response();
        refused
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return Ok(refused);
    }
    let article: serde_json::Value = serde_json::from_slice(&body)
        .map_err(|e| ApiError(StatusCode::BAD_REQUEST, format!("the body is not JSON: {e}")))?;
    if !article.is_object() {
        return Err(ApiError(
            StatusCode::BAD_REQUEST,
            "the body must be one JSON object (an article: `text` or `html`, `title`, `url`, …)".into(),
        ));
    }
    let outcome = tokio::task::spawn_blocking(move || (ingest.run)(article))
        .await
        .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    match outcome {
        Ok(done) => {
            let status = if done.status == "stored" {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            let location = HeaderValue::from_str(&format!("/api/articles/{}", done.id))
                .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
            Ok((
                status,
                [
                    (header::CONTENT_TYPE, HeaderValue::from_static("application/json")),
                    (header::LOCATION, location),
                ],
                to_json(&done)?,
            )
                .into_response())
        }
        Err(IngestFailure::Rejected(why)) => Err(ApiError(StatusCode::UNPROCESSABLE_ENTITY, why)),
        Err(IngestFailure::Store(why)) => {
            eprintln!("warta serve: storing a posted article: {why}");
            Err(ApiError(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the store could not take the article".into(),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_exact_bearer_token_is_authorised() {
        let with = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::AUTHORIZATION, HeaderValue::from_str(v).unwrap());
            h
        };
        assert!(authorised(&with("Bearer s3cret"), "s3cret"));
        assert!(!authorised(&with("Bearer s3cre"), "s3cret"));
        assert!(!authorised(&with("Bearer s3cretX"), "s3cret"));
        assert!(!authorised(&with("s3cret"), "s3cret"));
        assert!(!authorised(&HeaderMap::new(), "s3cret"));
    }
}
