use leptos::prelude::*;
use std::sync::Arc;
use wegweiser_core::present::Localized;
use wegweiser_core::words::k;
use wegweiser_core::{Contact, Feed, Words};

fn contact_links(c: &Contact) -> impl IntoView {
    let email = c.email.as_ref().map(|e| {
        let href = e.mailto_uri();
        view! { <a href=href>{e.as_str().to_string()}</a> }
    });
    let phone = c
        .phone
        .as_ref()
        .map(|p| view! { " " <a class="tel" href=p.tel_uri()>{p.display().to_string()}</a> });
    let url = c
        .url
        .as_ref()
        .map(|u| view! { " " <a href=u.as_str().to_string() rel="noopener noreferrer">{u.as_str().to_string()}</a> });
    view! { {email} {phone} {url} }
}

/// Who publishes these notices and how to reach them (incl. accessibility feedback).
#[component]
pub fn PublisherFooter(
    publisher: Localized,
    note: Option<Localized>,
    feed: Arc<Feed>,
    w: &'static Words,
) -> impl IntoView {
    let p = &feed.publisher;
    view! {
        <section class="publisher" aria-labelledby="herausgeber-heading">
            <h2 id="herausgeber-heading">{w.get(k::PUBLISHER_HEADING)}</h2>
            <p lang=publisher.lang>{publisher.text}</p>
            {note.map(|n| view! { <p class="publisher__note" lang=n.lang>{n.text}</p> })}
            <p>{w.get(k::PUBLISHER_CONTACT)} " " {contact_links(&p.contact)}</p>
            <p>{w.get(k::PUBLISHER_ACCESSIBILITY)} " " {contact_links(&p.accessibility_contact)}</p>
        </section>
    }
}
