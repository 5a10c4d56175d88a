use super::{FeedProblem, GeneralNumbers, LoadProblem, StatusBanner, StatusPage};
use crate::feed_source::fetch_feed;
use crate::page_query::PageQuery;
use chrono::{DateTime, FixedOffset, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wegweiser_core::present::{Banner, PageModel};
use wegweiser_core::{parse, Feed};

/// Where the page stands with its feed.
#[derive(Clone)]
enum Load {
    Loading,
    Problem(LoadProblem),
    Ready(Arc<Feed>),
}

/// The current instant, as the browser knows it.
fn now() -> DateTime<FixedOffset> {
    DateTime::<Utc>::from_timestamp_millis(js_sys::Date::now() as i64)
        .unwrap_or_default()
        .fixed_offset()
}

/// The whole page: fetches the feed, then shows the status or a plain-words problem.
/// The general numbers are shown in every state.
#[component]
pub fn App() -> impl IntoView {
    let query = PageQuery::from_location();
    let feed_url = crate::configured_feed_url();
    let load = RwSignal::new(Load::Loading);
    spawn_local(async move {
        let next = match fetch_feed(&feed_url).await {
            Err(e) => Load::Problem(LoadProblem::Fetch(e)),
            Ok(text) => {
                let parsed = parse(&text);
                match parsed.feed {
                    Some(feed) => Load::Ready(Arc::new(feed)),
                    None => Load::Problem(LoadProblem::Invalid(Arc::new(parsed.problems))),
                }
            }
        };
        load.set(next);
    });

    let preview = query.at;
    let bad_at = query.bad_at.clone();
    view! {
        {bad_at.map(|raw| view! {
            <p class="note note--warning" role="note">
                "Der Zeitpunkt in der Adresse (at=" {raw} ") ist keine gültige Zeitangabe. "
                "Gezeigt wird der aktuelle Stand."
            </p>
        })}
        <div class="live" aria-live="polite">
            {move || match load.get() {
                Load::Loading => view! { <StatusBanner banner=Banner::loading() /> }.into_any(),
                Load::Problem(problem) => view! { <FeedProblem problem /> }.into_any(),
                Load::Ready(feed) => {
                    let at = preview.unwrap_or_else(now);
                    let status = feed.status_at(at);
                    let model = PageModel::new(&feed, &status, "de", preview.is_some());
                    view! { <StatusPage model feed=feed.clone() /> }.into_any()
                }
            }}
        </div>
        <GeneralNumbers />
    }
}
