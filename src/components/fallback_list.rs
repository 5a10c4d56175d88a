use leptos::prelude::*;
use wegweiser_core::present::FallbackItem;

/// What to do instead: phone numbers as `tel:` links with their hours, paper forms,
/// other ways. Feed text is always inserted as text, never as HTML.
#[component]
pub fn FallbackList(items: Vec<FallbackItem>) -> impl IntoView {
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
                                    <p class="fallback__hours">"Erreichbar: " <span lang=h.lang>{h.text}</span></p>
                                })}
                                {f.for_whom.map(|w| view! {
                                    <p class="fallback__for">"Für: " <span lang=w.lang>{w.text}</span></p>
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
