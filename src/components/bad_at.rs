use leptos::prelude::*;
use wegweiser_core::words::k;
use wegweiser_core::Words;

/// The page's address asks for an instant (`?at=`) that is not a time: say so, rather
/// than silently showing another one.
#[component]
pub fn BadAt(raw: String, w: &'static Words) -> impl IntoView {
    view! { <p class="note note--warning" role="note">{w.fill(k::BAD_AT, &raw)}</p> }
}
