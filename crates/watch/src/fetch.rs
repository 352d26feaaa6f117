//! The fetcher: one HTTP agent, the robots.txt cache and the per-host clock.

use std::collections::HashMap;
use std::io::{self, Read};
use std::thread;
use std::time::Instant;

use ureq::unversioned::transport::DefaultConnector;
use ureq::Agent;
use url::{Position, Url};

use crate::addr::{AddrPolicy, Blocked, VettingResolver};
use crate::feed::{self, FeedItem};
use crate::robots::Robots;
use crate::{check_parsed, check_url, Config, Validators, WatchError, MAX_REDIRECTS, ROBOTS_TOKEN};

/// RFC 9309 asks crawlers to read at least 500 KiB of robots.txt; the rest
/// may be ignored.
const ROBOTS_MAX_BYTES: u64 = 512 * 1024;

const ACCEPT_FEED: &str = "application/rss+xml, application/atom+xml, application/feed+json, \
                           application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";
const ACCEPT_PAGE: &str = "text/html, application/xhtml+xml;q=0.9, */*;q=0.8";

/// The result of [`Fetcher::poll_feed`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedPoll {
    /// The server says the feed is unchanged since the validators passed in.
    NotModified,
    /// The feed was fetched and parsed.
    Items {
        /// Entries with a usable link, in feed order.
        items: Vec<FeedItem>,
        /// To store with the feed and pass to the next poll.
        validators: Validators,
        /// Entries left out for having no `http(s)` link.
        skipped: usize,
    },
}

/// The result of [`Fetcher::fetch_page`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// The server says the page is unchanged since the validators passed in.
    NotModified,
    /// The page was fetched.
    Page(Page),
}

/// A fetched page: the raw body, undecoded (the charset is the reader's
/// business), with what is needed to decode and re-fetch it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The final URL, after redirects: the base for the page's relative links.
    pub url: String,
    /// The HTTP status, always 2xx.
    pub status: u16,
    /// The `Content-Type` header, which may name the charset.
    pub content_type: Option<String>,
    /// The body, gzip already decoded, at most `Config::max_bytes` long.
    pub body: Vec<u8>,
    /// To store with the page and pass to the next fetch.
    pub validators: Validators,
}

/// Fetches feeds and pages under the rules in the crate documentation.
/// One fetcher is meant to live for one run: robots.txt is read once per
/// origin per fetcher, and the per-host delay is kept per fetcher.
#[derive(Debug)]
pub struct Fetcher {
    config: Config,
    agent: Agent,
    /// robots.txt verdicts by origin (`scheme://host:port`).
    robots: HashMap<String, RobotsState>,
    /// When the last request to each host ended.
    last_request: HashMap<String, Instant>,
}

#[derive(Debug)]
enum RobotsState {
    Rules(Robots),
    /// robots.txt could not be read; the reason is given with each refusal.
    DisallowAll(String),
}

/// What a request is for: decides robots.txt checks, `Accept` and the body
/// limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    Feed,
    Page,
    Robots,
}

/// One response, the body read only for a 2xx.
struct Exchange {
    url: Url,
    status: u16,
    location: Option<String>,
    content_type: Option<String>,
    validators: Validators,
    body: Vec<u8>,
}

impl Fetcher {
    /// A fetcher with `config`. It connects to nothing until asked to fetch.
    pub fn new(mut config: Config) -> Fetcher {
        if !header_safe(&config.user_agent) || config.user_agent.trim().is_empty() {
            config.user_agent = Config::default().user_agent;
        }
        let ureq_config = Agent::config_builder()
            // Redirects are followed here, hop by hop, to check each one.
            .max_redirects(0)
            // 4xx/5xx are answers to classify, not transport errors.
            .http_status_as_error(false)
            // A proxy would resolve host names itself, past our checks.
            .proxy(None)
            .user_agent(config.user_agent.as_str())
            .timeout_resolve(Some(config.connect_timeout))
            .timeout_connect(Some(config.connect_timeout))
            .timeout_global(Some(config.timeout))
            .build();
        let resolver = VettingResolver::new(AddrPolicy {
            allow_private: config.allow_private,
            allow_addrs: config.allow_addrs.clone(),
        });
        let agent = Agent::with_parts(ureq_config, DefaultConnector::new(), resolver);
        Fetcher {
            config,
            agent,
            robots: HashMap::new(),
            last_request: HashMap::new(),
        }
    }

