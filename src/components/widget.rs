use super::{FallbackList, StatusBanner};
use leptos::prelude::*;
use wegweiser_core::present::{state_icon, state_tone, NoticeCard};
use wegweiser_core::widget::{direction, words, WidgetModel};

/// One notice in short: what, since when, what to do, whom to call.
fn short_notice(card: NoticeCard) -> impl IntoView {
    let NoticeCard {
        id,
        state,
        badge,
        title,
        what_to_do,
        start_prefix,
        start,
        end_prefix,
        end,
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
            <p class="notice__when">
                {start_prefix} " " <time datetime=start.machine>{start.label}</time>
                {end.map(|e| view! { ", " {end_prefix} " " <time datetime=e.machine>{e.label}</time> })}
            </p>
            <p class="notice__todo" lang=what_to_do.lang dir=todo_dir>{what_to_do.text}</p>
            <FallbackList items=fallbacks />
        </article>
    }
}

/// The embeddable notice: the state in words, the notices for the chosen services and
/// region in short with their phone numbers, and a link to the full page.
#[component]
pub fn Widget(model: WidgetModel) -> impl IntoView {
    let href = model.full_page_href();
    let WidgetModel {
        banner,
        notices,
        generated,
        stale,
        refresh_failed,
        preview_at,
        example,
        setup_problem,
    } = model;
    view! {
        <StatusBanner banner />
        {stale.then(|| view! { <p class="widget__note" role="note">{words::STALE}</p> })}
        {refresh_failed.map(|last| view! {
            <p class="widget__note" role="note">
                {words::REFRESH_FAILED} <time datetime=last.machine>{last.label}</time> "."
            </p>
        })}
        {example.then(|| view! { <p class="widget__note" role="note">{words::EXAMPLE}</p> })}
        {preview_at.map(|at| view! {
            <p class="widget__note" role="note">{words::PREVIEW} <time datetime=at.machine>{at.label}</time></p>
        })}
        {notices.into_iter().map(short_notice).collect_view()}
        {setup_problem.map(|p| view! { <p class="widget__setup">{p}</p> })}
        <p class="widget__foot">
            {generated.map(|g| view! { {words::STAND} <time datetime=g.machine>{g.label}</time> <br /> })}
            <a href=href target="_blank" rel="noopener noreferrer">
                {words::FULL_PAGE} " " <span class="widget__new-window">{words::NEW_WINDOW}</span>
            </a>
        </p>
    }
}
