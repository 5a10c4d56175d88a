use super::Widget;
use crate::clock::{now, sleep, visible, JITTER_MS, REFRESH_MS};
use crate::embed;
use crate::feed_source::fetch_feed;
use crate::page_query::PageQuery;
use crate::slot::Slot;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wegweiser_core::present::Banner;
use wegweiser_core::widget::{self, WidgetModel};
use wegweiser_core::{LastKnown, Words};

/// The widget page (`embed.html`) when it was not published with a state: mounts the
/// live area with the loading text and [`follow_widget`]s the feed in it.
#[component]
pub fn WidgetApp() -> impl IntoView {
    let live = NodeRef::<Div>::new();
    spawn_local(async move {
        let Some(el) = live.get_untracked() else { return };
        let mut slot = Slot::new(el.into());
        slot.show(|| view! { <Widget model=WidgetModel::only(Banner::loading(Words::german())) /> });
        follow_widget(slot).await;
    });
    view! { <div class="widget__live" aria-live="polite" node_ref=live></div> }
}

/// Keeps the widget in `slot` showing the feed: reads its parameters from the address,
/// fetches the feed like the full page (again about every minute, keeping the last
/// intact feed), shows [`Widget`], and tells the host page its height when `widget.js`
/// asked for it. A missing or broken feed is "status unknown", never "all works". The
/// slot may start with the state `embed.html` was published with: it is replaced only
/// where the feed (or the time) changed it.
pub async fn follow_widget(mut slot: Slot) {
    let query = PageQuery::from_location();
    let params = embed::params_from_location();
    embed::apply_theme(&params);
    let feed_url = crate::configured_feed_url();
    let timeout = crate::configured_timeout();
    let preview = query.at;
    // The height is that of the whole widget, the static heading included.
    if let Some(origin) = params.host_origin.clone() {
        let el = slot.element();
        let content = el
            .closest("main")
            .ok()
            .flatten()
            .unwrap_or_else(|| el.clone().into());
        embed::report_height(&content, origin);
    }
    let mut known = LastKnown::new();
    let mut shown: Option<WidgetModel> = None;
    loop {
        match fetch_feed(&feed_url, timeout, shown.is_some()).await {
            // A broken feed's problems are for the full page's operators.
            Ok(text) => {
                let _ = known.arrived(text, now());
            }
            Err(_) => known.failed(),
        }
        let next = known
            .widget(preview.unwrap_or_else(now), &params, preview.is_some())
            .unwrap_or_else(|| WidgetModel::only(widget::unavailable()));
        if shown.as_ref() != Some(&next) {
            let model = next.clone();
            slot.show(move || view! { <Widget model /> });
            shown = Some(next);
        }
        sleep(REFRESH_MS + js_sys::Math::random() * JITTER_MS).await;
        visible().await;
    }
}
