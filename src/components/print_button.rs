use leptos::prelude::*;
use wegweiser_core::words::k;
use wegweiser_core::Words;

/// "Aushang drucken": the browser's print dialog; the print style sheet turns the
/// notice into one A4 page in large type for a pharmacy door or a waiting room.
#[component]
pub fn PrintButton(w: &'static Words) -> impl IntoView {
    let print = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! { <p class="print"><button type="button" on:click=print>{w.more(k::PRINT_BUTTON)}</button></p> }
}
