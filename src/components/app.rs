use super::{FeedProblem, GeneralNumbers, LoadProblem, StatusBanner, StatusPage};
use crate::clock::{now, sleep, visible, JITTER_MS, REFRESH_MS};
use crate::feed_source::fetch_feed;
use crate::page_query::PageQuery;
use crate::slot::Slot;
use chrono::{DateTime, FixedOffset};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wegweiser_core::present::{Banner, PageModel};
use wegweiser_core::LastKnown;

/// What the slot shows.
#[derive(PartialEq)]
enum Shown {
    Page(Box<PageModel>),
    Problem(LoadProblem),
}

/// Fetches once and says what the page should show now.
async fn refresh(
    known: &mut LastKnown,
    url: &str,
    timeout: u32,
    preview: Option<DateTime<FixedOffset>>,
) -> Shown {
    let problem = match fetch_feed(url, timeout).await {
        Ok(text) => match known.arrived(text, now()) {
            Ok(()) => None,
            Err(problems) => Some(LoadProblem::Invalid(Arc::new(problems))),
        },
        Err(e) => {
            known.failed();
            Some(LoadProblem::Fetch(e))
        }
    };
    match known.page(preview.unwrap_or_else(now), "de", preview.is_some()) {
        Some(page) => Shown::Page(Box::new(page)),
        None => Shown::Problem(problem.unwrap_or(LoadProblem::Invalid(Arc::new(Vec::new())))),
    }
}

/// The whole page: fetches the feed, shows the status or a plain-words problem, and
/// fetches again about every minute while the tab is visible. The general numbers are
/// shown in every state. The state's part of the page is a [`Slot`], rendered whole
/// and replaced only when what it shows changed (see there why).
#[component]
pub fn App() -> impl IntoView {
    let query = PageQuery::from_location();
    let feed_url = crate::configured_feed_url();
    let timeout = crate::configured_timeout();
    let live = NodeRef::<Div>::new();
    let preview = query.at;
    // The task first runs once the view below is mounted, so the slot's element exists.
    spawn_local(async move {
        let Some(el) = live.get_untracked() else { return };
        let mut slot = Slot::new(el.into());
        slot.show(|| view! { <StatusBanner banner=Banner::loading() /> });
        let mut known = LastKnown::new();
        let mut shown: Option<Shown> = None;
        loop {
            let next = refresh(&mut known, &feed_url, timeout, preview).await;
            if shown.as_ref() != Some(&next) {
                shown = Some(next);
                match &shown {
                    Some(Shown::Page(page)) => {
                        let (page, feed) = ((**page).clone(), known.feed().cloned());
                        slot.show(move || feed.map(|feed| view! { <StatusPage model=page feed /> }));
                    }
                    Some(Shown::Problem(problem)) => {
                        let problem = problem.clone();
                        slot.show(move || view! { <FeedProblem problem /> });
                    }
                    None => {}
                }
            }
            sleep(REFRESH_MS + js_sys::Math::random() * JITTER_MS).await;
            visible().await;
        }
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
