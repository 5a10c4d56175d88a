use leptos::prelude::*;
use wegweiser_core::present::GENERAL_NUMBERS;

/// The numbers everyone may need, shown in every state of the page.
#[component]
pub fn GeneralNumbers() -> impl IntoView {
    view! {
        <section class="numbers" id="nummern" aria-labelledby="nummern-heading">
            <h2 id="nummern-heading">"Wichtige Nummern"</h2>
            <ul>
                {GENERAL_NUMBERS
                    .iter()
                    .map(|n| {
                        view! {
                            <li>
                                <a class="tel" href=n.href>{n.display}</a>
                                " – " {n.label} " (" {n.hours} ")"
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
