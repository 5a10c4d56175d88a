use super::{FallbackList, StatusBanner};
use leptos::prelude::*;
use wegweiser_core::present::{state_icon, state_tone, NoticeCard};
use wegweiser_core::widget::{direction, words, WidgetModel};
use wegweiser_core::Words;

/// One notice in short: what, since when, what to do, whom to call. Times are plain
/// text here: every distinct view costs WebAssembly that the full page downloads too.
fn short_notice(card: NoticeCard) -> impl IntoView {
    let when = card.when_text();
    let NoticeCard {
        id,
        state,
        badge,
        title,
        what_to_do,
        fallbacks,
        ..
    } = card;
    let title_id = format!("widget-{id}-titel");
    let labelled_by = title_id.clone();
    let (title_dir, todo_dir) = (direction(&title.lang), direction(&what_to_do.lang));

    view! {
        <article class=format!("notice widget__notice notice--{}", state_tone(state)) aria-labelledby=labelled_by>
            <p class="badge">
                <span aria-hidden="true">{state_icon(state)}</span>
                " " {badge}
            </p>
            <h3 id=title_id lang=title.lang dir=title_dir>{title.text}</h3>
            <p class="notice__when">{when}</p>
            <p class="notice__todo" lang=what_to_do.lang dir=todo_dir>{what_to_do.text}</p>
            <FallbackList items=fallbacks w=Words::german() />
        </article>
    }
}

/// The embeddable notice: the state in words, the notices for the chosen services and
/// region in short with their phone numbers, and a link to the full page.
#[component]
pub fn Widget(model: WidgetModel) -> impl IntoView {
    let href = model.full_page_href();
    let notes = model.notes();
    let stand = model.stand();
    let WidgetModel { banner, notices, .. } = model;
    view! {
        <StatusBanner banner />
        {notes.into_iter().map(|n| view! { <p class="widget__note" role="note">{n}</p> }).collect_view()}
        {notices.into_iter().map(short_notice).collect_view()}
        <p class="widget__foot">
            {stand} " "
            <a href=href target="_blank" rel="noopener noreferrer">
                {words::FULL_PAGE} " " <span class="widget__new-window">{words::NEW_WINDOW}</span>
            </a>
        </p>
    }
}
