//! The dashboard's own files, compiled into the binary (`assets/dashboard`,
//! its libraries vendored by `scripts/vendor-js`): `/` is its page, every
//! other file is under `/static/`. They get a Content-Security-Policy that
//! runs only this server's scripts and styles — no inline script, no other
//! origin — so article text, which the dashboard writes as text nodes only,
//! could not run even if it slipped into markup.

use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

#[derive(rust_embed::Embed)]
#[folder = "assets/dashboard/"]
struct Files;

/// Scripts, styles, images and data from this server only; nothing inline
/// (Leaflet and uPlot set styles through the DOM, which this allows).
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

pub(crate) fn router() -> Router {
    Router::new()
        .route("/", get(index))
        .route("/static/{*path}", get(file))
        .fallback(not_found)
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
}

async fn index(request: HeaderMap) -> Response {
    answer(&request, "index.html")
}

async fn file(request: HeaderMap, Path(path): Path<String>) -> Response {
    answer(&request, &path)
}

async fn not_found() -> Response {
    not_found_response()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        _ => "text/plain; charset=utf-8",
    }
}

/// An embedded file with its type and an ETag from its hash.
fn answer(request: &HeaderMap, path: &str) -> Response {
    let Some(file) = Files::get(path) else {
        return not_found_response();
    };
    let tag: String = file.metadata.sha256_hash()[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let tag = format!("\"{tag}\"");
    let etag = HeaderValue::from_str(&tag).unwrap_or_else(|_| HeaderValue::from_static("\"-\""));
    let fresh = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag));
    if fresh {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
    }
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type(path))),
            (header::ETAG, etag),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        file.data.into_owned(),
    )
        .into_response()
}

fn not_found_response() -> Response {
    (StatusCode::NOT_FOUND, "not found").into_response()
}
