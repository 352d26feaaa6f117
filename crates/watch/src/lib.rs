//! The network source of `warta watch`: polls RSS/Atom feeds and fetches
//! the article pages they link to, politely and safely.
//!
//! The crate does no analysis and no database work. It hands back bytes and
//! metadata ([`FeedPoll`], [`Fetched`]) and takes the state it needs from the
//! caller: the [`Validators`] (ETag, Last-Modified) of the last fetch of each
//! URL, so a feed or page that has not changed costs one `304 Not Modified`.
//! A [`Fetcher`] lives for one run; it holds the HTTP agent, the robots.txt
//! rules it has read and the time of the last request to each host.
//!
//! # Safety rules
//!
//! Feeds are written by strangers and can point anywhere, so every request —
//! the first, each redirect hop, and robots.txt itself — is checked:
//!
//! - **Schemes:** only `http` and `https` ([`check_url`]).
//! - **Addresses:** the host name is resolved once, every resolved address is
//!   checked with [`is_public`], and the connection is made to a checked
//!   address only (the check runs inside the HTTP client's resolver, so there
//!   is no second DNS lookup an attacker could answer differently). Private,
//!   loopback, link-local, CGNAT, multicast, documentation, unique-local and
//!   similar addresses are refused unless [`Config::allow_private`] is set or
//!   the address is listed in [`Config::allow_addrs`]. Proxies from the
//!   environment are ignored, as a proxy would resolve names unchecked.
//! - **Redirects:** followed by this crate, not the client, at most
//!   [`MAX_REDIRECTS`] times, each hop re-checked (scheme, address,
//!   robots.txt, per-host delay).
//! - **robots.txt** (RFC 9309) is fetched once per origin per run; the group
//!   for [`ROBOTS_TOKEN`] applies, else the `*` group. A 4xx robots.txt
//!   allows everything; a 5xx, a network failure or a timeout disallows the
//!   whole origin for the run. It applies to feeds and pages alike.
//! - **Politeness:** at least [`Config::per_host_delay`] between the end of
//!   one request to a host and the start of the next.
//! - **Limits:** connect and overall timeouts per request, and a body limit:
//!   a larger declared `Content-Length` is refused before reading, and at
//!   most `max_bytes + 1` bytes (after gzip decoding) are ever read.
//!
//! Every failure is a [`WatchError`] naming the URL; malformed feeds and odd
//! headers give errors, never panics.
//!
//! ```no_run
//! use warta_watch::{Config, Fetcher, FeedPoll, Fetched, Validators};
//!
//! let mut fetcher = Fetcher::new(Config::default());
//! if let FeedPoll::Items { items, validators, .. } =
//!     fetcher.poll_feed("https://example.org/feed.xml", &Validators::default())?
//! {
//!     // Store `validators` with the feed, then fetch the new items.
//!     for item in items {
//!         if let Fetched::Page(page) = fetcher.fetch_page(&item.url, &Validators::default())? {
//!             println!("{} {} bytes", page.url, page.body.len());
//!         }
//!     }
//! }
//! # Ok::<(), warta_watch::WatchError>(())
//! ```

#![warn(missing_docs)]

mod addr;
mod error;
mod feed;
mod fetch;
mod robots;

use std::net::IpAddr;
use std::time::Duration;

pub use addr::is_public;
pub use error::WatchError;
pub use feed::FeedItem;
pub use fetch::{FeedPoll, Fetched, Fetcher, Page};

/// The product token matched against robots.txt `User-agent` lines.
pub const ROBOTS_TOKEN: &str = "warta";

/// Redirects followed for one fetch; RFC 9309 asks for at least five for
/// robots.txt, and a page needing more is more likely a loop than an article.
pub const MAX_REDIRECTS: usize = 5;

/// How a [`Fetcher`] behaves. [`Config::default`] is what a real run wants;
/// tests against a local server set `allow_private` and a zero delay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Allow private, loopback and other non-public addresses (see
    /// [`is_public`]). Off by default: a feed must not be able to make us
    /// fetch from the local network.
    pub allow_private: bool,
    /// Non-public addresses allowed even while `allow_private` is off, e.g.
    /// one intranet feed server; every other non-public address stays
    /// refused, redirects included.
    pub allow_addrs: Vec<IpAddr>,
    /// Minimum time between the end of one request to a host and the start
    /// of the next (default 1 s).
    pub per_host_delay: Duration,
    /// Limit on resolving the host and connecting, TLS included (default 10 s).
    pub connect_timeout: Duration,
    /// Limit on one request from start to the last byte of the body
    /// (default 30 s). Each redirect hop is a request of its own.
    pub timeout: Duration,
    /// Largest body accepted, after gzip decoding (default 10 MiB).
    pub max_bytes: u64,
    /// The `User-Agent` header; one that is not a valid header value is
    /// replaced by the default.
    pub user_agent: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            allow_private: false,
            allow_addrs: Vec::new(),
            per_host_delay: Duration::from_secs(1),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_bytes: 10 * 1024 * 1024,
            user_agent: default_user_agent(),
        }
    }
}

/// `warta/<version>`: starts with [`ROBOTS_TOKEN`], so site owners can
/// address us in robots.txt by the name they see in their logs.
fn default_user_agent() -> String {
    format!("{ROBOTS_TOKEN}/{}", env!("CARGO_PKG_VERSION"))
}

/// Conditional-GET state of one URL, as the server last gave it. The caller
/// stores it with the feed or page and passes it back on the next fetch; a
/// default (empty) value means "fetch unconditionally".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` response header, sent back as `If-None-Match`.
    pub etag: Option<String>,
    /// The `Last-Modified` response header, sent back as `If-Modified-Since`.
    pub last_modified: Option<String>,
}

/// Parses `url` and checks that it is one this crate may fetch: absolute,
/// `http` or `https`, with a host. Addresses are checked later, when the
/// host is resolved.
pub fn check_url(url: &str) -> Result<url::Url, WatchError> {
    let parsed = url::Url::parse(url.trim()).map_err(|e| WatchError::BadUrl {
        url: url.to_owned(),
        reason: e.to_string(),
    })?;
    check_parsed(parsed)
}

/// [`check_url`] for a URL already parsed (redirect targets, feed links).
pub(crate) fn check_parsed(url: url::Url) -> Result<url::Url, WatchError> {
    match url.scheme() {
        "http" | "https" => {}
        other => {
            return Err(WatchError::BadScheme {
                scheme: other.to_owned(),
                url: url.into(),
            })
        }
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(WatchError::BadUrl {
            url: url.into(),
            reason: "no host".to_owned(),
        });
    }
    Ok(url)
}
