use super::{GeneralNumbers, StatusBanner};
use crate::feed_source::FetchError;
use leptos::prelude::*;
use std::sync::Arc;
use wegweiser_core::present::Banner;
use wegweiser_core::words::k;
use wegweiser_core::{Problem, Words};

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
pub fn FeedProblem(problem: LoadProblem, w: &'static Words) -> impl IntoView {
    let (reason, details): (&str, Vec<String>) = match &problem {
        LoadProblem::Fetch(e) => (w.get(k::PROBLEM_FETCH), vec![e.detail()]),
        LoadProblem::Invalid(problems) => (
            w.get(k::PROBLEM_INVALID),
            problems
                .iter()
                .filter(|p| p.is_error())
                .map(|p| p.to_string())
                .collect(),
        ),
    };
    view! {
        <StatusBanner banner=Banner::unavailable(w) />
        <section class="feed-problem" role="alert" aria-labelledby="problem-heading">
            <h2 id="problem-heading">{w.get(k::PROBLEM_HEADING)}</h2>
            <p>{reason}</p>
            <p>{w.get(k::PROBLEM_ADVICE)}</p>
            <details class="feed-problem__details">
                <summary>{w.get(k::PROBLEM_DETAILS)}</summary>
                <ul>
                    {details.into_iter().map(|d| view! { <li><code>{d}</code></li> }).collect_view()}
                </ul>
            </details>
        </section>
        <GeneralNumbers w />
    }
}
