//! What the page's address asks for: `?at=` previews an instant.

use chrono::{DateTime, FixedOffset};

/// The page's options, read from the URL's query string.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageQuery {
    /// `?at=2021-11-22T10:30:00+01:00`: show the page as it was or will be then.
    pub at: Option<DateTime<FixedOffset>>,
    /// `?at=` was given but is not a time with offset (shown as a notice, not ignored silently).
    pub bad_at: Option<String>,
    /// `?lang=en`: the page's language (see `crate::choice`).
    pub lang: Option<String>,
    /// `?region=berlin`, or `alle`.
    pub region: Option<String>,
    /// `meldung.html?id=<id>`: the notice its page shows.
    pub incident: Option<String>,
    /// `archiv.html?seite=2`: the archive's page.
    pub archive_page: usize,
}

impl PageQuery {
    /// Parses a query string such as `?at=2021-11-22T10:30:00%2B01:00`.
    pub fn parse(search: &str) -> PageQuery {
        let mut query = PageQuery::default();
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(search) else {
            return query;
        };
        if let Some(raw) = params.get("at") {
            // A "+" in a query string decodes to a space; read it back as the offset sign.
            let fixed = raw.trim().replace(' ', "+");
            match wegweiser_core::rfc3339::parse(&fixed) {
                Ok(t) => query.at = Some(t),
                Err(_) => query.bad_at = Some(raw),
            }
        }
        query.lang = params.get("lang");
        query.region = params.get("region");
        query.incident = params.get("id").filter(|id| !id.trim().is_empty());
        query.archive_page = params
            .get("seite")
            .and_then(|p| p.trim().parse().ok())
            .unwrap_or(1);
        query
    }

    /// The query of the current page.
    pub fn from_location() -> PageQuery {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        PageQuery::parse(&search)
    }
}
