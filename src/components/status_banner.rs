use leptos::prelude::*;
use wegweiser_core::present::Banner;

/// The headline: the overall state in words, with a symbol that is never the only cue.
#[component]
pub fn StatusBanner(banner: Banner) -> impl IntoView {
    view! {
        <section class=format!("banner banner--{}", banner.tone) data-tone=banner.tone aria-labelledby="banner-heading">
            <span class="banner__icon" aria-hidden="true">{banner.icon}</span>
            <div class="banner__words">
                <h2 id="banner-heading">{banner.heading}</h2>
                <p>{banner.detail}</p>
            </div>
        </section>
    }
}
