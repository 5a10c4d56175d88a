//! The one place that fetches the feed. Everything after the bytes arrive is the core's.

use gloo_net::http::Request;
use web_sys::{AbortSignal, RequestCache};

/// Why the feed could not be fetched. Shown to citizens in plain words, to operators
/// with the technical detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// No answer at all (offline, DNS, blocked).
    Network(String),
    /// No complete answer within the time limit (seconds).
    Timeout(u32),
    /// The server answered with an error status.
    Status(u16),
    /// The server answered with a web page instead of the feed (a host's fallback page
    /// for a missing file, a login page …); the content type it sent.
    NotAFeed(String),
    /// The answer could not be read as text.
    Body(String),
}

impl FetchError {
    /// A technical one-liner for operators.
    pub fn detail(&self) -> String {
        match self {
            FetchError::Network(e) => format!("network error: {e}"),
            FetchError::Timeout(s) => format!("no complete answer within {s} seconds"),
            FetchError::Status(code) => format!("the server answered HTTP {code}"),
            FetchError::NotAFeed(t) => {
                format!("the server answered with {t}, not the feed's JSON (is the feed's address right?)")
            }
            FetchError::Body(e) => format!("the answer could not be read: {e}"),
        }
    }
}

/// Fetches the feed's text from `url` (relative to the page), giving up after
/// `timeout_secs`. With `revalidate` the browser revalidates its cached copy
/// (`no-cache`), so an unchanged feed costs the server a `304 Not Modified` and the
/// patient no download. The first fetch does not: it takes over the page's
/// `<link rel="preload">` of the feed (issued with the HTML on a slow line, just before
/// the app's start on a fast one: scripts/loader.mjs), and a preload is only used by a
/// fetch with the default cache mode.
pub async fn fetch_feed(url: &str, timeout_secs: u32, revalidate: bool) -> Result<String, FetchError> {
    let signal = AbortSignal::timeout_with_u32(timeout_secs.saturating_mul(1000));
    let timed_out = |e: gloo_net::Error, wrap: fn(String) -> FetchError| {
        if signal.aborted() {
            FetchError::Timeout(timeout_secs)
        } else {
            wrap(e.to_string())
        }
    };
    let response = Request::get(url)
        .cache(if revalidate {
            RequestCache::NoCache
        } else {
            RequestCache::Default
        })
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|e| timed_out(e, FetchError::Network))?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let content_type = response.headers().get("content-type").unwrap_or_default();
    if content_type.to_ascii_lowercase().starts_with("text/html") {
        return Err(FetchError::NotAFeed(content_type));
    }
    response.text().await.map_err(|e| timed_out(e, FetchError::Body))
}
