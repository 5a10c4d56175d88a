use super::nonempty;
use leptos::prelude::*;
use wegweiser_core::archive::{ArchiveModel, ServiceStrip};
use wegweiser_core::present::state_tone;
use wegweiser_core::words::{k, split_at_slot};

/// One service's last 90 days: a bar per day, its height and colour the day's worst
/// state, and the same in words for screen readers (never by colour alone).
fn strip(s: ServiceStrip) -> impl IntoView {
    let heading = format!("streifen-{}", s.id);
    let labelled_by = heading.clone();
    view! {
        <h4 id=heading lang=s.name.lang>{s.name.text}</h4>
        <ol class="strip" aria-labelledby=labelled_by>
            {s.days
                .into_iter()
                .map(|d| view! { <li class=format!("day day--{}", state_tone(d.state))><span class="visually-hidden">{d.label}</span></li> })
                .collect_view()}
        </ol>
    }
}

/// The archive (`archiv.html?seite=…`): for each service a strip of the last 90 days,
/// then the past notices by month, a page at a time, each linking to its own page.
#[component]
pub fn ArchivePage(model: ArchiveModel) -> impl IntoView {
    let ArchiveModel {
        words: w,
        months,
        page,
        pages,
        strips,
        ..
    } = model;
    let (before, after) = split_at_slot(w.more(k::ARCHIVE_PAGE));
    let newer =
        (page > 1).then(|| view! { <a href=format!("?seite={}", page - 1)>{w.more(k::ARCHIVE_NEWER)}</a> });
    let older = (page < pages)
        .then(|| view! { <a href=format!("?seite={}", page + 1)>{w.more(k::ARCHIVE_OLDER)}</a> });
    let empty = months
        .is_empty()
        .then(|| view! { <p class="empty">{w.more(k::ARCHIVE_EMPTY)}</p> });
    view! {
        <p class="back"><a href="./">{w.more(k::INCIDENT_BACK)}</a></p>
        <h2 id="archiv-heading">{w.more(k::ARCHIVE_HEADING)}</h2>
        <section class="strips" aria-labelledby="streifen-heading">
            <h3 id="streifen-heading">{w.more(k::ARCHIVE_STRIP_HEADING)}</h3>
            {strips.into_iter().map(strip).collect_view()}
        </section>
        <section class="archive" aria-labelledby="archiv-heading">
            {empty}
            {months
                .into_iter()
                .map(|m| {
                    view! {
                        <h3>{m.label}</h3>
                        <ul class="archive__list">
                            {m.entries
                                .into_iter()
                                .map(|e| {
                                    view! {
                                        <li class=format!("archive__entry notice--{}", state_tone(e.state))>
                                            <a href=format!("meldung.html?id={}", e.id) lang=e.title.lang>{e.title.text}</a>
                                            " – " {e.badge} ", "
                                            <time datetime=e.start.machine>{e.start.label}</time> " – "
                                            <time datetime=e.end.machine>{e.end.label}</time>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })
                .collect_view()}
            <nav class="pages" aria-label=w.more(k::ARCHIVE_HEADING)>
                {newer} " " {nonempty(before)} {format!("{page} / {pages}")} {nonempty(after)} " " {older}
            </nav>
        </section>
    }
}