    /// The configuration in force.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Fetches and parses the feed at `feed_url`, conditionally on `known`.
    /// Relative links are resolved against the feed's final URL.
    pub fn poll_feed(&mut self, feed_url: &str, known: &Validators) -> Result<FeedPoll, WatchError> {
        let url = check_url(feed_url)?;
        let ex = self.get(&url, known, Purpose::Feed)?;
        match ex.status {
            304 => Ok(FeedPoll::NotModified),
            200..=299 => {
                let (items, skipped) =
                    feed::parse(&ex.url, &ex.body).map_err(|reason| WatchError::NotAFeed {
                        url: ex.url.to_string(),
                        reason,
                    })?;
                Ok(FeedPoll::Items {
                    items,
                    validators: ex.validators,
                    skipped,
                })
            }
            status => Err(WatchError::HttpStatus {
                url: ex.url.into(),
                status,
            }),
        }
    }

    /// Fetches the page at `url`, conditionally on `known`.
    pub fn fetch_page(&mut self, url: &str, known: &Validators) -> Result<Fetched, WatchError> {
        let url = check_url(url)?;
        let ex = self.get(&url, known, Purpose::Page)?;
        match ex.status {
            304 => Ok(Fetched::NotModified),
            status @ 200..=299 => Ok(Fetched::Page(Page {
                url: ex.url.into(),
                status,
                content_type: ex.content_type,
                body: ex.body,
                validators: ex.validators,
            })),
            status => Err(WatchError::HttpStatus {
                url: ex.url.into(),
                status,
            }),
        }
    }

    /// GET `start`, following redirects; every hop is checked like the first.
    /// A final 3xx without a usable `Location` is returned as it is.
    fn get(&mut self, start: &Url, known: &Validators, purpose: Purpose) -> Result<Exchange, WatchError> {
        let mut url = start.clone();
        let mut hops = 0;
        loop {
            if purpose != Purpose::Robots {
                self.check_robots(&url)?;
            }
            let ex = self.exchange(&url, known, purpose)?;
            let target = match (&ex.location, ex.status) {
                (Some(location), 301 | 302 | 303 | 307 | 308) => location,
                _ => return Ok(ex),
            };
            if hops == MAX_REDIRECTS {
                return Err(WatchError::TooManyRedirects {
                    url: start.to_string(),
                    limit: MAX_REDIRECTS,
                });
            }
            hops += 1;
            let next = url.join(target).map_err(|e| WatchError::BadUrl {
                url: target.clone(),
                reason: format!("redirect from {url}: {e}"),
            })?;
            url = check_parsed(next)?;
        }
    }

    /// Whether robots.txt lets us fetch `url`, reading it on first use.
    fn check_robots(&mut self, url: &Url) -> Result<(), WatchError> {
        let origin = url.origin().ascii_serialization();
        if !self.robots.contains_key(&origin) {
            let state = self.load_robots(url)?;
            self.robots.insert(origin.clone(), state);
        }
        let refusal = match &self.robots[&origin] {
            RobotsState::DisallowAll(reason) => {
                return Err(WatchError::RobotsUnreadable {
                    url: url.to_string(),
                    reason: reason.clone(),
                })
            }
            RobotsState::Rules(rules) => rules
                .check(&url[Position::BeforePath..Position::AfterQuery])
                .err(),
        };
        match refusal {
            None => Ok(()),
            Some(reason) => Err(WatchError::RobotsDisallowed {
                url: url.to_string(),
                reason,
            }),
        }
    }

    /// Reads robots.txt of `url`'s origin. Only a refused address of the
    /// origin itself is an error (the page would be refused too); any other
    /// failure to read it forbids the origin, as RFC 9309 asks.
    fn load_robots(&mut self, url: &Url) -> Result<RobotsState, WatchError> {
        let mut robots_url = url.clone();
        robots_url.set_path("/robots.txt");
        robots_url.set_query(None);
        robots_url.set_fragment(None);
        let allow_all = || RobotsState::Rules(Robots::default());
        match self.get(&robots_url, &Validators::default(), Purpose::Robots) {
            Ok(ex) => Ok(match ex.status {
                200..=299 => RobotsState::Rules(Robots::parse(&ex.body, ROBOTS_TOKEN)),
                // "Unavailable": no rules.
                400..=499 => allow_all(),
                status => RobotsState::DisallowAll(format!("{robots_url} answered HTTP {status}")),
            }),
            // RFC 9309: past five redirects robots.txt may count as unavailable.
            Err(WatchError::TooManyRedirects { .. }) => Ok(allow_all()),
            Err(WatchError::BlockedAddress { url: blocked, addr }) if blocked == robots_url.as_str() => {
                Err(WatchError::BlockedAddress {
                    url: url.to_string(),
                    addr,
                })
            }
            Err(e) => Ok(RobotsState::DisallowAll(format!(
                "robots.txt could not be read: {e}"
            ))),
        }
    }

    /// One request and, for a 2xx, its body, after waiting for the host's
    /// turn; the host's clock restarts when the exchange ends, failed or not.
    fn exchange(&mut self, url: &Url, known: &Validators, purpose: Purpose) -> Result<Exchange, WatchError> {
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        if let Some(last) = self.last_request.get(&host) {
            // Subtraction, not `last + delay`: no overflow on a huge delay.
            thread::sleep(self.config.per_host_delay.saturating_sub(last.elapsed()));
        }
        let result = self.exchange_now(url, known, purpose);
        self.last_request.insert(host, Instant::now());
        result
    }

