use super::{placed, RefreshFailed, StatusBanner};
use leptos::prelude::*;
use wegweiser_core::present::{Banner, When};
use wegweiser_core::words::k;
use wegweiser_core::Words;

/// The head of every page of the state: the banner, whether the page could update,
/// "Stand: …", and the notes on previews, example data and a stale feed.
#[component]
pub fn StateNotes(
    w: &'static Words,
    banner: Banner,
    generated: When,
    stale_since: Option<When>,
    preview_at: Option<When>,
    example: bool,
    refresh_failed: Option<When>,
) -> impl IntoView {
    view! {
        <StatusBanner banner />
        {refresh_failed.map(|last| view! { <RefreshFailed last w /> })}
        <p class="stand">{placed(w.get(k::PAGE_STAND), generated)}</p>
        {preview_at.map(|at| view! {
            <p class="note note--preview" role="note">{placed(w.get(k::NOTE_PREVIEW), at)}</p>
        })}
        {example.then(|| view! {
            <p class="note note--example" role="note">
                <strong>{w.get(k::NOTE_EXAMPLE_LEAD)}</strong> " " {w.get(k::NOTE_EXAMPLE_TEXT)}
            </p>
        })}
        // A note, not an alert: the slot replaces the whole state on every change, and
        // an alert would be read out again each time beside the announcement, which
        // already names the unsure headline.
        {stale_since.map(|since| view! {
            <p class="note note--stale" role="note">
                <strong>{w.get(k::NOTE_STALE_LEAD)}</strong> " " {placed(w.get(k::NOTE_STALE_TEXT), since)}
            </p>
        })}
    }
}
