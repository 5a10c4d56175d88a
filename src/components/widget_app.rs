use super::{Published, Widget};
use crate::clock::{now, sleep, visible, JITTER_MS, REFRESH_MS};
use crate::embed;
use crate::feed_source::fetch_feed;
use crate::page_query::PageQuery;
use crate::slot::Slot;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wegweiser_core::present::{Banner, When};
use wegweiser_core::widget::{self, words, WidgetModel};
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
        follow_widget(slot, None).await;
    });
    view! { <div class="widget__live" aria-live="polite" node_ref=live></div> }
}

/// Keeps the widget in `slot` showing the feed: reads its parameters from the address,
/// fetches the feed like the full page (again about every minute, keeping the last
/// intact feed), shows [`Widget`], and tells the host page its height when `widget.js`
/// asked for it. A missing or broken feed is "status unknown", never "all works".
///
/// The slot may start with the state `embed.html` was `published` with: it is replaced
/// only where the feed (or the time) changed it, and while the feed it came from is
/// still fresh, a feed that cannot be loaded leaves it on screen with a note of its age.
pub async fn follow_widget(mut slot: Slot, published: Option<Published>) {
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
    slot.set_busy(true);
    loop {
        match fetch_feed(&feed_url, timeout, shown.is_some()).await {
            // A broken feed's problems are for the full page's operators.
            Ok(text) => {
                let _ = known.arrived(text, now());
            }
            Err(_) => known.failed(),
        }
        let at = preview.unwrap_or_else(now);
        let kept = published
            .as_ref()
            .filter(|p| slot.shows_published() && p.still_fresh(at));
        let next = match (known.widget(at, &params, preview.is_some()), kept) {
            (Some(model), _) => Some(model),
            (None, Some(p)) => {
                let note = format!(
                    "{}{}.",
                    words::REFRESH_FAILED,
                    When::of(&p.at, Words::german()).label
                );
                slot.prepend(move || view! { <p class="widget__note" role="note">{note}</p> });
                None
            }
            (None, None) => Some(WidgetModel::only(widget::unavailable())),
        };
        if let Some(next) = next.filter(|n| shown.as_ref() != Some(n)) {
            let model = next.clone();
            slot.show(move || view! { <Widget model /> });
            shown = Some(next);
        }
        slot.set_busy(false);
        sleep(REFRESH_MS + js_sys::Math::random() * JITTER_MS).await;
        visible().await;
    }
}
