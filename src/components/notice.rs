use super::{FallbackList, Timeline};
use leptos::prelude::*;
use wegweiser_core::present::{state_icon, state_tone, Localized, NoticeCard};

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
pub fn Notice(card: NoticeCard) -> impl IntoView {
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
        start_prefix,
        start,
        end_prefix,
        end,
        next_update,
        fallbacks,
        updates,
        ..
    } = card;
    let title_id = format!("meldung-{id}-titel");
    let labelled_by = title_id.clone();
    view! {
        <article class=format!("notice notice--{}", state_tone(state)) id=format!("meldung-{id}") aria-labelledby=labelled_by>
            <p class="badge">
                <span aria-hidden="true">{state_icon(state)}</span>
                " " {badge}
            </p>
            <h3 id=title_id lang=title.lang>{title.text}</h3>
            <p class="notice__when">
                {start_prefix} " " <time datetime=start.machine>{start.label}</time>
                {end.map(|e| view! { ", " {end_prefix} " " <time datetime=e.machine>{e.label}</time> })}
            </p>
            <dl class="notice__facts">
                <dt>"Was nicht geht"</dt>
                <dd lang=not_working.lang>{not_working.text}</dd>
                <dt>"Betrifft"</dt>
                <dd>{join(&services)}</dd>
                <dt>"Wo"</dt>
                <dd>{join(&regions)}</dd>
                {still_working.map(|s| view! {
                    <dt>"Was noch geht"</dt>
                    <dd lang=s.lang>{s.text}</dd>
                })}
            </dl>
            <h4>"Was Sie tun können"</h4>
            <p class="notice__todo" lang=what_to_do.lang>{what_to_do.text}</p>
            <FallbackList items=fallbacks />
            {next_update.map(|n| view! {
                <p class="notice__next">
                    "Nächste Meldung: " <time datetime=n.machine>{n.label}</time>
                </p>
            })}
            <Timeline updates />
        </article>
    }
}
