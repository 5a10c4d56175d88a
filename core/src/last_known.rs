//! What the page shows over time, as the feed is fetched again and again: the last feed
//! that arrived intact, and whether the latest attempt failed. A fetch that fails, or a
//! feed that arrives broken, never takes away what the page already showed; it adds a
//! plain note that the page could not update.

use crate::present::{Choice, PageModel, When};
use crate::widget::{WidgetModel, WidgetParams};
use crate::{parse, Feed, Problem, Time, Words};
use std::sync::Arc;

/// The page's memory of its feed.
#[derive(Debug, Default)]
pub struct LastKnown {
    last: Option<Intact>,
    /// The latest attempt failed (network, HTTP, or a broken feed).
    failing: bool,
}

#[derive(Debug)]
struct Intact {
    text: String,
    feed: Arc<Feed>,
    /// When that text last arrived (again).
    fetched_at: Time,
}

impl LastKnown {
    pub fn new() -> LastKnown {
        LastKnown::default()
    }

    /// A fetch at `at` returned `text`. Unchanged text costs no parsing. If the text is
    /// not a valid feed, its problems are returned, and the last intact feed (if any)
    /// stays, marked as failing.
    pub fn arrived(&mut self, text: String, at: Time) -> Result<(), Vec<Problem>> {
        if let Some(last) = self.last.as_mut().filter(|l| l.text == text) {
            last.fetched_at = at;
            self.failing = false;
            return Ok(());
        }
        let parsed = parse(&text);
        match parsed.feed {
            Some(feed) => {
                self.last = Some(Intact {
                    text,
                    feed: Arc::new(feed),
                    fetched_at: at,
                });
                self.failing = false;
                Ok(())
            }
            None => {
                self.failing = true;
                Err(parsed.problems)
            }
        }
    }

    /// A feed kept from an earlier visit (`text`, fetched at `fetched_at`), for when
    /// the latest attempt failed and nothing arrived since the page opened: it becomes
    /// the last known state — shown with its age, marked as failing. Ignored if a feed
    /// already arrived or the kept text is not (or no longer) a valid feed.
    pub fn recall(&mut self, text: String, fetched_at: Time) -> bool {
        // Through `arrived`: one caller of the parser keeps it inlined in the page's wasm.
        if self.last.is_some() || self.arrived(text, fetched_at).is_err() {
            return false;
        }
        self.failing = true;
        true
    }

    /// The last intact feed's text and when it arrived, to keep for a later visit.
    pub fn intact(&self) -> Option<(&str, Time)> {
        self.last.as_ref().map(|l| (l.text.as_str(), l.fetched_at))
    }

    /// A fetch failed before a feed arrived.
    pub fn failed(&mut self) {
        self.failing = true;
    }

    /// The last intact feed, if one ever arrived.
    pub fn feed(&self) -> Option<&Arc<Feed>> {
        self.last.as_ref().map(|l| &l.feed)
    }

    /// The page at `at` from the last intact feed, with a note when the latest attempt
    /// failed; `None` if no intact feed has arrived yet.
    pub fn page(&self, at: Time, choice: Choice<'_>, preview: bool) -> Option<PageModel> {
        let last = self.last.as_ref()?;
        let mut page = PageModel::chosen(&last.feed, at, choice, preview);
        if self.failing {
            page.refresh_failed = Some(When::of(&last.fetched_at, choice.words));
        }
        Some(page)
    }

    /// The embeddable widget at `at`, like [`LastKnown::page`].
    pub fn widget(&self, at: Time, params: &WidgetParams, preview: bool) -> Option<WidgetModel> {
        let last = self.last.as_ref()?;
        let status = last.feed.status_at(at);
        let mut widget = WidgetModel::new(&last.feed, &status, params, preview);
        if self.failing {
            widget.refresh_failed = Some(When::of(&last.fetched_at, Words::german()));
        }
        Some(widget)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page in German, for every region.
    fn everywhere() -> Choice<'static> {
        Choice {
            words: Words::german(),
            region: None,
        }
    }

    #[test]
    fn a_feed_kept_from_an_earlier_visit_stands_in_only_when_nothing_arrived() {
        let sample = include_str!("../../feed/feed.json");
        let then = crate::rfc3339::parse("2025-06-13T10:00:00+02:00").unwrap();
        let later = crate::rfc3339::parse("2025-06-13T10:05:00+02:00").unwrap();
        let choice = everywhere();

        let mut known = LastKnown::new();
        known.failed();
        assert!(!known.recall("{".into(), then), "a broken kept text is ignored");
        assert!(known.recall(sample.into(), then));
        let page = known.page(later, choice, false).unwrap();
        assert_eq!(
            page.refresh_failed.map(|w| w.machine),
            Some("2025-06-13T10:00:00+02:00".into())
        );
        assert_eq!(known.intact().map(|(_, t)| t), Some(then));

        // Once a feed arrived, an older kept one never replaces it.
        let mut fresh = LastKnown::new();
        fresh.arrived(sample.into(), later).unwrap();
        assert!(!fresh.recall(sample.into(), then));
        assert!(fresh.page(later, choice, false).unwrap().refresh_failed.is_none());
    }
    use crate::status::Overall;

    const SAMPLE: &str = include_str!("../../feed/feed.json");

    fn at(s: &str) -> Time {
        crate::rfc3339::parse(s).expect("test time")
    }

    #[test]
    fn keeps_the_last_intact_feed_through_failures_and_broken_feeds() {
        let mut known = LastKnown::new();
        known.failed();
        assert!(known
            .page(at("2021-11-22T10:30:00+01:00"), everywhere(), true)
            .is_none());

        let first = at("2021-11-22T10:30:00+01:00");
        assert!(known.arrived(SAMPLE.to_string(), first).is_ok());
        let page = known.page(first, everywhere(), true).expect("a page");
        assert_eq!(page.refresh_failed, None);
        assert_eq!(page.notices.len(), 1);

        // The network goes away: same page, plus the note with the last good fetch.
        known.failed();
        let later = at("2021-11-22T10:32:00+01:00");
        let page = known.page(later, everywhere(), true).expect("still a page");
        assert_eq!(page.notices.len(), 1);
        assert_eq!(
            page.refresh_failed.map(|w| w.label),
            Some("Montag, 22.11.2021, 10:30 Uhr".to_string())
        );

        // A broken feed arrives: its problems are returned, the page stays.
        let problems = known
            .arrived("{\"version\": 1,".to_string(), later)
            .expect_err("broken");
        assert!(!problems.is_empty());
        assert_eq!(
            known.page(later, everywhere(), true).expect("page").notices.len(),
            1
        );
        assert!(known
            .page(later, everywhere(), true)
            .expect("page")
            .refresh_failed
            .is_some());

        // The same feed again: the note goes, the fetch time moves on.
        assert!(known.arrived(SAMPLE.to_string(), later).is_ok());
        assert_eq!(
            known
                .page(later, everywhere(), true)
                .expect("page")
                .refresh_failed,
            None
        );
    }

    #[test]
    fn a_kept_feed_still_turns_stale_and_never_claims_all_working() {
        let mut known = LastKnown::new();
        let fetched = at("2025-06-13T14:40:00+02:00");
        assert!(known.arrived(SAMPLE.to_string(), fetched).is_ok());
        known.failed();
        let page = known
            .page(at("2025-06-13T18:00:00+02:00"), everywhere(), true)
            .expect("page");
        assert!(page.stale_since.is_some());
        assert_eq!(
            page.banner,
            crate::present::Banner::for_overall(Overall::Unknown, Words::german())
        );
    }
}
