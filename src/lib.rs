//! # wegweiser-app
//!
//! The citizen page: a thin Leptos (CSR) layer over `wegweiser-core`. It fetches the
//! feed once ([`feed_source`]), lets the core parse it and derive the status at the
//! instant shown, and places the core's ready-made texts ([`wegweiser_core::present`])
//! into components — one per file under [`components`].

pub mod components;
pub mod feed_source;
pub mod page_query;
pub mod slot;

use components::App;

/// The feed's address, relative to the page, unless `<meta name="wegweiser-feed">` says otherwise.
pub const DEFAULT_FEED_URL: &str = "feed.json";

/// Mounts the app into `#app` (clearing the static loading text), or into `<body>`.
pub fn start() {
    let target = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match target {
        Some(el) => {
            el.set_inner_html("");
            leptos::mount::mount_to(wasm_bindgen::JsCast::unchecked_into(el), App).forget();
        }
        None => leptos::mount::mount_to_body(App),
    }
}

/// How long the page waits for the feed, unless `<meta name="wegweiser-timeout">` says
/// otherwise (seconds, 1 to 120).
pub const DEFAULT_TIMEOUT_SECS: u32 = 15;

/// The fetch time limit configured in the page's `<meta name="wegweiser-timeout" content="…">`.
pub fn configured_timeout() -> u32 {
    meta_content("wegweiser-timeout")
        .and_then(|s| s.trim().parse::<u32>().ok())
        .filter(|s| (1..=120).contains(s))
        .unwrap_or(DEFAULT_TIMEOUT_SECS)
}

fn meta_content(name: &str) -> Option<String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!("meta[name={name}]")).ok().flatten())
        .and_then(|m| m.get_attribute("content"))
}

/// The feed URL configured in the page's `<meta name="wegweiser-feed" content="…">`.
pub fn configured_feed_url() -> String {
    meta_content("wegweiser-feed")
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_FEED_URL.to_string())
}
