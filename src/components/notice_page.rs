use super::{GeneralNumbers, Notice, PrintButton, StateNotes};
use leptos::prelude::*;
use wegweiser_core::present::{NoticeCard, PageModel};
use wegweiser_core::words::k;

/// One notice on its own page (`meldung.html?id=…`, a stable deep link): the state's
/// head, the notice with its whole history, "Aushang drucken", the general numbers. An
/// id the feed does not have says so and links back to the overview.
#[component]
pub fn NoticePage(model: PageModel, card: Option<NoticeCard>, qr: Option<String>) -> impl IntoView {
    let PageModel {
        words: w,
        banner,
        generated,
        stale_since,
        preview_at,
        example,
        refresh_failed,
        ..
    } = model;
    let notice = match card {
        Some(card) => {
            let label = card.title.text.clone();
            // For the printed notice: a QR code to this page (only printed), its address beside.
            let qr = qr.map(|site| {
                let address = format!("{site}meldung.html?id={}", card.id);
                view! {
                    <figure class="qr">
                        <img src=format!("qr/{}.svg", card.id) alt="" width="120" height="120" />
                        <figcaption>{w.more(k::PRINT_QR)} " " {address}</figcaption>
                    </figure>
                }
            });
            Some(view! {
                <section class="notices notices--focus" id="meldung" aria-label=label>
                    {qr}
                    <Notice card w />
                    <PrintButton w />
                </section>
            })
        }
        None => None,
    };
    let missing = notice
        .is_none()
        .then(|| view! { <p class="note note--warning" role="note">{w.more(k::INCIDENT_NOT_FOUND)}</p> });
    view! {
        <p class="back"><a href="./">{w.more(k::INCIDENT_BACK)}</a></p>
        {missing}
        <StateNotes w banner generated stale_since preview_at example refresh_failed />
        {notice}
        <GeneralNumbers w />
    }
}
