use leptos::prelude::*;

/// The page's address asks for an instant (`?at=`) that is not a time: say so, rather
/// than silently showing another one.
#[component]
pub fn BadAt(raw: String) -> impl IntoView {
    view! {
        <p class="note note--warning" role="note">
            "Der Zeitpunkt in der Adresse (at=" {raw} ") ist keine gültige Zeitangabe. "
            "Gezeigt wird der aktuelle Stand."
        </p>
    }
}
