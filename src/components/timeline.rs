use leptos::prelude::*;
use wegweiser_core::present::UpdateItem;
use wegweiser_core::words::k;
use wegweiser_core::Words;

/// The notice's updates, newest first, each with its time and a plain-words label.
#[component]
pub fn Timeline(updates: Vec<UpdateItem>, w: &'static Words) -> impl IntoView {
    (!updates.is_empty()).then(|| {
        view! {
            <details class="timeline" open=true>
                <summary>{w.get(k::NOTICE_TIMELINE)}</summary>
                <ol>
                    {updates
                        .into_iter()
                        .map(|u| {
                            view! {
                                <li class=format!("update update--{}", u.kind.as_str())>
                                    <p class="update__head">
                                        <time datetime=u.at.machine>{u.at.label}</time>
                                        ": " <strong>{u.label}</strong>
                                    </p>
                                    <p lang=u.text.lang>{u.text.text}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </details>
        }
    })
}
