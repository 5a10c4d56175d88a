use super::{NoticeList, PublisherFooter, RefreshFailed, ServiceList, StatusBanner};
use leptos::prelude::*;
use std::sync::Arc;
use wegweiser_core::present::PageModel;
use wegweiser_core::Feed;

/// The page for one instant: banner, freshness, notices, services, planned work, recent.
#[component]
pub fn StatusPage(model: PageModel, feed: Arc<Feed>) -> impl IntoView {
    let PageModel {
        banner,
        generated,
        stale_since,
        preview_at,
        publisher,
        publisher_note,
        example,
        groups,
        notices,
        upcoming,
        recent,
        refresh_failed,
    } = model;
    view! {
        <StatusBanner banner />
        {refresh_failed.map(|last| view! { <RefreshFailed last /> })}
        <p class="stand">"Stand: " <time datetime=generated.machine>{generated.label}</time></p>
        {preview_at.map(|at| view! {
            <p class="note note--preview" role="note">
                "Vorschau: So sah die Seite am " <time datetime=at.machine>{at.label}</time> " aus."
            </p>
        })}
        {example.then(|| view! {
            <p class="note note--example" role="note">
                <strong>"Beispiel-Daten: "</strong>
                "Diese Meldungen sind nicht aktuell. Mehr dazu unten bei „Wer diese Meldungen herausgibt“."
            </p>
        })}
        {stale_since.map(|since| view! {
            <p class="note note--stale" role="alert">
                <strong>"Achtung, diese Angaben können veraltet sein. "</strong>
                "Sie hätten bis " <time datetime=since.machine>{since.label}</time>
                " erneuert werden müssen. Fragen Sie im Zweifel in Ihrer Praxis oder Apotheke nach."
            </p>
        })}
        <NoticeList heading="Aktuelle Meldungen" id="aktuell" cards=notices empty="Zurzeit gibt es keine Meldungen über Störungen." />
        <ServiceList groups />
        <NoticeList heading="Geplante Wartungen" id="geplant" cards=upcoming empty="" />
        <NoticeList heading="Kürzlich behoben" id="behoben" cards=recent empty="" />
        <PublisherFooter publisher note=publisher_note feed />
    }
}