    fn exchange_now(&self, url: &Url, known: &Validators, purpose: Purpose) -> Result<Exchange, WatchError> {
        let mut request = self.agent.get(url.as_str());
        request = match purpose {
            Purpose::Feed => request.header("Accept", ACCEPT_FEED),
            Purpose::Page => request.header("Accept", ACCEPT_PAGE),
            Purpose::Robots => request.header("Accept", "text/plain, */*;q=0.8"),
        };
        // Stored validators came from a server; one that is not a valid header
        // value is dropped rather than failing the fetch.
        if let Some(etag) = known.etag.as_deref().filter(|v| header_safe(v)) {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = known.last_modified.as_deref().filter(|v| header_safe(v)) {
            request = request.header("If-Modified-Since", date);
        }
        let response = request.call().map_err(|e| map_ureq(url, e))?;
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let location = header("location");
        let content_type = header("content-type");
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let encoded = header("content-encoding").is_some_and(|e| !e.eq_ignore_ascii_case("identity"));
        let declared_len = header("content-length").and_then(|v| v.parse::<u64>().ok());
        let body = if (200..300).contains(&status) {
            let (limit, truncate) = match purpose {
                Purpose::Robots => (ROBOTS_MAX_BYTES.min(self.config.max_bytes), true),
                Purpose::Feed | Purpose::Page => (self.config.max_bytes, false),
            };
            // A declared length counts encoded bytes, so it proves the
            // decoded body too large only when there is no encoding.
            if !truncate && !encoded && declared_len.is_some_and(|len| len > limit) {
                return Err(WatchError::TooLarge {
                    url: url.to_string(),
                    limit,
                });
            }
            let mut body = Vec::new();
            response
                .into_body()
                .into_reader()
                .take(limit.saturating_add(1))
                .read_to_end(&mut body)
                .map_err(|e| map_io(url, e))?;
            if body.len() as u64 > limit {
                if !truncate {
                    return Err(WatchError::TooLarge {
                        url: url.to_string(),
                        limit,
                    });
                }
                body.truncate(limit as usize);
            }
            body
        } else {
            Vec::new()
        };
        Ok(Exchange {
            url: url.clone(),
            status,
            location,
            content_type,
            validators,
            body,
        })
    }
}

/// Whether `value` can be sent as an HTTP header value: visible ASCII,
/// spaces and tabs only (no line breaks to smuggle headers with).
fn header_safe(value: &str) -> bool {
    value.bytes().all(|b| b == b'\t' || (b' '..=b'~').contains(&b))
}

fn map_ureq(url: &Url, err: ureq::Error) -> WatchError {
    match err {
        ureq::Error::Timeout(_) => WatchError::Timeout { url: url.to_string() },
        ureq::Error::Io(e) => map_io(url, e),
        ureq::Error::HostNotFound => WatchError::Network {
            url: url.to_string(),
            reason: "host not found".to_owned(),
        },
        ureq::Error::BadUri(reason) => WatchError::BadUrl {
            url: url.to_string(),
            reason,
        },
        other => WatchError::Network {
            url: url.to_string(),
            reason: other.to_string(),
        },
    }
}

/// I/O errors carry our resolver's refusal, or a ureq error (a timeout
/// while reading the body), or are plain socket errors.
fn map_io(url: &Url, err: io::Error) -> WatchError {
    if let Some(Blocked(addr)) = err.get_ref().and_then(|e| e.downcast_ref::<Blocked>()) {
        return WatchError::BlockedAddress {
            url: url.to_string(),
            addr: *addr,
        };
    }
    if err.get_ref().is_some_and(|e| e.is::<ureq::Error>()) {
        return map_ureq(url, ureq::Error::from(err));
    }
    match err.kind() {
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => WatchError::Timeout { url: url.to_string() },
        _ => WatchError::Network {
            url: url.to_string(),
            reason: err.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_safety() {
        assert!(header_safe("\"abc-123\""));
        assert!(header_safe("W/\"x\"\t"));
        assert!(header_safe("Tue, 10 Jun 2025 04:00:00 GMT"));
        assert!(!header_safe("a\r\nX-Evil: 1"));
        assert!(!header_safe("caf\u{e9}"));
        assert!(!header_safe("\u{0}"));
    }

    #[test]
    fn bad_user_agent_falls_back_to_default() {
        let fetcher = Fetcher::new(Config {
            user_agent: "evil\r\nX: y".to_owned(),
            ..Config::default()
        });
        assert_eq!(fetcher.config().user_agent, Config::default().user_agent);
    }
}
