//! The one place that fetches the feed. Everything after the bytes arrive is the core's.

use gloo_net::http::Request;

/// Why the feed could not be fetched. Shown to citizens in plain words, to operators
/// with the technical detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// No answer at all (offline, DNS, blocked).
    Network(String),
    /// The server answered with an error status.
    Status(u16),
    /// The answer could not be read as text.
    Body(String),
}

impl FetchError {
    /// A technical one-liner for operators.
    pub fn detail(&self) -> String {
        match self {
            FetchError::Network(e) => format!("network error: {e}"),
            FetchError::Status(code) => format!("the server answered HTTP {code}"),
            FetchError::Body(e) => format!("the answer could not be read: {e}"),
        }
    }
}

/// Fetches the feed's text from `url` (relative to the page).
pub async fn fetch_feed(url: &str) -> Result<String, FetchError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    response.text().await.map_err(|e| FetchError::Body(e.to_string()))
}
