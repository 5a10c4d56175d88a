use super::StatusBanner;
use crate::feed_source::FetchError;
use leptos::prelude::*;
use std::sync::Arc;
use wegweiser_core::present::Banner;
use wegweiser_core::Problem;

/// Why there is no status to show.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadProblem {
    Fetch(FetchError),
    /// The feed arrived but has errors (every problem, for the operator).
    Invalid(Arc<Vec<Problem>>),
}

/// The page when the feed is missing or broken: says so plainly, never "all works",
/// and keeps the details for the operator behind a disclosure.
#[component]
pub fn FeedProblem(problem: LoadProblem) -> impl IntoView {
    let (reason, details): (&str, Vec<String>) = match &problem {
        LoadProblem::Fetch(e) => (
            "Die Meldungen konnten nicht abgerufen werden. Vielleicht ist Ihre Internetverbindung gestört, oder unser Server ist nicht erreichbar.",
            vec![e.detail()],
        ),
        LoadProblem::Invalid(problems) => (
            "Die Meldungen sind fehlerhaft und können deshalb nicht angezeigt werden. Die Herausgeber müssen sie korrigieren.",
            problems.iter().filter(|p| p.is_error()).map(|p| p.to_string()).collect(),
        ),
    };
    view! {
        <StatusBanner banner=Banner::unavailable() />
        <section class="feed-problem" role="alert" aria-labelledby="problem-heading">
            <h2 id="problem-heading">"Was das für Sie heißt"</h2>
            <p>{reason}</p>
            <p>
                "Wenn etwas in Ihrer Praxis oder Apotheke nicht klappt: Fragen Sie dort nach. "
                "Bei dringenden Beschwerden außerhalb der Sprechzeiten hilft die 116117."
            </p>
            <details class="feed-problem__details">
                <summary>"Technische Angaben für die Herausgeber"</summary>
                <ul>
                    {details.into_iter().map(|d| view! { <li><code>{d}</code></li> }).collect_view()}
                </ul>
            </details>
        </section>
    }
}
