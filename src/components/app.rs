use super::{FeedProblem, GeneralNumbers, LoadProblem, StatusBanner, StatusPage};
use crate::feed_source::fetch_feed;
use crate::page_query::PageQuery;
use crate::slot::Slot;
use chrono::{DateTime, FixedOffset, Utc};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wegweiser_core::present::{Banner, PageModel};
use wegweiser_core::{parse, Feed};

/// Where the page stands with its feed.
#[derive(Clone)]
enum Load {
    Problem(LoadProblem),
    Ready(Arc<Feed>),
}

/// The current instant, as the browser knows it.
fn now() -> DateTime<FixedOffset> {
    DateTime::<Utc>::from_timestamp_millis(js_sys::Date::now() as i64)
        .unwrap_or_default()
        .fixed_offset()
}

async fn load(feed_url: &str) -> Load {
    match fetch_feed(feed_url).await {
        Err(e) => Load::Problem(LoadProblem::Fetch(e)),
        Ok(text) => {
            let parsed = parse(&text);
            match parsed.feed {
                Some(feed) => Load::Ready(Arc::new(feed)),
                None => Load::Problem(LoadProblem::Invalid(Arc::new(parsed.problems))),
            }
        }
    }
}

/// Shows `state` in `slot`, replacing what was there.
fn show(slot: &mut Slot, state: Load, preview: Option<DateTime<FixedOffset>>) {
    match state {
        Load::Problem(problem) => slot.show(move || view! { <FeedProblem problem /> }),
        Load::Ready(feed) => {
            let at = preview.unwrap_or_else(now);
            let status = feed.status_at(at);
            let model = PageModel::new(&feed, &status, "de", preview.is_some());
            slot.show(move || view! { <StatusPage model feed /> })
        }
    }
}

/// The whole page: fetches the feed, then shows the status or a plain-words problem.
/// The general numbers are shown in every state. The state's part of the page is a
/// [`Slot`]: rendered whole and replaced whole (see there why).
#[component]
pub fn App() -> impl IntoView {
    let query = PageQuery::from_location();
    let feed_url = crate::configured_feed_url();
    let live = NodeRef::<Div>::new();
    let preview = query.at;
    // The task first runs once the view below is mounted, so the slot's element exists.
    spawn_local(async move {
        let Some(el) = live.get_untracked() else { return };
        let mut slot = Slot::new(el.into());
        slot.show(|| view! { <StatusBanner banner=Banner::loading() /> });
        let state = load(&feed_url).await;
        show(&mut slot, state, preview);
        // The slot lives as long as the page.
        std::mem::forget(slot);
    });

    let bad_at = query.bad_at.clone();
    view! {
        {bad_at.map(|raw| view! {
            <p class="note note--warning" role="note">
                "Der Zeitpunkt in der Adresse (at=" {raw} ") ist keine gültige Zeitangabe. "
                "Gezeigt wird der aktuelle Stand."
            </p>
        })}
        <div class="live" aria-live="polite" node_ref=live></div>
        <GeneralNumbers />
    }
}
