use super::nonempty;
use leptos::prelude::*;
use wegweiser_core::present::{FallbackItem, Localized};
use wegweiser_core::words::{k, Key};
use wegweiser_core::Words;

/// Words with a feed text (in its own language) in place of their `{}`.
fn around(w: &'static Words, key: Key, text: Localized) -> impl IntoView {
    let (before, after) = w.around(key);
    view! { {nonempty(before)} <span lang=text.lang>{text.text}</span> {nonempty(after)} }
}

/// What to do instead: phone numbers as `tel:` links with their hours, paper forms,
/// other ways. Feed text is always inserted as text, never as HTML.
#[component]
pub fn FallbackList(items: Vec<FallbackItem>, w: &'static Words) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <ul class="fallbacks">
                {items
                    .into_iter()
                    .map(|f| {
                        view! {
                            <li class=format!("fallback fallback--{}", f.kind.as_str())>
                                <p class="fallback__label" lang=f.label.lang>{f.label.text}</p>
                                {f.phone.map(|p| view! {
                                    <p class="fallback__phone">
                                        <a class="tel" href=p.href>{p.display}</a>
                                    </p>
                                })}
                                {f.hours.map(|h| view! {
                                    <p class="fallback__hours">{around(w, k::FALLBACK_HOURS, h)}</p>
                                })}
                                {f.for_whom.map(|f| view! {
                                    <p class="fallback__for">{around(w, k::FALLBACK_FOR, f)}</p>
                                })}
                                {f.details.map(|d| view! { <p class="fallback__details" lang=d.lang>{d.text}</p> })}
                                {f.url.map(|u| view! {
                                    <p><a href=u.clone() rel="noopener noreferrer">{u.clone()}</a></p>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}
