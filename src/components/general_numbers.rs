use leptos::prelude::*;
use wegweiser_core::present::GENERAL_NUMBERS;
use wegweiser_core::words::k;
use wegweiser_core::Words;

/// The numbers everyone may need, shown in every state of the page.
#[component]
pub fn GeneralNumbers(w: &'static Words) -> impl IntoView {
    view! {
        <section class="numbers" id="nummern" aria-labelledby="nummern-heading">
            <h2 id="nummern-heading">{w.get(k::NUMBERS_HEADING)}</h2>
            <ul>
                {GENERAL_NUMBERS
                    .iter()
                    .map(|n| {
                        view! {
                            <li>
                                <a class="tel" href=n.href>{n.display}</a>
                                " – " {w.get(n.label)} " (" {w.get(n.hours)} ")"
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
