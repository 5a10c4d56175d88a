use super::Notice;
use leptos::prelude::*;
use wegweiser_core::present::NoticeCard;
use wegweiser_core::Words;

/// A titled section of notices. With no notices it shows `empty`, or nothing if that is "".
#[component]
pub fn NoticeList(
    heading: &'static str,
    id: &'static str,
    cards: Vec<NoticeCard>,
    empty: &'static str,
    w: &'static Words,
) -> impl IntoView {
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    (!cards.is_empty() || !empty.is_empty()).then(|| {
        let empty = cards.is_empty().then(|| view! { <p class="empty">{empty}</p> });
        view! {
            <section class="notices" id=id aria-labelledby=labelled_by>
                <h2 id=heading_id>{heading}</h2>
                {empty}
                {cards.into_iter().map(|card| view! { <Notice card w /> }).collect_view()}
            </section>
        }
    })
}
