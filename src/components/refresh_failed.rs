use super::nonempty;
use leptos::prelude::*;
use wegweiser_core::present::When;
use wegweiser_core::words::k;
use wegweiser_core::Words;

/// The latest fetch failed: the page still shows the state of `last`, and says so.
#[component]
pub fn RefreshFailed(last: When, w: &'static Words) -> impl IntoView {
    let (before, after) = w.around(k::REFRESH_TEXT);
    view! {
        <p class="note note--warning" role="status">
            <strong>{w.get(k::REFRESH_LEAD)}</strong> " "
            {nonempty(before)} <time datetime=last.machine>{last.label}</time> {nonempty(after)}
        </p>
    }
}
