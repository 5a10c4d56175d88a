//! Time for the views: the browser's clock, waiting, and waiting for the tab to be seen.

use chrono::{DateTime, FixedOffset, Utc};
use wasm_bindgen_futures::JsFuture;

/// About every minute, with up to 15 s of random jitter so that many open pages do not
/// ask the server in step.
pub const REFRESH_MS: f64 = 60_000.0;
pub const JITTER_MS: f64 = 15_000.0;

/// The current instant, as the browser knows it.
pub fn now() -> DateTime<FixedOffset> {
    DateTime::<Utc>::from_timestamp_millis(js_sys::Date::now() as i64)
        .unwrap_or_default()
        .fixed_offset()
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: f64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Returns at once if the tab is visible, else when it becomes visible.
pub async fn visible() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    while document.hidden() {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let options = web_sys::AddEventListenerOptions::new();
            options.set_once(true);
            let _ = document.add_event_listener_with_callback_and_add_event_listener_options(
                "visibilitychange",
                &resolve,
                &options,
            );
        });
        let _ = JsFuture::from(promise).await;
    }
}
