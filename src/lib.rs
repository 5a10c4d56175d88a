//! # wegweiser-app
//!
//! The citizen page: a thin Leptos (CSR) layer over `wegweiser-core`. It fetches the
//! feed once ([`feed_source`]), lets the core parse it and derive the status at the
//! instant shown, and places the core's ready-made texts ([`wegweiser_core::present`])
//! into components — one per file under [`components`].

pub mod choice;
pub mod clock;
pub mod components;
pub mod embed;
pub mod feed_source;
pub mod page_query;
#[cfg(not(target_arch = "wasm32"))]
pub mod publish;
pub mod slot;
pub mod storage;

use components::{App, WidgetApp};
use leptos::prelude::view;
use wasm_bindgen::JsCast;

/// The feed's address, relative to the page, unless `<meta name="wegweiser-feed">` says otherwise.
pub const DEFAULT_FEED_URL: &str = "feed.json";

/// The attribute on `#app` that says the page was published with a state (see
/// [`publish`]), and when (RFC 3339).
pub const PUBLISHED_ATTR: &str = "data-published";
/// The attribute on `#app` that says until when the published feed may be trusted.
pub const FRESH_UNTIL_ATTR: &str = "data-fresh-until";

/// Starts the page in `#app`. A published page (`#app[data-published]`) is taken over
/// as it stands: the app follows the feed from there and changes only what changed.
/// Otherwise the app replaces the static loading text.
pub fn start() {
    let Some(app) = app_element() else {
        leptos::mount::mount_to_body(|| view! { <App render=components::overview page=None /> });
        return;
    };
    let published = app.get_attribute(PUBLISHED_ATTR);
    let live = app.query_selector(".live").ok().flatten();
    match (published, live) {
        (Some(_), Some(live)) => {
            let query = page_query::PageQuery::from_location();
            if let Some(raw) = query.bad_at.clone() {
                let w = wegweiser_core::Words::german();
                let note = leptos::mount::mount_to(app.clone().unchecked_into(), move || {
                    leptos::prelude::view! { <components::BadAt raw w /> }
                });
                if let Some(node) = app.last_child() {
                    let _ = app.insert_before(&node, Some(&live));
                }
                note.forget();
            }
            let published = published_on(&app);
            let start = components::Start::from_query(&query, published, None);
            let slot = slot::Slot::new(live.unchecked_into());
            // Nothing was mounted, so Leptos's executor is not set up: spawn directly.
            wasm_bindgen_futures::spawn_local(components::follow(slot, start, components::overview));
        }
        _ => {
            app.set_inner_html("");
            leptos::mount::mount_to(
                app.unchecked_into(),
                || view! { <App render=components::overview page=None /> },
            )
            .forget();
        }
    }
}

/// Starts a page beside the overview (bin `wegweiser-more`) in `#app`, by its
/// `data-page`: one notice (`meldung`: `meldung.html?id=…`) or the accessibility
/// statement (`barrierefreiheit`).
pub fn start_more() {
    start_beside(components::detail);
}

/// Starts the archive (`archiv.html`, bin `wegweiser-archive`) in `#app`.
pub fn start_archive() {
    start_beside(components::archive);
}

fn start_beside(render: components::Render) {
    let Some(app) = app_element() else { return };
    let page = app.get_attribute("data-page");
    choice::keep_address_in_language_links();
    app.set_inner_html("");
    leptos::mount::mount_to(app.unchecked_into(), move || view! { <App render page /> }).forget();
}

/// Starts the widget (embed.html, its own wasm: `src/widget_main.rs`) in `#app`. A
/// published widget (`#app[data-published]`, still holding its state: the page's script
/// puts the loading text there instead when the address asks for another choice) is
/// taken over as it stands; otherwise the app replaces the static text.
pub fn start_widget() {
    let Some(app) = app_element() else {
        leptos::mount::mount_to_body(WidgetApp);
        return;
    };
    let published = published_on(&app).zip(app.query_selector(".widget__live").ok().flatten());
    match published {
        Some((published, live)) => {
            let slot = slot::Slot::new(live.unchecked_into());
            // Nothing was mounted, so Leptos's executor is not set up: spawn directly.
            wasm_bindgen_futures::spawn_local(components::follow_widget(slot, Some(published)));
        }
        None => {
            app.set_inner_html("");
            leptos::mount::mount_to(app.unchecked_into(), WidgetApp).forget();
        }
    }
}

/// When `app` was published with a state, and until when its feed may be trusted.
fn published_on(app: &web_sys::Element) -> Option<components::Published> {
    let at = wegweiser_core::rfc3339::parse(&app.get_attribute(PUBLISHED_ATTR)?).ok()?;
    Some(components::Published {
        at,
        fresh_until: app
            .get_attribute(FRESH_UNTIL_ATTR)
            .and_then(|u| wegweiser_core::rfc3339::parse(&u).ok()),
    })
}

/// The element the page and the widget live in.
fn app_element() -> Option<web_sys::Element> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
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

pub(crate) fn meta_content(name: &str) -> Option<String> {
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

/// The allocator of every wasm of the page (see Cargo.toml).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
