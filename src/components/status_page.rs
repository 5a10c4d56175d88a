use super::{nonempty, GeneralNumbers, NoticeList, PublisherFooter, RegionPicker, ServiceList, StateNotes};
use leptos::prelude::*;
use std::sync::Arc;
use wegweiser_core::present::{PageModel, When};
use wegweiser_core::words::k;
use wegweiser_core::Feed;

/// A time inside its words ("seit {}"), the words' `{}` replaced by a `<time>`.
pub fn placed(words: &'static str, t: When) -> impl IntoView {
    let (before, after) = wegweiser_core::words::split_at_slot(words);
    view! { {nonempty(before)} <time datetime=t.machine>{t.label}</time> {nonempty(after)} }
}

/// The overview for one instant: banner, freshness, region, notices, services, planned
/// work, recent.
#[component]
pub fn StatusPage(model: PageModel, feed: Arc<Feed>) -> impl IntoView {
    let PageModel {
        words: w,
        banner,
        generated,
        stale_since,
        preview_at,
        example,
        refresh_failed,
        groups,
        notices,
        upcoming,
        recent,
        regions,
        region,
        publisher,
        publisher_note,
        ..
    } = model;
    view! {
        <StateNotes w banner generated stale_since preview_at example refresh_failed />
        <RegionPicker regions region w />
        <NoticeList heading=w.get(k::LIST_CURRENT) id="aktuell" cards=notices empty=w.get(k::LIST_CURRENT_EMPTY) w />
        <ServiceList groups w />
        <NoticeList heading=w.get(k::LIST_UPCOMING) id="geplant" cards=upcoming empty="" w />
        <NoticeList heading=w.get(k::LIST_RECENT) id="behoben" cards=recent empty="" w />
        <PublisherFooter publisher note=publisher_note feed w />
        <GeneralNumbers w />
    }
}
