use super::{BadAt, FeedProblem, GeneralNumbers, LoadProblem, RefreshFailed, StatusBanner, StatusPage};
use crate::clock::{now, sleep, visible, JITTER_MS, REFRESH_MS};
use crate::feed_source::fetch_feed;
use crate::page_query::PageQuery;
use crate::slot::Slot;
use chrono::{DateTime, FixedOffset};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wegweiser_core::present::{Banner, PageModel, When};
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
    first: bool,
) -> Shown {
    let problem = match fetch_feed(url, timeout, !first).await {
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

/// What the page was published with (see `crate::publish`), read from `#app`.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    /// When it was published.
    pub at: When,
    /// Until when the feed it was published from may be trusted (its `generated_at` +
    /// `fresh_for_minutes`); `None` if the page does not say.
    pub fresh_until: Option<DateTime<FixedOffset>>,
}

impl Published {
    /// Whether the published state may still be shown as the last known one at `at`.
    fn still_fresh(&self, at: DateTime<FixedOffset>) -> bool {
        self.fresh_until.is_some_and(|until| at <= until)
    }
}

/// Keeps the slot showing the feed's state: fetches the feed, shows the status or a
/// plain-words problem, and fetches again about every minute while the tab is visible.
/// What the slot shows is replaced only when it changed (see [`Slot`]). If the slot
/// starts with the state the page was `published` with, a failing feed leaves that
/// state on screen, with a note of its age, instead of replacing it by an error — as
/// long as the feed it came from is still fresh: after that, it could say "Alles
/// funktioniert" about a time nobody vouches for, so the error replaces it.
pub async fn follow(mut slot: Slot, preview: Option<DateTime<FixedOffset>>, published: Option<Published>) {
    let feed_url = crate::configured_feed_url();
    let timeout = crate::configured_timeout();
    let mut known = LastKnown::new();
    let mut shown: Option<Shown> = None;
    let mut first = true;
    slot.set_busy(true);
    loop {
        let next = refresh(&mut known, &feed_url, timeout, preview, first).await;
        if shown.as_ref() != Some(&next) {
            // The published state, while it may still stand in for a failing feed.
            let kept = published
                .as_ref()
                .filter(|p| slot.shows_published() && p.still_fresh(preview.unwrap_or_else(now)));
            match (&next, kept) {
                (Shown::Page(page), _) => {
                    let (page, feed) = ((**page).clone(), known.feed().cloned());
                    slot.show(move || feed.map(|feed| view! { <StatusPage model=page feed /> }));
                }
                (Shown::Problem(_), Some(kept)) => {
                    let last = kept.at.clone();
                    slot.prepend(move || view! { <RefreshFailed last /> });
                }
                (Shown::Problem(problem), None) => {
                    let problem = problem.clone();
                    slot.show(move || view! { <FeedProblem problem /> });
                }
            }
            shown = Some(next);
        }
        if first {
            first = false;
            slot.set_busy(false);
        }
        sleep(REFRESH_MS + js_sys::Math::random() * JITTER_MS).await;
        visible().await;
    }
}

/// The whole page when it was not published with a state: a loading banner until the
/// feed arrives, then [`follow`]. The general numbers are shown in every state.
#[component]
pub fn App() -> impl IntoView {
    let query = PageQuery::from_location();
    let live = NodeRef::<Div>::new();
    let preview = query.at;
    // The task first runs once the view below is mounted, so the slot's element exists.
    spawn_local(async move {
        let Some(el) = live.get_untracked() else { return };
        let mut slot = Slot::new(el.into());
        slot.show(|| view! { <StatusBanner banner=Banner::loading() /> });
        follow(slot, preview, None).await;
    });
    view! {
        {query.bad_at.map(|raw| view! { <BadAt raw /> })}
        <div class="live" aria-live="polite" node_ref=live></div>
        <GeneralNumbers />
    }
}
