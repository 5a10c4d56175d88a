use leptos::prelude::*;
use wegweiser_core::present::{state_icon, state_label, state_tone, GroupCard};
use wegweiser_core::words::k;
use wegweiser_core::Words;

/// Every service in its group with its state in words (the symbol is decoration).
#[component]
pub fn ServiceList(groups: Vec<GroupCard>, w: &'static Words) -> impl IntoView {
    view! {
        <section class="services" id="dienste" aria-labelledby="dienste-heading">
            <h2 id="dienste-heading">{w.get(k::SERVICES_HEADING)}</h2>
            {groups
                .into_iter()
                .map(|g| {
                    view! {
                        <section class="group" aria-labelledby=format!("gruppe-{}", g.id)>
                            <h3 id=format!("gruppe-{}", g.id) lang=g.name.lang>{g.name.text}</h3>
                            <ul>
                                {g.services
                                    .into_iter()
                                    .map(|s| {
                                        view! {
                                            <li class=format!("service service--{}", state_tone(s.state)) data-service=s.id>
                                                <span class="service__name" lang=s.name.lang>{s.name.text}</span>
                                                <span class="service__state">
                                                    <span aria-hidden="true">{state_icon(s.state)}</span>
                                                    " " {state_label(s.state, w)}
                                                </span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
        </section>
    }
}
