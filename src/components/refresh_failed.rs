use leptos::prelude::*;
use wegweiser_core::present::When;

/// The latest fetch failed: the page still shows the state of `last`, and says so.
#[component]
pub fn RefreshFailed(last: When) -> impl IntoView {
    view! {
        <p class="note note--warning" role="status">
            <strong>"Die Seite kann die Meldungen gerade nicht neu laden. "</strong>
            "Sie sehen den Stand vom " <time datetime=last.machine>{last.label}</time> ". "
            "Die Seite versucht es weiter. Fragen Sie im Zweifel in Ihrer Praxis oder Apotheke nach."
        </p>
    }
}
