use super::GeneralNumbers;
use leptos::prelude::*;
use std::sync::Arc;
use wegweiser_core::words::k;
use wegweiser_core::{Contact, Feed, Words};

/// The conciliation body for accessibility complaints under § 16 BGG.
const ARBITRATION_URL: &str = "https://www.schlichtungsstelle-bgg.de";

fn contact_links(c: &Contact) -> impl IntoView {
    let email = c
        .email
        .as_ref()
        .map(|e| view! { <li><a href=e.mailto_uri()>{e.as_str().to_string()}</a></li> });
    let phone = c
        .phone
        .as_ref()
        .map(|p| view! { <li><a class="tel" href=p.tel_uri()>{p.display().to_string()}</a></li> });
    let url = c.url.as_ref().map(|u| {
        let (href, text) = (u.as_str().to_string(), u.as_str().to_string());
        view! { <li><a href=href rel="noopener noreferrer">{text}</a></li> }
    });
    view! { <ul class="contact">{email} {phone} {url}</ul> }
}

/// The accessibility statement (Erklärung zur Barrierefreiheit, BITV 2.0 § 7): what
/// the page does, where it falls short, and whom to tell — the publisher's
/// accessibility contact from the feed — and where to turn if the answer does not help.
#[component]
pub fn AccessibilityStatement(feed: Arc<Feed>, w: &'static Words) -> impl IntoView {
    view! {
        <p class="back"><a href="./">{w.more(k::INCIDENT_BACK)}</a></p>
        <article class="statement" aria-labelledby="erklaerung-heading">
            <h2 id="erklaerung-heading">{w.more(k::A11Y_HEADING)}</h2>
            <p>{w.more(k::A11Y_SCOPE)}</p>
            <p>{w.more(k::A11Y_STATUS)}</p>
            <p>{w.more(k::A11Y_HOW)}</p>
            <p>{w.more(k::A11Y_LIMITS)}</p>
            <p>{w.more(k::A11Y_FEEDBACK)}</p>
            {contact_links(&feed.publisher.accessibility_contact)}
            <p>{w.more(k::A11Y_ARBITRATION)} " " <a href=ARBITRATION_URL rel="noopener noreferrer">{ARBITRATION_URL}</a></p>
        </article>
        <GeneralNumbers w />
    }
}
