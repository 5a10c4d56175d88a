//! What must hold for every input, whatever it is: shared by the property test
//! (`core/tests/properties.rs`) and the fuzz target (`fuzz/fuzz_targets/feed.rs`).
//!
//! [`check`] parses a text twice and panics, with a message naming the broken rule, if
//! - parsing is not deterministic (other problems or another feed the second time);
//! - a feed is built although an error was reported, or refused without an error;
//! - a problem has an empty message, or no line:column although it is among the
//!   first 500 (the parser locates at most 500), or a line:column outside the text;
//! - a located problem's line:column is not where its path leads in the text;
//! - for a feed without errors, computing the status and the page at the instants
//!   that matter (every start, end, update, the staleness limit …) panics, or the
//!   page claims "all working" while the feed is stale or a notice is active.

#![allow(dead_code)]

use chrono::TimeDelta;
use wegweiser_core::present::PageModel;
use wegweiser_core::Words;
use wegweiser_core::{offset_of, parse, Feed, Freshness, Overall, Parsed, Time};

/// How many problems the parser gives a line:column (`MAX_LOCATED` in `locate.rs`).
pub const LOCATED: usize = 500;

/// Parses `src` and checks every rule above; returns the (first) result.
pub fn check(src: &str) -> Parsed {
    let parsed = parse(src);
    let again = parse(src);
    assert_eq!(
        parsed.problems, again.problems,
        "parsing twice gave other problems"
    );
    assert_eq!(parsed.feed, again.feed, "parsing twice gave another feed");

    let has_error = parsed.problems.iter().any(|p| p.is_error());
    assert_eq!(
        parsed.feed.is_some(),
        !has_error,
        "a feed must be built exactly when there is no error: {:#?}",
        parsed.problems
    );

    // Positions count from after a byte order mark, which the parser drops (editors do
    // not show it either).
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let line_lengths: Vec<usize> = src.split('\n').map(|l| l.chars().count()).collect();
    for (i, p) in parsed.problems.iter().enumerate() {
        assert!(!p.message.is_empty(), "problem {i} has no message: {p:?}");
        assert!(!p.path_string().is_empty(), "problem {i} has no path: {p:?}");
        let Some((line, column)) = p.position else {
            assert!(i >= LOCATED, "problem {i} has no line:column: {p}");
            continue;
        };
        assert!(
            (1..=line_lengths.len()).contains(&line),
            "problem {i}: line {line} is outside the text ({} lines): {p}",
            line_lengths.len()
        );
        assert!(
            (1..=line_lengths[line - 1] + 1).contains(&column),
            "problem {i}: column {column} is outside line {line} ({} characters): {p}",
            line_lengths[line - 1]
        );
        let syntax_or_empty = p.path.is_empty();
        if !syntax_or_empty {
            let offset = offset_of(src, &p.path).unwrap_or(0);
            assert_eq!(
                Some(line_column(src, offset)),
                p.position,
                "problem {i}: line:column is not where its path leads: {p}"
            );
        }
    }

    if let Some(feed) = &parsed.feed {
        status_and_page(feed);
    }
    parsed
}

/// 1-based line and column in characters of a byte offset, computed independently of
/// the crate.
fn line_column(src: &str, offset: usize) -> (usize, usize) {
    let before = src.get(..offset).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The instants at which something changes on the page, and one second before and after.
pub fn interesting_instants(feed: &Feed) -> Vec<Time> {
    let mut times = vec![feed.generated_at, feed.stale_after()];
    for i in feed.incidents.iter().take(20) {
        times.push(i.start);
        times.extend(i.end);
        times.extend(i.next_update);
        times.extend(i.updates.iter().take(20).map(|u| u.at));
    }
    for m in feed.maintenance.iter().take(20) {
        times.push(m.start);
        times.push(m.end);
    }
    let mut around = Vec::new();
    for t in times {
        for delta in [
            TimeDelta::zero(),
            TimeDelta::seconds(-1),
            TimeDelta::seconds(1),
            TimeDelta::hours(72),
            TimeDelta::days(-14),
        ] {
            around.extend(t.checked_add_signed(delta));
        }
    }
    around.sort();
    around.dedup();
    around
}

/// Computes the status and the page at every interesting instant and checks that the
/// page never says more than it knows.
pub fn status_and_page(feed: &Feed) {
    let services = feed.services().count();
    for at in interesting_instants(feed) {
        let status = feed.status_at(at);
        assert_eq!(
            status.services.len(),
            services,
            "every service has a state at {at}"
        );
        assert!(status.active.iter().all(|a| a.incident.start <= at));
        if status.overall == Overall::AllWorking {
            assert_eq!(
                status.freshness,
                Freshness::Fresh,
                "\"all working\" from a stale feed at {at}"
            );
            assert!(status.active.is_empty() && status.maintenance_now.is_empty());
        }
        for lang in ["de", "en", "ar"] {
            let page = PageModel::new(feed, &status, Words::german(), lang, true);
            assert_eq!(
                page.notices.len(),
                status.active.len() + status.maintenance_now.len(),
                "every active incident and maintenance in progress has a notice at {at}"
            );
            assert_eq!(page.banner.tone == "ok", status.overall == Overall::AllWorking);
        }
    }
}
