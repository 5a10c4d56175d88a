use super::{placed, FallbackList, Timeline};
use leptos::prelude::*;
use wegweiser_core::present::{state_icon, state_tone, Localized, NoticeCard};
use wegweiser_core::words::k;
use wegweiser_core::Words;

fn join(items: &[Localized]) -> String {
    items
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// One notice, in the order a worried patient asks: what does not work, where, since
/// when; what still works; what to do instead; when the next update comes.
#[component]
pub fn Notice(card: NoticeCard, w: &'static Words) -> impl IntoView {
    let NoticeCard {
        id,
        state,
        badge,
        title,
        not_working,
        still_working,
        what_to_do,
        services,
        regions,
        start_words,
        start,
        end_words,
        end,
        next_update,
        fallbacks,
        updates,
        ..
    } = card;
    let title_id = format!("meldung-{id}-titel");
    let link = format!("meldung.html?id={id}");
    let labelled_by = title_id.clone();
    view! {
        <article class=format!("notice notice--{}", state_tone(state)) id=format!("meldung-{id}") aria-labelledby=labelled_by>
            <p class="badge">
                <span aria-hidden="true">{state_icon(state)}</span>
                " " {badge}
            </p>
            <h3 id=title_id lang=title.lang>{title.text}</h3>
            <p class="notice__when">
                {placed(start_words, start)}
                {end.map(|e| view! { ", " {placed(end_words, e)} })}
            </p>
            <dl class="notice__facts">
                <dt>{w.get(k::NOTICE_NOT_WORKING)}</dt>
                <dd lang=not_working.lang>{not_working.text}</dd>
                <dt>{w.get(k::NOTICE_SERVICES)}</dt>
                <dd>{join(&services)}</dd>
                <dt>{w.get(k::NOTICE_REGIONS)}</dt>
                <dd>{join(&regions)}</dd>
                {still_working.map(|s| view! {
                    <dt>{w.get(k::NOTICE_STILL_WORKING)}</dt>
                    <dd lang=s.lang>{s.text}</dd>
                })}
            </dl>
            <h4>{w.get(k::NOTICE_WHAT_TO_DO)}</h4>
            <p class="notice__todo" lang=what_to_do.lang>{what_to_do.text}</p>
            <FallbackList items=fallbacks w />
            {next_update.map(|n| view! {
                <p class="notice__next">{placed(w.get(k::NOTICE_NEXT_UPDATE), n)}</p>
            })}
            <Timeline updates w />
            <p class="notice__link"><a href=link>{w.get(k::NOTICE_LINK)}</a></p>
        </article>
    }
}
