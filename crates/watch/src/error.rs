//! The one error type of the crate.

use std::net::IpAddr;

/// Why a feed poll or page fetch failed. Every variant names the URL that
/// failed: for a redirect hop, the hop's URL.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WatchError {
    /// The URL does not parse, or has no host.
    #[error("{url}: not a usable URL: {reason}")]
    BadUrl {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The scheme is not `http` or `https`.
    #[error("{url}: scheme `{scheme}` is not allowed (only http and https)")]
    BadScheme {
        /// The URL.
        url: String,
        /// Its scheme.
        scheme: String,
    },
    /// The host resolves only to non-public addresses (loopback, private,
    /// link-local, …) and `allow_private` is off.
    #[error("{url}: address {addr} is not public; refused (see Config::allow_private)")]
    BlockedAddress {
        /// The URL.
        url: String,
        /// The first refused address the host resolved to.
        addr: IpAddr,
    },
    /// robots.txt forbids the URL.
    #[error("{url}: refused by robots.txt: {reason}")]
    RobotsDisallowed {
        /// The URL.
        url: String,
        /// The rule that matched, or why robots.txt could not be read.
        reason: String,
    },
    /// robots.txt could not be read (a 5xx, a timeout, a network failure),
    /// which forbids the whole site for this fetcher; worth trying again
    /// later, unlike a rule that forbids the URL.
    #[error("{url}: robots.txt could not be read, so nothing on the site is fetched for now: {reason}")]
    RobotsUnreadable {
        /// The URL.
        url: String,
        /// Why robots.txt could not be read.
        reason: String,
    },
    /// The body is larger than `Config::max_bytes`.
    #[error("{url}: body larger than the limit of {limit} bytes")]
    TooLarge {
        /// The URL.
        url: String,
        /// The limit in force.
        limit: u64,
    },
    /// Connecting or the whole request took longer than its timeout.
    #[error("{url}: timed out")]
    Timeout {
        /// The URL.
        url: String,
    },
    /// The server answered with a status that is not success, 304 or a
    /// followed redirect.
    #[error("{url}: HTTP status {status}")]
    HttpStatus {
        /// The URL.
        url: String,
        /// The status code.
        status: u16,
    },
    /// More redirects than [`crate::MAX_REDIRECTS`].
    #[error("{url}: more than {limit} redirects")]
    TooManyRedirects {
        /// The URL first asked for.
        url: String,
        /// The limit in force.
        limit: usize,
    },
    /// The body is not an RSS, Atom or JSON feed the parser understands.
    #[error("{url}: not a feed: {reason}")]
    NotAFeed {
        /// The URL (after redirects).
        url: String,
        /// The parser's complaint.
        reason: String,
    },
    /// Name resolution, connection, TLS or HTTP protocol failure.
    #[error("{url}: {reason}")]
    Network {
        /// The URL.
        url: String,
        /// The client's description of the failure.
        reason: String,
    },
}

impl WatchError {
    /// Whether trying again later may succeed (a timeout, a network
    /// failure, a 5xx or 429 answer): a caller retries these rather than
    /// giving the URL up.
    pub fn is_transient(&self) -> bool {
        match self {
            WatchError::Timeout { .. } | WatchError::Network { .. } | WatchError::RobotsUnreadable { .. } => {
                true
            }
            WatchError::HttpStatus { status, .. } => *status >= 500 || *status == 429,
            _ => false,
        }
    }

    /// The URL the error is about.
    pub fn url(&self) -> &str {
        match self {
            WatchError::BadUrl { url, .. }
            | WatchError::BadScheme { url, .. }
            | WatchError::BlockedAddress { url, .. }
            | WatchError::RobotsDisallowed { url, .. }
            | WatchError::RobotsUnreadable { url, .. }
            | WatchError::TooLarge { url, .. }
            | WatchError::Timeout { url }
            | WatchError::HttpStatus { url, .. }
            | WatchError::TooManyRedirects { url, .. }
            | WatchError::NotAFeed { url, .. }
            | WatchError::Network { url, .. } => url,
        }
    }
}
